package dev.codexplugin.runtime;

import java.util.List;

/**
 * One Claude Code agent (subagent), {@code agents/<file>.md}. Codex copies the file and never reads it; Claude
 * Code reads its front matter, and when that YAML does not parse it loads the agent named after the file with
 * every other field dropped (then {@link #frontMatterRead()} is false and the fields are empty, as Claude has
 * them).
 *
 * @param name the front matter's {@code name}, else the file name without {@code .md}
 * @param file the file inside the bundle, e.g. {@code agents/code-reviewer.md}
 * @param description the front matter's {@code description}, or {@code ""}
 * @param tools the front matter's {@code tools} (a list, or one comma-separated text), in order
 * @param model the front matter's {@code model}, or {@code ""}
 * @param color the front matter's {@code color}, or {@code ""}
 * @param frontMatterRead whether Claude Code can read the front matter
 */
public record AgentSpec(String name, String file, String description, List<String> tools, String model,
    String color, boolean frontMatterRead) {

  /** Absent values become {@code ""} and empty lists. */
  public AgentSpec {
    name = Values.text(name);
    file = Values.text(file);
    description = Values.text(description);
    tools = Values.list(tools);
    model = Values.text(model);
    color = Values.text(color);
  }
}
