package dev.codexplugin.runtime;

import dev.codexplugin.runtime.format.FormatFiles;
import static com.google.common.truth.Truth.assertThat;

import dev.codexplugin.runtime.format.BundleWriter;
import dev.codexplugin.runtime.format.ToolFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcp-tools.json} and {@code mcp-requirements.json}: read strictly, never fatal for Codex. */
class ToolFilesTest {
  @TempDir Path tmp;

  @Test
  void toolsAreReadWithSchemasAndHints() throws Exception {
    PluginBundle bundle = load(CatalogFixtures.withTools(CatalogFixtures.javaTools("version-tools", "2.1.0",
        "versions"), CatalogFixtures.COMPARE, CatalogFixtures.BUMP));
    assertThat(bundle.tools().stream().map(ToolSpec::name).toList()).containsExactly("bump", "compare").inOrder();
    ToolSpec bump = bundle.tool("bump").orElseThrow();
    assertThat(bump.server()).isEqualTo("versions");
    assertThat(bump.title()).isEmpty();
    assertThat(bump.outputSchema()).isEmpty();
    assertThat(bump.inputSchema()).isEqualTo("{\"type\":\"object\",\"properties\":{\"version\":{\"type\":\"string\"},"
        + "\"level\":{\"type\":\"string\",\"enum\":[\"MAJOR\",\"MINOR\",\"PATCH\"]}},\"required\":[\"version\","
        + "\"level\"]}");
    assertThat(bundle.tool("compare").orElseThrow().openWorldHint()).hasValue(false);
    assertThat(bundle.warnings()).isEmpty();
    assertThat(bundle.toString()).contains("tools=[bump, compare]");
  }

  @Test
  void aBrokenToolsFileIsAWarningAndLosesOnlyTheTools() throws Exception {
    PluginBundle tools = CatalogFixtures.javaTools("version-tools", "2.1.0", "versions");
    SortedMap<String, byte[]> files = ExportFixtures.files(tools, Map.of("mcp-tools.json", "{\"tools\": [}"));
    PluginBundle bad = load(files);
    assertThat(bad.tools()).isEmpty();
    assertThat(codes(bad)).containsExactly("BadJson");
    assertThat(bad.mcpServers()).hasSize(1);

    PluginBundle otherServer = load(ExportFixtures.files(tools, Map.of("mcp-tools.json",
        CatalogFixtures.toolsFile("gone", CatalogFixtures.BUMP))));
    assertThat(codes(otherServer)).containsExactly("UnknownRequirement");
    assertThat(otherServer.warnings().get(0).toString()).contains("mcp-tools.json: server must name an MCP server or"
        + " app of the same plugin; found \"gone\". .mcp.json has versions");

    PluginBundle noSchema = load(ExportFixtures.files(tools, Map.of("mcp-tools.json",
        CatalogFixtures.toolsFile("versions", "{\"name\": \"x\"}", CatalogFixtures.BUMP, CatalogFixtures.BUMP))));
    assertThat(noSchema.tools().stream().map(ToolSpec::name).toList()).containsExactly("bump");
    assertThat(codes(noSchema)).containsExactly("WrongType", "Duplicate");

    PluginBundle future = load(ExportFixtures.files(tools, Map.of("mcp-tools.json",
        "{\"formatVersion\": 2, \"server\": \"versions\", \"tools\": []}")));
    assertThat(codes(future)).containsExactly("WrongType");
    assertThat(future.warnings().get(0).message()).contains("must be 1; found 2. This SDK reads format 1 only");
  }

