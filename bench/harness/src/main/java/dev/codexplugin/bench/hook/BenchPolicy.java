package dev.codexplugin.bench.hook;

import dev.codexplugin.api.HookEvent;
import dev.codexplugin.api.HookHandler;
import dev.codexplugin.hooks.PreToolUse;
import dev.codexplugin.hooks.PreToolUseDecision;

/** The decision every variant of the hook benchmark makes: deny a MAJOR bump, allow everything else. */
public final class BenchPolicy {
  /** The reason, the same in the shell and Node scripts. */
  public static final String REASON = "A MAJOR bump needs confirmMajor=true.";

  @HookHandler(event = HookEvent.PRE_TOOL_USE, matcher = "__bump$")
  public static PreToolUseDecision checkBump(PreToolUse call) {
    return call.toolInput().optionalString("level").orElse("").equals("MAJOR")
        && !call.toolInput().isPresent("confirmMajor") ? PreToolUseDecision.deny(REASON)
        : PreToolUseDecision.allow();
  }
}
