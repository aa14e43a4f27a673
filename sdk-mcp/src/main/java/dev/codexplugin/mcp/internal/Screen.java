package dev.codexplugin.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Checks one incoming message before the SDK sees it, on every transport, for what the SDK lets through or
 * answers with Java exception text (each a departure from the 2025-11-25 specification found by probing):
 *
 * <ul>
 *   <li>a batch (a JSON array): {@code -32600}, with a plain message (MCP 2025-06-18 removed batching);
 *   <li>{@code "jsonrpc"} other than {@code "2.0"}, an {@code id} that is neither a string nor an integer (a
 *       fractional id, {@code true}, an object), a {@code method} that is not a string: {@code -32600};
 *   <li>{@code params} that is not an object, {@code tools/call} without a tool name, or with
 *       {@code arguments} that are not an object ({@code [1,2]}): {@code -32602} with a plain message;
 *   <li>a {@code cursor} on a list request: {@code -32602}, since this server hands out no cursors (every list
 *       fits on its first page);
 *   <li>{@code notifications/cancelled}: consumed here and turned into a cancellation of the call.
 * </ul>
 *
 * Every {@code tools/call}, {@code resources/read} and {@code prompts/get} passed on gets a token in its
 * {@code _meta} ({@link Calls#META_KEY}) by which the handler finds its call, for cancellation.
 */
final class Screen {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> LISTS =
      Set.of("tools/list", "resources/list", "resources/templates/list", "prompts/list");
  /**
   * Requests besides {@code tools/call} whose methods may declare a {@code Cancellation}: they get a call token
   * too (when their {@code params} is an object; else the SDK answers them as it would).
   */
  private static final Set<String> CANCELLABLE = Set.of("resources/read", "prompts/get");

  private Screen() {}

  /** What to do with a message. */
  sealed interface Verdict {}

  /**
   * Pass {@code message} (possibly rewritten) on to the SDK; {@code callToken} is set for a request that can be
   * cancelled (tools/call, resources/read, prompts/get).
   */
  record Pass(JsonNode message, boolean rewritten, String callToken) implements Verdict {}

  /** Answer with {@code reply} (a JSON-RPC error) instead; {@code request} when the message had an id. */
  record Reply(ObjectNode reply, boolean request) implements Verdict {}

  /** Cancel the call of {@code token}. */
  record Cancel(String token, String reason) implements Verdict {}

  /** Answer a ping at once, with an empty result. */
  record Ping(JsonNode id) implements Verdict {}

  /**
   * Screens one message.
   *
   * @param scope names the session, for the call tokens
   * @param answerPing whether a ping is answered here (stdio: the SDK holds it until
   *     {@code notifications/initialized}, where the specification asks for a prompt answer)
   */
  static Verdict check(JsonNode message, String scope, boolean answerPing) {
    if (message.isArray()) {
      return invalidRequest(null, "JSON-RPC batches are not supported: MCP (since 2025-06-18) sends one message"
          + " at a time");
    }
    if (!message.isObject()) {
      return invalidRequest(null, "a JSON-RPC message must be a JSON object");
    }
    JsonNode id = message.get("id");
    boolean hasId = id != null && !id.isNull();
    if (hasId && !(id.isTextual() || id.isIntegralNumber())) {
      return invalidRequest(null, "\"id\" must be a string or an integer, not " + kind(id));
    }
    JsonNode version = message.get("jsonrpc");
    if (version == null || !version.isTextual() || !version.textValue().equals("2.0")) {
      return invalidRequest(hasId ? id : null, "\"jsonrpc\" must be \"2.0\", not "
          + (version == null ? "missing" : version.toString()));
    }
    JsonNode method = message.get("method");
    if (method == null) {
      return new Pass(message, false, null); // a response to one of our requests
    }
    if (!method.isTextual()) {
      return invalidRequest(hasId ? id : null, "\"method\" must be a string");
    }
    String name = method.textValue();
    JsonNode params = message.get("params");
    if (params != null && !params.isNull() && !params.isObject()) {
      return invalidParams(hasId ? id : null, "\"params\" of " + name + " must be a JSON object, not " + kind(params));
    }
    if (!hasId) {
      if (name.equals("notifications/cancelled")) {
        JsonNode requestId = params == null ? null : params.get("requestId");
        String key = ProtocolOutput.idKey(requestId);
        JsonNode reason = params == null ? null : params.get("reason");
        return new Cancel(key == null ? null : Calls.token(scope, key),
            reason != null && reason.isTextual() ? reason.textValue() : null);
      }
      return new Pass(message, false, null);
    }
    if (name.equals("ping") && answerPing) {
      return new Ping(id);
    }
    if (LISTS.contains(name) && params != null && params.hasNonNull("cursor")) {
      return invalidParams(id, "unknown cursor " + params.get("cursor") + ": this server hands out no cursors"
          + " (every " + name + " answer is complete); ask again without one");
    }
    if (name.equals("tools/call")) {
      if (params == null || params.isNull()) {
        return invalidParams(id, "tools/call needs \"params\" with the tool's \"name\" and its \"arguments\"");
      }
      JsonNode tool = params.get("name");
      if (tool == null || !tool.isTextual()) {
        return invalidParams(id, "tools/call needs \"name\", the tool's name as a string");
      }
      JsonNode arguments = params.get("arguments");
      if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
        return invalidParams(id, "\"arguments\" of tool '" + tool.textValue() + "' must be a JSON object of"
            + " named arguments, not " + kind(arguments));
      }
      JsonNode meta = params.get("_meta");
      if (meta != null && !meta.isNull() && !meta.isObject()) {
        return invalidParams(id, "\"_meta\" must be a JSON object, not " + kind(meta));
      }
      return withToken(message, scope, id);
    }
    if (CANCELLABLE.contains(name) && params != null && params.isObject()) {
      JsonNode meta = params.get("_meta");
      if (meta == null || meta.isNull() || meta.isObject()) {
        return withToken(message, scope, id);
      }
    }
    return new Pass(message, false, null);
  }

  /** {@code message} with the call token of request {@code id} in its {@code params._meta}. */
  private static Pass withToken(JsonNode message, String scope, JsonNode id) {
    String token = Calls.token(scope, ProtocolOutput.idKey(id));
    ObjectNode rewritten = ((ObjectNode) message).deepCopy();
    ObjectNode newParams = (ObjectNode) rewritten.get("params");
    JsonNode meta = newParams.get("_meta");
    ObjectNode newMeta = meta == null || meta.isNull() ? newParams.putObject("_meta") : (ObjectNode) meta;
    newMeta.put(Calls.META_KEY, token);
    return new Pass(rewritten, true, token);
  }

  /** A JSON-RPC error reply. */
  static ObjectNode error(JsonNode id, int code, String message) {
    ObjectNode reply = NODES.objectNode();
    reply.put("jsonrpc", "2.0");
    if (id != null && (id.isTextual() || id.isIntegralNumber())) {
      reply.set("id", id);
    } else {
      reply.putNull("id");
    }
    ObjectNode error = reply.putObject("error");
    error.put("code", code);
    error.put("message", message);
    return reply;
  }

  /** An empty result for request {@code id}. */
  static ObjectNode emptyResult(JsonNode id) {
    ObjectNode reply = NODES.objectNode();
    reply.put("jsonrpc", "2.0");
    reply.set("id", id);
    reply.putObject("result");
    return reply;
  }

  private static Reply invalidRequest(JsonNode id, String problem) {
    return new Reply(error(id, -32600, "Invalid Request: " + problem), id != null);
  }

  private static Reply invalidParams(JsonNode id, String problem) {
    return new Reply(error(id, -32602, "Invalid params: " + problem), id != null);
  }

  private static String kind(JsonNode node) {
    if (node.isArray()) {
      return "an array";
    }
    if (node.isNumber()) {
      return "the number " + node;
    }
    if (node.isBoolean()) {
      return node.toString();
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isObject()) {
      return "an object";
    }
    return node.toString();
  }
}
