package dev.codexplugin.runtime.internal;

import dev.codexplugin.runtime.format.FormatFiles;
import static dev.codexplugin.runtime.MarketplaceExportException.Reason.DUPLICATE_LIBRARY;
import static dev.codexplugin.runtime.MarketplaceExportException.Reason.DUPLICATE_PLUGIN;
import static dev.codexplugin.runtime.MarketplaceExportException.Reason.DUPLICATE_SERVER;
import static dev.codexplugin.runtime.MarketplaceExportException.Reason.INVALID_BUNDLE;
import static dev.codexplugin.runtime.MarketplaceExportException.Reason.IO;
import static dev.codexplugin.runtime.MarketplaceExportException.Reason.NOT_AN_EXPORT;
import static dev.codexplugin.runtime.MarketplaceExportException.Reason.UNSAFE_PATH;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.ExportSummary;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.LoadResult;
import dev.codexplugin.runtime.MarketplaceExport;
import dev.codexplugin.runtime.MarketplaceExportException;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginLoader;
import dev.codexplugin.runtime.format.BundleIndex;
import dev.codexplugin.runtime.format.BundlePaths;
import dev.codexplugin.runtime.format.BundleWriter;
import dev.codexplugin.runtime.format.ClaudeDialect;
import dev.codexplugin.runtime.format.JarSource;
import dev.codexplugin.runtime.format.Json;
import dev.codexplugin.runtime.format.Limits;
import dev.codexplugin.runtime.format.Report;
import dev.codexplugin.runtime.format.Rules;
import dev.codexplugin.runtime.format.Text;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The work behind {@link MarketplaceExport}: reads the bundles of each jar through its index (the same files
 * {@link PluginLoader} validated), checks for conflicts, lays out the marketplace in memory, writes it into a
 * temporary folder beside the target and swaps it into place.
 */
public final class ExportEngine {
  /** The largest single bundle file copied out of a jar (icons, scripts, references...). */
  static final int MAX_COPY_BYTES = 64 << 20;

  /** The settings of one export. */
  public record Settings(String marketplaceName, String displayName, String description, String owner,
      String installation, String authentication, String category, MarketplaceExport.Format format,
      boolean force) {}

  /** A file to write: bytes, or a file copied as it is (a library jar). */
  sealed interface Content {
    record Bytes(byte[] bytes) implements Content {}

    record Copy(Path file) implements Content {}
  }

  /** One bundle read from a jar, with every file of its folder. */
  record Loaded(PluginBundle bundle, Path jar, Map<String, byte[]> files, List<Path> libraries) {
    String name() {
      return bundle.name();
    }

    boolean hasJavaTools() {
      return files.containsKey(FormatFiles.TOOLS_FILE);
    }
  }

  private record JarInput(Path jar, List<Path> libraries) {}

  private final Settings settings;
  private final List<JarInput> inputs = new ArrayList<>();
  private Predicate<String> failBeforeWriting = path -> false;

  public ExportEngine(Settings settings) {
    this.settings = settings;
  }

  public void addJar(Path jar, List<Path> libraries) {
    inputs.add(new JarInput(jar, List.copyOf(libraries)));
  }

  /** For tests: throws an {@link IOException} before writing a path the predicate accepts. */
  void failBeforeWriting(Predicate<String> when) {
    this.failBeforeWriting = when;
  }

