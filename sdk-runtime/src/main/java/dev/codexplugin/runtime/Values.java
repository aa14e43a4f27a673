package dev.codexplugin.runtime;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** Defensive copies for the model records: {@code null} becomes empty, maps become sorted and immutable. */
final class Values {
  private Values() {}

  static String text(String s) {
    return s == null ? "" : s;
  }

  static List<String> list(List<String> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  static <T> List<T> items(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** A sorted copy without repeats. */
  static List<String> sorted(java.util.Collection<String> values) {
    return values == null ? List.of() : List.copyOf(new java.util.TreeSet<>(values));
  }

  static Map<String, String> map(Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return Collections.emptySortedMap();
    }
    TreeMap<String, String> copy = new TreeMap<>();
    map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
    return Collections.unmodifiableSortedMap(copy);
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
