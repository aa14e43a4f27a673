package dev.codexplugin.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.ExportSummary;
import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.FindingCode.Context;
import dev.codexplugin.runtime.FindingCode.HostImpact;
import dev.codexplugin.runtime.MarketplaceExport;
import dev.codexplugin.runtime.MarketplaceExportException;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.format.BundlePaths;
import dev.codexplugin.runtime.format.BundleSource;
import dev.codexplugin.runtime.format.BundleWriter;
import dev.codexplugin.runtime.format.Bundles;
import dev.codexplugin.runtime.format.ClaudeDialect;
import dev.codexplugin.runtime.format.Conflicts;
import dev.codexplugin.runtime.format.ExportMarker;
import dev.codexplugin.runtime.format.FormatFiles;
import dev.codexplugin.runtime.format.Json;
import dev.codexplugin.runtime.format.Limits;
import dev.codexplugin.runtime.format.MarketplaceWriter;
import dev.codexplugin.runtime.format.Place;
import dev.codexplugin.runtime.format.Report;
import dev.codexplugin.runtime.format.Rules;
import dev.codexplugin.runtime.format.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The work behind {@link MarketplaceExport}: loads the bundles of each jar with the format core
 * ({@link Bundles#open}, which keeps each jar open so that the files copied are exactly the ones checked),
 * checks the conflicts between them ({@link Conflicts}, in {@link Context#EXPORT}), lays out the marketplace,
 * writes it into a temporary folder beside the target — each bundle file streamed from its jar, never held whole
 * in memory — and swaps it into place.
 */
public final class ExportEngine {
  /** The largest single bundle file copied out of a jar (icons, scripts, references...). */
  static final long MAX_COPY_BYTES = 64L << 20;

  /** The class path of the generated hook commands: the installed plugin's {@code lib/}. */
  static final String JAVA_HOOK_CLASS_PATH = "${CLAUDE_PLUGIN_ROOT}/lib/*";

  /** The settings of one export. */
  public record Settings(String marketplaceName, String displayName, String description, String owner,
      String installation, String authentication, String category, MarketplaceExport.Format format,
      boolean force) {}

  /** A file to write: bytes, a file copied as it is (a library jar), or a file of a bundle. */
  sealed interface Content {
    record Bytes(byte[] bytes) implements Content {}

    record Copy(Path file) implements Content {}

    record FromBundle(BundleSource source, String path, boolean executable) implements Content {}
  }

  /** One bundle read from a jar, with the source its files come from and the libraries of its Java tools. */
  record Loaded(PluginBundle bundle, BundleSource source, Path jar, List<Path> libraries) {
    String name() {
      return bundle.name();
    }

    boolean hasJavaTools() {
      return bundle.files().contains(FormatFiles.TOOLS_FILE);
    }

    /**
     * Whether it has Java hooks: a hook command with the plugin's {@code lib/} as class path, as the processor
     * writes for {@code @HookHandler} ({@code java ... -cp "${CLAUDE_PLUGIN_ROOT}/lib/*" <launcher> <id>}).
     */
    boolean hasJavaHooks() {
      return bundle.hooks().stream().anyMatch(h -> h.command().contains(JAVA_HOOK_CLASS_PATH));
    }

    /** Whether the plugin runs Java from its {@code lib/} folder, which the export then writes. */
    boolean needsLibraries() {
      return hasJavaTools() || hasJavaHooks();
    }
  }

  private record JarInput(Path jar, List<Path> libraries) {}

  private final Settings settings;
  private final List<JarInput> inputs = new ArrayList<>();
  /** JVM options for bundled Java servers, by plugin and dialect ({@code CODEX} or {@code CLAUDE}). */
  private final Map<String, Map<MarketplaceExport.Format, List<String>>> javaOptions = new TreeMap<>();
  private Predicate<String> failBeforeWriting = path -> false;

  public ExportEngine(Settings settings) {
    this.settings = settings;
  }

  public void addJar(Path jar, List<Path> libraries) {
    inputs.add(new JarInput(jar, List.copyOf(libraries)));
  }

  /** JVM options for the Java tool server of {@code plugin} in the files of {@code dialect} (CODEX or CLAUDE). */
  public void javaServerOptions(String plugin, MarketplaceExport.Format dialect, List<String> options) {
    javaOptions.computeIfAbsent(plugin, p -> new TreeMap<>()).put(dialect, List.copyOf(options));
  }

  /** For tests: throws an {@link IOException} before writing a path the predicate accepts. */
  void failBeforeWriting(Predicate<String> when) {
    this.failBeforeWriting = when;
  }

  static MarketplaceExportException failure(FindingCode code, String found, String fix) {
    return new MarketplaceExportException(Report.Problem.of(code, Context.EXPORT, Place.BUNDLE, f -> { })
        .found(found).fix(fix).finding(), List.of());
  }

  static MarketplaceExportException failure(FindingCode code, String found, String fix, Throwable cause) {
    MarketplaceExportException e = failure(code, found, fix);
    e.initCause(cause);
    return e;
  }

  public ExportSummary exportTo(Path target) throws MarketplaceExportException {
    return exportTo(target, null);
  }

  /**
   * Exports into {@code target} and, unless {@code zipFile} is null, zips it, holding the lock of the folder until
   * the zip is written, so that a concurrent export cannot replace the folder in between. A zip failure after the
   * folder was replaced says so.
   */
  public ExportSummary exportTo(Path target, Path zipFile) throws MarketplaceExportException {
    Path out = target.toAbsolutePath().normalize();
    checkOutput(out, inputPaths());
    if (zipFile != null) {
      checkZip(zipFile, out, inputPaths());
    }
    List<Bundles.Opened> opened = new ArrayList<>();
    try {
      List<Loaded> plugins = new ArrayList<>();
      for (JarInput input : inputs) {
        plugins.addAll(read(input, opened));
      }
      plugins.sort((a, b) -> a.name().compareTo(b.name()));
      List<String> warnings = new ArrayList<>();
      checkConflicts(plugins, warnings);
      checkJavaOptions(plugins);
      Layout layout = new Layout(settings, warnings, javaOptions);
      SortedMap<String, Content> tree = layout.tree(plugins);
      try (OutputFolder.Lock lock = lock(out, true)) {
        checkOutput(out, inputPaths()); // again, now that nobody else writes it
        checkReplaceable(out);
        write(out, tree);
        if (zipFile != null) {
          zip(out, zipFile, true);
        }
      }
      List<ExportSummary.ExportedPlugin> exported = new ArrayList<>();
      for (Loaded p : plugins) {
        exported.add(new ExportSummary.ExportedPlugin(p.name(), p.bundle().version(), p.jar(),
            Layout.folder(p.name()), p.bundle().qualifiedSkillNames(),
            p.bundle().mcpServers().stream().map(McpServerSpec::name).toList(),
            p.needsLibraries() ? libraryNames(p) : List.of()));
      }
      return new ExportSummary(out, settings.marketplaceName(), settings.format(), exported,
          List.copyOf(tree.keySet()), warnings);
    } finally {
      opened.forEach(Bundles.Opened::close);
    }
  }

  /** Takes the lock beside {@code out}, or fails with "in use" when another export holds it. */
  static OutputFolder.Lock lock(Path out, boolean folder) throws MarketplaceExportException {
    try {
      Files.createDirectories(out.getParent());
      Optional<OutputFolder.Lock> lock = OutputFolder.Lock.tryLock(out);
      if (lock.isEmpty()) {
        throw failure(FindingCode.IO, out + ", which is in use: another export is writing it (it holds the lock "
            + OutputFolder.Lock.file(out) + ")", "wait until that export has finished, then run this one again");
      }
      OutputFolder.cleanLeftovers(out, folder);
      return lock.get();
    } catch (IOException e) {
      throw failure(FindingCode.IO, "the lock " + OutputFolder.Lock.file(out) + " cannot be taken (" + e + ")",
          "check that " + out.getParent() + " is writable", e);
    }
  }

  private void write(Path out, SortedMap<String, Content> tree) throws MarketplaceExportException {
    Path parent = out.getParent();
    Path temp;
    try {
      temp = Files.createTempDirectory(parent, "." + out.getFileName() + ".export-");
      OutputFolder.makeReadable(temp);
    } catch (IOException e) {
      throw failure(FindingCode.IO, "no temporary folder in " + parent + " (" + e.getClass().getSimpleName() + ")",
          "check that " + parent + " is writable", e);
    }
    try {
      for (Map.Entry<String, Content> file : tree.entrySet()) {
        if (failBeforeWriting.test(file.getKey())) {
          throw new IOException("injected failure before writing " + file.getKey());
        }
        OutputFolder.write(temp, file.getKey(), file.getValue());
      }
      OutputFolder.swap(temp, out);
    } catch (OutputFolder.OldCopyLeftException e) {
      throw failure(FindingCode.IO, e.getMessage(), "", e);
    } catch (OutputFolder.UnsafeEntryException e) {
      OutputFolder.deleteQuietly(temp);
      throw failure(FindingCode.UNSAFE_PATH, e.getMessage(), "rebuild the jar");
    } catch (OutputFolder.UnreadableFileException e) {
      OutputFolder.deleteQuietly(temp);
      throw new MarketplaceExportException(Report.Problem.of(FindingCode.INVALID_BUNDLE, Context.EXPORT,
          Place.BUNDLE, f -> { }).found("a bundle file that cannot be copied (" + e.getMessage() + ")")
          .fix("the previous content of " + out + " is unchanged; rebuild the jar").finding(), e.findings());
    } catch (IOException | RuntimeException e) {
      OutputFolder.deleteQuietly(temp);
      throw failure(FindingCode.IO, "the marketplace cannot be written to " + out + " (" + e + ")",
          "the previous content of " + out + " is unchanged; free some space or check the permissions", e);
    }
  }

  static List<String> libraryNames(Loaded p) {
    return p.libraries().stream().map(l -> FormatFiles.LIB + l.getFileName()).sorted().toList();
  }

  /** Zips an exported folder (see {@link MarketplaceExport#zip}). */
  public static Path zip(Path folder, Path zipFile) throws MarketplaceExportException {
    return zip(folder, zipFile, false);
  }

  private static Path zip(Path folder, Path zipFile, boolean replaced) throws MarketplaceExportException {
    Path root = folder.toAbsolutePath().normalize();
    Path zip = zipFile.toAbsolutePath().normalize();
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS) || !ExportMarker.isPresent(root)) {
      throw failure(FindingCode.NOT_AN_EXPORT, root + ", which holds no marker of the exporter",
          "export into it first");
    }
    checkZip(zip, root, List.of());
    try (OutputFolder.Lock lock = lock(zip, false)) {
      Path temp = Files.createTempFile(zip.getParent(), "." + zip.getFileName() + ".", ".tmp");
      try {
        DeterministicZip.write(root, root.getFileName().toString(), Set.of(FormatFiles.EXPORT_MARKER), temp);
        OutputFolder.setMode(temp, false); // a temporary file is created owner-only
        OutputFolder.replaceFile(temp, zip);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException | RuntimeException e) {
      throw failure(FindingCode.IO, (replaced ? "the folder " + root + " was already replaced by the new export,"
              + " but " : "") + "the zip " + zip + " cannot be written (" + e + ")",
          "free some space or check the permissions" + (replaced ? ", then export again" : ""), e);
    }
    return zip;
  }

  // ---------------------------------------------------------------------------------------------- reading

  private List<Loaded> read(JarInput input, List<Bundles.Opened> opened) throws MarketplaceExportException {
    Path jar = input.jar().toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw failure(FindingCode.NO_BUNDLE, "no jar at " + jar, "build it first (mvn package) or fix the path");
    }
    Bundles.Opened result = Bundles.open(jar);
    opened.add(result);
    List<Finding> errors = result.findings().stream().filter(Finding::isError).toList();
    if (!errors.isEmpty()) {
      throw new MarketplaceExportException(Report.Problem.of(FindingCode.INVALID_BUNDLE, Context.EXPORT,
          Place.BUNDLE, f -> { }).found("errors in the jar " + jar).fix("fix these errors and rebuild it")
          .finding(), errors);
    }
    if (result.loaded().isEmpty()) {
      throw failure(FindingCode.NO_BUNDLE, "no plugin bundle in the jar " + jar,
          "build it with the codexplugin annotation processor in annotationProcessorPaths");
    }
    List<Path> libraries = libraries(jar, input.libraries());
    List<Loaded> loaded = new ArrayList<>();
    for (Bundles.Loaded b : result.loaded()) {
      checkPluginName(b.bundle(), jar);
      loaded.add(new Loaded(b.bundle(), b.source(), jar, libraries));
    }
    return loaded;
  }

  /** The plugin name becomes a folder name: it must be one plain path segment Codex accepts. */
  private static void checkPluginName(PluginBundle bundle, Path jar) throws MarketplaceExportException {
    String name = bundle.name();
    if (name.isEmpty() || !Rules.HOST_NAME.matcher(name).matches() || !BundlePaths.isSafeEntry(name)) {
      throw failure(FindingCode.UNSAFE_PATH, "the plugin name " + Text.quote(name) + " in " + jar
              + " (.codex-plugin/plugin.json, field name), which cannot name a plugin folder",
          "use lowercase kebab-case such as \"team-workflow-plugin\" (letters, digits, ., _ and -, not . or ..)");
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
        throw failure(FindingCode.MISSING_FILE, "no library jar at " + lib + " (for " + jar + ")",
            "resolve the dependencies first or fix the path");
      }
      String name = lib.getFileName().toString();
      Path previous = byName.putIfAbsent(name, lib);
      if (previous != null && !previous.equals(lib)) {
        throw failure(FindingCode.DUPLICATE_LIBRARY, "two library jars of " + jar + " named " + name + ": "
            + previous + " and " + lib + ", which would both be lib/" + name, "remove one of the dependencies");
      }
    }
    return List.copyOf(byName.values());
  }

  // ----------------------------------------------------------------------------------------------- checks

  private static void checkConflicts(List<Loaded> plugins, List<String> warnings) throws MarketplaceExportException {
    List<Conflicts.Member> members = plugins.stream()
        .map(p -> new Conflicts.Member(p.bundle(), p.name(), p.jar().toString())).toList();
    List<Finding> conflicts = Conflicts.of(members, Context.EXPORT, Conflicts.Scope.ONE_VERSION_PER_PLUGIN);
    Optional<Finding> error = conflicts.stream().filter(Finding::isError).findFirst();
    if (error.isPresent()) {
      throw new MarketplaceExportException(error.get(),
          conflicts.stream().filter(Finding::isError).skip(1).toList());
    }
    conflicts.forEach(f -> warnings.add(f.toString()));
    for (Loaded p : plugins) {
      if (!p.needsLibraries()) {
        continue;
      }
      for (String lib : libraryNames(p)) {
        if (p.bundle().files().contains(lib)) {
          throw failure(FindingCode.DUPLICATE_LIBRARY, "the bundle " + p.name() + " of " + p.jar() + " already"
                  + " holds " + lib + ", which the library jar of the same name would replace",
              "rename the bundle file or leave lib/ to the exporter");
        }
      }
    }
  }

  /** JVM options are for bundled Java servers: a plugin without one, or not exported at all, is a mistake. */
  private void checkJavaOptions(List<Loaded> plugins) throws MarketplaceExportException {
    for (String plugin : javaOptions.keySet()) {
      Optional<Loaded> p = plugins.stream().filter(l -> l.name().equals(plugin)).findFirst();
      if (p.isEmpty() || p.get().bundle().mcpServers().stream().noneMatch(JavaServers::isBundledJava)) {
        throw failure(FindingCode.MISSING, "JVM options for " + Text.quote(plugin) + (p.isEmpty()
                ? ", which is not among the exported plugins" : ", which has no Java tool server (java -cp lib/*)"),
            "give JVM options only for an exported plugin with @McpTool methods");
      }
    }
  }

  /** Every jar and library jar given, absolute. */
  public List<Path> inputPaths() {
    List<Path> files = new ArrayList<>();
    for (JarInput input : inputs) {
      files.add(input.jar().toAbsolutePath().normalize());
      input.libraries().forEach(l -> files.add(l.toAbsolutePath().normalize()));
    }
    return files;
  }

  /**
   * Refuses, before anything is written, an output folder that would overwrite or delete an input or something
   * that is not a folder: a file system root, an existing file or symbolic link, an input itself, a folder inside
   * an input or one that contains an input.
   */
  public static void checkOutput(Path target, List<Path> inputs) throws MarketplaceExportException {
    Path out = target.toAbsolutePath().normalize();
    if (out.getParent() == null || out.getFileName() == null) {
      throw failure(FindingCode.UNSAFE_PATH, "--out " + out + ", a file system root, which the export would"
          + " replace", "name a folder of its own, e.g. --out target/codex-plugin");
    }
    if (Files.isSymbolicLink(out)) {
      throw failure(FindingCode.UNSAFE_PATH, "--out " + out + ", a symbolic link (to " + linkTarget(out)
          + "), which the export would replace", "name the folder itself, or a new folder, e.g. --out "
          + out.resolveSibling(out.getFileName() + "-export"));
    }
    if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
      throw failure(FindingCode.UNSAFE_PATH, "--out " + out + ", an existing file that is not a folder",
          "name a folder, e.g. --out " + out.resolveSibling(out.getFileName() + "-export")
          + ", or delete the file");
    }
    Path realOut = realOrSelf(out);
    for (Path input : inputs) {
      Path abs = input.toAbsolutePath().normalize();
      Path real = realOrSelf(abs);
      if (abs.startsWith(out) || real.startsWith(realOut)) {
        throw failure(FindingCode.UNSAFE_PATH, "--out " + out + ", which contains the input " + abs
            + " that the export would replace", "export to another folder, e.g. --out target/codex-plugin");
      }
      if (out.startsWith(abs) || realOut.startsWith(real)) {
        throw failure(FindingCode.UNSAFE_PATH, "--out " + out + ", inside the input " + abs,
            "export to a folder outside the inputs, e.g. --out target/codex-plugin");
      }
    }
  }

  /**
   * Refuses a zip that would overwrite an input, the output folder or a file inside it, a folder, or a
   * symbolic link, before anything is written.
   */
  public static void checkZip(Path zipFile, Path outFolder, List<Path> inputs) throws MarketplaceExportException {
    Path zip = zipFile.toAbsolutePath().normalize();
    Path root = outFolder.toAbsolutePath().normalize();
    String fix = "write it beside the folder, e.g. --zip " + root.resolveSibling(root.getFileName() + ".zip");
    if (zip.getParent() == null || zip.getFileName() == null) {
      throw failure(FindingCode.UNSAFE_PATH, "--zip " + zip + ", a file system root", fix);
    }
    if (zip.startsWith(root) || realOrSelf(zip).startsWith(realOrSelf(root))
        || realOrSelf(zip.getParent()).startsWith(realOrSelf(root))) {
      throw failure(FindingCode.UNSAFE_PATH, "--zip " + zip + ", inside the folder it zips (" + root + ")", fix);
    }
    if (root.startsWith(zip)) {
      throw failure(FindingCode.UNSAFE_PATH, "--zip " + zip + ", which contains the output folder " + root, fix);
    }
    if (Files.isSymbolicLink(zip)) {
      throw failure(FindingCode.UNSAFE_PATH, "--zip " + zip + ", a symbolic link (to " + linkTarget(zip)
          + "), which the zip would replace", fix);
    }
    if (Files.isDirectory(zip, LinkOption.NOFOLLOW_LINKS)) {
      throw failure(FindingCode.UNSAFE_PATH, "--zip " + zip + ", an existing folder", fix);
    }
    Path realZip = realOrSelf(zip);
    for (Path input : inputs) {
      Path abs = input.toAbsolutePath().normalize();
      if (abs.equals(zip) || realOrSelf(abs).equals(realZip) || zip.startsWith(abs)) {
        throw failure(FindingCode.UNSAFE_PATH, "--zip " + zip + ", which is the input " + abs
            + " that the zip would overwrite", fix);
      }
    }
  }

  private static String linkTarget(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "?";
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
      if (ExportMarker.isOwnExport(out)) {
        return;
      }
      try (var entries = Files.list(out)) {
        if (entries.findAny().isEmpty()) {
          return;
        }
      } catch (IOException e) {
        throw failure(FindingCode.IO, out + ", which cannot be listed (" + e.getClass().getSimpleName() + ")",
            "check the permissions", e);
      }
    }
    throw failure(FindingCode.NOT_AN_EXPORT, out + ", which exists and is not an earlier export (no marker of the"
        + " exporter, or files its marker does not list)", "");
  }

  // ----------------------------------------------------------------------------------------------- layout

  /** Lays out the marketplace: every file, by path relative to the root. */
  static final class Layout {
    private final Settings settings;
    private final List<String> warnings;
    private final Map<String, Map<MarketplaceExport.Format, List<String>>> javaOptions;

    Layout(Settings settings, List<String> warnings, Map<String, Map<MarketplaceExport.Format, List<String>>> javaOptions) {
      this.settings = settings;
      this.warnings = warnings;
      this.javaOptions = javaOptions;
    }

    private List<String> options(Loaded p, MarketplaceExport.Format dialect) {
      return javaOptions.getOrDefault(p.name(), Map.of()).getOrDefault(dialect, List.of());
    }

    static String folder(String plugin) {
      return "plugins/" + plugin;
    }

    SortedMap<String, Content> tree(List<Loaded> plugins) throws MarketplaceExportException {
      SortedMap<String, Content> tree = new TreeMap<>();
      MarketplaceExport.Format format = settings.format();
      List<MarketplaceWriter.Plugin> entries = new ArrayList<>();
      for (Loaded p : plugins) {
        SortedMap<String, Content> files = pluginFiles(p);
        files.forEach((path, content) -> tree.put(folder(p.name()) + "/" + path, content));
        entries.add(new MarketplaceWriter.Plugin(p.name(), folder(p.name()), category(p),
            p.bundle().manifest().description(), p.bundle().version()));
      }
      if (format.codex()) {
        tree.put(FormatFiles.CODEX_MARKETPLACE, new Content.Bytes(MarketplaceWriter.codex(settings.marketplaceName(),
            settings.displayName(), settings.installation(), settings.authentication(), entries)));
      }
      if (format.claude()) {
        tree.put(FormatFiles.CLAUDE_MARKETPLACE, new Content.Bytes(MarketplaceWriter.claude(
            settings.marketplaceName(), settings.owner(), description(plugins), entries)));
      }
      tree.put(FormatFiles.EXPORT_MARKER, new Content.Bytes(ExportMarker.write(settings.marketplaceName(),
          format.name().toLowerCase(Locale.ROOT), plugins.stream().map(Loaded::name).toList())));
      return tree;
    }

    private SortedMap<String, Content> pluginFiles(Loaded p) throws MarketplaceExportException {
      SortedMap<String, Content> files = new TreeMap<>();
      PluginBundle bundle = p.bundle();
      for (String path : bundle.files()) {
        if (!BundlePaths.isSafeEntry(path)) {
          throw failure(FindingCode.UNSAFE_PATH, "the bundle file " + Text.quote(path) + " of " + p.jar()
              + ", which would leave the plugin folder", "rebuild the jar");
        }
        files.put(path, new Content.FromBundle(p.source(), path, bundle.isExecutable(path)));
      }
      if (p.needsLibraries()) {
        for (Path lib : p.libraries()) {
          files.put(FormatFiles.LIB + lib.getFileName(), new Content.Copy(lib));
        }
      }
      MarketplaceExport.Format format = settings.format();
      List<String> codexOptions = options(p, MarketplaceExport.Format.CODEX);
      if (!format.claude()) {
        if (!codexOptions.isEmpty()) {
          files.put(FormatFiles.MANIFEST, new Content.Bytes(Json.bytes(codexServers(p, codexOptions))));
        }
        return files;
      }
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
          files.put(FormatFiles.MANIFEST, new Content.Bytes(Json.bytes(codexServers(p, codexOptions))));
        }
        List<String> claudeOptions = options(p, MarketplaceExport.Format.CLAUDE);
        List<McpServerSpec> servers = bundle.mcpServers().stream()
            .map(s -> JavaServers.withOptions(s, claudeOptions)).toList();
        files.put(FormatFiles.MCP_FILE, new Content.Bytes(Json.bytes(
            ClaudeDialect.mcpConfig(bundle.name(), servers, files.keySet(), warnings))));
      }
      if (bundle.hooks().stream().anyMatch(h -> h.command().contains("${PLUGIN_ROOT}"))) {
        warnings.add(bundle.name() + ": hooks/hooks.json is copied as it is, and Claude Code does not expand"
            + " ${PLUGIN_ROOT} in hook commands (it expands ${CLAUDE_PLUGIN_ROOT})");
      }
      return files;
    }

    /**
     * {@code .codex-plugin/plugin.json} with the Codex servers inline, so that Codex ignores the root
     * {@code .mcp.json} (which holds the Claude dialect when Claude Code files are written, and is left as it is
     * otherwise). The servers are copied as written in the jar, with {@code options} after {@code java} in the
     * bundled Java server.
     */
    private ObjectNode codexServers(Loaded p, List<String> options) throws MarketplaceExportException {
      ObjectNode manifest = inlineCodexServers(p);
      JsonNode servers = manifest.get("mcpServers");
      if (!options.isEmpty() && servers != null && servers.isObject()) {
        servers.fields().forEachRemaining(e -> JavaServers.withOptions(e.getValue(), options));
      }
      return manifest;
    }

    private ObjectNode inlineCodexServers(Loaded p) throws MarketplaceExportException {
      Optional<byte[]> original = p.bundle().files().contains(FormatFiles.MANIFEST)
          ? readText(p, FormatFiles.MANIFEST) : Optional.empty();
      ObjectNode manifest;
      if (original.isEmpty()) {
        manifest = BundleWriter.manifest(p.bundle());
      } else {
        manifest = parseObject(p, FormatFiles.MANIFEST, original.get());
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
      Optional<byte[]> mcp = p.bundle().files().contains(path) ? readText(p, path) : Optional.empty();
      if (mcp.isPresent()) {
        ObjectNode config = parseObject(p, path, mcp.get());
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

    private static Optional<byte[]> readText(Loaded p, String file) throws MarketplaceExportException {
      Report report = new Report(Context.EXPORT, p.source().location());
      Optional<byte[]> bytes = p.source().read(file, Limits.MAX_TEXT_BYTES, report.reading(HostImpact.DROPS_PART));
      if (bytes.isEmpty()) {
        throw new MarketplaceExportException(Report.Problem.of(FindingCode.INVALID_BUNDLE, Context.EXPORT,
            Place.of(file), f -> { }).found(file + " of plugin " + p.name() + " in " + p.jar() + ", unreadable")
            .fix("rebuild the jar").finding(), report.errors());
      }
      return bytes;
    }

    private static ObjectNode parseObject(Loaded p, String file, byte[] bytes) throws MarketplaceExportException {
      Report report = new Report(Context.EXPORT, p.source().location());
      Optional<JsonNode> json = Json.parse(bytes, file, report.reading(HostImpact.DROPS_PART));
      if (json.isEmpty() || !json.get().isObject()) {
        throw new MarketplaceExportException(Report.Problem.of(FindingCode.INVALID_BUNDLE, Context.EXPORT,
            Place.of(file), f -> { }).found(file + " of plugin " + p.name() + " in " + p.jar() + ", not a JSON object")
            .fix("rebuild the jar").finding(), report.errors());
      }
      return (ObjectNode) json.get();
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

    private String category(Loaded p) {
      return settings.category().isEmpty() ? p.bundle().manifest().ui().category() : settings.category();
    }
  }
}
