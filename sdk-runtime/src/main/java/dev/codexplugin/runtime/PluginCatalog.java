package dev.codexplugin.runtime;

import dev.codexplugin.runtime.format.GuardedFiles;
import dev.codexplugin.runtime.format.BundleIndex;
import dev.codexplugin.runtime.format.Conflicts;
import dev.codexplugin.runtime.format.MarketplaceReader;
import dev.codexplugin.runtime.format.SourceKind;
import dev.codexplugin.runtime.internal.Versions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Many plugin bundles at once, to query and to check for conflicts: what a class path, a folder of jars, a
 * marketplace or a user's Codex installation offers.
 *
 * <pre>{@code
 * PluginCatalog catalog = PluginCatalog.fromJars(Path.of("plugins"));
 * Optional<PluginCatalog.Entry> best = catalog.latest("team-workflow-plugin", VersionRange.parse("^1.2"));
 * List<PluginCatalog.Match<ToolSpec>> who = catalog.tools("compare");
 * catalog.conflicts().forEach(System.out::println);
 * }</pre>
 *
 * <p>Sources ({@link #open(Path)} tells them apart):
 * <ul>
 *   <li>a class path ({@link #fromClassPath(ClassLoader)}): every bundle of every jar on it;
 *   <li>a folder of jars ({@link #fromJars(Path)}), searched in subfolders too (a Maven repository works); jars
 *       without bundles (libraries) are skipped quietly;
 *   <li>a marketplace root ({@link #fromMarketplace(Path)}): the local plugins of
 *       {@code .agents/plugins/marketplace.json} and {@code .claude-plugin/marketplace.json};
 *   <li>an installed Codex cache ({@link #fromCodexCache(Path)}, {@link #fromCodexHome(Path)}):
 *       {@code $CODEX_HOME/plugins/cache/<marketplace>/<plugin>/<version>/}.
 * </ul>
 *
 * <p>A bundle that cannot be read is left out and its findings are in {@link #findings()}. {@link #conflicts()}
 * reports what would clash when the plugins are installed together: the same plugin at two versions
 * ({@link FindingCode#DUPLICATE_PLUGIN}, a warning), two plugins defining an MCP server of the same name
 * ({@link FindingCode#DUPLICATE_SERVER}, an error: Codex starts only the first by plugin id and silently skips
 * the others), and two plugins with a skill of the same name ({@link FindingCode#DUPLICATE_SKILL}, a warning:
 * Codex lists both as {@code <plugin>:<skill>}).
 *
 * <p>Immutable; entries are sorted by name, then version (SemVer precedence), then source.
 */
public final class PluginCatalog {
  /** The cache of installed plugins inside {@code $CODEX_HOME}. */
  public static final String CODEX_CACHE = SourceKind.CODEX_CACHE_FOLDER;

  /**
   * One bundle of the catalog.
   *
   * @param bundle the bundle
   * @param marketplace the marketplace it belongs to (a marketplace or Codex cache), or {@code ""}
   * @param source where it was read from: a jar, a plugin folder, or a class path URL
   */
  public record Entry(PluginBundle bundle, String marketplace, String source) {
    /** Checks that nothing is {@code null}. */
    public Entry {
      Objects.requireNonNull(bundle, "bundle");
      marketplace = Values.text(marketplace);
      source = Values.text(source);
    }

    /** The plugin name. */
    public String name() {
      return bundle.name();
    }

    /** The plugin version. */
    public String version() {
      return bundle.version();
    }

    /** What Codex calls the installed plugin, {@code <plugin>@<marketplace>}, or the name without a marketplace. */
    public String id() {
      return marketplace.isEmpty() ? name() : name() + "@" + marketplace;
    }

    /** Whether the version is a pre-release, e.g. {@code 2.0.0-rc.1}. */
    public boolean isPreRelease() {
      return Versions.isPreRelease(version());
    }

    @Override
    public String toString() {
      return id() + " " + version() + " (" + source + ")";
    }
  }

  /**
   * A part that a plugin of the catalog provides: a skill, an MCP server or a tool.
   *
   * @param entry the plugin
   * @param part the part
   * @param <T> {@link SkillSpec}, {@link McpServerSpec} or {@link ToolSpec}
   */
  public record Match<T>(Entry entry, T part) {
    /** Checks that nothing is {@code null}. */
    public Match {
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(part, "part");
    }
  }

  private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::name)
      .thenComparing(Entry::version, Versions.ORDER).thenComparing(Entry::marketplace).thenComparing(Entry::source);

  private final String root;
  private final List<Entry> entries;
  private final List<Finding> loadFindings;
  private final List<Finding> conflicts;

  private PluginCatalog(String root, List<Entry> entries, List<Finding> loadFindings, Conflicts.Scope scope) {
    this.root = root;
    this.entries = entries.stream().sorted(ORDER).toList();
    this.loadFindings = List.copyOf(loadFindings);
    this.conflicts = Conflicts.of(this.entries.stream().map(e -> new Conflicts.Member(e.bundle(), e.id(), e.source()))
        .toList(), FindingCode.Context.CATALOG, scope);
  }

  private static PluginCatalog of(Path root, LoadResult result, Conflicts.Scope scope) {
    return new PluginCatalog(root.toString(), result.bundles().stream().map(b -> new Entry(b, "", b.location()))
        .toList(), result.findings(), scope);
  }

  // ------------------------------------------------------------------------------------------ sources

  /** A catalog of bundles already loaded, e.g. with {@link PluginLoader}, that a host would load together. */
  public static PluginCatalog of(Collection<PluginBundle> bundles) {
    return new PluginCatalog("", bundles.stream().map(b -> new Entry(b, "", b.location())).toList(), List.of(),
        Conflicts.Scope.ONE_VERSION_PER_PLUGIN);
  }

  /** Every bundle on a class path (each {@code META-INF/codex-plugins/index.json} the loader sees). */
  public static PluginCatalog fromClassPath(ClassLoader classLoader) {
    LoadResult result = PluginLoader.check(classLoader);
    return new PluginCatalog("class path",
        result.bundles().stream().map(b -> new Entry(b, "", b.location())).toList(), result.findings(),
        Conflicts.Scope.ONE_VERSION_PER_PLUGIN);
  }

  /**
   * Every bundle of every jar in {@code folder} and its subfolders: a folder of releases, such as a Maven
   * repository, where every version of a plugin sits beside the others (so several versions of one plugin are
   * no conflict here). Jars without a bundle index are libraries, not plugins, and are skipped without a
   * finding; a jar that cannot be read is a finding.
   */
  public static PluginCatalog fromJars(Path folder) {
    List<Entry> entries = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      findings.add(missing(folder, "a jar or a file, not a folder of jars"));
      return new PluginCatalog(folder.toString(), entries, findings, Conflicts.Scope.RELEASES);
    }
    List<Path> jars;
    try (Stream<Path> walk = Files.walk(folder, 16)) {
      jars = walk.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException | RuntimeException e) {
      findings.add(new Finding(FindingCode.IO, Severity.ERROR, folder.toString(), "", "",
          FindingCode.IO.message(Map.of(), "a folder that cannot be listed (" + e.getClass().getSimpleName() + ")",
              "")));
      return new PluginCatalog(folder.toString(), entries, findings, Conflicts.Scope.RELEASES);
    }
    for (Path jar : jars) {
      if (!hasIndex(jar)) {
        continue;
      }
      LoadResult result = PluginLoader.check(jar);
      result.bundles().forEach(b -> entries.add(new Entry(b, "", jar.toString())));
      findings.addAll(result.findings());
    }
    return new PluginCatalog(folder.toString(), entries, findings, Conflicts.Scope.RELEASES);
  }

  /** Whether a jar holds a bundle index; a jar that cannot be opened is left to the loader to report. */
  private static boolean hasIndex(Path jar) {
    if (GuardedFiles.isSpecial(jar)) {
      return true; // the loader refuses it without opening it
    }
    try (ZipFile zip = new ZipFile(GuardedFiles.regular(jar, Long.MAX_VALUE).toFile())) {
      return zip.getEntry(BundleIndex.RESOURCE) != null;
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  /**
   * The local plugins of a marketplace root: every entry of {@code .agents/plugins/marketplace.json} and
   * {@code .claude-plugin/marketplace.json} whose folder exists, once (the Codex file names the marketplace
   * when both exist). An entry Codex would not install (a path without {@code ./}, a missing folder, a name
   * that differs from the plugin's) is a finding.
   */
  public static PluginCatalog fromMarketplace(Path root) {
    MarketplaceReader.Listing listing = MarketplaceReader.list(root);
    List<Entry> entries = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (MarketplaceReader.Catalog catalog : listing.catalogs()) {
      for (MarketplaceReader.Entry entry : catalog.entries()) {
        if (entry.folder().isPresent() && seen.add(entry.folder().get())) {
          listing.bundles(entry).forEach(b -> entries.add(new Entry(b, catalog.name(), entry.folder().get().toString())));
        }
      }
    }
    return new PluginCatalog(root.toString(), entries, listing.findings(), Conflicts.Scope.ONE_VERSION_PER_PLUGIN);
  }

  /**
   * The plugins a user installed with Codex: {@code cache} is {@code $CODEX_HOME/plugins/cache}, holding
   * {@code <marketplace>/<plugin>/<version>/} (the last folder is named after the manifest version, or
   * {@code local} without one). Folders starting with {@code .} are skipped.
   */
  public static PluginCatalog fromCodexCache(Path cache) {
    List<Entry> entries = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    if (!Files.isDirectory(cache)) {
      findings.add(missing(cache, "a Codex plugin cache ($CODEX_HOME/" + CODEX_CACHE + ")"));
      return new PluginCatalog(cache.toString(), entries, findings, Conflicts.Scope.ONE_VERSION_PER_PLUGIN);
    }
    try {
      for (Path marketplace : folders(cache)) {
        for (Path plugin : folders(marketplace)) {
          for (Path version : folders(plugin)) {
            LoadResult result = PluginLoader.check(version);
            findings.addAll(result.findings());
            result.bundles().forEach(b -> entries.add(new Entry(b, marketplace.getFileName().toString(),
                version.toString())));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      findings.add(new Finding(FindingCode.IO, Severity.ERROR, cache.toString(), "", "",
          FindingCode.IO.message(Map.of(), "a folder that cannot be listed (" + e.getClass().getSimpleName() + ")",
              "")));
    }
    return new PluginCatalog(cache.toString(), entries, findings, Conflicts.Scope.ONE_VERSION_PER_PLUGIN);
  }

  /** The plugins installed in {@code codexHome} ({@code $CODEX_HOME}, by default {@code ~/.codex}). */
  public static PluginCatalog fromCodexHome(Path codexHome) {
    return fromCodexCache(codexHome.resolve(CODEX_CACHE));
  }

  /**
   * A catalog of whatever {@code path} is: a jar (its bundles), a marketplace root, a Codex home (holding
   * {@code plugins/cache}) or its {@code plugins/cache} folder, a plugin folder or classes folder (its bundles),
   * or else a folder of jars.
   */
  public static PluginCatalog open(Path path) {
    return switch (SourceKind.of(path)) {
      case MISSING -> new PluginCatalog(path.toString(), List.of(), List.of(missing(path, "nothing")),
          Conflicts.Scope.ONE_VERSION_PER_PLUGIN);
      case JAR, PLUGIN_FOLDER, CLASSES_FOLDER -> of(path, PluginLoader.check(path), Conflicts.Scope.ONE_VERSION_PER_PLUGIN);
      case MARKETPLACE -> fromMarketplace(path);
      case CODEX_HOME -> fromCodexHome(path);
      case CODEX_CACHE -> fromCodexCache(path);
      case JARS_FOLDER -> fromJars(path);
    };
  }

  private static List<Path> folders(Path parent) throws IOException {
    try (Stream<Path> list = Files.list(parent)) {
      return list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted()
          .toList();
    }
  }

  /** A source that is not what the method reads: {@code found} says what is there instead. */
  private static Finding missing(Path path, String found) {
    return new Finding(FindingCode.NO_BUNDLE, Severity.ERROR, path.toString(), "", "",
        FindingCode.NO_BUNDLE.message(Map.of(), Files.exists(path) ? found : "nothing (it does not exist)",
            "point at plugin jars, a marketplace root, a Codex home or a plugin folder"));
  }

  // ------------------------------------------------------------------------------------------ contents

  /** Every bundle, sorted by name, version and source. */
  public List<Entry> entries() {
    return entries;
  }

  /** The distinct plugin names, sorted. */
  public List<String> names() {
    return entries.stream().map(Entry::name).distinct().toList();
  }

  /** Every finding: the loader's about bundles that could not be read (left out), then the conflicts; errors first. */
  public List<Finding> findings() {
    List<Finding> all = new ArrayList<>(loadFindings);
    all.addAll(conflicts);
    List<Finding> ordered = new ArrayList<>(all.stream().filter(Finding::isError).toList());
    ordered.addAll(all.stream().filter(f -> !f.isError()).toList());
    return ordered;
  }

  /** What would clash when the plugins are installed together (see the class documentation). */
  public List<Finding> conflicts() {
    return conflicts;
  }

  /** Whether any finding is an error. */
  public boolean hasErrors() {
    return findings().stream().anyMatch(Finding::isError);
  }

  // ------------------------------------------------------------------------------------------ queries

  /** The entries {@code query} accepts, sorted by name, then version, lowest first. */
  public List<Entry> find(PluginQuery query) {
    Objects.requireNonNull(query, "query");
    return entries.stream().filter(e -> query.test(e.bundle())).toList();
  }

  /** Per plugin name, the highest version that {@code query} accepts; sorted by name. */
  public List<Entry> latest(PluginQuery query) {
    Map<String, Entry> best = new TreeMap<>();
    for (Entry e : find(query)) {
      best.merge(e.name(), e, (a, b) -> Versions.ORDER.compare(b.version(), a.version()) > 0 ? b : a);
    }
    return List.copyOf(best.values());
  }

  /** The highest version of {@code name} in {@code range}: the latest compatible one. */
  public Optional<Entry> latest(String name, VersionRange range) {
    return latest(PluginQuery.all().named(name).inRange(range)).stream().findFirst();
  }

  /** Every version of {@code name}, pre-releases included, lowest first. */
  public List<Entry> versions(String name) {
    return entries.stream().filter(e -> e.name().equals(name)).toList();
  }

  /** Every skill called {@code name}, in whichever plugin. */
  public List<Match<SkillSpec>> skills(String name) {
    return matches(b -> b.skill(name).stream().toList());
  }

  /** Every MCP server called {@code name}, in whichever plugin. */
  public List<Match<McpServerSpec>> mcpServers(String name) {
    return matches(b -> b.mcpServer(name).stream().toList());
  }

  /** Every Java tool called {@code name}, in whichever plugin and server. */
  public List<Match<ToolSpec>> tools(String name) {
    return matches(b -> b.tools().stream().filter(t -> t.name().equals(name)).toList());
  }

  private <T> List<Match<T>> matches(Function<PluginBundle, List<T>> parts) {
    List<Match<T>> out = new ArrayList<>();
    for (Entry e : entries) {
      parts.apply(e.bundle()).forEach(p -> out.add(new Match<>(e, p)));
    }
    return out;
  }

  @Override
  public String toString() {
    return "PluginCatalog[" + (root.isEmpty() ? "" : root + ", ") + entries.size() + " bundle(s): "
        + entries.stream().map(e -> e.id() + "@" + e.version()).collect(Collectors.joining(", "))
        + ", findings=" + findings().size() + "]";
  }
}
