package dev.codexplugin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexplugin.bench.Servers.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tool-call throughput and latency over the stdio pipe: one client sends {@code tools/call} requests one after
 * the other (each waits for its answer) on one session, cycling through the same 50 calls for every server.
 * After a warm-up, {@code calls} calls are timed one by one. Repetitions alternate the order of the variants
 * (A B, B A, ...), each in a fresh process.
 */
final class ThroughputBench {
  /** One repetition of one variant. */
  /** {@code cpuMicrosPerCall}: CPU time of the server process (all threads) over the timed calls, per call. */
  record Rep(double callsPerSecond, double p50Micros, double p99Micros, double cpuMicrosPerCall, int errors) {}

  record Result(Map<String, List<Rep>> reps, int warmupCalls, int calls, Map<String, Map<String, String>> answers) {}

  /** Attempts of one repetition of one variant before the run gives up. */
  private static final int MAX_ATTEMPTS = 3;

  private ThroughputBench() {}

  static Result run(List<Variant> variants, List<String[]> mix, int reps, int warmupCalls, int calls, Path logs)
      throws IOException {
    Map<String, List<Rep>> out = new LinkedHashMap<>();
    Map<String, Map<String, String>> answers = new LinkedHashMap<>();
    variants.forEach(v -> out.put(v.id(), new ArrayList<>()));
    for (int r = 0; r < reps; r++) {
      StringBuilder line = new StringBuilder(String.format("  throughput rep %d:", r + 1));
      for (int i = 0; i < variants.size(); i++) {
        Variant v = variants.get((i + r) % variants.size());
        Rep rep = null;
        for (int attempt = 1; rep == null; attempt++) {
          Path stderr = logs.resolve(v.id() + ".throughput.stderr.txt");
          try {
            rep = once(v, mix, warmupCalls, calls, stderr,
                r == 0 ? answers.computeIfAbsent(v.id(), k -> new TreeMap<>()) : null);
          } catch (IOException e) {
            // A server that hangs or exits mid-run (seen for both servers on a loaded machine) loses its
            // repetition, not the whole run: the repetition is started again in a fresh process, and said.
            Path kept = logs.resolve(v.id() + ".throughput.failed-" + (r + 1) + "-" + attempt + ".stderr.txt");
            Files.copy(stderr, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.out.println("  throughput rep " + (r + 1) + ": " + v.id() + " failed (attempt " + attempt + "): "
                + e.getMessage() + "; stderr kept in " + kept);
            if (attempt == MAX_ATTEMPTS) {
              throw new IOException(v.id() + " failed " + MAX_ATTEMPTS + " times in rep " + (r + 1), e);
            }
          }
        }
        out.get(v.id()).add(rep);
        line.append(String.format(" %s %.0f calls/s (p50 %.0f us, p99 %.0f us, cpu %.0f us/call%s)", v.id(),
            rep.callsPerSecond(), rep.p50Micros(), rep.p99Micros(), rep.cpuMicrosPerCall(),
            rep.errors() == 0 ? "" : ", " + rep.errors() + " ERRORS"));
        StartupBench.pause();
      }
      System.out.println(line);
    }
    return new Result(out, warmupCalls, calls, answers);
  }

  private static Rep once(Variant v, List<String[]> mix, int warmupCalls, int calls, Path stderr,
      Map<String, String> answers) throws IOException {
    McpProcess p = McpProcess.start(v.javaCommand(), v.cwd(), stderr);
    try {
      p.deadline(120);
      McpProcess.Handshake h = p.handshake();
      if (h.tools() != mix.size()) {
        throw new IOException(v.id() + " lists " + h.tools() + " tools, expected " + mix.size());
      }
      String[] requests = new String[mix.size()];
      for (int i = 0; i < mix.size(); i++) {
        requests[i] = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"tools/call\",\"params\":{\"name\":\""
            + mix.get(i)[0] + "\",\"arguments\":" + mix.get(i)[1] + "}}";
      }
      int id = 10;
      // Warm-up: every answer is checked in full, and the first answer of each tool is kept.
      ObjectMapper json = new ObjectMapper();
      for (int i = 0; i < warmupCalls; i++, id++) {
        p.deadline(60);
        String[] call = mix.get(i % mix.size());
        p.send(requests[i % requests.length].formatted(id));
        String answer = p.response(id);
        JsonNode node = json.readTree(answer);
        if (node.has("error") || node.path("result").path("isError").asBoolean(false)) {
          throw new IOException(v.id() + ": " + call[0] + " " + call[1] + " failed: " + answer);
        }
        if (answers != null && i < mix.size()) {
          answers.put(call[0], canonical(node.get("result")));
        }
      }
      long[] latencies = new long[calls];
      int errors = 0;
      p.deadline(600);
      double cpu0 = p.cpuMillis();
      long start = System.nanoTime();
      for (int i = 0; i < calls; i++, id++) {
        long t0 = System.nanoTime();
        p.send(requests[i % requests.length].formatted(id));
        String answer = p.response(id);
        latencies[i] = System.nanoTime() - t0;
        if (answer.contains("\"error\":{") || answer.contains("\"isError\":true")) {
          errors++;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuPerCall = (p.cpuMillis() - cpu0) * 1000 / calls;
      double[] micros = Arrays.stream(latencies).mapToDouble(n -> n / 1e3).sorted().toArray();
      return new Rep(calls / seconds, Stats.percentileSorted(micros, 50), Stats.percentileSorted(micros, 99),
          cpuPerCall, errors);
    } finally {
      p.close();
    }
  }

  /** What a client reads from a result: the text contents and the structured content, key order aside. */
  private static String canonical(JsonNode result) {
    StringBuilder s = new StringBuilder();
    result.path("content").forEach(c -> s.append(c.path("text").asText()).append(" | "));
    JsonNode structured = result.get("structuredContent");
    if (structured != null) {
      s.append(new TreeMap<>(new ObjectMapper().convertValue(structured, Map.class)));
    }
    return s.toString();
  }

  static List<String[]> readMix(Path tsv) throws IOException {
    List<String[]> mix = new ArrayList<>();
    for (String line : Files.readAllLines(tsv)) {
      if (!line.isBlank()) {
        mix.add(line.split("\t", 2));
      }
    }
    return mix;
  }
}
