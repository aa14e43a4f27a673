package dev.codexplugin.runtime.format;

import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.FindingCode.Context;
import dev.codexplugin.runtime.FindingCode.HostImpact;
import dev.codexplugin.runtime.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Collects the findings of one check. Every finding of the SDK — the loader's, the processor's, the exporter's,
 * a catalog's — is built by one {@link Problem} and rendered from its {@link FindingCode}'s template; the
 * {@link Context} and the problem's {@link HostImpact} decide its severity.
 */
public final class Report {
  private final Context context;
  private final String location;
  private final List<Finding> findings = new ArrayList<>();
  /** Where in {@link #findings} each code at each place is. */
  private final Map<Key, Integer> index = new HashMap<>();
  /** The places of every error so far. */
  private final Set<Place> errorPlaces = new HashSet<>();
  private int impactCount;

  /** A code at a place. */
  private record Key(FindingCode code, Place place) {}

  /** A report of {@code context} about the bundle at {@code location} (a folder, {@code jar!/entry}, or "") */
  public Report(Context context, String location) {
    this.context = Objects.requireNonNull(context, "context");
    this.location = Objects.requireNonNull(location, "location");
  }

  public Context context() {
    return context;
  }

  public String location() {
    return location;
  }

  /** Starts a finding of {@code code} about {@code field} of {@code file}. */
  public Problem problem(FindingCode code, String file, String field) {
    return problem(code, new Place(file, field));
  }

  /** Starts a finding of {@code code} about {@code place}. */
  public Problem problem(FindingCode code, Place place) {
    return new Problem(code, context, location, place, this::record);
  }

  /** A context for reading parts whose failure has {@code impact} on the host. */
  public ReadContext reading(HostImpact impact) {
    return new ReadContext(this, impact);
  }

  private void record(Problem problem, Finding finding) {
    if (problem.impact() != HostImpact.NONE) {
      impactCount++;
    }
    add(finding);
  }

  /**
   * Adds a finding. The same code at the same place is reported once: an error replaces an earlier warning,
   * anything else is dropped, so that one problem never shows up twice. A warning on a field that already has
   * an error is a follow-on (e.g. "version must not be empty" after "version must be a string") and is dropped
   * too.
   */
  public void add(Finding finding) {
    Place place = new Place(finding.file(), finding.field());
    if (!finding.isError() && !finding.field().isEmpty() && errorPlaces.contains(place)) {
      return;
    }
    Key key = new Key(finding.code(), place);
    Integer at = index.get(key);
    if (at == null) {
      index.put(key, findings.size());
      findings.add(finding);
    } else if (finding.isError() && !findings.get(at).isError()) {
      findings.set(at, finding);
    } else {
      return;
    }
    if (finding.isError()) {
      errorPlaces.add(place);
    }
  }

  public void addAll(List<Finding> more) {
    more.forEach(this::add);
  }

  public List<Finding> findings() {
    return List.copyOf(findings);
  }

  /**
   * How many problems with an impact on the host have been reported so far, duplicates included. A reader
   * compares the count before and after one part of a file (a server, an app file, a skill) to decide whether
   * the host drops that part.
   */
  public int impactCount() {
    return impactCount;
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

  /**
   * A finding under construction: what was found, the numbers its rule needs, the fix and the impact on the
   * host. {@link #report()} renders it from the code's template and hands it on.
   */
  public static final class Problem {
    private final FindingCode code;
    private final Context context;
    private final String location;
    private final Place place;
    private final Sink sink;
    private final Map<String, Object> args = new LinkedHashMap<>();
    private String found = "";
    private String fix = "";
    private HostImpact impact = HostImpact.NONE;

    /** Where a rendered finding goes. */
    public interface Sink {
      void accept(Problem problem, Finding finding);
    }

    private Problem(FindingCode code, Context context, String location, Place place, Sink sink) {
      this.code = Objects.requireNonNull(code, "code");
      this.context = context;
      this.location = location;
      this.place = place;
      this.sink = sink;
    }

    /** A problem not collected by a report: {@code sink} receives the finding (the processor prints it). */
    public static Problem of(FindingCode code, Context context, Place place, Consumer<Finding> sink) {
      return new Problem(code, context, "", place, (p, f) -> sink.accept(f));
    }

    public FindingCode code() {
      return code;
    }

    public Place place() {
      return place;
    }

    /** The offending value, quoted and shortened for the message: {@code found "red"}. */
    public Problem value(String value) {
      this.found = Text.quote(value);
      return this;
    }

    /** What was found, in words, e.g. {@code 1100 characters} or {@code both}. */
    public Problem found(String description) {
      this.found = Objects.requireNonNull(description, "description");
      return this;
    }

    /** A value for a placeholder of the rule, e.g. {@code arg("max", 1024)}. */
    public Problem arg(String name, Object value) {
      args.put(name, value);
      return this;
    }

    /** How to fix it, a sentence without the final period; the code's {@link FindingCode#fix()} otherwise. */
    public Problem fix(String fix) {
      this.fix = Objects.requireNonNull(fix, "fix");
      return this;
    }

    /** What the host does with the plugin because of this problem. */
    public Problem impact(HostImpact impact) {
      this.impact = Objects.requireNonNull(impact, "impact");
      return this;
    }

    /** The host silently drops a part of the plugin. */
    public Problem dropsPart() {
      return impact(HostImpact.DROPS_PART);
    }

    /** The host rejects the whole plugin. */
    public Problem rejectsPlugin() {
      return impact(HostImpact.REJECTS_PLUGIN);
    }

    public HostImpact impact() {
      return impact;
    }

    /** The severity the context gives this problem. */
    public Severity severity() {
      return code.severity(context, impact);
    }

    /** The finding, without reporting it. */
    public Finding finding() {
      return new Finding(code, severity(), location, place.file(), place.field(), code.message(args, found, fix));
    }

    /** Renders the finding and hands it on. */
    public void report() {
      sink.accept(this, finding());
    }
  }
}
