package dev.codexplugin.bench.hook;

import dev.codexplugin.api.HookEvent;
import dev.codexplugin.hooks.HookDecision;
import dev.codexplugin.hooks.HookDispatcher;
import dev.codexplugin.hooks.HookInput;
import dev.codexplugin.hooks.HookMethod;
import dev.codexplugin.hooks.HookRunner;
import dev.codexplugin.hooks.PreToolUse;
import java.util.List;

/** The launcher of {@link BenchPolicy}, in the form the processor generates. */
public final class BenchHooks implements HookDispatcher {
  private static final List<HookMethod> METHODS = List.of(
      new HookMethod(0, "BenchPolicy.checkBump", HookEvent.PRE_TOOL_USE, 10));

  public static void main(String[] args) {
    HookRunner.main(new BenchHooks(), args);
  }

  @Override
  public String plugin() {
    return "bench-hooks";
  }

  @Override
  public List<HookMethod> methods() {
    return METHODS;
  }

  @Override
  public HookDecision call(int index, HookInput input) throws Exception {
    switch (index) {
      case 0:
        return BenchPolicy.checkBump((PreToolUse) input);
      default:
        throw new IllegalArgumentException("no hook handler " + index);
    }
  }
}
