package com.example.tools;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.codexplugin.api.McpTool;
import java.util.List;
import java.util.Map;

/** Enums, with @JsonProperty on constants. */
public class Enums {
  @JsonClassDescription("How urgent a task is")
  public enum Priority {
    @JsonProperty("low") LOW,
    @JsonProperty("normal") NORMAL,
    HIGH
  }

  @McpTool(description = "enums as values, items and keys", structuredOutput = true)
  public Priority triage(Priority priority, List<Priority> history, Map<Priority, Integer> budget) {
    return priority;
  }
}
