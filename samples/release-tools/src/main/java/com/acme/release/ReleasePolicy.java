package com.acme.release;

import dev.codexplugin.api.HookEvent;
import dev.codexplugin.api.HookHandler;
import dev.codexplugin.hooks.BlockOrContextDecision;
import dev.codexplugin.hooks.PreToolUse;
import dev.codexplugin.hooks.PreToolUseDecision;
import dev.codexplugin.hooks.UserPromptSubmit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.semver4j.Semver;

/**
 * The release policy of the plugin, as hooks the host runs on its own: a new MAJOR version needs the user's
 * yes, and every prompt about a release gets the policy and the project's current version as context.
 */
public final class ReleasePolicy {
  /** The arguments of a {@code bump} call that the policy reads, bound from the call's input. */
  public record BumpCall(String version, BumpLevel level, boolean confirmMajor) {}

  /**
   * Stops a bump to a new MAJOR version unless the call carries {@code confirmMajor=true}: Claude Code asks the
   * user; Codex, which cannot ask from a hook, refuses the call and the model reads why (and can ask the user).
   */
  @HookHandler(event = HookEvent.PRE_TOOL_USE, matcher = "release.tools__bump$", timeoutSec = 10,
      statusMessage = "Checking the release policy")
  public PreToolUseDecision checkBump(PreToolUse call, BumpCall bump) {
    if (bump.level() != BumpLevel.MAJOR || bump.confirmMajor()) {
      return PreToolUseDecision.allow();
    }
    Semver current = Semver.parse(bump.version());
    String next = current == null ? "a new MAJOR version" : current.nextMajor().getVersion();
    return PreToolUseDecision.ask("Release policy: bumping " + bump.version() + " to " + next + " is a new MAJOR"
        + " version and breaks every user. Ask the user to confirm, then call bump again with confirmMajor=true.");
  }

  /**
   * Adds the release policy, and the version in the project's {@code VERSION} file when there is one, to every
   * prompt that talks about a release, a version or a bump.
   */
  @HookHandler(event = HookEvent.USER_PROMPT_SUBMIT, timeoutSec = 10)
  public static BlockOrContextDecision releaseContext(UserPromptSubmit prompt) throws IOException {
    String text = prompt.prompt().toLowerCase(Locale.ROOT);
    if (!text.contains("bump") && !text.contains("release") && !text.contains("version")) {
      return BlockOrContextDecision.proceed();
    }
    StringBuilder context = new StringBuilder("Release policy (release-tools): a bump to a new MAJOR version needs"
        + " the user's confirmation; pass confirmMajor=true to bump only after the user said yes.");
    Path file = prompt.cwd().resolve("VERSION");
    if (Files.isRegularFile(file)) {
      String version = Files.readString(file, StandardCharsets.UTF_8).strip();
      context.append(" The project in ").append(prompt.cwd()).append(" is at version ").append(version).append('.');
    }
    return BlockOrContextDecision.addContext(context.toString());
  }
}
