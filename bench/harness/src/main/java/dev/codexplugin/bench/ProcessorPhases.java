package dev.codexplugin.bench;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import dev.codexplugin.processor.CodexPluginProcessor;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Where the time of one in-process javac goes, phase by phase: a diagnostic, not a benchmark (no ratio, no
 * verdict). Every stretch of wall time between two javac task events is charged to the innermost event still
 * open, or, when none is, to what follows the last finished one (after {@code ANALYZE} finishes javac desugars
 * the class: lambdas, inner classes, erasure). The processor's {@code process} calls are charged to
 * {@code processor} (wrapped, wall and thread CPU). Sources under the {@code -s} folder count as generated.
 *
 * <pre>
 * java -cp "target/classes:$(cat target/classpath.txt)" dev.codexplugin.bench.ProcessorPhases \
 *     WORKLOAD CLASSPATH_DIR SCRATCH [pairs=10] [modes=with,none,null] [base=MODE] [loop=with [loops=40]]
 * </pre>
 *
 * {@code loop=with} (or {@code none}) compiles that one mode again and again (for a JFR recording) and prints
 * only a line per compilation. Mode {@code before} is an earlier build of the processor, given as
 * {@code -Dbench.processorBefore=<sdk-processor jar>}; {@code null} a processor that does nothing.
 * {@code -Dbench.keepOutput=true} leaves the output folders of the last compilation in place (files are then
 * rewritten, not created: what file creation costs on this machine).
 */
public final class ProcessorPhases {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private ProcessorPhases() {}

