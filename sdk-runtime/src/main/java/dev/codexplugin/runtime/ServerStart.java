package dev.codexplugin.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Starts one stdio MCP server of a plugin folder the way Codex does and completes the MCP {@code initialize}
 * handshake within the server's startup timeout: the proof {@link Doctor#checkAndStart} gives that a server
 * starts, where the other checks only show that its prerequisites are there.
 *
 * <p>As Codex: the command runs in {@code cwd} resolved against the plugin folder (without {@code cwd}, in the
 * current folder, as Codex uses the session's folder); its environment is Codex's short list of inherited
 * variables ({@link #INHERITED}), the {@code env_vars} the server names, and its {@code env}; the handshake must
 * complete within {@code startup_timeout_sec}, {@link #CODEX_STARTUP_TIMEOUT} without one.
 *
 * <p>Written by hand, not with the MCP Java SDK's client: the doctor sends one request and reads one answer, and
 * it must see what that client hides (the exit code, the first lines of stderr, a line on stdout that is not
 * JSON-RPC), without adding the SDK and Reactor to every user of the runtime.
 */
final class ServerStart {
  /**
   * What Codex waits for a server to start and answer {@code initialize} when it sets no startup timeout: 30 s,
   * measured with Codex 0.169.0 and 0.171.0 (a server answering after 25 s starts, one after 35 s is "timed out
   * handshaking with MCP server after 29.99s"; docs/research/fidelity-2026-12.md).
   */
  static final Duration CODEX_STARTUP_TIMEOUT = Duration.ofSeconds(30);

  /**
   * The variables Codex passes on from its own environment to every stdio server, besides {@code env_vars}, as
   * measured with 0.169.0 and 0.171.0 (a server that dumps its environment): the others, {@code SSL_CERT_DIR}
   * among them, do not reach the server.
   */
  static final List<String> INHERITED = List.of("HOME", "LOGNAME", "PATH", "SHELL", "USER",
      "__CF_USER_TEXT_ENCODING", "LANG", "LC_ALL", "TERM", "TMPDIR", "TZ", "SSL_CERT_FILE", "NODE_EXTRA_CA_CERTS",
      "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "GIT_SSL_CAINFO", "PIP_CERT");

  /** The protocol version the doctor offers; a server answers with the one it speaks. */
  static final String PROTOCOL_VERSION = "2025-06-18";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int STDERR_LINES = 5;
  private static final Object EOF = new Object();

  private ServerStart() {}

  /**
   * What happened.
   *
   * @param started whether the server answered {@code initialize} with a result in time
   * @param detail what was seen, e.g. {@code answered initialize in 0.4 s as release-tools 1.0.0}
   * @param stderr the first lines the server wrote on stderr
   */
  record Outcome(boolean started, String detail, List<String> stderr) {}

  /** Starts {@code server} of the plugin folder {@code root} and waits for its answer to {@code initialize}. */
  static Outcome run(Path root, McpServerSpec server, Doctor.Environment env) {
    Duration timeout = server.startupTimeoutSec()
        .map(s -> Duration.ofMillis(Math.round(s * 1000)))
        .orElse(CODEX_STARTUP_TIMEOUT);
    Path cwd = server.cwd().isEmpty() ? Path.of("").toAbsolutePath() : root.resolve(server.cwd()).normalize();
    if (!Files.isDirectory(cwd)) {
      return new Outcome(false, "its cwd " + cwd + " is not a folder", List.of());
    }
    Optional<String> program = program(server.command(), cwd, env);
    if (program.isEmpty()) {
      return new Outcome(false, "cannot find " + server.command(), List.of());
    }
    List<String> command = new ArrayList<>();
    command.add(program.get());
    command.addAll(server.args());
    ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment(server, env));
    long start = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return new Outcome(false, "cannot start " + String.join(" ", command) + ": " + e.getMessage(), List.of());
    }
    List<String> stderr = new ArrayList<>();
    Thread errors = drain(process.getErrorStream(), stderr);
    BlockingQueue<Object> lines = new LinkedBlockingQueue<>();
    Thread out = reader(process.getInputStream(), lines);
    try {
      send(process.getOutputStream(), initialize());
      Outcome outcome = await(process, lines, stderr, start, timeout);
      if (outcome.started()) {
        send(process.getOutputStream(), JSON.createObjectNode().put("jsonrpc", "2.0")
            .put("method", "notifications/initialized"));
      }
      return outcome;
    } catch (IOException e) {
      waitBriefly(process);
      return new Outcome(false, exited(process, "before it read the initialize request (" + e.getMessage() + ")"),
          stderr(errors, stderr));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(false, "interrupted", stderr(errors, stderr));
    } finally {
      stop(process);
      out.interrupt();
    }
  }

  private static Outcome await(Process process, BlockingQueue<Object> lines, List<String> stderr, long start,
      Duration timeout) throws InterruptedException {
    long deadline = start + timeout.toNanos();
    List<String> noise = new ArrayList<>();
    while (true) {
      long left = deadline - System.nanoTime();
      Object line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
      if (line == null) {
        return new Outcome(false, "did not answer initialize within " + seconds(timeout)
            + (noise.isEmpty() ? "" : "; it wrote on stdout what is not JSON-RPC: " + quote(noise.get(0)))
            + " (the host gives up then: raise startup_timeout_sec, or make the server start faster)",
            snapshot(stderr));
      }
      if (line == EOF) {
        waitBriefly(process);
        return new Outcome(false, exited(process, "before it answered initialize")
            + (noise.isEmpty() ? "" : "; it wrote on stdout what is not JSON-RPC: " + quote(noise.get(0))),
            snapshot(stderr));
      }
      JsonNode message = parse((String) line);
      if (message == null || !message.path("id").isInt() || message.path("id").asInt() != 0) {
        if (message == null) {
          noise.add((String) line);
        }
        continue;
      }
      String took = seconds(Duration.ofNanos(System.nanoTime() - start));
      if (message.has("error")) {
        return new Outcome(false, "answered initialize with an error after " + took + ": "
            + message.get("error").path("message").asText(message.get("error").toString()), snapshot(stderr));
      }
      JsonNode info = message.path("result").path("serverInfo");
      return new Outcome(true, "answered initialize in " + took + " as " + info.path("name").asText("?") + " "
          + info.path("version").asText("") + " (protocol " + message.path("result").path("protocolVersion")
          .asText("?") + ")", snapshot(stderr));
    }
  }

  /** The program as Codex finds it: a path with a separator against {@code cwd}, else on the server's PATH. */
  private static Optional<String> program(String command, Path cwd, Doctor.Environment env) {
    if (command.contains("/") || command.contains("\\")) {
      Path path = cwd.resolve(command).normalize();
      return Files.isExecutable(path) ? Optional.of(path.toString()) : Optional.empty();
    }
    return env.which(command).map(Path::toString);
  }

  private static Map<String, String> environment(McpServerSpec server, Doctor.Environment env) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String name : INHERITED) {
      env.variable(name).ifPresent(v -> vars.put(name, v));
    }
    for (String name : server.envVars()) {
      env.variable(name).ifPresent(v -> vars.put(name, v));
    }
    vars.putAll(server.env());
    return vars;
  }

  private static ObjectNode initialize() {
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 0).put("method", "initialize");
    ObjectNode params = request.putObject("params");
    params.put("protocolVersion", PROTOCOL_VERSION);
    params.putObject("capabilities");
    params.putObject("clientInfo").put("name", "codexplugin-doctor").put("version", "1");
    return request;
  }

  private static void send(OutputStream stdin, JsonNode message) throws IOException {
    stdin.write((JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }

  private static JsonNode parse(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static Thread reader(InputStream in, BlockingQueue<Object> lines) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (!line.isBlank()) {
            lines.add(line);
          }
        }
      } catch (IOException ignored) {
        // the process ended
      } finally {
        lines.add(EOF);
      }
    }, "doctor-server-stdout");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static Thread drain(InputStream in, List<String> into) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          synchronized (into) {
            if (into.size() < STDERR_LINES && !line.isBlank()) {
              into.add(line.strip());
            }
          }
        }
      } catch (IOException ignored) {
        // the process ended
      }
    }, "doctor-server-stderr");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static List<String> stderr(Thread drain, List<String> lines) {
    try {
      drain.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return snapshot(lines);
  }

  private static List<String> snapshot(List<String> lines) {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  private static String exited(Process process, String when) {
    return process.isAlive() ? "closed its stdout " + when : "exited with code " + process.exitValue() + " " + when;
  }

  private static void waitBriefly(Process process) {
    try {
      process.waitFor(2, TimeUnit.SECONDS);
      Thread.sleep(100); // let the stderr reader take the last lines
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Ends the server and whatever it started (npx starts node, a shell script its program). */
  private static void stop(Process process) {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // already gone
    }
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(3, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private static String quote(String line) {
    String s = line.strip();
    return "\"" + (s.length() > 120 ? s.substring(0, 117) + "..." : s) + "\"";
  }
}
