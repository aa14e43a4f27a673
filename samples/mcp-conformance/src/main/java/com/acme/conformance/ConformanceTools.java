package com.acme.conformance;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.codexplugin.api.McpTool;
import dev.codexplugin.api.Param;
import dev.codexplugin.api.Title;
import dev.codexplugin.mcp.Content;
import dev.codexplugin.mcp.Elicitation;
import dev.codexplugin.mcp.McpLog;
import dev.codexplugin.mcp.Progress;
import dev.codexplugin.mcp.ResourceContents;
import dev.codexplugin.mcp.Sampling;
import dev.codexplugin.mcp.ToolResult;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tools the conformance suite's server scenarios call, with context parameters ({@link McpLog},
 * {@link Progress}, {@link Sampling}, {@link Elicitation}) and content results. The SEP-1034/SEP-1330
 * elicitation tools ask with {@code Elicitation.Form<T>}: the processor computes the requested schema of the
 * record, its defaults ({@code @Param(defaultValue)}), titled enums ({@code @Title}) and the legacy
 * {@code enumNames} ({@code @Param(enumNames = true)}) at compile time.
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

  /** The SEP-1034 form: a default for every primitive type, and for an enum. */
  public record Defaults(
      @Param(description = "User name", defaultValue = "John Doe") String name,
      @Param(description = "User age", defaultValue = "30") int age,
      @Param(description = "User score", defaultValue = "95.5") double score,
      @Param(description = "User status", defaultValue = "active") Status status,
      @Param(description = "Verification status", defaultValue = "true") boolean verified) {}

  /** A user's status, an untitled enum. */
  public enum Status {
    @JsonProperty("active") ACTIVE,
    @JsonProperty("inactive") INACTIVE,
    @JsonProperty("pending") PENDING
  }

  @McpTool(name = "test_elicitation_sep1034_defaults", description = "Elicitation with defaults")
  public String elicitationDefaults(Elicitation.Form<Defaults> form) {
    Elicitation.Elicited<Defaults> answer = form.ask("Please review and update the form fields with defaults");
    return "Elicitation completed: action=" + answer.action() + ", content=" + answer.value();
  }

  /** The SEP-1330 form: the five kinds of enum field. */
  public record Enums(
      @Param(description = "Select one option") Option untitledSingle,
      @Param(description = "Select one option with titles") TitledOption titledSingle,
      @Param(description = "Select one option (legacy)", enumNames = true) LegacyOption legacyEnum,
      @Param(description = "Select multiple options") List<Option> untitledMulti,
      @Param(description = "Select multiple options with titles") List<Choice> titledMulti) {}

  /** Untitled options: {@code enum}. */
  public enum Option {
    @JsonProperty("option1") OPTION1,
    @JsonProperty("option2") OPTION2,
    @JsonProperty("option3") OPTION3
  }

  /** Titled options: {@code oneOf} of {@code const} and {@code title}. */
  public enum TitledOption {
    @Title("First Option") @JsonProperty("value1") VALUE1,
    @Title("Second Option") @JsonProperty("value2") VALUE2,
    @Title("Third Option") @JsonProperty("value3") VALUE3
  }

  /** Titled options written the legacy way, {@code enum} with {@code enumNames} ({@code @Param(enumNames)}). */
  public enum LegacyOption {
    @Title("Option One") @JsonProperty("opt1") OPT1,
    @Title("Option Two") @JsonProperty("opt2") OPT2,
    @Title("Option Three") @JsonProperty("opt3") OPT3
  }

  /** Titled choices of a multi-select: {@code items.anyOf}. */
  public enum Choice {
    @Title("First Choice") @JsonProperty("value1") VALUE1,
    @Title("Second Choice") @JsonProperty("value2") VALUE2,
    @Title("Third Choice") @JsonProperty("value3") VALUE3
  }

  @McpTool(name = "test_elicitation_sep1330_enums", description = "Elicitation with enums")
  public String elicitationEnums(Elicitation.Form<Enums> form) {
    Elicitation.Elicited<Enums> answer = form.ask("Please select options from the enum fields");
    return "Elicitation completed: action=" + answer.action() + ", content=" + answer.value();
  }
}
