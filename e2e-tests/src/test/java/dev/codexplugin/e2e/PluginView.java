package dev.codexplugin.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one reader makes of one marketplace entry: a host after installing it, or the SDK after reading it. Every
 * field is rendered as text so that two views compare field by field and a difference prints as one line.
 *
 * @param plugin the marketplace entry's name
 * @param status {@code installed} / {@code read}, or why not (the host's message, the SDK's error codes)
 * @param fields field name to value, in a fixed order; a field a reader has no notion of is absent
 */
record PluginView(String plugin, String status, Map<String, String> fields) {
  /** The fields every view may carry, in report order. */
  static final List<String> FIELDS =
      List.of("status", "version", "description", "skills", "commands", "agents", "hooks", "mcpServers");

  /** What a reader prints when an entry has no version: Codex says {@code local}, Claude Code {@code unknown}. */
  static final String NO_VERSION = "(none)";

  PluginView {
    fields = new TreeMap<>(fields);
  }

  /** An entry that could not be installed or read. */
  static PluginView absent(String plugin, String why) {
    return new PluginView(plugin, why, Map.of());
  }

  static Builder builder(String plugin, String status) {
    return new Builder(plugin, status);
  }

  boolean present() {
    return !fields.isEmpty();
  }

  String field(String name) {
    return name.equals("status") ? (present() ? "ok" : status) : fields.get(name);
  }

  /**
   * The differences between this host view and the SDK's view of the same entry, one per field the host has,
   * as {@code <marketplace> <plugin> <field> <host>: host=<value> sdk=<value>}.
   */
  List<String> differences(String marketplace, String host, PluginView sdk) {
    List<String> out = new ArrayList<>();
    for (String name : FIELDS) {
      String mine = field(name);
      if (mine == null || (!name.equals("status") && !present())) {
        continue;
      }
      String theirs = sdk.field(name);
      if (!name.equals("status") && !sdk.present()) {
        continue; // an entry the SDK cannot read differs once, in its status
      }
      if (theirs == null && mine.equals("[]")) {
        continue; // nothing to model
      }
      theirs = theirs == null ? "(not modelled)" : theirs;
      if (!mine.equals(theirs)) {
        out.add(marketplace + " " + plugin + " " + name + " " + host + ": host=" + abbreviate(mine) + " sdk="
            + abbreviate(theirs));
      }
    }
    return out;
  }

  /** One line per field, for the report. */
  String render(String reader) {
    StringBuilder out = new StringBuilder("  ").append(reader).append(": ").append(present() ? "ok" : status);
    fields.forEach((k, v) -> out.append("\n    ").append(k).append(" = ").append(v));
    return out.toString();
  }

  static String abbreviate(String s) {
    String flat = s.replaceAll("\\s+", " ").trim();
    return flat.length() > 80 ? flat.substring(0, 77) + "..." : flat;
  }

  static String list(Iterable<String> items) {
    TreeSet<String> sorted = new TreeSet<>();
    items.forEach(sorted::add);
    return sorted.toString();
  }

  static String version(String v) {
    return v == null || v.isBlank() || v.equals("local") || v.equals("unknown") ? NO_VERSION : v;
  }

  /** Builds a present view. */
  static final class Builder {
    private final String plugin;
    private final String status;
    private final Map<String, String> fields = new TreeMap<>();

    private Builder(String plugin, String status) {
      this.plugin = plugin;
      this.status = status;
    }

    Builder put(String field, String value) {
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException(field);
      }
      fields.put(field, value);
      return this;
    }

    Builder put(String field, Iterable<String> values) {
      return put(field, list(values));
    }

    PluginView build() {
      return new PluginView(plugin, status, fields);
    }
  }
}
