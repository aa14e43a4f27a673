package dev.codexplugin.mcp;

import java.util.List;

/**
 * A plugin's tool server: the processor generates one implementation per plugin with {@code @McpTool}
 * methods ({@code <PluginName>McpServer} in the package of the {@code @Plugin}), with a {@code main} method
 * that serves it over stdio. Tests hand it to {@link McpToolHarness}.
 */
public interface ToolServerDefinition {
  /** The MCP server name, as in {@code .mcp.json}. */
  String serverName();

  /** The plugin version, reported as the server version. */
  String version();

  /** Every tool, in a stable order. Called once per server. */
  List<ToolMethod> tools();
}
