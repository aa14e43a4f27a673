package dev.codexplugin.bench;

import dev.codexplugin.bench.Servers.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Start-up levers: a server with JVM flags, measured in the same rounds as the rest. An id is a base variant
 * and one or more levers joined by {@code +}, e.g. {@code ours+cds+c1}:
 *
 * <ul>
 *   <li>{@code cds}: an AppCDS archive of the classes the server loads, made by one training run (initialize,
 *       tools/list, one call of every tool, end of input) with {@code -XX:ArchiveClassesAtExit} (JDK 13+; on
 *       JDK 17 there is no {@code -XX:+AutoCreateSharedArchive}), then used with {@code -XX:SharedArchiveFile}.
 *   <li>{@code c1}: {@code -XX:TieredStopAtLevel=1} (C1 only: less JIT work at start, slower peak code).
 *   <li>{@code serial}: {@code -XX:+UseSerialGC} (cheaper GC set-up than G1 on a small heap).
 *   <li>{@code jfr}: a JFR recording ({@code settings=profile}) into the logs folder, for profiling only.
 * </ul>
 */
final class Levers {
  /** The levers measured by default. */
  static final List<String> ALL =
      List.of("ours+cds", "ours+c1+serial", "ours+cds+c1+serial", "sdk+cds", "sdk+cds+c1+serial");

  /** The levers whose throughput is measured by default: flags that slow peak code must keep the target. */
  static final List<String> THROUGHPUT = List.of("ours+cds+c1+serial", "sdk+cds+c1+serial");

  /** Archives made by this run (an archive of an earlier build must not be reused). */
  private static final java.util.Set<Path> PREPARED = new java.util.HashSet<>();

  private Levers() {}

  static List<Variant> prepare(String ids, Map<String, Variant> servers, Path dir, Path logs) throws IOException {
    List<Variant> out = new ArrayList<>();
    for (String id : ids.split(",")) {
      if (!id.isBlank() && !id.equals("none")) {
        out.add(prepareOne(id.trim(), servers, dir, logs));
      }
    }
    return out;
  }

  private static Variant prepareOne(String id, Map<String, Variant> servers, Path dir, Path logs)
      throws IOException {
    String[] parts = id.split("\\+");
    Variant base = servers.get(parts[0]);
    if (base == null || parts.length < 2) {
      throw new IllegalArgumentException("unknown lever " + id);
    }
    List<String> flags = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      switch (parts[i]) {
        case "cds" -> flags.add("-XX:SharedArchiveFile=" + archive(base, dir, logs));
        case "c1" -> flags.add("-XX:TieredStopAtLevel=1");
        case "serial" -> flags.add("-XX:+UseSerialGC");
        case "jfr" -> flags.add("-XX:StartFlightRecording=filename=" + logs.toAbsolutePath().resolve(id + ".jfr")
            + ",settings=profile");
        default -> throw new IllegalArgumentException("unknown lever " + parts[i] + " in " + id);
      }
    }
    return base.withFlags(id, base.id() + " with " + String.join(" ", flags.stream()
        .map(f -> f.startsWith("-XX:SharedArchiveFile") ? "AppCDS archive" : f).toList()), flags);
  }

  /** Makes (once per run) the AppCDS archive of {@code base} by a training run; returns its path. */
  static Path archive(Variant base, Path dir, Path logs) throws IOException {
    Files.createDirectories(dir);
    Path jsa = dir.resolve(base.id() + ".jsa").toAbsolutePath();
    if (PREPARED.contains(jsa)) {
      return jsa;
    }
    Files.deleteIfExists(jsa);
    Variant training = base.withFlags(base.id() + "-training", "training",
        List.of("-XX:ArchiveClassesAtExit=" + jsa));
    List<String[]> mix = ThroughputBench.readMix(dir.getParent().getParent().getParent()
        .resolve("harness/target/calls.tsv"));
    McpProcess p = McpProcess.start(training.javaCommand(), base.cwd(), logs.resolve(base.id() + ".cds-training.txt"));
    try {
      p.deadline(300);
      p.handshake();
      int id = 10;
      for (String[] call : mix) {
        p.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + call[0]
            + "\",\"arguments\":" + call[1] + "}}");
        p.response(id++);
      }
    } finally {
      p.close(); // end of input: the server exits and the JVM writes the archive
    }
    if (!Files.exists(jsa)) {
      throw new IOException("the training run of " + base.id() + " wrote no archive; see "
          + logs.resolve(base.id() + ".cds-training.txt"));
    }
    System.out.printf("  AppCDS archive of %s: %d bytes%n", base.id(), Files.size(jsa));
    PREPARED.add(jsa);
    return jsa;
  }
}
