package dev.codexplugin.hooks;

/**
 * The decision of a PermissionRequest handler: both hosts write it as
 * {@code hookSpecificOutput.decision: {behavior: allow|deny, message}}.
 *
 * @param behavior what to answer in the user's place
 * @param message why, for a deny (the model gets it); empty otherwise
 */
public record PermissionDecision(Behavior behavior, String message) implements HookDecision {
  /** What to answer. */
  public enum Behavior {
    /** No answer: the user is asked as usual. */
    PROCEED,
    /** Allow without asking. */
    ALLOW,
    /** Deny without asking. */
    DENY
  }

  /**
   * Checks the message.
   *
   * @throws IllegalArgumentException when a deny has no message
   */
  public PermissionDecision {
    if (behavior == null) {
      throw new IllegalArgumentException("behavior must not be null");
    }
    message = behavior == Behavior.DENY ? Reasons.required("the message of a PermissionRequest deny", message)
        : Reasons.optional(message);
  }

  /** No answer: the user is asked. */
  public static PermissionDecision proceed() {
    return new PermissionDecision(Behavior.PROCEED, "");
  }

  /** Allow without asking the user. */
  public static PermissionDecision allow() {
    return new PermissionDecision(Behavior.ALLOW, "");
  }

  /** Deny without asking the user; the model gets {@code message}. */
  public static PermissionDecision deny(String message) {
    return new PermissionDecision(Behavior.DENY, message);
  }

  @Override
  public String label() {
    return behavior == Behavior.PROCEED ? "proceed" : behavior == Behavior.ALLOW ? "allow" : "deny";
  }
}
