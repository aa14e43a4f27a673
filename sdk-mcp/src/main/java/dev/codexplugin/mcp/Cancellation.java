package dev.codexplugin.mcp;

import java.util.concurrent.CancellationException;

/**
 * Whether the client cancelled the current call ({@code notifications/cancelled}): a {@code tools/call}, a
 * {@code resources/read} or a {@code prompts/get}. On cancellation the thread running the method is also
 * interrupted, so blocking calls end with {@code InterruptedException}; no answer is sent for a cancelled call
 * and the server goes on. A tool parameter of this type is not part of the input schema.
 */
public interface Cancellation {
  /** Whether the client cancelled the call. */
  boolean isCancelled();

  /**
   * Throws when the client cancelled the call.
   *
   * @throws CancellationException naming the reason the client gave
   */
  void throwIfCancelled();
}
