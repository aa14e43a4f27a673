package dev.codexplugin.mcp.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.mcp.Content;
import dev.codexplugin.mcp.ToolMethod;
import dev.codexplugin.mcp.ToolResult;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * Answers {@code tools/call} for one tool: validate, bind, call, write the result.
 *
 * <ul>
 *   <li>Arguments that do not validate against the input schema, and values that validate but cannot be
 *       bound to the Java type, are reported as the negotiated revision asks: from 2025-11-25 on (SEP-1303) a
 *       result with {@code isError: true} whose text names every problem, so the model can correct its call;
 *       for older revisions a JSON-RPC error {@code -32602} with the same message.
 *   <li>A tool that throws answers with {@code isError: true} and the exception's message (its class's simple
 *       name when the message is {@code null}); the stack trace goes to stderr. An {@link McpError} thrown by
 *       a tool is passed through as a protocol error.
 *   <li>A {@link ToolResult} or {@link Content} is written as it is (content unknown to the negotiated
 *       revision becomes text). A structured tool answers with {@code structuredContent} (a value that is not
 *       a JSON object wrapped as {@code {"result": value}}) and one text content with the same JSON; before
 *       2025-06-18, which has no structured output, with the text alone. Otherwise a {@code String} is the
 *       text, {@code null} (and {@code void}) is no content at all, and anything else is compact JSON text.
 *   <li>The thread running the tool is attached to the call's cancellation; a cancelled call's answer is
 *       dropped by the transport.
 *   <li>A disagreement between the generated invoker and its descriptor is {@code -32603}.
 * </ul>
 */
final class ToolHandler implements BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> {
  private static final System.Logger LOG = System.getLogger("dev.codexplugin.mcp");

  private final ToolMethod method;
  private final ToolSchema schema;
  private final ObjectMapper mapper;
  private final ObjectMapper resultMapper;
  private final ServerState runtime;
  private final ToolCallLog log;

  ToolHandler(ToolMethod method, ToolSchema schema, ObjectMapper mapper, ObjectMapper resultMapper,
      ServerState runtime, ToolCallLog log) {
    this.method = method;
    this.schema = schema;
    this.mapper = mapper;
    this.resultMapper = resultMapper;
    this.runtime = runtime;
    this.log = log;
  }

  /** Answers the call and records it: one log line on stderr and a span (the ops contract, {@link ToolCallLog}). */
  @Override
  public CallToolResult apply(McpSyncServerExchange exchange, CallToolRequest request) {
    ToolCallLog.Call record = log.start(method.name(), request.arguments());
    try {
      return record.end(answer(exchange, request));
    } catch (RuntimeException e) {
      throw record.end(e);
    } catch (Error e) {
      throw record.end(e);
    }
  }

  private CallToolResult answer(McpSyncServerExchange exchange, CallToolRequest request) {
    String version = runtime.sessions().version(exchange.sessionId());
    Map<String, Object> meta = request.meta();
    Object token = meta == null ? null : meta.get(Calls.META_KEY);
    Calls.Call call = runtime.calls().get(token instanceof String t ? t : null);
    Thread thread = Thread.currentThread();
    if (call != null) {
      call.attach(thread);
    }
    try {
      return call(exchange, request, version, meta, call);
    } finally {
      if (call != null) {
        call.detach();
      }
      Thread.interrupted(); // a cancellation must not leak into the next call on this pooled thread
    }
  }

