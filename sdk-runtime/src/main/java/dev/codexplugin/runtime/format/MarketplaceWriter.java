package dev.codexplugin.runtime.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes both dialects of {@code marketplace.json} (docs/FORMAT.md#marketplace), deterministically: entries in the
 * order given, which callers sort by plugin name.
 */
public final class MarketplaceWriter {
  private MarketplaceWriter() {}

  /**
   * One local plugin of a marketplace.
   *
   * @param name the plugin name, which the entry name must equal
   * @param folder its folder relative to the marketplace root, e.g. {@code plugins/team-workflow-plugin}
   * @param category the entry's category, or {@code ""}
   * @param description the plugin's description (Claude Code shows it), or {@code ""}
   * @param version the plugin version (Claude Code shows it)
   */
  public record Plugin(String name, String folder, String category, String description, String version) {}

  /**
   * {@value FormatFiles#CODEX_MARKETPLACE}: {@code {"name", "interface": {"displayName"}, "plugins": [{"name",
   * "source": {"source": "local", "path": "./<folder>"}, "policy": {"installation", "authentication"},
   * "category"}]}}.
   */
  public static byte[] codex(String name, String displayName, String installation, String authentication,
      List<Plugin> plugins) {
    ObjectNode json = Json.object();
    json.put("name", name);
    json.putObject("interface").put("displayName", displayName);
    ArrayNode entries = json.putArray("plugins");
    for (Plugin p : plugins) {
      ObjectNode entry = entries.addObject();
      entry.put("name", p.name());
      ObjectNode source = entry.putObject("source");
      source.put("source", "local");
      source.put("path", "./" + p.folder());
      ObjectNode policy = entry.putObject("policy");
      policy.put("installation", installation);
      policy.put("authentication", authentication);
      if (!p.category().isEmpty()) {
        entry.put("category", p.category());
      }
    }
    return Json.bytes(json);
  }

  /**
   * {@value FormatFiles#CLAUDE_MARKETPLACE}: {@code {"name", "owner": {"name"}, "description", "plugins": [{"name",
   * "source": "./<folder>", "description", "version", "category"}]}} (Claude Code's strict validation wants the
   * owner and a description).
   */
  public static byte[] claude(String name, String owner, String description, List<Plugin> plugins) {
    ObjectNode json = Json.object();
    json.put("name", name);
    json.putObject("owner").put("name", owner);
    json.put("description", description);
    ArrayNode entries = json.putArray("plugins");
    for (Plugin p : plugins) {
      ObjectNode entry = entries.addObject();
      entry.put("name", p.name());
      entry.put("source", "./" + p.folder());
      if (!p.description().isEmpty()) {
        entry.put("description", p.description());
      }
      entry.put("version", p.version());
      if (!p.category().isEmpty()) {
        entry.put("category", p.category());
      }
    }
    return Json.bytes(json);
  }
}
