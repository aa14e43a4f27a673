package dev.codexplugin.hooks;

import dev.codexplugin.api.HookEvent;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * SubagentStop: a sub-agent is about to finish. The handler returns a {@link StopDecision}, as for {@link Stop}.
 */
public final class SubagentStop extends HookInput {
  SubagentStop(Host host, JsonObject json, Map<String, String> env) {
    super(host, json, env);
  }

  @Override
  public HookEvent event() {
    return HookEvent.SUBAGENT_STOP;
  }

  /** {@code stop_hook_active}: the sub-agent already goes on because a stop hook blocked. */
  public boolean stopHookActive() {
    return json().get("stop_hook_active") instanceof Boolean && json().bool("stop_hook_active");
  }

  /** {@code last_assistant_message}: the sub-agent's last message. */
  public Optional<String> lastAssistantMessage() {
    return json().optionalString("last_assistant_message");
  }

  /** {@code agent_transcript_path}: the sub-agent's own transcript. */
  public Optional<Path> agentTranscriptPath() {
    Optional<String> path = json().optionalString("agent_transcript_path");
    return path.isPresent() ? Optional.of(Path.of(path.get())) : Optional.empty();
  }
}
