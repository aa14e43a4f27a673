package dev.codexplugin.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A small JSON-RPC client for {@code codex app-server}: newline-delimited JSON on stdin/stdout. It sends
 * {@code initialize} and {@code initialized} (as scripts/appserver.py of the lab does), then requests, and
 * waits for the response with the same id; notifications in between are echoed to the build log.
 */
public final class AppServerClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode EOF = JSON.createObjectNode().put("eof", true);

  private final Process process;
  private final OutputStream stdin;
  private final BlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
  private final StringBuffer stderr = new StringBuffer();
  private int nextId;
  private boolean quiet;

  private AppServerClient(Process process) {
    this.process = process;
    this.stdin = process.getOutputStream();
    Thread out = new Thread(() -> read(process.getInputStream()), "app-server-stdout");
    out.setDaemon(true);
    out.start();
    Thread err = new Thread(() -> drain(process.getErrorStream()), "app-server-stderr");
    err.setDaemon(true);
    err.start();
  }

  /** Starts {@code codex app-server} with {@code home} as CODEX_HOME and initializes the session. */
  public static AppServerClient start(Path codex, Path home) throws IOException, InterruptedException {
    return start(codex, home, Map.of());
  }

  /**
   * Starts {@code codex app-server} with {@code home} as CODEX_HOME and {@code env} added to its environment
   * (which the MCP servers it starts, and {@code bearer_token_env_var}, read).
   */
  public static AppServerClient start(Path codex, Path home, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(List.of(codex.toString(), "app-server"));
    builder.environment().putAll(env);
    builder.environment().put("CODEX_HOME", home.toString());
    builder.environment().put("RUST_LOG", "warn");
    builder.environment().remove("OPENAI_API_KEY");
    AppServerClient client = new AppServerClient(builder.start());
    ObjectNode params = JSON.createObjectNode();
    params.putObject("clientInfo").put("name", "codexplugin-e2e").put("version", "1");
    client.request("initialize", params, Duration.ofSeconds(60));
    client.send(JSON.createObjectNode().put("method", "initialized"));
    return client;
  }

  /** From now on, requests and responses are not echoed to the build log (for long series of requests). */
  AppServerClient quiet() {
    quiet = true;
    return this;
  }

  /** Sends a request and returns its {@code result}; an {@code error} response fails the test. */
  public JsonNode request(String method, JsonNode params, Duration timeout) throws IOException, InterruptedException {
    JsonNode response = call(method, params, timeout);
    if (response.has("error")) {
      throw new AssertionError("codex app-server answered " + method + " with an error: " + response.get("error"));
    }
    return response.get("result");
  }

  /** Sends a request and returns the whole response, holding {@code result} or {@code error}. */
  public JsonNode call(String method, JsonNode params, Duration timeout) throws IOException, InterruptedException {
    int id = nextId++;
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id);
    message.put("method", method);
    message.set("params", params);
    send(message);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      JsonNode line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("codex app-server did not answer " + method + " within " + timeout
            + "\n[stderr]\n" + stderr);
      }
      if (line == EOF) {
        throw new AssertionError("codex app-server exited before answering " + method + "\n[stderr]\n" + stderr);
      }
      if (line.path("id").isInt() && line.path("id").asInt() == id
          && (line.has("result") || line.has("error"))) {
        if (!quiet) {
          System.out.println("<< " + JSON.writeValueAsString(line));
        }
        return line;
      }
      if (!quiet) {
        System.out.println("<< (notification) " + abbreviate(JSON.writeValueAsString(line)));
      }
    }
  }

  private void send(JsonNode message) throws IOException {
    String line = JSON.writeValueAsString(message);
    if (!quiet) {
      System.out.println(">> " + line);
    }
    stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }

  private void read(InputStream in) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        try {
          lines.add(JSON.readTree(line));
        } catch (IOException notJson) {
          System.out.println("<< (not JSON) " + line);
        }
      }
    } catch (IOException e) {
      stderr.append("[stdout failed: ").append(e).append("]\n");
    } finally {
      lines.add(EOF);
    }
  }

  private void drain(InputStream in) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        stderr.append(line).append('\n');
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }

  /** What app-server wrote on stderr so far (its WARN lines). */
  public String stderr() {
    return stderr.toString();
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 297) + "..." : s;
  }

  @Override
  public void close() throws InterruptedException {
    try {
      stdin.close();
    } catch (IOException ignored) {
      // already gone
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
