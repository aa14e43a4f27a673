package dev.codexplugin.bench;

import dev.codexplugin.bench.Servers.Variant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Start-up levers: our server (or a baseline) with JVM flags, measured in the same rounds as the rest. */
final class Levers {
  /** The levers measured by default. */
  static final List<String> ALL = List.of();

  private Levers() {}

  static List<Variant> prepare(String ids, Map<String, Variant> servers, Path dir, Path logs) throws IOException {
    List<Variant> out = new ArrayList<>();
    for (String id : ids.split(",")) {
      if (id.isBlank() || id.equals("none")) {
        continue;
      }
      throw new IllegalArgumentException("unknown lever " + id);
    }
    return out;
  }
}
