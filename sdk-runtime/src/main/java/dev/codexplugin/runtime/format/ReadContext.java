package dev.codexplugin.runtime.format;

import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.FindingCode.HostImpact;
import java.util.Objects;

/**
 * How a reader reports what it finds in one part of a bundle: the report, and what the host does with the plugin
 * when this part is broken ({@link HostImpact}). Readers pass it down instead of a flag; a part of a part that
 * matters less to the host reads on {@link #with(HostImpact) with} a smaller impact.
 *
 * @param report where findings go
 * @param impact what the host does when this part cannot be read
 */
public record ReadContext(Report report, HostImpact impact) {
  /** Checks that nothing is {@code null}. */
  public ReadContext {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(impact, "impact");
  }

  /** The same report, for a part whose failure has {@code other} impact. */
  public ReadContext with(HostImpact other) {
    return other == impact ? this : new ReadContext(report, other);
  }

  /** Starts a finding of {@code code} at {@code place}, with this context's impact. */
  public Report.Problem problem(FindingCode code, Place place) {
    return report.problem(code, place).impact(impact);
  }

  /** Starts a finding of {@code code} about {@code field} of {@code file}, with this context's impact. */
  public Report.Problem problem(FindingCode code, String file, String field) {
    return problem(code, new Place(file, field));
  }

  /** Whether the host loses anything when this part is broken. */
  public boolean matters() {
    return impact != HostImpact.NONE;
  }
}
