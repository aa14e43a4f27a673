package dev.codexplugin.mcp;

import dev.codexplugin.mcp.internal.ToolServerSession;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Serves a {@link ToolServerDefinition} as an MCP server on the official MCP Java SDK. The generated
 * {@code main} method of a plugin's tool server is one line:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   McpToolServer.serve(new ReleaseToolsMcpServer());
 * }
 * }</pre>
 *
 * <p>What a client sees:
 *
 * <ul>
 *   <li>{@code initialize} answers with the definition's server name and version and the {@code tools}
 *       capability; {@code tools/list} returns every tool's descriptor as written.
 *   <li>{@code tools/call} checks the arguments against the tool's input schema before the call. Arguments
 *       that do not validate, and values that validate but cannot be bound to the parameter's Java type, are
 *       reported with a message naming each problem as {@code /pointer: message}: as a result with
 *       {@code isError: true} when the client negotiated 2025-11-25 or later (SEP-1303, so the model can
 *       correct its call), as a JSON-RPC error {@code -32602} for older revisions.
 *   <li>Malformed messages (a batch, {@code "jsonrpc": "1.0"}, a fractional id, {@code tools/call} without
 *       params or with {@code arguments} that are not an object, a {@code cursor}) get a plain JSON-RPC error;
 *       a {@code ping} is answered at once, even before {@code initialize}; {@code notifications/cancelled}
 *       interrupts the call and no answer is sent for it. After negotiating an older revision, fields of later
 *       revisions are left out.
 *   <li>A tool that throws answers with {@code isError: true} and the exception's message (the exception's
 *       simple class name when it has none); the stack trace goes to stderr and the server keeps serving. An
 *       {@code io.modelcontextprotocol.spec.McpError} thrown by a tool is passed through as a protocol error.
 *   <li>A structured tool answers with {@code structuredContent} (a value that is not a JSON object is wrapped
 *       as {@code {"result": value}}) and one text content holding the same JSON. Otherwise a {@code String}
 *       is the text, {@code void} or {@code null} is no content, anything else is compact JSON text.
 *   <li>Blank input lines are ignored; a line that is not JSON is answered with {@code -32700} (one that is
 *       JSON but not JSON-RPC with {@code -32600}) and the session goes on.
 *   <li>At end of input, calls in flight finish and their responses are written (for up to
 *       {@link #SHUTDOWN_GRACE}) before the session ends.
 * </ul>
 *
 * <p>Logs go to stderr: this library ships no SLF4J provider (the SDK's SLF4J logging is silent unless the
 * application adds one, which should write to stderr, as {@code slf4j-simple} does).
 */
public final class McpToolServer {
  /** How long calls still in flight at end of input may take to answer before the session ends anyway. */
  public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

  private McpToolServer() {}

  /**
   * Serves {@code definition} over this process's stdin and stdout until stdin ends, then exits the JVM.
   *
   * <p>As its very first step it keeps a stream on the real standard output ({@link FileDescriptor#out}) for
   * the protocol and points {@code System.out} at {@code System.err}: whatever tools or libraries print,
   * including console loggers, goes to stderr and stdout carries only JSON-RPC. {@code System.in} is replaced
   * by an empty stream, so no tool can consume protocol input.
   *
   * <p>Never returns: when stdin ends and the calls in flight have answered, it calls
   * {@code System.exit(0)}, so threads a tool left running do not keep the process alive. When the definition
   * is invalid it prints the problems to stderr and exits with status 1.
   *
   * @param definition the tools to serve, e.g. the generated {@code <Plugin>McpServer}
   */
  public static void serve(ToolServerDefinition definition) {
    OutputStream protocolOut = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    System.setOut(System.err);
    InputStream protocolIn = System.in;
    System.setIn(new ByteArrayInputStream(new byte[0]));
    int status;
    try {
      Running running = start(definition, protocolIn, protocolOut);
      running.awaitTermination();
      status = 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 0;
    } catch (Throwable t) {
      System.err.println("[codexplugin] cannot start the MCP tool server: " + t.getMessage());
      t.printStackTrace(System.err);
      status = 1;
    }
    System.err.flush();
    System.exit(status);
  }

  /**
   * Starts serving {@code definition} on the given streams, for embedding and tests: one JSON-RPC message per
   * line, UTF-8. Returns at once; the session runs on its own threads until {@code in} ends or
   * {@link Running#close()} is called. Unlike {@link #serve}, it leaves {@code System.out} and the JVM alone.
   *
   * @param definition the tools to serve
   * @param in the client's messages
   * @param out where the server's messages go; nothing else may write to it
   * @return the running server
   * @throws IllegalArgumentException naming every problem of the definition: a descriptor that is not JSON
   *     or whose name differs from the tool's, an {@code inputSchema} or {@code outputSchema} whose
   *     {@code type} is not {@code "object"}, an {@code outputSchema} on a tool that is not structured, a
   *     schema that is not a valid JSON Schema, a tool name defined twice or not matching
   *     {@code ^[A-Za-z0-9_.-]{1,128}$}
   */
  public static Running start(ToolServerDefinition definition, InputStream in, OutputStream out) {
    return new Running(ToolServerSession.start(definition, in, out, SHUTDOWN_GRACE));
  }

  /** A server started by {@link #start}. */
  public static final class Running implements AutoCloseable {
    private final ToolServerSession session;

    private Running(ToolServerSession session) {
      this.session = Objects.requireNonNull(session);
    }

    /**
     * Blocks until the input ended and the answers to the calls in flight were written.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void awaitTermination() throws InterruptedException {
      while (!session.awaitTermination(1, TimeUnit.DAYS)) {
        // keep waiting
      }
    }

    /**
     * Blocks until the input ended and the answers to the calls in flight were written, or {@code timeout}
     * passed.
     *
     * @param timeout the longest to wait
     * @return whether the session ended
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
      return session.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Tells subscribed clients that the resource at {@code uri} changed ({@code notifications/resources/updated}). */
    public void resourceUpdated(String uri) {
      session.resourceUpdated(uri);
    }

    /** Sends {@code notifications/resources/list_changed}. */
    public void resourcesListChanged() {
      session.resourcesListChanged();
    }

    /** Sends {@code notifications/prompts/list_changed}. */
    public void promptsListChanged() {
      session.promptsListChanged();
    }

    /**
     * Stops reading input, lets the calls in flight answer (for up to {@link #SHUTDOWN_GRACE}) and closes the
     * server. Does not close the streams.
     */
    @Override
    public void close() {
      session.close();
    }
  }
}
