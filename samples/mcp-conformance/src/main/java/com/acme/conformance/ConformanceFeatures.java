package com.acme.conformance;

import dev.codexplugin.api.McpCompletion;
import dev.codexplugin.api.McpPrompt;
import dev.codexplugin.api.McpResource;
import dev.codexplugin.api.Param;
import dev.codexplugin.mcp.CompletionMethod;
import dev.codexplugin.mcp.Content;
import dev.codexplugin.mcp.PromptMethod;
import dev.codexplugin.mcp.ResourceContents;
import java.util.List;
import java.util.stream.Stream;

/** The resources, the resource template, the prompts and the completion the conformance suite reads. */
public final class ConformanceFeatures {
  @McpResource(uri = "test://static-text", name = "static-text", title = "Static Text Resource",
      description = "A static text resource", mimeType = "text/plain")
  public String staticText() {
    return "This is the content of the static text resource.";
  }

  @McpResource(uri = "test://static-binary", name = "static-binary", description = "A static binary resource",
      mimeType = "image/png")
  public byte[] staticBinary() {
    return ConformanceTools.PNG;
  }

  @McpResource(uri = "test://template/{id}/data", name = "template", description = "A resource template",
      mimeType = "application/json")
  public String templateData(String id) {
    return "{\"id\":\"" + id + "\",\"templateTest\":true,\"data\":\"Data for ID: " + id + "\"}";
  }

  @McpResource(uri = "test://watched-resource", name = "watched-resource",
      description = "A resource to subscribe to", mimeType = "text/plain")
  public String watched() {
    return "Watched resource content";
  }

  @McpPrompt(name = "test_simple_prompt", title = "Simple Test Prompt", description = "A prompt without arguments")
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
    return List.of(
        PromptMethod.Message.user(Content.resource(ResourceContents.text(resourceUri, "text/plain",
            "Embedded resource content for testing."))),
        PromptMethod.Message.user("Please process the embedded resource above."));
  }

  @McpPrompt(name = "test_prompt_with_image", description = "A prompt with an image")
  public List<PromptMethod.Message> promptWithImage() {
    return List.of(PromptMethod.Message.user(Content.image(ConformanceTools.PNG, "image/png")),
        PromptMethod.Message.user("Please analyze the image above."));
  }

  @McpCompletion(prompt = "test_prompt_with_arguments", argument = "arg1")
  public CompletionMethod.Suggestions completeArg1(String value) {
    List<String> values = Stream.of("test1", "test2", "testing", "other").filter(v -> v.startsWith(value)).toList();
    return new CompletionMethod.Suggestions(values, values.size(), false);
  }
}
