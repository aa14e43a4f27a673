package dev.codexplugin.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release-tools sample's bundled MCP server (Java methods served by sdk-mcp) under real clients: the
 * official MCP TypeScript SDK over a stdio pipe, and the real Codex CLI's app-server, which starts it from the
 * installed plugin folder.
 */
class ReleaseToolsClientsIT {
  private static final String PLUGIN = "release-tools";
  private static Path root;
  private static Path plugin;
  private static JsonNode toolsFile;

  @BeforeAll
  static void exportedMarketplace() throws Exception {
    root = Path.of(System.getProperty("samples.dir"), "release-tools/target/codex-plugin").toAbsolutePath()
        .normalize();
    plugin = root.resolve("plugins").resolve(PLUGIN);
    assertWithMessage("the exported marketplace (./mvnw package)").that(Files.isDirectory(plugin)).isTrue();
    toolsFile = CodexCli.JSON.readTree(plugin.resolve("mcp-tools.json").toFile());
  }

  @Test
  void theOfficialTypeScriptClientDrivesTheServerOverStdio() throws Exception {
    Path hosts = Path.of(System.getProperty("hosts.dir"));
    Path script = hosts.resolve("mcp-client.mjs");
    Files.copy(Path.of(System.getProperty("node.client")), script, StandardCopyOption.REPLACE_EXISTING);
    Process node = new ProcessBuilder("node", script.toString(), plugin.toString(), "java", "-cp", "lib/*",
        toolsFile.path("main").asText())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    node.getOutputStream().close();
    byte[] out = node.getInputStream().readAllBytes();
    assertThat(node.waitFor(5, TimeUnit.MINUTES)).isTrue();
    JsonNode report = CodexCli.JSON.readTree(out);
    System.out.println("TypeScript client report: " + report.toPrettyString().lines().limit(60)
        .reduce((a, b) -> a + "\n" + b).orElse(""));
    assertWithMessage("fatal: %s", report.path("fatal")).that(report.has("fatal")).isFalse();

    assertThat(report.path("serverVersion").path("name").asText()).isEqualTo(PLUGIN);
    assertThat(report.path("serverVersion").path("version").asText()).isEqualTo("1.0.0");
    // tools/list returns exactly the schemas the processor computed at compile time
    assertThat(byName(report.path("tools"))).isEqualTo(byName(toolsFile.path("tools")));

    JsonNode success = report.path("success");
    assertThat(success.path("thrown").asBoolean()).isFalse();
    assertThat(success.path("result").path("isError").asBoolean()).isFalse();
    assertThat(success.path("result").path("structuredContent").toString())
        .isEqualTo("{\"order\":1,\"newer\":\"1.10.0\",\"equal\":false}");

    // The client negotiates 2025-11-25: invalid arguments are a result the model can read (SEP-1303)
    JsonNode invalid = report.path("invalid");
    assertThat(invalid.path("thrown").asBoolean()).isFalse();
    assertThat(invalid.path("result").path("isError").asBoolean()).isTrue();
    assertThat(invalid.path("result").path("content").get(0).path("text").asText()).contains("/level");

    JsonNode throwing = report.path("throwing");
    assertThat(throwing.path("thrown").asBoolean()).isFalse();
    assertThat(throwing.path("result").path("isError").asBoolean()).isTrue();
    assertThat(throwing.path("result").path("content").get(0).path("text").asText())
        .contains("\"1.x\" is not a semantic version");

    assertThat(report.path("sequential").path("calls").asInt()).isEqualTo(1000);
    assertThat(report.path("sequential").path("failures").asInt()).isEqualTo(0);
  }

  @Test
  void codexAppServerStartsTheInstalledServerAndListsItsTools() throws Exception {
    JsonNode status = InstallChecks.codex(root, "release-tools-clients");
    assertThat(status).isNotNull();
    JsonNode server = null;
    for (JsonNode s : status.path("data")) {
      if (s.path("name").asText().equals(PLUGIN)) {
        server = s;
      }
    }
    assertThat(server).isNotNull();
    assertThat(server.path("toolsError").isNull()).isTrue();
    assertThat(server.path("serverInfo").path("name").asText()).isEqualTo(PLUGIN);
    List<String> names = new ArrayList<>();
    server.path("tools").fieldNames().forEachRemaining(names::add);
    List<String> expected = new ArrayList<>();
    toolsFile.path("tools").forEach(t -> expected.add(t.path("name").asText()));
    assertThat(names).containsExactlyElementsIn(expected);
    for (JsonNode tool : toolsFile.path("tools")) {
      JsonNode seen = server.path("tools").path(tool.path("name").asText());
      assertThat(seen.path("inputSchema")).isEqualTo(tool.path("inputSchema"));
      assertThat(seen.path("description").asText()).startsWith(tool.path("description").asText());
    }
  }

  private static TreeMap<String, JsonNode> byName(JsonNode tools) {
    TreeMap<String, JsonNode> map = new TreeMap<>();
    tools.forEach(t -> map.put(t.path("name").asText(), t));
    return map;
  }
}
