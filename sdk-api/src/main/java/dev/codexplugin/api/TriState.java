package dev.codexplugin.api;

/**
 * A boolean that can also be left unset. Unset is not {@code false}: the key is left out of the generated
 * files, so the host applies its own default.
 */
public enum TriState {
  /** Not set: the key is omitted and the host's default applies. */
  UNSET,
  /** Written as {@code true}. */
  TRUE,
  /** Written as {@code false}. */
  FALSE
}
