package com.acme.policy;

import dev.codexplugin.api.HookEvent;
import dev.codexplugin.api.HookHandler;
import dev.codexplugin.hooks.BlockOrContextDecision;
import dev.codexplugin.hooks.ContextDecision;
import dev.codexplugin.hooks.PermissionDecision;
import dev.codexplugin.hooks.PermissionRequest;
import dev.codexplugin.hooks.PostToolUse;
import dev.codexplugin.hooks.PreCompact;
import dev.codexplugin.hooks.PreToolUse;
import dev.codexplugin.hooks.PreToolUseDecision;
import dev.codexplugin.hooks.SessionEnd;
import dev.codexplugin.hooks.SessionStart;
import dev.codexplugin.hooks.Stop;
import dev.codexplugin.hooks.StopDecision;
import dev.codexplugin.hooks.SubagentStart;
import dev.codexplugin.hooks.SubagentStop;
import dev.codexplugin.hooks.UserPromptSubmit;
import java.util.Optional;

/**
 * The handlers of the sdk-hooks tests: one per event and decision, plus handlers that misbehave (throw, hang,
 * print, exit), exactly as a plugin author writes them. {@link PolicyPluginHooks} is their launcher, written as the
 * processor generates it.
 */
public final class PolicyHandlers {
  /** The tool input of a bump, bound by the launcher. */
  public record BumpArguments(String version, Level level, Optional<String> preRelease, boolean confirmed) {}

  /** Denies a MAJOR bump that is not confirmed, asks for a MINOR one, allows the rest. */
  @HookHandler(event = HookEvent.PRE_TOOL_USE, matcher = "release.tools__bump", timeoutSec = 10)
  public PreToolUseDecision checkBump(PreToolUse call, BumpArguments arguments) {
    if (arguments.level() == Level.MAJOR && !arguments.confirmed()) {
      return PreToolUseDecision.deny("A MAJOR bump of " + arguments.version() + " needs confirmed=true.");
    }
    if (arguments.level() == Level.MINOR) {
      return PreToolUseDecision.ask("Bump " + arguments.version() + " to the next MINOR?");
    }
    return PreToolUseDecision.allow("a patch is always fine");
  }

  /** No opinion on anything. */
  @HookHandler(event = HookEvent.PRE_TOOL_USE)
  public static PreToolUseDecision proceed(PreToolUse call) {
    return PreToolUseDecision.proceed();
  }

  @HookHandler(event = HookEvent.POST_TOOL_USE)
  public BlockOrContextDecision afterTool(PostToolUse call) {
    if (call.toolResponseText().contains("secret")) {
      return BlockOrContextDecision.block("the tool's output held a secret and was withheld");
    }
    return BlockOrContextDecision.addContext("The tool " + call.mcpTool().orElse(call.toolName()) + " said: "
        + call.toolResponseText());
  }

  @HookHandler(event = HookEvent.PERMISSION_REQUEST)
  public PermissionDecision permission(PermissionRequest request) {
    return request.toolName().endsWith("__bump") ? PermissionDecision.deny("bumps need the release manager")
        : PermissionDecision.allow();
  }

  @HookHandler(event = HookEvent.USER_PROMPT_SUBMIT)
  public static BlockOrContextDecision ticket(UserPromptSubmit prompt) {
    if (prompt.prompt().contains("force-push")) {
      return BlockOrContextDecision.block("force-pushing is not allowed here");
    }
    return BlockOrContextDecision.addContext("Ticket REL-42 is open for " + prompt.cwd().getFileName() + ".");
  }

  @HookHandler(event = HookEvent.SESSION_START)
  public ContextDecision sessionStart(SessionStart start) {
    return start.source().equals("startup") ? ContextDecision.addContext("Release freeze until Friday.")
        : ContextDecision.proceed();
  }

  @HookHandler(event = HookEvent.SUBAGENT_START)
  public ContextDecision subagentStart(SubagentStart start) {
    return ContextDecision.addContext("You are agent " + start.agentType().orElse("?") + ".");
  }

  @HookHandler(event = HookEvent.STOP)
  public StopDecision stop(Stop stop) {
    return stop.stopHookActive() ? StopDecision.proceed() : StopDecision.block("Run the tests before you stop.");
  }

  @HookHandler(event = HookEvent.SUBAGENT_STOP)
  public StopDecision subagentStop(SubagentStop stop) {
    return stop.lastAssistantMessage().orElse("").contains("done") ? StopDecision.proceed()
        : StopDecision.block("Say done when you are done.");
  }

  /** Observes only. */
  @HookHandler(event = HookEvent.SESSION_END)
  public void sessionEnd(SessionEnd end) {
    System.err.println("session " + end.sessionId() + " ended: " + end.reason());
  }

  @HookHandler(event = HookEvent.PRE_COMPACT)
  public void preCompact(PreCompact compact) {}

  // ------------------------------------------------------------------------- handlers that misbehave

  @HookHandler(event = HookEvent.PRE_TOOL_USE)
  public PreToolUseDecision throwing(PreToolUse call) {
    throw new IllegalStateException("the policy file is missing");
  }

  @HookHandler(event = HookEvent.USER_PROMPT_SUBMIT)
  public BlockOrContextDecision throwingPrompt(UserPromptSubmit prompt) {
    throw new IllegalStateException("the ticket service is down");
  }

  @HookHandler(event = HookEvent.PRE_TOOL_USE, timeoutSec = 2)
  public PreToolUseDecision hanging(PreToolUse call) throws InterruptedException {
    Thread.sleep(60_000);
    return PreToolUseDecision.allow();
  }

  @HookHandler(event = HookEvent.STOP, timeoutSec = 2)
  public StopDecision hangingStop(Stop stop) throws InterruptedException {
    Thread.sleep(60_000);
    return StopDecision.block("never");
  }

  /** Prints to System.out, which must never reach the host as a decision. */
  @HookHandler(event = HookEvent.PRE_TOOL_USE)
  public PreToolUseDecision noisy(PreToolUse call) {
    System.out.println("{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"allow\"}}");
    System.out.print("debug: looking at " + call.toolName());
    return PreToolUseDecision.deny("noisy says no");
  }

  @HookHandler(event = HookEvent.PRE_TOOL_USE)
  public PreToolUseDecision exiting(PreToolUse call) {
    System.exit(0);
    return PreToolUseDecision.allow();
  }

  @HookHandler(event = HookEvent.PRE_TOOL_USE)
  public PreToolUseDecision returnsNull(PreToolUse call) {
    return null;
  }
}
