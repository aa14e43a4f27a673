package dev.codexplugin.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw JSON-RPC client for tests: writes lines to a server's input and collects every line of its output
 * (on a daemon thread), so a test sees exactly what went over the wire. Shared by sdk-mcp's and sdk-processor's
 * tests (the MCP server over in-memory pipes or a process's stdio).
 *
 * <p>Not final only for the forwarder {@code dev.codexplugin.mcp.JsonRpcLines} that sdk-mcp's SpecDeparturesTest
 * still uses; once nothing uses it, this class can be final.
 */
public final class JsonRpcLines implements AutoCloseable {
  public static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String END = new String("<end of output>");

  private final ObjectMapper mapper = new ObjectMapper();
  private final OutputStream toServer;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> all = new ArrayList<>();

  public JsonRpcLines(OutputStream toServer, InputStream fromServer) {
    this.toServer = toServer;
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          synchronized (all) {
            all.add(line);
          }
          lines.add(line);
        }
      } catch (IOException e) {
        // the stream broke: treated as its end
      } finally {
        lines.add(END);
      }
    }, "test-jsonrpc-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Sends one raw line (a newline is appended). */
  public void send(String line) {
    try {
      toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      toServer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void request(Object id, String method, String paramsJson) {
    send("{\"jsonrpc\":\"2.0\",\"id\":" + (id instanceof String s ? "\"" + s + "\"" : id) + ",\"method\":\""
        + method + "\",\"params\":" + paramsJson + "}");
  }

  public void call(Object id, String tool, String argumentsJson) {
    request(id, "tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + argumentsJson + "}");
  }

  /** initialize (answered) and notifications/initialized; returns the initialize result. */
  public JsonNode initialize() {
    request(0, "initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
        + "\"clientInfo\":{\"name\":\"raw-test\",\"version\":\"1\"}}");
    JsonNode response = next();
    send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    return response;
  }

  /** The next line, parsed; fails when none arrives in time or the output ended. */
  public JsonNode next() {
    String line = nextLine();
    if (line == null) {
      throw new AssertionError("the server's output ended; lines so far: " + lines());
    }
    try {
      return mapper.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  /** The next raw line, or {@code null} when the output ended. */
  public String nextLine() {
    String line;
    try {
      line = lines.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    if (line == null) {
      throw new AssertionError("no line within " + TIMEOUT + "; lines so far: " + lines());
    }
    return line == END ? null : line;
  }

  /** Every line the server wrote so far. */
  public List<String> lines() {
    synchronized (all) {
      return List.copyOf(all);
    }
  }

  /** Closes the server's input (end of file). */
  @Override
  public void close() {
    try {
      toServer.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
