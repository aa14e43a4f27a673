package com.acme.policy;

import dev.codexplugin.api.HookEvent;
import dev.codexplugin.hooks.HookDecision;
import dev.codexplugin.hooks.HookDispatcher;
import dev.codexplugin.hooks.HookInput;
import dev.codexplugin.hooks.HookMethod;
import dev.codexplugin.hooks.HookRunner;
import dev.codexplugin.hooks.JsonObject;
import dev.codexplugin.hooks.PermissionRequest;
import dev.codexplugin.hooks.PostToolUse;
import dev.codexplugin.hooks.PreCompact;
import dev.codexplugin.hooks.PreToolUse;
import dev.codexplugin.hooks.SessionEnd;
import dev.codexplugin.hooks.SessionStart;
import dev.codexplugin.hooks.Stop;
import dev.codexplugin.hooks.SubagentStart;
import dev.codexplugin.hooks.SubagentStop;
import dev.codexplugin.hooks.UserPromptSubmit;
import java.util.List;
import java.util.Optional;

/**
 * The hook launcher of plugin {@code policy-plugin}: runs its {@code @HookHandler} methods as command hooks.
 * The host starts it as {@code java -cp "${CLAUDE_PLUGIN_ROOT}/lib/*" com.acme.policy.PolicyPluginHooks <id>}.
 * Written by hand in exactly the form the processor generates (docs/HOOKS.md, "What the processor generates").
 */
public final class PolicyPluginHooks implements HookDispatcher {
  private static final List<HookMethod> METHODS = List.of(
      new HookMethod(0, "PolicyHandlers.checkBump", HookEvent.PRE_TOOL_USE, 10),
      new HookMethod(1, "PolicyHandlers.proceed", HookEvent.PRE_TOOL_USE, 10),
      new HookMethod(2, "PolicyHandlers.afterTool", HookEvent.POST_TOOL_USE, 10),
      new HookMethod(3, "PolicyHandlers.permission", HookEvent.PERMISSION_REQUEST, 10),
      new HookMethod(4, "PolicyHandlers.ticket", HookEvent.USER_PROMPT_SUBMIT, 10),
      new HookMethod(5, "PolicyHandlers.sessionStart", HookEvent.SESSION_START, 10),
      new HookMethod(6, "PolicyHandlers.subagentStart", HookEvent.SUBAGENT_START, 10),
      new HookMethod(7, "PolicyHandlers.stop", HookEvent.STOP, 10),
      new HookMethod(8, "PolicyHandlers.subagentStop", HookEvent.SUBAGENT_STOP, 10),
      new HookMethod(9, "PolicyHandlers.sessionEnd", HookEvent.SESSION_END, 10),
      new HookMethod(10, "PolicyHandlers.preCompact", HookEvent.PRE_COMPACT, 10),
      new HookMethod(11, "PolicyHandlers.throwing", HookEvent.PRE_TOOL_USE, 10),
      new HookMethod(12, "PolicyHandlers.throwingPrompt", HookEvent.USER_PROMPT_SUBMIT, 10),
      new HookMethod(13, "PolicyHandlers.hanging", HookEvent.PRE_TOOL_USE, 2),
      new HookMethod(14, "PolicyHandlers.hangingStop", HookEvent.STOP, 2),
      new HookMethod(15, "PolicyHandlers.noisy", HookEvent.PRE_TOOL_USE, 10),
      new HookMethod(16, "PolicyHandlers.exiting", HookEvent.PRE_TOOL_USE, 10),
      new HookMethod(17, "PolicyHandlers.returnsNull", HookEvent.PRE_TOOL_USE, 10));

  private PolicyHandlers policyHandlers;

  /** Creates the launcher; {@link #main} runs it. */
  public PolicyPluginHooks() {}

  /** Runs the handler named by {@code args[0]} on the host's input and exits with its decision. */
  public static void main(String[] args) {
    HookRunner.main(new PolicyPluginHooks(), args);
  }

  @Override
  public String plugin() {
    return "policy-plugin";
  }

  @Override
  public List<HookMethod> methods() {
    return METHODS;
  }

  @Override
  public HookDecision call(int index, HookInput input) throws Exception {
    switch (index) {
      case 0: {
        PreToolUse event = (PreToolUse) input;
        JsonObject arguments = event.toolInput();
        return policyHandlers().checkBump(event, new PolicyHandlers.BumpArguments(
            arguments.string("version"),
            arguments.enumValue("level", Level.class),
            arguments.isPresent("preRelease") ? Optional.of(arguments.string("preRelease")) : Optional.empty(),
            arguments.isPresent("confirmed") ? arguments.bool("confirmed") : false));
      }
      case 1:
        return PolicyHandlers.proceed((PreToolUse) input);
      case 2:
        return policyHandlers().afterTool((PostToolUse) input);
      case 3:
        return policyHandlers().permission((PermissionRequest) input);
      case 4:
        return PolicyHandlers.ticket((UserPromptSubmit) input);
      case 5:
        return policyHandlers().sessionStart((SessionStart) input);
      case 6:
        return policyHandlers().subagentStart((SubagentStart) input);
      case 7:
        return policyHandlers().stop((Stop) input);
      case 8:
        return policyHandlers().subagentStop((SubagentStop) input);
      case 9:
        policyHandlers().sessionEnd((SessionEnd) input);
        return HookDecision.none();
      case 10:
        policyHandlers().preCompact((PreCompact) input);
        return HookDecision.none();
      case 11:
        return policyHandlers().throwing((PreToolUse) input);
      case 12:
        return policyHandlers().throwingPrompt((UserPromptSubmit) input);
      case 13:
        return policyHandlers().hanging((PreToolUse) input);
      case 14:
        return policyHandlers().hangingStop((Stop) input);
      case 15:
        return policyHandlers().noisy((PreToolUse) input);
      case 16:
        return policyHandlers().exiting((PreToolUse) input);
      case 17:
        return policyHandlers().returnsNull((PreToolUse) input);
      default:
        throw new IllegalArgumentException("no hook handler " + index);
    }
  }

  private PolicyHandlers policyHandlers() {
    if (policyHandlers == null) {
      policyHandlers = new PolicyHandlers();
    }
    return policyHandlers;
  }
}
