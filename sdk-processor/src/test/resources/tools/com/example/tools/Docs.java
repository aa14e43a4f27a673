package com.example.tools;

import dev.codexplugin.api.McpTool;
import dev.codexplugin.api.Param;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Descriptions from @Param and Javadoc, names, and defaults. */
public class Docs {
  public enum Mode { FAST, @com.fasterxml.jackson.annotation.JsonProperty("thorough") THOROUGH }

  public record Window(int from, int to) {}

  /**
   * Searches the index.
   *
   * @param query what to look for, e.g. {@code "foo bar"}; see {@link Docs#search}
   * @param limit ignored: {@code @Param(description)} wins
   * @param since only documents changed since then
   * @param verbose
   * @return the hits, best first
   */
  @McpTool(description = "Javadoc and @Param", structuredOutput = true)
  public List<String> search(String query,
      @Param(name = "max_results", description = "at most this many", defaultValue = "10") int limit,
      @Param(defaultValue = "\"2024-01-31\"") LocalDate since,
      @Param(title = "Verbose output") boolean verbose) {
    return List.of();
  }

  @McpTool(description = "valid defaults")
  public void defaults(
      @Param(defaultValue = "hello world") String greeting,
      @Param(defaultValue = "{\"x\"}") String braces,
      @Param(defaultValue = "thorough") Mode mode,
      @Param(defaultValue = "true") boolean flag,
      @Param(defaultValue = "0.25") double ratio,
      @Param(defaultValue = "[\"a\", \"b\"]") List<String> tags,
      @Param(defaultValue = "[1, 2]") Set<Integer> ids,
      @Param(defaultValue = "7") Optional<Integer> maybe,
      @Param(defaultValue = "plain") Optional<String> maybeText,
      @Param(defaultValue = "{\"from\": 1, \"to\": 2}") Window window,
      @Param(defaultValue = "\"x\"") char letter,
      @Param(defaultValue = "-128") byte low) {}
}