  public static void main(String[] args) throws Exception {
    Path workload = Path.of(args[0]);
    Path lib = Path.of(args[1]);
    Path scratch = Path.of(args[2]);
    int pairs = 10;
    String loop = null;
    int loops = 0;
    List<String> modes = List.of("with", "none", "null");
    String base = null;
    for (int i = 3; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      switch (kv[0]) {
        case "pairs" -> pairs = Integer.parseInt(kv[1]);
        case "loop" -> loop = kv[1];
        case "loops" -> loops = Integer.parseInt(kv[1]);
        case "modes" -> modes = List.of(kv[1].split(","));
        case "base" -> base = kv[1];
        default -> throw new IllegalArgumentException(args[i]);
      }
    }
    List<Path> sources;
    try (Stream<Path> s = Files.walk(workload)) {
      sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    List<Path> jars;
    try (Stream<Path> s = Files.list(lib)) {
      jars = s.filter(p -> p.toString().endsWith(".jar"))
          .filter(p -> !p.getFileName().toString().startsWith("bench-server-ours")).sorted().toList();
    }
    String cp = String.join(File.pathSeparator, jars.stream().map(Path::toString).toList());
    if (loop != null) {
      for (int i = 0; i < (loops == 0 ? 40 : loops); i++) {
        Phases p = compile(sources, cp, scratch, loop);
        System.out.printf(Locale.ROOT, "%s %d: %.0f ms wall, %.0f ms cpu%n", loop, i, p.wall, p.cpu);
      }
      return;
    }
    Map<String, List<Phases>> runs = new java.util.LinkedHashMap<>();
    modes.forEach(m -> runs.put(m, new ArrayList<>()));
    for (int i = 0; i < 3 + pairs; i++) {
      StringBuilder line = new StringBuilder(i < 3 ? "warm-up:" : "round " + (i - 2) + ":");
      for (int k = 0; k < modes.size(); k++) {
        String mode = modes.get((i + k) % modes.size());
        Phases p = compile(sources, cp, scratch, mode);
        line.append(String.format(Locale.ROOT, " %s %.0f ms (cpu %.0f)", mode, p.wall, p.cpu));
        if (i >= 3) {
          runs.get(mode).add(p);
        }
      }
      System.out.println(line);
    }
    runs.forEach(ProcessorPhases::print);
    for (String mode : modes) {
      if (!mode.equals("none") && runs.containsKey("none")) {
        ratio(mode, "none", runs);
      }
    }
    if (base != null) {
      for (String mode : modes) {
        if (!mode.equals(base) && !mode.equals("none")) {
          ratio(mode, base, runs);
        }
      }
    }
    if (runs.containsKey("with") && runs.containsKey("before")) {
      ratio("with", "before", runs);
    }
  }

  private static void ratio(String a, String b, Map<String, List<Phases>> runs) {
    List<Phases> x = runs.get(a);
    List<Phases> y = runs.get(b);
    List<Double> wall = Stats.ratios(x.stream().map(p -> p.wall).toList(), y.stream().map(p -> p.wall).toList());
    List<Double> cpu = Stats.ratios(x.stream().map(p -> p.cpu).toList(), y.stream().map(p -> p.cpu).toList());
    List<Double> proc = Stats.ratios(x.stream().map(p -> p.processorCpu).toList(),
        y.stream().map(p -> p.processorCpu).toList());
    double[] wi = Stats.medianInterval(wall);
    double[] ci = Stats.medianInterval(cpu);
    System.out.printf(Locale.ROOT, "%s / %s: wall %.2f [%.2f-%.2f], thread cpu %.2f [%.2f-%.2f]%s%n", a, b,
        Stats.median(wall), wi[0], wi[1], Stats.median(cpu), ci[0], ci[1],
        !a.equals("with") || !b.equals("before") ? "" : String.format(Locale.ROOT, ", processor cpu %.2f",
            Stats.median(proc)));
  }

  private static void print(String title, List<Phases> runs) {
    System.out.printf(Locale.ROOT, "%n%s: median wall %.0f ms, thread cpu %.0f ms (%d runs)%n", title,
        Stats.median(runs.stream().map(p -> p.wall).toList()), Stats.median(runs.stream().map(p -> p.cpu).toList()),
        runs.size());
    Map<String, List<Double>> byLabel = new TreeMap<>();
    for (Phases p : runs) {
      p.ms.keySet().forEach(k -> byLabel.computeIfAbsent(k, x -> new ArrayList<>()));
    }
    for (Phases p : runs) {
      byLabel.forEach((k, v) -> v.add(p.ms.getOrDefault(k, 0.0)));
    }
    byLabel.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-40s %8.0f ms%n", k, Stats.median(v)));
    System.out.printf(Locale.ROOT, "  %-40s %8.0f ms (thread cpu %.0f ms)%n", "(processor process() calls)",
        Stats.median(runs.stream().map(p -> p.processorWall).toList()),
        Stats.median(runs.stream().map(p -> p.processorCpu).toList()));
    System.out.printf(Locale.ROOT, "  %-40s %8.1f MB (processor %.1f MB)%n", "(allocated by the compiling thread)",
        Stats.median(runs.stream().map(p -> p.allocated).toList()),
        Stats.median(runs.stream().map(p -> p.processorAllocated).toList()));
  }

  /** Wall ms per label, and totals. */
  static final class Phases {
    final Map<String, Double> ms = new TreeMap<>();
    double wall;
    double cpu;
    double processorWall;
    double processorCpu;
    /** MB allocated by the compiling thread, and by the processor's calls: a measure of work that noise spares. */
    double allocated;
    double processorAllocated;
  }

  /** Charges wall time between events to labels. */
  static final class Clock implements TaskListener {
    final Phases phases;
    final Deque<String> open = new ArrayDeque<>();
    String after = "start";
    long last = System.nanoTime();
    int round;

    Clock(Phases phases) {
      this.phases = phases;
    }

    void charge() {
      long now = System.nanoTime();
      String label = open.isEmpty() ? "after " + after : open.peek();
      phases.ms.merge(label, (now - last) / 1e6, Double::sum);
      last = now;
    }

    private String label(TaskEvent e) {
      String kind = e.getKind().name();
      boolean generated = e.getSourceFile() != null && e.getSourceFile().toUri().getPath().contains("-gen/");
      return switch (e.getKind()) {
        case ANNOTATION_PROCESSING, ANNOTATION_PROCESSING_ROUND -> kind + " (javac's own)";
        case ENTER -> "ENTER round " + round;
        default -> kind + (generated ? " generated" : " user");
      };
    }

    @Override
    public void started(TaskEvent e) {
      if (e.getKind() == TaskEvent.Kind.COMPILATION) {
        return; // spans everything
      }
      charge();
      if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING_ROUND) {
        round++;
      }
      open.push(label(e));
    }

    @Override
    public void finished(TaskEvent e) {
      if (e.getKind() == TaskEvent.Kind.COMPILATION) {
        return;
      }
      charge();
      String label = label(e);
      open.remove(label);
      after = label;
    }

    void push(String label) {
      charge();
      open.push(label);
    }

    void pop() {
      charge();
      open.pop();
    }
  }

