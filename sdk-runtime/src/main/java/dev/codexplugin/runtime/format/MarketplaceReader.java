package dev.codexplugin.runtime.format;


import com.fasterxml.jackson.databind.JsonNode;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.FindingCode.HostImpact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginManifest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the marketplace files of a marketplace root as the hosts do: {@code .agents/plugins/marketplace.json}
 * (Codex; it wins when both exist) and {@code .claude-plugin/marketplace.json} (Claude Code). Problems that make
 * {@code codex plugin add} fail (a local path without {@code ./}, a path leaving the root, a missing folder, a
 * marketplace name with a dot or a space) are host-fatal findings.
 */
public final class MarketplaceReader {
  static final Pattern MARKETPLACE_NAME = Pattern.compile("[A-Za-z0-9_-]+");

  /**
   * One plugin entry. {@code field} is its place in the file, e.g. {@code plugins[0]}; {@code folder} is set
   * for a local source inside the root that exists.
   */
  public record Entry(String field, String name, String source, Optional<Path> folder, String installation,
      String authentication, String category, String version, String description, boolean strict) {}

  /** One marketplace file. {@code host} is {@code codex} or {@code claude}. */
  public record Catalog(String host, String file, String name, String displayName, String owner,
      String description, List<Entry> entries) {}

  private MarketplaceReader() {}

  /**
   * A marketplace root as a host sees it: its marketplace files, each local plugin folder read once (a folder
   * that both files list is one plugin, not two copies), and every finding, including the checks Codex makes
   * before it installs an entry.
   *
   * @param root the marketplace root
   * @param catalogs the marketplace files, Codex first
   * @param folders what each local folder holds, by folder, in the order the entries name them
   * @param findings the marketplace files' findings, the folders' findings and the entries' checks
   */
  public record Listing(Path root, List<Catalog> catalogs, Map<Path, Bundles.Opened> folders, List<Finding> findings) {
    public Listing {
      catalogs = List.copyOf(catalogs);
      folders = Collections.unmodifiableMap(new LinkedHashMap<>(folders));
      findings = List.copyOf(findings);
    }

    /** The first entry naming {@code folder} (Codex's file first), which supplies what its folder lacks. */
    public Optional<Entry> entryOf(Path folder) {
      return catalogs.stream().flatMap(c -> c.entries().stream())
          .filter(e -> e.folder().isPresent() && e.folder().get().equals(folder)).findFirst();
    }

    /** What the folder of {@code entry} holds; nothing for an entry without a readable local folder. */
    public List<PluginBundle> bundles(Entry entry) {
      return entry.folder().map(folders::get).map(o -> o.loaded().stream()
          .map(l -> withEntry(l.bundle(), entry)).toList()).orElse(List.of());
    }
  }

  /**
   * A plugin folder without a manifest takes what its marketplace entry says: the hosts install it with the
   * entry's {@code version} and {@code description} (Codex 0.169.0 / 0.171.0 install claude-code's
   * {@code plugin-dev} as 0.1.0 with the entry's description), and the name of an entry with
   * {@code "strict": false}. A folder with a manifest keeps its own.
   */
  static PluginBundle withEntry(PluginBundle bundle, Entry entry) {
    if (entry.folder().isEmpty() || hasManifest(entry.folder().get())) {
      return bundle;
    }
    PluginManifest.Builder manifest = bundle.manifest().toBuilder();
    boolean changed = false;
    if (!entry.strict() && !entry.name().isBlank() && !entry.name().equals(bundle.name())) {
      manifest.name(entry.name());
      changed = true;
    }
    if (noVersion(bundle.version()) && !entry.version().isBlank()) {
      manifest.version(entry.version());
      changed = true;
    }
    if (bundle.manifest().description().isBlank() && !entry.description().isBlank()) {
      manifest.description(entry.description());
      changed = true;
    }
    return changed ? bundle.toBuilder().manifest(manifest.build()).build() : bundle;
  }

  private static boolean noVersion(String version) {
    return version.isBlank() || version.equals("local");
  }

  private static boolean hasManifest(Path folder) {
    return FormatFiles.MANIFESTS.stream().anyMatch(m -> Files.isRegularFile(folder.resolve(m)));
  }

  /**
   * Whether a marketplace with a name Claude Code keeps for Anthropic lists {@code folder}: Claude's reserved
   * plugin names ({@link FindingCode#RESERVED_NAME}) do not bind Anthropic's own plugins ({@code claude-security}
   * of claude-plugins-official passes {@code claude plugin validate}).
   */
  private static boolean anthropicsOwn(Path folder, List<Catalog> catalogs) {
    return catalogs.stream().filter(c -> ReservedNames.anthropicMarketplace(c.name()))
        .flatMap(c -> c.entries().stream()).anyMatch(e -> e.folder().isPresent() && e.folder().get().equals(folder));
  }

