package dev.codexplugin.bench;

import dev.codexplugin.bench.Servers.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole-process start-up: from just before the launch of {@code java ...} to the first {@code tools/list}
 * answer read from the server's stdout (after initialize and notifications/initialized, as an MCP client
 * does). The floor is launch to the one line it prints. Variants run interleaved in rounds whose order rotates
 * (A B C F, B C F A, ...) so that drift on a shared machine hits every variant alike.
 */
final class StartupBench {
  /** Per variant, one value per measured round (same index = same round). */
  record Result(Map<String, List<Double>> listMs, Map<String, List<Double>> initializeMs,
      Map<String, List<Double>> cpuMs, Map<String, Integer> tools, int rounds, int warmupRounds) {}

  private StartupBench() {}

  static Result run(List<Variant> variants, int warmupRounds, int rounds, Path logs) throws IOException {
    Map<String, List<Double>> list = new LinkedHashMap<>();
    Map<String, List<Double>> init = new LinkedHashMap<>();
    Map<String, List<Double>> cpu = new LinkedHashMap<>();
    Map<String, Integer> tools = new LinkedHashMap<>();
    variants.forEach(v -> {
      list.put(v.id(), new ArrayList<>());
      init.put(v.id(), new ArrayList<>());
      cpu.put(v.id(), new ArrayList<>());
    });
    Files.createDirectories(logs);
    for (int r = 0; r < warmupRounds + rounds; r++) {
      boolean measured = r >= warmupRounds;
      StringBuilder line = new StringBuilder(String.format("  startup round %2d%s:", r - warmupRounds + 1,
          measured ? "" : " (warm-up)"));
      for (int i = 0; i < variants.size(); i++) {
        Variant v = variants.get((i + r) % variants.size());
        double[] t = once(v, logs.resolve(v.id() + ".stderr.txt"), tools);
        if (measured) {
          init.get(v.id()).add(t[0]);
          list.get(v.id()).add(t[1]);
          cpu.get(v.id()).add(t[2]);
        }
        line.append(String.format(" %s %.0f ms (cpu %.0f)", v.id(), t[1], t[2]));
        pause();
      }
      System.out.println(line);
    }
    return new Result(list, init, cpu, tools, rounds, warmupRounds);
  }

  /**
   * {initialize ms, tools/list ms, CPU ms used by then} of one launch (the floor: its line, twice). The CPU
   * time is read right after the answer (the process may have used a little more by the time it is read).
   */
  private static double[] once(Variant v, Path stderr, Map<String, Integer> tools) throws IOException {
    McpProcess p = McpProcess.start(v.javaCommand(), v.cwd(), stderr);
    try {
      p.deadline(120);
      if (v.id().equals("floor")) {
        p.readLine();
        double ms = (System.nanoTime() - p.launchedNanos) / 1e6;
        try {
          p.process.waitFor();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return new double[] {ms, ms, Double.NaN};
      }
      McpProcess.Handshake h = p.handshake();
      tools.put(v.id(), h.tools());
      return new double[] {h.initializeNanos() / 1e6, h.listNanos() / 1e6, p.cpuMillis()};
    } finally {
      p.kill();
    }
  }

  /** Classes loaded up to the first tools/list answer, and how many came from the CDS archive. */
  record ClassLoads(int total, int shared) {}

  static Map<String, ClassLoads> classLoads(List<Variant> variants, Path logs) throws IOException {
    Map<String, ClassLoads> out = new LinkedHashMap<>();
    for (Variant v : variants) {
      Path log = logs.resolve(v.id() + ".classload.txt");
      Files.deleteIfExists(log);
      Variant logged = v.withFlags(v.id(), v.label(), List.of("-Xlog:class+load=info:file=" + log.toAbsolutePath()));
      McpProcess p = McpProcess.start(logged.javaCommand(), v.cwd(), logs.resolve(v.id() + ".stderr.txt"));
      try {
        p.deadline(120);
        if (v.id().equals("floor")) {
          p.readLine();
        } else {
          p.handshake();
        }
      } finally {
        p.kill();
      }
      List<String> lines = Files.readAllLines(log);
      int shared = (int) lines.stream().filter(l -> l.contains("shared objects file")).count();
      out.put(v.id(), new ClassLoads(lines.size(), shared));
      pause();
    }
    return out;
  }

  static void pause() {
    try {
      Thread.sleep(150);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
