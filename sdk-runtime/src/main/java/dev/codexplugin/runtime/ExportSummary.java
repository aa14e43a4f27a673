package dev.codexplugin.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@link MarketplaceExport#exportTo(Path)} wrote.
 *
 * @param root the marketplace root (the output folder), absolute
 * @param marketplaceName the marketplace name, e.g. {@code team-tools}
 * @param format the hosts it was written for
 * @param plugins the exported plugins, sorted by name
 * @param files every file written, relative to {@code root}, {@code /}-separated and sorted
 * @param warnings what the export could not carry over to a host, e.g. a Codex setting Claude Code has no
 *     equivalent for; each names the plugin, the file and the field
 */
public record ExportSummary(
    Path root,
    String marketplaceName,
    MarketplaceExport.Format format,
    List<ExportedPlugin> plugins,
    List<String> files,
    List<String> warnings) {

  /** Copies the lists. */
  public ExportSummary {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(marketplaceName, "marketplaceName");
    Objects.requireNonNull(format, "format");
    plugins = List.copyOf(plugins);
    files = List.copyOf(files);
    warnings = List.copyOf(warnings);
  }

  /**
   * One exported plugin.
   *
   * @param name the plugin name
   * @param version its version
   * @param jar the jar it came from
   * @param folder where it was written, relative to the marketplace root, e.g. {@code plugins/team-workflow-plugin}
   * @param skills the qualified skill names, {@code <plugin>:<skill>}
   * @param mcpServers the MCP server names
   * @param libraries the files of its {@code lib/} folder (empty unless it has Java tools or Java hooks)
   */
  public record ExportedPlugin(String name, String version, Path jar, String folder, List<String> skills,
      List<String> mcpServers, List<String> libraries) {
    /** Copies the lists. */
    public ExportedPlugin {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(jar, "jar");
      Objects.requireNonNull(folder, "folder");
      skills = List.copyOf(skills);
      mcpServers = List.copyOf(mcpServers);
      libraries = List.copyOf(libraries);
    }

    /** Whether it has a {@code lib/} folder: Java tools, or Java hooks ({@code @HookHandler}). */
    public boolean hasJavaTools() {
      return !libraries.isEmpty();
    }
  }

  /** The plugin references users install: {@code <plugin>@<marketplace>}, sorted. */
  public List<String> pluginIds() {
    return plugins.stream().map(p -> p.name() + "@" + marketplaceName).toList();
  }

  @Override
  public String toString() {
    return "ExportSummary[" + marketplaceName + " (" + format.name().toLowerCase(Locale.ROOT) + ") at " + root
        + ", plugins=" + plugins.stream().map(p -> p.name() + "@" + p.version()).toList() + ", files="
        + files.size() + ", warnings=" + warnings.size() + "]";
  }
}
