package dev.codexplugin.runtime;

import java.util.List;
import java.util.Objects;

/**
 * An export that did not happen. The output folder is left as it was. The message is a finding of the one
 * catalogue ({@link #code()}, e.g. {@link FindingCode#DUPLICATE_SERVER} or {@link FindingCode#NOT_AN_EXPORT})
 * naming the jars, files and fields involved and how to fix the problem; {@link #findings()} holds the bundle
 * findings when a jar is invalid.
 */
public final class MarketplaceExportException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Finding finding;
  private final transient List<Finding> findings;

  /** An export failure: {@code finding} says why, {@code findings} are the bundle's own when it is invalid. */
  public MarketplaceExportException(Finding finding, List<Finding> findings) {
    super(render(Objects.requireNonNull(finding, "finding"), findings));
    this.finding = finding;
    this.findings = List.copyOf(findings);
  }

  /** An export failure caused by {@code cause}. */
  public MarketplaceExportException(Finding finding, Throwable cause) {
    this(finding, List.of());
    initCause(cause);
  }

  /** Why the export stopped: its stable code. */
  public FindingCode code() {
    return finding.code();
  }

  /** Why the export stopped: the finding, as the message starts. */
  public Finding finding() {
    return finding;
  }

  /** The findings of an invalid bundle, errors first; empty for other reasons. */
  public List<Finding> findings() {
    return findings;
  }

  private static String render(Finding finding, List<Finding> findings) {
    StringBuilder out = new StringBuilder(finding.toString());
    for (Finding f : findings) {
      out.append("\n  ").append(f);
    }
    return out.toString();
  }
}
