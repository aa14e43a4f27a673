package dev.codexplugin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.LoadResult;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginLoader;
import dev.codexplugin.runtime.internal.BundleJson;
import dev.codexplugin.runtime.internal.Json;
import dev.codexplugin.runtime.internal.MarketplaceReader;
import dev.codexplugin.runtime.internal.Report;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code list <marketplace-root>}: the plugins a marketplace offers, and whether each would install. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the plugins of a marketplace root (.agents/plugins/marketplace.json and/or"
        + " .claude-plugin/marketplace.json) with their skills and MCP servers; exit 1 when an entry would not"
        + " install.")
final class ListCommand implements Callable<Integer> {
  @Parameters(paramLabel = "<marketplace-root>", description = "The folder holding .agents/ or .claude-plugin/.")
  Path root;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private record Row(MarketplaceReader.Catalog catalog, MarketplaceReader.Entry entry, LoadResult plugin) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isDirectory(root)) {
      spec.commandLine().getErr().println("codexplugin list: " + root + " is not a folder; name a marketplace root");
      spec.commandLine().getErr().flush();
      return Main.USAGE;
    }
    Report report = new Report(Report.Mode.LOAD, root.toString());
    List<MarketplaceReader.Catalog> catalogs = MarketplaceReader.read(root, report);
    List<Finding> findings = new ArrayList<>(report.findings());
    List<Row> rows = new ArrayList<>();
    for (MarketplaceReader.Catalog catalog : catalogs) {
      for (MarketplaceReader.Entry entry : catalog.entries()) {
        LoadResult plugin = entry.folder().map(PluginLoader::check).orElse(new LoadResult(List.of(), List.of()));
        rows.add(new Row(catalog, entry, plugin));
        findings.addAll(plugin.errors());
        Targets.nameMismatch(root, catalog, entry, plugin).ifPresent(findings::add);
      }
    }
    List<Finding> errors = findings.stream().filter(Finding::isError).toList();
    if (json) {
      out.print(json(catalogs, rows, errors));
    } else {
      text(catalogs, rows, errors, out);
    }
    out.flush();
    if (catalogs.isEmpty()) {
      return Main.USAGE;
    }
    return errors.isEmpty() ? Main.OK : Main.FINDINGS;
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
