package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ProcessorTesting.generated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import dev.codexplugin.hooks.HookDispatcher;
import dev.codexplugin.hooks.HookRunner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hook plugin compiled with {@code sdk-hooks} on the class path: the generated launcher and the bundle's
 * {@code hooks/hooks.json} compared with golden files under {@code src/test/resources/golden/hooks/}
 * ({@code -Dcodexplugin.updateGoldens=true} rewrites them), what the goldens must show asserted beside them, and
 * the generated launcher run through {@link HookRunner#run}, the path the host takes: the input bound, the method
 * called, the decision in each host's format, and the fail-safe.
 */
class HookGoldenTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LAUNCHER = "com.acme.gate.GateKeeperHooks";
  private static final Map<String, String> CODEX = Map.of("PLUGIN_ROOT", "/p", "CLAUDE_PLUGIN_ROOT", "/p");
  private static final Map<String, String> CLAUDE = Map.of("CLAUDE_PLUGIN_ROOT", "/p", "CLAUDE_PROJECT_DIR", "/w");

  private static Compilation compilation;

  @BeforeAll
  static void compileTheFixture() {
    compilation = compile(HookFixtures.GATE_KEEPER.toArray(new JavaFileObject[0]));
    assertThat(compilation).succeededWithoutWarnings();
  }

  private static HookDispatcher launcher() throws Exception {
    Object launcher = new CompiledClasses(compilation).get(LAUNCHER).getConstructor().newInstance();
    assertThat(launcher).isInstanceOf(HookDispatcher.class);
    return (HookDispatcher) launcher;
  }

  private static String input(String event, String fields) {
    return "{\"session_id\":\"s\",\"transcript_path\":null,\"cwd\":\"/w\",\"hook_event_name\":\"" + event + "\","
        + "\"model\":\"m\",\"permission_mode\":\"default\",\"turn_id\":\"t\"" + fields + "}";
  }

  private static String push(String toolInput) {
    return input("PreToolUse", ",\"tool_name\":\"mcp__git__push\",\"tool_input\":" + toolInput
        + ",\"tool_use_id\":\"call_1\"");
  }

  @Test
  void theLauncherAndHooksJsonMatchTheGoldens() throws Exception {
    SortedMap<String, byte[]> files = generated(compilation);
    assertThat(files.keySet()).containsExactly(
        "bundles/gate-keeper/.codex-plugin/plugin.json",
        "bundles/gate-keeper/hooks/hooks.json",
        "bundles/index.json",
        "sources/com/acme/gate/GateKeeperHooks.java").inOrder();
    Goldens.assertMatches("hooks/gate-keeper", files);

    JsonNode hooks = JSON.readTree(files.get("bundles/gate-keeper/hooks/hooks.json")).path("hooks");
    // Grouped by event; the @Hook first, then the handlers in id order.
    assertThat(JSON.writeValueAsString(hooks.path("PreToolUse").get(0))).isEqualTo("{\"matcher\":\"git__push$\","
        + "\"hooks\":[{\"type\":\"command\",\"command\":\"java -Xlog:disable -Xlog:all=warning:stderr -cp"
        + " \\\"${CLAUDE_PLUGIN_ROOT}/lib/*\\\" com.acme.gate.GateKeeperHooks Policy.checkPush\",\"timeout\":5,"
        + "\"statusMessage\":\"Checking the push\"}]}");
    assertThat(hooks.path("PreToolUse").get(1).path("matcher").asText()).isEqualTo("slow");
    // The timeout is always written (the default 10), the matcher only when set.
    assertThat(JSON.writeValueAsString(hooks.path("UserPromptSubmit"))).isEqualTo("[{\"hooks\":[{\"type\":"
        + "\"command\",\"command\":\"java -Xlog:disable -Xlog:all=warning:stderr -cp"
        + " \\\"${CLAUDE_PLUGIN_ROOT}/lib/*\\\" com.acme.gate.GateKeeperHooks Policy.ticket\",\"timeout\":10}]}]");
    assertThat(hooks.path("PostToolUse").get(0).path("hooks").get(0).path("command").asText())
        .endsWith(" com.acme.gate.GateKeeperHooks Policy.Audit.afterTool");
    assertThat(hooks.path("Stop").get(0).path("hooks").get(0).path("timeout").asInt()).isEqualTo(600);
    assertThat(hooks.path("SessionStart").get(0).path("hooks").get(0).path("command").asText())
        .isEqualTo("sh \"${CLAUDE_PLUGIN_ROOT}/hooks/start.sh\"");

    String source = new String(files.get("sources/com/acme/gate/GateKeeperHooks.java"), StandardCharsets.UTF_8);
    // Direct calls: an instance per handler class, made once; static handlers without one; no reflection.
    assertThat(source).contains("return policy().checkPush(event, bindPolicyPush(event.toolInput()));");
    assertThat(source).contains("return Policy.ticket((UserPromptSubmit) input);");
    assertThat(source).contains("return policyAudit().afterTool((PostToolUse) input);");
    assertThat(source).contains("policy().sessionEnd((SessionEnd) input);\n        return HookDecision.none();");
    assertThat(source).contains("HookRunner.main(new GateKeeperHooks(), args);");
    assertThat(source).doesNotContain("reflect");
    assertThat(source).doesNotContain("->");
    assertThat(source).doesNotContain("::");
  }

  @Test
  void eachPluginOfACompilationGetsItsOwnLauncher() throws Exception {
    List<JavaFileObject> sources = new ArrayList<>();
    for (String plugin : List.of("alpha", "beta")) {
      sources.add(ProcessorTesting.source("com.acme." + plugin + ".package-info", """
          @Plugin(name = "%s-hooks", version = "1.0.0", description = "d")
          package com.acme.%s;

          import dev.codexplugin.api.Plugin;
          """.formatted(plugin, plugin)));
      sources.add(ProcessorTesting.source("com.acme." + plugin + ".Guard", """
          package com.acme.%s;

          import dev.codexplugin.api.HookEvent;
          import dev.codexplugin.api.HookHandler;
          import dev.codexplugin.hooks.Stop;

          public final class Guard {
            @HookHandler(event = HookEvent.STOP)
            public static void %s(Stop stop) {}
          }
          """.formatted(plugin, plugin)));
    }
    Compilation two = compile(sources.toArray(new JavaFileObject[0]));
    assertThat(two).succeededWithoutWarnings();
    SortedMap<String, byte[]> files = generated(two);
    assertThat(files.keySet()).containsAtLeast("sources/com/acme/alpha/AlphaHooksHooks.java",
        "sources/com/acme/beta/BetaHooksHooks.java");
    for (String plugin : List.of("alpha", "beta")) {
      String command = JSON.readTree(files.get("bundles/" + plugin + "-hooks/hooks/hooks.json")).path("hooks")
          .path("Stop").get(0).path("hooks").get(0).path("command").asText();
      String pascal = Character.toUpperCase(plugin.charAt(0)) + plugin.substring(1);
      assertThat(command).endsWith(" com.acme." + plugin + "." + pascal + "HooksHooks Guard." + plugin);
    }
  }

  @Test
  void theHandlersAreListedInIdOrder() throws Exception {
    assertThat(launcher().methods().stream().map(m -> m.id() + "@" + m.index() + " " + m.event() + " "
        + m.timeoutSec()).toList()).containsExactly(
            "Policy.Audit.afterTool@0 POST_TOOL_USE 10",
            "Policy.checkPush@1 PRE_TOOL_USE 5",
            "Policy.sessionEnd@2 SESSION_END 3",
            "Policy.slow@3 PRE_TOOL_USE 1",
            "Policy.ticket@4 USER_PROMPT_SUBMIT 10",
            "Stops.stop@5 STOP 600").inOrder();
    assertThat(launcher().plugin()).isEqualTo("gate-keeper");
  }

  @Test
  void theBoundRecordReachesTheMethodAndTheDecisionIsWrittenForEachHost() throws Exception {
    String toolInput = "{\"remote\":\"origin\",\"target\":{\"branch\":\"main\",\"depth\":3},\"force\":true,"
        + "\"severity\":\"HIGH\",\"tags\":[\"a\",\"b\"],\"extra\":{}}";
    HookRunner.Result codex = HookRunner.run(launcher(), push(toolInput), CODEX, "Policy.checkPush");
    assertThat(codex.exitCode()).isEqualTo(0);
    assertThat(codex.stdout().strip()).isEqualTo("{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\","
        + "\"permissionDecision\":\"deny\",\"permissionDecisionReason\":\"No force push to main (HIGH, [a, b],"
        + " depth 3, call 1)\"}}");
    HookRunner.Result claude = HookRunner.run(launcher(), push(toolInput.replace("\"force\":true",
        "\"force\":false")), CLAUDE, "Policy.checkPush");
    assertThat(claude.stdout()).contains("\"permissionDecision\":\"allow\"");
  }

  @Test
  void aToolInputThatDoesNotBindDeniesTheCallNamingTheMember() throws Exception {
    HookRunner.Result result = HookRunner.run(launcher(), push("{\"remote\":\"origin\",\"target\":{\"branch\":"
        + "\"main\"},\"severity\":\"high\",\"extra\":{}}"), CODEX, "Policy.checkPush");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr()).startsWith("Hook Policy.checkPush of plugin gate-keeper failed, so the call is"
        + " denied: tool_input.severity must be one of LOW, HIGH; found \"high\"");
    HookRunner.Result missing = HookRunner.run(launcher(), push("{\"remote\":\"origin\",\"target\":{},"
        + "\"severity\":\"LOW\",\"extra\":{}}"), CODEX, "Policy.checkPush");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.stderr()).contains("tool_input.target.branch is missing");
  }

  @Test
  void aStaticAVoidAndANestedHandlerRun() throws Exception {
    HookRunner.Result prompt = HookRunner.run(launcher(), input("UserPromptSubmit", ",\"prompt\":\"the ticket\""),
        CODEX, "Policy.ticket");
    assertThat(prompt.stdout()).contains("Tickets live in JIRA project GATE.");
    // What the handler prints goes to stderr, never to the decision.
    HookRunner.Result end = HookRunner.run(launcher(), input("SessionEnd", ",\"reason\":\"exit\""), CLAUDE,
        "Policy.sessionEnd");
    assertThat(end.exitCode()).isEqualTo(0);
    assertThat(end.stdout()).isEmpty();
    assertThat(end.stderr()).contains("a handler printing to stdout: exit");
    HookRunner.Result after = HookRunner.run(launcher(), input("PostToolUse", ",\"tool_name\":\"Bash\","
        + "\"tool_input\":{\"command\":\"ls\"},\"tool_response\":\"x\",\"tool_use_id\":\"c\""), CODEX,
        "Policy.Audit.afterTool");
    assertThat(after.stdout()).contains("audited Bash");
    HookRunner.Result stop = HookRunner.run(launcher(), input("Stop", ",\"stop_hook_active\":false"), CLAUDE,
        "Stops.stop");
    assertThat(stop.stdout()).contains("Run the tests first.");
  }

  @Test
  void aHandlerThatPrintsADecisionAndOutlivesItsTimeoutDeniesTheCall() throws Exception {
    long start = System.nanoTime();
    HookRunner.Result result = HookRunner.run(launcher(), input("PreToolUse", ",\"tool_name\":\"slow\","
        + "\"tool_input\":{},\"tool_use_id\":\"c\""), CLAUDE, "Policy.slow");
    // timeoutSec 1 less the margin of half a second: the launcher decides well before the host gives up.
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000L);
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stdout()).isEmpty();
    // What the handler printed (an allow!) went to stderr; the host reads only the exit code and stderr's reason.
    assertThat(result.stderr()).startsWith("{\"hookSpecificOutput\":{\"permissionDecision\":\"allow\"}}\n"
        + "Hook Policy.slow of plugin gate-keeper did not decide in time, so the call is denied: handler Policy.slow"
        + " was still running 500 ms after the hook started (its timeout is 1 s)\n");
    assertThat(result.logLine()).contains("\"outcome\":\"timeout\"");
  }

  @Test
  void aHandlerThatThrowsFailsOpenOutsidePreToolUse() throws Exception {
    HookRunner.Result result = HookRunner.run(launcher(), input("PostToolUse", ",\"tool_name\":\"Bash\","
        + "\"tool_input\":{\"fail\":true},\"tool_response\":\"x\",\"tool_use_id\":\"c\""), CODEX,
        "Policy.Audit.afterTool");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr()).startsWith("Hook Policy.Audit.afterTool of plugin gate-keeper failed; the host goes"
        + " on without it: IOException: the audit log is full");
  }
}
