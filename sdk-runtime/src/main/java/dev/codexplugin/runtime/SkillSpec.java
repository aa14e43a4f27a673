package dev.codexplugin.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Map;

/**
 * One skill: the front matter and Markdown body of {@code SKILL.md}, plus {@code agents/openai.yaml}.
 * Absent text is {@code ""}.
 *
 * @param name the skill name; Codex shows it to the model as {@code <plugin>:<name>}
 * @param description what the skill does and when to use it
 * @param license {@code license}
 * @param compatibility {@code compatibility}
 * @param allowedTools the entries of the space-separated {@code allowed-tools}
 * @param metadata the flat {@code metadata} map, sorted by key
 * @param instructions the Markdown body after the front matter
 * @param folder the skill's folder inside the bundle, e.g. {@code skills/code-review}
 * @param requires names of MCP servers (and apps) of the same plugin the skill depends on
 * @param ui the {@code interface} of {@code agents/openai.yaml}
 * @param allowImplicitInvocation {@code policy.allow_implicit_invocation}, when set
 */
public record SkillSpec(
    String name,
    String description,
    String license,
    String compatibility,
    List<String> allowedTools,
    Map<String, String> metadata,
    String instructions,
    String folder,
    List<String> requires,
    SkillUi ui,
    Optional<Boolean> allowImplicitInvocation) {

  /** Normalizes {@code null} to empty values and copies the collections. */
  public SkillSpec {
    name = Values.text(name);
    description = Values.text(description);
    license = Values.text(license);
    compatibility = Values.text(compatibility);
    allowedTools = Values.list(allowedTools);
    metadata = Values.map(metadata);
    instructions = Values.text(instructions);
    folder = Values.text(folder);
    requires = Values.list(requires);
    ui = Objects.requireNonNullElse(ui, SkillUi.EMPTY);
    allowImplicitInvocation = Objects.requireNonNullElse(allowImplicitInvocation, Optional.empty());
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

  @Override
  public String toString() {
    return "SkillSpec[name=" + name + ", description=" + Values.abbreviate(description)
        + ", folder=" + folder + ", instructions=" + instructions.length() + " chars"
        + (requires.isEmpty() ? "" : ", requires=" + requires) + "]";
  }
}
