package dev.codexplugin.mcp;

/**
 * Everything a tool (or a resource, prompt or completion method) can use of the current request besides its
 * arguments. The generated invoker passes these to context parameters, which are not part of the input
 * schema: a parameter of type {@link Progress}, {@link McpLog}, {@link Cancellation}, {@link Elicitation},
 * {@link Sampling}, {@link Roots}, {@link ClientInfo} or {@code ToolContext} itself, and
 * {@code Elicitation.Form<T>} ({@link Elicitation.Form}), whose requested schema the processor computes for {@code T}.
 */
public interface ToolContext {
  /** Progress notifications for the request's progress token. */
  Progress progress();

  /** Logging to the client. */
  McpLog log();

  /** Whether the client cancelled the call. */
  Cancellation cancellation();

  /** Asking the user for input. */
  Elicitation elicitation();

  /** Asking the client's model for a completion. */
  Sampling sampling();

  /** The client's roots. */
  Roots roots();

  /** The client and the negotiated protocol version. */
  ClientInfo client();
}
