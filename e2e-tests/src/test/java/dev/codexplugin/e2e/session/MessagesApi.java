package dev.codexplugin.e2e.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Anthropic Messages API ({@code POST /v1/messages} with {@code "stream": true}) as Claude Code reads it:
 * {@code message_start}, one content block ({@code content_block_start}, {@code content_block_delta} with an
 * {@code input_json_delta} for a {@code tool_use} or a {@code text_delta} for text, {@code content_block_stop}),
 * {@code message_delta} with {@code stop_reason} {@code tool_use} or {@code end_turn}, and {@code message_stop}.
 * Checked with Claude Code 2.1.328 and 2.1.332. A request without {@code "stream": true} gets the same message as
 * one JSON object.
 *
 * <p>Claude Code names the tools of a plugin's MCP server {@code mcp__plugin_<plugin>_<server>__<tool>}.
 */
final class MessagesApi {
  private MessagesApi() {}

  /** The names of the request's tools. */
  static List<String> offeredTools(JsonNode body) {
    List<String> names = new ArrayList<>();
    body.path("tools").forEach(tool -> names.add(tool.path("name").asText()));
    return names;
  }

  /** The content of every {@code tool_result} block of the conversation, as text. */
  static List<String> toolResults(JsonNode body) {
    List<String> results = new ArrayList<>();
    for (JsonNode message : body.path("messages")) {
      for (JsonNode block : message.path("content")) {
        if (block.path("type").asText().equals("tool_result")) {
          JsonNode content = block.path("content");
          if (content.isTextual()) {
            results.add(content.asText());
          } else {
            List<String> parts = new ArrayList<>();
            content.forEach(part -> parts.add(part.path("text").asText()));
            results.add(String.join("\n", parts));
          }
        }
      }
    }
    return results;
  }

  /** Streams (or returns) a {@code tool_use} of {@code call}; {@code step} makes the ids unique. */
  static void writeToolCall(EventStream out, ObjectMapper json, JsonNode body, ModelScript.ToolCall call,
      int step) throws IOException {
    ObjectNode block = json.createObjectNode().put("type", "tool_use").put("id", "toolu_" + step)
        .put("name", call.tool());
    block.putObject("input");
    ObjectNode delta = json.createObjectNode().put("type", "input_json_delta")
        .put("partial_json", call.argumentsJson());
    writeMessage(out, json, body, "msg_" + step, block, delta, "tool_use");
  }

  /** Streams a text reply that ends the turn. */
  static void writeReply(EventStream out, ObjectMapper json, JsonNode body, String text, String id)
      throws IOException {
    ObjectNode block = json.createObjectNode().put("type", "text").put("text", "");
    ObjectNode delta = json.createObjectNode().put("type", "text_delta").put("text", text);
    writeMessage(out, json, body, "msg_" + id, block, delta, "end_turn");
  }

  /** The whole message of a request without {@code "stream": true}: a text reply. */
  static ObjectNode replyMessage(ObjectMapper json, JsonNode body, String text, String id) {
    ObjectNode message = message(json, body, "msg_" + id);
    message.putArray("content").addObject().put("type", "text").put("text", text);
    message.put("stop_reason", "end_turn");
    return message;
  }

  private static void writeMessage(EventStream out, ObjectMapper json, JsonNode body, String id, ObjectNode block,
      ObjectNode delta, String stopReason) throws IOException {
    ObjectNode start = json.createObjectNode().put("type", "message_start");
    ObjectNode message = message(json, body, id);
    message.putArray("content");
    message.putNull("stop_reason");
    start.set("message", message);
    out.event("message_start", start);
    ObjectNode blockStart = json.createObjectNode().put("type", "content_block_start").put("index", 0);
    blockStart.set("content_block", block);
    out.event("content_block_start", blockStart);
    ObjectNode blockDelta = json.createObjectNode().put("type", "content_block_delta").put("index", 0);
    blockDelta.set("delta", delta);
    out.event("content_block_delta", blockDelta);
    out.event("content_block_stop", json.createObjectNode().put("type", "content_block_stop").put("index", 0));
    ObjectNode messageDelta = json.createObjectNode().put("type", "message_delta");
    messageDelta.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
    messageDelta.putObject("usage").put("output_tokens", 1);
    out.event("message_delta", messageDelta);
    out.event("message_stop", json.createObjectNode().put("type", "message_stop"));
  }

  private static ObjectNode message(ObjectMapper json, JsonNode body, String id) {
    ObjectNode message = json.createObjectNode().put("id", id).put("type", "message").put("role", "assistant")
        .put("model", body.path("model").asText("scripted"));
    message.putNull("stop_sequence");
    message.putObject("usage").put("input_tokens", 1).put("output_tokens", 1);
    return message;
  }
}
