package dev.codexplugin.hooks;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.codexplugin.hooks.Inputs.CLAUDE_ENV;
import static dev.codexplugin.hooks.Inputs.CODEX_ENV;

import com.acme.policy.PolicyPluginHooks;
import dev.codexplugin.api.HookEvent;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/**
 * Both wire formats, event by event: the input each host sends, through the hand-written launcher (the form the
 * processor generates), to the exact stdout and exit code each host gets. Every Codex input fixture is checked
 * against Codex 0.169.0's input schema and every Codex answer against its output schema.
 */
class WireTest {
  private static final PolicyPluginHooks HOOKS = new PolicyPluginHooks();

  /** event, handler, Codex extra fields, Claude extra fields, Codex stdout, Claude stdout. */
  static Stream<Arguments> cases() {
    String bump = "\"tool_input\":{\"version\":\"1.4.2\",\"level\":\"%s\"}";
    return Stream.of(
        Arguments.of("deny (unconfirmed MAJOR)", HookEvent.PRE_TOOL_USE, "PolicyHandlers.checkBump",
            "\"tool_name\":\"mcp__release_tools__bump\"," + bump.formatted("MAJOR") + ",\"tool_use_id\":\"call_1\"",
            "\"tool_name\":\"mcp__plugin_release-tools_release-tools__bump\"," + bump.formatted("MAJOR")
                + ",\"tool_use_id\":\"toolu_1\",\"mcp_server\":{\"name\":\"plugin:release-tools:release-tools\","
                + "\"source\":\"plugin\"}",
            "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"deny\","
                + "\"permissionDecisionReason\":\"A MAJOR bump of 1.4.2 needs confirmed=true.\"}}",
            "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"deny\","
                + "\"permissionDecisionReason\":\"A MAJOR bump of 1.4.2 needs confirmed=true.\"}}"),
        Arguments.of("ask (MINOR): deny on Codex", HookEvent.PRE_TOOL_USE, "PolicyHandlers.checkBump",
            "\"tool_name\":\"mcp__release_tools__bump\"," + bump.formatted("MINOR") + ",\"tool_use_id\":\"call_1\"",
            "\"tool_name\":\"mcp__plugin_release-tools_release-tools__bump\"," + bump.formatted("MINOR")
                + ",\"tool_use_id\":\"toolu_1\"",
            "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"deny\","
                + "\"permissionDecisionReason\":\"Bump 1.4.2 to the next MINOR?\"}}",
            "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"ask\","
                + "\"permissionDecisionReason\":\"Bump 1.4.2 to the next MINOR?\"}}"),
        Arguments.of("allow (PATCH): nothing on Codex", HookEvent.PRE_TOOL_USE, "PolicyHandlers.checkBump",
            "\"tool_name\":\"mcp__release_tools__bump\"," + bump.formatted("PATCH") + ",\"tool_use_id\":\"call_1\"",
            "\"tool_name\":\"mcp__plugin_release-tools_release-tools__bump\"," + bump.formatted("PATCH")
                + ",\"tool_use_id\":\"toolu_1\"",
            "",
            "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"allow\","
                + "\"permissionDecisionReason\":\"a patch is always fine\"}}"),
        Arguments.of("proceed", HookEvent.PRE_TOOL_USE, "PolicyHandlers.proceed",
            "\"tool_name\":\"shell\",\"tool_input\":{\"command\":[\"ls\"]},\"tool_use_id\":\"call_2\"",
            "\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"ls\"},\"tool_use_id\":\"toolu_2\"",
            "", ""),
        Arguments.of("context", HookEvent.POST_TOOL_USE, "PolicyHandlers.afterTool",
            "\"tool_name\":\"mcp__release_tools__bump\",\"tool_input\":{\"version\":\"1.4.2\",\"level\":\"PATCH\"},"
                + "\"tool_response\":{\"content\":[{\"type\":\"text\",\"text\":\"1.4.3\"}],\"isError\":false},"
                + "\"tool_use_id\":\"call_3\"",
            "\"tool_name\":\"mcp__plugin_release-tools_release-tools__bump\",\"tool_input\":{\"version\":\"1.4.2\","
                + "\"level\":\"PATCH\"},\"tool_response\":\"1.4.3\",\"tool_use_id\":\"toolu_3\",\"duration_ms\":41",
            "{\"hookSpecificOutput\":{\"hookEventName\":\"PostToolUse\",\"additionalContext\":"
                + "\"The tool bump said: 1.4.3\"}}",
            "{\"hookSpecificOutput\":{\"hookEventName\":\"PostToolUse\",\"additionalContext\":"
                + "\"The tool bump said: 1.4.3\"}}"),
        Arguments.of("block", HookEvent.POST_TOOL_USE, "PolicyHandlers.afterTool",
            "\"tool_name\":\"shell\",\"tool_input\":{\"command\":[\"env\"]},\"tool_response\":{\"content\":"
                + "[{\"type\":\"text\",\"text\":\"a secret\"}]},\"tool_use_id\":\"call_4\"",
            "\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"env\"},\"tool_response\":\"a secret\","
                + "\"tool_use_id\":\"toolu_4\"",
            "{\"decision\":\"block\",\"reason\":\"the tool's output held a secret and was withheld\"}",
            "{\"decision\":\"block\",\"reason\":\"the tool's output held a secret and was withheld\"}"),
        Arguments.of("deny", HookEvent.PERMISSION_REQUEST, "PolicyHandlers.permission",
            "\"tool_name\":\"mcp__release_tools__bump\",\"tool_input\":{\"version\":\"1.4.2\"}",
            "\"tool_name\":\"mcp__plugin_release-tools_release-tools__bump\",\"tool_input\":{\"version\":\"1.4.2\"}",
            "{\"hookSpecificOutput\":{\"hookEventName\":\"PermissionRequest\",\"decision\":{\"behavior\":\"deny\","
                + "\"message\":\"bumps need the release manager\"}}}",
            "{\"hookSpecificOutput\":{\"hookEventName\":\"PermissionRequest\",\"decision\":{\"behavior\":\"deny\","
                + "\"message\":\"bumps need the release manager\"}}}"),
        Arguments.of("allow", HookEvent.PERMISSION_REQUEST, "PolicyHandlers.permission",
            "\"tool_name\":\"shell\",\"tool_input\":{\"command\":[\"ls\"]}",
            "\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"ls\"}",
            "{\"hookSpecificOutput\":{\"hookEventName\":\"PermissionRequest\",\"decision\":{\"behavior\":\"allow\"}}}",
            "{\"hookSpecificOutput\":{\"hookEventName\":\"PermissionRequest\",\"decision\":{\"behavior\":\"allow\"}}}"),
        Arguments.of("context", HookEvent.USER_PROMPT_SUBMIT, "PolicyHandlers.ticket",
            "\"prompt\":\"Bump 1.4.2\"", "\"prompt\":\"Bump 1.4.2\"",
            "{\"hookSpecificOutput\":{\"hookEventName\":\"UserPromptSubmit\",\"additionalContext\":"
                + "\"Ticket REL-42 is open for repo.\"}}",
            "{\"hookSpecificOutput\":{\"hookEventName\":\"UserPromptSubmit\",\"additionalContext\":"
                + "\"Ticket REL-42 is open for repo.\"}}"),
        Arguments.of("block", HookEvent.USER_PROMPT_SUBMIT, "PolicyHandlers.ticket",
            "\"prompt\":\"force-push main\"", "\"prompt\":\"force-push main\"",
            "{\"decision\":\"block\",\"reason\":\"force-pushing is not allowed here\"}",
            "{\"decision\":\"block\",\"reason\":\"force-pushing is not allowed here\"}"),
        Arguments.of("context", HookEvent.SESSION_START, "PolicyHandlers.sessionStart",
            "\"source\":\"startup\"", "\"source\":\"startup\"",
            "{\"hookSpecificOutput\":{\"hookEventName\":\"SessionStart\",\"additionalContext\":"
                + "\"Release freeze until Friday.\"}}",
            "{\"hookSpecificOutput\":{\"hookEventName\":\"SessionStart\",\"additionalContext\":"
                + "\"Release freeze until Friday.\"}}"),
        Arguments.of("proceed", HookEvent.SESSION_START, "PolicyHandlers.sessionStart",
            "\"source\":\"resume\"", "\"source\":\"resume\"", "", ""),
        Arguments.of("context", HookEvent.SUBAGENT_START, "PolicyHandlers.subagentStart",
            "\"agent_id\":\"a1\",\"agent_type\":\"reviewer\"", "\"agent_id\":\"a1\",\"agent_type\":\"reviewer\"",
            "{\"hookSpecificOutput\":{\"hookEventName\":\"SubagentStart\",\"additionalContext\":"
                + "\"You are agent reviewer.\"}}",
            "{\"hookSpecificOutput\":{\"hookEventName\":\"SubagentStart\",\"additionalContext\":"
                + "\"You are agent reviewer.\"}}"),
        Arguments.of("block", HookEvent.STOP, "PolicyHandlers.stop",
            "\"stop_hook_active\":false,\"last_assistant_message\":\"Done.\"",
            "\"stop_hook_active\":false,\"last_assistant_message\":\"Done.\",\"background_tasks\":[]",
            "{\"decision\":\"block\",\"reason\":\"Run the tests before you stop.\"}",
            "{\"decision\":\"block\",\"reason\":\"Run the tests before you stop.\"}"),
        Arguments.of("proceed once active", HookEvent.STOP, "PolicyHandlers.stop",
            "\"stop_hook_active\":true,\"last_assistant_message\":null",
            "\"stop_hook_active\":true,\"last_assistant_message\":\"Tests pass.\"", "", ""),
        Arguments.of("block", HookEvent.SUBAGENT_STOP, "PolicyHandlers.subagentStop",
            "\"agent_id\":\"a1\",\"agent_type\":\"reviewer\",\"agent_transcript_path\":null,"
                + "\"stop_hook_active\":false,\"last_assistant_message\":\"working\"",
            "\"agent_id\":\"a1\",\"agent_type\":\"reviewer\",\"stop_hook_active\":false,"
                + "\"last_assistant_message\":\"working\"",
            "{\"decision\":\"block\",\"reason\":\"Say done when you are done.\"}",
            "{\"decision\":\"block\",\"reason\":\"Say done when you are done.\"}"),
        Arguments.of("void", HookEvent.SESSION_END, "PolicyHandlers.sessionEnd",
            "\"reason\":\"other\"", "\"reason\":\"other\"", "", ""),
        Arguments.of("void", HookEvent.PRE_COMPACT, "PolicyHandlers.preCompact",
            "\"trigger\":\"auto\"", "\"trigger\":\"manual\"", "", ""));
  }

