package dev.codexplugin.runtime;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One skill: the front matter and Markdown body of {@code SKILL.md}, plus {@code agents/openai.yaml}
 * (docs/FORMAT.md#skill-md). Absent text is {@code ""}. Immutable.
 */
public final class SkillSpec {
  private final String name;
  private final String description;
  private final String license;
  private final String compatibility;
  private final List<String> allowedTools;
  private final Map<String, String> metadata;
  private final String instructions;
  private final String folder;
  private final List<String> requires;
  private final SkillUi ui;
  private final Optional<Boolean> allowImplicitInvocation;

  private SkillSpec(Builder b) {
    name = Values.text(b.name);
    description = Values.text(b.description);
    license = Values.text(b.license);
    compatibility = Values.text(b.compatibility);
    allowedTools = Values.list(b.allowedTools);
    metadata = Values.map(b.metadata);
    instructions = Values.text(b.instructions);
    folder = Values.text(b.folder);
    requires = Values.list(b.requires);
    ui = Objects.requireNonNullElse(b.ui, SkillUi.EMPTY);
    allowImplicitInvocation = Objects.requireNonNullElse(b.allowImplicitInvocation, Optional.empty());
  }

  /** A builder of a skill {@code name}, with nothing else set. */
  public static Builder builder(String name) {
    return new Builder().name(name);
  }

  /** A builder holding every value of this one. */
  public Builder toBuilder() {
    return new Builder()
        .name(name)
        .description(description)
        .license(license)
        .compatibility(compatibility)
        .allowedTools(allowedTools)
        .metadata(metadata)
        .instructions(instructions)
        .folder(folder)
        .requires(requires)
        .ui(ui)
        .allowImplicitInvocation(allowImplicitInvocation);
  }

  /** The skill name; Codex shows it to the model as {@code <plugin>:<name>}. */
  public String name() {
    return name;
  }

  /** What the skill does and when to use it. */
  public String description() {
    return description;
  }

  /** {@code license}. */
  public String license() {
    return license;
  }

  /** {@code compatibility}. */
  public String compatibility() {
    return compatibility;
  }

  /** The entries of the space-separated {@code allowed-tools}. */
  public List<String> allowedTools() {
    return allowedTools;
  }

  /** The flat {@code metadata} map, sorted by key. */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** The Markdown body after the front matter. */
  public String instructions() {
    return instructions;
  }

  /** The folder of the skill inside the bundle, e.g. {@code skills/code-review}. */
  public String folder() {
    return folder;
  }

  /** Names of MCP servers (and apps) of the same plugin the skill depends on. */
  public List<String> requires() {
    return requires;
  }

  /** The {@code interface} of {@code agents/openai.yaml}. */
  public SkillUi ui() {
    return ui;
  }

  /** {@code policy.allow_implicit_invocation}, when set. */
  public Optional<Boolean> allowImplicitInvocation() {
    return allowImplicitInvocation;
  }

  /** The path of this skill's {@code SKILL.md} inside the bundle. */
  public String skillFile() {
    return folder + "/SKILL.md";
  }

  /** The {@code short-description} metadata entry, or {@code ""}. */
  public String shortDescription() {
    return metadata.getOrDefault("short-description", "");
  }

  /** Whether {@code agents/openai.yaml} has anything to say about this skill. */
  public boolean hasAgentFile() {
    return !ui.isEmpty() || !requires.isEmpty() || allowImplicitInvocation.isPresent();
  }

  private List<Object> values() {
    return java.util.Arrays.asList(name, description, license, compatibility, allowedTools, metadata, instructions, folder, requires, ui, allowImplicitInvocation);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SkillSpec other && values().equals(other.values());
  }

  @Override
  public int hashCode() {
    return values().hashCode();
  }

  @Override
  public String toString() {
    return "SkillSpec[name=" + name + ", description=" + Values.abbreviate(description)
        + ", folder=" + folder + ", instructions=" + instructions.length() + " chars"
        + (requires.isEmpty() ? "" : ", requires=" + requires) + "]";
  }

  /** Builds a {@link SkillSpec}; {@code null} means absent everywhere. */
  public static final class Builder {
    private String name;
    private String description;
    private String license;
    private String compatibility;
    private List<String> allowedTools;
    private Map<String, String> metadata;
    private String instructions;
    private String folder;
    private List<String> requires;
    private SkillUi ui;
    private Optional<Boolean> allowImplicitInvocation;

    private Builder() {}

    /** See {@link SkillSpec#name()}. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** See {@link SkillSpec#description()}. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** See {@link SkillSpec#license()}. */
    public Builder license(String license) {
      this.license = license;
      return this;
    }

    /** See {@link SkillSpec#compatibility()}. */
    public Builder compatibility(String compatibility) {
      this.compatibility = compatibility;
      return this;
    }

    /** See {@link SkillSpec#allowedTools()}. */
    public Builder allowedTools(List<String> allowedTools) {
      this.allowedTools = allowedTools;
      return this;
    }

    /** See {@link SkillSpec#metadata()}. */
    public Builder metadata(Map<String, String> metadata) {
      this.metadata = metadata;
      return this;
    }

    /** See {@link SkillSpec#instructions()}. */
    public Builder instructions(String instructions) {
      this.instructions = instructions;
      return this;
    }

    /** See {@link SkillSpec#folder()}. */
    public Builder folder(String folder) {
      this.folder = folder;
      return this;
    }

    /** See {@link SkillSpec#requires()}. */
    public Builder requires(List<String> requires) {
      this.requires = requires;
      return this;
    }

    /** See {@link SkillSpec#ui()}. */
    public Builder ui(SkillUi ui) {
      this.ui = ui;
      return this;
    }

    /** See {@link SkillSpec#allowImplicitInvocation()}. */
    public Builder allowImplicitInvocation(Optional<Boolean> allowImplicitInvocation) {
      this.allowImplicitInvocation = allowImplicitInvocation;
      return this;
    }

    /** The skill. */
    public SkillSpec build() {
      return new SkillSpec(this);
    }
  }
}
