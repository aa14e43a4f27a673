package dev.codexplugin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.Severity;
import dev.codexplugin.runtime.LoadResult;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginCatalog;
import dev.codexplugin.runtime.PluginLoader;
import dev.codexplugin.runtime.internal.BundleJson;
import dev.codexplugin.runtime.format.Json;
import dev.codexplugin.runtime.format.MarketplaceReader;
import dev.codexplugin.runtime.format.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code list <source>}: the plugins a marketplace offers, and whether each would install; or the plugins of any
 * other catalog source (a folder of jars, a jar, a Codex home or cache, a class path) and their conflicts.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the plugins of a marketplace root (.agents/plugins/marketplace.json and/or"
        + " .claude-plugin/marketplace.json), a folder of jars, a jar, a Codex home (--codex-home) or a class path"
        + " (--class-path), with their skills, MCP servers and tools, and the conflicts between them; exit 1 when"
        + " an entry would not install or two plugins define the same MCP server.")
final class ListCommand implements Callable<Integer> {
  @Mixin CatalogSource source;

  Path root;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private record Row(MarketplaceReader.Catalog catalog, MarketplaceReader.Entry entry, LoadResult plugin) {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (!source.valid()) {
      spec.commandLine().getErr().println("codexplugin list: name one source: a path, --class-path or --codex-home");
      spec.commandLine().getErr().flush();
      return Main.USAGE;
    }
    root = source.path;
    if (root == null || !MarketplaceReader.isMarketplace(root) || Files.isRegularFile(root)) {
      return catalog(out);
    }
    if (!Files.isDirectory(root)) {
      spec.commandLine().getErr().println("codexplugin list: " + root + " is not a folder; name a marketplace root");
      spec.commandLine().getErr().flush();
      return Main.USAGE;
    }
    Report report = new Report(FindingCode.Context.LOAD, root.toString());
    List<MarketplaceReader.Catalog> catalogs = MarketplaceReader.read(root, report);
    List<Finding> findings = new ArrayList<>(report.findings());
    List<Row> rows = new ArrayList<>();
    // A folder that both marketplace files list (an export with --format both) is one plugin, not two copies.
    Map<Path, LoadResult> folders = new LinkedHashMap<>();
    for (MarketplaceReader.Catalog catalog : catalogs) {
      for (MarketplaceReader.Entry entry : catalog.entries()) {
        LoadResult plugin = entry.folder().map(folder -> folders.computeIfAbsent(folder.normalize(), f -> {
          LoadResult checked = PluginLoader.check(f);
          findings.addAll(checked.errors());
          return checked;
        })).orElse(new LoadResult(List.of(), List.of()));
        rows.add(new Row(catalog, entry, plugin));
        Targets.nameMismatch(root, catalog, entry, plugin).ifPresent(findings::add);
      }
    }
    List<PluginBundle> loaded = folders.values().stream().flatMap(r -> r.bundles().stream()).toList();
    List<Finding> conflicts = PluginCatalog.of(loaded).conflicts();
    findings.addAll(conflicts);
    List<Finding> errors = findings.stream().filter(Finding::isError).toList();
    List<Finding> warnings = conflicts.stream().filter(f -> !f.isError()).toList();
    if (json) {
      out.print(json(catalogs, rows, errors));
    } else {
      text(catalogs, rows, errors, out);
      warnings.forEach(w -> out.println("  " + w));
    }
    out.flush();
    if (catalogs.isEmpty()) {
      return Main.USAGE;
    }
    return errors.isEmpty() ? Main.OK : Main.FINDINGS;
  }

