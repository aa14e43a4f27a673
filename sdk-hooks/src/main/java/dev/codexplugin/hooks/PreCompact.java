package dev.codexplugin.hooks;

import dev.codexplugin.api.HookEvent;
import java.util.Map;

/**
 * PreCompact: before the conversation is compacted. Nothing can be decided; the handler returns {@code void}. The
 * matcher is matched against {@link #trigger()}.
 */
public final class PreCompact extends HookInput {
  PreCompact(Host host, JsonObject json, Map<String, String> env) {
    super(host, json, env);
  }

  @Override
  public HookEvent event() {
    return HookEvent.PRE_COMPACT;
  }

  /** {@code trigger}: {@code manual} or {@code auto}. */
  public String trigger() {
    return json().optionalString("trigger").orElse("");
  }
}
