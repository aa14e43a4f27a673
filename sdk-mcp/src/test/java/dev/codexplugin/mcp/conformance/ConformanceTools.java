package dev.codexplugin.mcp.conformance;

import dev.codexplugin.mcp.CompletionMethod;
import dev.codexplugin.mcp.Content;
import dev.codexplugin.mcp.Elicitation;
import dev.codexplugin.mcp.McpLog;
import dev.codexplugin.mcp.Progress;
import dev.codexplugin.mcp.PromptMethod;
import dev.codexplugin.mcp.ResourceContents;
import dev.codexplugin.mcp.Sampling;
import dev.codexplugin.mcp.ToolResult;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The user's class of the conformance server: what the official suite's scenarios ask of a server, written
 * as a team would write it with context parameters and rich results (the annotations are left out: the
 * processor is not run; {@link ConformanceTools_McpTools} is written as it would generate it).
 */
public final class ConformanceTools {
  /** A 1x1 red PNG. */
  static final byte[] PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
  /** A minimal WAV (44-byte header, no samples). */
  static final byte[] WAV = Base64.getDecoder().decode(
      "UklGRiQAAABXQVZFZm10IBAAAAABAAEARKwAAIhYAQACABAAZGF0YQAAAAA=");

  public String simpleText() {
    return "This is a simple text response for testing.";
  }

  public Content image() {
    return Content.image(PNG, "image/png");
  }

  public Content audio() {
    return Content.audio(WAV, "audio/wav");
  }

  public Content embeddedResource() {
    return Content.resource(ResourceContents.text("test://embedded-resource", "text/plain",
        "This is an embedded resource content."));
  }

  public ToolResult multipleContentTypes() {
    return ToolResult.of(Content.text("Multiple content types test:"), Content.image(PNG, "image/png"),
        Content.resource(ResourceContents.text("test://mixed-content-resource", "application/json",
            "{\"test\":\"data\",\"value\":123}")));
  }

  public String withLogging(McpLog log) throws InterruptedException {
    log.info("Tool execution started");
    Thread.sleep(50);
    log.info("Tool processing data");
    Thread.sleep(50);
    log.info("Tool execution completed");
    return "Tool with logging executed successfully";
  }

  public String withProgress(Progress progress) throws InterruptedException {
    progress.report(0, 100.0, "Completed step 0 of 100");
    Thread.sleep(50);
    progress.report(50, 100.0, "Completed step 50 of 100");
    Thread.sleep(50);
    progress.report(100, 100.0, "Completed step 100 of 100");
    return "Progress reported";
  }

  public String errorHandling() {
    throw new IllegalStateException("This tool intentionally returns an error for testing");
  }

  public String sampling(String prompt, Sampling sampling) {
    return "LLM response: " + sampling.ask(prompt, 100);
  }

  public String elicitation(String message, Elicitation elicitation) {
    Elicitation.Elicited<Map<String, Object>> answer = elicitation.request(message,
        "{\"type\":\"object\",\"properties\":{\"response\":{\"type\":\"string\",\"description\":\"User's response\"}},"
            + "\"required\":[\"response\"]}");
    return "User response: action=" + answer.action().name().toLowerCase(java.util.Locale.ROOT) + ", content="
        + (answer.value() == null ? "{}" : answer.value());
  }

  public String elicitationDefaults(Elicitation elicitation) {
    Elicitation.Elicited<Map<String, Object>> answer = elicitation.request(
        "Please review and update the form fields with defaults",
        "{\"type\":\"object\",\"properties\":{"
            + "\"name\":{\"type\":\"string\",\"description\":\"User name\",\"default\":\"John Doe\"},"
            + "\"age\":{\"type\":\"integer\",\"description\":\"User age\",\"default\":30},"
            + "\"score\":{\"type\":\"number\",\"description\":\"User score\",\"default\":95.5},"
            + "\"status\":{\"type\":\"string\",\"description\":\"User status\",\"enum\":[\"active\",\"inactive\",\"pending\"],\"default\":\"active\"},"
            + "\"verified\":{\"type\":\"boolean\",\"description\":\"Verification status\",\"default\":true}},"
            + "\"required\":[]}");
    return "Elicitation completed: action=" + answer.action() + ", content=" + answer.value();
  }

  public String elicitationEnums(Elicitation elicitation) {
    Elicitation.Elicited<Map<String, Object>> answer = elicitation.request(
        "Please select options from the enum fields",
        "{\"type\":\"object\",\"properties\":{"
            + "\"untitledSingle\":{\"type\":\"string\",\"description\":\"Select one option\",\"enum\":[\"option1\",\"option2\",\"option3\"]},"
            + "\"titledSingle\":{\"type\":\"string\",\"description\":\"Select one option with titles\",\"oneOf\":["
            + "{\"const\":\"value1\",\"title\":\"First Option\"},{\"const\":\"value2\",\"title\":\"Second Option\"},{\"const\":\"value3\",\"title\":\"Third Option\"}]},"
            + "\"legacyEnum\":{\"type\":\"string\",\"description\":\"Select one option (legacy)\",\"enum\":[\"opt1\",\"opt2\",\"opt3\"],\"enumNames\":[\"Option One\",\"Option Two\",\"Option Three\"]},"
            + "\"untitledMulti\":{\"type\":\"array\",\"description\":\"Select multiple options\",\"minItems\":1,\"maxItems\":3,\"items\":{\"type\":\"string\",\"enum\":[\"option1\",\"option2\",\"option3\"]}},"
            + "\"titledMulti\":{\"type\":\"array\",\"description\":\"Select multiple options with titles\",\"minItems\":1,\"maxItems\":3,\"items\":{\"anyOf\":["
            + "{\"const\":\"value1\",\"title\":\"First Choice\"},{\"const\":\"value2\",\"title\":\"Second Choice\"},{\"const\":\"value3\",\"title\":\"Third Choice\"}]}}},"
            + "\"required\":[]}");
    return "Elicitation completed: action=" + answer.action() + ", content=" + answer.value();
  }

  // resources

  public String staticText() {
    return "This is the content of the static text resource.";
  }

  public byte[] staticBinary() {
    return PNG;
  }

  public String templateData(String id) {
    return "{\"id\":\"" + id + "\",\"templateTest\":true,\"data\":\"Data for ID: " + id + "\"}";
  }

  public String watched() {
    return "Watched resource content";
  }

  // prompts

  public String simplePrompt() {
    return "This is a simple prompt for testing.";
  }

  public String promptWithArguments(String arg1, String arg2) {
    return "Prompt with arguments: arg1='" + arg1 + "', arg2='" + arg2 + "'";
  }

  public List<PromptMethod.Message> promptWithEmbeddedResource(String resourceUri) {
    return List.of(
        PromptMethod.Message.user(Content.resource(ResourceContents.text(resourceUri, "text/plain",
            "Embedded resource content for testing."))),
        PromptMethod.Message.user("Please process the embedded resource above."));
  }

  public List<PromptMethod.Message> promptWithImage() {
    return List.of(PromptMethod.Message.user(Content.image(PNG, "image/png")),
        PromptMethod.Message.user("Please analyze the image above."));
  }

  // completions

  public CompletionMethod.Suggestions completeArg1(String value) {
    List<String> values = Stream.of("test1", "test2", "testing", "other").filter(v -> v.startsWith(value)).toList();
    return new CompletionMethod.Suggestions(values, values.size(), false);
  }
}
