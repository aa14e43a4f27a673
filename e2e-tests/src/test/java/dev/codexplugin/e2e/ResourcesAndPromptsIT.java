package dev.codexplugin.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexplugin.e2e.fixture.DocsServer;
import dev.codexplugin.e2e.session.ClaudeSession;
import dev.codexplugin.e2e.session.CodexSession;
import dev.codexplugin.e2e.session.HostRun;
import dev.codexplugin.e2e.session.ModelScript;
import dev.codexplugin.e2e.session.RecordedRequest;
import dev.codexplugin.e2e.session.ScriptedModelServer;
import dev.codexplugin.e2e.session.Sessions;
import dev.codexplugin.mcp.McpHttpServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the real hosts do with an MCP server's resources, resource templates and prompts (README "What Codex and
 * Claude Code do with resources and prompts"): a {@link DocsServer} (one tool, one resource, one template, one
 * prompt) served over Streamable HTTP and installed as a plugin, in real sessions whose model is the
 * {@link ScriptedModelServer}: which tools the model is offered, what it gets when it calls them, and whether a
 * prompt can be run as a slash command.
 */
class ResourcesAndPromptsIT {
  private static final String TOKEN_ENV = "DOCS_TOKEN";
  private static final String TOKEN = "docs-e2e-token-91c2";
  private static final String PLUGIN = "remote-docs";
  private static final String MARKETPLACE = "docs-tools";
  private static final String WORD_COUNT = "mcp__plugin_" + PLUGIN + "_" + DocsServer.NAME + "__word_count";
  private static DocsServer docs;
  private static McpHttpServer http;
  private static Path marketplace;

  @BeforeAll
  static void serve() throws Exception {
    docs = new DocsServer();
    http = McpHttpServer.start(docs, McpHttpServer.Options.loopback(0).withBearerToken(TOKEN));
    marketplace = HttpToolsFixture.marketplace(Path.of(System.getProperty("e2e.work"), "docs-tools"), MARKETPLACE,
        PLUGIN, DocsServer.NAME, http.uri(), TOKEN_ENV, "The team's release guide. Use when asked how to release.");
  }

  @AfterAll
  static void stop() {
    if (http != null) {
      http.close();
    }
  }

  @BeforeEach
  void forget() {
    docs.seen.clear();
  }

  @Test
  void codexOffersItsResourceToolsAndTheModelReadsTheResourceAndTheTemplates() throws Exception {
    Path dir = Sessions.workDir("codex-resources");
    ModelScript script = ModelScript.callTool("list_mcp_resources", "{}")
        .callTool("list_mcp_resource_templates", "{}")
        .callTool("read_mcp_resource", "{\"server\":\"" + DocsServer.NAME + "\",\"uri\":\"" + DocsServer.GUIDE_URI
            + "\"}")
        .callTool("read_mcp_resource", "{\"server\":\"" + DocsServer.NAME + "\",\"uri\":\"docs://pages/intro\"}")
        .thenReply("Tag from main, then bump the minor version.");
    try (ScriptedModelServer model = ScriptedModelServer.start(script, dir.resolve("model"))) {
      CodexSession codex = CodexSession.create(Path.of(System.getProperty("codex.bin")), dir, model)
          .env(TOKEN_ENV, TOKEN).install(marketplace, PLUGIN + "@" + MARKETPLACE);
      codex.exec("How do we release?").assertSuccess();
      model.requests().forEach(r -> System.out.println("model server received: " + r));
      assertThat(model.problems()).isEmpty();
      List<RecordedRequest> main = model.mainRequests();
      assertThat(main).hasSize(5);
      List<String> offered = main.get(0).offeredTools();
      System.out.println("Codex " + System.getProperty("codex.version") + " offered the model: " + offered);
      assertThat(offered).containsAtLeast("list_mcp_resources", "list_mcp_resource_templates", "read_mcp_resource",
          "mcp__library_docs__word_count");
      // no tool, and no text, for the prompt
      assertThat(offered.stream().filter(t -> t.contains(DocsServer.PROMPT)).toList()).isEmpty();
      assertThat(main.get(0).text()).doesNotContain(DocsServer.PROMPT);
      List<String> results = main.get(4).toolResults();
      results.forEach(r -> System.out.println("Codex tool result: " + r));
      assertThat(results.get(0)).contains(DocsServer.GUIDE_URI);
      assertThat(results.get(0)).contains("release-guide");
      assertThat(results.get(1)).contains(DocsServer.TEMPLATE);
      assertThat(results.get(2)).contains(DocsServer.GUIDE_TEXT);
      // a template is read through the same tool, with a URI the model fills in
      assertThat(results.get(3)).contains("Page intro of the release guide.");
      assertThat(docs.seen).containsExactly("read " + DocsServer.GUIDE_URI, "read docs://pages/intro").inOrder();
    }
  }

  @Test
  void codexDoesNotRunAnMcpPromptAsASlashCommand() throws Exception {
    Path dir = Sessions.workDir("codex-prompt");
    String typed = "/mcp__" + DocsServer.NAME + "__" + DocsServer.PROMPT + " 1.2.3";
    try (ScriptedModelServer model = ScriptedModelServer.start(ModelScript.reply("ok"), dir.resolve("model"))) {
      CodexSession codex = CodexSession.create(Path.of(System.getProperty("codex.bin")), dir, model)
          .env(TOKEN_ENV, TOKEN).install(marketplace, PLUGIN + "@" + MARKETPLACE);
      codex.exec(typed).assertSuccess();
      model.requests().forEach(r -> System.out.println("model server received: " + r));
      RecordedRequest first = model.mainRequests().get(0);
      // the text goes to the model as it was typed; the server is never asked for the prompt
      assertThat(first.text()).contains(typed);
      assertThat(first.text()).doesNotContain(DocsServer.PROMPT_TEXT);
      assertThat(docs.seen.stream().filter(s -> s.startsWith("prompt")).toList()).isEmpty();
    }
  }

