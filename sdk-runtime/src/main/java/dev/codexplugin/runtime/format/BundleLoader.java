package dev.codexplugin.runtime.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexplugin.runtime.AgentSpec;
import dev.codexplugin.runtime.AppSpec;
import dev.codexplugin.runtime.CommandSpec;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.FindingCode.HostImpact;
import dev.codexplugin.runtime.HookSpec;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginManifest;
import dev.codexplugin.runtime.SkillSpec;
import dev.codexplugin.runtime.ToolSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one bundle from a {@link BundleSource} the way Codex 0.169.0 does: it picks the manifest
 * ({@code .codex-plugin} before {@code .claude-plugin} before {@code .cursor-plugin}, no fallback when the
 * first one is broken), finds the skills under the skills roots, and reads the MCP servers, apps and hooks
 * from their default or declared locations. Then it runs the model rules.
 */
public final class BundleLoader {

  private final BundleSource source;
  private final Report report;
  /** For reading the files of parts: the host drops the part when one cannot be read. */
  private final ReadContext parts;
  /** The source's files, for quick lookups (a bundle may hold thousands). */
  private final Set<String> fileSet;
  /** A marketplace entry with {@code "strict": false} defines the plugin: a folder needs no manifest or part. */
  private final boolean definedByEntry;

  private BundleLoader(BundleSource source, Report report, boolean definedByEntry) {
    this.source = source;
    this.report = report;
    this.definedByEntry = definedByEntry;
    this.parts = report.reading(HostImpact.DROPS_PART);
    this.fileSet = new HashSet<>(source.files());
  }

  /** The bundle, or empty when it has no readable manifest. Every finding goes to {@code report}. */
  public static Optional<PluginBundle> load(BundleSource source, Report report) {
    return new BundleLoader(source, report, false).load();
  }

  /**
   * The bundle of a folder that a marketplace entry with {@code "strict": false} defines: the hosts take the
   * entry as its manifest, so a folder without a manifest, or without any part (the LSP entries of
   * claude-plugins-official hold only a LICENSE), is still a plugin, named after the folder until
   * {@link MarketplaceReader} applies the entry.
   */
  static Optional<PluginBundle> loadDefinedByEntry(BundleSource source, Report report) {
    return new BundleLoader(source, report, true).load();
  }

  private Optional<PluginBundle> load() {
    List<String> files = source.files();
    agentPluginsManifest(files);
    Optional<String> manifestFile = FormatFiles.MANIFESTS.stream().filter(files::contains).findFirst();
    Optional<ManifestReader.Manifest> manifest;
    String file;
    if (manifestFile.isPresent()) {
      file = manifestFile.get();
      ReadContext context = report.reading(HostImpact.REJECTS_PLUGIN);
      Optional<JsonNode> json = source.read(file, Limits.MAX_TEXT_BYTES, context)
          .flatMap(bytes -> Json.parse(bytes, file, context, ManifestReader::isReadByHost));
      manifest = json.flatMap(j -> ManifestReader.read(j, file, files, report));
    } else {
      file = FormatFiles.MANIFEST;
      manifest = withoutManifest(files);
    }
    if (manifest.isEmpty()) {
      return Optional.empty();
    }
    ManifestReader.Manifest m = manifest.get();
    List<McpServerSpec> declared = servers(m.mcpServers());
    List<McpServerSpec> servers = sdkFile(FormatFiles.REQUIREMENTS_FILE)
        .map(bytes -> ToolFiles.requirements(bytes, declared, report)).orElse(declared);
    List<McpServerSpec> known = servers;
    List<ToolSpec> tools = sdkFile(FormatFiles.TOOLS_FILE)
        .map(bytes -> ToolFiles.tools(bytes, known, report)).orElse(List.of());
    PluginBundle bundle = PluginBundle.builder(m.manifest())
        .skills(skills(m.skills()))
        .mcpServers(servers)
        .apps(apps(m.apps()))
        .hooks(hooks(m.hooks()))
        .tools(tools)
        .commands(commands(files))
        .agents(agents(files))
        .files(files)
        .executableFiles(List.copyOf(source.executableFiles()))
        .location(source.location())
        .build();
    Rules.check(bundle, file, report);
    return Optional.of(bundle);
  }

  /**
   * A folder without any manifest: Codex still installs it when it holds parts it reads by default (docs/FORMAT.md,
   * h3e), as version {@code local} named after the folder, so this is a warning. A folder with none of them
   * is no plugin at all.
   */
  private Optional<ManifestReader.Manifest> withoutManifest(List<String> files) {
    if (definedByEntry) {
      return Optional.of(defaultParts(PluginManifest.builder(source.folderName()).build()));
    }
    boolean parts = files.stream().anyMatch(f -> f.startsWith("skills/") || f.equals(FormatFiles.MCP_FILE)
        || f.equals(FormatFiles.APP_FILE) || f.equals(FormatFiles.HOOKS_FILE));
    if (!parts) {
      report.problem(FindingCode.NO_BUNDLE, "", "").dropsPart()
          .found("no .codex-plugin/plugin.json, skills/, .mcp.json, .app.json or hooks/hooks.json")
          .fix("add .codex-plugin/plugin.json, or build the jar with the codexplugin annotation processor").report();
      return Optional.empty();
    }
    String name = source.folderName();
    report.problem(FindingCode.NO_BUNDLE, FormatFiles.MANIFEST, "").found("no manifest")
        .fix("Codex still installs the folder, named " + Text.quote(name) + " and versioned \"local\"; add a"
            + " manifest with name, version and description")
        .report();
    return Optional.of(defaultParts(PluginManifest.builder(name).build()));
  }

