package dev.codexplugin.mcp.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The requests handed to the SDK whose response has not been written yet, by JSON-RPC id. The stdio input
 * adds a request when it passes it on; the protocol output completes it once the response is flushed. At
 * end of input the server waits for this set to drain, because the SDK's stdio transport drops every message
 * not yet written once its input has ended.
 *
 * <p>A request passed on before the session is initialized is <em>held</em>: the SDK answers it only after
 * {@code notifications/initialized}. Once that notification was passed on, {@link #release} makes every held
 * request an ordinary one; at end of input without it, held requests can never be answered, so
 * {@link #awaitIdle} does not wait for them.
 */
final class InFlight {
  private final Map<String, Integer> pending = new HashMap<>();
  private final Map<String, Integer> held = new HashMap<>();
  private int size;
  private int heldSize;

  synchronized void add(String id) {
    add(id, false);
  }

  /** Adds request {@code id}; {@code held} when the SDK holds it until the session is initialized. */
  synchronized void add(String id, boolean held) {
    pending.merge(id, 1, Integer::sum);
    size++;
    if (held) {
      this.held.merge(id, 1, Integer::sum);
      heldSize++;
    }
  }

  /** The session is initialized: the held requests will be answered like any other. */
  synchronized void release() {
    held.clear();
    heldSize = 0;
    notifyAll();
  }

  /** How many requests in flight are held until the session is initialized. */
  synchronized int held() {
    return heldSize;
  }

  synchronized void complete(String id) {
    Integer count = pending.get(id);
    if (count == null) {
      return;
    }
    if (count == 1) {
      pending.remove(id);
    } else {
      pending.put(id, count - 1);
    }
    size--;
    Integer heldCount = held.get(id);
    if (heldCount != null) {
      if (heldCount == 1) {
        held.remove(id);
      } else {
        held.put(id, heldCount - 1);
      }
      heldSize--;
    }
    notifyAll();
  }

  synchronized int size() {
    return size;
  }

  /**
   * Waits until nothing that can still be answered is in flight (held requests are not waited for) or
   * {@code timeout} passed; returns how many of those are still in flight.
   */
  synchronized int awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (size - heldSize > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      long millis = Math.max(1, left / 1_000_000);
      wait(millis);
    }
    return size - heldSize;
  }
}
