package dev.codexplugin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.Severity;
import dev.codexplugin.runtime.Marketplace;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (!source.valid()) {
      spec.commandLine().getErr().println("codexplugin list: name one source: a path, --class-path or --codex-home");
      spec.commandLine().getErr().flush();
      return Main.USAGE;
    }
    root = source.path;
    if (root == null || !Files.isDirectory(root) || !Marketplace.isMarketplace(root)) {
      return catalog(out);
    }
    Marketplace market = Marketplace.read(root);
    List<Finding> conflicts = PluginCatalog.of(market.bundles()).conflicts();
    List<Finding> errors = new ArrayList<>(market.findings().stream().filter(Finding::isError).toList());
    errors.addAll(conflicts.stream().filter(Finding::isError).toList());
    List<Finding> warnings = conflicts.stream().filter(f -> !f.isError()).toList();
    if (json) {
      out.print(json(market, errors));
    } else {
      text(market, errors, out);
      warnings.forEach(w -> out.println("  " + w));
    }
    out.flush();
    if (market.files().isEmpty()) {
      return Main.USAGE;
    }
    return errors.isEmpty() ? Main.OK : Main.FINDINGS;
  }

  /** Any other source: the catalog's entries and findings. */
  private int catalog(PrintWriter out) throws IOException {
    if (!source.exists()) {
      spec.commandLine().getErr().println("codexplugin list: " + t(source.describe()) + " does not exist");
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
            FindingCode.NO_BUNDLE.message(java.util.Map.of(), "no plugin jars, marketplace, Codex plugin cache or"
                + " plugin folder", "point at one of them")));
      }
    }
    out.flush();
    if (catalog.entries().isEmpty()) {
      return Main.USAGE;
    }
    return catalog.hasErrors() ? Main.FINDINGS : Main.OK;
  }

  private void text(Marketplace market, List<Finding> errors, PrintWriter out) {
    for (Marketplace.File file : market.files()) {
      out.println(t(file.name()) + (file.displayName().isEmpty() ? "" : " \"" + t(file.displayName()) + "\"")
          + "  " + (file.host() == Marketplace.Host.CODEX ? "Codex" : "Claude Code") + ": "
          + t(root.resolve(file.file()).toString()));
      for (Marketplace.Entry e : file.entries()) {
        StringBuilder line = new StringBuilder("  ").append(t(e.name()));
        e.bundle().ifPresent(b -> line.append(' ').append(t(b.version())));
        line.append("  ").append(t(e.source()));
        if (!e.installation().isEmpty() || !e.authentication().isEmpty()) {
          line.append("  ").append(t(e.installation())).append('/').append(t(e.authentication()));
        }
        if (!e.category().isEmpty()) {
          line.append("  ").append(t(e.category()));
        }
        out.println(line);
        e.bundle().ifPresent(b -> {
          out.println("    skills: " + (b.skills().isEmpty() ? "-" : t(String.join(", ", b.qualifiedSkillNames()))));
          out.println("    MCP servers: " + (b.mcpServers().isEmpty() ? "-"
              : t(String.join(", ", b.mcpServers().stream().map(McpServerSpec::name).toList()))));
        });
      }
    }
    if (!errors.isEmpty()) {
      out.println(errors.size() + (errors.size() == 1 ? " error:" : " errors:"));
      errors.forEach(e -> out.println("  " + e));
    }
  }

  private static String t(String s) {
    return SafeWriter.text(s);
  }

  private String json(Marketplace market, List<Finding> errors) {
    ObjectNode json = CliJson.object();
    json.put("root", root.toAbsolutePath().normalize().toString());
    ArrayNode marketplaces = json.putArray("marketplaces");
    for (Marketplace.File file : market.files()) {
      ObjectNode m = marketplaces.addObject();
      m.put("host", file.host().name().toLowerCase(Locale.ROOT));
      m.put("file", file.file());
      m.put("name", file.name());
      m.put("displayName", file.displayName());
      m.put("owner", file.owner());
      m.put("description", file.description());
      ArrayNode plugins = m.putArray("plugins");
      for (Marketplace.Entry e : file.entries()) {
        ObjectNode p = plugins.addObject();
        p.put("name", e.name());
        p.put("source", e.source());
        p.put("installation", e.installation());
        p.put("authentication", e.authentication());
        p.put("category", e.category());
        e.bundle().ifPresent(b -> {
          p.put("version", b.version());
          p.set("skills", CliJson.strings(b.qualifiedSkillNames()));
          p.set("mcpServers", CliJson.strings(b.mcpServers().stream().map(McpServerSpec::name).toList()));
        });
      }
    }
    json.set("errors", CliJson.findings(errors));
    return CliJson.text(json);
  }
}
