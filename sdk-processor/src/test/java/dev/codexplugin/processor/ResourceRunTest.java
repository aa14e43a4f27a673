package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import dev.codexplugin.mcp.McpToolHarness;
import dev.codexplugin.mcp.ToolServerDefinition;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the servers the processor generated for {@link ResourceFixtures#DOCS} through {@link McpToolHarness},
 * the real MCP server on in-memory pipes: {@code resources/list}, {@code resources/templates/list},
 * {@code resources/read} (of a text, a blob and a template), {@code prompts/list}, {@code prompts/get} and
 * {@code completion/complete} reach the annotated methods.
 */
class ResourceRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Compilation docs;

  @BeforeAll
  static void compileTheFixture() {
    docs = compile(ResourceFixtures.DOCS.toArray(new JavaFileObject[0]));
    assertThat(docs).succeededWithoutWarnings();
  }

  private static ToolServerDefinition server(String className) throws Exception {
    return (ToolServerDefinition) new CompiledClasses(docs).get(className).getConstructor().newInstance();
  }

  private static JsonNode request(McpToolHarness harness, String method, String params) throws Exception {
    return JSON.readTree(harness.request(method, params));
  }

  private static JsonNode byName(JsonNode list, String name) {
    for (JsonNode item : list) {
      if (item.path("name").asText().equals(name)) {
        return item;
      }
    }
    throw new AssertionError("no " + name + " in " + list);
  }

  @Test
  void resourcesAreListedAndRead() throws Exception {
    try (McpToolHarness harness = McpToolHarness.open(server("com.acme.docs.DocsKitMcpServer"))) {
      assertThat(harness.listTools()).isEmpty();
      JsonNode list = request(harness, "resources/list", null);
      // The MCP SDK lists them in an order of its own.
      assertThat(byName(list.path("resources"), "readme").toString()).isEqualTo("{\"uri\":\"docs://readme\","
          + "\"name\":\"readme\",\"title\":\"README\",\"description\":\"The project's README\","
          + "\"mimeType\":\"text/markdown\"}");
      assertThat(byName(list.path("resources"), "logo").toString()).isEqualTo("{\"uri\":\"docs://logo\","
          + "\"name\":\"logo\",\"description\":\"The logo.\",\"mimeType\":\"image/png\"}");
      assertThat(list.path("resources").size()).isEqualTo(2);
      JsonNode templates = request(harness, "resources/templates/list", null);
      assertThat(templates.path("resourceTemplates").get(0).path("uriTemplate").asText())
          .isEqualTo("docs://{section}/pages/{page}");

      JsonNode readme = request(harness, "resources/read", "{\"uri\":\"docs://readme\"}").path("contents").get(0);
      assertThat(readme.path("text").asText()).isEqualTo("# Docs (read 1)");
      assertThat(readme.path("mimeType").asText()).isEqualTo("text/markdown");
      // One instance serves every read.
      assertThat(request(harness, "resources/read", "{\"uri\":\"docs://readme\"}").path("contents").get(0)
          .path("text").asText()).isEqualTo("# Docs (read 2)");
      JsonNode logo = request(harness, "resources/read", "{\"uri\":\"docs://logo\"}").path("contents").get(0);
      assertThat(logo.path("blob").asText()).isEqualTo("AQID");

      JsonNode page = request(harness, "resources/read", "{\"uri\":\"docs://guide/pages/7\"}").path("contents")
          .get(0);
      assertThat(page.path("uri").asText()).isEqualTo("docs://guide/pages/7");
      assertThat(page.path("text").asText()).isEqualTo("guide page 7");
    }
  }

  @Test
  void promptsAreListedAndRendered() throws Exception {
    try (McpToolHarness harness = McpToolHarness.open(server("com.acme.docs.DocsKitMcpServer"))) {
      JsonNode prompts = request(harness, "prompts/list", null).path("prompts");
      assertThat(prompts.size()).isEqualTo(2);
      assertThat(byName(prompts, "review").path("arguments").toString()).isEqualTo("[{\"name\":\"diff\","
          + "\"description\":\"the diff to review\",\"required\":true},{\"name\":\"focus\",\"title\":\"Focus\","
          + "\"description\":\"what to look at\",\"required\":false}]");

      JsonNode review = request(harness, "prompts/get", "{\"name\":\"review\",\"arguments\":{\"diff\":\"d1\"}}");
      assertThat(review.path("messages").get(0).path("role").asText()).isEqualTo("user");
      assertThat(review.path("messages").get(0).path("content").path("text").asText()).isEqualTo("Review d1");
      JsonNode focused = request(harness, "prompts/get",
          "{\"name\":\"review\",\"arguments\":{\"diff\":\"d1\",\"focus\":\"style\"}}");
      assertThat(focused.path("messages").get(0).path("content").path("text").asText())
          .isEqualTo("Review d1 for style");

      JsonNode explain = request(harness, "prompts/get", "{\"name\":\"explain\",\"arguments\":{\"page\":\"p\"}}");
      assertThat(explain.path("messages").size()).isEqualTo(2);
      assertThat(explain.path("messages").get(1).path("role").asText()).isEqualTo("assistant");

      // A required argument missing is the runtime's JSON-RPC error, not a call with null.
      assertThrows(McpToolHarness.ProtocolException.class,
          () -> harness.request("prompts/get", "{\"name\":\"review\",\"arguments\":{}}"));
    }
  }

  @Test
  void aPromptArgumentsTitleIsLeftOutUnder2024_11_05() throws Exception {
    try (McpToolHarness harness = McpToolHarness.open(server("com.acme.docs.DocsKitMcpServer"), "2024-11-05")) {
      JsonNode arguments = byName(request(harness, "prompts/list", null).path("prompts"), "review")
          .path("arguments");
      assertThat(arguments.get(1).path("name").asText()).isEqualTo("focus");
      assertThat(arguments.get(1).has("title")).isFalse();
      assertThat(arguments.get(1).path("description").asText()).isEqualTo("what to look at");
    }
  }

  @Test
  void completionsReachTheMethods() throws Exception {
    try (McpToolHarness harness = McpToolHarness.open(server("com.acme.docs.DocsKitMcpServer"))) {
      JsonNode focus = request(harness, "completion/complete", "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"review\"},"
          + "\"argument\":{\"name\":\"focus\",\"value\":\"s\"}}");
      assertThat(focus.path("completion").path("values").toString()).isEqualTo("[\"security\",\"style\",\"speed\"]");
      JsonNode page = request(harness, "completion/complete", "{\"ref\":{\"type\":\"ref/resource\","
          + "\"uri\":\"docs://{section}/pages/{page}\"},\"argument\":{\"name\":\"page\",\"value\":\"x\"},"
          + "\"context\":{\"arguments\":{\"section\":\"guide\"}}}");
      assertThat(page.path("completion").path("values").toString()).isEqualTo("[\"guide-x1\"]");
    }
  }

  @Test
  void aClassWithAToolAndAResourceServesBoth() throws Exception {
    try (McpToolHarness harness = McpToolHarness.open(server("com.acme.notes.NotesKitMcpServer"))) {
      assertThat(harness.call("count", "{}").text()).isEqualTo("1");
      assertThat(request(harness, "resources/read", "{\"uri\":\"notes://all\"}").path("contents").get(0)
          .path("text").asText()).isEqualTo("one note");
    }
  }
}
