package dev.codexplugin.mcp.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The requests handed to the SDK whose response has not been written yet, by JSON-RPC id. The stdio input
 * adds a request when it passes it on; the protocol output completes it once the response is flushed. At
 * end of input the server waits for this set to drain, because the SDK's stdio transport drops every message
 * not yet written once its input has ended.
 */
final class InFlight {
  private final Map<String, Integer> pending = new HashMap<>();
  private int size;

  synchronized void add(String id) {
    pending.merge(id, 1, Integer::sum);
    size++;
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
    notifyAll();
  }

  synchronized int size() {
    return size;
  }

  /** Waits until nothing is in flight or {@code timeout} passed; returns how many are still in flight. */
  synchronized int awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (size > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      long millis = Math.max(1, left / 1_000_000);
      wait(millis);
    }
    return size;
  }
}
