package dev.codexplugin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Tool-call throughput over Streamable HTTP: ours ({@code dev.codexplugin.mcp.McpHttpServer --server <the
 * generated bench server>}, bearer token on) against the same 50 hand-written tools on the official SDK's own
 * servlet transport in the same Jetty 12 ({@code SdkHttpBenchServer}, no token check). One client (the JDK's
 * HttpClient, HTTP/1.1, one kept-alive connection) sends {@code tools/call} POSTs one after the other on one
 * session and reads each answer (an SSE stream with one message, or JSON) before the next; the same 50 calls as
 * the stdio figure. Repetitions alternate the order, each in fresh server processes. Writes
 * {@code target/report-http.md}.
 */
final class HttpThroughputBench {
  private static final String TOKEN = "bench-token-0123456789";

  record Variant(String id, String label, Path cwd, List<String> command) {}

  record Rep(double callsPerSecond, double p50Micros, double p99Micros, double cpuMicrosPerCall, int errors) {}

  private HttpThroughputBench() {}

  static String run(Path bench, List<String[]> mix, int reps, int warmupCalls, int calls, Path logs)
      throws Exception {
    Path oursPlugin = bench.resolve("server-ours/target/codex-plugin/plugins/bench-tools");
    Path sdkServer = bench.resolve("server-sdk/target/server");
    Path httpLib = sdkServer.resolve("http-lib");
    if (!Files.isDirectory(httpLib)) {
      throw new IOException(httpLib + " is missing; build with ./mvnw -Pbench -DskipTests verify");
    }
    String main = new ObjectMapper().readTree(oursPlugin.resolve("mcp-tools.json").toFile()).path("main").asText();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Variant> variants = List.of(
        new Variant("ours-http", "McpHttpServer (sdk-mcp, bearer token on) --server " + main, oursPlugin,
            List.of(java, "-cp", "lib/*:" + httpLib + "/*", "dev.codexplugin.mcp.McpHttpServer", "--server", main,
                "--token-env", "BENCH_MCP_TOKEN", "--port")),
        new Variant("sdk-http", "(a) on the SDK's HttpServletStreamableServerTransportProvider, Jetty 12",
            sdkServer, List.of(java, "-cp", "lib/*:http-lib/*", "dev.codexplugin.bench.sdk.SdkHttpBenchServer")));
    Map<String, List<Rep>> out = new LinkedHashMap<>();
    variants.forEach(v -> out.put(v.id(), new ArrayList<>()));
    String loadBefore = load();
    for (int r = 0; r < reps; r++) {
      StringBuilder line = new StringBuilder(String.format("  http throughput rep %d:", r + 1));
      for (int i = 0; i < variants.size(); i++) {
        Variant v = variants.get((i + r) % variants.size());
        Rep rep = once(v, mix, warmupCalls, calls, logs.resolve(v.id() + ".throughput.stderr.txt"));
        out.get(v.id()).add(rep);
        line.append(String.format(" %s %.0f calls/s (p50 %.0f us, p99 %.0f us, cpu %.0f us/call%s)", v.id(),
            rep.callsPerSecond(), rep.p50Micros(), rep.p99Micros(), rep.cpuMicrosPerCall(),
            rep.errors() == 0 ? "" : ", " + rep.errors() + " ERRORS"));
        StartupBench.pause();
      }
      System.out.println(line);
    }
    String loadAfter = load();

    StringBuilder s = new StringBuilder("## 4b. Tool-call throughput over Streamable HTTP\n\n");
    s.append("One client (JDK HttpClient, HTTP/1.1, one connection), sequential `tools/call` POSTs on one session,"
        + " cycling through the same 50 calls; ").append(warmupCalls).append(" warm-up calls (every answer checked), ")
        .append(calls).append(" timed calls; ").append(reps).append(" repetitions in fresh processes, alternating"
        + " the order. Load (/proc/loadavg) before: `").append(loadBefore).append("`, after: `").append(loadAfter)
        .append("`.\n\n");
    s.append("| variant | calls/s, median | 95 % interval | latency p50 µs | latency p99 µs | server CPU µs per call"
        + " | errors |\n|---|---:|---|---:|---:|---:|---:|\n");
    for (Variant v : variants) {
      List<Rep> list = out.get(v.id());
      List<Double> cps = list.stream().map(Rep::callsPerSecond).toList();
      double[] ci = Stats.medianInterval(cps);
      s.append(String.format("| %s | %.0f | %.0f – %.0f | %.0f | %.0f | %.0f | %d |%n", v.id(), Stats.median(cps),
          ci[0], ci[1], Stats.median(list.stream().map(Rep::p50Micros).toList()),
          Stats.median(list.stream().map(Rep::p99Micros).toList()),
          Stats.median(list.stream().map(Rep::cpuMicrosPerCall).toList()),
          list.stream().mapToInt(Rep::errors).sum()));
    }
    List<Double> ratio = Stats.ratios(out.get("ours-http").stream().map(Rep::callsPerSecond).toList(),
        out.get("sdk-http").stream().map(Rep::callsPerSecond).toList());
    List<Double> cpuRatio = Stats.ratios(out.get("ours-http").stream().map(Rep::cpuMicrosPerCall).toList(),
        out.get("sdk-http").stream().map(Rep::cpuMicrosPerCall).toList());
    double[] ci = Stats.medianInterval(ratio);
    s.append(String.format("%n| ratio (paired median) | calls/s | 95 %% interval | server CPU per call |%n"
        + "|---|---:|---|---:|%n| ours-http / sdk-http | %.2f | %.2f – %.2f | %.2f |%n", Stats.median(ratio), ci[0],
        ci[1], Stats.median(cpuRatio)));
    s.append("\nVariants:\n");
    variants.forEach(v -> s.append("- ").append(v.id()).append(": ").append(v.label()).append('\n'));
    Files.writeString(bench.resolve("target/report-http.md"), s.toString());
    return s.toString();
  }

