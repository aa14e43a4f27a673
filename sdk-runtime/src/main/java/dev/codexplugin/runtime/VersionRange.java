package dev.codexplugin.runtime;

import dev.codexplugin.runtime.internal.Versions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.semver4j.Semver;
import org.semver4j.range.Range;
import org.semver4j.range.RangeList;

/**
 * A range of plugin versions in the npm syntax: {@code ^1.2}, {@code ~1.2}, {@code >=1 <2}, {@code 1.x || >=3},
 * {@code 1.2.3 - 2}, {@code *}. Immutable.
 *
 * <pre>{@code
 * VersionRange range = VersionRange.parse("^1.2");
 * range.matches("1.4.0");                               // true
 * range.matches("1.5.0-rc.1");                          // false: pre-releases are excluded
 * range.includingPreReleases().matches("1.5.0-rc.1");   // true
 * }</pre>
 *
 * <p>{@link #parse(String)} checks the text against the grammar of node-semver and refuses anything else, the
 * empty text included, with an {@link IllegalArgumentException} that names the range (semver4j, which evaluates
 * the range, would silently read such a text as "no version" or "any version").
 *
 * <p>Pre-releases are excluded unless {@linkplain #includingPreReleases() asked for}, as in npm: without them a
 * pre-release matches only a comparator of the same {@code MAJOR.MINOR.PATCH} that has a pre-release itself
 * ({@code >=1.2.3-beta.1} matches {@code 1.2.3-beta.2}, not {@code 1.2.4-beta.1}). A version that is not strict
 * SemVer 2.0.0 matches no range.
 */
public final class VersionRange {
  private static final String EXAMPLES = "write e.g. ^1.2, ~1.2, >=1 <2, 1.x || >=3 or *";
  private static final String XR = "(x|X|\\*|0|[1-9]\\d*)";
  private static final String IDENT = "(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)";
  /** One comparator: an optional operator, an optional {@code v}, a partial version. */
  private static final Pattern COMPARATOR = Pattern.compile("(<=|>=|<|>|=|~>|~|\\^)?v?" + XR + "(?:\\." + XR
      + "(?:\\." + XR + "(?:-(" + IDENT + "(?:\\." + IDENT + ")*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?)?)?");
  private static final Pattern OPERATOR = Pattern.compile("<=|>=|<|>|=|~>|~|\\^");
  private static final Pattern HYPHEN = Pattern.compile("(\\S+)\\s+-\\s+(\\S+)");

  /** A comparator set, e.g. {@code >=1.2.0 <2.0.0-0}; empty means any version. */
  private record Comparator(Range.RangeOperator op, String version) {
    Range range() {
      return new Range(Semver.parse(version), op);
    }

    @Override
    public String toString() {
      return switch (op) {
        case EQ -> "=";
        case LT -> "<";
        case LTE -> "<=";
        case GT -> ">";
        case GTE -> ">=";
      } + version;
    }
  }

  /** A partial version: {@code null} for a missing or wildcard part. */
  private record Partial(Integer major, Integer minor, Integer patch, String pre) {
    String full() {
      return major + "." + minor + "." + patch + (pre == null ? "" : "-" + pre);
    }

    String zeros() {
      return n(major) + "." + n(minor) + "." + n(patch) + (pre == null ? "" : "-" + pre);
    }

    private static int n(Integer i) {
      return i == null ? 0 : i;
    }
  }

  private final String text;
  private final List<List<Comparator>> sets;
  private final boolean preReleases;

  private VersionRange(String text, List<List<Comparator>> sets, boolean preReleases) {
    this.text = text;
    this.sets = sets;
    this.preReleases = preReleases;
  }

