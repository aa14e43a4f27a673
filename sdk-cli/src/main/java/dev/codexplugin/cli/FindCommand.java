package dev.codexplugin.cli;

import dev.codexplugin.runtime.PluginCatalog;
import dev.codexplugin.runtime.PluginQuery;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code find <source> [conditions]}: the plugins of a catalog that meet every condition. */
@Command(name = "find", mixinStandardHelpOptions = true,
    description = "Find plugins in a jar, a folder of jars, a marketplace root, a Codex home or a class path by"
        + " name and version range, capability, category, keyword, skill, MCP server or tool; exit 0 when"
        + " something matches, 1 when nothing does, 2 on a bad range or source.")
final class FindCommand implements Callable<Integer> {
  @Mixin CatalogSource source;

  @Option(names = "--name", description = "The plugin name.") String name;

  @Option(names = "--range", paramLabel = "<range>",
      description = "Versions in npm syntax: ^1.2, ~1.2, \">=1 <2\", \"1.x || >=3\".") String range;

  @Option(names = "--pre", description = "Let pre-releases (2.0.0-rc.1) match too.") boolean pre;

  @Option(names = "--latest", description = "Only the highest matching version of each plugin.") boolean latest;

  @Option(names = "--capability", description = "An interface.capabilities entry (any case).") String capability;

  @Option(names = "--category", description = "The interface.category (any case).") String category;

  @Option(names = "--keyword", description = "A keyword (any case).") String keyword;

  @Option(names = "--skill", description = "A skill the plugin has.") String skill;

  @Option(names = "--server", description = "An MCP server the plugin defines.") String server;

  @Option(names = "--tool", description = "A Java tool the plugin offers.") String tool;

  @Option(names = "--json", description = "Print JSON instead of text.") boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!source.valid()) {
      err.println("codexplugin find: name one source: a path, --class-path or --codex-home");
      err.flush();
      return Main.USAGE;
    }
    PluginQuery query = PluginQuery.all().named(name).withCapability(capability).inCategory(category)
        .withKeyword(keyword).withSkill(skill).withMcpServer(server).withTool(tool);
    try {
      if (range != null) {
        query = query.inRange(range);
      }
    } catch (IllegalArgumentException e) {
      err.println("codexplugin find: " + SafeWriter.text(e.getMessage()));
      err.flush();
      return Main.USAGE;
    }
    if (pre) {
      query = query.includingPreReleases();
    }
    if (!source.exists()) {
      err.println("codexplugin find: " + SafeWriter.text(source.describe()) + " does not exist");
      err.flush();
      return Main.USAGE;
    }
    PluginCatalog catalog = source.open();
    List<PluginCatalog.Entry> found = latest ? catalog.latest(query) : catalog.find(query);
    if (json) {
      out.print(CatalogText.json(source.describe(), found, catalog.findings()));
    } else {
      if (found.isEmpty()) {
        out.println("no plugin matches " + SafeWriter.text(query) + " in " + SafeWriter.text(source.describe()));
      }
      CatalogText.entries(found, out);
      CatalogText.findings(catalog.findings(), out);
    }
    out.flush();
    return found.isEmpty() ? Main.FINDINGS : Main.OK;
  }
}
