package dev.codexplugin.packages;

import java.util.Objects;

/**
 * A command of the package manager could not be carried out. The message is one line that names the file (or
 * artifact, repository or host) and says how to fix it; the command left files, lock and hosts as they were.
 */
public final class PackageException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with its one-line message. */
  public PackageException(String message) {
    super(Objects.requireNonNull(message, "message"));
  }

  /** Creates the exception with its one-line message and the failure behind it. */
  public PackageException(String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
  }
}
