package dev.codexplugin.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a Java method as a hook of the plugin: the host (Codex or Claude Code) starts it on {@link #event()} and
 * acts on the decision it returns. The processor writes the {@code hooks/hooks.json} entry (event, matcher,
 * timeout) and generates the plugin's launcher {@code <PluginName>Hooks}, which reads the host's input, calls
 * the method directly (no reflection) and writes the decision in the running host's format.
 *
 * <pre>{@code
 * final class ReleasePolicy {
 *   @HookHandler(event = HookEvent.PRE_TOOL_USE, matcher = "release.tools__bump", timeoutSec = 10)
 *   public PreToolUseDecision checkBump(PreToolUse call, BumpArguments arguments) {
 *     return arguments.level() == BumpLevel.MAJOR && !arguments.confirmed()
 *         ? PreToolUseDecision.ask("A MAJOR bump breaks every user; confirm it with confirmed=true.")
 *         : PreToolUseDecision.allow();
 *   }
 * }
 * }</pre>
 *
 * <p>The method must be public, of a top-level or static nested public class with a public no-argument
 * constructor (or static). Its first parameter is the event's input type from {@code dev.codexplugin.hooks}
 * ({@code PreToolUse} for {@link HookEvent#PRE_TOOL_USE}, ...); a tool event ({@code PRE_TOOL_USE},
 * {@code POST_TOOL_USE}, {@code PERMISSION_REQUEST}) may declare a second parameter, a record that the tool's
 * input is bound to. It returns the event's decision type ({@code PreToolUseDecision}, {@code ContextDecision},
 * ...) or {@code void} (no decision). It may throw anything: a failed handler never produces a wrong decision
 * (PreToolUse denies with the error, every other event goes on as if the hook were not there; see
 * docs/HOOKS.md).
 *
 * <p>Only the events both hosts share are supported: {@code PRE_TOOL_USE}, {@code POST_TOOL_USE},
 * {@code PERMISSION_REQUEST}, {@code USER_PROMPT_SUBMIT}, {@code SESSION_START}, {@code SESSION_END},
 * {@code STOP}, {@code SUBAGENT_START}, {@code SUBAGENT_STOP}, {@code PRE_COMPACT} and {@code POST_COMPACT}.
 * For a Codex-only event, write a shell command with {@link Hook @Hook}.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface HookHandler {
  /** When the hook runs; one of the events both hosts share (see above). */
  HookEvent event();

  /**
   * Which tools the hook applies to (for tool events), or which {@code source} (SessionStart) or
   * {@code trigger} (Pre/PostCompact); must be a valid regular expression; empty matches everything. Both hosts
   * search it anywhere in the name: {@code release.tools__bump} matches Codex's
   * {@code mcp__release_tools__bump} and Claude Code's {@code mcp__plugin_release-tools_release-tools__bump}.
   */
  String matcher() default "";

  /**
   * Seconds the host waits for the hook; must be 1-600. The launcher decides a little earlier (see
   * docs/HOOKS.md): a handler still running then is treated as failed.
   */
  int timeoutSec() default 10;

  /** A message the host shows while the hook runs; optional. */
  String statusMessage() default "";
}
