/**
 * The server side of the official MCP conformance suite ({@code @modelcontextprotocol/conformance}), written
 * with the SDK's own annotations: {@code @McpTool} methods with context parameters and content results
 * ({@link com.acme.conformance.ConformanceTools}), {@code @McpResource}, {@code @McpPrompt} and
 * {@code @McpCompletion} methods ({@link com.acme.conformance.ConformanceFeatures}). The processor generates the
 * server {@code ConformanceMcpServer}: its {@code main} serves stdio, and
 * {@code java dev.codexplugin.mcp.McpHttpServer --server com.acme.conformance.ConformanceMcpServer} serves it over
 * Streamable HTTP, with no code of the plugin's own. {@code ConformanceIT} runs the suite against both (profile
 * e2e).
 */
@Plugin(name = "conformance", version = "1.0.0",
    description = "The MCP conformance suite's server scenarios, written with the SDK's annotations")
package com.acme.conformance;

import dev.codexplugin.api.Plugin;
