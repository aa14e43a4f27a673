package dev.codexplugin.hooks;

/**
 * The decision of a SessionStart or SubagentStart handler: context the model gets before it starts
 * ({@code hookSpecificOutput.additionalContext}: a developer message in Codex, "SessionStart hook additional
 * context: <i>text</i>" in Claude Code), or proceed.
 *
 * @param context the context; empty for proceed
 */
public record ContextDecision(String context) implements HookDecision {
  /** Normalizes {@code null} to proceed. */
  public ContextDecision {
    context = Reasons.optional(context);
  }

  /** No decision. */
  public static ContextDecision proceed() {
    return new ContextDecision("");
  }

  /**
   * Adds {@code context}.
   *
   * @throws IllegalArgumentException when it is empty
   */
  public static ContextDecision addContext(String context) {
    return new ContextDecision(Reasons.required("additional context", context));
  }

  @Override
  public String label() {
    return context.isEmpty() ? "proceed" : "context";
  }
}
