package dev.codexplugin.cli;

import dev.codexplugin.packages.ArtifactSource;
import dev.codexplugin.packages.PackageException;
import dev.codexplugin.packages.StandaloneResolver;
import dev.codexplugin.runtime.ExportSummary;
import dev.codexplugin.runtime.LoadResult;
import dev.codexplugin.runtime.MarketplaceExport;
import dev.codexplugin.runtime.MarketplaceExportException;
import dev.codexplugin.runtime.PluginLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export <jar>... --out <dir>}: a marketplace folder the real hosts install. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write a local marketplace holding every plugin bundle of the jars: "
        + ".agents/plugins/marketplace.json (Codex) and/or .claude-plugin/marketplace.json (Claude Code), and "
        + "plugins/<name>/ for each bundle. Deterministic and atomic; replaces only a folder an earlier export "
        + "created, unless --force.",
        "Then: codex plugin marketplace add <dir> && codex plugin add <plugin>@<marketplace>"})
final class ExportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "<jar>", arity = "1..*", description = "Jars holding plugin bundles.")
  List<Path> jars;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "<dir>",
      description = "The marketplace folder to write, e.g. target/codex-plugin.")
  Path out;

  @Option(names = "--format", paramLabel = "codex|claude|both", defaultValue = "codex",
      description = "Which hosts to write for (default: ${DEFAULT-VALUE}).")
  MarketplaceExport.Format format;

  @Option(names = {"-m", "--marketplace"}, paramLabel = "<name>",
      description = "The marketplace name: letters, digits, _ and - (default: the name of the --out folder).")
  String marketplace;

  @Option(names = "--display-name", paramLabel = "<text>", description = "The name hosts show (default: the name).")
  String displayName = "";

  @Option(names = "--description", paramLabel = "<text>",
      description = "What the marketplace offers (Claude Code; default: the plugin's description).")
  String description = "";

  @Option(names = "--owner", paramLabel = "<name>",
      description = "The owner in Claude Code's marketplace.json (default: the display name).")
  String owner = "";

  @Option(names = "--category", paramLabel = "<category>",
      description = "The category of every entry (default: each plugin's interface.category).")
  String category = "";

  @Option(names = "--installation", paramLabel = "<policy>", defaultValue = "AVAILABLE",
      description = "policy.installation: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  MarketplaceExport.InstallationPolicy installation;

  @Option(names = "--authentication", paramLabel = "<policy>", defaultValue = "ON_INSTALL",
      description = "policy.authentication: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  MarketplaceExport.AuthenticationPolicy authentication;

  @Option(names = "--lib", paramLabel = "<jar|dir>",
      description = "Runtime dependencies for bundles with Java tools: a jar, or a folder of jars (e.g. from"
          + " mvn dependency:copy-dependencies). Repeatable. Without it, they are resolved from the pom.xml a jar"
          + " built by Maven carries (META-INF/maven/), with Maven Resolver.")
  List<Path> libs = new ArrayList<>();

  @Option(names = {"-s", "--settings"}, paramLabel = "<file>",
      description = "Maven settings for resolving runtime dependencies (default: ~/.m2/settings.xml).")
  Path settings;

  @Option(names = "--local-repository", paramLabel = "<dir>",
      description = "The local Maven repository (default: the settings', else ~/.m2/repository).")
  Path localRepository;

  @Option(names = "--offline", description = "Resolve runtime dependencies from the local repository only.")
  boolean offline;

  @Option(names = "--zip", paramLabel = "<file>", description = "Also write a deterministic zip of the folder.")
  Path zip;

  @Option(names = "--force", description = "Replace --out even if an earlier export did not create it.")
  boolean force;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    MarketplaceExport export;
    try {
      String name = marketplace != null ? marketplace
          : out(this.out).getFileName() == null ? "" : out(this.out).getFileName().toString();
      MarketplaceExport.Builder builder = MarketplaceExport.builder().marketplaceName(name)
          .displayName(displayName).description(description).owner(owner).category(category)
          .installationPolicy(installation).authenticationPolicy(authentication).format(format).force(force);
      List<Path> libraries = libraries();
      Map<Path, List<Path>> resolved = libs.isEmpty() ? resolve(out) : Map.of();
      jars.forEach(jar -> builder.addJar(jar, resolved.getOrDefault(jar, libraries)));
      export = builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("codexplugin export: " + t(e.getMessage())
          + (marketplace == null ? " Name it with --marketplace <name>." : ""));
      err.flush();
      return Main.USAGE;
    } catch (IOException e) {
      err.println("codexplugin export: cannot list --lib: " + t(e));
      err.flush();
      return Main.USAGE;
    } catch (PackageException e) {
      err.println("codexplugin export: " + t(e.getMessage()) + "; give the runtime dependencies with --lib <dir> (e.g."
          + " the folder `mvn dependency:copy-dependencies -DincludeScope=runtime` writes); nothing was written");
      err.flush();
      return Main.FINDINGS;
    }
    String folderInput = libFolderProblem();
    if (folderInput != null) {
      err.println("codexplugin export: " + dev.codexplugin.runtime.FindingCode.UNSAFE_PATH.tag() + " " + folderInput);
      err.flush();
      return Main.FINDINGS;
    }
    try {
      ExportSummary summary = zip == null ? export.exportTo(this.out) : export.exportTo(this.out, zip);
      Path zipped = zip == null ? null : zip.toAbsolutePath().normalize();
      print(summary, zipped, out);
      out.flush();
      return Main.OK;
    } catch (MarketplaceExportException e) {
      err.println("codexplugin export: " + e.getMessage());
      err.flush();
      return Main.FINDINGS;
    }
  }

  private static Path out(Path out) {
    return out.toAbsolutePath().normalize();
  }

  /**
   * Without {@code --lib}: the runtime dependencies of each jar that holds a bundle with Java tools
   * ({@code mcp-tools.json}), resolved from the pom the jar carries, so that its server can start from
   * {@code lib/}. A jar whose bundles cannot be read is left to the export, which reports it.
   */
  private Map<Path, List<Path>> resolve(PrintWriter out) throws PackageException {
    List<Path> needing = new ArrayList<>();
    for (Path jar : jars) {
      if (!Files.isRegularFile(jar)) {
        continue;
      }
      LoadResult loaded = PluginLoader.check(jar);
      if (loaded.bundles().stream().anyMatch(b -> b.files().contains("mcp-tools.json"))) {
        needing.add(jar);
      }
    }
    if (needing.isEmpty()) {
      return Map.of();
    }
    StandaloneResolver.Options options = StandaloneResolver.Options.defaults().withOffline(offline);
    if (settings != null) {
      options = options.withSettings(settings);
    }
    if (localRepository != null) {
      options = options.withLocalRepository(localRepository);
    }
    Map<Path, List<Path>> resolved = new LinkedHashMap<>();
    try (StandaloneResolver resolver = StandaloneResolver.open(options)) {
      ArtifactSource source = resolver.settingsSource();
      for (Path jar : needing) {
        List<ArtifactSource.Resolved> dependencies = source.runtimeDependencies(jar);
        resolved.put(jar, dependencies.stream().map(ArtifactSource.Resolved::file).toList());
        out.println("resolved " + dependencies.size() + " runtime dependenc" + (dependencies.size() == 1 ? "y" : "ies")
            + " of " + t(jar) + " from its pom.xml" + (resolver.offline() ? " (offline)" : ""));
      }
    }
    return resolved;
  }

  /** The --lib jars; a folder contributes its {@code *.jar} files, sorted. */
  /**
   * A {@code --lib} folder is an input too: {@code --out} equal to it, inside it or around it, and {@code --zip}
   * inside it, would write into what this (and the next) export reads. Null when there is no such problem.
   */
  private String libFolderProblem() {
    Path outPath = out(this.out);
    for (Path lib : libs) {
      if (!Files.isDirectory(lib)) {
        continue;
      }
      Path folder = real(out(lib));
      Path realOut = real(outPath);
      if (realOut.startsWith(folder) || folder.startsWith(realOut)) {
        return "--out " + outPath + " is " + (realOut.equals(folder) ? "the" : folder.startsWith(realOut)
            ? "around the" : "inside the") + " --lib folder " + out(lib) + ", an input of the export; export to a"
            + " folder outside it, e.g. --out target/codex-plugin";
      }
      if (zip != null && real(out(zip)).startsWith(folder)) {
        return "--zip " + out(zip) + " is inside the --lib folder " + out(lib) + ", an input of the export; write"
            + " it elsewhere, e.g. --zip " + outPath + ".zip";
      }
    }
    return null;
  }

  /** The real path of {@code p}, or of its nearest existing parent joined with the rest. */
  private static Path real(Path p) {
    Path existing = p;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return p;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(p));
    } catch (IOException e) {
      return p;
    }
  }

  private List<Path> libraries() throws IOException {
    List<Path> all = new ArrayList<>();
    for (Path lib : libs) {
      if (Files.isDirectory(lib)) {
        try (Stream<Path> files = Files.list(lib)) {
          files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted()
              .forEach(all::add);
        }
      } else {
        all.add(lib);
      }
    }
    return all;
  }

  private static String t(Object value) {
    return SafeWriter.text(value);
  }

  static void print(ExportSummary summary, Path zip, PrintWriter out) {
    String hosts = switch (summary.format()) {
      case CODEX -> "Codex";
      case CLAUDE -> "Claude Code";
      case BOTH -> "Codex and Claude Code";
    };
    out.println("exported marketplace " + t(summary.marketplaceName()) + " (" + hosts + ") to " + t(summary.root()));
    if (zip != null) {
      out.println("  zip: " + t(zip));
    }
    for (ExportSummary.ExportedPlugin p : summary.plugins()) {
      out.println("  " + t(p.name()) + " " + t(p.version()) + "  " + t(p.folder()) + "  (from " + t(p.jar()) + ")");
      out.println("    skills: " + (p.skills().isEmpty() ? "-" : t(String.join(", ", p.skills()))));
      out.println("    MCP servers: " + (p.mcpServers().isEmpty() ? "-" : t(String.join(", ", p.mcpServers()))));
      if (p.hasJavaTools()) {
        out.println("    lib: " + p.libraries().size() + " jar(s)");
      }
    }
    if (!summary.warnings().isEmpty()) {
      out.println("warnings:");
      summary.warnings().forEach(w -> out.println("  " + w));
    }
    out.println("install:");
    if (summary.format().codex()) {
      out.println("  codex plugin marketplace add " + t(summary.root()));
      summary.pluginIds().forEach(id -> out.println("  codex plugin add " + t(id)));
    }
    if (summary.format().claude()) {
      out.println("  claude plugin marketplace add " + t(summary.root()));
      summary.pluginIds().forEach(id -> out.println("  claude plugin install " + t(id)));
    }
  }
}
