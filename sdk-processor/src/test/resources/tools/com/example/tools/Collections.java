package com.example.tools;

import dev.codexplugin.api.McpTool;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/** Arrays, collections and maps. */
public class Collections {
  public enum Color { RED, GREEN }

  public record Item(String name) {}

  @McpTool(description = "arrays and lists")
  public void lists(int[] numbers, String[] words, List<String> names, Collection<Integer> counts,
      ArrayList<Long> ids, Queue<Double> queue, List<List<String>> matrix, List<? extends Item> items,
      Item[] itemArray, List<String>[] listArray) {}

  @McpTool(description = "sets")
  public void sets(Set<String> tags, SortedSet<Integer> ordered, LinkedHashSet<Color> colors) {}

  @McpTool(description = "maps")
  public void maps(Map<String, Integer> counts, SortedMap<String, List<Item>> groups, Map<Color, String> labels,
      EnumMap<Color, Integer> weights, Map<String, Map<String, Boolean>> nested) {}

  @McpTool(description = "a list result is wrapped", structuredOutput = true)
  public List<Item> items() {
    return List.of();
  }

  @McpTool(description = "a map result is an object", structuredOutput = true)
  public Map<String, Integer> histogram() {
    return Map.of();
  }

  @McpTool(description = "a set of enums is wrapped", structuredOutput = true)
  public Set<Color> colors() {
    return Set.of();
  }
}
