package dev.codexplugin.e2e;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexplugin.runtime.ExportSummary;
import dev.codexplugin.runtime.MarketplaceExport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bundle with Java tools, exported with its jar and runtime dependencies in {@code lib/}: Codex starts the
 * server with {@code java -cp lib/* <main>} in the installed plugin folder ({@code "cwd": "."}) and lists its
 * tools; Claude Code validates and installs the same folder, where the server runs from
 * {@code ${CLAUDE_PLUGIN_ROOT}/lib/*}.
 */
class JavaToolsIT {
  private static final String MARKETPLACE = "java-tools";
  static Path root;

  @BeforeAll
  static void export() throws Exception {
    Path work = Path.of(System.getProperty("e2e.work"));
    Path jar = JavaToolsFixture.jar(work.resolve("fixture/echo-tools-1.0.0.jar"));
    ExportSummary summary = MarketplaceExport.builder()
        .marketplaceName(MARKETPLACE)
        .displayName("Java Tools")
        .format(MarketplaceExport.Format.BOTH)
        .addJar(jar, JavaToolsFixture.libraries())
        .force(true)
        .build()
        .exportTo(work.resolve("java-tools-marketplace"));
    root = summary.root();
    System.out.println(summary + "\n  lib: " + summary.plugins().get(0).libraries());
    assertThat(summary.plugins().get(0).libraries()).contains("lib/echo-tools-1.0.0.jar");
    assertThat(summary.plugins().get(0).libraries()).hasSize(4);
    assertThat(Files.readString(root.resolve("plugins/echo-tools-plugin/.mcp.json")))
        .contains("\"${CLAUDE_PLUGIN_ROOT}/lib/*\"");
  }

  @Test
  void codexStartsTheJavaServerFromLib() throws Exception {
    JsonNode status = InstallChecks.codex(root, "java-tools");
    JsonNode server = InstallChecks.only(status.path("data"), "name", JavaToolsFixture.SERVER);
    JsonNode echo = server.path("tools").path("echo");
    assertThat(echo.path("name").asText()).isEqualTo("echo");
    // the server found mcp-tools.json in its working folder: Codex ran it in the installed plugin folder
    assertThat(echo.path("description").asText()).contains("in plugin folder: true");
    assertThat(server.path("serverInfo").path("name").asText()).isEqualTo("echo-tools");
  }

  @Test
  void claudeValidatesAndInstallsTheSameFolder() throws Exception {
    JsonNode list = InstallChecks.claude(root, "java-tools");
    JsonNode server = InstallChecks.only(list, "id", JavaToolsFixture.PLUGIN + "@" + MARKETPLACE)
        .path("mcpServers").path(JavaToolsFixture.SERVER);
    assertThat(server.path("command").asText()).isEqualTo("java");
    List<String> args = List.of(server.path("args").get(0).asText(), server.path("args").get(1).asText());
    assertThat(args).containsExactly("-cp", "${CLAUDE_PLUGIN_ROOT}/lib/*").inOrder();
  }
}
