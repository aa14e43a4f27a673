package dev.codexplugin.runtime.format;

import java.util.Collection;
import java.util.Optional;

/**
 * The path rule of the format: a path field starts with {@code ./}, is not {@code ./} alone, contains no
 * {@code ..} and no absolute part, and so stays inside the plugin root.
 */
public final class BundlePaths {
  private BundlePaths() {}

  /** What is wrong with {@code path} as a path field, or empty when it follows the rule. */
  public static Optional<String> problem(String path) {
    if (!path.startsWith("./")) {
      return Optional.of("it does not start with ./");
    }
    String rest = path.substring(2);
    if (rest.isEmpty() || rest.equals("/")) {
      return Optional.of("it names the plugin root itself");
    }
    if (rest.startsWith("/") || rest.contains("\\") || rest.contains(":")) {
      return Optional.of("it has an absolute part");
    }
    for (String segment : rest.split("/", -1)) {
      if (segment.equals("..")) {
        return Optional.of("it contains ..");
      }
    }
    return Optional.empty();
  }

  /** {@code ./skills/} becomes {@code skills}; only for paths without a {@link #problem}. */
  public static String relative(String path) {
    String rest = path.substring(2);
    while (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    while (rest.startsWith("./")) {
      rest = rest.substring(2);
    }
    return rest.replace("/./", "/");
  }

  /** Whether {@code relative} is a file of the bundle, or a folder holding one. */
  public static boolean exists(Collection<String> files, String relative) {
    if (files.contains(relative)) {
      return true;
    }
    String prefix = relative + "/";
    for (String file : files) {
      if (file.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code entry} is a safe relative file name for a bundle: not empty, no leading {@code /}, no
   * backslash, no drive letter, no empty, {@code .} or {@code ..} segment.
   */
  public static boolean isSafeEntry(String entry) {
    if (entry.isEmpty() || entry.startsWith("/") || entry.contains("\\") || entry.contains(":")
        || entry.indexOf('\0') >= 0) {
      return false;
    }
    for (String segment : entry.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }
}
