package com.acme.release;

import dev.codexplugin.api.McpTool;
import dev.codexplugin.api.Param;
import dev.codexplugin.api.TriState;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.semver4j.Semver;
import org.semver4j.range.RangeList;
import org.semver4j.range.RangeListFactory;

/** Semantic Versioning 2.0.0 tools: pure, offline and deterministic. */
public final class VersionTools {
  /** The result of {@link #compare}. */
  public record Comparison(int order, String newer, boolean equal) {}

  /** The result of {@link #satisfies}. */
  public record RangeCheck(boolean satisfies, String version, String range) {}

  /**
   * Compares two semantic versions by precedence.
   *
   * @param a the first version, e.g. {@code 1.4.0}
   * @param b the second version, e.g. {@code 1.10.0-rc.1}
   */
  @McpTool(title = "Compare versions", readOnly = TriState.TRUE, idempotent = TriState.TRUE,
      openWorld = TriState.FALSE, structuredOutput = true)
  public Comparison compare(String a, String b) {
    Semver left = parse("a", a);
    Semver right = parse("b", b);
    int order = Integer.signum(left.compareTo(right));
    return new Comparison(order, order >= 0 ? left.getVersion() : right.getVersion(), order == 0);
  }

  /**
   * Checks whether a version satisfies a range in npm syntax ({@code ^1.2}, {@code ~1.2}, {@code >=1 <2},
   * {@code 1.x || >=3}).
   *
   * @param version the version to check
   * @param range the range
   * @param includePreRelease whether a pre-release such as {@code 2.0.0-rc.1} may satisfy the range
   */
  @McpTool(title = "Check a range", readOnly = TriState.TRUE, idempotent = TriState.TRUE,
      openWorld = TriState.FALSE, structuredOutput = true)
  public RangeCheck satisfies(String version, String range,
      @Param(defaultValue = "false") boolean includePreRelease) {
    Semver semver = parse("version", version);
    RangeList ranges = range(range, includePreRelease);
    return new RangeCheck(ranges.isSatisfiedBy(semver), semver.getVersion(), range);
  }

  /**
   * Bumps a version: {@code MAJOR} for a breaking change, {@code MINOR} for a feature, {@code PATCH} for a fix,
   * optionally as a pre-release of the next version.
   *
   * @param version the current version
   * @param level the part to bump
   * @param preRelease a pre-release label such as {@code rc.1} for the bumped version
   * @param confirmMajor true once the user confirmed a MAJOR bump (a breaking change); the plugin's release
   *     policy hook stops a MAJOR bump without it and asks the user first
   */
  @McpTool(title = "Bump a version", readOnly = TriState.TRUE, idempotent = TriState.TRUE,
      openWorld = TriState.FALSE)
  public String bump(String version, BumpLevel level, Optional<String> preRelease,
      @Param(defaultValue = "false") boolean confirmMajor) {
    Semver current = parse("version", version);
    Semver next = switch (level) {
      case MAJOR -> current.nextMajor();
      case MINOR -> current.nextMinor();
      case PATCH -> current.nextPatch();
    };
    next = next.withClearedBuild();
    if (preRelease.isPresent()) {
      String label = preRelease.get();
      Semver withLabel = Semver.parse(next.getVersion() + "-" + label);
      if (withLabel == null) {
        throw new IllegalArgumentException("\"" + label + "\" is not a valid pre-release label; use dot-separated"
            + " letters, digits and hyphens such as rc.1");
      }
      next = withLabel;
    }
    return next.getVersion();
  }

  /**
   * Sorts versions by precedence (pre-releases before their release, build metadata ignored).
   *
   * @param versions the versions to sort
   * @param descending highest first
   */
  @McpTool(title = "Sort versions", readOnly = TriState.TRUE, idempotent = TriState.TRUE,
      openWorld = TriState.FALSE)
  public List<String> sort(List<String> versions, @Param(defaultValue = "false") boolean descending) {
    Comparator<Semver> order = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
    return versions.stream()
        .map(v -> parse("versions", v))
        .sorted(order)
        .map(Semver::getVersion)
        .toList();
  }

  /**
   * Finds the highest of the versions that satisfies the range.
   *
   * @param versions the candidates, e.g. the published versions of an artifact
   * @param range the range in npm syntax
   */
  @McpTool(title = "Highest satisfying version", readOnly = TriState.TRUE, idempotent = TriState.TRUE,
      openWorld = TriState.FALSE, structuredOutput = true)
  public Optional<String> maxSatisfying(List<String> versions, String range) {
    RangeList ranges = range(range, false);
    return versions.stream()
        .map(v -> parse("versions", v))
        .filter(ranges::isSatisfiedBy)
        .max(Comparator.naturalOrder())
        .map(Semver::getVersion);
  }

  private static Semver parse(String argument, String version) {
    Semver semver = Semver.parse(version);
    if (semver == null) {
      throw new IllegalArgumentException(argument + ": \"" + version + "\" is not a semantic version;"
          + " write MAJOR.MINOR.PATCH such as 1.4.2 or 2.0.0-rc.1");
    }
    return semver;
  }

  /** semver4j answers "not satisfied" for a range it cannot parse; check it first and say so. */
  private static RangeList range(String range, boolean includePreRelease) {
    RangeList ranges = RangeListFactory.create(range, includePreRelease);
    if (range.isBlank() || ranges.get().isEmpty()) {
      // "" means "any version" to semver4j, and garbage means "no version"; both are mistakes here.
      throw new IllegalArgumentException("\"" + range + "\" is not a version range; write it like ^1.2, ~1.2,"
          + " >=1.0.0 <2.0.0 or 1.x || >=3");
    }
    return ranges;
  }
}
