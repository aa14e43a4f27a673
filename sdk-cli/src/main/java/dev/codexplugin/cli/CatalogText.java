package dev.codexplugin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginCatalog;
import dev.codexplugin.runtime.ToolSpec;
import dev.codexplugin.runtime.internal.BundleJson;
import dev.codexplugin.runtime.format.Json;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Catalog entries for people and for tools. */
final class CatalogText {
  private CatalogText() {}

  static void entries(List<PluginCatalog.Entry> entries, PrintWriter out) {
    for (PluginCatalog.Entry e : entries) {
      PluginBundle b = e.bundle();
      out.println(e.id() + " " + e.version() + "  " + e.source());
      out.println("  skills: " + (b.skills().isEmpty() ? "-" : String.join(", ", b.qualifiedSkillNames())));
      out.println("  MCP servers: " + (b.mcpServers().isEmpty() ? "-"
          : String.join(", ", b.mcpServers().stream().map(McpServerSpec::name).toList())));
      if (!b.tools().isEmpty()) {
        out.println("  tools: " + String.join(", ", b.tools().stream().map(t -> t.server() + "/" + t.name()).toList()));
      }
    }
  }

  static void findings(List<Finding> findings, PrintWriter out) {
    long errors = findings.stream().filter(Finding::isError).count();
    if (!findings.isEmpty()) {
      out.println(errors + " error(s), " + (findings.size() - errors) + " warning(s):");
      findings.forEach(f -> out.println("  " + f));
    }
  }

  static String json(String source, List<PluginCatalog.Entry> entries, List<Finding> findings) {
    ObjectNode json = Json.object();
    json.put("source", source);
    ArrayNode plugins = json.putArray("plugins");
    for (PluginCatalog.Entry e : entries) {
      ObjectNode p = plugins.addObject();
      p.put("id", e.id());
      p.put("name", e.name());
      p.put("version", e.version());
      p.put("marketplace", e.marketplace());
      p.put("source", e.source());
      p.set("skills", Json.strings(e.bundle().qualifiedSkillNames()));
      p.set("mcpServers", Json.strings(e.bundle().mcpServers().stream().map(McpServerSpec::name).toList()));
      p.set("tools", Json.strings(e.bundle().tools().stream().map(ToolSpec::name).toList()));
      p.put("category", e.bundle().manifest().ui().category());
      p.set("capabilities", Json.strings(e.bundle().manifest().ui().capabilities()));
      p.set("keywords", Json.strings(e.bundle().manifest().keywords()));
    }
    json.set("findings", BundleJson.findings(findings));
    return new String(Json.bytes(json), StandardCharsets.UTF_8);
  }
}
