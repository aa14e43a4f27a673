package dev.codexplugin.hooks;

/**
 * The decision of a PreToolUse handler.
 *
 * <table>
 *   <caption>How each host gets it</caption>
 *   <tr><th>decision</th><th>Codex</th><th>Claude Code</th></tr>
 *   <tr><td>{@link #proceed()}</td><td>no output: the call goes ahead as without the hook</td>
 *       <td>no output: the normal permission check applies</td></tr>
 *   <tr><td>{@link #allow()}</td><td>no output (Codex rejects an allow without a rewritten input, and has no
 *       way to skip its own approval from a hook)</td>
 *       <td>{@code permissionDecision: allow}: the call runs without the permission check</td></tr>
 *   <tr><td>{@link #deny(String)}</td><td>{@code permissionDecision: deny}; the model gets
 *       "Tool call blocked by PreToolUse hook: <i>reason</i>. Tool: <i>name</i>"</td>
 *       <td>{@code permissionDecision: deny}; the model gets "PreToolUse:<i>name</i> hook error: <i>reason</i>"</td></tr>
 *   <tr><td>{@link #ask(String)}</td><td><b>denied</b> with the reason: Codex has no "ask" (it would ignore it and
 *       run the call), so a call that needs a person's yes does not run; the model reads the reason and can ask
 *       the user in the conversation</td>
 *       <td>{@code permissionDecision: ask}: the user is asked (in {@code -p} mode, where nobody can answer, the
 *       call is refused with the reason)</td></tr>
 * </table>
 *
 * @param kind what to do with the call
 * @param reason why; required for {@code DENY} and {@code ASK}, optional for {@code ALLOW}, empty for
 *     {@code PROCEED}
 */
public record PreToolUseDecision(Kind kind, String reason) implements HookDecision {
  /** What to do with the call. */
  public enum Kind {
    /** No decision. */
    PROCEED,
    /** Let the call run. */
    ALLOW,
    /** Refuse the call. */
    DENY,
    /** Ask the user. */
    ASK
  }

  /**
   * Checks the reason.
   *
   * @throws IllegalArgumentException when a deny or an ask has no reason, or a proceed has one
   */
  public PreToolUseDecision {
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null");
    }
    if (kind == Kind.DENY || kind == Kind.ASK) {
      Reasons.required("the reason of a PreToolUse " + (kind == Kind.DENY ? "deny" : "ask"), reason);
    } else if (kind == Kind.PROCEED && reason != null && !reason.isEmpty()) {
      throw new IllegalArgumentException("a PreToolUse proceed has no reason; use allow(reason)");
    } else {
      reason = Reasons.optional(reason);
    }
  }

  /** No decision: the host goes on as without the hook. */
  public static PreToolUseDecision proceed() {
    return new PreToolUseDecision(Kind.PROCEED, "");
  }

  /** Let the call run (see the class comment for what each host makes of it). */
  public static PreToolUseDecision allow() {
    return new PreToolUseDecision(Kind.ALLOW, "");
  }

  /** Let the call run, with a reason Claude Code shows the user. */
  public static PreToolUseDecision allow(String reason) {
    return new PreToolUseDecision(Kind.ALLOW, reason);
  }

  /** Refuse the call; the model gets {@code reason}, so say what would be allowed. */
  public static PreToolUseDecision deny(String reason) {
    return new PreToolUseDecision(Kind.DENY, reason);
  }

  /** Ask the user first (Claude Code); denied with the reason on Codex, which cannot ask. */
  public static PreToolUseDecision ask(String reason) {
    return new PreToolUseDecision(Kind.ASK, reason);
  }

  @Override
  public String label() {
    return kind == Kind.PROCEED ? "proceed" : kind == Kind.ALLOW ? "allow" : kind == Kind.DENY ? "deny" : "ask";
  }
}