  /** Any other source: the catalog's entries and findings. */
  private int catalog(PrintWriter out) throws IOException {
    if (!source.exists()) {
      spec.commandLine().getErr().println("codexplugin list: " + source.describe() + " does not exist");
      spec.commandLine().getErr().flush();
      return Main.USAGE;
    }
    PluginCatalog catalog = source.open();
    if (json) {
      out.print(CatalogText.json(source.describe(), catalog.entries(), catalog.findings()));
    } else {
      CatalogText.entries(catalog.entries(), out);
      CatalogText.findings(catalog.findings(), out);
      if (catalog.entries().isEmpty() && catalog.findings().isEmpty()) {
        out.println(new Finding(FindingCode.NO_BUNDLE, Severity.ERROR, source.describe(), "", "",
            "must hold plugins: plugin jars, a marketplace, a Codex plugin cache or plugin folders; found none."));
      }
    }
    out.flush();
    if (catalog.entries().isEmpty()) {
      return Main.USAGE;
    }
    return catalog.hasErrors() ? Main.FINDINGS : Main.OK;
  }

  private void text(List<MarketplaceReader.Catalog> catalogs, List<Row> rows, List<Finding> errors, PrintWriter out) {
    for (MarketplaceReader.Catalog catalog : catalogs) {
      out.println(catalog.name() + (catalog.displayName().isEmpty() ? "" : " \"" + catalog.displayName() + "\"")
          + "  " + (catalog.host().equals("codex") ? "Codex" : "Claude Code") + ": " + root.resolve(catalog.file()));
      for (Row row : rows) {
        if (row.catalog() != catalog) {
          continue;
        }
        MarketplaceReader.Entry e = row.entry();
        StringBuilder line = new StringBuilder("  ").append(e.name());
        row.plugin().bundles().stream().findFirst().ifPresent(b -> line.append(' ').append(b.version()));
        line.append("  ").append(e.source());
        if (!e.installation().isEmpty() || !e.authentication().isEmpty()) {
          line.append("  ").append(e.installation()).append('/').append(e.authentication());
        }
        if (!e.category().isEmpty()) {
          line.append("  ").append(e.category());
        }
        out.println(line);
        for (PluginBundle b : row.plugin().bundles()) {
          out.println("    skills: " + (b.skills().isEmpty() ? "-" : String.join(", ", b.qualifiedSkillNames())));
          out.println("    MCP servers: " + (b.mcpServers().isEmpty() ? "-"
              : String.join(", ", b.mcpServers().stream().map(McpServerSpec::name).toList())));
        }
      }
    }
    if (!errors.isEmpty()) {
      out.println(errors.size() + (errors.size() == 1 ? " error:" : " errors:"));
      errors.forEach(e -> out.println("  " + e));
    }
  }

  private String json(List<MarketplaceReader.Catalog> catalogs, List<Row> rows, List<Finding> errors) {
    ObjectNode json = Json.object();
    json.put("root", root.toAbsolutePath().normalize().toString());
    ArrayNode marketplaces = json.putArray("marketplaces");
    for (MarketplaceReader.Catalog catalog : catalogs) {
      ObjectNode m = marketplaces.addObject();
      m.put("host", catalog.host());
      m.put("file", catalog.file());
      m.put("name", catalog.name());
      m.put("displayName", catalog.displayName());
      m.put("owner", catalog.owner());
      m.put("description", catalog.description());
      ArrayNode plugins = m.putArray("plugins");
      for (Row row : rows) {
        if (row.catalog() != catalog) {
          continue;
        }
        MarketplaceReader.Entry e = row.entry();
        ObjectNode p = plugins.addObject();
        p.put("name", e.name());
        p.put("source", e.source());
        p.put("installation", e.installation());
        p.put("authentication", e.authentication());
        p.put("category", e.category());
        row.plugin().bundles().stream().findFirst().ifPresent(b -> {
          p.put("version", b.version());
          p.set("skills", Json.strings(b.qualifiedSkillNames()));
          p.set("mcpServers", Json.strings(b.mcpServers().stream().map(McpServerSpec::name).toList()));
        });
      }
    }
    json.set("errors", BundleJson.findings(errors));
    return new String(Json.bytes(json), StandardCharsets.UTF_8);
  }
}
