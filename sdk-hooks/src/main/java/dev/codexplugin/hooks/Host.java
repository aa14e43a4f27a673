package dev.codexplugin.hooks;

import java.util.Map;

/**
 * The host that runs the hook. Both read the same {@code hooks/hooks.json} of a plugin folder, so the launcher
 * tells them apart by the environment each gives its hooks (docs/research/hooks.md §2, checked in real
 * sessions): Codex sets {@code PLUGIN_ROOT} for a plugin's hooks, Claude Code never does and sets
 * {@code CLAUDE_PROJECT_DIR} and {@code CLAUDECODE=1}. An explicit second launcher argument ({@code codex} or
 * {@code claude}) wins over the environment.
 */
public enum Host {
  /** The Codex CLI: no "ask", and "allow" is written as no output (Codex rejects a bare allow). */
  CODEX("codex"),
  /** Claude Code: allow, deny and ask as written. */
  CLAUDE_CODE("claude");

  private final String argument;

  Host(String argument) {
    this.argument = argument;
  }

  /** The launcher argument and log name: {@code codex} or {@code claude}. */
  public String argument() {
    return argument;
  }

  /**
   * The host named by {@code argument} ({@code codex} or {@code claude}), else the one the environment shows;
   * when neither tells, {@link #CODEX}, whose output both hosts accept.
   *
   * @throws IllegalArgumentException when {@code argument} is neither {@code null} nor a host's name
   */
  public static Host detect(String argument, Map<String, String> env) {
    if (argument != null) {
      for (Host host : values()) {
        if (host.argument.equals(argument)) {
          return host;
        }
      }
      throw new IllegalArgumentException("the host argument must be codex or claude; found \"" + argument + "\"");
    }
    if (env.containsKey("PLUGIN_ROOT")) {
      return CODEX;
    }
    if (env.containsKey("CLAUDE_PROJECT_DIR") || "1".equals(env.get("CLAUDECODE"))) {
      return CLAUDE_CODE;
    }
    return CODEX;
  }
}
