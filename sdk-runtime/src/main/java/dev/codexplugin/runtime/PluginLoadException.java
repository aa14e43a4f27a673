package dev.codexplugin.runtime;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A plugin bundle could not be read, or is broken in a way that makes Codex reject it or lose part of it.
 * {@link #findings()} lists every problem (errors first), each with code, file, field and fix.
 */
public final class PluginLoadException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<Finding> findings;

  /** An exception carrying {@code findings}; at least one must be an error. */
  public PluginLoadException(List<Finding> findings) {
    super(render(findings));
    this.findings = List.copyOf(findings);
  }

  /** Every finding, errors first, in the order they were found. */
  public List<Finding> findings() {
    return findings;
  }

  /** Only the errors. */
  public List<Finding> errors() {
    return findings.stream().filter(Finding::isError).toList();
  }

  private static String render(List<Finding> findings) {
    long errors = findings.stream().filter(Finding::isError).count();
    return errors + (errors == 1 ? " error" : " errors") + " in plugin bundle:\n"
        + findings.stream().map(f -> "  " + f).collect(Collectors.joining("\n"));
  }
}
