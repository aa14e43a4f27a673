package dev.codexplugin.hooks;

import dev.codexplugin.api.HookEvent;
import java.util.Map;
import java.util.Optional;

/**
 * Stop: the agent is about to end its turn. The handler returns a {@link StopDecision}: block with a reason (the
 * turn goes on, the model gets the reason) or proceed. Check {@link #stopHookActive()} before blocking again.
 */
public final class Stop extends HookInput {
  Stop(Host host, JsonObject json, Map<String, String> env) {
    super(host, json, env);
  }

  @Override
  public HookEvent event() {
    return HookEvent.STOP;
  }

  /** {@code stop_hook_active}: the turn already goes on because a Stop hook blocked; block again with care. */
  public boolean stopHookActive() {
    return json().get("stop_hook_active") instanceof Boolean && json().bool("stop_hook_active");
  }

  /** {@code last_assistant_message}: the model's last message of the turn. */
  public Optional<String> lastAssistantMessage() {
    return json().optionalString("last_assistant_message");
  }
}
