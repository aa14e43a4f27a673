package dev.codexplugin.e2e.session;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How each host treats each answer of a PreToolUse hook, in real sessions: which answers block the call and which
 * let it run. A Java hook's fail-safe rests on these facts (docs/research/hooks.md §5): Codex blocks only on a
 * well-formed deny or on exit 2 with a reason on stderr and lets the call run on every other failure, so a new
 * host version that changes any row fails here first.
 */
class HookOutcomesIT {
  private static final String PLUGIN = "release-tools@release-tools";
  private static final String REASON = "Outcome hook: the bump is refused.";
  private static final String ARGUMENTS = "{\"version\":\"1.4.2\",\"level\":\"MAJOR\"}";
  private static final String BUMPED = "2.0.0";

  @ParameterizedTest(name = "Codex, {0}: {1}")
  @CsvSource({
      "deny-json,             blocked",
      "exit2-stderr,          blocked",
      "exit2-silent,          runs",
      "exit1,                 runs",
      "invalid-json,          runs",
      "ask-json,              runs",
      "deny-json-extra-field, runs",
      "timeout,               runs"})
  void codex(String mode, String outcome) throws Exception {
    String bump = "mcp__release_tools__bump";
    Path dir = Sessions.workDir("codex-outcome-" + mode);
    try (ScriptedModelServer model = ScriptedModelServer.start(
        ModelScript.callTool(bump, ARGUMENTS).thenReply("done"), dir.resolve("model"))) {
      CodexSession codex = CodexSession.create(Path.of(System.getProperty("codex.bin")), dir, model)
          .env("SESSION_HOOK_MODE", mode)
          .install(outcomeMarketplace(dir), PLUGIN);
      assertThat(codex.trustPluginHooks(PLUGIN)).hasSize(1);
      HostRun run = codex.exec("Bump 1.4.2 for a breaking change.").assertSuccess();

      assertThat(model.problems()).isEmpty();
      String result = toolResult(model);
      long calls = run.jsonLines().stream().filter(e -> e.path("type").asText().equals("item.completed")
          && e.path("item").path("type").asText().equals("mcp_tool_call")).count();
      if (outcome.equals("blocked")) {
        assertThat(result).isEqualTo("Tool call blocked by PreToolUse hook: " + REASON + ". Tool: " + bump);
        assertWithMessage("MCP tool calls").that(calls).isEqualTo(0);
      } else {
        assertThat(result).contains(BUMPED);
        assertWithMessage("MCP tool calls").that(calls).isEqualTo(1);
      }
    }
  }

  @ParameterizedTest(name = "Claude Code, {0}: {1}")
  @CsvSource({
      "deny-json,             blocked, PreToolUse:%s hook error: " + REASON,
      "exit2-stderr,          blocked, " + REASON,
      "exit2-silent,          blocked, No stderr output",
      "exit1,                 runs,    ''",
      "invalid-json,          runs,    ''",
      "ask-json,              blocked, " + REASON,
      "deny-json-extra-field, blocked, PreToolUse:%s hook error: " + REASON,
      "timeout,               runs,    ''"})
  void claude(String mode, String outcome, String message) throws Exception {
    String bump = "mcp__plugin_release-tools_release-tools__bump";
    Path dir = Sessions.workDir("claude-outcome-" + mode);
    try (ScriptedModelServer model = ScriptedModelServer.start(
        ModelScript.callTool(bump, ARGUMENTS).thenReply("done"), dir.resolve("model"))) {
      ClaudeSession claude = ClaudeSession.create(Path.of(System.getProperty("claude.bin")), dir, model)
          .env("SESSION_HOOK_MODE", mode)
          .install(outcomeMarketplace(dir), PLUGIN);
      // the tool is allowed: whatever blocks it is the hook
      HostRun run = claude.print("Bump 1.4.2 for a breaking change.", "--allowedTools", bump).assertSuccess();

      assertThat(model.problems()).isEmpty();
      String result = toolResult(model);
      JsonNode denials = run.jsonLines().stream().filter(m -> m.path("type").asText().equals("result")).findFirst()
          .orElseThrow(() -> new AssertionError("no result line in\n" + run)).path("permission_denials");
      if (outcome.equals("blocked")) {
        assertThat(result).contains(message.formatted(bump));
        assertThat(result).doesNotContain(BUMPED);
        assertThat(denials.toString()).contains(bump);
      } else {
        assertThat(result).isEqualTo(BUMPED);
        assertThat(denials.size()).isEqualTo(0);
      }
    }
  }

  private static Path outcomeMarketplace(Path dir) throws Exception {
    return Sessions.withHooks(Sessions.exportedMarketplace("release-tools"), "release-tools", "outcome-hooks",
        dir.resolve("marketplace"));
  }

  /** The one tool result of the last main request: what the model saw of the bump. */
  private static String toolResult(ScriptedModelServer model) {
    List<RecordedRequest> main = model.mainRequests();
    assertThat(main).hasSize(2);
    assertThat(main.get(1).toolResults()).hasSize(1);
    return main.get(1).toolResults().get(0);
  }
}
