package dev.codexplugin.mcp.conformance;

import dev.codexplugin.mcp.CompletionMethod;
import dev.codexplugin.mcp.PromptMethod;
import dev.codexplugin.mcp.ResourceMethod;
import dev.codexplugin.mcp.ToolInstances;
import dev.codexplugin.mcp.ToolMethod;
import java.util.List;
import java.util.function.Supplier;

/**
 * Hand-written as the processor would generate it for {@link ConformanceTools} once it knows context
 * parameters, content results, resources, prompts and completions: context parameters come from
 * {@code args.context()}, never from the input schema.
 */
public final class ConformanceTools_McpTools {
  private static final String NO_ARGUMENTS = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
      + "\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}";

  private ConformanceTools_McpTools() {}

  private static String tool(String name, String description, String inputSchema) {
    return "{\"name\":\"" + name + "\",\"description\":\"" + description + "\",\"inputSchema\":" + inputSchema + "}";
  }

  private static String oneString(String name, String description) {
    return "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\",\"properties\":{\""
        + name + "\":{\"type\":\"string\",\"description\":\"" + description + "\"}},\"required\":[\"" + name
        + "\"],\"additionalProperties\":false}";
  }

  public static List<ToolMethod> tools(Supplier<ConformanceTools> instance) {
    return List.of(
        new ToolMethod("test_simple_text", tool("test_simple_text", "Returns simple text content", NO_ARGUMENTS),
            false, args -> instance.get().simpleText()),
        new ToolMethod("test_image_content", tool("test_image_content", "Returns image content", NO_ARGUMENTS),
            false, args -> instance.get().image()),
        new ToolMethod("test_audio_content", tool("test_audio_content", "Returns audio content", NO_ARGUMENTS),
            false, args -> instance.get().audio()),
        new ToolMethod("test_embedded_resource",
            tool("test_embedded_resource", "Returns an embedded resource", NO_ARGUMENTS),
            false, args -> instance.get().embeddedResource()),
        new ToolMethod("test_multiple_content_types",
            tool("test_multiple_content_types", "Returns mixed content", NO_ARGUMENTS),
            false, args -> instance.get().multipleContentTypes()),
        new ToolMethod("test_tool_with_logging", tool("test_tool_with_logging", "Logs while it runs", NO_ARGUMENTS),
            false, args -> instance.get().withLogging(args.context().log())),
        new ToolMethod("test_tool_with_progress",
            tool("test_tool_with_progress", "Reports progress", NO_ARGUMENTS),
            false, args -> instance.get().withProgress(args.context().progress())),
        new ToolMethod("test_error_handling", tool("test_error_handling", "Always fails", NO_ARGUMENTS),
            false, args -> instance.get().errorHandling()),
        new ToolMethod("test_sampling",
            tool("test_sampling", "Asks the client's model", oneString("prompt", "The prompt to send")),
            false, args -> instance.get().sampling(args.get("prompt", String.class), args.context().sampling())),
        new ToolMethod("test_elicitation",
            tool("test_elicitation", "Asks the user", oneString("message", "The message to show the user")),
            false, args -> instance.get().elicitation(args.get("message", String.class),
                args.context().elicitation())),
        new ToolMethod("test_elicitation_sep1034_defaults",
            tool("test_elicitation_sep1034_defaults", "Elicitation with defaults", NO_ARGUMENTS),
            false, args -> instance.get().elicitationDefaults(args.context().elicitation())),
        new ToolMethod("test_elicitation_sep1330_enums",
            tool("test_elicitation_sep1330_enums", "Elicitation with enums", NO_ARGUMENTS),
            false, args -> instance.get().elicitationEnums(args.context().elicitation())));
  }

  public static List<ResourceMethod> resources(Supplier<ConformanceTools> instance) {
    return List.of(
        new ResourceMethod("test://static-text", false, "{\"uri\":\"test://static-text\",\"name\":\"static-text\","
            + "\"title\":\"Static Text Resource\",\"description\":\"A static text resource\",\"mimeType\":\"text/plain\"}",
            request -> instance.get().staticText()),
        new ResourceMethod("test://static-binary", false, "{\"uri\":\"test://static-binary\","
            + "\"name\":\"static-binary\",\"description\":\"A static binary resource\",\"mimeType\":\"image/png\"}",
            request -> instance.get().staticBinary()),
        new ResourceMethod("test://template/{id}/data", true, "{\"uriTemplate\":\"test://template/{id}/data\","
            + "\"name\":\"template\",\"description\":\"A resource template\",\"mimeType\":\"application/json\"}",
            request -> instance.get().templateData(request.variables().get("id"))),
        new ResourceMethod("test://watched-resource", false, "{\"uri\":\"test://watched-resource\","
            + "\"name\":\"watched-resource\",\"description\":\"A resource to subscribe to\",\"mimeType\":\"text/plain\"}",
            request -> instance.get().watched()));
  }

  public static List<PromptMethod> prompts(Supplier<ConformanceTools> instance) {
    return List.of(
        new PromptMethod("test_simple_prompt", "{\"name\":\"test_simple_prompt\",\"title\":\"Simple Test Prompt\","
            + "\"description\":\"A prompt without arguments\"}", args -> instance.get().simplePrompt()),
        new PromptMethod("test_prompt_with_arguments", "{\"name\":\"test_prompt_with_arguments\","
            + "\"description\":\"A prompt with arguments\",\"arguments\":["
            + "{\"name\":\"arg1\",\"description\":\"First argument\",\"required\":true},"
            + "{\"name\":\"arg2\",\"description\":\"Second argument\",\"required\":true}]}",
            args -> instance.get().promptWithArguments(args.get("arg1"), args.get("arg2"))),
        new PromptMethod("test_prompt_with_embedded_resource", "{\"name\":\"test_prompt_with_embedded_resource\","
            + "\"description\":\"A prompt with an embedded resource\",\"arguments\":["
            + "{\"name\":\"resourceUri\",\"description\":\"URI of the resource to embed\",\"required\":true}]}",
            args -> instance.get().promptWithEmbeddedResource(args.get("resourceUri"))),
        new PromptMethod("test_prompt_with_image", "{\"name\":\"test_prompt_with_image\","
            + "\"description\":\"A prompt with an image\"}", args -> instance.get().promptWithImage()));
  }

  public static List<CompletionMethod> completions(Supplier<ConformanceTools> instance) {
    return List.of(new CompletionMethod(CompletionMethod.Kind.PROMPT, "test_prompt_with_arguments",
        request -> instance.get().completeArg1(request.value())));
  }

  static Supplier<ConformanceTools> instance() {
    return ToolInstances.lazy(ConformanceTools::new);
  }
}
