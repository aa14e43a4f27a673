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
  requires reactor.core;
  requires static jakarta.servlet;
  requires static org.eclipse.jetty.server;
  requires static org.eclipse.jetty.ee10.servlet;
  requires static org.eclipse.jetty.util;
  // Only for the tests, which are compiled into this module and speak raw HTTP to McpHttpServer.
  requires static java.net.http;
  // Optional: a span per tool call when the application puts the API on the class path.
  requires static io.opentelemetry.api;
  requires static io.opentelemetry.context;

  exports dev.codexplugin.mcp;
}
