package dev.codexplugin.hooks;

import dev.codexplugin.api.HookEvent;
import java.util.Map;

/**
 * SubagentStart: a sub-agent starts ({@link #agentId()}, {@link #agentType()}). The handler returns a
 * {@link ContextDecision}: context for the sub-agent, or proceed. The matcher is matched against the agent type.
 */
public final class SubagentStart extends HookInput {
  SubagentStart(Host host, JsonObject json, Map<String, String> env) {
    super(host, json, env);
  }

  @Override
  public HookEvent event() {
    return HookEvent.SUBAGENT_START;
  }
}
