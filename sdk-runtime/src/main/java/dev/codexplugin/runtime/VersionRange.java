package dev.codexplugin.runtime;

import dev.codexplugin.runtime.RangeGrammar.Comparator;
import dev.codexplugin.runtime.RangeGrammar.ComparatorSet;
import dev.codexplugin.runtime.RangeGrammar.Comparators;
import dev.codexplugin.runtime.RangeGrammar.Hyphen;
import dev.codexplugin.runtime.internal.Versions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.semver4j.Semver;
import org.semver4j.range.Range;
import org.semver4j.range.RangeList;
import org.semver4j.range.RangeListFactory;

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
 *
 * <p>A range matches the versions that npm's node-semver 7 matches with it; semver4j evaluates it.
 */
public final class VersionRange {
  /** What {@code <*} and {@code >*} match: nothing (node-semver's {@code <0.0.0-0}). */
  private static final Range NOTHING = new Range(Semver.parse("0.0.0-0"), Range.RangeOperator.LT);
  /** What node-semver reads as any version: {@code >=0.0.0}, and with pre-releases {@code >=0.0.0-0}. */
  private static final Range ANY = new Range(Semver.ZERO, Range.RangeOperator.GTE);
  private static final Range ANY_WITH_PRE_RELEASES = new Range(Semver.parse("0.0.0-0"), Range.RangeOperator.GTE);

  private final String text;
  private final List<ComparatorSet> sets;
  private final boolean preReleases;
  /** The sets in semver4j's primitive comparators; an empty set is any version. */
  private final List<List<Range>> ranges;
  private final RangeList rangeList;

