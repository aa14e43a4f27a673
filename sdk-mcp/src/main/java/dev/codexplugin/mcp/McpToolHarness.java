package dev.codexplugin.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.mcp.internal.Json;
import dev.codexplugin.mcp.internal.Pipe;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * Calls a plugin's MCP tools in-process, through the same JSON path a real client uses: a real MCP server
 * ({@link McpToolServer#start}) over in-memory pipes, spoken to with JSON-RPC ({@code initialize},
 * {@code tools/list}, {@code tools/call}). Arguments go through schema validation and Jackson binding, results
 * through the same JSON writing, exactly as when Codex runs the tool; no subprocess is started.
 *
 * <p>One call:
 *
 * <pre>{@code
 * McpToolHarness.Result result =
 *     McpToolHarness.call(new ReleaseToolsMcpServer(), "compare", "{\"a\":\"1.0.0\",\"b\":\"2.0.0\"}");
 * assertThat(result.isError()).isFalse();
 * assertThat(result.text()).isEqualTo("-1");
 * }</pre>
 *
 * <p>Many calls on one server:
 *
 * <pre>{@code
 * try (McpToolHarness tools = McpToolHarness.open(new ReleaseToolsMcpServer())) {
 *   assertThat(tools.call("compare", "{\"a\":\"1.0.0\",\"b\":\"1.0.0\"}").text()).isEqualTo("0");
 *   McpToolHarness.ProtocolException e = assertThrows(McpToolHarness.ProtocolException.class,
 *       () -> tools.call("compare", "{\"a\":1}"));
 *   assertThat(e.code()).isEqualTo(-32602);   // "Invalid arguments for tool 'compare': /a: integer found, ..."
 * }
 * }</pre>
 *
 * <p>What a tool prints to {@code System.out} stays on the test's {@code System.out}: the protocol runs on
 * the in-memory pipes. Calls are sequential; each waits at most {@link #TIMEOUT} for its answer.
 */
public final class McpToolHarness implements AutoCloseable {
  /** The longest a request waits for its answer, as the TypeScript MCP client's default. */
  public static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static final String PROTOCOL_VERSION = "2025-11-25";

  private final McpToolServer.Running server;
  private final OutputStream toServer;
  private final Pipe fromServer;
  private final ObjectMapper mapper = Json.newMapper();
  private long nextId = 1;
  private boolean closed;
  private List<String> tools = List.of();

  private McpToolHarness(McpToolServer.Running server, OutputStream toServer, Pipe fromServer) {
    this.server = server;
    this.toServer = toServer;
    this.fromServer = fromServer;
  }

  /**
   * Starts {@code definition} on in-memory pipes and opens a session with it as an MCP client does:
   * {@code initialize}, {@code notifications/initialized}, {@code tools/list}.
   *
   * @param definition the tools to serve, e.g. the generated {@code <Plugin>McpServer}
   * @return an open harness; close it (try-with-resources)
   * @throws IllegalArgumentException when the definition is invalid (see {@link McpToolServer#start})
   */
  public static McpToolHarness open(ToolServerDefinition definition) {
    return open(definition, PROTOCOL_VERSION);
  }

  /**
   * {@link #open(ToolServerDefinition)} negotiating {@code protocolVersion}, to test what a client of an
   * older revision sees (for example {@code 2025-06-18}, where invalid arguments are a {@code -32602} error
   * rather than a result with {@code isError}).
   *
   * @param protocolVersion one of {@code 2024-11-05}, {@code 2025-03-26}, {@code 2025-06-18},
   *     {@code 2025-11-25}
   */
  public static McpToolHarness open(ToolServerDefinition definition, String protocolVersion) {
    Objects.requireNonNull(protocolVersion, "protocolVersion");
    Pipe toServer = new Pipe();
    Pipe fromServer = new Pipe();
    McpToolServer.Running server = McpToolServer.start(definition, toServer.source(), fromServer.sink());
    McpToolHarness harness = new McpToolHarness(server, toServer.sink(), fromServer);
    try {
      ObjectNode params = harness.mapper.createObjectNode();
      params.put("protocolVersion", protocolVersion);
      params.putObject("capabilities");
      params.putObject("clientInfo").put("name", "codexplugin-mcp-harness").put("version", "1");
      harness.request("initialize", params);
      ObjectNode initialized = harness.mapper.createObjectNode();
      initialized.put("jsonrpc", "2.0");
      initialized.put("method", "notifications/initialized");
      harness.send(initialized);
      harness.tools = harness.fetchTools();
    } catch (RuntimeException e) {
      harness.close();
      throw e;
    }
    return harness;
  }

  /**
   * Opens a harness on {@code definition}, calls one tool and closes it.
   *
   * @param definition the tools to serve, e.g. the generated {@code <Plugin>McpServer}
   * @param tool the tool name
   * @param argumentsJson the arguments as a JSON object; {@code null} sends none
   * @return the result
   * @throws ProtocolException when the server answers with a JSON-RPC error (see {@link #call(String, String)})
   */
  public static Result call(ToolServerDefinition definition, String tool, String argumentsJson) {
    try (McpToolHarness harness = open(definition)) {
      return harness.call(tool, argumentsJson);
    }
  }

  /**
   * Calls {@code tool} with {@code argumentsJson} ({@code tools/call}).
   *
   * @param tool the tool name
   * @param argumentsJson the arguments as a JSON object, e.g. {@code {"a":"1.0.0"}}; {@code null} sends none
   * @return the result: a tool that threw, and (from protocol 2025-11-25 on) invalid arguments, are a result
   *     with {@link Result#isError()}
   * @throws ProtocolException when the server answers with a JSON-RPC error: invalid arguments before
   *     2025-11-25 ({@code -32602}), an unknown tool ({@code -32602}), an {@code McpError} thrown by the tool
   * @throws IllegalArgumentException when {@code argumentsJson} is not a JSON object
   */
  public synchronized Result call(String tool, String argumentsJson) {
    Objects.requireNonNull(tool, "tool");
    ObjectNode params = mapper.createObjectNode();
    params.put("name", tool);
    if (argumentsJson != null) {
      JsonNode arguments;
      try {
        arguments = Json.strictTreeReader(mapper).readTree(argumentsJson);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("argumentsJson is not JSON: " + e.getOriginalMessage(), e);
      }
      if (arguments == null || !arguments.isObject()) {
        throw new IllegalArgumentException("argumentsJson must be a JSON object; found " + argumentsJson);
      }
      params.set("arguments", arguments);
    }
    JsonNode result = request("tools/call", params);
    StringBuilder text = new StringBuilder();
    for (JsonNode content : result.path("content")) {
      if ("text".equals(content.path("type").asText())) {
        if (text.length() > 0) {
          text.append('\n');
        }
        text.append(content.path("text").asText());
      }
    }
    JsonNode structured = result.get("structuredContent");
    return new Result(result.path("isError").asBoolean(false), text.toString(),
        structured == null || structured.isNull() ? null : write(structured));
  }

  /**
   * Every tool's descriptor as {@code tools/list} returned it when the harness was opened, one compact JSON
   * object each, in order.
   *
   * @return the descriptors, unmodifiable
   */
  public synchronized List<String> listTools() {
    return tools;
  }

  private List<String> fetchTools() {
    JsonNode result = request("tools/list", mapper.createObjectNode());
    List<String> tools = new ArrayList<>();
    for (JsonNode tool : result.path("tools")) {
      tools.add(write(tool));
    }
    return List.copyOf(tools);
  }

  /** Ends the session (as a client closing stdin does) and stops the server. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      toServer.close();
    } catch (IOException e) {
      // an in-memory pipe does not fail to close
    }
    server.close();
  }

  /**
   * Sends any request of the session, e.g. {@code resources/read} or {@code prompts/get}, and returns its
   * result.
   *
   * @param method the JSON-RPC method
   * @param paramsJson its params as a JSON object; {@code null} sends {@code {}}
   * @return the result, one compact JSON object
   * @throws ProtocolException when the server answers with a JSON-RPC error
   * @throws IllegalArgumentException when {@code paramsJson} is not a JSON object
   */
  public synchronized String request(String method, String paramsJson) {
    Objects.requireNonNull(method, "method");
    JsonNode params;
    try {
      params = paramsJson == null ? mapper.createObjectNode() : Json.strictTreeReader(mapper).readTree(paramsJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("paramsJson is not JSON: " + e.getOriginalMessage(), e);
    }
    if (params == null || !params.isObject()) {
      throw new IllegalArgumentException("paramsJson must be a JSON object; found " + paramsJson);
    }
    return write(request(method, (ObjectNode) params));
  }

  private JsonNode request(String method, ObjectNode params) {
    if (closed) {
      throw new IllegalStateException("the harness is closed");
    }
    long id = nextId++;
    ObjectNode request = mapper.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", id);
    request.put("method", method);
    request.set("params", params);
    send(request);
    while (true) {
      String line;
      try {
        line = fromServer.readLine(TIMEOUT);
      } catch (TimeoutException e) {
        throw new IllegalStateException("no answer to " + method + " within " + TIMEOUT.toSeconds() + " s", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the answer to " + method, e);
      }
      if (line == null) {
        throw new IllegalStateException("the server ended the session before answering " + method);
      }
      JsonNode message;
      try {
        message = mapper.readTree(line);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("the server wrote a line that is not JSON: " + line, e);
      }
      JsonNode messageId = message.get("id");
      if (message.has("method") || messageId == null || !messageId.isIntegralNumber()
          || messageId.longValue() != id) {
        continue; // a notification or a request of the server's: not ours to answer here
      }
      JsonNode error = message.get("error");
      if (error != null) {
        JsonNode data = error.get("data");
        throw new ProtocolException(error.path("code").asInt(), error.path("message").asText(),
            data == null || data.isNull() ? null : data.isTextual() ? data.textValue() : write(data));
      }
      return message.path("result");
    }
  }

  private void send(ObjectNode message) {
    try {
      toServer.write(mapper.writeValueAsBytes(message));
      toServer.write('\n');
      toServer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String write(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The result of a {@code tools/call}.
   *
   * @param isError whether the tool failed: it threw (the text is the exception's message) or its result
   *     did not match its output schema
   * @param text the text content, the text items joined with {@code \n}; empty for a {@code void} tool. For a
   *     structured tool, the same JSON as {@code structuredContent}
   * @param structuredContent the {@code structuredContent} as compact JSON, or {@code null} when the tool is
   *     not structured
   */
  public record Result(boolean isError, String text, String structuredContent) {}

  /** The server answered with a JSON-RPC error instead of a result. */
  public static final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The JSON-RPC error code. */
    private final int code;
    /** The error's message. */
    private final String errorMessage;
    /** The error's data as text or compact JSON; may be {@code null}. */
    private final String data;

    /**
     * @param code the JSON-RPC error code
     * @param errorMessage the error's message
     * @param data the error's {@code data}: its text, or compact JSON when it is not a string; may be
     *     {@code null}
     */
    public ProtocolException(int code, String errorMessage, String data) {
      super("MCP error " + code + ": " + errorMessage + (data == null ? "" : " (" + data + ")"));
      this.code = code;
      this.errorMessage = errorMessage;
      this.data = data;
    }

    /**
     * The JSON-RPC error code.
     *
     * @return {@code -32602} for invalid arguments or an unknown tool, {@code -32603} for an internal error, or
     *     the code of an {@code McpError} the tool threw
     */
    public int code() {
      return code;
    }

    /**
     * The error's message.
     *
     * @return e.g. {@code Invalid arguments for tool 'compare': /a: integer found, string expected}
     */
    public String errorMessage() {
      return errorMessage;
    }

    /**
     * The error's {@code data}.
     *
     * @return its text, or compact JSON when it is not a string; {@code null} when there is none
     */
    public String data() {
      return data;
    }
  }
}