  /**
   * Parses a range in the npm syntax: comparator sets joined by {@code ||}; a set is comparators separated by
   * spaces ({@code >=1.2.0 <2}), or a hyphen range ({@code 1.2 - 2.3.4}); a comparator is an operator
   * ({@code <}, {@code <=}, {@code >}, {@code >=}, {@code =}, {@code ~}, {@code ^}, or none) and a version whose
   * minor and patch may be left out or be {@code x}, {@code X} or {@code *}.
   *
   * @throws IllegalArgumentException naming the range and what is wrong with it, e.g. for {@code ""},
   *     {@code "latest"}, {@code "^1.2 ||"} or {@code ">=1.2.3.4"}
   */
  public static VersionRange parse(String text) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw invalid(text, "it is empty (use * for any version)");
    }
    List<List<Comparator>> sets = new ArrayList<>();
    String[] alternatives = trimmed.split("\\|\\|", -1);
    for (int i = 0; i < alternatives.length; i++) {
      String alternative = alternatives[i].strip();
      if (alternative.isEmpty()) {
        throw invalid(text, alternatives.length == 1 ? "it is empty"
            : "an alternative " + (i == 0 ? "before" : "after") + " \"||\" is empty");
      }
      sets.add(set(text, alternative));
    }
    return new VersionRange(trimmed, List.copyOf(sets), false);
  }

  /** Every version: {@code *}. */
  public static VersionRange any() {
    return parse("*");
  }

  /**
   * Orders version texts by SemVer 2.0.0 precedence ({@code 1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-beta < 1.0.0 <
   * 1.1.0}; build metadata is ignored for precedence, then the text breaks ties so that the order is total);
   * texts that are not strict SemVer come first, by text. Use it to find the newest version a range matches.
   */
  public static java.util.Comparator<String> comparator() {
    return Versions.ORDER;
  }

  /** This range, letting pre-releases match like any other version. */
  public VersionRange includingPreReleases() {
    return new VersionRange(text, sets, true);
  }

  /** Whether pre-releases match like any other version. */
  public boolean includesPreReleases() {
    return preReleases;
  }

  /** The range as written (trimmed), e.g. {@code ^1.2}. */
  public String text() {
    return text;
  }

  /**
   * The range in primitive comparators, e.g. {@code >=1.2.0 <2.0.0-0} for {@code ^1.2}; sets are joined by
   * {@code ||}, and {@code *} stands for any version.
   */
  public String canonical() {
    List<String> out = new ArrayList<>();
    for (List<Comparator> set : sets) {
      out.add(set.isEmpty() ? "*" : String.join(" ", set.stream().map(Comparator::toString).toList()));
    }
    return String.join(" || ", out);
  }

  /** Whether {@code version} (strict SemVer 2.0.0) is in the range; any other text is not. */
  public boolean matches(String version) {
    Optional<Semver> v = Versions.parse(version);
    if (v.isEmpty()) {
      return false;
    }
    RangeList list = new RangeList(preReleases);
    for (List<Comparator> set : sets) {
      List<Range> ranges = new ArrayList<>();
      if (set.isEmpty()) {
        ranges.add(new Range(Semver.ZERO, Range.RangeOperator.GTE));
      }
      set.forEach(c -> ranges.add(c.range()));
      list.add(ranges);
    }
    return list.isSatisfiedBy(v.get());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VersionRange r && r.text.equals(text) && r.preReleases == preReleases;
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, preReleases);
  }

  /** The range as written, and {@code (pre-releases included)} when they are. */
  @Override
  public String toString() {
    return text + (preReleases ? " (pre-releases included)" : "");
  }

  // ------------------------------------------------------------------------------------------ parsing

  private static List<Comparator> set(String text, String set) {
    Matcher hyphen = HYPHEN.matcher(set);
    if (hyphen.matches()) {
      Partial from = partial(text, hyphen.group(1), false);
      Partial to = partial(text, hyphen.group(2), false);
      List<Comparator> out = new ArrayList<>();
      if (from.major() != null) {
        out.add(new Comparator(Range.RangeOperator.GTE, from.zeros()));
      }
      if (to.major() != null) {
        if (to.minor() == null) {
          out.add(new Comparator(Range.RangeOperator.LT, inc(text, to.major()) + ".0.0-0"));
        } else if (to.patch() == null) {
          out.add(new Comparator(Range.RangeOperator.LT, to.major() + "." + inc(text, to.minor()) + ".0-0"));
        } else {
          out.add(new Comparator(Range.RangeOperator.LTE, to.full()));
        }
      }
      return out;
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
      out.addAll(comparator(text, token));
    }
    return out;
  }

  private static List<Comparator> comparator(String text, String token) {
    Matcher m = COMPARATOR.matcher(token);
    if (!m.matches()) {
      if (token.equals("-")) {
        throw invalid(text, "a hyphen range needs a version on both sides, e.g. 1.2 - 2.3");
      }
      throw invalid(text, "\"" + token + "\" is not a comparator such as >=1.2.0, ^1.2 or 1.x");
    }
    String op = m.group(1) == null ? "" : m.group(1);
    Partial p = partial(text, token.substring(op.length()), true);
    Range.RangeOperator lt = Range.RangeOperator.LT;
    Range.RangeOperator gte = Range.RangeOperator.GTE;
    Integer major = p.major();
    Integer minor = p.minor();
    Integer patch = p.patch();
    if (major == null) {
      // *, x, >=*, <=*: any version; <* and >*: none
      return op.equals("<") || op.equals(">") ? List.of(new Comparator(lt, "0.0.0-0")) : List.of();
    }
    switch (op) {
      case "", "=" -> {
        if (minor == null) {
          return List.of(new Comparator(gte, major + ".0.0"), new Comparator(lt, inc(text, major) + ".0.0-0"));
        }
        if (patch == null) {
          return List.of(new Comparator(gte, major + "." + minor + ".0"),
              new Comparator(lt, major + "." + inc(text, minor) + ".0-0"));
        }
        return List.of(new Comparator(Range.RangeOperator.EQ, p.full()));
      }
      case ">" -> {
        if (minor == null) {
          return List.of(new Comparator(gte, inc(text, major) + ".0.0"));
        }
        if (patch == null) {
          return List.of(new Comparator(gte, major + "." + inc(text, minor) + ".0"));
        }
        return List.of(new Comparator(Range.RangeOperator.GT, p.full()));
      }
      case ">=" -> {
        return List.of(new Comparator(gte, p.zeros()));
      }
      case "<" -> {
        return List.of(new Comparator(lt, patch == null ? major + "." + (minor == null ? 0 : minor) + ".0-0"
            : p.full()));
      }
      case "<=" -> {
        if (minor == null) {
          return List.of(new Comparator(lt, inc(text, major) + ".0.0-0"));
        }
        if (patch == null) {
          return List.of(new Comparator(lt, major + "." + inc(text, minor) + ".0-0"));
        }
        return List.of(new Comparator(Range.RangeOperator.LTE, p.full()));
      }
      case "~", "~>" -> {
        String upper = minor == null ? inc(text, major) + ".0.0-0" : major + "." + inc(text, minor) + ".0-0";
        return List.of(new Comparator(gte, p.zeros()), new Comparator(lt, upper));
      }
      default -> { // ^
        String upper;
        if (major > 0 || minor == null) {
          upper = inc(text, major) + ".0.0-0";
        } else if (minor > 0 || patch == null) {
          upper = "0." + inc(text, minor) + ".0-0";
        } else {
          upper = "0.0." + inc(text, patch) + "-0";
        }
        return List.of(new Comparator(gte, p.zeros()), new Comparator(lt, upper));
      }
    }
  }

  /** A partial version; a part after a wildcard is a wildcard too ({@code 1.x.3} is {@code 1.x}). */
  private static Partial partial(String text, String token, boolean withOperator) {
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
    return new Partial(major, minor, patch, patch == null ? null : m.group(5));
  }

  private static Integer number(String text, String part) {
    if (part == null || part.equals("x") || part.equals("X") || part.equals("*")) {
      return null;
    }
    try {
      return Integer.valueOf(part);
    } catch (NumberFormatException e) {
      throw invalid(text, "the number " + part + " is too large");
    }
  }

  private static int inc(String text, int n) {
    if (n == Integer.MAX_VALUE) {
      throw invalid(text, "the number " + n + " is too large");
    }
    return n + 1;
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("range \"" + text + "\" is not a valid SemVer range: " + why + "; "
        + EXAMPLES);
  }
}
