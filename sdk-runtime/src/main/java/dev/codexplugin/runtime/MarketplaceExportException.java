package dev.codexplugin.runtime;

import java.util.List;
import java.util.Objects;

/**
 * An export that did not happen. The output folder is left as it was. The message names the jars, files and
 * fields involved and how to fix the problem; {@link #findings()} holds the bundle findings when a jar is
 * invalid.
 */
public final class MarketplaceExportException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the export stopped; {@link #id()} is stable, for tools. */
  public enum Reason {
    /** A jar is missing, holds no bundle, or a bundle has errors ({@link #findings()} lists them). */
    INVALID_BUNDLE("InvalidBundle"),
    /** Two plugins of the same name. */
    DUPLICATE_PLUGIN("DuplicatePlugin"),
    /** Two MCP servers of the same name in different plugins (Codex silently keeps only one). */
    DUPLICATE_SERVER("DuplicateServer"),
    /** Two library jars, or a library jar and a bundle file, would have the same path in {@code lib/}. */
    DUPLICATE_LIBRARY("DuplicateLibrary"),
    /** The output exists and was not created by the exporter (no marker file), and force is off. */
    NOT_AN_EXPORT("NotAnExport"),
    /** A path would leave the output folder, or the output would replace one of the inputs. */
    UNSAFE_PATH("UnsafePath"),
    /**
     * The marketplace name is one a host of the format refuses to add from a folder: Claude Code's official and
     * impersonating names, Codex's {@code openai-curated} and its kin.
     */
    RESERVED_NAME("ReservedName"),
    /** Reading or writing failed. */
    IO("Io");

    private final String id;

    Reason(String id) {
      this.id = id;
    }

    /** The stable id, e.g. {@code DuplicateServer}. */
    public String id() {
      return id;
    }

    /** The tag that starts the message, e.g. {@code [codexplugin:DuplicateServer]}. */
    public String tag() {
      return "[codexplugin:" + id + "]";
    }
  }

  private final Reason reason;
  private final List<Finding> findings;

  /** An export failure; {@code message} is the sentence after the tag. */
  public MarketplaceExportException(Reason reason, String message, List<Finding> findings) {
    super(Objects.requireNonNull(reason, "reason").tag() + " " + Objects.requireNonNull(message, "message")
        + render(findings));
    this.reason = reason;
    this.findings = List.copyOf(findings);
  }

  /** An export failure caused by {@code cause}. */
  public MarketplaceExportException(Reason reason, String message, Throwable cause) {
    this(reason, message, List.of());
    initCause(cause);
  }

  /** Why the export stopped. */
  public Reason reason() {
    return reason;
  }

  /** The findings of an invalid bundle, errors first; empty for other reasons. */
  public List<Finding> findings() {
    return findings;
  }

  private static String render(List<Finding> findings) {
    StringBuilder out = new StringBuilder();
    for (Finding f : findings) {
      out.append("\n  ").append(f);
    }
    return out.toString();
  }
}
