package dev.codexplugin.hooks;

import java.util.Optional;

/**
 * The fields of the tool events ({@link PreToolUse}, {@link PostToolUse}, {@link PermissionRequest}): which tool,
 * with which input.
 *
 * <p>Tool names differ between the hosts for the same MCP tool: Codex names a plugin's tool
 * {@code mcp__<server, - as _>__<tool>} ({@code mcp__release_tools__bump}), Claude Code
 * {@code mcp__plugin_<plugin>_<server>__<tool>} ({@code mcp__plugin_release-tools_release-tools__bump}).
 * {@link #mcpTool()} gives the tool's own name in both.
 */
public sealed interface ToolEvent permits PreToolUse, PostToolUse, PermissionRequest {
  /** {@code tool_name}, as the host names the tool (and as the matcher saw it). */
  String toolName();

  /** {@code tool_input}: the tool's arguments, e.g. the MCP call's arguments or {@code {"command": ...}}. */
  JsonObject toolInput();

  /** {@link #toolInput()} as compact JSON text. */
  default String toolInputJson() {
    return toolInput().toString();
  }

  /**
   * For an MCP tool ({@code mcp__<server>__<tool>}), the tool's own name ({@code bump}); empty for a host's
   * built-in tool ({@code Bash}, {@code shell}, {@code apply_patch}, ...).
   */
  default Optional<String> mcpTool() {
    String name = toolName();
    if (!name.startsWith("mcp__")) {
      return Optional.empty();
    }
    int split = name.indexOf("__", 5);
    return split < 0 || split + 2 >= name.length() ? Optional.empty() : Optional.of(name.substring(split + 2));
  }

  /**
   * For an MCP tool, the server part of the name as the host writes it: {@code release_tools} (Codex),
   * {@code plugin_release-tools_release-tools} (Claude Code).
   */
  default Optional<String> mcpServer() {
    String name = toolName();
    if (!name.startsWith("mcp__")) {
      return Optional.empty();
    }
    int split = name.indexOf("__", 5);
    return split < 0 ? Optional.empty() : Optional.of(name.substring(5, split));
  }
}
