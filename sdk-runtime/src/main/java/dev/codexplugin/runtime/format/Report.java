package dev.codexplugin.runtime.format;

import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the findings of one check, deciding each one's severity from the {@link Mode}.
 *
 * <p>In {@link Mode#PUBLISH} (the SDK writes the bundle) a code has its {@link FindingCode#publishSeverity()}.
 * In {@link Mode#LOAD} (reading a bundle anyone wrote) a finding is an error only when it is
 * {@linkplain Problem#hostFatal() fatal for the host}: Codex would reject the plugin or lose part of it. A
 * host-fatal finding is an error in both modes.
 */
public final class Report {
  /** Who asks. */
  public enum Mode {
    /** The processor, exporting or validating what it writes: every rule is strict. */
    PUBLISH,
    /** The loader, reading any bundle: only what breaks Codex is an error. */
    LOAD
  }

  private final Mode mode;
  private final String location;
  private final List<Finding> findings = new ArrayList<>();
  /** Where in {@link #findings} each code at each file and field is. */
  private final Map<Place, Integer> index = new HashMap<>();
  /** The file and field of every error so far. */
  private final Set<Place> errorFields = new HashSet<>();
  private int hostFatalCount;

  /** A code ({@code null}: any) at a field of a file. */
  private record Place(FindingCode code, String file, String field) {}

  public Report(Mode mode, String location) {
    this.mode = mode;
    this.location = location;
  }

  public Mode mode() {
    return mode;
  }

  /** Starts a finding of {@code code} about {@code field} of {@code file}. */
  public Problem problem(FindingCode code, String file, String field) {
    return new Problem(code, file, field);
  }

  /**
   * Adds a finding. The same code at the same file and field is reported once: an error replaces an earlier
   * warning, anything else is dropped, so that one problem never shows up twice. A warning on a field that
   * already has an error is a follow-on (e.g. "version must not be empty" after "version must be a string")
   * and is dropped too.
   */
  public void add(Finding finding) {
    Place field = new Place(null, finding.file(), finding.field());
    if (!finding.isError() && !finding.field().isEmpty() && errorFields.contains(field)) {
      return;
    }
    Place place = new Place(finding.code(), finding.file(), finding.field());
    Integer at = index.get(place);
    if (at == null) {
      index.put(place, findings.size());
      findings.add(finding);
    } else if (finding.isError() && !findings.get(at).isError()) {
      findings.set(at, finding);
    } else {
      return;
    }
    if (finding.isError()) {
      errorFields.add(field);
    }
  }

  public void addAll(List<Finding> more) {
    more.forEach(this::add);
  }

  public List<Finding> findings() {
    return List.copyOf(findings);
  }

  /**
   * How many host-fatal problems have been reported so far, duplicates included. A reader compares the count
   * before and after one part of a file (a server, an app file, a skill) to decide whether Codex drops that
   * part, in either mode.
   */
  public int hostFatalCount() {
    return hostFatalCount;
  }

  public boolean hasErrors() {
    return findings.stream().anyMatch(Finding::isError);
  }

  public List<Finding> errors() {
    return findings.stream().filter(Finding::isError).toList();
  }

  public List<Finding> warnings() {
    return findings.stream().filter(f -> !f.isError()).toList();
  }

  /** Errors first, each group in the order found. */
  public List<Finding> errorsFirst() {
    List<Finding> out = new ArrayList<>(errors());
    out.addAll(warnings());
    return out;
  }

  /** A finding under construction: {@code [found] rule[; fix].} */
  public final class Problem {
    private final FindingCode code;
    private final String file;
    private final String field;
    private String found = "";
    private String rule;
    private String fix = "";
    private boolean hostFatal;

    private Problem(FindingCode code, String file, String field) {
      this.code = code;
      this.file = file;
      this.field = field;
      this.rule = code.rule();
    }

    /** The offending value, quoted and shortened for the message. */
    public Problem value(String value) {
      this.found = Text.quote(value);
      return this;
    }

    /** A description of what was found, used as is, e.g. {@code (1100 characters)}. */
    public Problem found(String description) {
      this.found = description;
      return this;
    }

    /** The rule when it needs numbers, e.g. {@code must be at most 1024 characters}. */
    public Problem rule(String rule) {
      this.rule = rule;
      return this;
    }

    /** How to fix it, a sentence without the final period. */
    public Problem fix(String fix) {
      this.fix = fix;
      return this;
    }

    /** Codex rejects the plugin or loses part of it: an error even when loading. */
    public Problem hostFatal() {
      this.hostFatal = true;
      return this;
    }

    /** Whether this problem is fatal for the host. */
    public boolean isHostFatal() {
      return hostFatal;
    }

    public void report() {
      if (hostFatal) {
        hostFatalCount++;
      }
      // What makes Codex reject the plugin or lose part of it is an error in both modes, even for a code that
      // is otherwise only advice (e.g. an unknown key that makes Codex discard a hooks file).
      Severity severity;
      if (hostFatal) {
        severity = Severity.ERROR;
      } else if (code.publishSeverity() == Severity.WARNING) {
        severity = Severity.WARNING;
      } else {
        severity = mode == Mode.PUBLISH ? Severity.ERROR : Severity.WARNING;
      }
      StringBuilder message = new StringBuilder();
      if (!found.isEmpty()) {
        message.append(found).append(' ');
      }
      message.append(rule);
      if (!fix.isEmpty()) {
        message.append("; ").append(fix);
      }
      message.append('.');
      add(new Finding(code, severity, location, file, field, message.toString()));
    }
  }
}
