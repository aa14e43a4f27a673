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
 * (on a daemon thread), so a test sees exactly what went over the wire. Shared by the tests of sdk-mcp,
 * sdk-processor and samples/mcp-conformance (the MCP server over in-memory pipes or a process's stdio). It owns
 * only the two streams: whoever started a server process waits for it or ends it.
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

  /**
   * initialize (request id 0, protocol 2025-11-25, no capabilities, client {@code raw-test}), its answer read, and
   * notifications/initialized; returns the answer as it came, whatever it says.
   */
  public JsonNode initialize() {
    return handshake("2025-11-25", "{}");
  }

  /**
   * initialize as a client of {@code protocolVersion} declaring {@code capabilitiesJson} (a JSON object, such as
   * {@code {"elicitation":{}}}), then notifications/initialized; the answer must accept that very version.
   *
   * @return the answer to initialize
   * @throws AssertionError if the server answered with another protocol version or an error
   */
  public JsonNode initialize(String protocolVersion, String capabilitiesJson) {
    JsonNode response = handshake(protocolVersion, capabilitiesJson);
    String agreed = response.path("result").path("protocolVersion").asText();
    if (!agreed.equals(protocolVersion)) {
      throw new AssertionError("initialize with protocol " + protocolVersion + " was answered with " + response);
    }
    return response;
  }

  private JsonNode handshake(String protocolVersion, String capabilitiesJson) {
    request(0, "initialize", "{\"protocolVersion\":\"" + protocolVersion + "\",\"capabilities\":"
        + capabilitiesJson + ",\"clientInfo\":{\"name\":\"raw-test\",\"version\":\"1\"}}");
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
