package dev.codexplugin.bench;

import dev.codexplugin.bench.Servers.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects the results and writes {@code report.md} (medians, ratios, verdicts) and {@code report.json}. */
final class Report {
  private final Path bench;
  private final boolean quick;
  private final String args;
  private final Map<String, Object> machine = new LinkedHashMap<>();
  private final String started = BenchMain.now();
  private String finished;

  StartupBench.Result startup;
  Map<String, StartupBench.ClassLoads> classLoads;
  List<Variant> variants;
  ThroughputBench.Result throughput;
  List<Variant> throughputVariants;
  ProcessorBench.Result processor;
  LoaderBench.Result loader;
  HookBench.Result hooks;

  Report(Path bench, boolean quick, String args) {
    this.bench = bench;
    this.quick = quick;
    this.args = args;
  }

  void machineBefore() {
    machine.put("cpu", cpuModel());
    machine.put("cpus", Runtime.getRuntime().availableProcessors());
    machine.put("memory", firstLine(Path.of("/proc/meminfo"), "MemTotal"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    machine.put("loadAverageBefore", loadAverage());
  }

  void machineAfter() {
    machine.put("loadAverageAfter", loadAverage());
    finished = BenchMain.now();
  }

  // ------------------------------------------------------------------------------------------ verdicts

  /** One row of the summary: what, the measured ratio with its interval, the target and whether it is met. */
  record Verdict(String what, double value, double low, double high, String target, boolean met) {}

  List<Verdict> verdicts() {
    List<Verdict> out = new ArrayList<>();
    if (processor != null) {
      ProcessorBench.Comparison c = processor.warm().get("oneLiners");
      List<Double> r = Stats.ratios(c.with(), c.without());
      double[] ci = Stats.medianInterval(r);
      out.add(new Verdict("1. processor: javac with / -proc:none (warm, in-process)", Stats.median(r), ci[0], ci[1],
          "<= 1.15", Stats.median(r) <= 1.15));
      ProcessorBench.Comparison real = processor.warm().get("realistic");
      if (real != null) {
        List<Double> rr = Stats.ratios(real.with(), real.without());
        double[] rci = Stats.medianInterval(rr);
        out.add(new Verdict("1. processor, tool bodies of 20-40 lines: javac with / -proc:none (warm)",
            Stats.median(rr), rci[0], rci[1], "<= 1.15", Stats.median(rr) <= 1.15));
      }
    }
    if (loader != null) {
      for (int n : new int[] {1, 1000}) {
        double ratio = loaderRatio(n);
        if (!Double.isNaN(ratio)) {
          out.add(new Verdict("2. loader: PluginLoader.load / JarFile floor, " + n + " bundle" + (n == 1 ? "" : "s"),
              ratio, Double.NaN, Double.NaN, "<= 3", ratio <= 3));
        }
      }
      double linear = linearity();
      if (!Double.isNaN(linear)) {
        out.add(new Verdict("2. loader: time per bundle at 1,000 / at 100 (linear = 1)", linear, Double.NaN,
            Double.NaN, "<= 1.2", linear <= 1.2));
      }
    }
    if (startup != null) {
      addStartup(out, "ours", "sdk", "3. start-up to first tools/list: ours / (a) SDK + victools", 1.0);
      addStartup(out, "ours", "spring", "3. start-up to first tools/list: ours / (b) Spring AI", 0.5);
      for (Variant v : variants) {
        if (v.id().startsWith("ours+")) {
          addStartup(out, v.id(), "sdk", "3. lever " + v.id() + " / (a) as shipped", 1.0);
          String peer = "sdk" + v.id().substring(4);
          if (startup.listMs().containsKey(peer)) {
            addStartup(out, v.id(), peer, "3. lever " + v.id() + " / (a) with the same flags", 1.0);
          }
          addStartup(out, v.id(), "spring", "3. lever " + v.id() + " / (b)", 0.5);
        }
      }
    }
    if (hooks != null) {
      for (String id : List.of("java", "java+c1serial", "java+cds", "java+cds+c1serial", "java+lib20",
          "release-tools", "release-tools+cds", "release-tools+install")) {
        if (hooks.millis().containsKey(id)) {
          List<Double> r = Stats.ratios(hooks.millis().get(id), hooks.millis().get("floor"));
          double[] ci = Stats.medianInterval(r);
          out.add(new Verdict("5. hook round trip: " + id + " / JVM floor", Stats.median(r), ci[0], ci[1], "<= 3",
              Stats.median(r) <= 3));
        }
      }
      for (String id : List.of("java25", "java25+aot", "release-tools25", "release-tools25+install")) {
        if (hooks.millis().containsKey(id)) {
          List<Double> r = Stats.ratios(hooks.millis().get(id), hooks.millis().get("floor25"));
          double[] ci = Stats.medianInterval(r);
          out.add(new Verdict("5. hook round trip: " + id + " / JDK 25 JVM floor", Stats.median(r), ci[0], ci[1],
              "<= 3", Stats.median(r) <= 3));
        }
      }
    }
    if (throughput != null) {
      List<Double> r = Stats.ratios(callsPerSecond("ours"), callsPerSecond("sdk"));
      double[] ci = Stats.medianInterval(r);
      out.add(new Verdict("4. tools/call throughput: ours / (a)", Stats.median(r), ci[0], ci[1], ">= 0.9",
          Stats.median(r) >= 0.9));
      for (Variant v : throughputVariants) {
        if (v.id().startsWith("ours+")) {
          List<Double> l = Stats.ratios(callsPerSecond(v.id()), callsPerSecond("sdk"));
          double[] lci = Stats.medianInterval(l);
          out.add(new Verdict("4. lever " + v.id() + " throughput / (a) as shipped", Stats.median(l), lci[0],
              lci[1], ">= 0.9", Stats.median(l) >= 0.9));
        }
      }
    }
    return out;
  }

  private void addStartup(List<Verdict> out, String a, String b, String what, double target) {
    if (!startup.listMs().containsKey(a) || !startup.listMs().containsKey(b)) {
      return;
    }
    List<Double> r = Stats.ratios(startup.listMs().get(a), startup.listMs().get(b));
    double[] ci = Stats.medianInterval(r);
    out.add(new Verdict(what, Stats.median(r), ci[0], ci[1], "<= " + target, Stats.median(r) <= target));
  }

  private double loaderRatio(int n) {
    LoaderBench.Score l = score("pluginLoader", n);
    LoaderBench.Score f = score("floorJarFile", n);
    return l == null || f == null ? Double.NaN : l.ms() / f.ms();
  }

  private double linearity() {
    LoaderBench.Score a = score("pluginLoader", 100);
    LoaderBench.Score b = score("pluginLoader", 1000);
    return a == null || b == null ? Double.NaN : (b.ms() / 1000) / (a.ms() / 100);
  }

  private LoaderBench.Score score(String benchmark, int n) {
    Map<Integer, LoaderBench.Score> m = loader.scores().get(benchmark);
    return m == null ? null : m.get(n);
  }

  private List<Double> cpuPerCall(String id) {
    return throughput.reps().get(id).stream().map(ThroughputBench.Rep::cpuMicrosPerCall).toList();
  }

  private List<Double> callsPerSecond(String id) {
    return throughput.reps().get(id).stream().map(ThroughputBench.Rep::callsPerSecond).toList();
  }

  // ----------------------------------------------------------------------------------------- writing

  void write() throws IOException {
    Path target = bench.resolve("target");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("started", started);
    json.put("finished", finished);
    json.put("arguments", args);
    json.put("quick", quick);
    json.put("machine", machine);
    json.put("verdicts", verdicts());
    json.put("startup", startup);
    json.put("startupVariants", variants);
    json.put("classLoads", classLoads);
    json.put("throughput", throughput);
    json.put("processor", processor);
    json.put("loader", loader);
    json.put("hooks", hooks);
    BenchMain.writeJson(target.resolve("report.json"), json);
    Files.writeString(target.resolve("report.md"), markdown());
  }

  String markdown() {
    StringBuilder s = new StringBuilder();
    s.append("# Benchmark report\n\n");
    if (quick) {
      s.append("> **Smoke run (`quick`)**: too few rounds and iterations; do not read these numbers.\n\n");
    }
    s.append("Run ").append(started).append(" to ").append(finished == null ? "(running)" : finished)
        .append(" with `./mvnw -B -Pbench -DskipTests verify`").append(args.isBlank() ? "" : " (arguments `" + args + "`)")
        .append(".\n\n");
    s.append("| machine | |\n|---|---|\n");
    machine.forEach((k, v) -> s.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    s.append("\nEvery claim is a ratio against a peer measured in the same run, interleaved; absolute times are"
        + " only for orientation on this machine. Ratios are the median of per-round (per-pair) ratios, with a"
        + " 95 % bootstrap interval of that median.\n\n");

    s.append("## Verdicts\n\n| target | measured | 95 % interval | target | verdict |\n|---|---:|---|---|---|\n");
    for (Verdict v : verdicts()) {
      s.append("| ").append(v.what()).append(" | ").append(f2(v.value())).append(" | ")
          .append(Double.isNaN(v.low()) ? "" : f2(v.low()) + " – " + f2(v.high())).append(" | ").append(v.target())
          .append(" | ").append(v.met() ? "met" : "**missed**").append(" |\n");
    }

    if (hooks != null) {
      s.append("\n## 5. Hook round trip\n\n");
      s.append("Process start to the decision line on stdout, with the host's PreToolUse JSON for a MAJOR bump on"
          + " stdin; every variant prints the same deny (release-tools: its own reason). ").append(hooks.rounds())
          .append(" measured rounds after ").append(hooks.warmupRounds())
          .append(" warm-up rounds; the order rotates every round. Ratios are per round, against the JVM floor of"
              + " the same JDK.\n\n");
      s.append("| variant | what | median ms | p10 ms | p90 ms | / JVM floor | 95 % interval | / node |\n"
          + "|---|---|---:|---:|---:|---:|---|---:|\n");
      for (HookBench.Variant v : hooks.variants()) {
        List<Double> ms = hooks.millis().get(v.id());
        String floor = v.id().contains("25") ? "floor25" : "floor";
        List<Double> r = Stats.ratios(ms, hooks.millis().get(floor));
        double[] ci = Stats.medianInterval(r);
        s.append("| ").append(v.id()).append(" | ").append(v.label()).append(" | ").append(f2(Stats.median(ms)))
            .append(" | ").append(f2(Stats.percentile(ms, 10))).append(" | ").append(f2(Stats.percentile(ms, 90)))
            .append(" | ").append(f2(Stats.median(r))).append(" | ")
            .append(Double.isNaN(ci[0]) ? "" : f2(ci[0]) + " – " + f2(ci[1])).append(" | ")
            .append(f2(Stats.median(Stats.ratios(ms, hooks.millis().get("node"))))).append(" |\n");
      }
      s.append("\nCommands:\n\n");
      for (HookBench.Variant v : hooks.variants()) {
        s.append("- `").append(v.id()).append("`: `").append(String.join(" ", v.command())).append("`\n");
      }
    }
    if (processor != null) {
      ProcessorBench.Result p = processor;
      s.append("\n## 1. Processor cost\n\n");
      s.append("Two workloads of the same 100 classes, 1,000 `@McpTool` methods and 200 `@Skill`s: `oneLiners`,"
          + " whose tool bodies are one to three lines (the target's workload), and `realistic`, whose tool bodies"
          + " are 20 to 40 lines of ordinary Java. With the processor javac also compiles the sources it generates"
          + " and it writes the bundle.\n\n");
      s.append("| workload | source files | lines | bytes | generated sources | generated lines | class files with"
          + " / without | files written with / without |\n|---|---:|---:|---:|---:|---:|---|---|\n");
      p.workloads().forEach((id, w) -> s.append("| ").append(id).append(" | ").append(w.sourceFiles()).append(" | ")
          .append(w.sourceLines()).append(" | ").append(w.sourceBytes()).append(" | ").append(w.generatedSources())
          .append(" | ").append(w.generatedLines()).append(" | ").append(w.classesWith()).append(" / ")
          .append(w.classesWithout()).append(" | ").append(w.outputFilesWith()).append(" / ")
          .append(w.outputFilesWithout()).append(" |\n"));
      s.append("\n| javac | runs | with processor, median ms | -proc:none, median ms | ratio (paired median) |"
          + " 95 % interval |\n|---|---:|---:|---:|---:|---|\n");
      for (ProcessorBench.Comparison c : p.warm().values()) {
        row(s, "warm, in-process: " + c.title() + (c.id().equals("oneLiners") ? " (target)" : ""), c.with(),
            c.without());
      }
      for (ProcessorBench.Comparison c : p.cold().values()) {
        row(s, "cold, one `javac` process each: " + c.title(), c.with(), c.without());
      }
      for (ProcessorBench.Comparison b : p.warm().values()) {
        ProcessorBench.Comparison a = b.id().endsWith("-before")
            ? p.warm().get(b.id().substring(0, b.id().length() - "-before".length())) : null;
        if (a != null) {
          List<Double> r = Stats.ratios(a.with(), b.with());
          double[] ci = Stats.medianInterval(r);
          s.append("\nIn the same rounds, ").append(a.title()).append(" against ").append(b.title())
              .append(" (`-Dbench.processorBefore`), compilation with the processor: ").append(f2(Stats.median(r)))
              .append(Double.isNaN(ci[0]) ? "" : " (interval " + f2(ci[0]) + " – " + f2(ci[1]) + ")").append(".\n");
        }
      }
      s.append("\n`floor` is a processor that takes every annotation (`*`, as ours does) and does nothing: javac's"
          + " extra rounds (every source entered again), the least any such processor costs. `tmpfs` is the"
          + " target pair with the class and source output in `/dev/shm`: the difference to the target row is"
          + " what creating the output files costs on this machine's disk.\n\n");
      s.append("| warm compilation with the processor | median ms |\n|---|---:|\n");
      for (ProcessorBench.Comparison c : p.warm().values()) {
        s.append("| ").append(c.title()).append(": annotation processing (javac's `ANNOTATION_PROCESSING` span, all"
            + " rounds) | ").append(f0(Stats.median(c.processing()))).append(" |\n");
        s.append("| ").append(c.title()).append(": inside the processor's `process` calls | ")
            .append(f0(Stats.median(c.processorOwn()))).append(" |\n");
      }
    }

    if (loader != null) {
      LoaderBench.Result l = loader;
      s.append("\n## 2. Loader\n\nCatalog: copies of the team-workflow sample jar (").append(l.jarBytes())
          .append(" bytes; its bundle is ").append(l.bundleBytes()).append(" bytes in 7 files: plugin.json, .mcp.json,"
          + " .app.json, 2 skills, openai.yaml, index), each renamed. JMH, one fork, average time of one operation"
          + " over the whole catalog.\n\n");
      s.append("| bundles | PluginLoader.load(jar) ms | floor: JarFile, same entries ms | floor: Files.readAllBytes ms |"
          + " load(ClassLoader) ms | per bundle µs | load / JarFile floor |\n|---:|---:|---:|---:|---:|---:|---:|\n");
      for (int n : new int[] {1, 100, 1000}) {
        LoaderBench.Score a = score("pluginLoader", n);
        if (a == null) {
          continue;
        }
        LoaderBench.Score b = score("floorJarFile", n);
        LoaderBench.Score c = score("floorReadAllBytes", n);
        LoaderBench.Score d = score("pluginLoaderClassPath", n);
        s.append("| ").append(n).append(" | ").append(ms(a)).append(" | ").append(ms(b)).append(" | ").append(ms(c))
            .append(" | ").append(ms(d)).append(" | ").append(f1(a.ms() * 1000 / n)).append(" | ")
            .append(b == null ? "" : f2(a.ms() / b.ms())).append(" |\n");
      }
      s.append("\nHeap retained per loaded bundle (").append(l.heapBundles()).append(" bundles kept, fresh JVM,"
          + " SerialGC, used heap after full GCs): median ").append(f0(Stats.median(l.heapBytesPerBundle())))
          .append(" bytes over ").append(l.heapBytesPerBundle().size()).append(" runs ")
          .append(l.heapBytesPerBundle().stream().map(Report::f0).toList()).append(".\n");
    }

    if (startup != null) {
      s.append("\n## 3. MCP server start-up\n\nLaunch (`java -cp lib/* <main>` in the server folder; ours exactly as"
          + " its exported `.mcp.json` says) to the first `tools/list` answer on stdout, after `initialize` and"
          + " `notifications/initialized`. ").append(startup.rounds()).append(" measured rounds after ")
          .append(startup.warmupRounds()).append(" warm-up rounds; the order rotates every round.\n\n");
      s.append("| variant | tools | initialize, median ms | tools/list, median ms | 95 % interval | CPU ms used by"
          + " then, median | classes loaded (from CDS) |\n|---|---:|---:|---:|---|---:|---|\n");
      for (Variant v : variants) {
        List<Double> list = startup.listMs().get(v.id());
        double[] ci = Stats.medianInterval(list);
        StartupBench.ClassLoads c = classLoads == null ? null : classLoads.get(v.id());
        s.append("| ").append(v.id()).append(": ").append(v.label()).append(" | ")
            .append(startup.tools().getOrDefault(v.id(), 0)).append(" | ")
            .append(f0(Stats.median(startup.initializeMs().get(v.id())))).append(" | ")
            .append(f0(Stats.median(list))).append(" | ").append(f0(ci[0])).append(" – ").append(f0(ci[1]))
            .append(" | ").append(f0(Stats.median(startup.cpuMs().get(v.id()))))
            .append(" | ").append(c == null ? "" : c.total() + " (" + c.shared() + ")").append(" |\n");
      }
      s.append("\n| ratio (paired median) | time to tools/list | 95 % interval | CPU used by then |\n"
          + "|---|---:|---|---:|\n");
      for (Variant v : variants) {
        for (String peer : List.of("sdk", "spring", "floor")) {
          if (!v.id().equals(peer) && !v.id().equals("floor") && !(v.id().equals("sdk") && !peer.equals("floor"))
              && !(v.id().equals("spring"))) {
            List<Double> r = Stats.ratios(startup.listMs().get(v.id()), startup.listMs().get(peer));
            double[] ci = Stats.medianInterval(r);
            List<Double> cpu = Stats.ratios(startup.cpuMs().get(v.id()), startup.cpuMs().get(peer));
            s.append("| ").append(v.id()).append(" / ").append(peer).append(" | ").append(f2(Stats.median(r)))
                .append(" | ").append(f2(ci[0])).append(" – ").append(f2(ci[1])).append(" | ")
                .append(peer.equals("floor") ? "" : f2(Stats.median(cpu))).append(" |\n");
          }
        }
      }
      s.append("\nCommands:\n\n");
      for (Variant v : variants) {
        s.append("* ").append(v.id()).append(": `").append(String.join(" ", v.command())).append("` in `")
            .append(bench.relativize(v.cwd())).append("`\n");
      }
    }

    if (throughput != null) {
      s.append("\n## 4. Tool-call throughput and latency\n\nOne client, sequential `tools/call`s on one stdio"
          + " session (each waits for its answer), cycling through the same 50 calls (one per tool) on every"
          + " server; ").append(throughput.warmupCalls()).append(" warm-up calls (every answer checked), then ")
          .append(throughput.calls()).append(" timed calls; ").append(throughput.reps().values().iterator().next().size())
          .append(" repetitions in fresh processes, alternating the order.\n\n");
      s.append("| variant | calls/s, median | 95 % interval | latency p50 µs, median | latency p99 µs, median |"
          + " server CPU µs per call, median | errors |\n|---|---:|---|---:|---:|---:|---:|\n");
      for (Variant v : throughputVariants) {
        List<ThroughputBench.Rep> reps = throughput.reps().get(v.id());
        List<Double> cps = reps.stream().map(ThroughputBench.Rep::callsPerSecond).toList();
        double[] ci = Stats.medianInterval(cps);
        s.append("| ").append(v.id()).append(" | ").append(f0(Stats.median(cps))).append(" | ").append(f0(ci[0]))
            .append(" – ").append(f0(ci[1])).append(" | ")
            .append(f0(Stats.median(reps.stream().map(ThroughputBench.Rep::p50Micros).toList()))).append(" | ")
            .append(f0(Stats.median(reps.stream().map(ThroughputBench.Rep::p99Micros).toList()))).append(" | ")
            .append(f0(Stats.median(reps.stream().map(ThroughputBench.Rep::cpuMicrosPerCall).toList())))
            .append(" | ").append(reps.stream().mapToInt(ThroughputBench.Rep::errors).sum()).append(" |\n");
      }
      s.append("\n| ratio (paired median) | calls/s | 95 % interval | server CPU per call |\n|---|---:|---|---:|\n");
      for (Variant v : throughputVariants) {
        if (v.id().equals("sdk")) {
          continue;
        }
        List<Double> r = Stats.ratios(callsPerSecond(v.id()), callsPerSecond("sdk"));
        double[] ci = Stats.medianInterval(r);
        List<Double> cpu = Stats.ratios(cpuPerCall(v.id()), cpuPerCall("sdk"));
        s.append("| ").append(v.id()).append(" / sdk | ").append(f2(Stats.median(r))).append(" | ")
            .append(Double.isNaN(ci[0]) ? "" : f2(ci[0]) + " – " + f2(ci[1])).append(" | ")
            .append(f2(Stats.median(cpu))).append(" |\n");
      }
      Map<String, String> ours = throughput.answers().get("ours");
      Map<String, String> sdk = throughput.answers().get("sdk");
      if (ours != null && sdk != null) {
        long same = ours.keySet().stream().filter(k -> ours.get(k).equals(sdk.get(k))).count();
        s.append("\nSame answers (text and structured content) from ours and (a): ").append(same).append(" of ")
            .append(ours.size()).append(" tools.\n");
        ours.keySet().stream().filter(k -> !ours.get(k).equals(sdk.get(k))).limit(5).forEach(k ->
            s.append("* `").append(k).append("`: ours `").append(ours.get(k)).append("`, (a) `").append(sdk.get(k))
                .append("`\n"));
      }
    }
    return s.toString();
  }

  private static void row(StringBuilder s, String what, List<Double> with, List<Double> without) {
    if (with.isEmpty()) {
      return;
    }
    List<Double> r = Stats.ratios(with, without);
    double[] ci = Stats.medianInterval(r);
    s.append("| ").append(what).append(" | ").append(with.size()).append(" | ").append(f0(Stats.median(with)))
        .append(" | ").append(f0(Stats.median(without))).append(" | ").append(f2(Stats.median(r))).append(" | ")
        .append(Double.isNaN(ci[0]) ? "" : f2(ci[0]) + " – " + f2(ci[1])).append(" |\n");
  }

  private static String ms(LoaderBench.Score score) {
    return score == null ? "" : (score.ms() < 10 ? f3(score.ms()) : f1(score.ms())) + " ± "
        + (score.error() < 10 ? f3(score.error()) : f1(score.error()));
  }

  static String f0(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }

  static String f1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String f3(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static String cpuModel() {
    String line = firstLine(Path.of("/proc/cpuinfo"), "model name");
    return line.contains(":") ? line.substring(line.indexOf(':') + 1).trim() : line;
  }

  private static String firstLine(Path file, String prefix) {
    try {
      return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("?")
          .replaceAll("\\s+", " ");
    } catch (IOException e) {
      return "?";
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "?";
    }
  }
}
