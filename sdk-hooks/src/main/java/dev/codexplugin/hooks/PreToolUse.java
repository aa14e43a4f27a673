package dev.codexplugin.hooks;

import dev.codexplugin.api.HookEvent;
import java.util.Map;
import java.util.Optional;

/**
 * PreToolUse: a tool is about to run. The handler returns a {@link PreToolUseDecision}: allow, deny, ask or
 * proceed. Codex sends {@code tool_use_id} (the model's call id), {@code permission_mode} and {@code turn_id};
 * Claude Code also {@code mcp_server: {name, source}} (in {@link #json()}).
 */
public final class PreToolUse extends HookInput implements ToolEvent {
  private final String toolName;
  private final JsonObject toolInput;

  PreToolUse(Host host, JsonObject json, Map<String, String> env) {
    super(host, json, env);
    this.toolName = json.string("tool_name");
    this.toolInput = json("tool_input");
  }

  @Override
  public HookEvent event() {
    return HookEvent.PRE_TOOL_USE;
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

  @Override
  String describe() {
    return ", tool=" + toolName;
  }
}
