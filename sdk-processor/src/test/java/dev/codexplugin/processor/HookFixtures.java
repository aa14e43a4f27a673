package dev.codexplugin.processor;

import static dev.codexplugin.processor.ProcessorTesting.source;

import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Hook plugins for the positive tests (golden files, running the generated launcher). They compile with
 * {@code sdk-hooks} on the class path, as a user's project does.
 */
final class HookFixtures {
  private HookFixtures() {}

  /**
   * One plugin, {@code gate-keeper}, with a shell {@code @Hook} and Java handlers in three classes: an instance
   * PreToolUse handler whose tool input binds to a record using every row of the binding table (a nested record,
   * {@code Optional}s, an enum, {@code List<String>}, {@code JsonObject}, primitives and boxes), a static
   * UserPromptSubmit handler, a static PreToolUse handler that prints a decision to stdout and outlives its timeout,
   * a {@code void} SessionEnd handler of the same class, an instance PostToolUse handler
   * of a static nested class, and a static Stop handler.
   */
  static final List<JavaFileObject> GATE_KEEPER = List.of(
      source("com.acme.gate.package-info", """
          @Plugin(name = "gate-keeper", version = "1.0.0", description = "Guards the repository")
          @Hook(event = HookEvent.SESSION_START, command = "sh \\"${CLAUDE_PLUGIN_ROOT}/hooks/start.sh\\"")
          package com.acme.gate;

          import dev.codexplugin.api.Hook;
          import dev.codexplugin.api.HookEvent;
          import dev.codexplugin.api.Plugin;
          """),
      source("com.acme.gate.Level", """
          package com.acme.gate;

          public enum Level { LOW, HIGH }
          """),
      source("com.acme.gate.Policy", """
          package com.acme.gate;

          import dev.codexplugin.api.HookEvent;
          import dev.codexplugin.api.HookHandler;
          import dev.codexplugin.hooks.BlockOrContextDecision;
          import dev.codexplugin.hooks.JsonObject;
          import dev.codexplugin.hooks.PostToolUse;
          import dev.codexplugin.hooks.PreToolUse;
          import dev.codexplugin.hooks.PreToolUseDecision;
          import dev.codexplugin.hooks.SessionEnd;
          import dev.codexplugin.hooks.UserPromptSubmit;
          import java.util.List;
          import java.util.Optional;

          public class Policy {
            public record Target(String branch, Optional<Integer> depth) {}

            public record Push(String remote, Target target, boolean force, int retries, long size, double ratio,
                Boolean signed, Long stamp, Optional<String> note, Optional<Level> level, Level severity,
                List<String> tags, Optional<Target> mirror, JsonObject extra) {}

            private int calls;

            @HookHandler(event = HookEvent.PRE_TOOL_USE, matcher = "git__push$", timeoutSec = 5,
                statusMessage = "Checking the push")
            public PreToolUseDecision checkPush(PreToolUse call, Push push) {
              calls++;
              if (push.force() && push.target().branch().equals("main")) {
                return PreToolUseDecision.deny("No force push to main (" + push.severity() + ", "
                    + push.tags() + ", depth " + push.target().depth().orElse(-1) + ", call " + calls + ")");
              }
              return PreToolUseDecision.allow();
            }

            @HookHandler(event = HookEvent.PRE_TOOL_USE, matcher = "slow", timeoutSec = 1)
            public static PreToolUseDecision slow(PreToolUse call) throws InterruptedException {
              System.out.println("{\\"hookSpecificOutput\\":{\\"permissionDecision\\":\\"allow\\"}}");
              Thread.sleep(20_000);
              return PreToolUseDecision.allow();
            }

            @HookHandler(event = HookEvent.USER_PROMPT_SUBMIT)
            public static BlockOrContextDecision ticket(UserPromptSubmit prompt) {
              return prompt.prompt().contains("ticket")
                  ? BlockOrContextDecision.addContext("Tickets live in JIRA project GATE.")
                  : BlockOrContextDecision.proceed();
            }

            @HookHandler(event = HookEvent.SESSION_END, timeoutSec = 3)
            public void sessionEnd(SessionEnd end) {
              System.out.println("a handler printing to stdout: " + end.reason());
            }

            public static class Audit {
              @HookHandler(event = HookEvent.POST_TOOL_USE, matcher = "Bash")
              public BlockOrContextDecision afterTool(PostToolUse used) throws java.io.IOException {
                if (used.toolInput().isPresent("fail")) {
                  throw new java.io.IOException("the audit log is full");
                }
                return BlockOrContextDecision.addContext("audited " + used.toolName());
              }
            }
          }
          """),
      source("com.acme.gate.Stops", """
          package com.acme.gate;

          import dev.codexplugin.api.HookEvent;
          import dev.codexplugin.api.HookHandler;
          import dev.codexplugin.hooks.Stop;
          import dev.codexplugin.hooks.StopDecision;

          public final class Stops {
            private Stops() {}

            @HookHandler(event = HookEvent.STOP, timeoutSec = 600)
            public static StopDecision stop(Stop stop) {
              return stop.stopHookActive() ? StopDecision.proceed() : StopDecision.block("Run the tests first.");
            }
          }
          """));
}
