package dev.codexplugin.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One plugin bundle as a host sees it: the manifest and every skill, MCP server, app and hook that Codex would
 * load from it, plus the warnings found while reading it. Immutable; lists are in a stable order (skills,
 * servers and apps sorted by name).
 *
 * @param manifest identity, description and interface
 * @param skills the skills Codex finds, sorted by name
 * @param mcpServers the MCP servers, sorted by name
 * @param apps the app connectors, sorted by key
 * @param hooks the lifecycle hooks, in file order
 * @param tools the Java tools of {@code mcp-tools.json}, sorted by server and name; empty without that file
 * @param files every file of the bundle, relative to its root, sorted
 * @param location where the bundle was read from: a folder, or {@code jar!/META-INF/codex-plugins/<name>/}
 * @param warnings problems that do not stop Codex from using the bundle
 */
public record PluginBundle(
    PluginManifest manifest,
    List<SkillSpec> skills,
    List<McpServerSpec> mcpServers,
    List<AppSpec> apps,
    List<HookSpec> hooks,
    List<ToolSpec> tools,
    List<String> files,
    String location,
    List<Finding> warnings) {

  /** Copies the lists. */
  public PluginBundle {
    Objects.requireNonNull(manifest, "manifest");
    skills = Values.items(skills);
    mcpServers = Values.items(mcpServers);
    apps = Values.items(apps);
    hooks = Values.items(hooks);
    tools = Values.items(tools);
    files = Values.list(files);
    location = Values.text(location);
    warnings = Values.items(warnings);
  }

  /** A bundle without Java tools. */
  public PluginBundle(PluginManifest manifest, List<SkillSpec> skills, List<McpServerSpec> mcpServers,
      List<AppSpec> apps, List<HookSpec> hooks, List<String> files, String location, List<Finding> warnings) {
    this(manifest, skills, mcpServers, apps, hooks, List.of(), files, location, warnings);
  }

  /** The plugin name. */
  public String name() {
    return manifest.name();
  }

  /** The plugin version. */
  public String version() {
    return manifest.version();
  }

  /** The skill called {@code name}. */
  public Optional<SkillSpec> skill(String name) {
    return skills.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The MCP server called {@code name}. */
  public Optional<McpServerSpec> mcpServer(String name) {
    return mcpServers.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The app with key {@code key}. */
  public Optional<AppSpec> app(String key) {
    return apps.stream().filter(a -> a.key().equals(key)).findFirst();
  }

  /** The Java tool called {@code name}, on any server. */
  public Optional<ToolSpec> tool(String name) {
    return tools.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** This bundle with {@code warnings} instead of its own. */
  public PluginBundle withWarnings(List<Finding> warnings) {
    return new PluginBundle(manifest, skills, mcpServers, apps, hooks, tools, files, location, warnings);
  }

  /** The names Codex shows the model for the skills: {@code <plugin>:<skill>}. */
  public List<String> qualifiedSkillNames() {
    return skills.stream().map(s -> name() + ":" + s.name()).toList();
  }

  @Override
  public String toString() {
    return "PluginBundle[" + name() + "@" + version() + ", skills="
        + skills.stream().map(SkillSpec::name).toList() + ", mcpServers="
        + mcpServers.stream().map(McpServerSpec::name).toList() + ", apps="
        + apps.stream().map(AppSpec::key).toList() + ", hooks=" + hooks.size()
        + (tools.isEmpty() ? "" : ", tools=" + tools.stream().map(ToolSpec::name).toList())
        + ", warnings=" + warnings.size() + ", location=" + location + "]";
  }
}
