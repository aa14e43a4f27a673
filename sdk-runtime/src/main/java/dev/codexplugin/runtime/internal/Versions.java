package dev.codexplugin.runtime.internal;

import dev.codexplugin.runtime.format.Rules;

import java.util.Comparator;
import java.util.Optional;
import org.semver4j.Semver;

/** Strict SemVer 2.0.0 versions on top of semver4j, which is lenient (it accepts {@code v1.0.0}, spaces). */
public final class Versions {
  private Versions() {}

  /** The version, or empty unless {@code text} is strict SemVer 2.0.0 (numbers up to {@code Integer.MAX_VALUE}). */
  public static Optional<Semver> parse(String text) {
    if (text == null || !Rules.SEMVER.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(Semver.parse(text));
    } catch (RuntimeException e) {
      return Optional.empty(); // a number too large for semver4j
    }
  }

  /** Whether {@code text} is a strict SemVer 2.0.0 version. */
  public static boolean isValid(String text) {
    return parse(text).isPresent();
  }

  /** Whether {@code text} is a valid version with a pre-release part, e.g. {@code 2.0.0-rc.1}. */
  public static boolean isPreRelease(String text) {
    return parse(text).map(v -> !v.getPreRelease().isEmpty()).orElse(false);
  }

  /**
   * Orders version texts by SemVer precedence (build metadata ignored, then the text to stay total); texts that
   * are not versions come first, by text.
   */
  public static final Comparator<String> ORDER = (a, b) -> {
    Optional<Semver> va = parse(a);
    Optional<Semver> vb = parse(b);
    if (va.isPresent() && vb.isPresent()) {
      int c = va.get().compareTo(vb.get());
      return c != 0 ? c : a.compareTo(b);
    }
    if (va.isPresent() != vb.isPresent()) {
      return va.isPresent() ? 1 : -1;
    }
    return a.compareTo(b);
  };
}
