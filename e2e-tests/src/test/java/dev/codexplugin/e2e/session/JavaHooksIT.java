package dev.codexplugin.e2e.session;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The release-tools sample's Java hooks ({@code ReleasePolicy}, run by its launcher {@code ReleaseToolsHooks} as
 * the exported {@code hooks/hooks.json} says) in real sessions of both hosts, with the plugin installed from its
 * exported marketplace exactly as shipped. The model bumps 1.4.2 for a breaking change without the confirming
 * argument (the PreToolUse hook stops it: Claude Code's "ask", which Codex gets as a deny), then with it (the hook
 * allows it), and the UserPromptSubmit hook's context (the policy, and the version in the project's
 * {@code VERSION} file) reaches the model. Each test writes {@code transcript.md} into its work folder
 * ({@code target/e2e/sessions/<host>-java-hooks/}, {@code target/e2e-newest/...} for the newest hosts): the denied
 * and the allowed call as the model server received them and as the host printed them.
 */
class JavaHooksIT {
  private static final String PLUGIN = "release-tools@release-tools";
  private static final String PROMPT = "Bump 1.4.2 for a breaking change.";
  private static final String UNCONFIRMED = "{\"version\":\"1.4.2\",\"level\":\"MAJOR\"}";
  private static final String CONFIRMED = "{\"version\":\"1.4.2\",\"level\":\"MAJOR\",\"confirmMajor\":true}";
  static final String REASON = "Release policy: bumping 1.4.2 to 2.0.0 is a new MAJOR version and breaks every"
      + " user. Ask the user to confirm, then call bump again with confirmMajor=true.";

  private static String context(Path work) {
    return "Release policy (release-tools): a bump to a new MAJOR version needs the user's confirmation; pass"
        + " confirmMajor=true to bump only after the user said yes. The project in " + work
        + " is at version 1.4.2.";
  }

  @Test
  void codexRunsTheJavaHooksItTrustsDenyingTheUnconfirmedBumpAllowingTheConfirmedOne() throws Exception {
    String bump = "mcp__release_tools__bump";
    Path dir = Sessions.workDir("codex-java-hooks");
    ModelScript script = ModelScript.callTool(bump, UNCONFIRMED).callTool(bump, CONFIRMED)
        .thenReply("2.0.0, confirmed.");
    try (ScriptedModelServer model = ScriptedModelServer.start(script, dir.resolve("model"))) {
      CodexSession codex = CodexSession.create(Path.of(System.getProperty("codex.bin")), dir, model)
          .install(Sessions.exportedMarketplace("release-tools"), PLUGIN);
      Files.writeString(codex.work().resolve("VERSION"), "1.4.2\n", StandardCharsets.UTF_8);
      List<JsonNode> hooks = codex.trustPluginHooks(PLUGIN);
      hooks.forEach(h -> System.out.println("trusted hook: " + h));
      assertThat(hooks.stream().map(h -> h.path("eventName").asText()).sorted().toList())
          .containsExactly("preToolUse", "userPromptSubmit");
      HostRun run = codex.exec(PROMPT);
      new Transcript("Codex " + System.getProperty("codex.version") + ": JavaHooksIT, `codex exec`", codex.work())
          .line("Prompt: `" + PROMPT + "`. Tool call 1 (no `confirmMajor`): DENIED by the Java PreToolUse hook;"
              + " tool call 2 (`confirmMajor: true`): ALLOWED.")
          .model(model.mainRequests(), script.calls())
          .stdout("Codex's stdout (`--json`): the tool call items (the denied call has none)", run,
              e -> e.path("type").asText().startsWith("item.") && e.toString().contains("bump"))
          .stderr("Codex's stderr: the denial", run, l -> l.contains("PreToolUse"))
          .write(dir);
      run.assertSuccess();

      assertThat(model.problems()).isEmpty();
      model.requests().forEach(r -> System.out.println("model server received: " + r));
      List<RecordedRequest> main = model.mainRequests();
      assertThat(main).hasSize(3);
      // UserPromptSubmit: the Java hook's context is a developer message of the first request
      assertThat(developerTexts(main.get(0))).contains(context(codex.work()));
      // PreToolUse: the unconfirmed bump is denied with the reason (Codex appends ". Tool: <name>"), the confirmed
      // one runs
      List<String> results = main.get(2).toolResults();
      System.out.println("tool results the model received: " + results);
      assertThat(results).hasSize(2);
      assertThat(results.get(0)).isEqualTo("Tool call blocked by PreToolUse hook: " + REASON + ". Tool: " + bump);
      assertThat(results.get(1)).contains("2.0.0");

      List<JsonNode> calls = run.jsonLines().stream().filter(e -> e.path("type").asText().equals("item.completed"))
          .map(e -> e.path("item")).filter(i -> i.path("type").asText().equals("mcp_tool_call")).toList();
      assertWithMessage("the denied bump never reaches the MCP server").that(calls).hasSize(1);
      assertThat(calls.get(0).path("arguments").path("confirmMajor").asBoolean()).isTrue();
    }
  }

