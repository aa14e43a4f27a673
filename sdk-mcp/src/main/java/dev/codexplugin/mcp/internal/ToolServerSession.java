package dev.codexplugin.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.networknt.schema.SchemaRegistry;
import dev.codexplugin.mcp.ToolMethod;
import dev.codexplugin.mcp.ToolServerDefinition;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * One MCP session: a real {@link McpSyncServer} on the SDK's {@link StdioServerTransportProvider}, reading
 * {@link ProtocolInput} and writing {@link ProtocolOutput}. The mapper and the schema validator are passed
 * explicitly (never found by {@code ServiceLoader}); the SDK's own input validation is off because
 * {@link ToolHandler} validates (with a protocol error, not a result, and off the reader thread).
 */
public final class ToolServerSession {
  private static final System.Logger LOG = System.getLogger("dev.codexplugin.mcp");

  private final McpSyncServer server;
  private final ProtocolInput input;
  private final Duration grace;

  private ToolServerSession(McpSyncServer server, ProtocolInput input, Duration grace) {
    this.server = server;
    this.input = input;
    this.grace = grace;
  }

  /**
   * Checks the definition and starts serving it on {@code in} and {@code out}.
   *
   * @param grace how long requests still in flight at end of input may take before the session ends
   * @throws IllegalArgumentException naming every problem of the definition
   */
  public static ToolServerSession start(ToolServerDefinition definition, InputStream in, OutputStream out,
      Duration grace) {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    ObjectMapper mapper = Json.newMapper();
    ObjectMapper resultMapper = Json.resultMapper(mapper);
    McpJsonMapper protocolMapper = new JacksonMcpJsonMapper(mapper);
    List<SyncToolSpecification> tools = tools(definition, mapper, resultMapper);

    InFlight inFlight = new InFlight();
    ProtocolOutput protocolOut = new ProtocolOutput(out, inFlight, mapper.getFactory());
    ProtocolInput protocolIn = new ProtocolInput(in, protocolOut, inFlight, mapper, protocolMapper, grace);
    StdioServerTransportProvider transport =
        new StdioServerTransportProvider(protocolMapper, protocolIn, protocolOut);
    McpSyncServer server;
    try {
      server = McpServer.sync(transport)
          .serverInfo(definition.serverName(), definition.version())
          .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
          .jsonMapper(protocolMapper)
          .jsonSchemaValidator(new DefaultJsonSchemaValidator(mapper))
          .validateToolInputs(false)
          .tools(tools)
          .build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid MCP tool server '" + definition.serverName() + "': " + e.getMessage(), e);
    }
    protocolIn.start();
    return new ToolServerSession(server, protocolIn, grace);
  }

  /** Waits until the input ended and every answer was written. */
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return input.awaitEnded(timeout, unit);
  }

  /** Ends the session as at end of input: calls in flight may finish within the grace period. */
  public void close() {
    input.end();
    try {
      if (!input.awaitEnded(grace.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
        LOG.log(Level.WARNING, "The MCP session did not end in time; closing it anyway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.closeGracefully();
  }

  private static List<SyncToolSpecification> tools(ToolServerDefinition definition, ObjectMapper mapper,
      ObjectMapper resultMapper) {
    List<String> problems = new ArrayList<>();
    String serverName = definition.serverName();
    if (serverName == null || serverName.isBlank()) {
      problems.add("serverName() must not be empty");
    }
    String version = definition.version();
    if (version == null || version.isBlank()) {
      problems.add("version() must not be empty");
    }
    List<ToolMethod> methods = definition.tools();
    if (methods == null) {
      problems.add("tools() must not be null");
      methods = List.of();
    }
    ObjectReader reader = Json.strictTreeReader(mapper);
    SchemaRegistry registry = ToolSchema.newRegistry();
    ToolCallLog log = new ToolCallLog(serverName, System.getenv());
    Set<String> names = new HashSet<>();
    List<SyncToolSpecification> specifications = new ArrayList<>();
    for (ToolMethod method : methods) {
      if (method == null) {
        problems.add("tools() holds null");
        continue;
      }
      String where = "tool '" + method.name() + "'";
      if (!names.add(method.name())) {
        problems.add(where + " is defined twice");
      }
      JsonNode descriptor;
      try {
        descriptor = reader.readTree(method.descriptor());
      } catch (Exception e) {
        problems.add(where + ": the descriptor is not JSON: " + e.getMessage());
        continue;
      }
      int before = problems.size();
      check(method, descriptor, where, problems);
      if (problems.size() > before) {
        continue;
      }
      McpSchema.Tool tool;
      ToolSchema schema;
      try {
        tool = mapper.treeToValue(descriptor, McpSchema.Tool.class);
        Set<String> changed = differences(descriptor, mapper.valueToTree(tool));
        if (!changed.isEmpty()) {
          problems.add(where + ": descriptor field(s) " + changed + " would not be served as written: they are"
              + " not part of an MCP Tool as the SDK knows it");
          continue;
        }
        schema = ToolSchema.compile(registry, descriptor.get("inputSchema"));
      } catch (Exception e) {
        problems.add(where + ": " + e.getMessage());
        continue;
      }
      specifications.add(SyncToolSpecification.builder()
          .tool(tool)
          .callHandler(new ToolHandler(method, schema, mapper, resultMapper, log))
          .build());
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Invalid MCP tool server '" + serverName + "':\n  "
          + String.join("\n  ", problems));
    }
    return specifications;
  }

  private static void check(ToolMethod method, JsonNode descriptor, String where, List<String> problems) {
    if (!descriptor.isObject()) {
      problems.add(where + ": the descriptor must be a JSON object");
      return;
    }
    JsonNode name = descriptor.get("name");
    if (name == null || !name.isTextual() || !name.textValue().equals(method.name())) {
      problems.add(where + ": the descriptor's name is " + name + ", not \"" + method.name() + "\"");
    }
    checkObjectSchema(descriptor.get("inputSchema"), where, "inputSchema", true, problems);
    JsonNode output = descriptor.get("outputSchema");
    checkObjectSchema(output, where, "outputSchema", false, problems);
    if (output != null && !method.structured()) {
      problems.add(where + " has an outputSchema but is not structured: clients require structuredContent"
          + " from a tool with an outputSchema, so every call would fail");
    }
  }

  /** MCP clients reject the whole tools/list when one schema is not {@code "type": "object"}. */
  private static void checkObjectSchema(JsonNode schema, String where, String field, boolean required,
      List<String> problems) {
    if (schema == null) {
      if (required) {
        problems.add(where + ": the descriptor has no inputSchema");
      }
      return;
    }
    JsonNode type = schema.isObject() ? schema.get("type") : null;
    if (type == null || !type.isTextual() || !type.textValue().equals("object")) {
      problems.add(where + ": " + field + ".type must be \"object\" (MCP clients reject the whole tools/list"
          + " otherwise); found " + (schema.isObject() ? String.valueOf(type) : schema.toString()));
    }
  }

  private static Set<String> differences(JsonNode expected, JsonNode actual) {
    Set<String> fields = new TreeSet<>();
    for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!expected.get(name).equals(actual.get(name))) {
        fields.add(name);
      }
    }
    for (Iterator<String> names = actual.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!expected.has(name)) {
        fields.add(name);
      }
    }
    return fields;
  }
}
