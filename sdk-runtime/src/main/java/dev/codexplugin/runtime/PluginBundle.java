package dev.codexplugin.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One plugin bundle as a host sees it: the manifest and every skill, MCP server, app and hook that Codex would
 * load from it, plus the warnings found while reading it. Immutable; lists are in a stable order (skills,
 * servers and apps sorted by name). Build one with {@link #builder(PluginManifest)}; {@link PluginLoader}
 * reads them from jars and folders.
 */
public final class PluginBundle {
  private final PluginManifest manifest;
  private final List<SkillSpec> skills;
  private final List<McpServerSpec> mcpServers;
  private final List<AppSpec> apps;
  private final List<HookSpec> hooks;
  private final List<ToolSpec> tools;
  private final List<CommandSpec> commands;
  private final List<AgentSpec> agents;
  private final List<String> files;
  private final List<String> executableFiles;
  private final String location;
  private final List<Finding> warnings;

  private PluginBundle(Builder b) {
    manifest = Objects.requireNonNull(b.manifest, "manifest");
    skills = Values.items(b.skills);
    mcpServers = Values.items(b.mcpServers);
    apps = Values.items(b.apps);
    hooks = Values.items(b.hooks);
    tools = Values.items(b.tools);
    commands = Values.items(b.commands);
    agents = Values.items(b.agents);
    files = Values.list(b.files);
    executableFiles = Values.sorted(b.executableFiles);
    location = Values.text(b.location);
    warnings = Values.items(b.warnings);
  }

  /** A builder of a bundle with manifest {@code manifest}, with nothing else set. */
  public static Builder builder(PluginManifest manifest) {
    return new Builder().manifest(manifest);
  }

  /** A builder holding every value of this one. */
  public Builder toBuilder() {
    return new Builder()
        .manifest(manifest)
        .skills(skills)
        .mcpServers(mcpServers)
        .apps(apps)
        .hooks(hooks)
        .tools(tools)
        .commands(commands)
        .agents(agents)
        .files(files)
        .executableFiles(executableFiles)
        .location(location)
        .warnings(warnings);
  }

  /** Identity, description and interface. */
  public PluginManifest manifest() {
    return manifest;
  }

  /** The skills Codex finds, sorted by name. */
  public List<SkillSpec> skills() {
    return skills;
  }

  /** The MCP servers, sorted by name. */
  public List<McpServerSpec> mcpServers() {
    return mcpServers;
  }

  /** The app connectors, sorted by key. */
  public List<AppSpec> apps() {
    return apps;
  }

  /** The lifecycle hooks, in file order. */
  public List<HookSpec> hooks() {
    return hooks;
  }

  /** The Java tools of {@code mcp-tools.json}, sorted by server and name; empty without that file. */
  public List<ToolSpec> tools() {
    return tools;
  }

  /**
   * The Claude Code commands, {@code commands/**}{@code /*.md}, sorted by name; each says what Codex and Claude
   * Code make of it ({@link CommandSpec#codexSkill()}, {@link CommandSpec#claudeSkill()}).
   */
  public List<CommandSpec> commands() {
    return commands;
  }

  /** The Claude Code agents, {@code agents/*.md}, sorted by file; Codex does not read them. */
  public List<AgentSpec> agents() {
    return agents;
  }

  /** Every file of the bundle, relative to its root, sorted. */
  public List<String> files() {
    return files;
  }

  /** The files of {@link #files()} that are executable (mode {@code 0755} when exported), sorted. */
  public List<String> executableFiles() {
    return executableFiles;
  }

  /** Where the bundle was read from: a folder, or {@code jar!/META-INF/codex-plugins/<name>/}. */
  public String location() {
    return location;
  }

  /** Problems that do not stop Codex from using the bundle. */
  public List<Finding> warnings() {
    return warnings;
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

  /** Whether the bundle file {@code path} is executable. */
  public boolean isExecutable(String path) {
    return executableFiles.contains(path);
  }

  /** This bundle with {@code warnings} instead of its own. */
  public PluginBundle withWarnings(List<Finding> warnings) {
    return toBuilder().warnings(warnings).build();
  }

  /** The names Codex shows the model for the skills: {@code <plugin>:<skill>}. */
  public List<String> qualifiedSkillNames() {
    return skills.stream().map(s -> name() + ":" + s.name()).toList();
  }

  private List<Object> values() {
    return java.util.Arrays.asList(manifest, skills, mcpServers, apps, hooks, tools, commands, agents, files, executableFiles, location, warnings);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PluginBundle other && values().equals(other.values());
  }

  @Override
  public int hashCode() {
    return values().hashCode();
  }

  @Override
  public String toString() {
    return "PluginBundle[" + name() + "@" + version() + ", skills="
        + skills.stream().map(SkillSpec::name).toList() + ", mcpServers="
        + mcpServers.stream().map(McpServerSpec::name).toList() + ", apps="
        + apps.stream().map(AppSpec::key).collect(Collectors.toList()) + ", hooks=" + hooks.size()
        + (tools.isEmpty() ? "" : ", tools=" + tools.stream().map(ToolSpec::name).toList())
        + (commands.isEmpty() ? "" : ", commands=" + commands.stream().map(CommandSpec::name).toList())
        + (agents.isEmpty() ? "" : ", agents=" + agents.stream().map(AgentSpec::name).toList())
        + ", files=" + files.size() + (executableFiles.isEmpty() ? "" : " (" + executableFiles.size() + " executable)")
        + ", warnings=" + warnings.size() + ", location=" + location + "]";
  }

  /** Builds a {@link PluginBundle}; {@code null} means absent everywhere. */
  public static final class Builder {
    private PluginManifest manifest;
    private List<SkillSpec> skills;
    private List<McpServerSpec> mcpServers;
    private List<AppSpec> apps;
    private List<HookSpec> hooks;
    private List<ToolSpec> tools;
    private List<CommandSpec> commands;
    private List<AgentSpec> agents;
    private List<String> files;
    private List<String> executableFiles;
    private String location;
    private List<Finding> warnings;

    private Builder() {}

    /** See {@link PluginBundle#manifest()}. */
    public Builder manifest(PluginManifest manifest) {
      this.manifest = manifest;
      return this;
    }

    /** See {@link PluginBundle#skills()}. */
    public Builder skills(List<SkillSpec> skills) {
      this.skills = skills;
      return this;
    }

    /** See {@link PluginBundle#mcpServers()}. */
    public Builder mcpServers(List<McpServerSpec> mcpServers) {
      this.mcpServers = mcpServers;
      return this;
    }

    /** See {@link PluginBundle#apps()}. */
    public Builder apps(List<AppSpec> apps) {
      this.apps = apps;
      return this;
    }

    /** See {@link PluginBundle#hooks()}. */
    public Builder hooks(List<HookSpec> hooks) {
      this.hooks = hooks;
      return this;
    }

    /** See {@link PluginBundle#tools()}. */
    public Builder tools(List<ToolSpec> tools) {
      this.tools = tools;
      return this;
    }

    /** See {@link PluginBundle#commands()}. */
    public Builder commands(List<CommandSpec> commands) {
      this.commands = commands;
      return this;
    }

    /** See {@link PluginBundle#agents()}. */
    public Builder agents(List<AgentSpec> agents) {
      this.agents = agents;
      return this;
    }

    /** See {@link PluginBundle#files()}. */
    public Builder files(List<String> files) {
      this.files = files;
      return this;
    }

    /** See {@link PluginBundle#executableFiles()}. */
    public Builder executableFiles(List<String> executableFiles) {
      this.executableFiles = executableFiles;
      return this;
    }

    /** See {@link PluginBundle#location()}. */
    public Builder location(String location) {
      this.location = location;
      return this;
    }

    /** See {@link PluginBundle#warnings()}. */
    public Builder warnings(List<Finding> warnings) {
      this.warnings = warnings;
      return this;
    }

    /** The bundle. */
    public PluginBundle build() {
      return new PluginBundle(this);
    }
  }
}
