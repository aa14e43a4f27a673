package dev.codexplugin.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexplugin.e2e.session.ClaudeSession;
import dev.codexplugin.e2e.session.CodexSession;
import dev.codexplugin.e2e.session.HostRun;
import dev.codexplugin.e2e.session.ModelScript;
import dev.codexplugin.e2e.session.RecordedRequest;
import dev.codexplugin.e2e.session.ScriptedModelServer;
import dev.codexplugin.e2e.session.Sessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release-tools sample's generated server run once over Streamable HTTP, as a team runs it on its own
 * infrastructure ({@code McpHttpServer}'s documented {@code main}, the bearer token from an environment variable),
 * under real clients: the official MCP TypeScript SDK's {@code StreamableHTTPClientTransport}, and the real Codex
 * CLI with a plugin whose {@code .mcp.json} names the server by {@code url} and {@code bearer_token_env_var}, and
 * the real Claude Code with the same plugin exported for it ({@code "type": "http"}, an {@code Authorization}
 * header from the variable).
 */
class McpHttpIT {
  private static final String TOKEN_ENV = "RELEASE_TOOLS_TOKEN";
  private static final String TOKEN = "e2e-secret-token-7f3a";
  private static final String PLUGIN = "remote-release-tools";
  private static final String SERVER = "release-tools";
  private static final String MARKETPLACE = "remote-tools";
  private static Path plugin;
  private static JsonNode toolsFile;
  private static HttpToolsFixture.ServerProcess server;
  private static Path marketplace;

  @BeforeAll
  static void serveOverHttp() throws Exception {
    plugin = Sessions.exportedMarketplace("release-tools").resolve("plugins/release-tools");
    toolsFile = CodexCli.JSON.readTree(plugin.resolve("mcp-tools.json").toFile());
    server = HttpToolsFixture.serve(plugin, toolsFile.path("main").asText(), TOKEN_ENV, TOKEN);
    assertThat(server.stderr().toString()).contains("(bearer token required)");
    marketplace = HttpToolsFixture.marketplace(Path.of(System.getProperty("e2e.work"), "http-tools"), MARKETPLACE,
        PLUGIN, SERVER, server.url(), TOKEN_ENV,
        "Semantic-version tools served over HTTP. Use when asked which version is newer.");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theOfficialTypeScriptClientDrivesTheServerOverStreamableHttp() throws Exception {
    Path hosts = Path.of(System.getProperty("hosts.dir"));
    Path script = hosts.resolve("mcp-http-client.mjs");
    Files.copy(Path.of(System.getProperty("node.http.client")), script, StandardCopyOption.REPLACE_EXISTING);
    ProcessBuilder builder = new ProcessBuilder("node", script.toString(), server.url().toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("MCP_TOKEN", TOKEN);
    Process node = builder.start();
    node.getOutputStream().close();
    byte[] out = node.getInputStream().readAllBytes();
    assertThat(node.waitFor(5, TimeUnit.MINUTES)).isTrue();
    JsonNode report = CodexCli.JSON.readTree(out);
    com.fasterxml.jackson.databind.node.ObjectNode shown = report.deepCopy();
    shown.remove("tools");
    System.out.println("TypeScript HTTP client report (without tools): " + shown.toPrettyString());
    assertWithMessage("fatal: %s", report.path("fatal")).that(report.has("fatal")).isFalse();

    assertThat(report.path("serverVersion").path("name").asText()).isEqualTo(SERVER);
    assertThat(report.path("sessionId").asText()).isNotEmpty();
    // tools/list over HTTP returns exactly the schemas the processor computed at compile time
    assertThat(byName(report.path("tools"))).isEqualTo(byName(toolsFile.path("tools")));
    JsonNode success = report.path("success");
    assertThat(success.path("thrown").asBoolean()).isFalse();
    assertThat(success.path("result").path("structuredContent").toString())
        .isEqualTo("{\"order\":1,\"newer\":\"1.10.0\",\"equal\":false}");
    JsonNode invalid = report.path("invalid");
    assertThat(invalid.path("result").path("isError").asBoolean()).isTrue();
    assertThat(invalid.path("result").path("content").get(0).path("text").asText()).contains("/level");
    assertThat(report.path("sequential").path("failures").asInt()).isEqualTo(0);

    // a wrong token: 401 before anything is read or run
    JsonNode wrongConnect = report.path("wrongTokenConnect");
    assertThat(wrongConnect.path("thrown").asBoolean()).isTrue();
    assertThat(wrongConnect.path("code").asInt()).isEqualTo(401);
    assertThat(wrongConnect.path("message").asText()).contains("Unauthorized");
    assertThat(report.path("wrongTokenCall").path("status").asInt()).isEqualTo(401);
    assertThat(report.path("wrongTokenCall").path("body").asText()).doesNotContain("\"result\"");
    assertThat(report.path("noTokenCall").path("status").asInt()).isEqualTo(401);
    // ... and no tool ran for them: the server's tool-call log (one stderr line a call) has the client's 201 bump
    // calls (1 invalid, 200 sequential), not the 2 refused ones
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (bumpCalls() < 201 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    Thread.sleep(500);
    assertThat(bumpCalls()).isEqualTo(201);
    // DNS rebinding: a foreign Origin is refused even with the right token; a loopback origin is not
    assertThat(report.path("foreignOrigin").path("status").asInt()).isEqualTo(403);
    assertThat(report.path("foreignOrigin").path("body").asText()).doesNotContain("\"result\"");
    assertThat(report.path("loopbackOrigin").path("status").asInt()).isEqualTo(200);
  }

  @Test
  void codexConnectsToTheHttpServerNamedByUrlAndBearerTokenEnvVar() throws Exception {
    // the Codex plugin names the server as @McpServer(url, bearerTokenEnvVar) writes it
    JsonNode manifest = CodexCli.JSON.readTree(marketplace.resolve("plugins/" + PLUGIN + "/.codex-plugin/plugin.json")
        .toFile());
    JsonNode declared = manifest.path("mcpServers").isObject() ? manifest.path("mcpServers").path(SERVER)
        : CodexCli.JSON.readTree(marketplace.resolve("plugins/" + PLUGIN + "/.mcp.json").toFile())
            .path("mcpServers").path(SERVER);
    System.out.println("Codex plugin's server entry: " + declared);

    CodexCli codex = CodexCli.fromBuild("http-tools");
    assertThat(codex.run("plugin", "marketplace", "add", marketplace.toString(), "--json").exitCode()).isEqualTo(0);
    assertThat(codex.run("plugin", "add", PLUGIN + "@" + MARKETPLACE, "--json").exitCode()).isEqualTo(0);
    JsonNode listed = InstallChecks.only(codex.run("mcp", "list", "--json").json(), "name", SERVER);
    System.out.println("codex mcp list --json: " + listed);
    assertThat(listed.path("transport").path("url").asText()).isEqualTo(server.url().toString());
    assertThat(listed.path("transport").path("bearer_token_env_var").asText()).isEqualTo(TOKEN_ENV);

    List<String> expected = new ArrayList<>();
    toolsFile.path("tools").forEach(t -> expected.add(t.path("name").asText()));
    try (AppServerClient appServer = AppServerClient.start(Path.of(System.getProperty("codex.bin")), codex.home(),
        Map.of(TOKEN_ENV, TOKEN))) {
      JsonNode status = appServer.request("mcpServerStatus/list", CodexCli.JSON.createObjectNode(),
          Duration.ofMinutes(3));
      JsonNode seen = InstallChecks.only(status.path("data"), "name", SERVER);
      System.out.println("mcpServerStatus/list over HTTP: " + abbreviate(seen.toString()));
      assertWithMessage("app-server stderr:\n%s", appServer.stderr()).that(seen.path("toolsError").isNull()).isTrue();
      assertThat(seen.path("pluginId").asText()).isEqualTo(PLUGIN + "@" + MARKETPLACE);
      assertThat(seen.path("serverInfo").path("name").asText()).isEqualTo(SERVER);
      List<String> names = new ArrayList<>();
      seen.path("tools").fieldNames().forEachRemaining(names::add);
      assertThat(names).containsExactlyElementsIn(expected);
      for (JsonNode tool : toolsFile.path("tools")) {
        assertThat(seen.path("tools").path(tool.path("name").asText()).path("inputSchema"))
            .isEqualTo(tool.path("inputSchema"));
      }
    }
    // without the variable Codex cannot authenticate: the server answers 401 and no tools are listed
    try (AppServerClient appServer = AppServerClient.start(Path.of(System.getProperty("codex.bin")), codex.home(),
        Map.of(TOKEN_ENV, "not-the-token"))) {
      JsonNode status = appServer.request("mcpServerStatus/list", CodexCli.JSON.createObjectNode(),
          Duration.ofMinutes(3));
      JsonNode seen = InstallChecks.only(status.path("data"), "name", SERVER);
      System.out.println("mcpServerStatus/list with a wrong token: " + abbreviate(seen.toString()));
      assertThat(seen.path("tools").size()).isEqualTo(0);
      assertThat(seen.path("toolsError").asText()).contains("Auth required");
    }
  }

  @Test
  void aCodexExecSessionCallsAToolOverHttpAndTheAnswerReachesTheModel() throws Exception {
    Path dir = Sessions.workDir("codex-http-tool");
    String compare = "mcp__release_tools__compare";
    ModelScript script = ModelScript.callTool(compare, "{\"a\":\"1.4.0\",\"b\":\"1.10.0\"}")
        .thenReply("1.10.0 is the newer version.");
    try (ScriptedModelServer model = ScriptedModelServer.start(script, dir.resolve("model"))) {
      CodexSession codex = CodexSession.create(Path.of(System.getProperty("codex.bin")), dir, model)
          .env(TOKEN_ENV, TOKEN)
          .install(marketplace, PLUGIN + "@" + MARKETPLACE);
      HostRun run = codex.exec("Which is newer, 1.4.0 or 1.10.0?").assertSuccess();
      model.requests().forEach(r -> System.out.println("model server received: " + r));
      assertThat(model.problems()).isEmpty();
      List<RecordedRequest> main = model.mainRequests();
      assertThat(main).hasSize(2);
      assertThat(main.get(0).offeredTools()).containsAtLeast(compare, "mcp__release_tools__bump");
      // Codex offers its resource tools even when no server has resources (release-tools has none)
      assertThat(main.get(0).offeredTools()).containsAtLeast("list_mcp_resources", "list_mcp_resource_templates",
          "read_mcp_resource");
      assertThat(main.get(1).toolResults()).hasSize(1);
      assertThat(main.get(1).toolResults().get(0)).contains("{\"order\":-1,\"newer\":\"1.10.0\",\"equal\":false}");
      List<JsonNode> calls = run.jsonLines().stream().filter(e -> e.path("type").asText().equals("item.completed"))
          .map(e -> e.path("item")).filter(i -> i.path("type").asText().equals("mcp_tool_call")).toList();
      assertThat(calls).hasSize(1);
      assertThat(calls.get(0).path("server").asText()).isEqualTo(SERVER);
      assertThat(calls.get(0).path("status").asText()).isEqualTo("completed");
    }
  }

  @Test
  void aClaudeCodeSessionCallsAToolOverHttpWithTheExportedAuthorizationHeader() throws Exception {
    // the exported Claude Code .mcp.json: "type": "http" and the token as a header from the variable
    JsonNode entry = CodexCli.JSON.readTree(marketplace.resolve("plugins/" + PLUGIN + "/.mcp.json").toFile())
        .path("mcpServers").path(SERVER);
    System.out.println("Claude Code plugin's server entry: " + entry);
    assertThat(entry.path("type").asText()).isEqualTo("http");
    assertThat(entry.path("headers").path("Authorization").asText()).isEqualTo("Bearer ${" + TOKEN_ENV + "}");

    Path dir = Sessions.workDir("claude-http-tool");
    String compare = "mcp__plugin_" + PLUGIN + "_" + SERVER + "__compare";
    ModelScript script = ModelScript.callTool(compare, "{\"a\":\"1.4.0\",\"b\":\"1.10.0\"}")
        .thenReply("1.10.0 is the newer version.");
    try (ScriptedModelServer model = ScriptedModelServer.start(script, dir.resolve("model"))) {
      ClaudeSession claude = ClaudeSession.create(Path.of(System.getProperty("claude.bin")), dir, model)
          .env(TOKEN_ENV, TOKEN).install(marketplace, PLUGIN + "@" + MARKETPLACE);
      claude.print("Which is newer, 1.4.0 or 1.10.0?", "--allowedTools", compare).assertSuccess();
      model.requests().forEach(r -> System.out.println("model server received: " + r));
      assertThat(model.problems()).isEmpty();
      List<RecordedRequest> main = model.mainRequests();
      assertThat(main).hasSize(2);
      List<String> offered = main.get(0).offeredTools();
      System.out.println("Claude Code " + System.getProperty("claude.version") + " offered the model: " + offered);
      assertThat(offered).contains(compare);
      // unlike Codex, Claude Code offers no resource tools when no server has resources
      assertThat(offered).containsNoneOf("ListMcpResourcesTool", "ReadMcpResourceTool");
      assertThat(main.get(1).toolResults()).hasSize(1);
      assertThat(main.get(1).toolResults().get(0)).contains("{\"order\":-1,\"newer\":\"1.10.0\",\"equal\":false}");
    }
  }

  /** The {@code bump} calls in the server's tool-call log so far (only the TypeScript client calls bump). */
  private static long bumpCalls() {
    return server.stderr().toString().lines()
        .filter(l -> l.contains("\"source\":\"codexplugin.tool\"") && l.contains("\"tool\":\"bump\"")).count();
  }

  private static String abbreviate(String s) {
    return s.length() > 1500 ? s.substring(0, 1500) + "..." : s;
  }

  private static TreeMap<String, JsonNode> byName(JsonNode tools) {
    TreeMap<String, JsonNode> map = new TreeMap<>();
    tools.forEach(t -> map.put(t.path("name").asText(), t));
    return map;
  }
}
