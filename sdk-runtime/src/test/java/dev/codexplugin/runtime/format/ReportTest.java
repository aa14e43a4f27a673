package dev.codexplugin.runtime.format;

import static com.google.common.truth.Truth.assertThat;

import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How a report keeps one finding per problem. */
class ReportTest {
  @Test
  void keepsWhatTheRuleByRuleScanKept() {
    FindingCode[] codes = {FindingCode.MISSING, FindingCode.DUPLICATE, FindingCode.BAD_NAME};
    String[] files = {"a", "b"};
    String[] fields = {"", "x", "y"};
    Random random = new Random(3);
    for (int run = 0; run < 2_000; run++) {
      Report report = new Report(FindingCode.Context.COMPILE, "");
      List<Finding> expected = new ArrayList<>();
      for (int n = random.nextInt(12); n > 0; n--) {
        Finding finding = new Finding(codes[random.nextInt(codes.length)],
            random.nextBoolean() ? Severity.ERROR : Severity.WARNING, "", files[random.nextInt(files.length)],
            fields[random.nextInt(fields.length)], "m" + n);
        report.add(finding);
        scan(expected, finding);
      }
      assertThat(report.findings()).containsExactlyElementsIn(expected).inOrder();
    }
  }

  @Test
  void manyFindingsOfDifferentPlacesAreAllKept() {
    Report report = new Report(FindingCode.Context.COMPILE, "");
    for (int i = 0; i < 5_000; i++) {
      report.add(new Finding(FindingCode.MISSING, Severity.WARNING, "", "skills/s" + i + "/SKILL.md", "name", "m"));
    }
    report.add(new Finding(FindingCode.MISSING, Severity.ERROR, "", "skills/s7/SKILL.md", "name", "e"));
    assertThat(report.findings()).hasSize(5_000);
    assertThat(report.errors()).hasSize(1);
    assertThat(report.findings().get(7).isError()).isTrue();
  }

  /** The rule as it was written first: a scan of every finding so far. */
  private static void scan(List<Finding> findings, Finding finding) {
    if (!finding.isError() && !finding.field().isEmpty() && findings.stream().anyMatch(old -> old.isError()
        && old.file().equals(finding.file()) && old.field().equals(finding.field()))) {
      return;
    }
    for (int i = 0; i < findings.size(); i++) {
      Finding old = findings.get(i);
      if (old.code() == finding.code() && old.file().equals(finding.file()) && old.field().equals(finding.field())) {
        if (finding.isError() && !old.isError()) {
          findings.set(i, finding);
        }
        return;
      }
    }
    findings.add(finding);
  }
}