  @ParameterizedTest(name = "{1} {0}")
  @MethodSource("cases")
  void codex(String what, HookEvent event, String handler, String codexFields, String claudeFields,
      String codexStdout, String claudeStdout) {
    String input = Inputs.codex(event, codexFields);
    assertWithMessage("the fixture is what Codex 0.169.0 sends").that(CodexSchemas.problems(event, "input", input))
        .isEmpty();
    HookRunner.Result result = HookRunner.run(HOOKS, input, CODEX_ENV, handler);

    assertWithMessage(result.stderr()).that(result.exitCode()).isEqualTo(0);
    assertThat(result.stdout().strip()).isEqualTo(codexStdout);
    if (!codexStdout.isEmpty()) {
      assertWithMessage("Codex 0.169.0 accepts the answer").that(CodexSchemas.problems(event, "output",
          result.stdout())).isEmpty();
    }
    assertThat(result.logLine()).contains("\"host\":\"codex\"");
    assertThat(result.logLine()).contains("\"outcome\":\"ok\"");
  }

  @ParameterizedTest(name = "{1} {0}")
  @MethodSource("cases")
  void claude(String what, HookEvent event, String handler, String codexFields, String claudeFields,
      String codexStdout, String claudeStdout) {
    HookRunner.Result result = HookRunner.run(HOOKS, Inputs.claude(event, claudeFields), CLAUDE_ENV, handler);

    assertWithMessage(result.stderr()).that(result.exitCode()).isEqualTo(0);
    assertThat(result.stdout().strip()).isEqualTo(claudeStdout);
    assertThat(result.logLine()).contains("\"host\":\"claude\"");
  }

  @ParameterizedTest(name = "{1} {0}")
  @MethodSource("cases")
  void theHostArgumentWinsOverTheEnvironment(String what, HookEvent event, String handler, String codexFields,
      String claudeFields, String codexStdout, String claudeStdout) {
    HookRunner.Result asClaude = HookRunner.run(HOOKS, Inputs.claude(event, claudeFields), CODEX_ENV, handler,
        "claude");
    assertThat(asClaude.stdout().strip()).isEqualTo(claudeStdout);
    HookRunner.Result asCodex = HookRunner.run(HOOKS, Inputs.codex(event, codexFields), Map.of(), handler, "codex");
    assertThat(asCodex.stdout().strip()).isEqualTo(codexStdout);
  }
}
