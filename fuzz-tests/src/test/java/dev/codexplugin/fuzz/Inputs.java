package dev.codexplugin.fuzz;

/** What every fuzz target shares. */
final class Inputs {
  /**
   * The time limit per input, in seconds (issue 15: a run over 5 s for an input under 1 MB is a finding). It is
   * each target's {@code @Timeout}: Jazzer passes it on to libFuzzer as {@code -timeout} when fuzzing, and JUnit
   * applies it to every replayed input.
   */
  static final long LIMIT_SECONDS = 5;

  private Inputs() {}

  /** A run of a target's body on a valid input. */
  interface Body {
    void run() throws Exception;
  }

  /**
   * Runs {@code body} once from the test class's static initializer, which no {@code @Timeout} covers: the first
   * input otherwise pays for loading, linking and (when fuzzing) instrumenting every class it reaches, seconds on
   * a loaded machine. A failure here is left to the real inputs to report.
   */
  static void warmUp(Body body) {
    try {
      body.run();
    } catch (Exception | AssertionError e) {
      // the same input among the seeds reports it
    }
  }
}
