package dev.codexplugin.e2e.session;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Real {@code codex exec} sessions with the release-tools sample installed from its exported marketplace, against
 * the {@link ScriptedModelServer}: the plugin's skill reaches the model, a Java MCP tool runs and its answer comes
 * back into the conversation, and the plugin's shell hooks deny one call, allow another and add context, once
 * the user has trusted them.
 */
class CodexSessionIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PLUGIN = "release-tools@release-tools";
  private static final String COMPARE = "mcp__release_tools__compare";
  private static final String BUMP = "mcp__release_tools__bump";
  private static final String PROMPT = "Which is newer, 1.4.0 or 1.10.0? Then bump 1.4.2 for a breaking change.";
  static final String DENIAL = "Release policy: a version bump needs the release manager (ticket REL-42).";
  static final String CONTEXT = "Ticket REL-42: the 1.4 line is in release; never bump MAJOR without the release"
      + " manager.";
  static final String COMPARED = "{\"order\":-1,\"newer\":\"1.10.0\",\"equal\":false}";

  private static Path codex() {
    return Path.of(System.getProperty("codex.bin"));
  }

  @Test
  void theSkillReachesTheModelAndAJavaToolAnswersIntoTheConversation() throws Exception {
    Path dir = Sessions.workDir("codex-tool");
    ModelScript script = ModelScript.callTool(COMPARE, "{\"a\":\"1.4.0\",\"b\":\"1.10.0\"}")
        .thenReply("1.10.0 is the newer version.");
    try (ScriptedModelServer model = ScriptedModelServer.start(script, dir.resolve("model"))) {
      CodexSession codex = CodexSession.create(codex(), dir, model)
          .install(Sessions.exportedMarketplace("release-tools"), PLUGIN);
      HostRun run = codex.exec(PROMPT).assertSuccess();

      assertThat(model.problems()).isEmpty();
      List<RecordedRequest> main = model.mainRequests();
      model.requests().forEach(r -> System.out.println("model server received: " + r));
      assertThat(main).hasSize(2);
      RecordedRequest first = main.get(0);
      assertThat(first.text()).contains("- release-tools:release-checklist: Decide the next version of a release");
      assertThat(first.text()).contains(PROMPT);
      assertThat(first.offeredTools()).containsAtLeast(COMPARE, BUMP, "mcp__release_tools__satisfies");
      assertThat(first.toolResults()).isEmpty();
      RecordedRequest second = main.get(1);
      assertThat(second.toolResults()).hasSize(1);
      assertThat(second.toolResults().get(0)).contains(COMPARED);

      JsonNode call = onlyItem(run, "mcp_tool_call");
      assertThat(call.path("server").asText()).isEqualTo("release-tools");
      assertThat(call.path("tool").asText()).isEqualTo("compare");
      assertThat(call.path("status").asText()).isEqualTo("completed");
      assertThat(call.path("result").path("structured_content").toString()).isEqualTo(COMPARED);
      assertThat(onlyItem(run, "agent_message").path("text").asText()).isEqualTo("1.10.0 is the newer version.");
      assertThat(types(run)).contains("turn.completed");
    }
  }

  @Test
  void trustedPluginHooksDenyABumpAllowACompareAndAddTheTicketsContext() throws Exception {
    Path dir = Sessions.workDir("codex-hooks");
    Path hookLog = dir.resolve("hook-inputs");
    Path marketplace = Sessions.withHooks(Sessions.exportedMarketplace("release-tools"), "release-tools",
        "hooks", dir.resolve("marketplace"));
    ModelScript script = ModelScript.callTool(COMPARE, "{\"a\":\"1.4.0\",\"b\":\"1.10.0\"}")
        .callTool(BUMP, "{\"version\":\"1.4.2\",\"level\":\"MAJOR\"}")
        .thenReply("1.10.0 is newer; the bump needs the release manager.");
    try (ScriptedModelServer model = ScriptedModelServer.start(script, dir.resolve("model"))) {
      CodexSession codex = CodexSession.create(codex(), dir, model).env("SESSION_HOOK_LOG", hookLog.toString())
          .install(marketplace, PLUGIN);
      List<JsonNode> listed = codex.hooks();
      assertThat(trustStatuses(listed)).containsExactly("untrusted");
      assertThat(events(listed)).containsExactly("preToolUse", "userPromptSubmit");
      codex.trustPluginHooks(PLUGIN);
      assertThat(trustStatuses(codex.hooks())).containsExactly("trusted");

      HostRun run = codex.exec(PROMPT).assertSuccess();

      assertThat(model.problems()).isEmpty();
      model.requests().forEach(r -> System.out.println("model server received: " + r));
      List<RecordedRequest> main = model.mainRequests();
      assertThat(main).hasSize(3);
      // UserPromptSubmit: the context is a developer message of the first request
      assertThat(developerTexts(main.get(0))).contains(CONTEXT);
      // PreToolUse: compare allowed (no output), bump denied; the reason is the bump's tool result
      List<String> results = main.get(2).toolResults();
      assertThat(results).hasSize(2);
      assertThat(results.get(0)).contains(COMPARED);
      // Codex appends ". Tool: <name>" to the reason as it is, after its own final period
      assertThat(results.get(1)).isEqualTo("Tool call blocked by PreToolUse hook: " + DENIAL + ". Tool: " + BUMP);

      List<JsonNode> calls = items(run, "mcp_tool_call");
      assertWithMessage("the denied bump never reaches the MCP server").that(calls).hasSize(1);
      assertThat(calls.get(0).path("tool").asText()).isEqualTo("compare");

      List<JsonNode> pre = hookInputs(hookLog, "PreToolUse");
      assertThat(pre.stream().map(i -> i.path("tool_name").asText()).toList()).containsExactly(COMPARE, BUMP)
          .inOrder();
      assertThat(pre.get(1).path("tool_input").path("level").asText()).isEqualTo("MAJOR");
      assertThat(pre.get(1).path("hook_event_name").asText()).isEqualTo("PreToolUse");
      assertThat(pre.get(1).path("cwd").asText()).isEqualTo(codex.work().toString());
      assertThat(hookInputs(hookLog, "UserPromptSubmit").get(0).path("prompt").asText()).isEqualTo(PROMPT);
      assertWithMessage("a matcher that names no called tool").that(hookInputs(hookLog, "Unmatched")).isEmpty();
    }
  }

  @Test
  void untrustedPluginHooksDoNotRun() throws Exception {
    Path dir = Sessions.workDir("codex-untrusted-hooks");
    Path hookLog = dir.resolve("hook-inputs");
    Path marketplace = Sessions.withHooks(Sessions.exportedMarketplace("release-tools"), "release-tools",
        "hooks", dir.resolve("marketplace"));
    ModelScript script = ModelScript.callTool(BUMP, "{\"version\":\"1.4.2\",\"level\":\"MAJOR\"}")
        .thenReply("2.0.0");
    try (ScriptedModelServer model = ScriptedModelServer.start(script, dir.resolve("model"))) {
      CodexSession codex = CodexSession.create(codex(), dir, model).env("SESSION_HOOK_LOG", hookLog.toString())
          .install(marketplace, PLUGIN);
      HostRun run = codex.exec("Bump 1.4.2 for a breaking change.").assertSuccess();

      assertThat(model.problems()).isEmpty();
      List<RecordedRequest> main = model.mainRequests();
      assertThat(main).hasSize(2);
      assertThat(main.get(1).toolResults().get(0)).contains("2.0.0");
      assertThat(main.get(0).text()).doesNotContain(CONTEXT);
      assertThat(items(run, "mcp_tool_call")).hasSize(1);
      assertThat(Files.exists(hookLog)).isFalse();
    }
  }

  private static List<String> trustStatuses(List<JsonNode> hooks) {
    return hooks.stream().map(h -> h.path("trustStatus").asText()).distinct().toList();
  }

  private static List<String> events(List<JsonNode> hooks) {
    return hooks.stream().map(h -> h.path("eventName").asText()).distinct().sorted().toList();
  }

  /** The texts of the developer messages of a Responses API request. */
  private static List<String> developerTexts(RecordedRequest request) {
    List<String> texts = new ArrayList<>();
    for (JsonNode item : request.body().path("input")) {
      if (item.path("role").asText().equals("developer")) {
        item.path("content").forEach(c -> texts.add(c.path("text").asText()));
      }
    }
    return texts;
  }

  private static List<String> types(HostRun run) {
    return run.jsonLines().stream().map(e -> e.path("type").asText()).toList();
  }

  /** The completed items of {@code codex exec --json} of one type. */
  private static List<JsonNode> items(HostRun run, String type) {
    return run.jsonLines().stream().filter(e -> e.path("type").asText().equals("item.completed"))
        .map(e -> e.path("item")).filter(i -> i.path("type").asText().equals(type)).toList();
  }

  private static JsonNode onlyItem(HostRun run, String type) {
    List<JsonNode> items = items(run, type);
    assertWithMessage("%s items of %s", type, run).that(items).hasSize(1);
    return items.get(0);
  }

  /** What the hook script received on stdin for {@code event}, in the order the runs started. */
  static List<JsonNode> hookInputs(Path log, String event) throws IOException {
    if (!Files.isDirectory(log)) {
      return List.of();
    }
    List<JsonNode> inputs = new ArrayList<>();
    try (Stream<Path> files = Files.list(log)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith(event + "-")).sorted().toList()) {
        inputs.add(JSON.readTree(file.toFile()));
      }
    }
    return inputs;
  }
}
