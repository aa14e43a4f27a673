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
}
