package dev.codexplugin.processor;

import dev.codexplugin.runtime.FindingCode;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps the places of a bundle ({@code file} and {@code field}, as the runtime's rules name them) back to the
 * source that produced them. A lookup falls back from {@code mcpServers.github.env.TOKEN} to
 * {@code mcpServers.github.env}, {@code mcpServers.github}, ..., then to the file, then to the plugin. A place
 * can have a more precise origin for one code (the name of a server for {@code BadKey}).
 */
final class Origins {
  private final Map<String, Origin> places = new HashMap<>();
  private final java.util.TreeMap<String, Origin> prefixes = new java.util.TreeMap<>();
  private final Origin plugin;

  Origins(Origin plugin) {
    this.plugin = plugin;
  }

  void put(String file, String field, Origin origin) {
    places.put(file + "#" + field, origin);
  }

  /** An origin for findings of {@code code} only. */
  void put(String file, String field, FindingCode code, Origin origin) {
    places.put(file + "#" + field + "#" + code.id(), origin);
  }

  /** The origin of every file under {@code prefix} that has no origin of its own. */
  void putPrefix(String prefix, Origin origin) {
    prefixes.put(prefix, origin);
  }

  Origin plugin() {
    return plugin;
  }

  Origin find(String file, String field, FindingCode code) {
    String f = field;
    while (true) {
      Origin origin = places.get(file + "#" + f + "#" + code.id());
      if (origin == null) {
        origin = places.get(file + "#" + f);
      }
      if (origin != null) {
        return origin;
      }
      if (f.isEmpty()) {
        for (var entry : prefixes.descendingMap().entrySet()) {
          if (file.startsWith(entry.getKey())) {
            return entry.getValue();
          }
        }
        return plugin;
      }
      int cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
      f = cut < 0 ? "" : f.substring(0, cut);
    }
  }
}
