package dev.codexplugin.hooks;

/**
 * The decision of a Stop or SubagentStop handler: {@code {"decision": "block", "reason"}} keeps the agent working
 * (the model gets the reason as its next instruction: a user message in Codex, "Stop hook feedback: <i>reason</i>"
 * in Claude Code), or proceed lets it stop.
 *
 * @param reason what the agent must still do; empty for proceed
 */
public record StopDecision(String reason) implements HookDecision {
  /** Normalizes {@code null} to proceed. */
  public StopDecision {
    reason = Reasons.optional(reason);
  }

  /** Let the agent stop. */
  public static StopDecision proceed() {
    return new StopDecision("");
  }

  /**
   * Keep the agent working on {@code reason}.
   *
   * @throws IllegalArgumentException when it is empty
   */
  public static StopDecision block(String reason) {
    return new StopDecision(Reasons.required("the reason of a stop block", reason));
  }

  @Override
  public String label() {
    return reason.isEmpty() ? "proceed" : "block";
  }
}
