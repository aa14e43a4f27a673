package dev.codexplugin.processor;

import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.format.Place;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps the places of a bundle (a file and a field, as the runtime's rules name them) back to the source that
 * produced them. A lookup falls back from {@code mcpServers.github.env.TOKEN} to {@code mcpServers.github.env},
 * {@code mcpServers.github}, ..., then to the file, to the longest folder prefix registered, then to the plugin.
 * A place can have a more precise origin for one code (the name of a server for {@code BadKey}).
 */
final class Origins {
  private final Map<Place, Origin> places = new HashMap<>();
  private final Map<CodePlace, Origin> byCode = new HashMap<>();
  private final TreeMap<String, Origin> prefixes = new TreeMap<>();
  private final Origin plugin;

  Origins(Origin plugin) {
    this.plugin = plugin;
  }

  void put(Place place, Origin origin) {
    places.put(place, origin);
  }

  /** An origin for findings of {@code code} only. */
  void put(FindingCode code, Place place, Origin origin) {
    byCode.put(new CodePlace(code, place), origin);
  }

  /** The origin of every file under {@code prefix} (e.g. {@code skills/}) that has no origin of its own. */
  void putPrefix(String prefix, Origin origin) {
    prefixes.put(prefix, origin);
  }

  /** Where a finding of {@code code} at {@code place} came from. */
  Origin find(FindingCode code, Place place) {
    Place at = place;
    while (true) {
      Origin origin = byCode.get(new CodePlace(code, at));
      if (origin == null) {
        origin = places.get(at);
      }
      if (origin != null) {
        return origin;
      }
      if (at.field().isEmpty()) {
        for (var entry : prefixes.descendingMap().entrySet()) {
          if (place.file().startsWith(entry.getKey())) {
            return entry.getValue();
          }
        }
        return plugin;
      }
      at = at.parent();
    }
  }
}
