/**
 * Serves a plugin's {@code @McpTool} methods as an MCP server on the official MCP Java SDK
 * ({@link dev.codexplugin.mcp.McpToolServer}) and calls them in tests through the same JSON path
 * ({@link dev.codexplugin.mcp.McpToolHarness}). Only {@code dev.codexplugin.mcp} is API;
 * {@code dev.codexplugin.mcp.internal} may change without notice.
 */
module dev.codexplugin.mcp {
  requires io.modelcontextprotocol.sdk.mcp.core;
  requires io.modelcontextprotocol.sdk.mcp.json.jackson2;
  requires com.networknt.schema;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires com.fasterxml.jackson.datatype.jsr310;
  // Optional: a span per tool call when the application puts the API on the class path.
  requires static io.opentelemetry.api;
  requires static io.opentelemetry.context;

  exports dev.codexplugin.mcp;
}
