package dev.codexplugin.runtime.format;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;

/**
 * The line-by-line reading Codex 0.169.0 falls back to when front matter is not valid YAML (docs/FORMAT.md:
 * {@code description: Review: code with colon space.} is accepted). It understands only:
 *
 * <ul>
 *   <li>top-level {@code key: value} lines, the value running to the end of the line (so it may hold
 *       {@code ": "}), one pair of surrounding quotes removed;
 *   <li>{@code metadata:} followed by indented {@code key: value} lines;
 *   <li>blank lines and {@code #} comment lines.
 * </ul>
 *
 * Anything else (a line without a key, a block scalar, indented lines under another key, a key of the Agent
 * Skills spec given twice) makes it give up, and the front matter stays unreadable.
 */
final class LooseFrontMatter {
  private LooseFrontMatter() {}

  /** The front matter as an object of strings (and a {@code metadata} object of strings), or empty. */
  static Optional<ObjectNode> read(String yaml, Set<String> knownKeys) {
    ObjectNode front = JsonNodeFactory.instance.objectNode();
    ObjectNode block = null;
    for (String raw : yaml.split("\n", -1)) {
      String line = raw.stripTrailing();
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      boolean indented = Character.isWhitespace(line.charAt(0));
      Optional<String[]> pair = pair(line.strip());
      if (pair.isEmpty()) {
        return Optional.empty();
      }
      String key = pair.get()[0];
      String value = pair.get()[1];
      if (indented) {
        if (block == null || value.isEmpty() || block.has(key)) {
          return Optional.empty();
        }
        block.put(key, value);
        continue;
      }
      block = null;
      if (front.has(key) && knownKeys.contains(key)) {
        return Optional.empty();
      }
      if (value.isEmpty()) {
        if (!key.equals("metadata")) {
          front.putNull(key);
          continue;
        }
        block = front.putObject(key);
        continue;
      }
      if (value.startsWith("|") || value.startsWith(">")) {
        return Optional.empty();
      }
      front.put(key, value);
    }
    return Optional.of(front);
  }

  /** {@code key: value} split at the first {@code ": "} (or a final {@code :}); quotes removed from the value. */
  private static Optional<String[]> pair(String line) {
    int colon = line.indexOf(": ");
    String key;
    String value;
    if (colon > 0) {
      key = line.substring(0, colon).strip();
      value = line.substring(colon + 2).strip();
    } else if (line.endsWith(":") && line.length() > 1) {
      key = line.substring(0, line.length() - 1).strip();
      value = "";
    } else {
      return Optional.empty();
    }
    if (key.isEmpty() || key.startsWith("-") || key.startsWith("\"") || key.startsWith("'") || key.contains(" ")) {
      return Optional.empty();
    }
    if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
        || value.startsWith("'") && value.endsWith("'"))) {
      value = value.substring(1, value.length() - 1);
    }
    return Optional.of(new String[] {key, value});
  }
}
