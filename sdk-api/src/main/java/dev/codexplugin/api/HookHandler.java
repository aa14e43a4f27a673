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
 * public final class ReleasePolicy {
 *   @HookHandler(event = HookEvent.PRE_TOOL_USE, matcher = "release.tools__bump", timeoutSec = 10)
 *   public PreToolUseDecision checkBump(PreToolUse call, BumpArguments arguments) {
 *     return arguments.level() == BumpLevel.MAJOR && !arguments.confirmed()
 *         ? PreToolUseDecision.ask("A MAJOR bump breaks every user; confirm it with confirmed=true.")
 *         : PreToolUseDecision.allow();
 *   }
 * }
 * }</pre>
 *
 * <p>The method must be a public, non-abstract, non-generic method of a public top-level or static nested class
 * with a public no-argument constructor (unless the method is static), throwing only exceptions (a
 * {@code HookSignature} error on the method otherwise). Its parameters must take the event's input type first
 * (PreToolUse for PRE_TOOL_USE, ...) and, for PRE_TOOL_USE, POST_TOOL_USE and PERMISSION_REQUEST only, a record
 * of the tool's input second (the input types are in {@code dev.codexplugin.hooks}; {@code HookInput} on the
 * parameter otherwise). Every component of that record must have a type the launcher binds from the tool input:
 * String, boolean, int, long, double, their boxes, an enum, Optional of one of these, {@code List<String>}, a record of
 * such components, or JsonObject ({@code HookBinding} on the component otherwise); components are read by name
 * (docs/HOOKS.md has the binding table). The method must return the event's decision type or void:
 * PreToolUseDecision (PreToolUse), PermissionDecision (PermissionRequest), BlockOrContextDecision (PostToolUse,
 * UserPromptSubmit), ContextDecision (SessionStart, SubagentStart), StopDecision (Stop, SubagentStop), void only
 * (SessionEnd, PreCompact, PostCompact) ({@code HookDecision} otherwise); {@code void} means no decision. It may
 * throw anything: a failed handler never produces a wrong decision (PreToolUse denies with the error, every
 * other event goes on as if the hook were not there; see docs/HOOKS.md).
 *
 * <p>A handler's id, the launcher's argument in {@code hooks.json}, is its class's simple name (with enclosing
 * classes) and the method's name, {@code ReleasePolicy.checkBump}; ids must be unique in a plugin. A handler
 * must belong to exactly one @Plugin, by the same rule as every other annotated element (see the package
 * documentation), and a class named {@code <PluginName>Hooks} must not exist in the plugin's package.
 * {@code dev.codexplugin:sdk-hooks} must be on the compile class path (a {@code MissingDependency} error
 * otherwise): the launcher calls it, and it runs the hooks at run time. Handlers must be declared in sources of
 * one round.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface HookHandler {
  /**
   * When the hook runs. It must be an event both hosts share: PRE_TOOL_USE, POST_TOOL_USE, PERMISSION_REQUEST,
   * USER_PROMPT_SUBMIT, SESSION_START, SESSION_END, STOP, SUBAGENT_START, SUBAGENT_STOP, PRE_COMPACT, POST_COMPACT
   * (a {@code HookEvent} error otherwise); for an event only Codex has, write a shell command with
   * {@link Hook @Hook}.
   */
  HookEvent event();

  /**
   * Which tools the hook applies to (for tool events), or which {@code source} (SessionStart) or
   * {@code trigger} (Pre/PostCompact); must be a valid regular expression; empty matches everything. Both hosts
   * search it anywhere in the name: {@code release.tools__bump} matches Codex's
   * {@code mcp__release_tools__bump} and Claude Code's {@code mcp__plugin_release-tools_release-tools__bump}. A
   * matcher has no effect on UserPromptSubmit, Stop, SubagentStop and SessionEnd: both hosts run their hooks
   * always (an {@code IgnoredMatcher} warning).
   */
  String matcher() default "";

  /**
   * Seconds the host waits for the hook; must be 1-600 seconds (600 is the hosts' default and the launcher's
   * limit). The launcher decides a little earlier (see docs/HOOKS.md): a handler still running then is treated as
   * failed.
   */
  int timeoutSec() default 10;

  /** A message the host shows while the hook runs; optional. */
  String statusMessage() default "";
}
