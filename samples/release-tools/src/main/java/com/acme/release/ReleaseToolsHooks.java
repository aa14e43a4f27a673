package com.acme.release;

import dev.codexplugin.api.HookEvent;
import dev.codexplugin.hooks.HookDecision;
import dev.codexplugin.hooks.HookDispatcher;
import dev.codexplugin.hooks.HookInput;
import dev.codexplugin.hooks.HookMethod;
import dev.codexplugin.hooks.HookRunner;
import dev.codexplugin.hooks.JsonObject;
import dev.codexplugin.hooks.PreToolUse;
import dev.codexplugin.hooks.UserPromptSubmit;
import java.util.List;

/**
 * The hook launcher of plugin {@code release-tools}: runs its {@code @HookHandler} methods as command hooks. The
 * host starts it as {@code java -cp "${CLAUDE_PLUGIN_ROOT}/lib/*" com.acme.release.ReleaseToolsHooks <id>}
 * (see {@code package-info.java}).
 *
 * <p>Written by hand, in exactly the form the annotation processor will generate (docs/HOOKS.md, "What the
 * processor generates"); once it does, this file and the {@code @Hook} entries go away.
 */
public final class ReleaseToolsHooks implements HookDispatcher {
  private static final List<HookMethod> METHODS = List.of(
      new HookMethod(0, "ReleasePolicy.checkBump", HookEvent.PRE_TOOL_USE, 10),
      new HookMethod(1, "ReleasePolicy.releaseContext", HookEvent.USER_PROMPT_SUBMIT, 10));

  private ReleasePolicy releasePolicy;

  /** Creates the launcher; {@link #main} runs it. */
  public ReleaseToolsHooks() {}

  /** Runs the handler named by {@code args[0]} on the host's input and exits with its decision. */
  public static void main(String[] args) {
    HookRunner.main(new ReleaseToolsHooks(), args);
  }

  @Override
  public String plugin() {
    return "release-tools";
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
        return releasePolicy().checkBump(event, new ReleasePolicy.BumpCall(
            arguments.string("version"),
            arguments.enumValue("level", BumpLevel.class),
            arguments.isPresent("confirmMajor") ? arguments.bool("confirmMajor") : false));
      }
      case 1:
        return ReleasePolicy.releaseContext((UserPromptSubmit) input);
      default:
        throw new IllegalArgumentException("no hook handler " + index);
    }
  }

  private ReleasePolicy releasePolicy() {
    if (releasePolicy == null) {
      releasePolicy = new ReleasePolicy();
    }
    return releasePolicy;
  }
}