  private VersionRange(String text, List<ComparatorSet> sets, boolean preReleases) {
    this.text = text;
    this.sets = sets;
    this.preReleases = preReleases;
    this.ranges = ranges(sets, preReleases);
    this.rangeList = new RangeList(preReleases);
    Range any = preReleases ? ANY_WITH_PRE_RELEASES : ANY;
    this.ranges.forEach(set -> rangeList.add(set.isEmpty() ? List.of(any) : set));
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
    return new VersionRange(text.strip(), RangeGrammar.parse(text), false);
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
    return preReleases ? this : new VersionRange(text, sets, true);
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
   * The range in primitive comparators, as node-semver desugars it: e.g. {@code >=1.2.0 <2.0.0-0} for
   * {@code ^1.2}, and {@code >=1.2.0-0 <2.0.0-0} when it {@linkplain #includingPreReleases() includes
   * pre-releases}; sets are joined by {@code ||}, and {@code *} stands for any version.
   */
  public String canonical() {
    return ranges.stream()
        .map(set -> set.isEmpty() ? "*" : set.stream().map(Range::toString).collect(Collectors.joining(" ")))
        .collect(Collectors.joining(" || "));
  }

  /** Whether {@code version} (strict SemVer 2.0.0) is in the range; any other text is not. */
  public boolean matches(String version) {
    Optional<Semver> v = Versions.parse(version);
    if (v.isEmpty()) {
      return false;
    }
    return rangeList.isSatisfiedBy(v.get());
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

  // ------------------------------------------------------------------------------------------ evaluation
  //
  // semver4j expands each comparator (caret, tilde, x-range) and evaluates the sets, pre-release rule included.
  // It is handed one comparator at a time, because it expands a caret, tilde or hyphen range only when it is the
  // whole set (^1.2 <1.5 would be <1.5.0 to it). The few shapes it gets wrong are rewritten first; each rewrite
  // names what node-semver 7, the reference, makes of the shape, and VersionRangePropertyTest checks them.

  private static List<List<Range>> ranges(List<ComparatorSet> sets, boolean preReleases) {
    List<List<Range>> ranges = sets.stream().map(set -> ranges(set, preReleases)).toList();
    if (ranges.size() == 1) {
      return ranges;
    }
    // node-semver: an alternative that is any version makes the whole range any version ("<1.0.0-rc || *"
    // lets no pre-release in); semver4j would try each alternative.
    if (ranges.contains(List.of())) {
      return List.of(List.of());
    }
    // Alternatives that match nothing are left out, unless all do, as node-semver writes them.
    List<List<Range>> some = ranges.stream().filter(set -> !set.equals(List.of(NOTHING))).toList();
    return some.isEmpty() ? ranges.subList(0, 1) : some;
  }

  private static List<Range> ranges(ComparatorSet set, boolean preReleases) {
    List<Range> out = new ArrayList<>();
    if (set instanceof Hyphen hyphen) {
      // node-semver: "1.2.3 - 2.3" is ">=1.2.3 <=2.3" (x-range bounds); with pre-releases included, a full lower
      // bound takes its lowest pre-release (>=1.2.3-0). semver4j reads * on either side as an empty range and
      // ends "1.2.4-alpha - 1.2.3" at <1.2.4, which lets 1.2.4-beta in by the pre-release rule.
      Comparator from = hyphen.from().withOperator(">=");
      if (preReleases && !from.partial() && from.preRelease() == null) {
        from = new Comparator(">=", from.major(), from.minor(), from.patch(), "0");
      }
      out.addAll(ranges(from, preReleases));
      out.addAll(ranges(hyphen.to().withOperator("<="), preReleases));
    } else {
      ((Comparators) set).comparators().forEach(c -> out.addAll(ranges(c, preReleases)));
    }
    // node-semver: >=0.0.0 (>=0.0.0-0 with pre-releases included) is any version, so ">=0 <=0.0.0-rc" lets
    // 0.0.0-beta in; semver4j keeps it as a bound, which 0.0.0-beta is below.
    out.removeIf((preReleases ? ANY_WITH_PRE_RELEASES : ANY)::equals);
    // A comparator that matches nothing is the whole set, and one written twice counts once, as node-semver
    // writes them.
    return out.contains(NOTHING) ? List.of(NOTHING) : out.stream().distinct().toList();
  }

  private static List<Range> ranges(Comparator c, boolean preReleases) {
    if (c.major() == null) {
      // node-semver: a wildcard major is any version, and nothing after < or >. semver4j gets only a lone *
      // right: x is <0.0.0 to it, ~* is <0.0.0, >* is >=0.0.0.
      return c.operator().equals("<") || c.operator().equals(">") ? List.of(NOTHING) : List.of();
    }
    String op = c.operator();
    if (op.equals("^") && c.major() == 0 && c.partial() && (c.minor() == null || c.minor() == 0)) {
      // node-semver: ^0 is ~0 (<1.0.0-0) and ^0.0 is ~0.0 (<0.1.0-0); semver4j reads ^0 as >=0.0.0 and ^0.0
      // as >=0.0.0 <0.0.0.
      op = "~";
    }
    List<Range> ranges = expand(c.withOperator(op).text(), preReleases);
    if (!c.partial() && !op.equals("~") && !op.equals("^")) {
      return ranges;
    }
    // node-semver ends a derived range before the bound's pre-releases (^1.2 is <2.0.0-0); semver4j does only
    // when pre-releases are included, so ">=2.0.0-rc ^1" would let 2.0.0-rc.1 in by the pre-release rule.
    return ranges.stream().map(VersionRange::beforePreReleases).toList();
  }

  private static Range beforePreReleases(Range range) {
    Semver bound = range.getRangeVersion();
    if (!bound.getPreRelease().isEmpty() || !range.equals(new Range(bound, Range.RangeOperator.LT))) {
      return range;
    }
    return new Range(Semver.parse(bound.getMajor() + "." + bound.getMinor() + "." + bound.getPatch() + "-0"),
        Range.RangeOperator.LT);
  }

  /** semver4j's expansion of one comparator: one set of primitive comparators. */
  private static List<Range> expand(String comparator, boolean preReleases) {
    List<List<Range>> sets = RangeListFactory.create(comparator, preReleases).get();
    if (sets.size() != 1 || sets.get(0).isEmpty()) {
      throw new IllegalStateException("semver4j could not read the comparator " + comparator);
    }
    return sets.get(0);
  }
}
