package dev.codexplugin.mcp.internal;

import dev.codexplugin.mcp.ToolServerDefinition;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One MCP stdio session: a real {@link McpSyncServer} on the SDK's {@link StdioServerTransportProvider},
 * reading {@link ProtocolInput} (which screens every line, see {@link Screen}) and writing
 * {@link ProtocolOutput} (which drops the answers of cancelled calls).
 */
public final class ToolServerSession {
  private static final System.Logger LOG = System.getLogger("dev.codexplugin.mcp");
  /** The scope of stdio call tokens: one session per process. */
  static final String SCOPE = "stdio";

  private final McpSyncServer server;
  private final ProtocolInput input;
  private final Duration grace;

  private ToolServerSession(McpSyncServer server, ProtocolInput input, Duration grace) {
    this.server = server;
    this.input = input;
    this.grace = grace;
  }

  /**
   * Checks the definition and starts serving it on {@code in} and {@code out}.
   *
   * @param grace how long requests still in flight at end of input may take before the session ends
   * @throws IllegalArgumentException naming every problem of the definition
   */
  public static ToolServerSession start(ToolServerDefinition definition, InputStream in, OutputStream out,
      Duration grace) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    ServerAssembly assembly = ServerAssembly.of(definition);
    ServerState state = assembly.state();
    InFlight inFlight = new InFlight();
    ProtocolOutput protocolOut = new ProtocolOutput(out, inFlight, state.mapper().getFactory(), state.calls());
    ProtocolInput protocolIn = new ProtocolInput(in, protocolOut, inFlight, state.mapper(),
        assembly.protocolMapper(), grace, state.calls());
    StdioServerTransportProvider transport =
        new StdioServerTransportProvider(assembly.protocolMapper(), protocolIn, protocolOut);
    McpSyncServer server = assembly.build(McpServer.sync(Transports.stdio(transport, state.sessions())));
    protocolIn.start();
    return new ToolServerSession(server, protocolIn, grace);
  }

  /** Waits until the input ended and every answer was written. */
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return input.awaitEnded(timeout, unit);
  }

  /** Tells subscribed clients that the resource at {@code uri} changed. */
  public void resourceUpdated(String uri) {
    server.getAsyncServer().notifyResourcesUpdated(new McpSchema.ResourcesUpdatedNotification(uri)).block();
  }

  /** Sends {@code notifications/resources/list_changed}. */
  public void resourcesListChanged() {
    server.notifyResourcesListChanged();
  }

  /** Sends {@code notifications/prompts/list_changed}. */
  public void promptsListChanged() {
    server.notifyPromptsListChanged();
  }

  /** Ends the session as at end of input: calls in flight may finish within the grace period. */
  public void close() {
    input.end();
    try {
      if (!input.awaitEnded(grace.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
        LOG.log(Level.WARNING, "The MCP session did not end in time; closing it anyway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.closeGracefully();
  }
}
