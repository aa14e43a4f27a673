package dev.codexplugin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexplugin.runtime.PluginLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code PluginLoader} on a catalog of {@code bundles} bundle jars, against the floor: reading the same bytes
 * (the index and every file the index lists) with a plain {@link JarFile}, and reading the whole jar files
 * with {@link Files#readAllBytes}. One operation handles the whole catalog.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoaderBenchmark {
  @Param({"1", "100", "1000"})
  public int bundles;

  private List<Path> jars;
  private List<List<String>> entries;
  private URL[] urls;

  @Setup
  public void setup() throws IOException {
    List<Path> all = BundleJars.list(Path.of(System.getProperty("bench.jars")));
    jars = all.subList(0, bundles);
    entries = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    urls = new URL[jars.size()];
    for (int i = 0; i < jars.size(); i++) {
      urls[i] = jars.get(i).toUri().toURL();
      List<String> names = new ArrayList<>();
      names.add("META-INF/codex-plugins/index.json");
      try (JarFile jar = new JarFile(jars.get(i).toFile())) {
        JsonNode index = json.readTree(jar.getInputStream(jar.getEntry("META-INF/codex-plugins/index.json")));
        for (JsonNode bundle : index.get("bundles")) {
          String root = "META-INF/codex-plugins/" + bundle.get("name").asText() + "/";
          bundle.get("files").forEach(f -> names.add(root + f.asText()));
        }
      }
      entries.add(names);
    }
  }

  @Benchmark
  public void pluginLoader(Blackhole bh) throws Exception {
    for (Path jar : jars) {
      bh.consume(PluginLoader.load(jar));
    }
  }

  /** Informational: the same catalog as one class path ({@code PluginLoader.load(ClassLoader)}). */
  @Benchmark
  public void pluginLoaderClassPath(Blackhole bh) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(urls, null)) {
      bh.consume(PluginLoader.load(loader));
    }
  }

  @Benchmark
  public void floorJarFile(Blackhole bh) throws IOException {
    for (int i = 0; i < jars.size(); i++) {
      try (JarFile jar = new JarFile(jars.get(i).toFile())) {
        for (String name : entries.get(i)) {
          try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
            bh.consume(in.readAllBytes());
          }
        }
      }
    }
  }

  @Benchmark
  public void floorReadAllBytes(Blackhole bh) throws IOException {
    for (Path jar : jars) {
      bh.consume(Files.readAllBytes(jar));
    }
  }
}