  /** {@code manifest} with every part at its default place. */
  private static ManifestReader.Manifest defaultParts(PluginManifest manifest) {
    return new ManifestReader.Manifest(manifest, ManifestReader.Component.of("skills"),
        ManifestReader.Component.of(FormatFiles.MCP_FILE), ManifestReader.Component.of(FormatFiles.APP_FILE),
        ManifestReader.Component.of(FormatFiles.HOOKS_FILE));
  }

  /** A root {@code plugin.json} with the Agent Plugins schema makes Codex ignore everything we read. */
  private void agentPluginsManifest(List<String> files) {
    if (!files.contains("plugin.json")) {
      return;
    }
    ReadContext quiet = new Report(report.context(), "").reading(HostImpact.NONE);
    source.read("plugin.json", Limits.MAX_TEXT_BYTES, quiet)
        .flatMap(bytes -> Json.parse(bytes, "plugin.json", quiet))
        .filter(node -> node.isObject() && node.has("$schema")
            && FormatFiles.AGENT_PLUGINS_SCHEMA.equals(node.get("$schema").asText()))
        .ifPresent(node -> report.problem(FindingCode.DISCOURAGED, "plugin.json", "$schema").dropsPart()
            .fix("with this $schema Codex reads the root plugin.json as an Agent Plugins manifest and ignores"
                + " .codex-plugin/plugin.json and .mcp.json; remove the root plugin.json or its $schema")
            .report());
  }

  /** A file only the SDK reads, when the bundle has it; Codex never loses anything over it. */
  private Optional<byte[]> sdkFile(String path) {
    return fileSet.contains(path) ? source.read(path, Limits.MAX_TEXT_BYTES, report.reading(HostImpact.NONE))
        : Optional.empty();
  }

  private List<SkillSpec> skills(ManifestReader.Component component) {
    List<SkillSpec> skills = new ArrayList<>();
    for (String root : component.paths()) {
      for (String folder : SkillScanner.find(source.files(), root, report)) {
        Optional<byte[]> skillMd = source.read(folder + "/SKILL.md", Limits.MAX_TEXT_BYTES, parts);
        if (skillMd.isEmpty()) {
          continue;
        }
        String agentFile = folder + "/agents/openai.yaml";
        byte[] agent = fileSet.contains(agentFile)
            ? source.read(agentFile, Limits.MAX_TEXT_BYTES, report.reading(HostImpact.NONE)).orElse(null) : null;
        SkillReader.read(folder, skillMd.get(), agent, report).ifPresent(skills::add);
      }
    }
    skills.sort(Comparator.comparing(SkillSpec::name).thenComparing(SkillSpec::folder));
    return skills;
  }

  /** The commands at their default place, {@code commands/**}{@code /*.md}, sorted by name. */
  private List<CommandSpec> commands(List<String> files) {
    List<CommandSpec> commands = new ArrayList<>();
    ReadContext quiet = report.reading(HostImpact.NONE);
    for (String f : files) {
      if (CommandReader.isCommand(f)) {
        source.read(f, Limits.MAX_TEXT_BYTES, quiet)
            .flatMap(bytes -> CommandReader.command(f, bytes, report)).ifPresent(commands::add);
      }
    }
    commands.sort(Comparator.comparing(CommandSpec::name));
    return commands;
  }

  /** The agents at their default place, {@code agents/*.md}, sorted by file. */
  private List<AgentSpec> agents(List<String> files) {
    List<AgentSpec> agents = new ArrayList<>();
    ReadContext quiet = report.reading(HostImpact.NONE);
    for (String f : files) {
      if (CommandReader.isAgent(f)) {
        source.read(f, Limits.MAX_TEXT_BYTES, quiet)
            .flatMap(bytes -> CommandReader.agent(f, bytes, report)).ifPresent(agents::add);
      }
    }
    agents.sort(Comparator.comparing(AgentSpec::file));
    return agents;
  }

  private List<McpServerSpec> servers(ManifestReader.Component component) {
    if (component.inline().isPresent()) {
      JsonFields inline = component.inline().get();
      Optional<JsonFields> map = inline.has("mcpServers") && inline.raw("mcpServers").isObject()
          ? inline.object("mcpServers") : Optional.of(inline);
      return map.map(m -> ConfigReader.mcpServers(m, report)).orElse(List.of());
    }
    List<McpServerSpec> servers = new ArrayList<>();
    for (String path : component.paths()) {
      if (fileSet.contains(path)) {
        source.read(path, Limits.MAX_TEXT_BYTES, parts)
            .ifPresent(bytes -> servers.addAll(ConfigReader.mcpServers(bytes, path, report)));
      }
    }
    return servers;
  }

  private List<AppSpec> apps(ManifestReader.Component component) {
    List<AppSpec> apps = new ArrayList<>();
    for (String path : component.paths()) {
      if (fileSet.contains(path)) {
        source.read(path, Limits.MAX_TEXT_BYTES, parts)
            .ifPresent(bytes -> apps.addAll(ConfigReader.apps(bytes, path, report)));
      }
    }
    return apps;
  }

  private List<HookSpec> hooks(ManifestReader.Component component) {
    if (component.inline().isPresent()) {
      return ConfigReader.hooks(component.inline().get(), report);
    }
    List<HookSpec> hooks = new ArrayList<>();
    for (String path : component.paths()) {
      if (fileSet.contains(path)) {
        source.read(path, Limits.MAX_TEXT_BYTES, parts)
            .ifPresent(bytes -> hooks.addAll(ConfigReader.hooks(bytes, path, report)));
      }
    }
    return hooks;
  }
}
