package dev.codexplugin.hooks;

import dev.codexplugin.api.HookEvent;
import java.util.Map;

/**
 * PermissionRequest: the host is about to ask the user whether a tool may run. The handler returns a
 * {@link PermissionDecision}: allow, deny (both without asking) or proceed (the user is asked).
 */
public final class PermissionRequest extends HookInput implements ToolEvent {
  private final String toolName;
  private final JsonObject toolInput;

  PermissionRequest(Host host, JsonObject json, Map<String, String> env) {
    super(host, json, env);
    this.toolName = json.string("tool_name");
    this.toolInput = json("tool_input");
  }

  @Override
  public HookEvent event() {
    return HookEvent.PERMISSION_REQUEST;
  }

  @Override
  public String toolName() {
    return toolName;
  }

  @Override
  public JsonObject toolInput() {
    return toolInput;
  }

  @Override
  String describe() {
    return ", tool=" + toolName;
  }
}
