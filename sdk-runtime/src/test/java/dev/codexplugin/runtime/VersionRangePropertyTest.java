package dev.codexplugin.runtime;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.codexplugin.runtime.HandWrittenVersionRange.NodeSemver;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link VersionRange} (semver4j's evaluation) against the code it replaced ({@link HandWrittenVersionRange}) on
 * random ranges and versions, and against node-semver itself when it is installed ({@code -Pe2e}).
 *
 * <p>The pairs come from a seeded {@link Random}: the same seed, the same pairs. A failure names its seed; run it
 * again with {@code -Dcodexplugin.seed=<seed>}.
 *
 * <p>Where the hand-written code answered otherwise than node-semver 7 (the reference), VersionRange answers as
 * node-semver does. The cases are the constants of {@link NodeSemver}; {@link #NODE_SEMVER_CASES} lists examples
 * of each, checked against node-semver itself by {@link #sameAnswersAsNodeSemver}.
 */
class VersionRangePropertyTest {
  private static final long SEED = Long.getLong("codexplugin.seed", 20_261_202L);
  private static final int PAIRS = 12_000;
  private static final Set<NodeSemver> ALL = EnumSet.allOf(NodeSemver.class);

  /** {@link #NODE_SEMVER_CASES} as test arguments. */
  static Stream<Arguments> nodeSemverCases() {
    return NODE_SEMVER_CASES.stream().map(c -> Arguments.of(c.correction, c.range, c.version, c.preReleases,
        c.nodeSemver));
  }

  private record Case(NodeSemver correction, String range, String version, boolean preReleases,
      boolean nodeSemver) {}

  /**
   * Where VersionRange and the hand-written code answer differently, with node-semver 7.8.6's answer, which
   * VersionRange gives; the hand-written code gave the other answer to each.
   */
  static final List<Case> NODE_SEMVER_CASES = List.of(
      new Case(NodeSemver.LOWEST_PRE_RELEASE, "^1.2", "1.2.0-rc.1", true, true),
      new Case(NodeSemver.LOWEST_PRE_RELEASE, "~1.2", "1.2.0-0", true, true),
      new Case(NodeSemver.LOWEST_PRE_RELEASE, "1.x", "1.0.0-rc", true, true),
      new Case(NodeSemver.LOWEST_PRE_RELEASE, ">=1.2", "1.2.0-alpha", true, true),
      new Case(NodeSemver.LOWEST_PRE_RELEASE, ">1.2", "1.3.0-alpha", true, true),
      new Case(NodeSemver.LOWEST_PRE_RELEASE, "^0.2", "0.2.0-rc", true, true),
      new Case(NodeSemver.LOWEST_PRE_RELEASE, "*", "0.0.0-alpha", true, true),
      new Case(NodeSemver.LOWEST_PRE_RELEASE, "1.2.3 - 2", "1.2.3-alpha", true, true),
      new Case(NodeSemver.GREATER_OR_EQUAL_ZERO_IS_ANY, ">=0 <=0.0.0-rc", "0.0.0-beta", false, true),
      new Case(NodeSemver.GREATER_OR_EQUAL_ZERO_IS_ANY, "0.x <=0.0.0-rc", "0.0.0-beta", false, true),
      new Case(NodeSemver.ANY_ALTERNATIVE_IS_THE_RANGE, "<1.0.0-rc || *", "1.0.0-alpha", false, false),
      new Case(NodeSemver.ANY_ALTERNATIVE_IS_THE_RANGE, "<2.3.2-beta||>=0", "2.3.2-0", false, false),
      new Case(NodeSemver.ANY_ALTERNATIVE_IS_THE_RANGE, "=* || ~1.1.2-0", "1.1.2-alpha", false, false));

  @ParameterizedTest(name = "{0}: {1} matches {2} (pre-releases {3}): {4}")
  @MethodSource("nodeSemverCases")
  void answersAsNodeSemverWhereTheHandWrittenCodeDidNot(NodeSemver correction, String range, String version,
      boolean preReleases, boolean nodeSemver) {
    HandWrittenVersionRange old = HandWrittenVersionRange.parse(range);
    VersionRange now = VersionRange.parse(range);
    if (preReleases) {
      old = old.includingPreReleases();
      now = now.includingPreReleases();
    }
    assertWithMessage("the hand-written code").that(old.matches(version)).isEqualTo(!nodeSemver);
    assertWithMessage("the hand-written code corrected").that(old.with(ALL).matches(version)).isEqualTo(nodeSemver);
    assertWithMessage("the hand-written code corrected, but not for %s", correction)
        .that(old.with(EnumSet.complementOf(EnumSet.of(correction))).matches(version)).isEqualTo(!nodeSemver);
    assertWithMessage("VersionRange (%s)", now.canonical()).that(now.matches(version)).isEqualTo(nodeSemver);
  }

  @Test
  void sameAnswersAsTheHandWrittenCodeCorrectedWhereNodeSemverAnswersOtherwise() {
    List<String> failures = new ArrayList<>();
    Map<NodeSemver, Integer> corrected = new EnumMap<>(NodeSemver.class);
    int changed = 0;
    for (Answer answer : answers()) {
      Pair pair = answer.pair;
      HandWrittenVersionRange without = HandWrittenVersionRange.parse(pair.range);
      for (HandWrittenVersionRange old : List.of(without, without.includingPreReleases())) {
        boolean preReleases = old != without;
        boolean expected = old.with(ALL).matches(pair.version);
        if (answer.matches(preReleases) != expected) {
          failures.add(pair + (preReleases ? " with pre-releases" : "") + ": expected " + expected + " ("
              + old.canonical() + "), VersionRange says " + !expected + " (" + answer.canonical + ")");
        }
        if (old.matches(pair.version) != expected) {
          changed++;
          for (NodeSemver correction : NodeSemver.values()) {
            if (old.with(EnumSet.complementOf(EnumSet.of(correction))).matches(pair.version) != expected) {
              corrected.merge(correction, 1, Integer::sum);
            }
          }
        }
      }
    }
    assertWithMessage("seed %s (run again with -Dcodexplugin.seed=%s): %s of %s answers differ, the first",
        SEED, SEED, failures.size(), 2 * PAIRS).that(first(failures)).isEmpty();
    System.out.printf("VersionRangePropertyTest: %d pairs, seed %d: %d answers differ from the hand-written code's,"
        + " each as node-semver answers it (cases needed: %s)%n", PAIRS, SEED, changed, corrected);
  }

  /**
   * The same pairs and {@link #NODE_SEMVER_CASES} through node-semver: {@code satisfies} with and without
   * {@code includePrerelease}, and the desugared range against {@link VersionRange#canonical()}. Runs when
   * {@code codexplugin.nodeSemver} names an installed {@code semver} package, as {@code -Pe2e} does.
   *
   * <p>Left out: ranges with {@code v0.0.0}. node-semver 7.8.6 treats {@code >=0.0.0} as any version by its
   * text, so {@code >=v0.0.0} and {@code v0.0.0 - 2} keep a bound that {@code >=0.0.0} and {@code 0.0.0 - 2} do
   * not; VersionRange ignores a {@code v} everywhere, as node-semver does elsewhere.
   */
  @Test
  void sameAnswersAsNodeSemver(@TempDir Path dir) throws IOException, InterruptedException, URISyntaxException {
    String module = System.getProperty("codexplugin.nodeSemver");
    assumeTrue(module != null, "-Pe2e installs node-semver under target/ and sets codexplugin.nodeSemver");
    assertWithMessage("codexplugin.nodeSemver=%s is not an installed semver package", module)
        .that(Files.isRegularFile(Path.of(module, "package.json"))).isTrue();
    List<Answer> answers = new ArrayList<>(answers());
    NODE_SEMVER_CASES.forEach(c -> answers.add(Answer.of(new Pair(c.range, c.version))));
    answers.removeIf(a -> a.pair.range.contains("v0.0.0"));
    Path input = Files.write(dir.resolve("pairs.tsv"),
        answers.stream().map(a -> a.pair.range + "\t" + a.pair.version).toList());
    Path script = Path.of(getClass().getResource("node-semver-answers.js").toURI());
    Process node = new ProcessBuilder("node", script.toString(), module, input.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<String> lines = new String(node.getInputStream().readAllBytes(), UTF_8).lines().toList();
    assertWithMessage("node exited").that(node.waitFor(60, TimeUnit.SECONDS) && node.exitValue() == 0).isTrue();
    assertWithMessage("node-semver's version, then its answers").that(lines).hasSize(1 + answers.size());
    String version = lines.get(0);

    List<String> failures = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      Answer ours = answers.get(i);
      String[] node7 = lines.get(1 + i).split("\t", -1);
      if (ours.matches(false) != Boolean.parseBoolean(node7[0])
          || ours.matches(true) != Boolean.parseBoolean(node7[1])) {
        failures.add(ours.pair + ": node-semver " + node7[0] + "/" + node7[1] + " (without/with pre-releases),"
            + " VersionRange " + ours.without + "/" + ours.with + " (" + ours.canonical + ")");
      }
      // Only without pre-releases: with them, node-semver writes "- 2.3.4" as <2.3.5-0 and VersionRange as
      // <=2.3.4, which match the same versions.
      if (!ours.canonical.equals(canonical(node7[2]))) {
        failures.add(ours.pair.range + ": node-semver desugars it to " + canonical(node7[2])
            + ", VersionRange to " + ours.canonical);
      }
    }
    assertWithMessage("seed %s (run again with -Dcodexplugin.seed=%s): %s of %s pairs differ from node-semver %s,"
        + " the first", SEED, SEED, failures.size(), answers.size(), version).that(first(failures)).isEmpty();
    System.out.printf("VersionRangePropertyTest: %d pairs, seed %d: node-semver %s gives the same answers%n",
        answers.size(), SEED, version);
  }

  private static List<String> first(List<String> failures) {
    return failures.subList(0, Math.min(20, failures.size()));
  }

  /** node-semver's {@code Range.range} in {@link VersionRange#canonical()}'s notation. */
  private static String canonical(String nodeRange) {
    return Stream.of(nodeRange.split("\\|\\|", -1))
        .map(set -> set.isEmpty() ? "*" : Stream.of(set.split(" "))
            .map(c -> Character.isDigit(c.charAt(0)) ? "=" + c : c)
            .collect(Collectors.joining(" ")))
        .collect(Collectors.joining(" || "));
  }

  private static List<Answer> answers;

  /** VersionRange's answers to the random pairs, computed once for both tests. */
  private static synchronized List<Answer> answers() {
    if (answers == null) {
      answers = new Generator(SEED).pairs(PAIRS).stream().map(Answer::of).toList();
    }
    return answers;
  }

  /** VersionRange's answers to one pair: without and with pre-releases, and the range desugared. */
  private record Answer(Pair pair, boolean without, boolean with, String canonical) {
    static Answer of(Pair pair) {
      VersionRange range = VersionRange.parse(pair.range);
      return new Answer(pair, range.matches(pair.version), range.includingPreReleases().matches(pair.version),
          range.canonical());
    }

    boolean matches(boolean preReleases) {
      return preReleases ? with : without;
    }
  }

  private record Pair(String range, String version) {
    @Override
    public String toString() {
      return "\"" + range + "\" matches " + version;
    }
  }

  /**
   * Random ranges in the whole grammar and versions near them: small numbers (so that versions fall on the
   * bounds), pre-releases and build metadata on both sides, x-ranges, hyphen ranges, tilde and caret on 0.x,
   * {@code ||} unions, {@code v} prefixes, spaces after operators.
   *
   * <p>Left out: pre-release identifiers that mix letters and digits, such as {@code rc9} and {@code rc10}.
   * semver4j orders them by their digits ({@code rc9 < rc10}), node-semver and SemVer 2.0.0 (§11) in ASCII order
   * ({@code rc10 < rc9}); VersionRange, like the hand-written code before it, follows semver4j there.
   */
  private static final class Generator {
    private static final List<String> OPERATORS = List.of("", "", "=", "<", "<=", ">", ">=", "~", "~>", "^", "^");
    private static final List<String> PRE_RELEASES =
        List.of("0", "1", "2", "alpha", "alpha.1", "beta", "beta.2", "rc.1", "x-1");
    private final Random random;

    Generator(long seed) {
      random = new Random(seed);
    }

    List<Pair> pairs(int n) {
      List<Pair> pairs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        pairs.add(new Pair(range(), version()));
      }
      return pairs;
    }

    private String version() {
      String v = number() + "." + number() + "." + number();
      if (percent(35)) {
        v += "-" + pick(PRE_RELEASES);
      }
      if (percent(15)) {
        v += "+" + pick(List.of("build.1", "001", "sha-5"));
      }
      return v;
    }

    private String range() {
      int n = percent(60) ? 1 : percent(75) ? 2 : 3;
      List<String> alternatives = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        alternatives.add(percent(20) ? partial() + " - " + partial() : comparators());
      }
      return String.join(pick(List.of(" || ", "||", " ||  ")), alternatives);
    }

    private String comparators() {
      int n = 1 + random.nextInt(random.nextInt(3) + 1);
      List<String> comparators = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String op = pick(OPERATORS);
        comparators.add(op + (!op.isEmpty() && percent(12) ? " " : "") + partial());
      }
      return String.join(percent(10) ? "  " : " ", comparators);
    }

    /** A version with parts left out or wildcards ({@code 1}, {@code 1.x}, {@code *}), or a full one. */
    private String partial() {
      StringBuilder b = new StringBuilder(percent(10) ? "v" : "");
      if (percent(5)) {
        return b.append(wildcard()).toString();
      }
      b.append(number());
      for (int part = 0; part < 2; part++) {
        int k = random.nextInt(100);
        if (k < 15) {
          return b.toString();
        }
        if (k < 25) {
          return b.append('.').append(wildcard()).toString();
        }
        b.append('.').append(number());
      }
      if (percent(25)) {
        b.append('-').append(pick(PRE_RELEASES));
      }
      if (percent(10)) {
        b.append("+b.7");
      }
      return b.toString();
    }

    private String wildcard() {
      return pick(List.of("x", "X", "*"));
    }

    private int number() {
      return random.nextInt(4);
    }

    private boolean percent(int p) {
      return random.nextInt(100) < p;
    }

    private <T> T pick(List<T> from) {
      return from.get(random.nextInt(from.size()));
    }
  }
}
