package dev.codexplugin.runtime;

import java.util.List;

/**
 * One Claude Code command, {@code commands/<name>.md}: a prompt the user runs as {@code /<plugin>:<name>}. The
 * SDK reads it as the hosts do (docs/FORMAT.md §3b) and says what each host makes of it.
 *
 * @param name the path below {@code commands/} without {@code .md}, e.g. {@code configure} or {@code sub/nested}
 * @param file the file inside the bundle, e.g. {@code commands/configure.md}
 * @param description the front matter's {@code description}, or {@code ""}
 * @param argumentHint the front matter's {@code argument-hint}, or {@code ""}
 * @param allowedTools the front matter's {@code allowed-tools} (a list, or one comma-separated text), in order
 * @param model the front matter's {@code model}, or {@code ""}
 * @param codexSkill the skill Codex makes of the command when it installs the plugin, e.g.
 *     {@code source-command-configure}, or {@code ""} when Codex skips it (the rules of docs/FORMAT.md §3b)
 */
public record CommandSpec(String name, String file, String description, String argumentHint,
    List<String> allowedTools, String model, String codexSkill) {

  /** Absent values become {@code ""} and empty lists. */
  public CommandSpec {
    name = Values.text(name);
    file = Values.text(file);
    description = Values.text(description);
    argumentHint = Values.text(argumentHint);
    allowedTools = Values.list(allowedTools);
    model = Values.text(model);
    codexSkill = Values.text(codexSkill);
  }

  /**
   * The skill Claude Code shows for the command: its name when the file sits directly in {@code commands/}
   * (Claude lists commands among the skills), else {@code ""} (Claude does not list {@code commands/sub/x.md}).
   */
  public String claudeSkill() {
    return name.contains("/") ? "" : name;
  }
}
