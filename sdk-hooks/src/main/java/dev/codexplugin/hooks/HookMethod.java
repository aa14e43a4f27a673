package dev.codexplugin.hooks;

import dev.codexplugin.api.HookEvent;

/**
 * One {@code @HookHandler} method as the generated launcher lists it.
 *
 * @param index the launcher's number of the method, passed back to {@link HookDispatcher#call}
 * @param id the handler id, the launcher's first argument in {@code hooks.json}, e.g.
 *     {@code ReleasePolicy.checkBump} (the class's simple name, with enclosing classes, and the method's name)
 * @param event the event the method handles
 * @param timeoutSec the {@code timeout} of its {@code hooks.json} entry: the host stops waiting then, so the
 *     launcher decides a little earlier (see {@link HookRunner})
 */
public record HookMethod(int index, String id, HookEvent event, int timeoutSec) {
  /** The longest timeout a hook may have: the hosts' default for a command hook. */
  public static final int MAX_TIMEOUT_SEC = 600;

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException when the id is empty, the event is one that not both hosts have, or the
   *     timeout is not 1-600
   */
  public HookMethod {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("a hook handler id must not be empty");
    }
    if (event == null || !HookRunner.supports(event)) {
      throw new IllegalArgumentException("hook handler " + id + ": event " + event + " is not one both hosts"
          + " share");
    }
    if (timeoutSec < 1 || timeoutSec > MAX_TIMEOUT_SEC) {
      throw new IllegalArgumentException("hook handler " + id + ": timeoutSec must be 1-600; found " + timeoutSec);
    }
  }
}
