package dev.codexplugin.hooks;

import dev.codexplugin.api.HookEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * PostToolUse: a tool ran. The handler returns a {@link BlockOrContextDecision}: add context for the model, block
 * (Codex replaces the tool's output the model sees by the reason; Claude Code adds the reason as an error
 * beside it) or proceed.
 *
 * <p>{@code tool_response} differs: Codex sends the MCP result object
 * ({@code {"content": [...], "structuredContent": ..., "isError": false}}), Claude Code the result's text as a
 * string (an object for some built-in tools). {@link #toolResponseText()} gives the text in both.
 */
public final class PostToolUse extends HookInput implements ToolEvent {
  private final String toolName;
  private final JsonObject toolInput;

  PostToolUse(Host host, JsonObject json, Map<String, String> env) {
    super(host, json, env);
    this.toolName = json.string("tool_name");
    this.toolInput = json("tool_input");
  }

  @Override
  public HookEvent event() {
    return HookEvent.POST_TOOL_USE;
  }

  @Override
  public String toolName() {
    return toolName;
  }

  @Override
  public JsonObject toolInput() {
    return toolInput;
  }

  /** {@code tool_use_id}: the model's id of this call. */
  public Optional<String> toolUseId() {
    return json().optionalString("tool_use_id");
  }

  /** {@code tool_response} as it came: a {@code String}, a {@link JsonObject}, another JSON value or {@code null}. */
  public Object toolResponse() {
    return json().get("tool_response");
  }

  /** {@code tool_response} as compact JSON text. */
  public String toolResponseJson() {
    StringBuilder out = new StringBuilder();
    Json.write(out, toolResponse());
    return out.toString();
  }

  /**
   * The text of the tool's result: the string itself (Claude Code), or the {@code text} of every
   * {@code content} item of an MCP result, joined by new lines (Codex); else {@link #toolResponseJson()}.
   */
  public String toolResponseText() {
    Object response = toolResponse();
    if (response instanceof String) {
      return (String) response;
    }
    if (response instanceof JsonObject && ((JsonObject) response).get("content") instanceof List) {
      StringBuilder text = new StringBuilder();
      for (Object item : ((JsonObject) response).array("content")) {
        if (item instanceof JsonObject && ((JsonObject) item).get("text") instanceof String) {
          text.append(text.length() == 0 ? "" : "\n").append(((JsonObject) item).string("text"));
        }
      }
      return text.toString();
    }
    return toolResponseJson();
  }

  /** {@code duration_ms}: how long the tool ran (Claude Code). */
  public OptionalLong durationMs() {
    return json().get("duration_ms") instanceof Long ? OptionalLong.of(json().longValue("duration_ms"))
        : OptionalLong.empty();
  }

  @Override
  String describe() {
    return ", tool=" + toolName;
  }
}
