package dev.codexplugin.runtime;

import dev.codexplugin.runtime.format.BundleIndex;
import dev.codexplugin.runtime.format.BundleLoader;
import dev.codexplugin.runtime.format.BundleSource;
import dev.codexplugin.runtime.format.FolderSource;
import dev.codexplugin.runtime.format.JarSource;
import dev.codexplugin.runtime.format.Limits;
import dev.codexplugin.runtime.format.Report;
import dev.codexplugin.runtime.format.UrlSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads Codex plugin bundles: the ones the annotation processor writes into jars, and plugin folders written
 * by hand (with a {@code .codex-plugin} or {@code .claude-plugin} manifest).
 *
 * <pre>{@code
 * List<PluginBundle> bundles = PluginLoader.load(Path.of("target/team-workflow-1.0.0.jar"));
 * PluginBundle bundle = bundles.get(0);
 * bundle.skills().forEach(s -> System.out.println(bundle.name() + ":" + s.name()));
 * }</pre>
 *
 * <p>The loader sees what Codex 0.169.0 sees: the same manifest, the skills it finds, the MCP servers, apps and
 * hooks it keeps (a broken server is left out, a broken {@code .app.json} or hooks file loses all its entries).
 * A finding is an error only when Codex would reject the plugin or silently lose part of it; the stricter
 * publishing rules (which the processor enforces) are warnings here, available on
 * {@link PluginBundle#warnings()}. Even a plugin folder without a manifest is read, as Codex installs it.
 *
 * <p>Bad input never escapes as an unchecked exception, and the loader never reads outside the bundle: a
 * {@code ..} entry, an absolute name or a symbolic link that leaves the folder is a finding, and every file is
 * read with a size cap. All methods read everything eagerly and close what they open.
 */
public final class PluginLoader {
  private PluginLoader() {}

  /**
   * Loads every bundle at {@code path}: a jar holding bundles, an exploded classes folder (with
   * {@code META-INF/codex-plugins/index.json}), or a plugin root folder.
   *
   * @throws PluginLoadException when nothing can be read there, or a bundle has errors; it lists every finding
   */
  public static List<PluginBundle> load(Path path) throws PluginLoadException {
    return check(path).orThrow();
  }

  /**
   * Loads every bundle on a class path, from each {@code META-INF/codex-plugins/index.json} that
   * {@code classLoader} sees. Each bundle's files are read next to its own index, so two jars with a bundle of
   * the same name both come back.
   *
   * @throws PluginLoadException when a bundle has errors; it lists every finding
   */
  public static List<PluginBundle> load(ClassLoader classLoader) throws PluginLoadException {
    return check(classLoader).orThrow();
  }

  /** Like {@link #load(Path)}, but returns the findings instead of throwing. */
  public static LoadResult check(Path path) {
    Objects.requireNonNull(path, "path");
    Collector out = new Collector();
    if (Files.isDirectory(path)) {
      Path index = path.resolve(BundleIndex.RESOURCE);
      if (Files.isRegularFile(index) && !Files.exists(path.resolve(".codex-plugin"))) {
        readIndex(path.toString(), () -> Files.newInputStream(index), out).forEach(entry ->
            out.load(FolderSource.indexed(path, entry)));
      } else {
        Report report = new Report(FindingCode.Context.LOAD, path.toString());
        try {
          out.load(FolderSource.open(path, report), report);
        } catch (IOException e) {
          out.fail(FindingCode.IO, path.toString(), "cannot list the folder: " + e.getMessage());
        }
      }
    } else if (Files.isRegularFile(path)) {
      loadJar(path, out);
    } else {
      out.fail(FindingCode.NO_BUNDLE, path.toString(), "does not exist");
    }
    return out.result();
  }

  /** Like {@link #load(ClassLoader)}, but returns the findings instead of throwing. */
  public static LoadResult check(ClassLoader classLoader) {
    Objects.requireNonNull(classLoader, "classLoader");
    Collector out = new Collector();
    try {
      Enumeration<URL> indexes = classLoader.getResources(BundleIndex.RESOURCE);
      List<URL> urls = new ArrayList<>();
      indexes.asIterator().forEachRemaining(urls::add);
      urls.sort((a, b) -> a.toString().compareTo(b.toString()));
      for (URL url : urls) {
        for (BundleIndex.Entry entry : readIndex(url.toString(), () -> open(url), out)) {
          try {
            out.load(new UrlSource(url, entry));
          } catch (IOException e) {
            out.fail(FindingCode.IO, url.toString(), e.getMessage());
          }
        }
      }
    } catch (IOException e) {
      out.fail(FindingCode.IO, "class path", "cannot list " + BundleIndex.RESOURCE + ": " + e.getMessage());
    }
    return out.result();
  }

  private static void loadJar(Path jar, Collector out) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      var indexEntry = zip.getEntry(BundleIndex.RESOURCE);
      if (indexEntry == null) {
        out.fail(FindingCode.NO_BUNDLE, jar.toString(), "has no " + BundleIndex.RESOURCE
            + "; build it with the codexplugin annotation processor (annotationProcessorPaths)");
        return;
      }
      for (BundleIndex.Entry entry : readIndex(jar + "!/", () -> zip.getInputStream(indexEntry), out)) {
        out.load(new JarSource(zip, jar.toString(), entry));
      }
    } catch (ZipException e) {
      out.fail(FindingCode.NO_BUNDLE, jar.toString(), "is neither a folder nor a readable jar ("
          + e.getMessage() + ")");
    } catch (IOException | RuntimeException e) {
      out.fail(FindingCode.IO, jar.toString(), "cannot read the jar: " + e.getMessage());
    }
  }

  private interface Opener {
    InputStream open() throws IOException;
  }

  private static InputStream open(URL url) throws IOException {
    URLConnection connection = url.openConnection();
    connection.setUseCaches(false);
    return connection.getInputStream();
  }

  private static List<BundleIndex.Entry> readIndex(String location, Opener opener, Collector out) {
    Report report = new Report(FindingCode.Context.LOAD, location);
    Optional<List<BundleIndex.Entry>> entries = Optional.empty();
    try (InputStream in = opener.open()) {
      byte[] bytes = in.readNBytes(Limits.MAX_INDEX_BYTES + 1);
      if (bytes.length > Limits.MAX_INDEX_BYTES) {
        report.problem(FindingCode.TOO_LARGE, BundleIndex.RESOURCE, "").rejectsPlugin()
            .arg("limit", Limits.MAX_INDEX_BYTES + " bytes").found("a larger file").report();
      } else {
        entries = BundleIndex.read(bytes, report);
      }
    } catch (IOException | RuntimeException e) {
      report.problem(FindingCode.IO, BundleIndex.RESOURCE, "").rejectsPlugin()
          .found(String.valueOf(e.getMessage())).report();
    }
    out.findings.addAll(report.findings());
    return entries.orElse(List.of());
  }

  /** Gathers bundles and findings over several sources. */
  private static final class Collector {
    final List<PluginBundle> bundles = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();

    void load(BundleSource source) {
      load(source, new Report(FindingCode.Context.LOAD, source.location()));
    }

    void load(BundleSource source, Report report) {
      Optional<PluginBundle> bundle;
      try {
        bundle = BundleLoader.load(source, report);
      } catch (RuntimeException e) {
        report.problem(FindingCode.INTERNAL, "", "").found(String.valueOf(e)).rejectsPlugin().report();
        bundle = Optional.empty();
      }
      List<Finding> found = report.errorsFirst();
      findings.addAll(found);
      if (bundle.isPresent() && !report.hasErrors()) {
        PluginBundle b = bundle.get();
        bundles.add(b.withWarnings(report.warnings()));
      }
    }

    void fail(FindingCode code, String location, String message) {
      findings.add(new Finding(code, Severity.ERROR, location, "", "", message + "."));
    }

    LoadResult result() {
      List<Finding> ordered = new ArrayList<>(findings.stream().filter(Finding::isError).toList());
      ordered.addAll(findings.stream().filter(f -> !f.isError()).toList());
      return new LoadResult(bundles, ordered);
    }
  }
}