  @Test
  void claudeCodeAsksForTheUnconfirmedBumpAndTheJavaAllowLetsTheConfirmedOneRunWithoutPermission()
      throws Exception {
    String bump = "mcp__plugin_release-tools_release-tools__bump";
    Path dir = Sessions.workDir("claude-java-hooks");
    ModelScript script = ModelScript.callTool(bump, UNCONFIRMED).callTool(bump, CONFIRMED)
        .thenReply("2.0.0, confirmed.");
    try (ScriptedModelServer model = ScriptedModelServer.start(script, dir.resolve("model"))) {
      ClaudeSession claude = ClaudeSession.create(Path.of(System.getProperty("claude.bin")), dir, model)
          .install(Sessions.exportedMarketplace("release-tools"), PLUGIN);
      Files.writeString(claude.work().resolve("VERSION"), "1.4.2\n", StandardCharsets.UTF_8);
      // bump is NOT in --allowedTools: only the hook's allow lets the confirmed call run in print mode
      HostRun run = claude.print(PROMPT);
      new Transcript("Claude Code " + System.getProperty("claude.version") + ": JavaHooksIT, `claude -p`",
          claude.work())
          .line("Prompt: `" + PROMPT + "`. Tool call 1 (no `confirmMajor`): DENIED (the Java PreToolUse hook's"
              + " ask, refused in print mode); tool call 2 (`confirmMajor: true`): ALLOWED by the hook.")
          .model(model.mainRequests(), script.calls())
          .stdout("Claude Code's stdout (`stream-json`): the tool calls, the denial, the tool results, the result", run,
              e -> e.path("type").asText().equals("assistant") && e.toString().contains("tool_use")
                  || e.path("subtype").asText().equals("permission_denied")
                  || e.path("type").asText().equals("user") && e.toString().contains("tool_result")
                  || e.path("type").asText().equals("result"))
          .write(dir);
      run.assertSuccess();

      assertThat(model.problems()).isEmpty();
      model.requests().forEach(r -> System.out.println("model server received: " + r));
      List<RecordedRequest> main = model.mainRequests();
      assertThat(main).hasSize(3);
      assertThat(main.get(0).text()).contains("UserPromptSubmit hook additional context: " + context(claude.work()));
      List<String> results = main.get(2).toolResults();
      System.out.println("tool results the model received: " + results);
      assertThat(results).hasSize(2);
      // ask, in print mode where nobody can answer: refused, and the model gets the reason as it is
      assertThat(results.get(0)).isEqualTo(REASON);
      assertThat(results.get(1)).isEqualTo("2.0.0");

      JsonNode result = run.jsonLines().stream().filter(m -> m.path("type").asText().equals("result")).findFirst()
          .orElseThrow(() -> new AssertionError("no result line in\n" + run));
      assertThat(result.path("result").asText()).isEqualTo("2.0.0, confirmed.");
      List<String> denied = new ArrayList<>();
      result.path("permission_denials").forEach(d -> denied.add(d.path("tool_name").asText()
          + " " + d.path("tool_input")));
      assertWithMessage("only the unconfirmed bump is denied").that(denied).hasSize(1);
      assertThat(denied.get(0)).doesNotContain("confirmMajor");
    }
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
}
