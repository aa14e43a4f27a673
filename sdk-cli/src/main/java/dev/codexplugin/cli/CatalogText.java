package dev.codexplugin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginCatalog;
import dev.codexplugin.runtime.ToolSpec;
import java.io.PrintWriter;
import java.util.List;

/** Catalog entries for people and for tools. */
final class CatalogText {
  private CatalogText() {}

  static void entries(List<PluginCatalog.Entry> entries, PrintWriter out) {
    for (PluginCatalog.Entry e : entries) {
      PluginBundle b = e.bundle();
      out.println(t(e.id()) + " " + t(e.version()) + "  " + t(e.source()));
      out.println("  skills: " + (b.skills().isEmpty() ? "-" : t(String.join(", ", b.qualifiedSkillNames()))));
      out.println("  MCP servers: " + (b.mcpServers().isEmpty() ? "-"
          : t(String.join(", ", b.mcpServers().stream().map(McpServerSpec::name).toList()))));
      if (!b.tools().isEmpty()) {
        out.println("  tools: " + t(String.join(", ", b.tools().stream().map(tool -> tool.server() + "/" + tool.name()).toList())));
      }
    }
  }

  private static String t(String s) {
    return SafeWriter.text(s);
  }

  static void findings(List<Finding> findings, PrintWriter out) {
    long errors = findings.stream().filter(Finding::isError).count();
    if (!findings.isEmpty()) {
      out.println(errors + " error(s), " + (findings.size() - errors) + " warning(s):");
      findings.forEach(f -> out.println("  " + f));
    }
  }

  static String json(String source, List<PluginCatalog.Entry> entries, List<Finding> findings) {
    ObjectNode json = CliJson.object();
    json.put("source", source);
    ArrayNode plugins = json.putArray("plugins");
    for (PluginCatalog.Entry e : entries) {
      ObjectNode p = plugins.addObject();
      p.put("id", e.id());
      p.put("name", e.name());
      p.put("version", e.version());
      p.put("marketplace", e.marketplace());
      p.put("source", e.source());
      p.set("skills", CliJson.strings(e.bundle().qualifiedSkillNames()));
      p.set("mcpServers", CliJson.strings(e.bundle().mcpServers().stream().map(McpServerSpec::name).toList()));
      p.set("tools", CliJson.strings(e.bundle().tools().stream().map(ToolSpec::name).toList()));
      p.put("category", e.bundle().manifest().ui().category());
      p.set("capabilities", CliJson.strings(e.bundle().manifest().ui().capabilities()));
      p.set("keywords", CliJson.strings(e.bundle().manifest().keywords()));
    }
    json.set("findings", CliJson.findings(findings));
    return CliJson.text(json);
  }
}
