package dev.codexplugin.runtime.format;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Marketplace names the hosts refuse to add from a local folder, with the message each host prints. Checked
 * against Codex 0.169.0 / 0.171.0 and Claude Code 2.1.328 / 2.1.332 ({@code docs/research/fidelity-2026-12.md}
 * §5); the end-to-end test {@code ReservedNamesIT} asks the real hosts about every name here on every build.
 */
public final class ReservedNames {
  /** Codex: {@code marketplace `openai-curated` is reserved and cannot be added from this source} (exact, case-sensitive). */
  static final Set<String> CODEX = Set.of("openai-curated", "openai-bundled", "openai-api-curated");

  /** Claude Code: reserved for official Anthropic marketplaces from the anthropics GitHub organisation (any case). */
  static final Set<String> CLAUDE = Set.of("claude-code-marketplace", "claude-code-plugins", "claude-plugins-official",
      "anthropic-marketplace", "anthropic-plugins", "agent-skills", "anthropic-agent-skills", "life-sciences",
      "knowledge-work-plugins", "claude-for-legal", "claude-for-financial-services", "financial-services-plugins",
      "first-party-plugins", "claude-tag-plugins", "claude-community", "claude-plugins-community", "healthcare",
      "anthropic-plugin-directory", "claude-plugin-directory");

  /** Claude Code: names of its own plugin sources, "reserved for ..." (any case). */
  static final Map<String, String> CLAUDE_SOURCES = Map.of("inline", "--plugin-dir session plugins",
      "builtin", "built-in plugins", "skills-dir", "plugins auto-loaded from .claude/skills/",
      "synced", "plugins synced from your claude.ai account", "claude-plugin-test",
      "plugins loaded by claude plugin test");

  /** Claude Code: "Marketplace name impersonates an official Anthropic/Claude marketplace". */
  static final Pattern CLAUDE_IMPERSONATING = Pattern.compile("official[^a-z0-9]*(anthropic|claude)"
      + "|(anthropic|claude)[^a-z0-9]*official"
      + "|^(anthropic|claude)[^a-z0-9]*(marketplace|plugins|official|directory|directories)", Pattern.CASE_INSENSITIVE);

  private ReservedNames() {}

  /**
   * Whether {@code name} is one of the marketplace names Claude Code keeps for Anthropic's own marketplaces
   * (added only from the anthropics GitHub organisation): the plugins of such a marketplace are Anthropic's
   * own, which Claude's reserved plugin names do not bind.
   */
  public static boolean anthropicMarketplace(String name) {
    return CLAUDE.contains(name.toLowerCase(Locale.ROOT));
  }

  /** What Codex says when asked to add a marketplace named {@code name}, if it refuses. */
  public static Optional<String> codex(String name) {
    return CODEX.contains(name)
        ? Optional.of("marketplace `" + name + "` is reserved and cannot be added from this source")
        : Optional.empty();
  }

  /** What Claude Code says when asked to add a marketplace named {@code name} from a folder, if it refuses. */
  public static Optional<String> claude(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (CLAUDE.contains(lower)) {
      return Optional.of("The name '" + name + "' is reserved for official Anthropic marketplaces and can only be"
          + " used with GitHub sources from the 'anthropics' organization.");
    }
    if (CLAUDE_IMPERSONATING.matcher(name).find()) {
      return Optional.of("Marketplace name impersonates an official Anthropic/Claude marketplace");
    }
    if (CLAUDE_SOURCES.containsKey(lower)) {
      return Optional.of("Marketplace name \"" + lower + "\" is reserved for " + CLAUDE_SOURCES.get(lower));
    }
    return Optional.empty();
  }
}
