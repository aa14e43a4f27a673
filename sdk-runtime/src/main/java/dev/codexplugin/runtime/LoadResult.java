package dev.codexplugin.runtime;

import java.util.List;

/**
 * What {@link PluginLoader#check(java.nio.file.Path)} found: the bundles that could be read without an error,
 * and every finding (errors and warnings) of every bundle, errors first.
 *
 * @param bundles the bundles without errors, each carrying its own warnings
 * @param findings every finding, errors first
 */
public record LoadResult(List<PluginBundle> bundles, List<Finding> findings) {
  /** Copies the lists. */
  public LoadResult {
    bundles = List.copyOf(bundles);
    findings = List.copyOf(findings);
  }

  /** The errors: what makes Codex reject a plugin or lose part of it. */
  public List<Finding> errors() {
    return findings.stream().filter(Finding::isError).toList();
  }

  /** Whether any finding is an error. */
  public boolean hasErrors() {
    return findings.stream().anyMatch(Finding::isError);
  }

  /** The bundles, or a {@link PluginLoadException} listing every finding when there is an error. */
  public List<PluginBundle> orThrow() throws PluginLoadException {
    if (hasErrors()) {
      throw new PluginLoadException(findings);
    }
    return bundles;
  }
}
