package dev.codexplugin.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link LoaderBenchmark} with JMH (one fork) and {@link HeapProbe} in fresh JVMs. */
final class LoaderBench {
  /** ms per operation (the whole catalog) and its 99.9 % error, by benchmark and catalog size. */
  record Score(double ms, double error) {}

  record Result(Map<String, Map<Integer, Score>> scores, List<Double> heapBytesPerBundle, int heapBundles,
      long bundleBytes, long jarBytes) {}

  private LoaderBench() {}

  static Result run(Path jarsDir, List<Path> jars, boolean quick, int heapRuns) throws IOException,
      RunnerException, InterruptedException {
    Options options = new OptionsBuilder()
        .include(LoaderBenchmark.class.getName() + "\\.")
        .forks(1)
        .warmupIterations(quick ? 1 : 4)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(quick ? 2 : 6)
        .measurementTime(TimeValue.seconds(1))
        .jvmArgs("-Xms1g", "-Xmx1g", "-XX:+UseParallelGC", "-Dbench.jars=" + jarsDir)
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Map<Integer, Score>> scores = new LinkedHashMap<>();
    for (RunResult r : results) {
      String benchmark = r.getParams().getBenchmark();
      benchmark = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      int bundles = Integer.parseInt(r.getParams().getParam("bundles"));
      scores.computeIfAbsent(benchmark, k -> new java.util.TreeMap<>())
          .put(bundles, new Score(r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()));
    }
    List<Double> heap = new ArrayList<>();
    int n = Math.min(1000, jars.size());
    for (int i = 0; i < heapRuns; i++) {
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx1g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), HeapProbe.class.getName(),
          jarsDir.toString(), String.valueOf(n)).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      if (p.waitFor() != 0) {
        throw new IOException("heap probe failed: " + out);
      }
      heap.add(Double.parseDouble(out.lines().reduce((a, b) -> b).orElseThrow()));
      System.out.printf("  heap probe %d: %.0f bytes per bundle%n", i + 1, heap.get(heap.size() - 1));
    }
    long bundleBytes = 0;
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jars.get(0).toFile())) {
      bundleBytes = zip.stream().filter(e -> e.getName().startsWith("META-INF/codex-plugins/") && !e.isDirectory())
          .mapToLong(java.util.zip.ZipEntry::getSize).sum();
    }
    return new Result(scores, heap, n, bundleBytes, java.nio.file.Files.size(jars.get(0)));
  }
}
