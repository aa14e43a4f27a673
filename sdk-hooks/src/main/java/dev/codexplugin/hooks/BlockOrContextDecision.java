package dev.codexplugin.hooks;

/**
 * The decision of a PostToolUse or UserPromptSubmit handler: add context for the model, block, or proceed.
 *
 * <ul>
 *   <li>context: {@code hookSpecificOutput.additionalContext}. Codex adds a developer message with the text;
 *       Claude Code adds "<i>Event</i> hook additional context: <i>text</i>".
 *   <li>block: {@code {"decision": "block", "reason"}}. UserPromptSubmit: the prompt is refused. PostToolUse:
 *       Codex replaces the tool output the model sees by the reason; Claude Code keeps the output and adds the
 *       reason as an error.
 * </ul>
 *
 * @param kind what to do
 * @param text the context or the reason; empty for {@code PROCEED}
 */
public record BlockOrContextDecision(Kind kind, String text) implements HookDecision {
  /** What to do. */
  public enum Kind {
    /** No decision. */
    PROCEED,
    /** Add context for the model. */
    CONTEXT,
    /** Block (see the class comment). */
    BLOCK
  }

  /**
   * Checks the text.
   *
   * @throws IllegalArgumentException when a context or a block has no text
   */
  public BlockOrContextDecision {
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null");
    }
    text = kind == Kind.PROCEED ? "" : Reasons.required(kind == Kind.BLOCK ? "the reason of a block"
        : "additional context", text);
  }

  /** No decision. */
  public static BlockOrContextDecision proceed() {
    return new BlockOrContextDecision(Kind.PROCEED, "");
  }

  /** Adds {@code context} to what the model sees next. */
  public static BlockOrContextDecision addContext(String context) {
    return new BlockOrContextDecision(Kind.CONTEXT, context);
  }

  /** Blocks the prompt (UserPromptSubmit) or the tool's output (PostToolUse), with {@code reason}. */
  public static BlockOrContextDecision block(String reason) {
    return new BlockOrContextDecision(Kind.BLOCK, reason);
  }

  @Override
  public String label() {
    return kind == Kind.PROCEED ? "proceed" : kind == Kind.CONTEXT ? "context" : "block";
  }
}
