package dev.codexplugin.hooks;

/** Checks of the texts a decision carries. */
final class Reasons {
  private Reasons() {}

  /**
   * {@code text}, which must not be blank: both hosts treat a deny or block without a reason as invalid, and
   * Codex then lets the call or the stop go ahead.
   */
  static String required(String what, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty: the host shows it to the model and the user");
    }
    return text;
  }

  static String optional(String text) {
    return text == null ? "" : text;
  }
}