  /** A missing version or description of a folder without a manifest that an entry naming it supplies. */
  private static boolean suppliedByEntry(Path folder, Finding f, List<Catalog> catalogs) {
    if (f.code() != FindingCode.MISSING || hasManifest(folder)
        || !(f.field().equals("version") || f.field().equals("description"))) {
      return false;
    }
    return catalogs.stream().flatMap(c -> c.entries().stream())
        .filter(e -> e.folder().isPresent() && e.folder().get().equals(folder))
        .anyMatch(e -> !(f.field().equals("version") ? e.version() : e.description()).isBlank());
  }

  /**
   * Reads {@code root} and every local plugin folder its entries name. An entry whose name differs from its
   * plugin's manifest name is {@link FindingCode#NAME_MISMATCH}: {@code codex plugin add} refuses it.
   */
  public static Listing list(Path root) {
    Report report = new Report(FindingCode.Context.LOAD, root.toString());
    List<Catalog> catalogs = read(root, report);
    Map<Path, Bundles.Opened> folders = new LinkedHashMap<>();
    for (Catalog catalog : catalogs) {
      for (Entry entry : catalog.entries()) {
        entry.folder().ifPresent(folder -> folders.computeIfAbsent(folder,
            f -> entry.strict() ? Bundles.openFolder(f) : Bundles.openEntryDefinedFolder(f)));
      }
    }
    List<Finding> findings = new ArrayList<>(report.findings());
    folders.forEach((folder, o) -> o.findings().stream()
        .filter(f -> !suppliedByEntry(folder, f, catalogs))
        .filter(f -> !(f.code() == FindingCode.RESERVED_NAME && anthropicsOwn(folder, catalogs)))
        .forEach(findings::add));
    for (Catalog catalog : catalogs) {
      for (Entry entry : catalog.entries()) {
        List<PluginBundle> bundles = entry.folder().map(folders::get)
            .map(o -> o.loaded().stream().map(l -> withEntry(l.bundle(), entry)).toList()).orElse(List.of());
        for (PluginBundle bundle : bundles) {
          if (!bundle.name().equals(entry.name())) {
            Report check = new Report(FindingCode.Context.LOAD, root.toString());
            check.problem(FindingCode.NAME_MISMATCH, catalog.file(), entry.field() + ".name").rejectsPlugin()
                .arg("expected", "the plugin's manifest name " + Text.quote(bundle.name()))
                .value(entry.name())
                .fix("Codex fails to install it (plugin.json name does not match marketplace plugin name);"
                    + " rename the entry or the plugin")
                .report();
            findings.addAll(check.findings());
          }
        }
      }
    }
    return new Listing(root, catalogs, folders, findings);
  }

  /** Every marketplace file of {@code root}, Codex first; findings go to {@code report}. */
  public static List<Catalog> read(Path root, Report report) {
    List<Catalog> catalogs = new ArrayList<>();
    read(root, FormatFiles.CODEX_MARKETPLACE, "codex", report).ifPresent(catalogs::add);
    read(root, FormatFiles.CLAUDE_MARKETPLACE, "claude", report).ifPresent(catalogs::add);
    if (catalogs.isEmpty() && !report.hasErrors()) {
      report.problem(FindingCode.NO_BUNDLE, "", "").dropsPart()
          .found("no " + FormatFiles.CODEX_MARKETPLACE + " and no " + FormatFiles.CLAUDE_MARKETPLACE)
          .fix("point at the marketplace root, the folder holding .agents/ or .claude-plugin/")
          .report();
    }
    return catalogs;
  }