  public ExportSummary exportTo(Path target) throws MarketplaceExportException {
    Path out = target.toAbsolutePath().normalize();
    if (out.getParent() == null || out.getFileName() == null) {
      throw new MarketplaceExportException(UNSAFE_PATH, "the output folder " + out
          + " is a file system root; name a folder of its own, e.g. target/codex-plugin", List.of());
    }
    List<Loaded> plugins = new ArrayList<>();
    for (JarInput input : inputs) {
      plugins.addAll(read(input));
    }
    plugins.sort((a, b) -> a.name().compareTo(b.name()));
    checkConflicts(plugins);
    checkInputsOutside(out);
    checkReplaceable(out);

    List<String> warnings = new ArrayList<>();
    Layout layout = new Layout(settings, warnings);
    SortedMap<String, Content> tree = layout.tree(plugins);

    Path parent = out.getParent();
    Path temp;
    try {
      Files.createDirectories(parent);
      temp = Files.createTempDirectory(parent, "." + out.getFileName() + ".export-");
      OutputFolder.makeReadable(temp);
    } catch (IOException e) {
      throw new MarketplaceExportException(IO, "cannot create a temporary folder in " + parent + " ("
          + e + "); check that it is writable", e);
    }
    try {
      for (Map.Entry<String, Content> file : tree.entrySet()) {
        if (failBeforeWriting.test(file.getKey())) {
          throw new IOException("injected failure before writing " + file.getKey());
        }
        OutputFolder.write(temp, file.getKey(), file.getValue());
      }
      OutputFolder.swap(temp, out);
    } catch (IOException | RuntimeException e) {
      OutputFolder.deleteQuietly(temp);
      if (e instanceof OutputFolder.UnsafeEntryException unsafe) {
        throw new MarketplaceExportException(UNSAFE_PATH, unsafe.getMessage(), List.of());
      }
      throw new MarketplaceExportException(IO, "cannot write the marketplace to " + out + " (" + e
          + "); the previous content of " + out + " is unchanged", e);
    }
    List<ExportSummary.ExportedPlugin> exported = new ArrayList<>();
    for (Loaded p : plugins) {
      exported.add(new ExportSummary.ExportedPlugin(p.name(), p.bundle().version(), p.jar(),
          Layout.folder(p.name()), p.bundle().qualifiedSkillNames(),
          p.bundle().mcpServers().stream().map(McpServerSpec::name).toList(),
          p.hasJavaTools() ? libraryNames(p) : List.of()));
    }
    return new ExportSummary(out, settings.marketplaceName(), settings.format(), exported,
        List.copyOf(tree.keySet()), warnings);
  }

  static List<String> libraryNames(Loaded p) {
    return p.libraries().stream().map(l -> "lib/" + l.getFileName()).sorted().toList();
  }

