package dev.codexplugin.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One server process driven over its stdin and stdout as an MCP client does: one JSON-RPC message per line.
 * Reads block on the calling thread (no hand-off between threads in the measured path); a watchdog kills the
 * process when a phase takes longer than its deadline, which ends the read with an error.
 */
final class McpProcess implements AutoCloseable {
  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "bench-watchdog");
    t.setDaemon(true);
    return t;
  });

  static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
      + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}";
  static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
  static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

  final Process process;
  final long launchedNanos;
  private final OutputStream in;
  private final BufferedReader out;
  private volatile ScheduledFuture<?> deadline;
  private volatile boolean killedByWatchdog;

  private McpProcess(Process process, long launchedNanos) {
    this.process = process;
    this.launchedNanos = launchedNanos;
    this.in = process.getOutputStream();
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16);
  }

  /** Starts {@code command} in {@code cwd}; stderr goes to {@code stderr}. The clock starts just before. */
  static McpProcess start(List<String> command, Path cwd, Path stderr) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
    builder.redirectError(stderr == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stderr.toFile()));
    long t0 = System.nanoTime();
    Process p = builder.start();
    return new McpProcess(p, t0);
  }

  /** Kills the process unless {@link #deadline} is called again within {@code seconds}. */
  void deadline(long seconds) {
    ScheduledFuture<?> previous = deadline;
    if (previous != null) {
      previous.cancel(false);
    }
    deadline = WATCHDOG.schedule(() -> {
      killedByWatchdog = true;
      process.destroyForcibly();
    }, seconds, TimeUnit.SECONDS);
  }

  void send(String line) throws IOException {
    in.write(line.getBytes(StandardCharsets.UTF_8));
    in.write('\n');
    in.flush();
  }

  /** The next line of stdout; throws at end of output. */
  String readLine() throws IOException {
    String line = out.readLine();
    if (line == null) {
      throw new IOException(killedByWatchdog ? "the server did not answer in time (killed)"
          : "the server closed its output (exit " + exitCodeOrRunning() + ")");
    }
    return line;
  }

  /** Reads lines until the response to {@code id}; server notifications and requests are skipped. */
  String response(int id) throws IOException {
    String marker = "\"id\":" + id;
    while (true) {
      String line = readLine();
      int at = line.indexOf(marker);
      if (at >= 0 && (line.contains("\"result\"") || line.contains("\"error\""))) {
        char next = at + marker.length() < line.length() ? line.charAt(at + marker.length()) : '}';
        if (next == ',' || next == '}') {
          return line;
        }
      }
    }
  }

  /** initialize, wait, notifications/initialized, tools/list, wait: as an MCP client starts a session. */
  Handshake handshake() throws IOException {
    send(INITIALIZE);
    String init = response(1);
    long initNanos = System.nanoTime();
    send(INITIALIZED);
    send(LIST);
    String list = response(2);
    long listNanos = System.nanoTime();
    if (init.contains("\"error\"") || list.contains("\"error\"")) {
      throw new IOException("handshake failed: " + init + " / " + list);
    }
    return new Handshake(initNanos - launchedNanos, listNanos - launchedNanos, count(list, "\"inputSchema\""),
        list.length());
  }

  record Handshake(long initializeNanos, long listNanos, int tools, int listBytes) {}

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private String exitCodeOrRunning() {
    try {
      return process.waitFor(2, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "still running";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  /** Closes stdin, waits for a clean exit, then SIGTERM, then SIGKILL; always waits until the process is gone. */
  @Override
  public void close() {
    ScheduledFuture<?> previous = deadline;
    if (previous != null) {
      previous.cancel(false);
    }
    try {
      in.close();
    } catch (IOException ignored) {
      // already gone
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the process at once (SIGKILL) and waits until it is gone: nothing after the measurement is timed. */
  void kill() {
    ScheduledFuture<?> previous = deadline;
    if (previous != null) {
      previous.cancel(false);
    }
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** CPU time the process has used so far (all its threads, user and system), in ms; NaN when unknown. */
  double cpuMillis() {
    return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
  }

  static List<String> withJava(List<String> command) {
    List<String> out = new ArrayList<>(command);
    if (out.get(0).equals("java")) {
      out.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
    return out;
  }
}