  private CallToolResult call(McpSyncServerExchange exchange, CallToolRequest request, String version,
      Map<String, Object> meta, Calls.Call call) {
    Map<String, Object> given = request.arguments();
    ObjectNode arguments = given == null ? mapper.createObjectNode() : mapper.valueToTree(given);
    schema.dropNullOptionals(arguments);
    List<String> problems = schema.validate(arguments);
    if (!problems.isEmpty()) {
      return invalidArguments(String.join("; ", problems), version);
    }
    RequestContext context = new RequestContext(exchange, meta, method.name(), call, version, mapper,
        runtime.results());
    BoundArguments bound = new BoundArguments(method.name(), arguments, schema, mapper, context);
    Object value;
    try {
      value = method.call().call(bound);
    } catch (ArgumentException e) {
      if (e.source() != bound) {
        return failed(e);
      }
      if (e.kind() == ArgumentException.Kind.INVALID_VALUE) {
        return invalidArguments(e.getMessage(), version);
      }
      LOG.log(Level.ERROR, "MCP tool '" + method.name() + "': generated code and descriptor disagree", e);
      throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(e.getMessage()).build();
    } catch (McpError e) {
      throw e;
    } catch (Throwable t) {
      Throwable cause = unwrap(t);
      if (cause instanceof McpError mcpError) {
        throw mcpError;
      }
      if (cause instanceof VirtualMachineError fatal && !(cause instanceof StackOverflowError)) {
        throw fatal;
      }
      return failed(cause);
    }
    try {
      if (value instanceof ToolResult result) {
        return rich(result, version);
      }
      if (value instanceof Content content) {
        return rich(ToolResult.of(content), version);
      }
      return method.structured() ? structured(value, version) : unstructured(value);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      LOG.log(Level.WARNING, "MCP tool '" + method.name() + "' returned a value that cannot be written as JSON", e);
      return error("the result of tool '" + method.name() + "' cannot be written as JSON: "
          + (e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage()));
    }
  }

  private CallToolResult invalidArguments(String problems, String version) {
    String message = "Invalid arguments for tool '" + method.name() + "': " + problems;
    ToolCallLog.invalidArguments();
    if (Revisions.validationErrorsAreResults(version)) {
      return error(message);
    }
    throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(message).build();
  }

  private CallToolResult rich(ToolResult result, String version) throws JsonProcessingException {
    List<McpSchema.Content> content = new ArrayList<>();
    for (Content item : result.content()) {
      content.add(runtime.results().content(item, version));
    }
    CallToolResult.Builder builder = CallToolResult.builder().content(content).isError(result.isError());
    if (result.structuredContent() != null) {
      JsonNode tree = resultMapper.valueToTree(result.structuredContent());
      builder.structuredContent(tree.isObject() ? tree : resultMapper.createObjectNode().set("result", tree));
    }
    return builder.build();
  }

  private CallToolResult failed(Throwable t) {
    ToolCallLog.failure(t);
    LOG.log(Level.WARNING, "MCP tool '" + method.name() + "' failed", t);
    String message = t.getMessage();
    return error(message == null ? t.getClass().getSimpleName() : message);
  }

  private static CallToolResult error(String text) {
    return CallToolResult.builder().addTextContent(text).isError(true).build();
  }

  private CallToolResult structured(Object value, String version) throws JsonProcessingException {
    JsonNode tree = resultMapper.valueToTree(unwrapOptional(value));
    ObjectNode content;
    if (tree != null && tree.isObject()) {
      content = (ObjectNode) tree;
    } else {
      content = resultMapper.createObjectNode();
      if (tree != null && !tree.isNull()) {
        // An empty Optional or null is left out, as the output schema (where result is then optional) says.
        content.set("result", tree);
      }
    }
    CallToolResult.Builder result = CallToolResult.builder()
        .addTextContent(resultMapper.writeValueAsString(content))
        .isError(false);
    // Always set: the SDK checks it against the output schema; the stdio transport leaves it out for clients
    // of revisions before 2025-06-18 (see Transports).
    result.structuredContent(content);
    return result.build();
  }

  private CallToolResult unstructured(Object value) throws JsonProcessingException {
    Object plain = unwrapOptional(value);
    CallToolResult.Builder result = CallToolResult.builder().isError(false);
    if (plain instanceof String text) {
      result.addTextContent(text);
    } else if (plain != null) {
      result.addTextContent(resultMapper.writeValueAsString(plain));
    }
    return result.build();
  }

  /** An empty {@code Optional} (of any kind) is no value; a present one is its value. */
  private static Object unwrapOptional(Object value) {
    if (value instanceof Optional<?> o) {
      return o.orElse(null);
    }
    if (value instanceof OptionalInt o) {
      return o.isPresent() ? o.getAsInt() : null;
    }
    if (value instanceof OptionalLong o) {
      return o.isPresent() ? o.getAsLong() : null;
    }
    if (value instanceof OptionalDouble o) {
      return o.isPresent() ? o.getAsDouble() : null;
    }
    return value;
  }

  private static Throwable unwrap(Throwable t) {
    Throwable current = t;
    while ((current instanceof InvocationTargetException || current instanceof UndeclaredThrowableException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
