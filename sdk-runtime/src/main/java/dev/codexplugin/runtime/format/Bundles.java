package dev.codexplugin.runtime.format;

import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.FindingCode.Context;
import dev.codexplugin.runtime.LoadResult;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.Severity;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads every bundle of a source, the one implementation behind {@code PluginLoader}: a jar through its index,
 * a classes folder through its index, a plugin folder by walking it, a marketplace root through its entries
 * ({@link MarketplaceReader}), a class path through each index it sees. Every bundle comes with the
 * {@link BundleSource} it was read from, so a caller that needs the files (the exporter) reads exactly what was
 * checked.
 */
public final class Bundles {
  private Bundles() {}

  /**
   * A bundle and where its files are. The source of a jar stays readable until the {@link Opened} that holds it
   * is closed.
   */
  public record Loaded(PluginBundle bundle, BundleSource source) {}

  /** What a source gave: the bundles without errors (with their sources), and every finding. */
  public static final class Opened implements Closeable {
    private final List<Loaded> loaded;
    private final List<Finding> findings;
    private final List<Closeable> open;

    Opened(List<Loaded> loaded, List<Finding> findings, List<Closeable> open) {
      this.loaded = List.copyOf(loaded);
      this.findings = errorsFirst(findings);
      this.open = List.copyOf(open);
    }

    public List<Loaded> loaded() {
      return loaded;
    }

    public List<Finding> findings() {
      return findings;
    }

    /** The bundles and findings, without the sources. */
    public LoadResult result() {
      return new LoadResult(loaded.stream().map(Loaded::bundle).toList(), findings);
    }

    @Override
    public void close() {
      for (Closeable c : open) {
        try {
          c.close();
        } catch (IOException ignored) {
          // a jar opened for reading only: nothing to lose
        }
      }
    }
  }

  /** Every bundle at {@code path}, whatever it holds ({@link SourceKind}); everything is closed again. */
  public static LoadResult check(Path path) {
    try (Opened opened = open(path)) {
      return opened.result();
    }
  }

  /**
   * Every bundle at {@code path}, with its source kept readable until {@link Opened#close()}: a jar stays open.
   * A marketplace root gives the bundles of its local entries.
   */
  public static Opened open(Path path) {
    Collector out = new Collector();
    switch (SourceKind.of(path)) {
      case MISSING -> out.fail(FindingCode.NO_BUNDLE, path.toString(), "it does not exist");
      case JAR -> jar(path, out);
      case CLASSES_FOLDER -> {
        readIndex(path.toString(), () -> GuardedFiles.open(path.toRealPath(), BundleIndex.RESOURCE,
            Limits.MAX_INDEX_BYTES), out)
            .forEach(entry -> out.load(FolderSource.indexed(path, entry)));
      }
      case MARKETPLACE -> {
        MarketplaceReader.Listing listing = MarketplaceReader.list(path);
        listing.folders().forEach((folder, r) -> r.loaded().forEach(l -> out.loaded.add(
            new Loaded(listing.entryOf(folder).map(e -> MarketplaceReader.withEntry(l.bundle(), e)).orElse(l.bundle()),
                l.source()))));
        out.findings.addAll(listing.findings());
      }
      default -> folder(path, out, false);
    }
    return out.opened();
  }

  /** The bundle of a plugin folder (read even without a manifest, as Codex installs it). */
  public static Opened openFolder(Path path) {
    Collector out = new Collector();
    folder(path, out, false);
    return out.opened();
  }

  /**
   * The folder of a marketplace entry with {@code "strict": false}, which defines the plugin: read as
   * {@link BundleLoader#loadDefinedByEntry} reads it.
   */
  static Opened openEntryDefinedFolder(Path path) {
    Collector out = new Collector();
    folder(path, out, true);
    return out.opened();
  }

  /** Every bundle on a class path, from each {@code META-INF/codex-plugins/index.json} that {@code loader} sees. */
  public static LoadResult check(ClassLoader loader) {
    Collector out = new Collector();
    try {
      Enumeration<URL> indexes = loader.getResources(BundleIndex.RESOURCE);
      List<URL> urls = new ArrayList<>();
      indexes.asIterator().forEachRemaining(urls::add);
      urls.sort((a, b) -> a.toString().compareTo(b.toString()));
      for (URL url : urls) {
        for (BundleIndex.Entry entry : readIndex(url.toString(), () -> open(url), out)) {
          try {
            out.load(new UrlSource(url, entry));
          } catch (IOException e) {
            out.fail(FindingCode.IO, url.toString(), e.getClass().getSimpleName());
          }
        }
      }
    } catch (IOException e) {
      out.fail(FindingCode.IO, "class path", "no list of " + BundleIndex.RESOURCE + " (" + e.getClass().getSimpleName()
          + ")");
    }
    try (Opened opened = out.opened()) {
      return opened.result();
    }
  }

