package dev.codexplugin.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checked-in list of today's differences between the hosts and the SDK ({@code known-differences.txt} of the
 * corpus), each with the item of issue 12 it belongs to: a ratchet. A difference not in the list fails the test,
 * and so does a listed one that is no longer seen, until the list is updated.
 *
 * <p>One line per difference: {@code <marketplace> <plugin> <field> <host>: host=<value> sdk=<value>  #<item>};
 * {@code <host>} is {@code codex} or {@code claude}, or {@code codex@0.169.0} for a difference of one version
 * only. Blank lines and lines starting with {@code #} are comments.
 */
final class KnownDifferences {
  private static final Pattern LINE = Pattern.compile("^(\\S+ \\S+ \\S+ )(codex|claude)(@\\S+)?(: .*?)\\s+#(\\S+)$");

  private final Map<String, String> items = new LinkedHashMap<>();

  private KnownDifferences() {}

  /** The differences listed for {@code host} at {@code version}; a line for another version is left out. */
  static KnownDifferences load(Path file, String host, String version) throws IOException {
    KnownDifferences known = new KnownDifferences();
    int number = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new AssertionError(file + ":" + number + ": must be '<marketplace> <plugin> <field> <host>: host=..."
            + " sdk=...  #<item>'; found: " + line);
      }
      if (!m.group(2).equals(host) || (m.group(3) != null && !m.group(3).equals("@" + version))) {
        continue;
      }
      known.items.put(m.group(1) + m.group(2) + m.group(4), m.group(5));
    }
    return known;
  }

  /** The issue item of a known difference, or {@code null}. */
  String item(String difference) {
    return items.get(difference);
  }

  /**
   * Compares {@code seen} (the differences of the marketplaces {@code scope} and this host) with the list:
   * returns what is new and what has gone, as messages; empty when they agree.
   */
  List<String> compare(List<String> seen, java.util.function.Predicate<String> scope) {
    TreeSet<String> expected = new TreeSet<>();
    items.keySet().stream().filter(scope).forEach(expected::add);
    TreeSet<String> actual = new TreeSet<>(seen);
    List<String> problems = new ArrayList<>();
    for (String d : actual) {
      if (!expected.contains(d)) {
        problems.add("new difference (fix the SDK, or add it with its issue item): " + d);
      }
    }
    for (String d : expected) {
      if (!actual.contains(d)) {
        problems.add("known difference no longer seen (remove it from the list): " + d + "  #" + items.get(d));
      }
    }
    return problems;
  }
}
