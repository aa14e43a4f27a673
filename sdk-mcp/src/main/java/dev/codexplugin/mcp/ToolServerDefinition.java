package dev.codexplugin.mcp;

import java.util.List;

/**
 * A plugin's MCP server: the processor generates one implementation per plugin with {@code @McpTool}
 * methods ({@code <PluginName>McpServer} in the package of the {@code @Plugin}), with a {@code main} method
 * that serves it over stdio. Tests hand it to {@link McpToolHarness}; {@link McpHttpServer} serves it over
 * Streamable HTTP.
 */
public interface ToolServerDefinition {
  /** The MCP server name, as in {@code .mcp.json}. */
  String serverName();

  /** The plugin version, reported as the server version. */
  String version();

  /** Every tool, in a stable order. Called once per server. */
  List<ToolMethod> tools();

  /**
   * Every resource and resource template, in a stable order. Called once per server. With at least one, the
   * server declares the {@code resources} capability with {@code subscribe} and {@code listChanged}.
   */
  default List<ResourceMethod> resources() {
    return List.of();
  }

  /** Every prompt, in a stable order. Called once per server; with one, {@code prompts} is declared. */
  default List<PromptMethod> prompts() {
    return List.of();
  }

  /**
   * Every completion, in a stable order. Called once per server; with one, {@code completions} is declared.
   */
  default List<CompletionMethod> completions() {
    return List.of();
  }

  /** Instructions for the client's model, sent in {@code initialize}; {@code null} for none. */
  default String instructions() {
    return null;
  }
}
