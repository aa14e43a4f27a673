package dev.codexplugin.e2e.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAI Responses API ({@code POST <base_url>/responses} with {@code "stream": true}) as Codex reads it:
 * {@code response.created}, {@code response.output_item.added}, {@code response.output_item.done} with a
 * {@code function_call} or an assistant {@code message}, and {@code response.completed}, whose arrival (with the
 * end of the stream) finishes the model's turn. Events Codex does not need (text deltas, reasoning) are not sent.
 * Source: openai/codex {@code codex-rs/codex-api/src/sse/responses.rs}; checked with Codex 0.169.0 and 0.171.0.
 *
 * <p>Codex offers the tools of an MCP server in a namespace ({@code {"type":"namespace","name":
 * "mcp__release_tools","tools":[{"name":"compare",...}]}}, the server's name with {@code -} turned into
 * {@code _}); a script names such a tool {@code <namespace>__<tool>} ({@code mcp__release_tools__compare}), the
 * name Codex gives its hooks as {@code tool_name}, and the call carries {@code namespace} and {@code name}
 * apart.
 */
final class ResponsesApi {
  private ResponsesApi() {}

  /** The tools of the request: plain functions by name, namespaced ones as {@code <namespace>__<name>}. */
  static List<String> offeredTools(JsonNode body) {
    List<String> names = new ArrayList<>();
    for (JsonNode tool : body.path("tools")) {
      if (tool.path("type").asText().equals("namespace")) {
        for (JsonNode inner : tool.path("tools")) {
          names.add(tool.path("name").asText() + "__" + inner.path("name").asText());
        }
      } else if (tool.hasNonNull("name")) {
        names.add(tool.path("name").asText());
      }
    }
    return names;
  }

  /** The {@code output} of every {@code function_call_output} item of {@code input}, as text. */
  static List<String> toolResults(JsonNode body) {
    List<String> results = new ArrayList<>();
    for (JsonNode item : body.path("input")) {
      if (item.path("type").asText().equals("function_call_output")) {
        JsonNode output = item.path("output");
        if (output.isTextual()) {
          results.add(output.asText());
        } else {
          List<String> parts = new ArrayList<>();
          output.forEach(part -> parts.add(part.path("text").asText()));
          results.add(String.join("\n", parts));
        }
      }
    }
    return results;
  }

  /** Streams a call of {@code call.tool()}, which the request offers; {@code step} makes the ids unique. */
  static void writeToolCall(EventStream out, ObjectMapper json, JsonNode body, ModelScript.ToolCall call, int step)
      throws IOException {
    ObjectNode item = json.createObjectNode();
    item.put("type", "function_call");
    item.put("id", "fc_" + step);
    item.put("call_id", "call_" + step);
    String namespace = namespaceOf(body, call.tool());
    if (namespace == null) {
      item.put("name", call.tool());
    } else {
      item.put("namespace", namespace);
      item.put("name", call.tool().substring(namespace.length() + 2));
    }
    item.put("arguments", call.argumentsJson());
    writeResponse(out, json, "resp_" + step, item);
  }

  /** Streams an assistant message with {@code text}, which ends the turn. */
  static void writeReply(EventStream out, ObjectMapper json, String text, String id) throws IOException {
    ObjectNode item = json.createObjectNode();
    item.put("type", "message");
    item.put("id", "msg_" + id);
    item.put("role", "assistant");
    item.putArray("content").addObject().put("type", "output_text").put("text", text);
    writeResponse(out, json, "resp_" + id, item);
  }

  private static void writeResponse(EventStream out, ObjectMapper json, String id, ObjectNode item)
      throws IOException {
    ObjectNode created = json.createObjectNode().put("type", "response.created");
    created.putObject("response").put("id", id);
    out.event("response.created", created);
    for (String kind : List.of("response.output_item.added", "response.output_item.done")) {
      ObjectNode event = json.createObjectNode().put("type", kind).put("output_index", 0);
      event.set("item", item);
      out.event(kind, event);
    }
    ObjectNode completed = json.createObjectNode().put("type", "response.completed");
    ObjectNode response = completed.putObject("response").put("id", id);
    response.putObject("usage").put("input_tokens", 1).put("output_tokens", 1).put("total_tokens", 2);
    out.event("response.completed", completed);
  }

  private static String namespaceOf(JsonNode body, String tool) {
    for (JsonNode offered : body.path("tools")) {
      String prefix = offered.path("name").asText() + "__";
      if (offered.path("type").asText().equals("namespace") && tool.startsWith(prefix)) {
        for (JsonNode inner : offered.path("tools")) {
          if (tool.equals(prefix + inner.path("name").asText())) {
            return offered.path("name").asText();
          }
        }
      }
    }
    return null;
  }
}
