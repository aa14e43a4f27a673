package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ProcessorTesting.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import dev.codexplugin.mcp.CompletionMethod;
import dev.codexplugin.mcp.McpToolHarness;
import dev.codexplugin.mcp.PromptMethod;
import dev.codexplugin.mcp.ResourceMethod;
import dev.codexplugin.mcp.ToolServerDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The resource, prompt and completion part of the MCP conformance server ({@code samples/mcp-conformance}'s
 * {@code ConformanceFeatures}), compiled by the processor in this module's tests: the generated server hands the
 * runtime exactly the descriptors of the hand-written server sdk-mcp's tests once had (copied verbatim, as in the
 * sample's {@code ConformanceMcpServerTest}), and reads, completes and gets prompts through them.
 */
class ConformanceFeaturesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The descriptors of the hand-written server's resources, verbatim. */
  private static final List<String> RESOURCES = List.of(
      "{\"uri\":\"test://static-text\",\"name\":\"static-text\",\"title\":\"Static Text Resource\","
          + "\"description\":\"A static text resource\",\"mimeType\":\"text/plain\"}",
      "{\"uri\":\"test://static-binary\",\"name\":\"static-binary\",\"description\":\"A static binary resource\","
          + "\"mimeType\":\"image/png\"}",
      "{\"uriTemplate\":\"test://template/{id}/data\",\"name\":\"template\",\"description\":\"A resource template\","
          + "\"mimeType\":\"application/json\"}",
      "{\"uri\":\"test://watched-resource\",\"name\":\"watched-resource\",\"description\":\"A resource to subscribe"
          + " to\",\"mimeType\":\"text/plain\"}");

  /** The descriptors of the hand-written server's prompts, verbatim. */
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

  private static Compilation conformance() {
    return compile(
        source("com.acme.conformance.package-info", """
            @dev.codexplugin.api.Plugin(name = "conformance", version = "1.0.0", description = "Conformance")
            package com.acme.conformance;
            """),
        source("com.acme.conformance.ConformanceFeatures", """
            package com.acme.conformance;

            import dev.codexplugin.api.*;
            import dev.codexplugin.mcp.*;
            import java.util.List;
            import java.util.stream.Stream;

            public final class ConformanceFeatures {
              static final byte[] PNG = java.util.Base64.getDecoder().decode("iVBORw0KGgo=");

              @McpResource(uri = "test://static-text", name = "static-text", title = "Static Text Resource",
                  description = "A static text resource", mimeType = "text/plain")
              public String staticText() {
                return "This is the content of the static text resource.";
              }

              @McpResource(uri = "test://static-binary", name = "static-binary",
                  description = "A static binary resource", mimeType = "image/png")
              public byte[] staticBinary() {
                return PNG;
              }

              @McpResource(uri = "test://template/{id}/data", name = "template", description = "A resource template",
                  mimeType = "application/json")
              public String templateData(String id) {
                return "{\\"id\\":\\"" + id + "\\",\\"templateTest\\":true,\\"data\\":\\"Data for ID: " + id + "\\"}";
              }

              @McpResource(uri = "test://watched-resource", name = "watched-resource",
                  description = "A resource to subscribe to", mimeType = "text/plain")
              public String watched() {
                return "Watched resource content";
              }

              @McpPrompt(name = "test_simple_prompt", title = "Simple Test Prompt",
                  description = "A prompt without arguments")
              public String simplePrompt() {
                return "This is a simple prompt for testing.";
              }

              @McpPrompt(name = "test_prompt_with_arguments", description = "A prompt with arguments")
              public String promptWithArguments(@Param(description = "First argument") String arg1,
                  @Param(description = "Second argument") String arg2) {
                return "Prompt with arguments: arg1='" + arg1 + "', arg2='" + arg2 + "'";
              }

              @McpPrompt(name = "test_prompt_with_embedded_resource", description = "A prompt with an embedded resource")
              public List<PromptMethod.Message> promptWithEmbeddedResource(
                  @Param(description = "URI of the resource to embed") String resourceUri) {
                return List.of(PromptMethod.Message.user(Content.resource(ResourceContents.text(resourceUri,
                    "text/plain", "Embedded resource content for testing."))),
                    PromptMethod.Message.user("Please process the embedded resource above."));
              }

              @McpPrompt(name = "test_prompt_with_image", description = "A prompt with an image")
              public List<PromptMethod.Message> promptWithImage() {
                return List.of(PromptMethod.Message.user(Content.image(PNG, "image/png")),
                    PromptMethod.Message.user("Please analyze the image above."));
              }

              @McpCompletion(prompt = "test_prompt_with_arguments", argument = "arg1")
              public CompletionMethod.Suggestions completeArg1(String value) {
                List<String> values = Stream.of("test1", "test2", "testing", "other").filter(v -> v.startsWith(value))
                    .toList();
                return new CompletionMethod.Suggestions(values, values.size(), false);
              }
            }
            """));
  }

  @Test
  void theGeneratedServerHandsTheRuntimeTheHandWrittenDescriptors() throws Exception {
    Compilation compilation = conformance();
    assertThat(compilation).succeededWithoutWarnings();
    ToolServerDefinition server = (ToolServerDefinition) new CompiledClasses(compilation)
        .get("com.acme.conformance.ConformanceMcpServer").getConstructor().newInstance();
    assertThat(server.resources().stream().map(ResourceMethod::descriptor).toList())
        .containsExactlyElementsIn(RESOURCES).inOrder();
    assertThat(server.resources().stream().map(ResourceMethod::template).toList())
        .containsExactly(false, false, true, false).inOrder();
    assertThat(server.prompts().stream().map(PromptMethod::descriptor).toList())
        .containsExactlyElementsIn(PROMPTS).inOrder();
    List<CompletionMethod> completions = server.completions();
    assertThat(completions).hasSize(1);
    assertThat(completions.get(0).kind()).isEqualTo(CompletionMethod.Kind.PROMPT);
    assertThat(completions.get(0).name()).isEqualTo("test_prompt_with_arguments");

    try (McpToolHarness harness = McpToolHarness.open(server)) {
      JsonNode data = JSON.readTree(harness.request("resources/read", "{\"uri\":\"test://template/123/data\"}"));
      assertThat(data.path("contents").get(0).path("text").asText())
          .isEqualTo("{\"id\":\"123\",\"templateTest\":true,\"data\":\"Data for ID: 123\"}");
      JsonNode complete = JSON.readTree(harness.request("completion/complete", "{\"ref\":{\"type\":\"ref/prompt\","
          + "\"name\":\"test_prompt_with_arguments\"},\"argument\":{\"name\":\"arg1\",\"value\":\"te\"}}"));
      assertThat(complete.path("completion").toString())
          .isEqualTo("{\"values\":[\"test1\",\"test2\",\"testing\"],\"total\":3,\"hasMore\":false}");
      JsonNode prompt = JSON.readTree(harness.request("prompts/get", "{\"name\":\"test_prompt_with_arguments\","
          + "\"arguments\":{\"arg1\":\"a\",\"arg2\":\"b\"}}"));
      assertThat(prompt.path("messages").get(0).path("content").path("text").asText())
          .isEqualTo("Prompt with arguments: arg1='a', arg2='b'");
    }
  }
}
