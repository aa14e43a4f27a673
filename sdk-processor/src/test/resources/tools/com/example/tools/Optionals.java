package com.example.tools;

import dev.codexplugin.api.McpTool;
import dev.codexplugin.api.Param;
import dev.codexplugin.api.TriState;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/** Optional and @Nullable parameters, and required overrides. */
public class Optionals {
  public record Note(String text) {}

  @McpTool(description = "optional arguments")
  public void optionals(String required, Optional<String> text, OptionalInt count, OptionalLong big,
      OptionalDouble ratio, Optional<Note> note, @Nullable String typeUse,
      @javax.annotation.Nullable Integer declaration) {}

  @McpTool(description = "required overrides")
  public void overrides(@Param(required = TriState.TRUE) Optional<String> mustGive,
      @Param(required = TriState.FALSE) String mayOmit, @Param(required = TriState.UNSET) int derived) {}

  @McpTool(description = "an Optional result is wrapped and not required", structuredOutput = true)
  public Optional<String> find(String key) {
    return Optional.empty();
  }

  @McpTool(description = "a @Nullable record result is wrapped", structuredOutput = true)
  public @Nullable Note note() {
    return null;
  }

  @McpTool(description = "an OptionalInt result", structuredOutput = true)
  public OptionalInt size() {
    return OptionalInt.empty();
  }
}
