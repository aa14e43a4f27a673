package dev.codexplugin.mcp.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls in flight that a client may cancel, by a token the transport gives each {@code tools/call},
 * {@code resources/read} and {@code prompts/get}: its
 * scope (the stdio session or the HTTP session id) and its JSON-RPC id. The transport registers a call when
 * it passes the request on, with what to do on cancellation on its side (drop the answer); the tool handler
 * attaches the thread that runs the tool. {@code notifications/cancelled} then interrupts that thread and the
 * answer is never written. A cancellation for a call that is not (or no longer) in flight is ignored, as the
 * specification asks.
 */
public final class Calls {
  /** The key under which the transport passes the token to the handler, in the request's {@code _meta}. */
  public static final String META_KEY = "dev.codexplugin/call";

  private final Map<String, Call> calls = new ConcurrentHashMap<>();

  /** The token of request {@code id} (a JSON-RPC id key) in {@code scope}. */
  public static String token(String scope, String idKey) {
    return scope + " " + idKey;
  }

  /** Registers a call; {@code onCancel} runs (once) when the client cancels it. */
  public void register(String token, Runnable onCancel) {
    calls.put(token, new Call(onCancel));
  }

  /** Forgets a call once it was answered. */
  public void done(String token) {
    calls.remove(token);
  }

  /**
   * Cancels a call in flight.
   *
   * @param reason the client's reason, or {@code null}
   * @return whether a call was in flight
   */
  public boolean cancel(String token, String reason) {
    Call call = calls.remove(token);
    if (call == null) {
      return false;
    }
    call.cancel(reason);
    return true;
  }

  /** The call of {@code token}, or {@code null} when it is not registered. */
  Call get(String token) {
    return token == null ? null : calls.get(token);
  }

  /** One call: its cancellation state and the thread running its tool. */
  static final class Call {
    private final Runnable onCancel;
    private Thread thread;
    private boolean cancelled;
    private boolean answerDropped;
    private String reason;

    Call(Runnable onCancel) {
      this.onCancel = onCancel;
    }

    synchronized void attach(Thread running) {
      thread = running;
      if (answerDropped) {
        running.interrupt();
      }
    }

    synchronized void detach() {
      thread = null;
    }

    /**
     * Drops the answer first ({@code onCancel}), then interrupts the tool: interrupted first, a tool could answer
     * (say, "sleep interrupted") before the answer is dropped.
     */
    void cancel(String why) {
      synchronized (this) {
        if (cancelled) {
          return;
        }
        cancelled = true;
        reason = why;
      }
      onCancel.run();
      synchronized (this) {
        answerDropped = true;
        if (thread != null) {
          thread.interrupt();
        }
      }
    }

    /** Whether the call was cancelled (reported once its answer is dropped, so that a tool that stops is silent). */
    synchronized boolean cancelled() {
      return answerDropped;
    }

    synchronized String reason() {
      return reason;
    }
  }
}
