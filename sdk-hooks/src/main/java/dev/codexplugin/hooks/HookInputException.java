package dev.codexplugin.hooks;

/**
 * The host's input cannot be read as the handler needs it: stdin is not a JSON object, a field the event needs is
 * missing, or the tool's input does not bind to the handler's record. The message names the field and what was
 * found, e.g. {@code tool_input.level must be one of MAJOR, MINOR, PATCH; found "HUGE"}. The launcher treats it
 * as a failed hook (see {@link HookRunner}): a PreToolUse hook denies the call with this message.
 */
public final class HookInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public HookInputException(String message) {
    super(message);
  }
}
