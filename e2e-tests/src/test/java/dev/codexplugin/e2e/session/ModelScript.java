package dev.codexplugin.e2e.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the scripted model answers in the main conversation of one session: tool calls in order, then one final
 * text reply that ends the turn.
 *
 * <p>The answer to a request is chosen by how many tool results the request already carries: with none the model
 * makes the first call, with one the second, and so on; once every call has its result it replies with the text.
 * The choice depends only on the request, so a host that retries a request gets the same answer, and two runs of
 * the same session see the same model.
 *
 * <pre>{@code
 * ModelScript.callTool("mcp__release_tools__compare", "{\"a\":\"1.4.0\",\"b\":\"1.10.0\"}")
 *     .thenReply("1.10.0 is the newer version.");
 * }</pre>
 */
public final class ModelScript {
  /** One tool call: the tool's name as the host offers it to the model, and its arguments as a JSON object. */
  public record ToolCall(String tool, String argumentsJson) {
    public ToolCall {
      Objects.requireNonNull(tool, "tool");
      Objects.requireNonNull(argumentsJson, "argumentsJson");
    }
  }

  private final List<ToolCall> calls;
  private final String reply;

  private ModelScript(List<ToolCall> calls, String reply) {
    this.calls = List.copyOf(calls);
    this.reply = reply;
  }

  /** A script that makes no tool call and replies with {@code text} at once. */
  public static ModelScript reply(String text) {
    return new ModelScript(List.of(), Objects.requireNonNull(text, "text"));
  }

  /** Starts a script with a call of {@code tool} with {@code argumentsJson} (a JSON object). */
  public static Builder callTool(String tool, String argumentsJson) {
    return new Builder().callTool(tool, argumentsJson);
  }

  /** Collects the tool calls of a script; {@link #thenReply} ends it. */
  public static final class Builder {
    private final List<ToolCall> calls = new ArrayList<>();

    private Builder() {}

    /** Adds a call of {@code tool} with {@code argumentsJson} (a JSON object) after the previous ones. */
    public Builder callTool(String tool, String argumentsJson) {
      calls.add(new ToolCall(tool, argumentsJson));
      return this;
    }

    /** Ends the script: once every call has its result the model replies with {@code text} and the turn ends. */
    public ModelScript thenReply(String text) {
      return new ModelScript(calls, Objects.requireNonNull(text, "text"));
    }
  }

  /** The tool calls, in order. */
  public List<ToolCall> calls() {
    return calls;
  }

  /** The final text reply. */
  public String reply() {
    return reply;
  }

  /**
   * The call to make when a request carries {@code toolResults} tool results, or {@code null} when every call has
   * its result and the model replies.
   */
  ToolCall next(int toolResults) {
    return toolResults < calls.size() ? calls.get(toolResults) : null;
  }

  @Override
  public String toString() {
    return "ModelScript" + calls + " then reply " + '"' + reply + '"';
  }
}
