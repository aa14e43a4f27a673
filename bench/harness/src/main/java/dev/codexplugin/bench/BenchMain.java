package dev.codexplugin.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.codexplugin.bench.Servers.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs every benchmark and writes {@code bench/target/report.md} and {@code report.json}. Arguments
 * ({@code key=value} or a flag):
 *
 * <pre>
 * bench=DIR        the bench/ folder (the Maven build passes it)
 * quick            a smoke run: few rounds and iterations (numbers not meant to be read)
 * only=a,b         sections to run: processor, loader, startup, throughput, http, hooks, packages (default: all);
 *                   http writes target/report-http.md (HttpThroughputBench; reps=N and calls=N as throughput);
 *                   packages writes target/report-packages.md (hosts=DIR: the folder of codex and claude, default
 *                   harness/target/hosts/node_modules/.bin; packageRounds=N, installRounds=N,
 *                   packageLevers=serial,c1,c1serial: JVM options added to the installed server's command,
 *                   packageParts=noop,startup,install)
 * hookRounds=N     hook round-trip rounds (default 30), after 3 warm-up rounds
 * rounds=N         start-up rounds (default 20), after 2 warm-up rounds
 * reps=N           throughput repetitions per variant (default 6)
 * processorPairs=N measured rounds of the processor comparisons (default 8), after 3 warm-up rounds
 * tmpfs=false      no processor comparison with the output on /dev/shm
 * calls=N          timed calls per repetition (default 4000, after 2000 warm-up calls)
 * levers=a,b       extra start-up variants (JVM flags), measured in the same rounds (default {@link Levers#ALL};
 *                  "none" for none)
 * throughputLevers=a,b   the same for throughput (default {@link Levers#THROUGHPUT}; "none" or empty for none)
 * -Dbench.oursBefore=DIR an earlier export of our plugin folder, measured as variant ours-before
 * processorBefore=JAR    an earlier sdk-processor jar, compiled with in the same processor rounds (also
 *                  -Dbench.processorBefore=JAR when the harness runs without Maven)
 * </pre>
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      opts.put(eq < 0 ? a : a.substring(0, eq), eq < 0 ? "true" : a.substring(eq + 1));
    }
    Path bench = Path.of(opts.getOrDefault("bench", "bench")).toAbsolutePath().normalize();
    boolean quick = opts.containsKey("quick");
    Set<String> only = new LinkedHashSet<>(Arrays.asList(
        opts.getOrDefault("only", "startup,throughput,http,processor,loader,hooks,packages").split(",")));
    Path target = bench.resolve("target");
    Path scratch = target.resolve("work");
    Path logs = target.resolve("logs");
    Files.createDirectories(logs);

    Report report = new Report(bench, quick, String.join(" ", args));
    report.machineBefore();
    Map<String, Variant> servers = only.contains("startup") || only.contains("throughput")
        || only.contains("processor") ? Servers.discover(bench)
        : only.contains("packages") ? Servers.discoverForPackages(bench) : Map.of();

    if (only.contains("hooks")) {
      int rounds = Integer.parseInt(opts.getOrDefault("hookRounds", quick ? "3" : "30"));
      System.out.println("Hooks: round trip of a PreToolUse decision, " + rounds + " rounds");
      report.hooks = HookBench.run(bench, scratch.resolve("hooks"), quick ? 1 : 3, rounds, logs);
      report.write();
    }

    if (only.contains("startup")) {
      int rounds = Integer.parseInt(opts.getOrDefault("rounds", quick ? "3" : "20"));
      List<Variant> variants = new ArrayList<>(servers.values());
      List<Variant> levers = Levers.prepare(opts.getOrDefault("levers", String.join(",", Levers.ALL)),
          servers, scratch.resolve("levers"), logs);
      variants.addAll(levers);
      System.out.println("Start-up: " + variants.stream().map(Variant::id).toList() + ", " + rounds + " rounds");
      report.startup = StartupBench.run(variants, quick ? 1 : 2, rounds, logs);
      report.classLoads = StartupBench.classLoads(variants, logs);
      report.variants = variants;
      report.write();
    }
    if (only.contains("throughput")) {
      int reps = Integer.parseInt(opts.getOrDefault("reps", quick ? "2" : "6"));
      int calls = Integer.parseInt(opts.getOrDefault("calls", quick ? "500" : "4000"));
      List<Variant> variants = new ArrayList<>(List.of(servers.get("ours"), servers.get("sdk")));
      if (servers.containsKey("ours-before")) {
        variants.add(servers.get("ours-before"));
      }
      variants.addAll(Levers.prepare(opts.getOrDefault("throughputLevers", String.join(",", Levers.THROUGHPUT)),
          servers, scratch.resolve("levers"), logs));
      List<String[]> mix = ThroughputBench.readMix(bench.resolve("harness/target/calls.tsv"));
      System.out.println("Throughput: " + variants.stream().map(Variant::id).toList() + ", " + reps + " reps of "
          + calls + " calls");
      report.throughput = ThroughputBench.run(variants, mix, reps, quick ? 200 : 2000, calls, logs);
      report.throughputVariants = variants;
      report.write();
    }
    if (only.contains("http")) {
      int reps = Integer.parseInt(opts.getOrDefault("reps", quick ? "2" : "6"));
      int calls = Integer.parseInt(opts.getOrDefault("calls", quick ? "500" : "4000"));
      List<String[]> mix = ThroughputBench.readMix(bench.resolve("harness/target/calls.tsv"));
      System.out.println("HTTP throughput: ours-http, sdk-http, " + reps + " reps of " + calls + " calls");
      System.out.println(HttpThroughputBench.run(bench, mix, reps, quick ? 200 : 2000, calls, logs));
    }
    if (only.contains("processor")) {
      Path lib = servers.get("ours").cwd().resolve("lib");
      List<Path> classPath = jars(lib).stream()
          .filter(p -> !p.getFileName().toString().startsWith("bench-server-ours")).toList();
      List<Path> processorPath = jars(bench.resolve("processor-path/target/lib"));
      Map<String, Path> workloads = new LinkedHashMap<>();
      workloads.put("oneLiners", bench.resolve("harness/target/workload-processor"));
      workloads.put("realistic", bench.resolve("harness/target/workload-processor-real"));
      Path shm = Path.of("/dev/shm");
      Path tmpfs = opts.getOrDefault("tmpfs", "true").equals("true") && Files.isDirectory(shm)
          && Files.isWritable(shm) ? shm.resolve("codexplugin-bench-" + ProcessHandle.current().pid()) : null;
      int pairs = Integer.parseInt(opts.getOrDefault("processorPairs", quick ? "2" : "8"));
      System.out.println("Processor: javac of " + workloads.values() + (tmpfs == null ? "" : ", and on " + tmpfs));
      try {
        String before = opts.getOrDefault("processorBefore", System.getProperty("bench.processorBefore", ""));
        report.processor = ProcessorBench.run(workloads, classPath, processorPath, scratch.resolve("javac"), tmpfs,
            before.isEmpty() ? null : Path.of(before).toAbsolutePath(), quick ? 1 : 3, pairs, quick ? 1 : 3);
      } finally {
        if (tmpfs != null && Files.exists(tmpfs)) {
          ProcessorBench.clean(tmpfs);
          Files.delete(tmpfs);
        }
      }
      report.write();
    }
    if (only.contains("loader")) {
      Path template = jars(bench.resolve("../samples/team-workflow/target")).stream()
          .filter(p -> p.getFileName().toString().startsWith("team-workflow-")).findFirst()
          .orElseThrow(() -> new IOException("samples/team-workflow/target has no jar; build the reactor first"));
      Path jarsDir = target.resolve("catalog");
      List<Path> jars = BundleJars.ensure(template, jarsDir, 1000);
      System.out.println("Loader: " + jars.size() + " bundle jars in " + jarsDir);
      report.loader = LoaderBench.run(jarsDir, jars, quick, quick ? 1 : 3);
      report.write();
    }
    if (only.contains("packages")) {
      Path hosts = Path.of(opts.getOrDefault("hosts", bench.resolve("harness/target/hosts/node_modules/.bin")
          .toString()));
      int rounds = Integer.parseInt(opts.getOrDefault("packageRounds", quick ? "3" : "20"));
      int installRounds = Integer.parseInt(opts.getOrDefault("installRounds", quick ? "1" : "5"));
      Set<String> parts = new LinkedHashSet<>(Arrays.asList(
          opts.getOrDefault("packageParts", "noop,startup,install").split(",")));
      List<String> packageLevers = List.of(opts.getOrDefault("packageLevers", "").split(","));
      System.out.println(PackageBench.run(bench, servers, scratch.resolve("packages"), hosts, rounds, installRounds,
          parts, packageLevers, logs));
    }
    report.machineAfter();
    report.write();
    System.out.println("Wrote " + target.resolve("report.md") + " and report.json");
    System.exit(0);
  }

  static List<Path> jars(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
  }

  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static void writeJson(Path file, Object value) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), value);
  }
}