  private static Rep once(Variant v, List<String[]> mix, int warmupCalls, int calls, Path stderr) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(v.command());
    command.add(String.valueOf(port));
    ProcessBuilder builder = new ProcessBuilder(command).directory(v.cwd().toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("BENCH_MCP_TOKEN", TOKEN);
    Process process = builder.start();
    try {
      CompletableFuture<Void> listening = new CompletableFuture<>();
      StringBuilder log = new StringBuilder();
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(),
            StandardCharsets.UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            synchronized (log) {
              log.append(line).append('\n');
            }
            if (line.contains("http://127.0.0.1:" + port + "/mcp")) {
              listening.complete(null);
            }
          }
        } catch (IOException e) {
          // ended
        }
        listening.completeExceptionally(new IOException(v.id() + " ended before listening"));
      });
      reader.setDaemon(true);
      reader.start();
      listening.get(60, TimeUnit.SECONDS);

      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10)).build();
      URI uri = URI.create("http://127.0.0.1:" + port + "/mcp");
      HttpResponse<String> init = http.send(post(uri, null, McpProcess.INITIALIZE.replace("2025-06-18",
          "2025-11-25")), HttpResponse.BodyHandlers.ofString());
      String session = init.headers().firstValue("mcp-session-id")
          .orElseThrow(() -> new IOException(v.id() + ": no session id: " + init.statusCode() + " " + init.body()));
      http.send(post(uri, session, McpProcess.INITIALIZED), HttpResponse.BodyHandlers.ofString());
      String list = message(http.send(post(uri, session, McpProcess.LIST), HttpResponse.BodyHandlers.ofString()));
      ObjectMapper json = new ObjectMapper();
      int tools = json.readTree(list).path("result").path("tools").size();
      if (tools != mix.size()) {
        throw new IOException(v.id() + " lists " + tools + " tools, expected " + mix.size());
      }
      String[] requests = new String[mix.size()];
      for (int i = 0; i < mix.size(); i++) {
        requests[i] = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"tools/call\",\"params\":{\"name\":\""
            + mix.get(i)[0] + "\",\"arguments\":" + mix.get(i)[1] + "}}";
      }
      int id = 10;
      for (int i = 0; i < warmupCalls; i++, id++) {
        String answer = message(http.send(post(uri, session, requests[i % requests.length].formatted(id)),
            HttpResponse.BodyHandlers.ofString()));
        JsonNode node = json.readTree(answer);
        if (node.has("error") || node.path("result").path("isError").asBoolean(false)
            || node.path("id").asInt() != id) {
          throw new IOException(v.id() + ": " + mix.get(i % mix.size())[0] + " failed: " + answer);
        }
      }
      long[] latencies = new long[calls];
      int errors = 0;
      double cpu0 = cpuMillis(process);
      long start = System.nanoTime();
      for (int i = 0; i < calls; i++, id++) {
        long t0 = System.nanoTime();
        String answer = message(http.send(post(uri, session, requests[i % requests.length].formatted(id)),
            HttpResponse.BodyHandlers.ofString()));
        latencies[i] = System.nanoTime() - t0;
        if (!answer.contains("\"id\":" + id) || answer.contains("\"error\":{") || answer.contains("\"isError\":true")) {
          errors++;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuPerCall = (cpuMillis(process) - cpu0) * 1000 / calls;
      synchronized (log) {
        Files.writeString(stderr, log);
      }
      double[] micros = Arrays.stream(latencies).mapToDouble(n -> n / 1e3).sorted().toArray();
      return new Rep(calls / seconds, Stats.percentileSorted(micros, 50), Stats.percentileSorted(micros, 99),
          cpuPerCall, errors);
    } finally {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static HttpRequest post(URI uri, String session, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      b.header("Mcp-Session-Id", session).header("Mcp-Protocol-Version", "2025-11-25");
    }
    return b.build();
  }

  /** The JSON-RPC message of a response: its JSON body, or the last {@code data:} of its event stream. */
  private static String message(HttpResponse<String> response) throws IOException {
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
    }
    String body = response.body();
    if (response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream")) {
      String data = null;
      for (String line : body.split("\n")) {
        if (line.startsWith("data:")) {
          data = line.substring(5).trim();
        }
      }
      if (data == null) {
        throw new IOException("an event stream without data: " + body);
      }
      return data;
    }
    return body;
  }

  private static double cpuMillis(Process p) {
    return p.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }
}
