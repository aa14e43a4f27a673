package dev.codexplugin.runtime;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.semver4j.Semver;
import org.semver4j.range.RangeListFactory;

/** npm ranges: what they match, how they desugar, and that garbage is an error rather than "any version". */
class VersionRangeTest {
  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource(delimiter = ';', value = {
      "^1.2           ; 1.2.0       ; true",
      "^1.2           ; 1.9.9       ; true",
      "^1.2           ; 1.1.9       ; false",
      "^1.2           ; 2.0.0       ; false",
      "^1.2           ; 1.5.0-rc.1  ; false",
      "^1.2           ; 2.0.0-rc.1  ; false",
      "^0.2.3         ; 0.2.9       ; true",
      "^0.2.3         ; 0.3.0       ; false",
      "^0.0.3         ; 0.0.4       ; false",
      "^0.0           ; 0.0.9       ; true",
      "^0.0           ; 0.1.0       ; false",
      "~1.2           ; 1.2.7       ; true",
      "~1.2           ; 1.3.0       ; false",
      "~1             ; 1.9.0       ; true",
      ">=1 <2         ; 1.0.0       ; true",
      ">=1 <2         ; 1.99.0      ; true",
      ">=1 <2         ; 2.0.0       ; false",
      ">=1 <2         ; 0.9.0       ; false",
      ">= 1 < 2       ; 1.5.0       ; true",
      "1.x || >=3     ; 1.4.0       ; true",
      "1.x || >=3     ; 2.4.0       ; false",
      "1.x || >=3     ; 3.0.0       ; true",
      "1.x || >=3     ; 7.1.0       ; true",
      "1.2.3 - 2      ; 2.9.0       ; true",
      "1.2.3 - 2      ; 3.0.0       ; false",
      "1.2.3 - 2.3.4  ; 2.3.4       ; true",
      "1.2.3 - 2.3.4  ; 2.3.5       ; false",
      "*              ; 0.0.1       ; true",
      "x              ; 9.0.0       ; true",
      "*              ; 1.0.0-rc.1  ; false",
      "=1.2.3         ; 1.2.3+build ; true",
      "1.2            ; 1.2.5       ; true",
      ">1.2           ; 1.2.9       ; false",
      ">1.2           ; 1.3.0       ; true",
      "<=1.2          ; 1.2.9       ; true",
      "<=1.2          ; 1.3.0       ; false",
      "<1.2           ; 1.1.9       ; true",
      ">=1.2.3-beta.1 ; 1.2.3-beta.2 ; true",
      ">=1.2.3-beta.1 ; 1.2.4-beta.1 ; false",
      "^1.2           ; 1.2         ; false",
      "^1.2           ; v1.2.0      ; false"})
  void matches(String range, String version, boolean expected) {
    assertWithMessage("%s matches %s (%s)", range, version, VersionRange.parse(range).canonical())
        .that(VersionRange.parse(range).matches(version)).isEqualTo(expected);
  }

