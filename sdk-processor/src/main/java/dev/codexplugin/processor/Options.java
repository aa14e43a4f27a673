package dev.codexplugin.processor;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The processor options, declared in one place. All are namespaced {@code codexplugin.*}. */
final class Options {
  /** The version for a {@code @Plugin} without one; Maven passes {@code ${project.version}}. */
  static final String VERSION = "codexplugin.version";
  /** Extra folders to find resources in, separated by the path separator. */
  static final String RESOURCE_PATH = "codexplugin.resourcePath";

  static final Set<String> ALL = Set.of(VERSION, RESOURCE_PATH);

  private final Map<String, String> raw;

  Options(Map<String, String> raw) {
    this.raw = raw;
  }

  String version() {
    return raw.getOrDefault(VERSION, "").trim();
  }

  List<Path> resourcePath() {
    String value = raw.getOrDefault(RESOURCE_PATH, "").trim();
    List<Path> out = new ArrayList<>();
    if (!value.isEmpty()) {
      for (String part : value.split(File.pathSeparator)) {
        if (!part.isBlank()) {
          try {
            out.add(Path.of(part.trim()));
          } catch (InvalidPathException e) {
            // not a folder of this file system; nothing can be found there
          }
        }
      }
    }
    return out;
  }

  /** Options in our namespace that we do not know, sorted. */
  Set<String> unknown() {
    Set<String> unknown = new TreeSet<>();
    for (String key : raw.keySet()) {
      if (key.startsWith("codexplugin.") && !ALL.contains(key)) {
        unknown.add(key);
      }
    }
    return unknown;
  }
}