  /** Zips an exported folder (see {@link MarketplaceExport#zip}). */
  public static Path zip(Path folder, Path zipFile) throws MarketplaceExportException {
    Path root = folder.toAbsolutePath().normalize();
    Path zip = zipFile.toAbsolutePath().normalize();
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)
        || !Files.isRegularFile(root.resolve(MarketplaceExport.MARKER), LinkOption.NOFOLLOW_LINKS)) {
      throw new MarketplaceExportException(NOT_AN_EXPORT, root + " is not an exported marketplace (it has no "
          + MarketplaceExport.MARKER + "); export into it first", List.of());
    }
    if (zip.startsWith(root) || zip.getParent() == null) {
      throw new MarketplaceExportException(UNSAFE_PATH, "the zip " + zip + " must not be inside the folder it"
          + " zips (" + root + "); write it beside the folder, e.g. target/codex-plugin.zip", List.of());
    }
    try {
      Files.createDirectories(zip.getParent());
      Path temp = Files.createTempFile(zip.getParent(), "." + zip.getFileName() + ".", ".tmp");
      try {
        DeterministicZip.write(root, root.getFileName().toString(), Set.of(MarketplaceExport.MARKER), temp);
        OutputFolder.replaceFile(temp, zip);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException | RuntimeException e) {
      throw new MarketplaceExportException(IO, "cannot write the zip " + zip + " (" + e + ")", e);
    }
    return zip;
  }

  // ---------------------------------------------------------------------------------------------- reading

  private List<Loaded> read(JarInput input) throws MarketplaceExportException {
    Path jar = input.jar().toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new MarketplaceExportException(INVALID_BUNDLE, "the jar " + jar + " does not exist or is not a"
          + " file; build it first (mvn package) or fix the path", List.of());
    }
    LoadResult result = PluginLoader.check(jar);
    if (result.hasErrors()) {
      throw new MarketplaceExportException(INVALID_BUNDLE, "the jar " + jar + " has invalid plugin bundles;"
          + " fix these errors and rebuild it:", result.errors());
    }
    if (result.bundles().isEmpty()) {
      throw new MarketplaceExportException(INVALID_BUNDLE, "the jar " + jar + " holds no plugin bundle; build"
          + " it with the codexplugin annotation processor in annotationProcessorPaths", List.of());
    }
    List<Path> libraries = libraries(jar, input.libraries());
    List<Loaded> loaded = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      List<BundleIndex.Entry> entries = index(zip, jar);
      for (PluginBundle bundle : result.bundles()) {
        BundleIndex.Entry entry = entries.stream()
            .filter(e -> bundle.location().equals(jar + "!/" + e.root()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no index entry for " + bundle.location()));
        checkPluginName(bundle, jar);
        Report report = new Report(FindingCode.Context.LOAD, jar + "!/" + entry.root());
        JarSource source = new JarSource(zip, jar.toString(), entry);
        Map<String, byte[]> files = new TreeMap<>();
        for (String file : entry.files()) {
          if (!BundlePaths.isSafeEntry(file)) {
            throw new MarketplaceExportException(UNSAFE_PATH, "the jar " + jar + " lists the bundle file "
                + Text.quote(file) + ", which would leave the plugin folder; rebuild the jar", List.of());
          }
          source.read(file, MAX_COPY_BYTES, report.reading(FindingCode.HostImpact.DROPS_PART)).ifPresent(bytes -> files.put(file, bytes));
        }
        if (report.hasErrors()) {
          throw new MarketplaceExportException(INVALID_BUNDLE, "cannot copy the bundle " + bundle.name()
              + " out of " + jar + ":", report.errors());
        }
        loaded.add(new Loaded(bundle, jar, files, libraries));
      }
    } catch (IOException e) {
      throw new MarketplaceExportException(IO, "cannot read the jar " + jar + " (" + e + ")", e);
    }
    return loaded;
  }

  private static List<BundleIndex.Entry> index(ZipFile zip, Path jar) throws IOException,
      MarketplaceExportException {
    ZipEntry indexEntry = zip.getEntry(BundleIndex.RESOURCE);
    Report report = new Report(FindingCode.Context.LOAD, jar + "!/");
    Optional<List<BundleIndex.Entry>> entries = Optional.empty();
    if (indexEntry != null) {
      try (InputStream in = zip.getInputStream(indexEntry)) {
        entries = BundleIndex.read(in.readNBytes(Limits.MAX_INDEX_BYTES), report);
      }
    }
    if (entries.isEmpty()) {
      throw new MarketplaceExportException(INVALID_BUNDLE, "cannot read " + BundleIndex.RESOURCE + " of " + jar
          + "; rebuild the jar:", report.errors());
    }
    return entries.get();
  }

  /** The plugin name becomes a folder name: it must be one plain path segment Codex accepts. */
  private static void checkPluginName(PluginBundle bundle, Path jar) throws MarketplaceExportException {
    String name = bundle.name();
    if (name.isEmpty() || !Rules.HOST_NAME.matcher(name).matches() || !BundlePaths.isSafeEntry(name)) {
      throw new MarketplaceExportException(UNSAFE_PATH, "the plugin name " + Text.quote(name) + " in " + jar
          + " (.codex-plugin/plugin.json, field name) cannot name a plugin folder: it must be letters, digits,"
          + " ., _ and - and not . or ..; use lowercase kebab-case such as \"team-workflow-plugin\"", List.of());
    }
  }

  /** The jar and its libraries, absolute, without repeats, each a regular file with a unique file name. */
  private static List<Path> libraries(Path jar, List<Path> given) throws MarketplaceExportException {
    Map<String, Path> byName = new TreeMap<>();
    List<Path> all = new ArrayList<>();
    all.add(jar);
    given.forEach(p -> all.add(p.toAbsolutePath().normalize()));
    for (Path lib : all) {
      if (!Files.isRegularFile(lib)) {
        throw new MarketplaceExportException(INVALID_BUNDLE, "the library jar " + lib + " (for " + jar
            + ") does not exist or is not a file; resolve the dependencies first or fix the path", List.of());
      }
      String name = lib.getFileName().toString();
      Path previous = byName.putIfAbsent(name, lib);
      if (previous != null && !previous.equals(lib)) {
        throw new MarketplaceExportException(DUPLICATE_LIBRARY, "two library jars of " + jar + " have the file"
            + " name " + name + ": " + previous + " and " + lib + "; both would be lib/" + name
            + " — remove one of the dependencies", List.of());
      }
    }
    return List.copyOf(byName.values());
  }

  // ----------------------------------------------------------------------------------------------- checks

  private static void checkConflicts(List<Loaded> plugins) throws MarketplaceExportException {
    List<String> duplicatePlugins = new ArrayList<>();
    Map<String, Loaded> byName = new LinkedHashMap<>();
    for (Loaded p : plugins) {
      Loaded previous = byName.putIfAbsent(p.name(), p);
      if (previous != null) {
        duplicatePlugins.add(previous.jar().equals(p.jar())
            ? "plugin \"" + p.name() + "\" comes twice from " + p.jar() + "; add each jar once"
            : "plugin \"" + p.name() + "\" is in two jars: " + previous.jar() + " (version "
                + previous.bundle().version() + ") and " + p.jar() + " (version " + p.bundle().version()
                + "); a marketplace holds one plugin of a name (Codex installs it as " + p.name() + "@<marketplace>)"
                + ": export one of the jars, or rename one @Plugin");
      }
    }
    if (!duplicatePlugins.isEmpty()) {
      throw new MarketplaceExportException(DUPLICATE_PLUGIN, String.join("\n", duplicatePlugins), List.of());
    }
    List<String> duplicateServers = new ArrayList<>();
    Map<String, Loaded> owners = new TreeMap<>();
    for (Loaded p : plugins) {
      for (McpServerSpec server : p.bundle().mcpServers()) {
        Loaded previous = owners.putIfAbsent(server.name(), p);
        if (previous != null) {
          duplicateServers.add("MCP server \"" + server.name() + "\" is defined by plugin \"" + previous.name()
              + "\" (" + previous.jar() + ") and by plugin \"" + p.name() + "\" (" + p.jar() + "); Codex"
              + " silently starts only one of them: rename one @McpServer (its name in .mcp.json), or export"
              + " the plugins separately");
        }
      }
    }
    if (!duplicateServers.isEmpty()) {
      throw new MarketplaceExportException(DUPLICATE_SERVER, String.join("\n", duplicateServers), List.of());
    }
    for (Loaded p : plugins) {
      if (!p.hasJavaTools()) {
        continue;
      }
      for (String lib : libraryNames(p)) {
        if (p.files().containsKey(lib)) {
          throw new MarketplaceExportException(DUPLICATE_LIBRARY, "the bundle " + p.name() + " of " + p.jar()
              + " already holds " + lib + ", and the library jar of the same name would replace it; rename"
              + " the bundle file or leave lib/ to the exporter", List.of());
        }
      }
    }
  }

  /** Replacing the output must never delete an input. */
  private void checkInputsOutside(Path out) throws MarketplaceExportException {
    Path realOut = realOrSelf(out);
    for (JarInput input : inputs) {
      List<Path> files = new ArrayList<>(input.libraries());
      files.add(input.jar());
      for (Path file : files) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(out) || realOrSelf(abs).startsWith(realOut)) {
          throw new MarketplaceExportException(UNSAFE_PATH, "the input " + abs + " is inside the output folder "
              + out + ", which the export replaces; export to another folder, e.g. target/codex-plugin",
              List.of());
        }
      }
    }
  }

  private static Path realOrSelf(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p;
    }
  }

  private void checkReplaceable(Path out) throws MarketplaceExportException {
    if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS) || settings.force()) {
      return;
    }
    if (Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
      if (Files.isRegularFile(out.resolve(MarketplaceExport.MARKER), LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      try (var entries = Files.list(out)) {
        if (entries.findAny().isEmpty()) {
          return;
        }
      } catch (IOException e) {
        throw new MarketplaceExportException(IO, "cannot list " + out + " (" + e + ")", e);
      }
    }
    throw new MarketplaceExportException(NOT_AN_EXPORT, out + " exists and was not created by the exporter"
        + " (it has no " + MarketplaceExport.MARKER + "); choose another output folder, delete it, or replace"
        + " it with --force (Maven: -Dcodexplugin.force=true)", List.of());
  }

  // ----------------------------------------------------------------------------------------------- layout

  /** Lays out the marketplace: every file, by path relative to the root. */
  static final class Layout {
    private final Settings settings;
    private final List<String> warnings;

    Layout(Settings settings, List<String> warnings) {
      this.settings = settings;
      this.warnings = warnings;
    }

    static String folder(String plugin) {
      return "plugins/" + plugin;
    }

    SortedMap<String, Content> tree(List<Loaded> plugins) throws MarketplaceExportException {
      SortedMap<String, Content> tree = new TreeMap<>();
      MarketplaceExport.Format format = settings.format();
      for (Loaded p : plugins) {
        SortedMap<String, Content> files = pluginFiles(p);
        files.forEach((path, content) -> tree.put(folder(p.name()) + "/" + path, content));
      }
      if (format.codex()) {
        tree.put(FormatFiles.CODEX_MARKETPLACE, new Content.Bytes(Json.bytes(codexMarketplace(plugins))));
      }
      if (format.claude()) {
        tree.put(FormatFiles.CLAUDE_MARKETPLACE, new Content.Bytes(Json.bytes(claudeMarketplace(plugins))));
      }
      tree.put(MarketplaceExport.MARKER, new Content.Bytes(Json.bytes(marker(plugins))));
      return tree;
    }

    private SortedMap<String, Content> pluginFiles(Loaded p) throws MarketplaceExportException {
      SortedMap<String, Content> files = new TreeMap<>();
      p.files().forEach((path, bytes) -> files.put(path, new Content.Bytes(bytes)));
      if (p.hasJavaTools()) {
        for (Path lib : p.libraries()) {
          files.put("lib/" + lib.getFileName(), new Content.Copy(lib));
        }
      }
      MarketplaceExport.Format format = settings.format();
      if (!format.claude()) {
        return files;
      }
      PluginBundle bundle = p.bundle();
      if (!format.codex()) {
        files.keySet().removeIf(path -> path.startsWith(".codex-plugin/"));
      }
      files.put(FormatFiles.CLAUDE_MANIFEST, new Content.Bytes(Json.bytes(ClaudeDialect.manifest(bundle.manifest()))));
      if (bundle.manifest().author().filter(a -> !a.name().isEmpty()).isEmpty()) {
        warnings.add(bundle.name() + ": .claude-plugin/plugin.json has no author, and `claude plugin validate"
            + " --strict` fails on \"No author information provided\"; add author = @Author(name = \"...\") to"
            + " @Plugin (\"author\": {\"name\": ...} in plugin.json)");
      }
      if (!bundle.mcpServers().isEmpty()) {
        if (format.codex()) {
          files.put(FormatFiles.MANIFEST, new Content.Bytes(Json.bytes(inlineCodexServers(p))));
        }
        files.put(FormatFiles.MCP_FILE, new Content.Bytes(Json.bytes(
            ClaudeDialect.mcpConfig(bundle.name(), bundle.mcpServers(), files.keySet(), warnings))));
      }
      if (bundle.hooks().stream().anyMatch(h -> h.command().contains("${PLUGIN_ROOT}"))) {
        warnings.add(bundle.name() + ": hooks/hooks.json is copied as it is, and Claude Code does not expand"
            + " ${PLUGIN_ROOT} in hook commands (it expands ${CLAUDE_PLUGIN_ROOT})");
      }
      return files;
    }

    /**
     * {@code .codex-plugin/plugin.json} with the Codex servers inline, so that Codex ignores the root
     * {@code .mcp.json}, which now holds the Claude dialect. The servers are copied as written in the jar.
     */
    private ObjectNode inlineCodexServers(Loaded p) throws MarketplaceExportException {
      byte[] original = p.files().get(FormatFiles.MANIFEST);
      ObjectNode manifest;
      if (original == null) {
        manifest = BundleWriter.manifest(p.bundle());
      } else {
        manifest = parseObject(p, FormatFiles.MANIFEST, original);
        JsonNode declared = manifest.get("mcpServers");
        if (declared != null && declared.isObject()) {
          return manifest; // already inline
        }
      }
      ObjectNode servers = null;
      JsonNode declared = manifest.get("mcpServers");
      String path = FormatFiles.MCP_FILE;
      if (declared != null && declared.isTextual() && BundlePaths.problem(declared.textValue()).isEmpty()) {
        path = BundlePaths.relative(declared.textValue());
      }
      byte[] mcp = p.files().get(path);
      if (mcp != null) {
        ObjectNode config = parseObject(p, path, mcp);
        JsonNode map = config.has("mcpServers") ? config.get("mcpServers") : config;
        if (map.isObject()) {
          servers = (ObjectNode) map.deepCopy();
        }
      }
      if (servers == null) {
        servers = (ObjectNode) BundleWriter.mcpConfig(p.bundle().mcpServers()).get("mcpServers");
      }
      manifest.set("mcpServers", servers);
      return manifest;
    }

    private static ObjectNode parseObject(Loaded p, String file, byte[] bytes) throws MarketplaceExportException {
      Report report = new Report(FindingCode.Context.LOAD, p.jar() + "!/" + BundleIndex.ROOT + p.name() + "/");
      Optional<JsonNode> json = Json.parse(bytes, file, report.reading(FindingCode.HostImpact.DROPS_PART));
      if (json.isEmpty() || !json.get().isObject()) {
        throw new MarketplaceExportException(INVALID_BUNDLE, "cannot read " + file + " of plugin " + p.name()
            + " in " + p.jar() + " as a JSON object; rebuild the jar:", report.errors());
      }
      return (ObjectNode) json.get();
    }

    private ObjectNode codexMarketplace(List<Loaded> plugins) {
      ObjectNode json = Json.object();
      json.put("name", settings.marketplaceName());
      json.putObject("interface").put("displayName", settings.displayName());
      ArrayNode entries = json.putArray("plugins");
      for (Loaded p : plugins) {
        ObjectNode entry = entries.addObject();
        entry.put("name", p.name());
        ObjectNode source = entry.putObject("source");
        source.put("source", "local");
        source.put("path", "./" + folder(p.name()));
        ObjectNode policy = entry.putObject("policy");
        policy.put("installation", settings.installation());
        policy.put("authentication", settings.authentication());
        category(p).ifPresent(c -> entry.put("category", c));
      }
      return json;
    }

    private ObjectNode claudeMarketplace(List<Loaded> plugins) {
      ObjectNode json = Json.object();
      json.put("name", settings.marketplaceName());
      json.putObject("owner").put("name", settings.owner());
      json.put("description", description(plugins));
      ArrayNode entries = json.putArray("plugins");
      for (Loaded p : plugins) {
        ObjectNode entry = entries.addObject();
        entry.put("name", p.name());
        entry.put("source", "./" + folder(p.name()));
        if (!p.bundle().manifest().description().isEmpty()) {
          entry.put("description", p.bundle().manifest().description());
        }
        entry.put("version", p.bundle().version());
        category(p).ifPresent(c -> entry.put("category", c));
      }
      return json;
    }

    private String description(List<Loaded> plugins) {
      if (!settings.description().isEmpty()) {
        return settings.description();
      }
      if (plugins.size() == 1 && !plugins.get(0).bundle().manifest().description().isEmpty()) {
        return plugins.get(0).bundle().manifest().description();
      }
      return settings.displayName() + ": " + String.join(", ", plugins.stream().map(Loaded::name).toList());
    }

    private Optional<String> category(Loaded p) {
      if (!settings.category().isEmpty()) {
        return Optional.of(settings.category());
      }
      String own = p.bundle().manifest().ui().category();
      return own.isEmpty() ? Optional.empty() : Optional.of(own);
    }

    private ObjectNode marker(List<Loaded> plugins) {
      ObjectNode json = Json.object();
      json.put("createdBy", "codexplugin MarketplaceExport");
      json.put("formatVersion", 1);
      json.put("marketplace", settings.marketplaceName());
      json.put("format", settings.format().name().toLowerCase(Locale.ROOT));
      json.set("plugins", Json.strings(new TreeSet<>(plugins.stream().map(Loaded::name).toList())));
      return json;
    }
  }
}
