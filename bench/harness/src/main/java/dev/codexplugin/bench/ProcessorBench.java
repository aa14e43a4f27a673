package dev.codexplugin.bench;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import dev.codexplugin.processor.CodexPluginProcessor;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Processor cost: javac of a generated project (100 classes, 1,000 {@code @McpTool} methods, 200
 * {@code @Skill}s) with our processor, against the same sources with {@code -proc:none}. "With" includes
 * compiling what the processor generates, as a build does.
 *
 * <p>Two workloads of the same tools and skills: {@code oneLiners}, whose tool bodies are one to three lines
 * (the target's workload: the generated code is then about as large as the user's), and {@code realistic},
 * whose tool bodies are 20 to 40 lines of ordinary Java.
 *
 * <ul>
 *   <li><b>warm, in-process</b> (the target): javac through {@code javax.tools} in this JVM, a new file manager
 *       and a new processor instance per compilation, after warm-up compilations. Each round runs every
 *       comparison as an adjacent pair, alternating which of the two goes first; the comparisons' order rotates
 *       from round to round. Besides the two workloads, two peers for reading the result: {@code floor}, a
 *       processor that takes every annotation and does nothing (what javac's extra rounds cost any processor),
 *       and {@code tmpfs}, the one-liner pair with the class and source output in {@code /dev/shm} (what creating
 *       files on this machine's disk adds).
 *   <li><b>cold, one process per compilation</b>: the JDK's {@code javac} launcher with
 *       {@code -processorpath} (processor found by the service loader, as Maven configures it) against
 *       {@code -proc:none}: what a first build on a fresh JVM pays, class loading of the processor included.
 * </ul>
 */
final class ProcessorBench {
  /**
   * One comparison: compilations with a processor and without ({@code -proc:none}), paired by index.
   *
   * @param processing ms of javac's {@code ANNOTATION_PROCESSING} span (all rounds) of each compilation with
   * @param processorOwn ms inside the processor's {@code process} calls of each compilation with
   */
  record Comparison(String id, String title, List<Double> with, List<Double> without, List<Double> processing,
      List<Double> processorOwn) {}

  /**
   * What one workload is.
   *
   * @param generatedSources sources the processor generated
   * @param classesWith class files with the processor
   * @param classesWithout class files with {@code -proc:none}
   */
  record Workload(int sourceFiles, long sourceBytes, long sourceLines, int generatedSources, long generatedLines,
      int classesWith, int classesWithout, int outputFilesWith, int outputFilesWithout) {}

  record Result(Map<String, Comparison> warm, Map<String, Comparison> cold, Map<String, Workload> workloads) {}

  /** A workload's sources. */
  record Sources(String id, Path root, List<Path> files) {}

  private enum Kind { OURS, BEFORE, NONE, NOTHING }

  private ProcessorBench() {}

  /**
   * Runs every comparison. With {@code before} (an earlier sdk-processor jar) each workload is also compiled with
   * that processor, in the same rounds: {@code <workload>-before}.
   */
  static Result run(Map<String, Path> workloads, List<Path> classPath, List<Path> processorPath, Path scratch,
      Path tmpfs, Path before, int warmup, int pairs, int coldPairs) throws IOException, InterruptedException {
    beforeJar = before;
    Map<String, Sources> sources = new LinkedHashMap<>();
    for (var w : workloads.entrySet()) {
      try (Stream<Path> s = Files.walk(w.getValue())) {
        sources.put(w.getKey(), new Sources(w.getKey(), w.getValue(),
            s.filter(p -> p.toString().endsWith(".java")).sorted().toList()));
      }
    }
    String cp = join(classPath);
    Sources oneLiners = sources.values().iterator().next();

    // The warm comparisons: id -> (title, sources, processor kind, output folder)
    record Plan(String id, String title, Sources sources, Kind kind, Path out) {}
    List<Plan> plans = new ArrayList<>();
    for (Sources s : sources.values()) {
      plans.add(new Plan(s.id(), "our processor, " + s.id(), s, Kind.OURS, scratch.resolve("warm-" + s.id())));
      if (before != null) {
        plans.add(new Plan(s.id() + "-before", "the earlier processor, " + s.id(), s, Kind.BEFORE,
            scratch.resolve("warm-" + s.id() + "-before")));
      }
    }
    plans.add(new Plan("floor", "a processor that does nothing, " + oneLiners.id(), oneLiners, Kind.NOTHING,
        scratch.resolve("warm-floor")));
    if (tmpfs != null) {
      plans.add(new Plan("tmpfs", "our processor, " + oneLiners.id() + ", output on tmpfs", oneLiners, Kind.OURS,
          tmpfs.resolve("warm-tmpfs")));
    }
    Map<String, Comparison> warm = new LinkedHashMap<>();
    for (Plan plan : plans) {
      warm.put(plan.id(), new Comparison(plan.id(), plan.title(), new ArrayList<>(), new ArrayList<>(),
          new ArrayList<>(), new ArrayList<>()));
    }
    for (int i = 0; i < warmup + pairs; i++) {
      boolean measured = i >= warmup;
      StringBuilder line = new StringBuilder(measured ? "  processor round " + (i - warmup + 1) + ":" : "  processor warm-up:");
      for (int k = 0; k < plans.size(); k++) {
        Plan plan = plans.get((i + k) % plans.size());
        boolean procFirst = (i + k) % 2 == 0;
        double[] a = null;
        double[] b = null;
        for (int n = 0; n < 2; n++) {
          if ((n == 0) == procFirst) {
            a = warm(plan.sources().files(), cp, plan.out().resolve("with"), plan.kind());
          } else {
            b = warm(plan.sources().files(), cp, plan.out().resolve("without"), Kind.NONE);
          }
        }
        line.append(String.format(Locale.ROOT, " %s %.0f/%.0f", plan.id(), a[0], b[0]));
        if (measured) {
          Comparison c = warm.get(plan.id());
          c.with().add(a[0]);
          c.processing().add(a[1]);
          c.processorOwn().add(a[2]);
          c.without().add(b[0]);
        }
      }
      System.out.println(line.append(" ms (with/without)"));
    }
    Map<String, Workload> info = new LinkedHashMap<>();
    for (Plan plan : plans) {
      if (plan.kind() == Kind.OURS && sources.containsKey(plan.id())) {
        Path with = plan.out().resolve("with");
        if (!Files.exists(with.resolve("META-INF/codex-plugins/index.json"))) {
          throw new IOException("the processor wrote no bundle for " + plan.id() + ": the workload does not exercise it");
        }
        Path gen = with.resolveSibling("with-gen");
        Path without = plan.out().resolve("without");
        info.put(plan.id(), new Workload(plan.sources().files().size(),
            plan.sources().files().stream().mapToLong(ProcessorBench::size).sum(), lines(plan.sources().root()),
            countFiles(gen, ".java"), lines(gen), countFiles(with, ".class"), countFiles(without, ".class"),
            countFiles(with, "") + countFiles(gen, ""), countFiles(without, "")));
      }
    }

    Map<String, Comparison> cold = new LinkedHashMap<>();
    for (Sources s : sources.values()) {
      Comparison c = new Comparison(s.id(), "our processor, " + s.id(), new ArrayList<>(), new ArrayList<>(),
          List.of(), List.of());
      cold.put(s.id(), c);
      Path args = scratch.resolve("sources-" + s.id() + ".txt");
      Files.write(args, s.files().stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
      for (int i = 0; i < coldPairs; i++) {
        boolean procFirst = i % 2 == 0;
        double a = 0;
        double b = 0;
        for (int k = 0; k < 2; k++) {
          if ((k == 0) == procFirst) {
            a = cold(args, cp, join(processorPath), scratch.resolve("cold-" + s.id() + "-with"), true);
          } else {
            b = cold(args, cp, null, scratch.resolve("cold-" + s.id() + "-without"), false);
          }
        }
        System.out.printf(Locale.ROOT, "  processor cold %s pair %d: with %.0f ms, -proc:none %.0f ms%n", s.id(), i + 1,
            a, b);
        c.with().add(a);
        c.without().add(b);
      }
    }
    return new Result(warm, cold, info);
  }

  /** {total ms, annotation-processing ms, ms inside the processor's process calls} of one compilation. */
  private static double[] warm(List<Path> sources, String cp, Path out, Kind kind) throws IOException {
    clean(out);
    Path gen = out.resolveSibling(out.getFileName() + "-gen");
    clean(gen);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8", "-nowarn",
        "-implicit:none", "-d", out.toString(), "-s", gen.toString(), "-cp", cp));
    if (kind == Kind.NONE) {
      options.add("-proc:none");
    }
    long t0 = System.nanoTime();
    long[] processing = new long[2];
    double[] own = new double[1];
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources));
      if (kind != Kind.NONE) {
        Processor processor = switch (kind) {
          case OURS -> new CodexPluginProcessor();
          case BEFORE -> processorFrom(beforeJar);
          default -> new Nothing();
        };
        task.setProcessors(List.of(new Timed(processor, own)));
        task.addTaskListener(new TaskListener() {
          @Override
          public void started(TaskEvent e) {
            if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING) {
              processing[0] = System.nanoTime();
            }
          }

          @Override
          public void finished(TaskEvent e) {
            if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING) {
              processing[1] = System.nanoTime();
            }
          }
        });
      }
      ok = task.call();
    }
    long t1 = System.nanoTime();
    if (!ok) {
      throw new IOException("javac failed: " + diagnostics.getDiagnostics().stream().limit(5).toList());
    }
    return new double[] {(t1 - t0) / 1e6, (processing[1] - processing[0]) / 1e6, own[0]};
  }

  private static Path beforeJar;
  /** One class loader per earlier processor jar, so that its classes are loaded and compiled once. */
  private static final Map<Path, ClassLoader> LOADERS = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A new instance of the processor in {@code jar}: its own classes loaded from that jar first, its
   * dependencies shared with the harness.
   */
  static Processor processorFrom(Path jar) {
    ClassLoader loader = LOADERS.computeIfAbsent(jar.toAbsolutePath(), ProcessorBench::childFirst);
    try {
      return (Processor) loader.loadClass("dev.codexplugin.processor.CodexPluginProcessor")
          .getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no processor in " + jar, e);
    }
  }

  private static ClassLoader childFirst(Path jar) {
    try {
      return new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
          ProcessorBench.class.getClassLoader()) {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
          if (!name.startsWith("dev.codexplugin.processor.")) {
            return super.loadClass(name, resolve);
          }
          synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            return c != null ? c : findClass(name);
          }
        }
      };
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Takes every annotation and does nothing: javac's extra rounds, the floor of any processor. */
  @SupportedAnnotationTypes("*")
  static final class Nothing extends AbstractProcessor {
    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return false;
    }
  }

  /** Forwards every call to {@code delegate}: wrappers override what they measure. */
  static class Forwarding implements Processor {
    final Processor delegate;

    Forwarding(Processor delegate) {
      this.delegate = delegate;
    }

    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment env) {
      delegate.init(env);
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return delegate.process(annotations, round);
    }

    @Override
    public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
        ExecutableElement member, String userText) {
      return delegate.getCompletions(element, annotation, member, userText);
    }
  }

  /** A processor whose {@code process} calls are timed into {@code ms[0]}. */
  private static final class Timed extends Forwarding {
    private final double[] ms;

    Timed(Processor delegate, double[] ms) {
      super(delegate);
      this.ms = ms;
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      long t0 = System.nanoTime();
      try {
        return delegate.process(annotations, round);
      } finally {
        ms[0] += (System.nanoTime() - t0) / 1e6;
      }
    }
  }


  private static double cold(Path sourceList, String cp, String processorPath, Path out, boolean processor)
      throws IOException, InterruptedException {
    clean(out);
    Path gen = out.resolveSibling(out.getFileName() + "-gen");
    clean(gen);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac")
        .toString(), "--release", "17", "-encoding", "UTF-8", "-nowarn", "-implicit:none", "-d", out.toString(),
        "-s", gen.toString(), "-cp", cp));
    if (processor) {
      command.addAll(List.of("-processorpath", processorPath));
    } else {
      command.add("-proc:none");
    }
    command.add("@" + sourceList);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile());
    long t0 = System.nanoTime();
    int status = builder.start().waitFor();
    long t1 = System.nanoTime();
    if (status != 0) {
      throw new IOException("javac exited with " + status + "; see " + out + ".log");
    }
    return (t1 - t0) / 1e6;
  }

  private static String join(List<Path> paths) {
    return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  /** Lines of the {@code .java} files under {@code dir}. */
  private static long lines(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    long n = 0;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
        try (Stream<String> l = Files.lines(p, StandardCharsets.UTF_8)) {
          n += l.count();
        }
      }
    }
    return n;
  }

  /** Regular files under {@code dir} whose name ends with {@code suffix}. */
  private static int countFiles(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return (int) s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).count();
    }
  }

  static void clean(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
  }
}
