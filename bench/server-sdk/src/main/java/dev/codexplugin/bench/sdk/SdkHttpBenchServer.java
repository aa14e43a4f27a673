package dev.codexplugin.bench.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Baseline (a) over Streamable HTTP: the same 50 hand-written tools on the official SDK's own servlet transport
 * ({@code HttpServletStreamableServerTransportProvider}) in Jetty 12, as the SDK's documentation shows it.
 * usage: {@code SdkHttpBenchServer <port>}; prints {@code listening on http://127.0.0.1:<port>/mcp} to stderr.
 */
public final class SdkHttpBenchServer {
  private SdkHttpBenchServer() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    McpJsonMapper json = new JacksonMcpJsonMapper(mapper);
    HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
        .jsonMapper(json)
        .mcpEndpoint("/mcp")
        .build();
    McpServer.sync(transport)
        .serverInfo("bench-sdk", "1.0.0")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .jsonMapper(json)
        .jsonSchemaValidator(new DefaultJsonSchemaValidator(mapper))
        .tools(SdkBenchServer.specifications(mapper, json))
        .build();
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(Integer.parseInt(args[0]));
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    ServletHolder servlet = new ServletHolder("mcp", transport);
    servlet.setAsyncSupported(true);
    context.addServlet(servlet, "/mcp");
    jetty.setHandler(context);
    jetty.start();
    System.err.println("listening on http://127.0.0.1:" + connector.getLocalPort() + "/mcp");
    jetty.join();
  }
}
