package dev.codexplugin.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Bundles for the catalog, diff and doctor tests, laid out as the processor writes them. */
final class CatalogFixtures {
  private CatalogFixtures() {}

  /** The tools file of the version-tools plugin, as the processor writes it (descriptors of tools/list). */
  static String toolsFile(String server, String... tools) {
    StringBuilder list = new StringBuilder();
    for (String tool : tools) {
      list.append(list.length() == 0 ? "" : ",\n").append(tool);
    }
    return """
        {
          "formatVersion": 1,
          "server": "%s",
          "main": "com.acme.tools.ToolsMcpServer",
          "tools": [
        %s
          ]
        }
        """.formatted(server, list);
  }

  static final String COMPARE = """
          {"name": "compare", "title": "Compare versions", "description": "Compare two versions",
           "inputSchema": {"type": "object", "properties": {"a": {"type": "string", "description": "first"},
             "b": {"type": "string", "description": "second"}}, "required": ["a", "b"],
             "additionalProperties": false},
           "outputSchema": {"type": "object", "properties": {"order": {"type": "integer"}}, "required": ["order"]},
           "annotations": {"readOnlyHint": true, "idempotentHint": true, "openWorldHint": false}}""";

  static final String BUMP = """
          {"name": "bump", "description": "Bump a version",
           "inputSchema": {"type": "object", "properties": {"version": {"type": "string"},
             "level": {"type": "string", "enum": ["MAJOR", "MINOR", "PATCH"]}}, "required": ["version", "level"]}}""";

  /** A plugin with Java tools served by {@code java -cp lib/* ...} in the plugin folder. */
  static PluginBundle javaTools(String name, String version, String server) {
    PluginManifest manifest = PluginManifest.builder(name)
        .version(version)
        .description("Version tools written in Java")
        .keywords(List.of("semver"))
        .ui(PluginUi.builder()
            .displayName("Version Tools")
            .category("developer-tools")
            .capabilities(List.of("versioning"))
            .build())
        .build();
    McpServerSpec java = McpServerSpec.builder(server)
        .command("java")
        .args(List.of("-cp", "lib/*", "com.acme.tools.ToolsMcpServer"))
        .cwd(".")
        .build();
    return PluginBundle.builder(manifest).mcpServers(List.of(java)).build();
  }

  /** The files of {@code bundle} plus a tools file for its server. */
  static SortedMap<String, byte[]> withTools(PluginBundle bundle, String... tools) {
    return ExportFixtures.files(bundle, Map.of("mcp-tools.json",
        toolsFile(bundle.mcpServers().get(0).name(), tools)));
  }

  /** A plugin of the ops team: another capability, category and keyword, its own server. */
  static PluginBundle ops(String version) {
    PluginManifest manifest = PluginManifest.builder("ops-plugin")
        .version(version)
        .description("Incident response")
        .keywords(List.of("Incidents", "oncall"))
        .ui(PluginUi.builder()
            .displayName("Ops")
            .category("operations")
            .capabilities(List.of("incident-response"))
            .build())
        .build();
    McpServerSpec pager = McpServerSpec.http("pager", "https://pager.example.com/mcp").build();
    return PluginBundle.builder(manifest)
        .skills(List.of(ExportFixtures.skill("triage", "Triage an incident. Use when paged.", List.of())))
        .mcpServers(List.of(pager))
        .build();
  }

  static SortedMap<String, byte[]> files(PluginBundle bundle) {
    return new TreeMap<>(ExportFixtures.files(bundle, Map.of()));
  }
}