  private static Optional<Catalog> read(Path root, String file, String host, Report report) {
    Path path = root.resolve(file);
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = GuardedFiles.read(root.toRealPath(), file, Limits.MAX_TEXT_BYTES);
    } catch (GuardedFiles.RefusedException e) {
      Sources.refused(e, file, Limits.MAX_TEXT_BYTES, report.reading(HostImpact.DROPS_PART));
      return Optional.empty();
    } catch (IOException e) {
      report.problem(FindingCode.IO, file, "").found(e.getClass().getSimpleName()).dropsPart().report();
      return Optional.empty();
    }
    ReadContext context = report.reading(HostImpact.REJECTS_PLUGIN);
    Optional<JsonFields> json = Json.parse(bytes, file, context)
        .flatMap(node -> JsonFields.of(node, file, "", context));
    if (json.isEmpty()) {
      return Optional.empty();
    }
    JsonFields m = json.get();
    String name = m.text("name");
    if (name.isEmpty()) {
      report.problem(FindingCode.MISSING, file, "name").dropsPart().fix("name the marketplace, e.g. \"team-tools\"")
          .report();
    } else if (!MARKETPLACE_NAME.matcher(name).matches()) {
      report.problem(FindingCode.BAD_KEY, file, "name").value(name).dropsPart()
          .fix("Codex rejects it with \"invalid marketplace name\"; use " + Text.quote(name.replaceAll("[^A-Za-z0-9_-]+", "-")))
          .report();
    }
    if (!name.isEmpty()) {
      Optional<String> refusal = host.equals("claude") ? ReservedNames.claude(name) : ReservedNames.codex(name);
      refusal.ifPresent(why -> report.problem(FindingCode.RESERVED_NAME, file, "name").value(name)
          .fix("`" + host + " plugin marketplace add` refuses this folder (\"" + why + "\"): the name is reserved"
              + " for the host's own marketplaces; rename the marketplace")
          .report());
    }
    String displayName = m.object("interface").map(i -> i.text("displayName")).orElse("");
    String owner = m.object("owner").map(o -> o.text("name")).orElse("");
    if (host.equals("claude") && owner.isEmpty()) {
      report.problem(FindingCode.MISSING, file, "owner.name").fix("Claude Code requires \"owner\": {\"name\": ...}")
          .dropsPart().report();
    }
    List<Entry> entries = new ArrayList<>();
    JsonNode plugins = m.raw("plugins");
    if (plugins == null || !plugins.isArray()) {
      JsonFields.wrongType(context, file, "plugins", "an array", plugins);
    } else {
      for (int i = 0; i < plugins.size(); i++) {
        String field = "plugins[" + i + "]";
        JsonFields.of(plugins.get(i), file, field, context)
            .ifPresent(p -> entries.add(entry(root, file, field, p, report)));
      }
    }
    return Optional.of(new Catalog(host, file, name, displayName, owner, m.text("description"), entries));
  }

  private static Entry entry(Path root, String file, String field, JsonFields p, Report report) {
    String source;
    String sourceField = field + ".source";
    Optional<String> local = Optional.empty();
    JsonNode raw = p.raw("source");
    if (raw != null && raw.isTextual()) {
      source = raw.textValue();
      local = Optional.of(source);
    } else if (raw != null && raw.isObject()) {
      JsonFields s = new JsonFields(raw, file, field + ".source", p.context());
      String kind = s.text("source");
      if (kind.equals("local") || (kind.isEmpty() && s.has("path"))) {
        source = s.text("path");
        sourceField = field + ".source.path";
        local = Optional.of(source);
      } else {
        source = kind + (s.text("repo").isEmpty() ? s.text("url") : ":" + s.text("repo"));
      }
    } else {
      JsonFields.wrongType(p.context(), file, field + ".source", "a path or a source object", raw);
      source = "";
    }
    Optional<Path> folder = Optional.empty();
    if (local.isPresent()) {
      String path = local.get();
      Optional<String> problem = path.equals("./") ? Optional.empty() : BundlePaths.problem(path);
      if (problem.isPresent()) {
        report.problem(FindingCode.BAD_PATH, file, sourceField).value(path).dropsPart()
            .fix(problem.get() + "; Codex then reports the plugin \"was not found in marketplace\"; write it as"
                + " \"./plugins/<name>\"").report();
      } else {
        Path resolved = path.equals("./") ? root : root.resolve(BundlePaths.relative(path)).normalize();
        Optional<GuardedFiles.Refusal> refusal = folderRefusal(root, path.equals("./") ? "" : BundlePaths.relative(path));
        if (refusal.isEmpty()) {
          folder = Optional.of(resolved);
        } else if (refusal.get() == GuardedFiles.Refusal.MISSING || refusal.get() == GuardedFiles.Refusal.WRONG_KIND) {
          report.problem(FindingCode.MISSING_FILE, file, sourceField).value(path).dropsPart()
              .fix("the folder " + resolved + " does not exist").report();
        } else {
          report.problem(FindingCode.UNSAFE_PATH, file, sourceField).value(path).dropsPart()
              .found(refusal.get().found())
              .fix("keep each plugin folder inside the marketplace root; a symbolic link must not point outside it")
              .report();
        }
      }
    }
    return new Entry(field, p.text("name"), source, folder,
        p.object("policy").map(x -> x.text("installation")).orElse(""),
        p.object("policy").map(x -> x.text("authentication")).orElse(""),
        p.text("category"), p.text("version"), p.text("description"), strict(p));
  }

  /**
   * {@code "strict"}: {@code false} makes the entry the plugin's definition (Claude Code validates the root and
   * Codex installs the folder with the entry's version, as for the LSP entries of claude-plugins-official);
   * anything but {@code false} is the default, {@code true}.
   */
  private static boolean strict(JsonFields p) {
    JsonNode strict = p.raw("strict");
    return strict == null || !strict.isBoolean() || strict.booleanValue();
  }

  /** Why the entry folder {@code relative} of {@code root} is not read, resolved through {@link GuardedFiles}. */
  private static Optional<GuardedFiles.Refusal> folderRefusal(Path root, String relative) {
    try {
      GuardedFiles.folder(root.toRealPath(), relative);
      return Optional.empty();
    } catch (GuardedFiles.RefusedException e) {
      return Optional.of(e.refusal());
    } catch (IOException e) {
      return Optional.of(GuardedFiles.Refusal.MISSING);
    }
  }
}