  @Test
  void preReleasesMatchOnlyWhenAskedFor() {
    VersionRange range = VersionRange.parse("^1.2");
    assertThat(range.matches("1.5.0-rc.1")).isFalse();
    assertThat(range.includesPreReleases()).isFalse();
    VersionRange withPre = range.includingPreReleases();
    assertThat(withPre.matches("1.5.0-rc.1")).isTrue();
    assertThat(withPre.matches("2.0.0-rc.1")).isFalse();
    assertThat(withPre.toString()).isEqualTo("^1.2 (pre-releases included)");
    assertThat(withPre).isNotEqualTo(range);
    assertThat(VersionRange.parse(" ^1.2 ")).isEqualTo(range);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = ';', value = {
      "^1.2          ; >=1.2.0 <2.0.0-0",
      "~1.2.3        ; >=1.2.3 <1.3.0-0",
      "^0.0.3        ; >=0.0.3 <0.0.4-0",
      "1.x || >=3    ; >=1.0.0 <2.0.0-0 || >=3.0.0",
      "1.2 - 2.3.4   ; >=1.2.0 <=2.3.4",
      "*             ; *",
      "<*            ; <0.0.0-0",
      "v1.2.3        ; =1.2.3"})
  void desugarsLikeNodeSemver(String range, String canonical) {
    assertThat(VersionRange.parse(range).canonical()).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "   ", "latest", "garbage", "^1.2 ||", "|| 1", ">=1 <2 foo", "1.2.3.4", ">=", "^",
      "1.2.3-", "01.2", "1 -", "- 1", "1.2-rc.1", ">=abc", "~>", "1.2.3 - 2.3.4 - 5", "99999999999"})
  void garbageIsAnErrorNamingTheRange(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(text));
    assertThat(e).hasMessageThat().startsWith("range \"" + text + "\" is not a valid SemVer range: ");
    assertThat(e).hasMessageThat().contains("write e.g. ^1.2, ~1.2, >=1 <2, 1.x || >=3 or *");
  }

  /** Rows that semver4j alone answers otherwise (each row checks that too); node-semver 7.8.6's answers. */
  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource(delimiter = ';', value = {
      "^0                  ; 1.0.0       ; false",
      "^0.x                ; 1.0.0       ; false",
      "^0.0                ; 0.0.7       ; true",
      "x                   ; 1.0.0       ; true",
      "~*                  ; 1.0.0       ; true",
      ">=*                 ; 1.0.0       ; true",
      ">*                  ; 1.0.0       ; false",
      "1.2 - *             ; 9.0.0       ; true",
      "1.2.4-alpha - 1.2.3 ; 1.2.4-beta  ; false",
      "^1.2 <1.5           ; 1.1.0       ; false",
      ">=2.0.0-rc ^1       ; 2.0.0-rc.1  ; false",
      "^1 <=2.0.0-rc       ; 2.0.0-alpha ; false"})
  void matchesAsNodeSemverWhereSemver4jAloneDoesNot(String range, String version, boolean expected) {
    assertWithMessage("semver4j alone: %s matches %s", range, version)
        .that(Semver.parse(version).satisfies(range)).isEqualTo(!expected);
    assertWithMessage("%s matches %s (%s)", range, version, VersionRange.parse(range).canonical())
        .that(VersionRange.parse(range).matches(version)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = ';', value = {
      "^0            ; <1.0.0-0",
      "^0.0          ; <0.1.0-0",
      ">=0           ; *",
      "x             ; *",
      ">*            ; <0.0.0-0",
      "<1.0.0-rc || *; *",
      "<* || ^1      ; >=1.0.0 <2.0.0-0",
      "* - 2         ; <3.0.0-0",
      "1.2 1.2       ; >=1.2.0 <1.3.0-0",
      "^1.2 <*       ; <0.0.0-0"})
  void desugarsLikeNodeSemverWhereSemver4jDoesNot(String range, String canonical) {
    assertThat(VersionRange.parse(range).canonical()).isEqualTo(canonical);
  }

  @Test
  void withPreReleasesTheLowerBoundsStartAtTheLowestPreRelease() {
    assertThat(VersionRange.parse("^1.2").includingPreReleases().canonical()).isEqualTo(">=1.2.0-0 <2.0.0-0");
    assertThat(VersionRange.parse("1.2.3 - 2").includingPreReleases().canonical())
        .isEqualTo(">=1.2.3-0 <3.0.0-0");
    assertThat(VersionRange.parse("^1.2.3").includingPreReleases().canonical()).isEqualTo(">=1.2.3 <2.0.0-0");
    assertThat(VersionRange.parse("^1.2").includingPreReleases().matches("1.2.0-rc.1")).isTrue();
    assertThat(VersionRange.parse("^1.2.3").includingPreReleases().matches("1.2.3-rc.1")).isFalse();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(delimiter = ';', value = {
      "2147483647      ; 2147483647",
      "^2147483647     ; 2147483647",
      ">=1.2147483647  ; 2147483647",
      "1.2.99999999999 ; 99999999999"})
  void aNumberWithoutANextNumberIsTooLarge(String text, String number) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(text));
    assertThat(e).hasMessageThat().isEqualTo("range \"" + text + "\" is not a valid SemVer range: the number "
        + number + " is too large; write e.g. ^1.2, ~1.2, >=1 <2, 1.x || >=3 or *");
  }

  @Test
  void semver4jAloneWouldHaveAcceptedTheGarbage() {
    // the reason for the grammar check: semver4j reads these as "any version" or drops the junk
    assertThat(RangeListFactory.create("", false).isSatisfiedByAny()).isTrue();
    assertThat(RangeListFactory.create("latest", false).isSatisfiedByAny()).isTrue();
    assertThat(RangeListFactory.create(">=1 <2 foo", false).toString()).isEqualTo(">=1.0.0 and <2.0.0");
    assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(">=1 <2 foo"));
  }

  @Test
  void aVersionThatIsNotStrictSemVerMatchesNothing() {
    assertThat(VersionRange.any().matches("local")).isFalse();
    assertThat(VersionRange.any().matches("1.0")).isFalse();
    assertThat(VersionRange.any().matches("1.0.0")).isTrue();
  }
}
