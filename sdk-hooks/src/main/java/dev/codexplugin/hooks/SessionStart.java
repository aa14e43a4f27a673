package dev.codexplugin.hooks;

import dev.codexplugin.api.HookEvent;
import java.util.Map;

/**
 * SessionStart: a session starts or resumes. The handler returns a {@link ContextDecision}: context the model
 * gets before the first prompt, or proceed. The matcher is matched against {@link #source()}.
 */
public final class SessionStart extends HookInput {
  SessionStart(Host host, JsonObject json, Map<String, String> env) {
    super(host, json, env);
  }

  @Override
  public HookEvent event() {
    return HookEvent.SESSION_START;
  }

  /** {@code source}: {@code startup}, {@code resume}, {@code clear}, {@code compact} (Codex also {@code fork}). */
  public String source() {
    return json().optionalString("source").orElse("");
  }
}
