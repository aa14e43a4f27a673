package dev.codexplugin.hooks;

/** A handler was still running at the runner's deadline (see {@link HookRunner}). */
final class HookTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  HookTimeoutException(String id, int timeoutSec, long deadlineMillis) {
    super(timeoutSec == 0 ? "the hook input did not arrive within " + deadlineMillis + " ms"
        : "handler " + id + " was still running " + deadlineMillis + " ms after the hook started (its timeout is "
            + timeoutSec + " s)");
  }
}