  private static void folder(Path path, Collector out, boolean definedByEntry) {
    Report report = new Report(Context.LOAD, path.toString());
    try {
      out.load(FolderSource.open(path, report), report, definedByEntry);
    } catch (IOException e) {
      out.fail(FindingCode.IO, path.toString(), "a folder that cannot be listed (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static void jar(Path jar, Collector out) {
    ZipFile zip;
    try {
      GuardedFiles.regular(jar, Long.MAX_VALUE);
      zip = new ZipFile(jar.toFile());
    } catch (GuardedFiles.RefusedException e) {
      out.fail(e.refusal() == GuardedFiles.Refusal.MISSING ? FindingCode.NO_BUNDLE : FindingCode.UNSAFE_PATH,
          jar.toString(), e.refusal().found());
      return;
    } catch (ZipException e) {
      out.fail(FindingCode.NO_BUNDLE, jar.toString(), "a file that is neither a folder nor a readable jar");
      return;
    } catch (IOException | RuntimeException e) {
      out.fail(FindingCode.IO, jar.toString(), "a jar that cannot be read (" + e.getClass().getSimpleName() + ")");
      return;
    }
    out.open.add(zip);
    try {
      var indexEntry = zip.getEntry(BundleIndex.RESOURCE);
      if (indexEntry == null) {
        out.fail(FindingCode.NO_BUNDLE, jar.toString(), "no " + BundleIndex.RESOURCE);
        return;
      }
      for (BundleIndex.Entry entry : readIndex(jar + "!/", () -> zip.getInputStream(indexEntry), out)) {
        out.load(new JarSource(zip, jar.toString(), entry));
      }
    } catch (RuntimeException e) {
      out.fail(FindingCode.IO, jar.toString(), "a jar that cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private interface Opener {
    InputStream open() throws IOException;
  }

  private static InputStream open(URL url) throws IOException {
    if ("file".equals(url.getProtocol())) {
      // a class-path folder: the index is read as a file of that folder, through the guard
      Path index;
      try {
        index = Path.of(url.toURI());
      } catch (java.net.URISyntaxException | RuntimeException e) {
        throw new IOException("not a file path", e);
      }
      Path folder = index;
      for (int i = 0; i < BundleIndex.RESOURCE.split("/").length && folder != null; i++) {
        folder = folder.getParent();
      }
      if (folder == null) {
        throw new IOException("not a class-path folder");
      }
      return GuardedFiles.open(folder.toRealPath(), BundleIndex.RESOURCE, Limits.MAX_INDEX_BYTES);
    }
    URLConnection connection = url.openConnection();
    connection.setUseCaches(false);
    return connection.getInputStream();
  }

  private static List<BundleIndex.Entry> readIndex(String location, Opener opener, Collector out) {
    Report report = new Report(Context.LOAD, location);
    Optional<List<BundleIndex.Entry>> entries = Optional.empty();
    try (InputStream in = opener.open()) {
      byte[] bytes = in.readNBytes(Limits.MAX_INDEX_BYTES + 1);
      if (bytes.length > Limits.MAX_INDEX_BYTES) {
        report.problem(FindingCode.TOO_LARGE, BundleIndex.RESOURCE, "").rejectsPlugin()
            .arg("limit", Limits.MAX_INDEX_BYTES + " bytes").found("a larger file").report();
      } else {
        entries = BundleIndex.read(bytes, report);
      }
    } catch (GuardedFiles.RefusedException e) {
      if (e.refusal() == GuardedFiles.Refusal.TOO_LARGE) {
        report.problem(FindingCode.TOO_LARGE, BundleIndex.RESOURCE, "").rejectsPlugin()
            .arg("limit", Limits.MAX_INDEX_BYTES + " bytes").found("a larger file").report();
      } else {
        report.problem(FindingCode.UNSAFE_PATH, BundleIndex.RESOURCE, "").rejectsPlugin()
            .found(e.refusal().found()).fix("make the index a regular file inside the folder").report();
      }
    } catch (IOException | RuntimeException e) {
      report.problem(FindingCode.IO, BundleIndex.RESOURCE, "").rejectsPlugin().found(e.getClass().getSimpleName())
          .report();
    }
    out.findings.addAll(report.findings());
    return entries.orElse(List.of());
  }

  private static List<Finding> errorsFirst(List<Finding> findings) {
    List<Finding> ordered = new ArrayList<>(findings.stream().filter(Finding::isError).toList());
    ordered.addAll(findings.stream().filter(f -> !f.isError()).toList());
    return ordered;
  }

  /** Gathers bundles and findings over several sources. */
  private static final class Collector {
    final List<Loaded> loaded = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();
    final List<Closeable> open = new ArrayList<>();

    void load(BundleSource source) {
      load(source, new Report(Context.LOAD, source.location()));
    }

    void load(BundleSource source, Report report) {
      load(source, report, false);
    }

    void load(BundleSource source, Report report, boolean definedByEntry) {
      Optional<PluginBundle> bundle;
      try {
        bundle = definedByEntry ? BundleLoader.loadDefinedByEntry(source, report) : BundleLoader.load(source, report);
      } catch (RuntimeException e) {
        report.problem(FindingCode.INTERNAL, "", "").found(String.valueOf(e)).rejectsPlugin().report();
        bundle = Optional.empty();
      }
      findings.addAll(report.errorsFirst());
      if (bundle.isPresent() && !report.hasErrors()) {
        loaded.add(new Loaded(bundle.get().withWarnings(report.warnings()), source));
      }
    }

    /** A source that gave no bundle at all: the rule of {@code code}, what was found, and its default fix. */
    void fail(FindingCode code, String location, String found) {
      findings.add(new Finding(code, Severity.ERROR, location, "", "", code.message(java.util.Map.of(), found, "")));
    }

    Opened opened() {
      return new Opened(loaded, findings, open);
    }
  }
}
