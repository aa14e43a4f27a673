package dev.codexplugin.runtime;

import java.util.Objects;

/**
 * One difference between two builds of a bundle and the version bump it needs.
 *
 * @param part what kind of part changed
 * @param subject which one, e.g. {@code tool "compare" (server "versions")}
 * @param kind how it changed
 * @param bump the smallest version bump that announces the change honestly
 * @param detail what changed, e.g. {@code input: new required parameter "strict"}
 */
public record BundleChange(Part part, String subject, Kind kind, Bump bump, String detail) {
  /** The parts of a bundle. */
  public enum Part {
    /** The manifest: name, description, interface. */
    PLUGIN,
    /** A skill. */
    SKILL,
    /** An MCP server of {@code .mcp.json}. */
    MCP_SERVER,
    /** A Java tool of {@code mcp-tools.json}. */
    TOOL,
    /** An app of {@code .app.json}. */
    APP,
    /** A hook of {@code hooks/hooks.json}. */
    HOOK
  }

  /** How a part changed. */
  public enum Kind {
    /** It is new. */
    ADDED,
    /** It is gone. */
    REMOVED,
    /** It accepts less than before (a tool input) or promises less (a tool output). */
    NARROWED,
    /** It accepts more than before, or promises more. */
    WIDENED,
    /** It behaves differently (a command, an id, a transport). */
    CHANGED,
    /** Only its text changed. */
    TEXT
  }

  /** Checks that nothing is {@code null}. */
  public BundleChange {
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(bump, "bump");
    Objects.requireNonNull(detail, "detail");
  }

  /** {@code MAJOR tool "compare" (server "versions"): removed}. */
  @Override
  public String toString() {
    return bump + " " + subject + ": " + detail;
  }
}
