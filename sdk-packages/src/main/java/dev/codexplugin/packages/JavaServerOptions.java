package dev.codexplugin.packages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Puts JVM options (the class-data archive's) in front of the class path of a plugin's Java tool server in an
 * exported marketplace: in {@code .codex-plugin/plugin.json} (inline servers) or {@code .mcp.json} for Codex, in
 * the root {@code .mcp.json} (Claude's dialect, {@code ${CLAUDE_PLUGIN_ROOT}/lib/*}) for Claude Code. Only a
 * server whose command is {@code java} and whose arguments run {@code lib/*} is touched.
 *
 * <p>Hand-written because {@link dev.codexplugin.runtime.MarketplaceExport} has no option for it yet; it edits
 * the files the export just wrote in the staging folder, before any host sees them.
 */
final class JavaServerOptions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JavaServerOptions() {}

  /** Edits the plugin folder {@code plugin} of an exported marketplace. */
  static void apply(Path plugin, List<String> codexOptions, List<String> claudeOptions) throws IOException {
    Path manifest = plugin.resolve(".codex-plugin/plugin.json");
    Path mcp = plugin.resolve(".mcp.json");
    boolean inline = false;
    if (!codexOptions.isEmpty() && Files.isRegularFile(manifest)) {
      ObjectNode m = (ObjectNode) JSON.readTree(manifest.toFile());
      if (m.path("mcpServers").isObject()) {
        inline = true;
        if (edit((ObjectNode) m.get("mcpServers"), "lib/*", codexOptions)) {
          write(manifest, m);
        }
      }
    }
    if (Files.isRegularFile(mcp)) {
      ObjectNode c = (ObjectNode) JSON.readTree(mcp.toFile());
      JsonNode servers = c.path("mcpServers");
      if (servers.isObject()) {
        boolean claude = c.toString().contains("${CLAUDE_PLUGIN_ROOT}");
        List<String> options = claude ? claudeOptions : inline ? List.of() : codexOptions;
        String classPath = claude ? "${CLAUDE_PLUGIN_ROOT}/lib/*" : "lib/*";
        if (!options.isEmpty() && edit((ObjectNode) servers, classPath, options)) {
          write(mcp, c);
        }
      }
    }
  }

  private static boolean edit(ObjectNode servers, String classPath, List<String> options) {
    boolean changed = false;
    for (JsonNode server : servers) {
      JsonNode args = server.path("args");
      if (!"java".equals(server.path("command").asText()) || !args.isArray()) {
        continue;
      }
      boolean runsLib = false;
      for (JsonNode a : args) {
        runsLib |= classPath.equals(a.asText());
      }
      if (!runsLib) {
        continue;
      }
      ArrayNode list = (ArrayNode) args;
      for (int i = options.size() - 1; i >= 0; i--) {
        list.insert(0, TextNode.valueOf(options.get(i)));
      }
      changed = true;
    }
    return changed;
  }

  private static void write(Path file, ObjectNode json) throws IOException {
    Files.writeString(file, JsonFiles.text(json));
  }
}
