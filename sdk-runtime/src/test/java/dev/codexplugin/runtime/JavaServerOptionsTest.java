package dev.codexplugin.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MarketplaceExport.Builder#javaServerOptions}: JVM options reach the bundled Java server of each dialect. */
class JavaServerOptionsTest {
  @TempDir Path tmp;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<String> args(JsonNode server) {
    List<String> args = new ArrayList<>();
    server.path("args").forEach(a -> args.add(a.asText()));
    return args;
  }

  @Test
  void codexOnlyPutsTheServerInlineWithTheOptionsAfterJava() throws Exception {
    Path jar = ExportFixtures.jar(tmp.resolve("tools.jar"), ExportFixtures.tools("tools-plugin", "tools"));
    Path out = tmp.resolve("codex");
    MarketplaceExport.builder().marketplaceName("m").addJar(jar)
        .javaServerOptions("tools-plugin", MarketplaceExport.Format.CODEX, List.of("-Xshare:auto", "-XX:SharedArchiveFile=lib/server.jsa"))
        .build().exportTo(out);
    JsonNode manifest = JSON.readTree(Files.readString(out.resolve("plugins/tools-plugin/.codex-plugin/plugin.json")));
    assertThat(args(manifest.path("mcpServers").path("tools"))).containsExactly("-Xshare:auto",
        "-XX:SharedArchiveFile=lib/server.jsa", "-cp", "lib/*", "com.acme.tools.ToolsMain").inOrder();
    // The loader sees what Codex sees: the inline server, with the options.
    PluginBundle exported = PluginLoader.load(out.resolve("plugins/tools-plugin")).get(0);
    assertThat(exported.mcpServer("tools").orElseThrow().args().get(0)).isEqualTo("-Xshare:auto");
  }

  @Test
  void eachDialectGetsItsOwnOptions() throws Exception {
    Path jar = ExportFixtures.jar(tmp.resolve("tools.jar"), ExportFixtures.tools("tools-plugin", "tools"));
    Path out = tmp.resolve("both");
    MarketplaceExport.builder().marketplaceName("m").format(MarketplaceExport.Format.BOTH).addJar(jar)
        .javaServerOptions("tools-plugin", MarketplaceExport.Format.CODEX, List.of("-XX:SharedArchiveFile=lib/a.jsa"))
        .javaServerOptions("tools-plugin", MarketplaceExport.Format.CLAUDE,
            List.of("-XX:SharedArchiveFile=${CLAUDE_PLUGIN_ROOT}/lib/a.jsa"))
        .build().exportTo(out);
    Path plugin = out.resolve("plugins/tools-plugin");
    JsonNode codex = JSON.readTree(Files.readString(plugin.resolve(".codex-plugin/plugin.json")));
    JsonNode claude = JSON.readTree(Files.readString(plugin.resolve(".mcp.json")));
    assertThat(args(codex.path("mcpServers").path("tools")).get(0)).isEqualTo("-XX:SharedArchiveFile=lib/a.jsa");
    assertThat(args(claude.path("mcpServers").path("tools")).get(0))
        .isEqualTo("-XX:SharedArchiveFile=${CLAUDE_PLUGIN_ROOT}/lib/a.jsa");
  }

  @Test
  void optionsForAPluginWithoutJavaToolsAreRefused() throws Exception {
    Path jar = ExportFixtures.jar(tmp.resolve("team.jar"), ExportFixtures.team());
    MarketplaceExportException e = assertThrows(MarketplaceExportException.class,
        () -> MarketplaceExport.builder().marketplaceName("m").addJar(jar)
            .javaServerOptions("team-workflow-plugin", MarketplaceExport.Format.BOTH, List.of("-Xmx64m"))
            .build().exportTo(tmp.resolve("out")));
    assertThat(e.code()).isEqualTo(FindingCode.MISSING);
    assertThat(e).hasMessageThat().contains("which has no Java tool server");
    assertThat(Files.exists(tmp.resolve("out"))).isFalse();
  }
}
