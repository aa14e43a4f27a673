package dev.codexplugin.runtime.format;

import java.util.List;

/**
 * The names of the format's files, in one place (docs/FORMAT.md). Paths inside a plugin folder are relative to
 * its root; paths of a marketplace are relative to the marketplace root.
 */
public final class FormatFiles {
  private FormatFiles() {}

  /** The Codex manifest. */
  public static final String MANIFEST = ".codex-plugin/plugin.json";
  /** The Claude Code manifest. */
  public static final String CLAUDE_MANIFEST = ".claude-plugin/plugin.json";
  /** The Cursor manifest, which Codex also reads. */
  public static final String CURSOR_MANIFEST = ".cursor-plugin/plugin.json";
  /** The manifests in the order Codex picks them; the first present one is read, with no fallback. */
  public static final List<String> MANIFESTS = List.of(MANIFEST, CLAUDE_MANIFEST, CURSOR_MANIFEST);
  /** A root {@code plugin.json}: with the Agent Plugins schema, Codex reads it instead of the others. */
  public static final String ROOT_MANIFEST = "plugin.json";
  /** The schema that makes a root {@code plugin.json} an Agent Plugins manifest. */
  public static final String AGENT_PLUGINS_SCHEMA = "https://agent-plugins.org/schemas/1.0.0/plugin.schema.json";
  /** The default skills folder. */
  public static final String SKILLS = "skills";
  /** A skill's instructions, in its folder. */
  public static final String SKILL_FILE = "SKILL.md";
  /** A skill's interface for Codex, relative to its folder. */
  public static final String AGENT_FILE = "agents/openai.yaml";
  /** MCP servers. */
  public static final String MCP_FILE = ".mcp.json";
  /** App connectors. */
  public static final String APP_FILE = ".app.json";
  /** Lifecycle hooks. */
  public static final String HOOKS_FILE = "hooks/hooks.json";
  /** SDK only: the Java tools of the bundle's server ({@link ToolFiles}). */
  public static final String TOOLS_FILE = "mcp-tools.json";
  /** SDK only: what each MCP server needs on the user's machine ({@link ToolFiles}). */
  public static final String REQUIREMENTS_FILE = "mcp-requirements.json";
  /** The libraries of a bundled Java server, relative to the plugin root. */
  public static final String LIB = "lib/";

  /** A Codex marketplace. */
  public static final String CODEX_MARKETPLACE = ".agents/plugins/marketplace.json";
  /** A Claude Code marketplace. */
  public static final String CLAUDE_MARKETPLACE = ".claude-plugin/marketplace.json";
  /** The marker of a marketplace folder the exporter wrote ({@link ExportMarker}). */
  public static final String EXPORT_MARKER = ".codexplugin-export";

  /** Whether {@code path} is the file of a part that the host reads by default, without a manifest. */
  public static boolean isDefaultPart(String path) {
    return path.startsWith(SKILLS + "/") || path.equals(MCP_FILE) || path.equals(APP_FILE)
        || path.equals(HOOKS_FILE);
  }
}
