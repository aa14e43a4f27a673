package dev.codexplugin.hooks;

import dev.codexplugin.api.HookEvent;
import java.util.Map;

/**
 * PostCompact: after the conversation is compacted. Nothing can be decided; the handler returns {@code void}. The
 * matcher is matched against {@link #trigger()}.
 */
public final class PostCompact extends HookInput {
  PostCompact(Host host, JsonObject json, Map<String, String> env) {
    super(host, json, env);
  }

  @Override
  public HookEvent event() {
    return HookEvent.POST_COMPACT;
  }

  /** {@code trigger}: {@code manual} or {@code auto}. */
  public String trigger() {
    return json().optionalString("trigger").orElse("");
  }
}
