package dev.codexplugin.e2e.session;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.codexplugin.e2e.session.CodexSessionIT.COMPARED;
import static dev.codexplugin.e2e.session.CodexSessionIT.CONTEXT;
import static dev.codexplugin.e2e.session.CodexSessionIT.DENIAL;
import static dev.codexplugin.e2e.session.CodexSessionIT.hookInputs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real {@code claude -p} sessions with the release-tools sample installed from its exported marketplace, against
 * the {@link ScriptedModelServer}: the plugin's skill reaches the model, a Java MCP tool runs (with permission)
 * and its answer comes back into the conversation, and the plugin's shell hooks, which Claude Code runs as soon as
 * the plugin is installed, deny one call, allow another and add context.
 */
class ClaudeSessionIT {
  private static final String PLUGIN = "release-tools@release-tools";
  private static final String COMPARE = "mcp__plugin_release-tools_release-tools__compare";
  private static final String BUMP = "mcp__plugin_release-tools_release-tools__bump";
  private static final String PROMPT = "Which is newer, 1.4.0 or 1.10.0? Then bump 1.4.2 for a breaking change.";

  private static Path claude() {
    return Path.of(System.getProperty("claude.bin"));
  }

  @Test
  void theSkillReachesTheModelAndAJavaToolAnswersIntoTheConversation() throws Exception {
    Path dir = Sessions.workDir("claude-tool");
    ModelScript script = ModelScript.callTool(COMPARE, "{\"a\":\"1.4.0\",\"b\":\"1.10.0\"}")
        .thenReply("1.10.0 is the newer version.");
    try (ScriptedModelServer model = ScriptedModelServer.start(script, dir.resolve("model"))) {
      ClaudeSession claude = ClaudeSession.create(claude(), dir, model)
          .install(Sessions.exportedMarketplace("release-tools"), PLUGIN);
      HostRun run = claude.print(PROMPT, "--allowedTools", COMPARE).assertSuccess();

      assertThat(model.problems()).isEmpty();
      model.requests().forEach(r -> System.out.println("model server received: " + r));
      List<RecordedRequest> main = model.mainRequests();
      assertThat(main).hasSize(2);
      RecordedRequest first = main.get(0);
      assertThat(first.text()).contains("- release-tools:release-checklist: Decide the next version of a release");
      assertThat(first.text()).contains(PROMPT);
      assertThat(first.offeredTools()).containsAtLeast(COMPARE, BUMP, "Skill");
      assertThat(main.get(1).toolResults()).containsExactly(COMPARED);

      JsonNode init = only(run, "system", "init");
      assertThat(init.path("skills").toString()).contains("release-tools:release-checklist");
      assertThat(init.path("mcp_servers").toString())
          .contains("{\"name\":\"plugin:release-tools:release-tools\",\"status\":\"connected\"");
      JsonNode result = only(run, "result", "success");
      assertThat(result.path("result").asText()).isEqualTo("1.10.0 is the newer version.");
      assertThat(result.path("permission_denials").size()).isEqualTo(0);
    }
  }

  @Test
  void aToolCallWithoutPermissionIsRefusedInPrintMode() throws Exception {
    Path dir = Sessions.workDir("claude-no-permission");
    ModelScript script = ModelScript.callTool(COMPARE, "{\"a\":\"1.4.0\",\"b\":\"1.10.0\"}").thenReply("refused");
    try (ScriptedModelServer model = ScriptedModelServer.start(script, dir.resolve("model"))) {
      ClaudeSession claude = ClaudeSession.create(claude(), dir, model)
          .install(Sessions.exportedMarketplace("release-tools"), PLUGIN);
      HostRun run = claude.print(PROMPT).assertSuccess();

      assertThat(model.problems()).isEmpty();
      assertThat(model.mainRequests().get(1).toolResults()).containsExactly("Claude requested permissions to use "
          + COMPARE + ", but you haven't granted it yet.");
      assertThat(only(run, "result", "success").path("permission_denials").toString()).contains(COMPARE);
    }
  }

  @Test
  void pluginHooksDenyABumpAllowACompareAndAddTheTicketsContext() throws Exception {
    Path dir = Sessions.workDir("claude-hooks");
    Path hookLog = dir.resolve("hook-inputs");
    Path marketplace = Sessions.withHooks(Sessions.exportedMarketplace("release-tools"), "release-tools",
        "hooks", dir.resolve("marketplace"));
    ModelScript script = ModelScript.callTool(COMPARE, "{\"a\":\"1.4.0\",\"b\":\"1.10.0\"}")
        .callTool(BUMP, "{\"version\":\"1.4.2\",\"level\":\"MAJOR\"}")
        .thenReply("1.10.0 is newer; the bump needs the release manager.");
    try (ScriptedModelServer model = ScriptedModelServer.start(script, dir.resolve("model"))) {
      ClaudeSession claude = ClaudeSession.create(claude(), dir, model).env("SESSION_HOOK_LOG", hookLog.toString())
          .install(marketplace, PLUGIN);
      // both tools are allowed: the denial comes from the hook alone
      HostRun run = claude.print(PROMPT, "--allowedTools", COMPARE + "," + BUMP).assertSuccess();

      assertThat(model.problems()).isEmpty();
      model.requests().forEach(r -> System.out.println("model server received: " + r));
      List<RecordedRequest> main = model.mainRequests();
      assertThat(main).hasSize(3);
      assertThat(main.get(0).text()).contains("UserPromptSubmit hook additional context: " + CONTEXT);
      List<String> results = main.get(2).toolResults();
      assertThat(results).hasSize(2);
      assertThat(results.get(0)).isEqualTo(COMPARED);
      assertThat(results.get(1)).isEqualTo("PreToolUse:" + BUMP + " hook error: " + DENIAL);

      JsonNode result = only(run, "result", "success");
      assertThat(result.path("result").asText()).isEqualTo("1.10.0 is newer; the bump needs the release manager.");
      assertWithMessage("the denied call is reported").that(result.path("permission_denials").toString())
          .contains("\"tool_name\":\"" + BUMP + "\"");

      List<JsonNode> pre = hookInputs(hookLog, "PreToolUse");
      assertThat(pre.stream().map(i -> i.path("tool_name").asText()).toList()).containsExactly(COMPARE, BUMP)
          .inOrder();
      assertThat(pre.get(1).path("tool_input").path("level").asText()).isEqualTo("MAJOR");
      assertThat(pre.get(1).path("cwd").asText()).isEqualTo(claude.work().toString());
      assertThat(hookInputs(hookLog, "UserPromptSubmit").get(0).path("prompt").asText()).isEqualTo(PROMPT);
      assertWithMessage("a matcher that names no called tool").that(hookInputs(hookLog, "Unmatched")).isEmpty();
    }
  }

  /** The one stream-json message with {@code type} and {@code subtype}. */
  private static JsonNode only(HostRun run, String type, String subtype) {
    List<JsonNode> found = run.jsonLines().stream().filter(m -> m.path("type").asText().equals(type)
        && m.path("subtype").asText().equals(subtype)).toList();
    assertWithMessage("%s/%s messages of %s", type, subtype, run).that(found).hasSize(1);
    return found.get(0);
  }
}
