package dev.codexplugin.mcp;

/**
 * Reports progress of the current call with {@code notifications/progress}, for the progress token the client
 * put in the request's {@code _meta}. Without a token nothing is sent (and {@link #active()} is false). A tool
 * parameter of this type is not part of the input schema.
 */
public interface Progress {
  /** Whether the client asked for progress (sent a progress token). */
  boolean active();

  /**
   * Reports {@code progress} (which must increase from one report to the next) of {@code total}.
   *
   * @param total may be {@code null} when unknown
   * @param message may be {@code null}
   */
  void report(double progress, Double total, String message);

  /** {@link #report(double, Double, String)} without a message. */
  default void report(double progress, double total) {
    report(progress, total, null);
  }
}