  @Test
  void aHandWrittenToolsFileIsCheckedByTheToolNameRules() throws Exception {
    PluginBundle tools = CatalogFixtures.javaTools("version-tools", "2.1.0", "versions");
    String badName = "{\"name\": \"bump version\", \"inputSchema\": {\"type\": \"object\"}}";
    String longName = "{\"name\": \"" + "x".repeat(60) + "\", \"inputSchema\": {\"type\": \"object\"}}";
    PluginBundle bundle = load(ExportFixtures.files(tools, Map.of("mcp-tools.json",
        CatalogFixtures.toolsFile("versions", badName, longName))));

    assertThat(codes(bundle)).containsExactly("BadToolName", "LongToolName");
    assertThat(bundle.warnings().get(0).toString()).contains("mcp-tools.json: tools[0].name must match"
        + " ^[A-Za-z0-9_.-]{1,128}$; found \"bump version\". Rename it, e.g. \"bump_version\"");
    assertThat(bundle.warnings().get(1).toString()).contains("tools[1].name should keep mcp__<server>__<tool>"
        + " within 64 characters; found \"mcp__versions__" + "x".repeat(60) + "\" (75 characters)");
    // The SDK reads the file only for itself: the bundle loads, with both tools.
    assertThat(bundle.tools()).hasSize(2);
  }

  @Test
  void writtenToolsReadBackAsTheyWereDescribed() throws Exception {
    PluginBundle tools = CatalogFixtures.javaTools("version-tools", "2.1.0", "versions");
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    List<com.fasterxml.jackson.databind.JsonNode> descriptors = List.of(
        json.readTree(CatalogFixtures.COMPARE), json.readTree(CatalogFixtures.BUMP));
    byte[] written = ToolFiles.writeTools("versions", "com.acme.tools.ToolsMcpServer", descriptors);
    assertThat(new String(written, StandardCharsets.UTF_8)).startsWith("""
        {
          "formatVersion": 1,
          "server": "versions",
          "main": "com.acme.tools.ToolsMcpServer",
          "tools": [
        """);
    PluginBundle bundle = load(ExportFixtures.files(tools, Map.of(FormatFiles.TOOLS_FILE,
        new String(written, StandardCharsets.UTF_8))));
    PluginBundle handWritten = load(CatalogFixtures.withTools(tools, CatalogFixtures.COMPARE, CatalogFixtures.BUMP));
    assertThat(bundle.tools()).isEqualTo(handWritten.tools());
    assertThat(bundle.warnings()).isEmpty();
  }

  @Test
  void requirementsRoundTripAndReachTheSkillDescription() throws Exception {
    McpServerSpec github = McpServerSpec.stdio("github", "uvx", List.of("mcp-server-github"))
        .withRequirements(List.of("Python 3.11+", "uv"));
    PluginBundle team = ExportFixtures.team();
    PluginBundle bundle = PluginBundle.builder(team.manifest())
        .skills(team.skills())
        .mcpServers(List.of(github, team.mcpServers().get(1)))
        .apps(team.apps())
        .build();
    SortedMap<String, byte[]> files = BundleWriter.write(bundle, Map.of());
    assertThat(text(files, FormatFiles.REQUIREMENTS_FILE)).isEqualTo("""
        {
          "formatVersion": 1,
          "mcpServers": {
            "github": {
              "requirements": [
                "Python 3.11+",
                "uv"
              ]
            }
          }
        }
        """);
    assertThat(text(files, "skills/code-review/agents/openai.yaml"))
        .contains("description: \"The github MCP server of this plugin. Requires Python 3.11+, uv.\"");
    assertThat(text(files, ".mcp.json")).doesNotContain("requirements");
    PluginBundle loaded = load(files);
    assertThat(loaded.mcpServer("github").orElseThrow().requirements()).containsExactly("Python 3.11+", "uv");
    assertThat(loaded.mcpServer("tracker").orElseThrow().requirements()).isEmpty();
    assertThat(loaded.warnings()).isEmpty();
    // without requirements there is no file
    assertThat(ExportFixtures.files(ExportFixtures.team())).doesNotContainKey(FormatFiles.REQUIREMENTS_FILE);
  }

  private PluginBundle load(SortedMap<String, byte[]> files) throws IOException, PluginLoadException {
    Path root = Files.createTempDirectory(tmp, "plugin");
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path file = root.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.write(file, f.getValue());
    }
    return PluginLoader.load(root).get(0);
  }

  private static List<String> codes(PluginBundle bundle) {
    return bundle.warnings().stream().map(f -> f.code().id()).toList();
  }

  private static String text(SortedMap<String, byte[]> files, String path) {
    return new String(files.get(path), StandardCharsets.UTF_8);
  }
}
