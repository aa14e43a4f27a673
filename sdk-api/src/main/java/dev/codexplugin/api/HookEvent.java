package dev.codexplugin.api;

/** The lifecycle events a {@link Hook} can run on; written in PascalCase ({@code PreToolUse}, ...). */
public enum HookEvent {
  /** Before a tool runs; the {@link Hook#matcher()} selects tools by name. */
  PRE_TOOL_USE("PreToolUse"),
  /** After a tool ran; the {@link Hook#matcher()} selects tools by name. */
  POST_TOOL_USE("PostToolUse"),
  /** When the host asks the user for a permission. */
  PERMISSION_REQUEST("PermissionRequest"),
  /** When a session starts. */
  SESSION_START("SessionStart"),
  /** When a session ends. */
  SESSION_END("SessionEnd"),
  /** When the user submits a prompt. */
  USER_PROMPT_SUBMIT("UserPromptSubmit"),
  /** When the agent stops. */
  STOP("Stop"),
  /** When a sub-agent starts. */
  SUBAGENT_START("SubagentStart"),
  /** When a sub-agent stops. */
  SUBAGENT_STOP("SubagentStop"),
  /** Before the conversation is compacted. */
  PRE_COMPACT("PreCompact"),
  /** After the conversation was compacted. */
  POST_COMPACT("PostCompact"),
  /** Before a request to the model. */
  PRE_MODEL_REQUEST("PreModelRequest"),
  /** After a request to the model. */
  POST_MODEL_REQUEST("PostModelRequest"),
  /** When the user interrupts the agent. */
  INTERRUPT("Interrupt");

  private final String jsonName;

  HookEvent(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The event's name in {@code hooks/hooks.json}, e.g. {@code PreToolUse}. */
  public String jsonName() {
    return jsonName;
  }
}
