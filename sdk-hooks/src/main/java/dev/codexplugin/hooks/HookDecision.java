package dev.codexplugin.hooks;

/**
 * What a handler decides. Each event has its decision type ({@link PreToolUseDecision} for PreToolUse,
 * {@link BlockOrContextDecision} for PostToolUse and UserPromptSubmit, {@link ContextDecision} for SessionStart and
 * SubagentStart, {@link StopDecision} for Stop and SubagentStop, {@link PermissionDecision} for
 * PermissionRequest); a {@code void} handler decides {@link #none()}. The launcher writes the decision in the
 * running host's format (see {@link HookRunner}).
 */
public sealed interface HookDecision
    permits PreToolUseDecision, PermissionDecision, BlockOrContextDecision, ContextDecision, StopDecision,
        HookDecision.None {
  /** The decision's name in the log line: {@code proceed}, {@code allow}, {@code deny}, {@code ask}, ... */
  String label();

  /** No decision: the host goes on as if the hook were not there (what a {@code void} handler returns). */
  static HookDecision none() {
    return None.NONE;
  }

  /** The one value of {@link #none()}. */
  enum None implements HookDecision {
    /** No decision. */
    NONE;

    @Override
    public String label() {
      return "proceed";
    }
  }
}
