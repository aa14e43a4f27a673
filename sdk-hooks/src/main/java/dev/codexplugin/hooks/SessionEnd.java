package dev.codexplugin.hooks;

import dev.codexplugin.api.HookEvent;
import java.util.Map;

/**
 * SessionEnd: the session ends. Nothing can be decided; the handler returns {@code void}. Both hosts cut this hook
 * short (Codex after 3 s, Claude Code after 1.5 s), whatever the timeout says.
 */
public final class SessionEnd extends HookInput {
  SessionEnd(Host host, JsonObject json, Map<String, String> env) {
    super(host, json, env);
  }

  @Override
  public HookEvent event() {
    return HookEvent.SESSION_END;
  }

  /** {@code reason}, e.g. {@code other}, {@code clear}, {@code logout}. */
  public String reason() {
    return json().optionalString("reason").orElse("");
  }
}
