package dev.codexplugin.mcp;

/**
 * The client did not declare, in {@code initialize}, the capability a tool asked to use (sampling,
 * elicitation, roots). Thrown at once instead of sending a request the client would never answer; a tool that
 * does not catch it answers with {@code isError} and this message.
 */
public final class McpCapabilityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String capability;

  /**
   * @param capability the capability's name in {@code initialize}, e.g. {@code sampling}
   * @param message the full message
   */
  public McpCapabilityException(String capability, String message) {
    super(message);
    this.capability = capability;
  }

  /** The missing capability, e.g. {@code sampling}, {@code elicitation} or {@code roots}. */
  public String capability() {
    return capability;
  }
}
