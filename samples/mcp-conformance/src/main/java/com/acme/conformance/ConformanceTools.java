package com.acme.conformance;

import dev.codexplugin.api.McpTool;
import dev.codexplugin.api.Param;
import dev.codexplugin.mcp.Content;
import dev.codexplugin.mcp.Elicitation;
import dev.codexplugin.mcp.McpLog;
import dev.codexplugin.mcp.Progress;
import dev.codexplugin.mcp.ResourceContents;
import dev.codexplugin.mcp.Sampling;
import dev.codexplugin.mcp.ToolResult;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * The tools the conformance suite's server scenarios call, with context parameters ({@link McpLog},
 * {@link Progress}, {@link Sampling}, {@link Elicitation}) and content results. The two SEP-1034/SEP-1330
 * elicitation tools ask with a hand-written requested schema: {@code Elicitation.Form<T>} computes the schema of
 * a record, which cannot carry the defaults, titled enums and {@code enumNames} the scenarios check.
 */
public final class ConformanceTools {
  /** A 1x1 red PNG. */
  static final byte[] PNG = Base64.getDecoder().decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
  /** A minimal WAV (44-byte header, no samples). */
  static final byte[] WAV = Base64.getDecoder().decode(
      "UklGRiQAAABXQVZFZm10IBAAAAABAAEARKwAAIhYAQACABAAZGF0YQAAAAA=");

  @McpTool(name = "test_simple_text", description = "Returns simple text content")
  public String simpleText() {
    return "This is a simple text response for testing.";
  }

  @McpTool(name = "test_image_content", description = "Returns image content")
  public Content image() {
    return Content.image(PNG, "image/png");
  }

  @McpTool(name = "test_audio_content", description = "Returns audio content")
  public Content audio() {
    return Content.audio(WAV, "audio/wav");
  }

  @McpTool(name = "test_embedded_resource", description = "Returns an embedded resource")
  public Content embeddedResource() {
    return Content.resource(ResourceContents.text("test://embedded-resource", "text/plain",
        "This is an embedded resource content."));
  }

  @McpTool(name = "test_multiple_content_types", description = "Returns mixed content")
  public ToolResult multipleContentTypes() {
    return ToolResult.of(Content.text("Multiple content types test:"), Content.image(PNG, "image/png"),
        Content.resource(ResourceContents.text("test://mixed-content-resource", "application/json",
            "{\"test\":\"data\",\"value\":123}")));
  }

  @McpTool(name = "test_tool_with_logging", description = "Logs while it runs")
  public String withLogging(McpLog log) throws InterruptedException {
    log.info("Tool execution started");
    Thread.sleep(50);
    log.info("Tool processing data");
    Thread.sleep(50);
    log.info("Tool execution completed");
    return "Tool with logging executed successfully";
  }

  @McpTool(name = "test_tool_with_progress", description = "Reports progress")
  public String withProgress(Progress progress) throws InterruptedException {
    progress.report(0, 100.0, "Completed step 0 of 100");
    Thread.sleep(50);
    progress.report(50, 100.0, "Completed step 50 of 100");
    Thread.sleep(50);
    progress.report(100, 100.0, "Completed step 100 of 100");
    return "Progress reported";
  }

  @McpTool(name = "test_error_handling", description = "Always fails")
  public String errorHandling() {
    throw new IllegalStateException("This tool intentionally returns an error for testing");
  }

  @McpTool(name = "test_sampling", description = "Asks the client's model")
  public String sampling(@Param(description = "The prompt to send") String prompt, Sampling sampling) {
    return "LLM response: " + sampling.ask(prompt, 100);
  }

  @McpTool(name = "test_elicitation", description = "Asks the user")
  public String elicitation(@Param(description = "The message to show the user") String message,
      Elicitation elicitation) {
    Elicitation.Elicited<Map<String, Object>> answer = elicitation.request(message,
        "{\"type\":\"object\",\"properties\":{\"response\":{\"type\":\"string\",\"description\":\"User's response\"}},"
            + "\"required\":[\"response\"]}");
    return "User response: action=" + answer.action().name().toLowerCase(Locale.ROOT) + ", content="
        + (answer.value() == null ? "{}" : answer.value());
  }

  @McpTool(name = "test_elicitation_sep1034_defaults", description = "Elicitation with defaults")
  public String elicitationDefaults(Elicitation elicitation) {
    Elicitation.Elicited<Map<String, Object>> answer = elicitation.request(
        "Please review and update the form fields with defaults",
        "{\"type\":\"object\",\"properties\":{"
            + "\"name\":{\"type\":\"string\",\"description\":\"User name\",\"default\":\"John Doe\"},"
            + "\"age\":{\"type\":\"integer\",\"description\":\"User age\",\"default\":30},"
            + "\"score\":{\"type\":\"number\",\"description\":\"User score\",\"default\":95.5},"
            + "\"status\":{\"type\":\"string\",\"description\":\"User status\","
            + "\"enum\":[\"active\",\"inactive\",\"pending\"],\"default\":\"active\"},"
            + "\"verified\":{\"type\":\"boolean\",\"description\":\"Verification status\",\"default\":true}},"
            + "\"required\":[]}");
    return "Elicitation completed: action=" + answer.action() + ", content=" + answer.value();
  }

  @McpTool(name = "test_elicitation_sep1330_enums", description = "Elicitation with enums")
  public String elicitationEnums(Elicitation elicitation) {
    Elicitation.Elicited<Map<String, Object>> answer = elicitation.request(
        "Please select options from the enum fields",
        "{\"type\":\"object\",\"properties\":{"
            + "\"untitledSingle\":{\"type\":\"string\",\"description\":\"Select one option\","
            + "\"enum\":[\"option1\",\"option2\",\"option3\"]},"
            + "\"titledSingle\":{\"type\":\"string\",\"description\":\"Select one option with titles\",\"oneOf\":["
            + "{\"const\":\"value1\",\"title\":\"First Option\"},{\"const\":\"value2\",\"title\":\"Second Option\"},"
            + "{\"const\":\"value3\",\"title\":\"Third Option\"}]},"
            + "\"legacyEnum\":{\"type\":\"string\",\"description\":\"Select one option (legacy)\","
            + "\"enum\":[\"opt1\",\"opt2\",\"opt3\"],\"enumNames\":[\"Option One\",\"Option Two\",\"Option Three\"]},"
            + "\"untitledMulti\":{\"type\":\"array\",\"description\":\"Select multiple options\",\"minItems\":1,"
            + "\"maxItems\":3,\"items\":{\"type\":\"string\",\"enum\":[\"option1\",\"option2\",\"option3\"]}},"
            + "\"titledMulti\":{\"type\":\"array\",\"description\":\"Select multiple options with titles\","
            + "\"minItems\":1,\"maxItems\":3,\"items\":{\"anyOf\":["
            + "{\"const\":\"value1\",\"title\":\"First Choice\"},{\"const\":\"value2\",\"title\":\"Second Choice\"},"
            + "{\"const\":\"value3\",\"title\":\"Third Choice\"}]}}},"
            + "\"required\":[]}");
    return "Elicitation completed: action=" + answer.action() + ", content=" + answer.value();
  }
}
