package dev.codexplugin.e2e.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request that a host sent to the {@link ScriptedModelServer}, as it arrived, with what the server made
 * of it.
 *
 * @param method the HTTP method
 * @param path the path and query, e.g. {@code /v1/responses} or {@code /v1/messages?beta=true}
 * @param headers the headers, names in lower case
 * @param body the JSON body, or a missing node when there was none
 * @param api which model API the path belongs to
 * @param main whether the request belongs to the main conversation (it offers the model tools); the others are
 *     the hosts' side requests (titles, summaries, token counts), answered harmlessly
 * @param offeredTools the names of the tools offered to the model, as a script names them
 * @param toolResults the text of every tool result the request carries, in conversation order
 * @param answer what the server answered, e.g. {@code call mcp__release_tools__compare} or {@code reply}
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, JsonNode body,
    Api api, boolean main, List<String> offeredTools, List<String> toolResults, String answer) {

  /** The model APIs the server speaks. */
  public enum Api {
    /** OpenAI Responses API ({@code POST /v1/responses}, server-sent events): Codex. */
    RESPONSES,
    /** Anthropic Messages API ({@code POST /v1/messages}, server-sent events): Claude Code. */
    MESSAGES,
    /** Anything else (answered 404 or with a fixed answer, and recorded). */
    OTHER
  }

  /** The first value of header {@code name} (any case), or {@code null}. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * Every string in the body (system prompt, instructions, messages, tool descriptions, tool results), one per
   * line, for assertions such as {@code contains("release-tools:release-checklist")} that must not depend on where
   * a host puts a text.
   */
  public String text() {
    List<String> strings = new ArrayList<>();
    collect(body, strings);
    return String.join("\n", strings);
  }

  private static void collect(JsonNode node, List<String> into) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      into.add(node.asText());
    }
    node.forEach(child -> collect(child, into));
  }

  @Override
  public String toString() {
    return method + " " + path + (main ? " (main)" : "") + " tools=" + offeredTools.size() + " results="
        + toolResults.size() + " -> " + answer;
  }
}
