package dev.codexplugin.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of npm version ranges, checked strictly. Hand-written because semver4j, which evaluates the ranges
 * ({@link VersionRange}), checks no grammar: it reads {@code ""} and {@code latest} as any version and drops the
 * words it cannot read ({@code >=1 <2 foo} is {@code >=1 <2} to it).
 */
final class RangeGrammar {
  private static final String EXAMPLES = "write e.g. ^1.2, ~1.2, >=1 <2, 1.x || >=3 or *";
  private static final String XR = "(x|X|\\*|0|[1-9]\\d*)";
  private static final String IDENT = "(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)";
  /** One comparator: an optional operator, an optional {@code v}, a partial version. */
  private static final Pattern COMPARATOR = Pattern.compile("(<=|>=|<|>|=|~>|~|\\^)?v?" + XR + "(?:\\." + XR
      + "(?:\\." + XR + "(?:-(" + IDENT + "(?:\\." + IDENT + ")*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?)?)?");
  private static final Pattern OPERATOR = Pattern.compile("<=|>=|<|>|=|~>|~|\\^");
  private static final Pattern HYPHEN = Pattern.compile("(\\S+)\\s+-\\s+(\\S+)");

  private RangeGrammar() {}

  /** One alternative of a range (the text between two {@code ||}). */
  sealed interface ComparatorSet permits Comparators, Hyphen {}

  /** Comparators that a version must all satisfy, e.g. {@code >=1.2 <2}; {@code *} is one comparator. */
  record Comparators(List<Comparator> comparators) implements ComparatorSet {}

  /** A hyphen range, e.g. {@code 1.2 - 2.3.4}; {@code from} and {@code to} have no operator. */
  record Hyphen(Comparator from, Comparator to) implements ComparatorSet {}

  /**
   * One comparator as written, without its {@code v} and build metadata, which a range ignores.
   *
   * @param operator {@code ""}, {@code =}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code ~} (also for
   *     {@code ~>}) or {@code ^}
   * @param major {@code null} for a wildcard ({@code x}, {@code X}, {@code *})
   * @param minor {@code null} for a wildcard or when left out; then {@code patch} is {@code null} too
   * @param patch {@code null} for a wildcard or when left out
   * @param preRelease {@code null} unless written, and only with all three numbers
   */
  record Comparator(String operator, Integer major, Integer minor, Integer patch, String preRelease) {
    /** Whether the version is partial ({@code 1.2}, {@code 1.x}): then the comparator stands for a range. */
    boolean partial() {
      return patch == null;
    }

    /** The same version with another operator. */
    Comparator withOperator(String op) {
      return new Comparator(op, major, minor, patch, preRelease);
    }

    /** The comparator as semver4j reads it, e.g. {@code ^1.2} or {@code >=1.2.3-rc.1}; not for a wildcard. */
    String text() {
      return operator + major + (minor == null ? "" : "." + minor + (patch == null ? "" : "." + patch))
          + (preRelease == null ? "" : "-" + preRelease);
    }
  }

  /**
   * The comparator sets of {@code text}.
   *
   * @throws IllegalArgumentException naming the range and what is wrong with it
   */
  static List<ComparatorSet> parse(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw invalid(text, "it is empty (use * for any version)");
    }
    List<ComparatorSet> sets = new ArrayList<>();
    String[] alternatives = trimmed.split("\\|\\|", -1);
    for (int i = 0; i < alternatives.length; i++) {
      String alternative = alternatives[i].strip();
      if (alternative.isEmpty()) {
        throw invalid(text, alternatives.length == 1 ? "it is empty"
            : "an alternative " + (i == 0 ? "before" : "after") + " \"||\" is empty");
      }
      sets.add(set(text, alternative));
    }
    return List.copyOf(sets);
  }

  private static ComparatorSet set(String text, String set) {
    Matcher hyphen = HYPHEN.matcher(set);
    if (hyphen.matches()) {
      return new Hyphen(partial(text, "", hyphen.group(1), false), partial(text, "", hyphen.group(2), false));
    }
    List<String> tokens = new ArrayList<>();
    String pending = "";
    for (String token : set.split("\\s+")) {
      if (OPERATOR.matcher(token).matches()) {
        if (!pending.isEmpty()) {
          throw invalid(text, "the operator \"" + pending + "\" has no version");
        }
        pending = token;
        continue;
      }
      tokens.add(pending + token);
      pending = "";
    }
    if (!pending.isEmpty()) {
      throw invalid(text, "the operator \"" + pending + "\" has no version");
    }
    List<Comparator> out = new ArrayList<>();
    for (String token : tokens) {
      out.add(comparator(text, token));
    }
    return new Comparators(List.copyOf(out));
  }

  private static Comparator comparator(String text, String token) {
    Matcher m = COMPARATOR.matcher(token);
    if (!m.matches()) {
      if (token.equals("-")) {
        throw invalid(text, "a hyphen range needs a version on both sides, e.g. 1.2 - 2.3");
      }
      throw invalid(text, "\"" + token + "\" is not a comparator such as >=1.2.0, ^1.2 or 1.x");
    }
    String op = m.group(1) == null ? "" : m.group(1);
    return partial(text, op.equals("~>") ? "~" : op, token.substring(op.length()), true);
  }

  /** A partial version; a part after a wildcard is a wildcard too ({@code 1.x.3} is {@code 1.x}). */
  private static Comparator partial(String text, String op, String token, boolean withOperator) {
    Matcher m = COMPARATOR.matcher(token);
    if (!m.matches() || (!withOperator && m.group(1) != null)) {
      throw invalid(text, "\"" + token + "\" is not a version such as 1, 1.2 or 1.2.3");
    }
    Integer major = number(text, m.group(2));
    Integer minor = major == null ? null : number(text, m.group(3));
    Integer patch = minor == null ? null : number(text, m.group(4));
    if (m.group(5) != null && patch == null) {
      throw invalid(text, "\"" + token + "\" has a pre-release but not three numbers");
    }
    return new Comparator(op, major, minor, patch, patch == null ? null : m.group(5));
  }

  /**
   * A number of the range; {@code Integer.MAX_VALUE} is too large, because a range's bound may be the next number
   * ({@code ^2147483647} ends before {@code 2147483648.0.0}, which no version can be here).
   */
  private static Integer number(String text, String part) {
    if (part == null || part.equals("x") || part.equals("X") || part.equals("*")) {
      return null;
    }
    try {
      int n = Integer.parseInt(part);
      if (n < Integer.MAX_VALUE) {
        return n;
      }
    } catch (NumberFormatException e) {
      // too large for an int
    }
    throw invalid(text, "the number " + part + " is too large");
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("range \"" + text + "\" is not a valid SemVer range: " + why + "; "
        + EXAMPLES);
  }
}
