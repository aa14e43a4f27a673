package dev.codexplugin.processor;

import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.format.Place;
import dev.codexplugin.runtime.format.Report;
import java.util.HashSet;
import java.util.Set;

/**
 * The findings of one bundle: those the processor makes itself, printed at once on their annotation value, and
 * those of the runtime's readers and rules, collected in {@link #report()} and printed by {@link #flush()} on the
 * origin of their place. Between the two sits the follow-on filter: a rule's finding at a place the processor
 * already reported on, or one it {@linkplain #suppress suppressed} because it would only follow from how the
 * processor checks a part, is left out.
 */
final class Findings {
  private final Diagnostics diagnostics;
  private final Origins origins;
  private final Report report = new Report(FindingCode.Context.COMPILE, "");
  /** Places the processor reported on itself; the rules' findings there would repeat them. */
  private final Set<Place> handled = new HashSet<>();
  /** Findings that would only follow from how the processor checks a part. */
  private final Set<CodePlace> suppressed = new HashSet<>();
  private boolean failed;
  /**
   * Whether an mcpConfig or appConfig file could not be read in full: the servers or apps it would define are
   * unknown, so a skill's requirement that names none of the known ones may be fine.
   */
  private boolean configIncomplete;

  Findings(Diagnostics diagnostics, Origin plugin) {
    this.diagnostics = diagnostics;
    this.origins = new Origins(plugin);
  }

  Origins origins() {
    return origins;
  }

  /** Where the runtime's readers and rules report, for {@link #flush()}. */
  Report report() {
    return report;
  }

  /** A finding the processor makes itself about {@code origin}, printed when reported. */
  Report.Problem problem(FindingCode code, Origin origin) {
    return problem(code, origin, Place.BUNDLE);
  }

  /**
   * A finding the processor makes itself about {@code place} of the bundle, which came from {@code origin}.
   * When reported it is printed, and the rules' findings at {@code place} are left out.
   */
  Report.Problem problem(FindingCode code, Origin origin, Place place) {
    return Report.Problem.of(code, FindingCode.Context.COMPILE, place, finding -> {
      diagnostics.print(finding, origin);
      if (!place.equals(Place.BUNDLE)) {
        handled.add(place);
      }
      failed |= finding.isError();
    });
  }

  /**
   * Prints a finding a runtime reader made about a file the processor packages (a folder walk's), on
   * {@code origin}, as one of the processor's own.
   */
  void relay(Finding finding, Origin origin) {
    diagnostics.print(finding, origin);
    handled.add(new Place(finding.file(), finding.field()));
    failed |= finding.isError();
  }

  /** Leaves out the rules' findings of {@code code} at {@code place}: they would follow from one of ours. */
  void suppress(FindingCode code, Place place) {
    suppressed.add(new CodePlace(code, place));
  }

  /** An mcpConfig or appConfig file could not be read in full. */
  void configIncomplete() {
    configIncomplete = true;
  }

  /** A failure reported elsewhere (an internal error, a tool's error): the bundle is not written. */
  void fail() {
    failed = true;
  }

  /** Whether an error was reported about the bundle. */
  boolean failed() {
    return failed;
  }

  /** Prints the readers' and rules' findings, each on the origin of its place, without the follow-ons. */
  void flush() {
    for (Finding finding : report.findings()) {
      Place place = new Place(finding.file(), finding.field());
      boolean followOn = (configIncomplete && finding.code() == FindingCode.UNKNOWN_REQUIREMENT)
          || handled.contains(place) || suppressed.contains(new CodePlace(finding.code(), place));
      if (!followOn) {
        diagnostics.print(finding, origins.find(finding.code(), place));
        failed |= finding.isError();
      }
    }
  }
}
