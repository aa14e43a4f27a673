package dev.codexplugin.cli;

import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.LoadResult;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginLoader;
import dev.codexplugin.runtime.Severity;
import dev.codexplugin.runtime.format.BundleIndex;
import dev.codexplugin.runtime.format.MarketplaceReader;
import dev.codexplugin.runtime.format.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code inspect} and {@code validate} read: a jar, a classes folder, a plugin folder (Codex or Claude
 * Code), or a marketplace root, whose every local plugin folder is read.
 */
final class Targets {
  private static final List<String> MANIFESTS =
      List.of(".codex-plugin/plugin.json", ".claude-plugin/plugin.json", ".cursor-plugin/plugin.json");

  private Targets() {}

  /** Whether {@code path} is a marketplace root rather than a plugin folder. */
  static boolean isMarketplaceRoot(Path path) {
    return Files.isDirectory(path) && MANIFESTS.stream().noneMatch(m -> Files.exists(path.resolve(m)))
        && !Files.exists(path.resolve(BundleIndex.RESOURCE)) && MarketplaceReader.isMarketplace(path);
  }

  static LoadResult check(Path path) {
    if (!isMarketplaceRoot(path)) {
      return PluginLoader.check(path);
    }
    Report report = new Report(FindingCode.Context.LOAD, path.toString());
    List<MarketplaceReader.Catalog> catalogs = MarketplaceReader.read(path, report);
    List<PluginBundle> bundles = new ArrayList<>();
    List<Finding> findings = new ArrayList<>(report.findings());
    Set<Path> seen = new LinkedHashSet<>();
    for (MarketplaceReader.Catalog catalog : catalogs) {
      for (MarketplaceReader.Entry entry : catalog.entries()) {
        if (entry.folder().isEmpty()) {
          continue;
        }
        Path folder = entry.folder().get();
        LoadResult result = seen.add(folder) ? PluginLoader.check(folder) : new LoadResult(List.of(), List.of());
        bundles.addAll(result.bundles());
        findings.addAll(result.findings());
        nameMismatch(path, catalog, entry, result).ifPresent(findings::add);
      }
    }
    List<Finding> ordered = new ArrayList<>(findings.stream().filter(Finding::isError).toList());
    ordered.addAll(findings.stream().filter(f -> !f.isError()).toList());
    return new LoadResult(bundles, ordered);
  }

  /** Codex refuses to install an entry whose name differs from the plugin's manifest name. */
  static java.util.Optional<Finding> nameMismatch(Path root, MarketplaceReader.Catalog catalog,
      MarketplaceReader.Entry entry, LoadResult result) {
    for (PluginBundle bundle : result.bundles()) {
      if (!bundle.name().equals(entry.name())) {
        return java.util.Optional.of(new Finding(FindingCode.NAME_MISMATCH, Severity.ERROR, root.toString(),
            catalog.file(), entry.field() + ".name", "\"" + entry.name() + "\" must equal the plugin's manifest"
            + " name \"" + bundle.name() + "\"; Codex fails to install it (plugin.json name does not match"
            + " marketplace plugin name); rename the entry or the plugin."));
      }
    }
    return java.util.Optional.empty();
  }
}