  /**
   * One compilation: {@code with} our processor, {@code none} ({@code -proc:none}), or {@code null}: a processor
   * that takes every annotation and does nothing, the floor of any processor (javac's rounds).
   */
  static Phases compile(List<Path> sources, String cp, Path scratch, String mode) throws IOException {
    // src:DIR: -proc:none with the sources under DIR added (one shape of generated code; a DIR named *-gen
    // counts as generated in the phases). gen:DIR: only the sources under DIR, against the workload's classes
    // (compiled once): what the generated code alone costs javac.
    boolean alone = mode.startsWith("gen:");
    Path extra = mode.startsWith("src:") || alone ? Path.of(mode.substring(4)) : null;
    boolean processor = !mode.equals("none") && extra == null;
    String name = extra == null ? mode : mode.substring(0, 3) + "-" + extra.getFileName();
    Path out = scratch.resolve(name);
    Path gen = scratch.resolve(name + "-gen");
    if (extra != null) {
      List<Path> all = new ArrayList<>();
      if (alone) {
        Path classes = scratch.resolve("workload-classes");
        if (!Files.isDirectory(classes)) {
          Path tmp = scratch.resolve("workload-classes-tmp");
          compile(sources, cp, tmp, "none");
          Files.move(tmp.resolve("none"), classes);
        }
        cp = cp + File.pathSeparator + classes;
      } else {
        all.addAll(sources);
      }
      try (Stream<Path> s = Files.walk(extra)) {
        s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(all::add);
      }
      sources = all;
    }
    if (!Boolean.getBoolean("bench.keepOutput")) {
      ProcessorBench.clean(out);
      ProcessorBench.clean(gen);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8", "-nowarn",
        "-implicit:none", "-d", out.toString(), "-s", gen.toString(), "-cp", cp));
    if (!processor) {
      options.add("-proc:none");
    }
    Phases phases = new Phases();
    long c0 = THREADS.getCurrentThreadCpuTime();
    long a0 = THREADS.getCurrentThreadAllocatedBytes();
    long t0 = System.nanoTime();
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources));
      Clock clock = new Clock(phases);
      task.addTaskListener(clock);
      if (processor) {
        Processor delegate = switch (mode) {
          case "null" -> new ProcessorBench.Nothing();
          case "before" -> ProcessorBench.processorFrom(Path.of(System.getProperty("bench.processorBefore")));
          default -> new CodexPluginProcessor();
        };
        task.setProcessors(List.of(new Timed(delegate, clock, phases)));
      }
      ok = task.call();
      clock.charge();
    }
    phases.wall = (System.nanoTime() - t0) / 1e6;
    phases.cpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
    phases.allocated = (THREADS.getCurrentThreadAllocatedBytes() - a0) / 1e6;
    if (!ok) {
      throw new IOException("javac failed: " + diagnostics.getDiagnostics().stream().limit(5).toList());
    }
    return phases;
  }

  /** The processor, with its {@code init} and {@code process} calls timed. */
  private static final class Timed extends ProcessorBench.Forwarding {
    private final Clock clock;
    private final Phases phases;

    Timed(Processor delegate, Clock clock, Phases phases) {
      super(delegate);
      this.clock = clock;
      this.phases = phases;
    }

    @Override
    public void init(ProcessingEnvironment env) {
      clock.push("processor init");
      try {
        delegate.init(env);
      } finally {
        clock.pop();
      }
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      long c0 = THREADS.getCurrentThreadCpuTime();
      long a0 = THREADS.getCurrentThreadAllocatedBytes();
      long t0 = System.nanoTime();
      clock.push("processor process() round " + clock.round);
      try {
        return delegate.process(annotations, round);
      } finally {
        clock.pop();
        phases.processorWall += (System.nanoTime() - t0) / 1e6;
        phases.processorCpu += (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
        phases.processorAllocated += (THREADS.getCurrentThreadAllocatedBytes() - a0) / 1e6;
      }
    }
  }
}