  @Test
  void claudeOffersResourceToolsAndRunsThePromptAsASlashCommand() throws Exception {
    String server = "plugin:" + PLUGIN + ":" + DocsServer.NAME;
    Path dir = Sessions.workDir("claude-resources");
    ModelScript script = ModelScript.callTool("ListMcpResourcesTool", "{}")
        .callTool("ReadMcpResourceTool", "{\"server\":\"" + server + "\",\"uri\":\"" + DocsServer.GUIDE_URI + "\"}")
        .callTool("ReadMcpResourceTool", "{\"server\":\"" + server + "\",\"uri\":\"docs://pages/intro\"}")
        .callTool(WORD_COUNT, "{\"text\":\"tag then bump\"}")
        .thenReply("Tag from main, then bump the minor version.");
    String command;
    try (ScriptedModelServer model = ScriptedModelServer.start(script, dir.resolve("model"))) {
      ClaudeSession claude = ClaudeSession.create(Path.of(System.getProperty("claude.bin")), dir, model)
          .env(TOKEN_ENV, TOKEN).install(marketplace, PLUGIN + "@" + MARKETPLACE);
      HostRun run = claude.print("How do we release?", "--allowedTools", "ListMcpResourcesTool",
          "ReadMcpResourceTool", WORD_COUNT).assertSuccess();
      model.requests().forEach(r -> System.out.println("model server received: " + r));
      assertThat(model.problems()).isEmpty();
      JsonNode init = only(run, "system", "init");
      System.out.println("Claude Code " + System.getProperty("claude.version") + " init: mcp_servers="
          + init.path("mcp_servers") + " slash_commands=" + init.path("slash_commands"));
      assertThat(init.path("mcp_servers").toString()).contains("{\"name\":\"" + server + "\",\"status\":\"connected\"");
      List<String> commands = new ArrayList<>();
      init.path("slash_commands").forEach(c -> {
        if (c.asText().contains(DocsServer.PROMPT)) {
          commands.add(c.asText());
        }
      });
      assertWithMessage("slash commands of %s", init.path("slash_commands")).that(commands).hasSize(1);
      command = commands.get(0);
      List<RecordedRequest> main = model.mainRequests();
      assertThat(main).hasSize(5);
      List<String> offered = main.get(0).offeredTools();
      System.out.println("Claude Code " + System.getProperty("claude.version") + " offered the model: " + offered);
      assertThat(offered).containsAtLeast("ListMcpResourcesTool", "ReadMcpResourceTool", WORD_COUNT);
      assertThat(offered.stream().filter(t -> t.contains(DocsServer.PROMPT)).toList()).isEmpty();
      List<String> results = main.get(4).toolResults();
      results.forEach(r -> System.out.println("Claude tool result: " + r));
      // the tool itself, over HTTP with the Authorization header of the exported .mcp.json
      assertThat(results.get(3)).isEqualTo("3");
      // ListMcpResourcesTool lists resources only: Claude Code offers no tool that lists templates
      assertThat(results.get(0)).contains(DocsServer.GUIDE_URI);
      assertThat(results.get(0)).doesNotContain(DocsServer.TEMPLATE);
      assertThat(results.get(1)).contains(DocsServer.GUIDE_TEXT);
      assertThat(results.get(2)).contains("Page intro of the release guide.");
      assertThat(docs.seen).containsAtLeast("read " + DocsServer.GUIDE_URI, "read docs://pages/intro",
          "call word_count").inOrder();
    }

    docs.seen.clear();
    Path promptDir = Sessions.workDir("claude-prompt");
    try (ScriptedModelServer model = ScriptedModelServer.start(ModelScript.reply("ok"), promptDir.resolve("model"))) {
      ClaudeSession claude = ClaudeSession.create(Path.of(System.getProperty("claude.bin")), promptDir, model)
          .env(TOKEN_ENV, TOKEN).install(marketplace, PLUGIN + "@" + MARKETPLACE);
      claude.print("/" + command + " 1.2.3").assertSuccess();
      model.requests().forEach(r -> System.out.println("model server received: " + r));
      System.out.println("Claude Code ran /" + command + ": the server saw " + docs.seen);
      // Claude Code asked the server for the prompt (prompts/get) and sent its messages to the model
      assertThat(docs.seen).contains("prompt " + DocsServer.PROMPT + " {version=1.2.3}");
      assertThat(model.mainRequests().get(0).text()).contains(DocsServer.PROMPT_TEXT + "1.2.3.");
    }
  }

  private static JsonNode only(HostRun run, String type, String subtype) {
    List<JsonNode> matches = run.jsonLines().stream()
        .filter(e -> e.path("type").asText().equals(type) && e.path("subtype").asText().equals(subtype)).toList();
    assertWithMessage("%s/%s events of %s", type, subtype, run).that(matches).hasSize(1);
    return matches.get(0);
  }
}
