package com.acme.conformance;

import static com.google.common.truth.Truth.assertThat;

import dev.codexplugin.mcp.CompletionMethod;
import dev.codexplugin.mcp.McpToolHarness;
import dev.codexplugin.mcp.PromptMethod;
import dev.codexplugin.mcp.ResourceMethod;
import dev.codexplugin.mcp.ToolMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated server hands the runtime exactly these descriptors: those of the hand-written conformance server
 * that sdk-mcp's tests used before this sample replaced it, kept here verbatim, so the suite's verdicts recorded
 * for that server hold for this one; ConformanceIT (profile e2e) runs the suite against it.
 */
class ConformanceMcpServerTest {
  private static final String NO_ARGUMENTS = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
      + "\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}";

  private static String tool(String name, String description, String inputSchema) {
    return "{\"name\":\"" + name + "\",\"description\":\"" + description + "\",\"inputSchema\":" + inputSchema + "}";
  }

  private static String oneString(String name, String description) {
    return "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\",\"properties\":{\""
        + name + "\":{\"type\":\"string\",\"description\":\"" + description + "\"}},\"required\":[\"" + name
        + "\"],\"additionalProperties\":false}";
  }

  private static final List<String> TOOLS = List.of(
      tool("test_simple_text", "Returns simple text content", NO_ARGUMENTS),
      tool("test_image_content", "Returns image content", NO_ARGUMENTS),
      tool("test_audio_content", "Returns audio content", NO_ARGUMENTS),
      tool("test_embedded_resource", "Returns an embedded resource", NO_ARGUMENTS),
      tool("test_multiple_content_types", "Returns mixed content", NO_ARGUMENTS),
      tool("test_tool_with_logging", "Logs while it runs", NO_ARGUMENTS),
      tool("test_tool_with_progress", "Reports progress", NO_ARGUMENTS),
      tool("test_error_handling", "Always fails", NO_ARGUMENTS),
      tool("test_sampling", "Asks the client's model", oneString("prompt", "The prompt to send")),
      tool("test_elicitation", "Asks the user", oneString("message", "The message to show the user")),
      tool("test_elicitation_sep1034_defaults", "Elicitation with defaults", NO_ARGUMENTS),
      tool("test_elicitation_sep1330_enums", "Elicitation with enums", NO_ARGUMENTS));

  private static final List<String> RESOURCES = List.of(
      "{\"uri\":\"test://static-text\",\"name\":\"static-text\",\"title\":\"Static Text Resource\","
          + "\"description\":\"A static text resource\",\"mimeType\":\"text/plain\"}",
      "{\"uri\":\"test://static-binary\",\"name\":\"static-binary\",\"description\":\"A static binary resource\","
          + "\"mimeType\":\"image/png\"}",
      "{\"uriTemplate\":\"test://template/{id}/data\",\"name\":\"template\",\"description\":\"A resource template\","
          + "\"mimeType\":\"application/json\"}",
      "{\"uri\":\"test://watched-resource\",\"name\":\"watched-resource\",\"description\":\"A resource to subscribe"
          + " to\",\"mimeType\":\"text/plain\"}");

  private static final List<String> PROMPTS = List.of(
      "{\"name\":\"test_simple_prompt\",\"title\":\"Simple Test Prompt\",\"description\":\"A prompt without"
          + " arguments\"}",
      "{\"name\":\"test_prompt_with_arguments\",\"description\":\"A prompt with arguments\",\"arguments\":["
          + "{\"name\":\"arg1\",\"description\":\"First argument\",\"required\":true},"
          + "{\"name\":\"arg2\",\"description\":\"Second argument\",\"required\":true}]}",
      "{\"name\":\"test_prompt_with_embedded_resource\",\"description\":\"A prompt with an embedded resource\","
          + "\"arguments\":[{\"name\":\"resourceUri\",\"description\":\"URI of the resource to embed\","
          + "\"required\":true}]}",
      "{\"name\":\"test_prompt_with_image\",\"description\":\"A prompt with an image\"}");

  @Test
  void theGeneratedServerHasTheHandWrittenDescriptors() {
    ConformanceMcpServer server = new ConformanceMcpServer();
    assertThat(server.serverName()).isEqualTo("conformance");
    assertThat(server.tools().stream().map(ToolMethod::descriptor).toList())
        .containsExactlyElementsIn(TOOLS).inOrder();
    assertThat(server.resources().stream().map(ResourceMethod::descriptor).toList())
        .containsExactlyElementsIn(RESOURCES).inOrder();
    assertThat(server.resources().stream().map(ResourceMethod::template).toList())
        .containsExactly(false, false, true, false).inOrder();
    assertThat(server.prompts().stream().map(PromptMethod::descriptor).toList())
        .containsExactlyElementsIn(PROMPTS).inOrder();
    assertThat(server.completions().stream().map(c -> c.kind() + " " + c.name()).toList())
        .containsExactly(CompletionMethod.Kind.PROMPT + " test_prompt_with_arguments");
  }

  @Test
  void contextParametersAndContentResultsWorkInProcess() {
    try (McpToolHarness harness = McpToolHarness.open(new ConformanceMcpServer())) {
      assertThat(harness.call("test_simple_text", "{}").text()).isEqualTo("This is a simple text response for testing.");
      assertThat(harness.call("test_tool_with_progress", "{}").text()).isEqualTo("Progress reported");
      assertThat(harness.call("test_error_handling", "{}").isError()).isTrue();
      assertThat(harness.request("completion/complete", "{\"ref\":{\"type\":\"ref/prompt\","
          + "\"name\":\"test_prompt_with_arguments\"},\"argument\":{\"name\":\"arg1\",\"value\":\"te\"}}"))
          .contains("\"values\":[\"test1\",\"test2\",\"testing\"]");
    }
  }
}
