package dev.codexplugin.mcp.internal;

import dev.codexplugin.mcp.ToolServerDefinition;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One definition served over Streamable HTTP: the SDK's {@link HttpServletStreamableServerTransportProvider}
 * (a servlet) in Jetty 12, behind {@link HttpGate}. Origin and Host are validated by the SDK's
 * {@link DefaultServerTransportSecurityValidator} against the allowed lists (DNS-rebinding protection: a page
 * in a browser cannot reach a server on localhost through a name it controls).
 */
public final class HttpServing implements AutoCloseable {
  private final Server jetty;
  private final McpSyncServer server;
  private final HttpServletStreamableServerTransportProvider transport;

  private HttpServing(Server jetty, McpSyncServer server, HttpServletStreamableServerTransportProvider transport) {
    this.jetty = jetty;
    this.server = server;
    this.transport = transport;
  }

  /**
   * Starts serving.
   *
   * @param bearerToken the token clients must send, or {@code null}
   * @param allowedOrigins the {@code Origin} values accepted ({@code http://localhost:*} style patterns)
   * @param allowedHosts the {@code Host} values accepted; empty accepts any
   * @throws IllegalArgumentException naming every problem of the definition
   * @throws Exception when Jetty cannot start (the port is taken)
   */
  public static HttpServing start(ToolServerDefinition definition, String host, int port, String path,
      String bearerToken, List<String> allowedOrigins, List<String> allowedHosts) throws Exception {
    ServerAssembly assembly = ServerAssembly.of(definition);
    ServerState state = assembly.state();
    HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
        .jsonMapper(assembly.protocolMapper())
        .mcpEndpoint(path)
        .maxRequestSize(ProtocolInput.MAX_LINE_BYTES)
        .keepAliveInterval(Duration.ofSeconds(30))
        .securityValidator(DefaultServerTransportSecurityValidator.builder()
            .allowedOrigins(allowedOrigins)
            .allowedHosts(allowedHosts)
            .build())
        .build();
    McpSyncServer server = assembly.build(McpServer.sync(Transports.streamable(transport, state.sessions())));

    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("codexplugin-mcp-http");
    threads.setDaemon(true);
    Server jetty = new Server(threads);
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(host);
    connector.setPort(port);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    ServletHolder servlet = new ServletHolder("mcp", transport);
    servlet.setAsyncSupported(true);
    context.addServlet(servlet, path);
    FilterHolder gate = new FilterHolder(new HttpGate(bearerToken, state.calls()));
    gate.setAsyncSupported(true);
    context.addFilter(gate, path, EnumSet.of(DispatcherType.REQUEST));
    jetty.setHandler(context);
    jetty.setStopTimeout(5_000);
    try {
      jetty.start();
    } catch (Exception e) {
      server.close();
      throw e;
    }
    return new HttpServing(jetty, server, transport);
  }

  /** The port Jetty listens on (the chosen one when started on port 0). */
  public int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  /** Tells subscribed clients that the resource at {@code uri} changed. */
  public void resourceUpdated(String uri) {
    server.getAsyncServer().notifyResourcesUpdated(new McpSchema.ResourcesUpdatedNotification(uri)).block();
  }

  /** Blocks until Jetty stops. */
  public void join() throws InterruptedException {
    jetty.join();
  }

  @Override
  public void close() {
    try {
      transport.closeGracefully().block(Duration.ofSeconds(5));
    } catch (RuntimeException e) {
      // closing anyway
    }
    try {
      jetty.stop();
    } catch (Exception e) {
      System.getLogger("dev.codexplugin.mcp").log(System.Logger.Level.WARNING, "Jetty did not stop cleanly", e);
    }
    server.close();
  }
}
