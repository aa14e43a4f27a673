package dev.codexplugin.runtime;

import dev.codexplugin.runtime.format.MarketplaceReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A marketplace root as the hosts read it (docs/FORMAT.md#marketplace): its marketplace files —
 * {@code .agents/plugins/marketplace.json} (Codex) and {@code .claude-plugin/marketplace.json} (Claude Code) —,
 * their entries, the plugin each local entry names, and every finding, including the checks Codex makes before it
 * installs an entry (a local path without {@code ./} or leaving the root, a missing folder, an entry name that
 * differs from the plugin's). A folder that both files name is read once.
 *
 * <pre>{@code
 * Marketplace market = Marketplace.read(Path.of("target/codex-plugin"));
 * for (Marketplace.File file : market.files()) {
 *   file.entries().forEach(e -> System.out.println(file.name() + ": " + e.name() + " " + e.bundle().map(PluginBundle::version)));
 * }
 * }</pre>
 *
 * <p>Immutable.
 */
public final class Marketplace {
  /** The host a marketplace file is for. */
  public enum Host {
    /** {@code .agents/plugins/marketplace.json}. */
    CODEX,
    /** {@code .claude-plugin/marketplace.json}. */
    CLAUDE
  }

  private final Path root;
  private final List<File> files;
  private final List<PluginBundle> bundles;
  private final List<Finding> findings;

  private Marketplace(MarketplaceReader.Listing listing) {
    this.root = listing.root();
    this.files = listing.catalogs().stream().map(c -> new File(c, listing)).toList();
    this.bundles = listing.folders().values().stream().flatMap(o -> o.loaded().stream())
        .map(l -> l.bundle()).toList();
    this.findings = listing.findings().stream().sorted((a, b) -> Boolean.compare(b.isError(), a.isError())).toList();
  }

  /** Reads the marketplace root {@code root} and the plugin folders of its local entries. */
  public static Marketplace read(Path root) {
    Objects.requireNonNull(root, "root");
    return new Marketplace(MarketplaceReader.list(root));
  }

  /** Whether {@code folder} holds a marketplace file of either host. */
  public static boolean isMarketplace(Path folder) {
    return dev.codexplugin.runtime.format.SourceKind.isMarketplace(folder);
  }

  /** The marketplace root. */
  public Path root() {
    return root;
  }

  /** The marketplace files, Codex first. */
  public List<File> files() {
    return files;
  }

  /** The bundles of the local entries without errors, each folder once, in the order the entries name them. */
  public List<PluginBundle> bundles() {
    return bundles;
  }

  /** Every finding: of the files, of the plugin folders and of the entries; errors first. */
  public List<Finding> findings() {
    return findings;
  }

  /** Whether any finding is an error: a host would not install some entry, or not the whole of it. */
  public boolean hasErrors() {
    return findings.stream().anyMatch(Finding::isError);
  }

  @Override
  public String toString() {
    return "Marketplace[" + root + ", files=" + files.stream().map(File::file).toList() + ", bundles="
        + bundles.stream().map(b -> b.name() + "@" + b.version()).toList() + ", findings=" + findings.size() + "]";
  }

  /** One marketplace file. */
  public static final class File {
    private final Host host;
    private final String file;
    private final String name;
    private final String displayName;
    private final String owner;
    private final String description;
    private final List<Entry> entries;

    private File(MarketplaceReader.Catalog catalog, MarketplaceReader.Listing listing) {
      this.host = catalog.host().equals("claude") ? Host.CLAUDE : Host.CODEX;
      this.file = catalog.file();
      this.name = catalog.name();
      this.displayName = catalog.displayName();
      this.owner = catalog.owner();
      this.description = catalog.description();
      this.entries = catalog.entries().stream().map(e -> new Entry(e, listing.bundles(e))).toList();
    }

    /** The host it is for. */
    public Host host() {
      return host;
    }

    /** The file, relative to the marketplace root. */
    public String file() {
      return file;
    }

    /** The marketplace name, what users type after {@code @}. */
    public String name() {
      return name;
    }

    /** {@code interface.displayName}, or {@code ""}. */
    public String displayName() {
      return displayName;
    }

    /** {@code owner.name} (Claude Code), or {@code ""}. */
    public String owner() {
      return owner;
    }

    /** {@code description}, or {@code ""}. */
    public String description() {
      return description;
    }

    /** The plugin entries, in file order. */
    public List<Entry> entries() {
      return entries;
    }

    @Override
    public String toString() {
      return "Marketplace.File[" + host + " " + file + ", " + name + ", entries=" + entries.size() + "]";
    }
  }

  /** One plugin entry of a marketplace file. */
  public static final class Entry {
    private final MarketplaceReader.Entry entry;
    private final Optional<PluginBundle> bundle;

    private Entry(MarketplaceReader.Entry entry, List<PluginBundle> bundles) {
      this.entry = entry;
      this.bundle = bundles.stream().findFirst();
    }

    /** The entry's {@code name}, which must equal the plugin's manifest name. */
    public String name() {
      return entry.name();
    }

    /** Where the entry is in its file, e.g. {@code plugins[0]}. */
    public String field() {
      return entry.field();
    }

    /** The source as written: a local path, or e.g. {@code github:owner/repo} for a remote one. */
    public String source() {
      return entry.source();
    }

    /** The local plugin folder, when the entry names one inside the root that exists. */
    public Optional<Path> folder() {
      return entry.folder();
    }

    /** {@code policy.installation} (Codex), or {@code ""}. */
    public String installation() {
      return entry.installation();
    }

    /** {@code policy.authentication} (Codex), or {@code ""}. */
    public String authentication() {
      return entry.authentication();
    }

    /** {@code category}, or {@code ""}. */
    public String category() {
      return entry.category();
    }

    /** The entry's own {@code version}, or {@code ""}. */
    public String version() {
      return entry.version();
    }

    /** The entry's own {@code description}, or {@code ""}. */
    public String description() {
      return entry.description();
    }

    /**
     * The description Claude Code shows for the installed plugin: the entry's when it has one, even over the
     * manifest's, else the plugin's (Claude Code 2.1.328 / 2.1.332, {@code claude plugin details}; 28 plugins of
     * the two Anthropic marketplaces differ). Codex shows the manifest's ({@link #bundle()}), and the entry's
     * only for a folder without a manifest (docs/FORMAT.md).
     */
    public String claudeDescription() {
      return !entry.description().isBlank() ? entry.description()
          : bundle.map(b -> b.manifest().description()).orElse("");
    }

    /** The plugin the entry names, when its folder could be read without errors. */
    public Optional<PluginBundle> bundle() {
      return bundle;
    }

    @Override
    public String toString() {
      return "Marketplace.Entry[" + name() + ", " + source() + bundle.map(b -> ", " + b.version()).orElse("") + "]";
    }
  }
}
