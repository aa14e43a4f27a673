package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ProcessorTesting.generated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Tool plugins compiled with {@code sdk-mcp} on the class path: every generated Java source and bundle file
 * compared with golden files under {@code src/test/resources/golden/tools/} ({@code sources/} and
 * {@code bundles/}); {@code -Dcodexplugin.updateGoldens=true} rewrites them. The assertions beside the goldens
 * state what the goldens must show, so that a careless rewrite cannot make a wrong output the expected one.
 */
class ToolGoldenTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(SortedMap<String, byte[]> files, String path) throws IOException {
    assertThat(files).containsKey(path);
    return JSON.readTree(files.get(path));
  }

  private static String text(SortedMap<String, byte[]> files, String path) {
    assertThat(files).containsKey(path);
    return new String(files.get(path), StandardCharsets.UTF_8);
  }

  private static List<String> names(JsonNode toolsFile) {
    List<String> names = new ArrayList<>();
    toolsFile.path("tools").forEach(t -> names.add(t.path("name").asText()));
    return names;
  }

  private static JsonNode tool(JsonNode toolsFile, String name) {
    for (JsonNode tool : toolsFile.path("tools")) {
      if (tool.path("name").asText().equals(name)) {
        return tool;
      }
    }
    throw new AssertionError("no tool " + name + " in " + toolsFile);
  }

  @Test
  void ledgerKit() throws IOException {
    Compilation compilation = compile(ToolFixtures.LEDGER.toArray(new JavaFileObject[0]));
    assertThat(compilation).succeededWithoutWarnings();
    SortedMap<String, byte[]> files = generated(compilation);
    assertThat(files.keySet()).containsExactly(
        "bundles/index.json",
        "bundles/ledger-kit/.codex-plugin/plugin.json",
        "bundles/ledger-kit/.mcp.json",
        "bundles/ledger-kit/mcp-tools.json",
        "bundles/ledger-kit/skills/bookkeeping/SKILL.md",
        "bundles/ledger-kit/skills/bookkeeping/agents/openai.yaml",
        "resources/com/acme/ledger/LedgerKitMcpServer.tools",
        "sources/com/acme/ledger/LedgerKitMcpServer.java",
        "sources/com/acme/ledger/LedgerKit_McpTools.java",
        "sources/com/acme/ledger/report/LedgerKit_McpTools.java").inOrder();
    Goldens.assertMatches("tools/ledger", files);

    // The server of .mcp.json: java with the JVM's own output on stderr (a thread dump would break the protocol),
    // a class path relative to the plugin folder, and the folder as cwd.
    JsonNode server = json(files, "bundles/ledger-kit/.mcp.json").path("mcpServers");
    assertThat(server.size()).isEqualTo(1);
    assertThat(JSON.writeValueAsString(server.path("ledger"))).isEqualTo(
        "{\"command\":\"java\",\"args\":[\"-XX:+DisplayVMOutputToStderr\",\"-cp\",\"lib/*\","
            + "\"com.acme.ledger.LedgerKitMcpServer\"],\"cwd\":\".\"}");

    JsonNode tools = json(files, "bundles/ledger-kit/mcp-tools.json");
    assertThat(tools.path("server").asText()).isEqualTo("ledger");
    assertThat(tools.path("main").asText()).isEqualTo("com.acme.ledger.LedgerKitMcpServer");
    // Classes by qualified name, methods in declaration order.
    assertThat(names(tools)).containsExactly("open", "find", "list", "journal.note", "journal", "balanced", "sum",
        "days", "largest", "overlap").inOrder();
    // Hints: set ones are written as they are, unset ones are left out, and no hint at all means no annotations.
    assertThat(JSON.writeValueAsString(tool(tools, "open").path("annotations")))
        .isEqualTo("{\"destructiveHint\":false,\"idempotentHint\":false}");
    assertThat(JSON.writeValueAsString(tool(tools, "balanced").path("annotations")))
        .isEqualTo("{\"readOnlyHint\":true,\"openWorldHint\":false}");
    assertThat(tool(tools, "sum").has("annotations")).isFalse();
    assertThat(tool(tools, "journal.note").has("annotations")).isFalse();
    // Descriptions from the annotation, else the Javadoc's first sentence.
    assertThat(tool(tools, "open").path("description").asText()).isEqualTo("Opens an account with a zero balance.");
    assertThat(tool(tools, "sum").path("description").asText()).isEqualTo("Sums amounts in cents.");
    assertThat(tool(tools, "find").path("description").asText()).isEqualTo("Finds an account by id.");
    assertThat(tool(tools, "open").path("title").asText()).isEqualTo("Open an account");
    assertThat(tool(tools, "find").has("title")).isFalse();
    // Structured output only where asked for; a result that is not an object is wrapped.
    assertThat(tool(tools, "list").has("outputSchema")).isFalse();
    assertThat(tool(tools, "journal.note").has("outputSchema")).isFalse();
    assertThat(tool(tools, "balanced").path("outputSchema").path("required").toString()).isEqualTo("[\"result\"]");
    assertThat(tool(tools, "overlap").path("outputSchema").has("required")).isFalse();
    assertThat(tool(tools, "largest").path("outputSchema").has("required")).isFalse();
    // Defaults and @Param names.
    JsonNode list = tool(tools, "list").path("inputSchema");
    assertThat(list.path("properties").path("max").path("default").asInt()).isEqualTo(10);
    assertThat(list.has("required")).isFalse();
    assertThat(tool(tools, "open").path("inputSchema").path("properties").path("currency").path("default")
        .asText()).isEqualTo("EUR");

    assertThat(text(files, "bundles/ledger-kit/skills/bookkeeping/SKILL.md")).contains("Open accounts with");
    String server2 = text(files, "sources/com/acme/ledger/LedgerKitMcpServer.java");
    assertThat(server2).contains("return \"ledger\";");
    assertThat(server2).contains("return \"1.2.0\";");
    // The server creates the one instance of each class and hands it to the class's table; a class of static
    // tools gets none.
    assertThat(server2).contains("ToolInstances.lazy(Accounts::new)");
    // One dispatcher per package: the classes of com.acme.ledger share one, com.acme.ledger.report has its own.
    assertThat(server2).contains("LedgerKit_McpTools.tools(accountsInstance)");
    assertThat(server2).contains("com.acme.ledger.report.LedgerKit_McpTools.tools()");
    assertThat(text(files, "sources/com/acme/ledger/report/LedgerKit_McpTools.java")).doesNotContain("Instance");
    // The descriptors are not in the Java source but in the server's resource, one per line, in the order of
    // mcp-tools.json, exactly as served.
    String invoker = text(files, "sources/com/acme/ledger/LedgerKit_McpTools.java");
    assertThat(invoker).doesNotContain("inputSchema");
    List<String> lines = List.of(text(files, "resources/com/acme/ledger/LedgerKitMcpServer.tools").split("\n"));
    assertThat(lines).hasSize(names(tools).size());
    for (int i = 0; i < lines.size(); i++) {
      assertThat(JSON.readTree(lines.get(i))).isEqualTo(tools.path("tools").get(i));
    }
    // A case is casts and a call; an Optional structured result is wrapped, or empty.
    assertThat(invoker).contains("return accountsInstance.get().open((java.lang.String) a[0],"
        + " (com.acme.ledger.Accounts.Currency) a[1]);");
    assertThat(invoker).contains("return accountsInstance.get().list("
        + "(java.util.Optional<com.acme.ledger.Accounts.Currency>) a[0], (int) a[1]);");
    assertThat(invoker).contains("return value.isPresent() ? new FindResult(value.get()) : java.util.Map.of();");
    assertThat(invoker).contains("case 5:\n        return new BalancedResult(com.acme.ledger.Accounts.Audit.balanced(");
    assertThat(invoker).contains("@java.lang.SuppressWarnings(\"unchecked\")");
  }

  @Test
  void twoPluginsWithToolsInOneCompilation() throws IOException {
    Compilation compilation = compile(ToolFixtures.TWO_PLUGINS_OPTIONS,
        ToolFixtures.TWO_PLUGINS.toArray(new JavaFileObject[0]));
    ToolFixtures.assertOnlyVersionMismatches(compilation);
    SortedMap<String, byte[]> files = generated(compilation);
    assertThat(files.keySet()).containsExactly(
        "bundles/alpha-tools/.codex-plugin/plugin.json",
        "bundles/alpha-tools/.mcp.json",
        "bundles/alpha-tools/mcp-tools.json",
        "bundles/beta-tools/.codex-plugin/plugin.json",
        "bundles/beta-tools/.mcp.json",
        "bundles/beta-tools/mcp-tools.json",
        "bundles/beta-tools/skills/math/SKILL.md",
        "bundles/beta-tools/skills/math/agents/openai.yaml",
        "bundles/index.json",
        "resources/com/acme/alpha/AlphaToolsMcpServer.tools",
        "resources/com/acme/beta/BetaToolsMcpServer.tools",
        "sources/com/acme/alpha/AlphaToolsMcpServer.java",
        "sources/com/acme/alpha/AlphaTools_McpTools.java",
        "sources/com/acme/beta/BetaToolsMcpServer.java",
        "sources/com/acme/beta/BetaTools_McpTools.java").inOrder();
    Goldens.assertMatches("tools/two-plugins", files);

    // Each plugin got its own tools and server, named after the plugin.
    assertThat(names(json(files, "bundles/alpha-tools/mcp-tools.json"))).containsExactly("greet");
    assertThat(names(json(files, "bundles/beta-tools/mcp-tools.json"))).containsExactly("add", "divide").inOrder();
    assertThat(json(files, "bundles/alpha-tools/.mcp.json").path("mcpServers").path("alpha-tools").path("args")
        .toString()).isEqualTo(
            "[\"-XX:+DisplayVMOutputToStderr\",\"-cp\",\"lib/*\",\"com.acme.alpha.AlphaToolsMcpServer\"]");
    assertThat(json(files, "bundles/beta-tools/.mcp.json").path("mcpServers").path("beta-tools").path("args")
        .toString()).isEqualTo(
            "[\"-XX:+DisplayVMOutputToStderr\",\"-cp\",\"lib/*\",\"com.acme.beta.BetaToolsMcpServer\"]");
    // No cast is unchecked, so no @SuppressWarnings.
    assertThat(text(files, "sources/com/acme/beta/BetaTools_McpTools.java")).doesNotContain("SuppressWarnings");
    // A @Plugin without a version takes -Acodexplugin.version, in plugin.json and in the server alike.
    assertThat(json(files, "bundles/alpha-tools/.codex-plugin/plugin.json").path("version").asText())
        .isEqualTo("3.4.5");
    assertThat(text(files, "sources/com/acme/alpha/AlphaToolsMcpServer.java")).contains("return \"3.4.5\";");
    assertThat(text(files, "sources/com/acme/beta/BetaToolsMcpServer.java")).contains("return \"0.9.0\";");
    // The factory creates the tool class.
    assertThat(text(files, "sources/com/acme/alpha/AlphaToolsMcpServer.java"))
        .contains("ToolInstances.lazy(() -> Wiring.create(Greeter.class))");
  }
  @Test
  void studioKitWithContextParametersAndRichResults() throws IOException {
    Compilation compilation = compile(ToolFixtures.STUDIO.toArray(new JavaFileObject[0]));
    assertThat(compilation).succeededWithoutWarnings();
    SortedMap<String, byte[]> files = generated(compilation);
    assertThat(files.keySet()).containsExactly(
        "bundles/index.json",
        "bundles/studio-kit/.codex-plugin/plugin.json",
        "bundles/studio-kit/.mcp.json",
        "bundles/studio-kit/mcp-tools.json",
        "resources/com/acme/studio/StudioKitMcpServer.tools",
        "sources/com/acme/studio/StudioKitMcpServer.java",
        "sources/com/acme/studio/StudioKit_McpTools.java").inOrder();
    Goldens.assertMatches("tools/studio", files);

    JsonNode tools = json(files, "bundles/studio-kit/mcp-tools.json");
    assertThat(names(tools)).containsExactly("render", "wait", "title", "signup", "describe", "roots", "thumbnail",
        "sheet", "export", "paint").inOrder();
    assertThat(tool(tools, "signup").path("inputSchema").path("properties").size()).isEqualTo(0);
    // A form's titles, defaults and titled enums go into its requested schema, in the invoker, not the input.
    assertThat(tool(tools, "paint").path("inputSchema").path("properties").size()).isEqualTo(0);
    assertThat(text(files, "sources/com/acme/studio/StudioKit_McpTools.java")).contains("\\\"legacy\\\":{\\\"type\\\""
        + ":\\\"string\\\",\\\"enum\\\":[\\\"MATT\\\",\\\"gloss\\\",\\\"SATIN\\\"],\\\"enumNames\\\":"
        + "[\\\"Matt, no shine\\\",\\\"Deep gloss\\\",\\\"SATIN\\\"],\\\"default\\\":\\\"MATT\\\"}");
    // Context parameters are not part of the input schema: only the arguments the model gives are.
    assertThat(tool(tools, "render").path("inputSchema").path("properties").toString())
        .isEqualTo("{\"steps\":{\"type\":\"integer\",\"minimum\":-2147483648,\"maximum\":2147483647,"
            + "\"description\":\"how many steps\"}}");
    assertThat(tool(tools, "render").path("inputSchema").path("required").toString()).isEqualTo("[\"steps\"]");
    assertThat(tool(tools, "wait").path("inputSchema").path("properties").fieldNames().next()).isEqualTo("millis");
    assertThat(tool(tools, "wait").path("inputSchema").path("properties").size()).isEqualTo(1);
    for (String name : List.of("title", "roots", "thumbnail")) {
      assertThat(tool(tools, name).path("inputSchema").path("properties").size()).isEqualTo(0);
      assertThat(tool(tools, name).has("outputSchema")).isFalse();
    }
    assertThat(tool(tools, "export").path("inputSchema").path("required").toString()).isEqualTo("[\"format\"]");
    // The table names them by type, the server passes them from the request's context, and the invoker wraps a
    // List<Content> in a ToolResult.
    String invoker = text(files, "sources/com/acme/studio/StudioKit_McpTools.java");
    assertThat(invoker).contains("{dev.codexplugin.mcp.Progress.class, int.class, dev.codexplugin.mcp.McpLog.class}");
    assertThat(invoker).contains("{long.class, dev.codexplugin.mcp.Cancellation.class}");
    assertThat(invoker).contains("dev.codexplugin.mcp.Elicitation.class");
    assertThat(invoker).contains("dev.codexplugin.mcp.Sampling.class");
    assertThat(invoker).contains("dev.codexplugin.mcp.Roots.class");
    assertThat(invoker).contains("{dev.codexplugin.mcp.ToolContext.class, dev.codexplugin.mcp.ClientInfo.class,");
    assertThat(invoker).contains("return studioInstance.get().render((dev.codexplugin.mcp.Progress) a[0],");
    assertThat(invoker).contains("return com.acme.studio.Studio.await((long) a[0],"
        + " (dev.codexplugin.mcp.Cancellation) a[1]);");
    assertThat(invoker).contains("return dev.codexplugin.mcp.ToolResult.of(studioInstance.get().sheet(");
    // A form's requested schema is computed at compile time: flat, enums inlined, Optional not required, each
    // field's type first, then its title and description.
    assertThat(invoker).contains("{dev.codexplugin.mcp.ToolTable.form("
        + "\"{\\\"type\\\":\\\"object\\\",\\\"properties\\\":{"
        + "\\\"name\\\":{\\\"type\\\":\\\"string\\\",\\\"description\\\":\\\"the full name\\\"}");
    assertThat(invoker).contains("\\\"plan\\\":{\\\"type\\\":\\\"string\\\","
        + "\\\"description\\\":\\\"the plan to start with\\\",\\\"enum\\\":[\\\"BASIC\\\",\\\"PRO\\\"]}");
    assertThat(invoker).contains("\\\"required\\\":[\\\"name\\\",\\\"age\\\",\\\"plan\\\",\\\"extras\\\"]}\","
        + " com.acme.studio.Studio.Contact.class)}");
    assertThat(invoker).contains("return com.acme.studio.Studio.signup("
        + "(dev.codexplugin.mcp.Elicitation.Form<com.acme.studio.Studio.Contact>) a[0]);");
    assertThat(invoker).contains("return studioInstance.get().thumbnail();");
  }
}
