package dev.codexplugin.mcp.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.mcp.ToolMethod;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
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
 *       bound to the Java type, are a JSON-RPC error {@code -32602} whose message names every problem.
 *   <li>A tool that throws answers with {@code isError: true} and the exception's message (its class's simple
 *       name when the message is {@code null}); the stack trace goes to stderr. An {@link McpError} thrown by
 *       a tool is passed through as a protocol error.
 *   <li>A structured tool answers with {@code structuredContent} (a value that is not a JSON object wrapped
 *       as {@code {"result": value}}) and one text content with the same JSON. Otherwise a {@code String} is
 *       the text, {@code null} (and {@code void}) is no content at all, and anything else is compact JSON
 *       text.
 *   <li>A disagreement between the generated invoker and its descriptor is {@code -32603}.
 * </ul>
 */
final class ToolHandler implements BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> {
  private static final System.Logger LOG = System.getLogger("dev.codexplugin.mcp");

  private final ToolMethod method;
  private final ToolSchema schema;
  private final ObjectMapper mapper;
  private final ObjectMapper resultMapper;
  private final ToolCallLog log;

  ToolHandler(ToolMethod method, ToolSchema schema, ObjectMapper mapper, ObjectMapper resultMapper,
      ToolCallLog log) {
    this.method = method;
    this.schema = schema;
    this.mapper = mapper;
    this.resultMapper = resultMapper;
    this.log = log;
  }

  /** Answers the call and records it: one log line on stderr and a span (the ops contract, {@link ToolCallLog}). */
  @Override
  public CallToolResult apply(McpSyncServerExchange exchange, CallToolRequest request) {
    ToolCallLog.Call call = log.start(method.name(), request.arguments());
    try {
      return call.end(answer(exchange, request));
    } catch (RuntimeException e) {
      throw call.end(e);
    } catch (Error e) {
      throw call.end(e);
    }
  }

  private CallToolResult answer(McpSyncServerExchange exchange, CallToolRequest request) {
    Map<String, Object> given = request.arguments();
    ObjectNode arguments = given == null ? mapper.createObjectNode() : mapper.valueToTree(given);
    schema.dropNullOptionals(arguments);
    List<String> problems = schema.validate(arguments);
    if (!problems.isEmpty()) {
      throw invalidParams(String.join("; ", problems));
    }
    BoundArguments bound = new BoundArguments(method.name(), arguments, schema, mapper);
    Object value;
    try {
      value = method.call().call(bound);
    } catch (ArgumentException e) {
      if (e.source() != bound) {
        return failed(e);
      }
      if (e.kind() == ArgumentException.Kind.INVALID_VALUE) {
        throw invalidParams(e.getMessage());
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
      return method.structured() ? structured(value) : unstructured(value);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      LOG.log(Level.WARNING, "MCP tool '" + method.name() + "' returned a value that cannot be written as JSON", e);
      return error("the result of tool '" + method.name() + "' cannot be written as JSON: "
          + (e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage()));
    }
  }

  private McpError invalidParams(String problems) {
    return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
        .message("Invalid arguments for tool '" + method.name() + "': " + problems)
        .build();
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

  private CallToolResult structured(Object value) throws JsonProcessingException {
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
    return CallToolResult.builder()
        .addTextContent(resultMapper.writeValueAsString(content))
        .structuredContent(content)
        .isError(false)
        .build();
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
