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
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Processor cost: javac of the generated project (100 classes, 1,000 {@code @McpTool} methods, 200
 * {@code @Skill}s) with our processor, against the same sources with {@code -proc:none}. "With" includes
 * compiling what the processor generates, as a build does.
 *
 * <ul>
 *   <li><b>warm, in-process</b> (the target): javac through {@code javax.tools} in this JVM, a new file manager
 *       and a new processor instance per compilation, after warm-up compilations; pairs alternate the order.
 *   <li><b>cold, one process per compilation</b>: the JDK's {@code javac} launcher with
 *       {@code -processorpath} (processor found by the service loader, as Maven configures it) against
 *       {@code -proc:none}: what a first build on a fresh JVM pays, class loading of the processor included.
 * </ul>
 */
final class ProcessorBench {
  record Result(List<Double> warmWith, List<Double> warmWithout, List<Double> warmProcessing,
      List<Double> coldWith, List<Double> coldWithout, int sources, int generatedSources, int classesWith,
      int classesWithout, Map<String, Object> workload) {}

  private ProcessorBench() {}

  static Result run(Path workload, List<Path> classPath, List<Path> processorPath, Path scratch, int warmup,
      int pairs, int coldPairs) throws IOException, InterruptedException {
    List<Path> sources;
    try (Stream<Path> s = Files.walk(workload)) {
      sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    String cp = join(classPath);
    List<Double> with = new ArrayList<>();
    List<Double> without = new ArrayList<>();
    List<Double> processing = new ArrayList<>();
    int[] counts = new int[3];
    for (int i = 0; i < warmup + pairs; i++) {
      boolean measured = i >= warmup;
      boolean procFirst = i % 2 == 0;
      double[] a = null;
      double b = 0;
      for (int k = 0; k < 2; k++) {
        if ((k == 0) == procFirst) {
          a = warm(sources, cp, scratch.resolve("warm-with"), true, counts);
        } else {
          b = warm(sources, cp, scratch.resolve("warm-without"), false, counts)[0];
        }
      }
      System.out.printf(Locale.ROOT, "  processor warm %s: with %.0f ms (processing %.0f ms), -proc:none %.0f ms%n",
          measured ? "pair " + (i - warmup + 1) : "warm-up", a[0], a[1], b);
      if (measured) {
        with.add(a[0]);
        processing.add(a[1]);
        without.add(b);
      }
    }
    int generated = countFiles(scratch.resolve("warm-with-gen"), ".java");
    int classesWith = countFiles(scratch.resolve("warm-with"), ".class");
    int classesWithout = countFiles(scratch.resolve("warm-without"), ".class");
    if (!Files.exists(scratch.resolve("warm-with/META-INF/codex-plugins/index.json"))) {
      throw new IOException("the processor wrote no bundle: the workload does not exercise it");
    }

    List<Double> coldWith = new ArrayList<>();
    List<Double> coldWithout = new ArrayList<>();
    Path args = scratch.resolve("sources.txt");
    Files.write(args, sources.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
    for (int i = 0; i < coldPairs; i++) {
      boolean procFirst = i % 2 == 0;
      double a = 0;
      double b = 0;
      for (int k = 0; k < 2; k++) {
        if ((k == 0) == procFirst) {
          a = cold(args, cp, join(processorPath), scratch.resolve("cold-with"), true);
        } else {
          b = cold(args, cp, null, scratch.resolve("cold-without"), false);
        }
      }
      System.out.printf(Locale.ROOT, "  processor cold pair %d: with %.0f ms, -proc:none %.0f ms%n", i + 1, a, b);
      coldWith.add(a);
      coldWithout.add(b);
    }
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("sourceFiles", sources.size());
    info.put("sourceBytes", sources.stream().mapToLong(ProcessorBench::size).sum());
    return new Result(with, without, processing, coldWith, coldWithout, sources.size(), generated, classesWith,
        classesWithout, info);
  }

  /** {total ms, annotation-processing ms} of one in-process compilation. */
  private static double[] warm(List<Path> sources, String cp, Path out, boolean processor, int[] counts)
      throws IOException {
    clean(out);
    Path gen = out.resolveSibling(out.getFileName() + "-gen");
    clean(gen);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8", "-nowarn",
        "-implicit:none", "-d", out.toString(), "-s", gen.toString(), "-cp", cp));
    if (!processor) {
      options.add("-proc:none");
    }
    long t0 = System.nanoTime();
    long[] processing = new long[2];
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources));
      if (processor) {
        task.setProcessors(List.of(new CodexPluginProcessor()));
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
    return new double[] {(t1 - t0) / 1e6, (processing[1] - processing[0]) / 1e6};
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

  private static int countFiles(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return (int) s.filter(p -> p.toString().endsWith(suffix)).count();
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
