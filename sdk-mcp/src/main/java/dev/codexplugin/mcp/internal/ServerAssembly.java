package dev.codexplugin.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.networknt.schema.SchemaRegistry;
import dev.codexplugin.mcp.CompletionMethod;
import dev.codexplugin.mcp.PromptMethod;
import dev.codexplugin.mcp.ResourceMethod;
import dev.codexplugin.mcp.ToolMethod;
import dev.codexplugin.mcp.ToolServerDefinition;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A definition checked and turned into the SDK's specifications once, then built into an
 * {@link McpSyncServer} on any transport (stdio, Streamable HTTP). The mapper and the schema validator are
 * passed explicitly (never found by {@code ServiceLoader}); the SDK's own input validation is off because
 * {@link ToolHandler} validates (answering as the negotiated revision asks, and off the reader thread).
 */
public final class ServerAssembly {
  /**
   * How long a request of the server to the client (sampling, elicitation, roots) may wait for its answer:
   * elicitation waits for a person.
   */
  public static final Duration CLIENT_REQUEST_TIMEOUT = Duration.ofMinutes(5);

  private final ToolServerDefinition definition;
  private final ServerState state;
  private final McpJsonMapper protocolMapper;
  private final List<SyncToolSpecification> tools;
  private final Features features;

  private ServerAssembly(ToolServerDefinition definition, ServerState state, List<SyncToolSpecification> tools,
      Features features) {
    this.definition = definition;
    this.state = state;
    this.protocolMapper = new JacksonMcpJsonMapper(state.mapper());
    this.tools = tools;
    this.features = features;
  }

  /**
   * Checks {@code definition}.
   *
   * @throws IllegalArgumentException naming every problem
   */
  public static ServerAssembly of(ToolServerDefinition definition) {
    Objects.requireNonNull(definition, "definition");
    ObjectMapper mapper = Json.newMapper();
    ServerState state = new ServerState(mapper);
    List<String> problems = new ArrayList<>();
    List<SyncToolSpecification> tools = tools(definition, mapper, Json.resultMapper(mapper), state, problems);
    Features features = new Features(state);
    features.addResources(listOrEmpty(definition.resources(), "resources()", problems), problems);
    features.addPrompts(listOrEmpty(definition.prompts(), "prompts()", problems), problems);
    List<String> promptNames = features.prompts.stream().map(p -> p.prompt().name()).toList();
    List<String> templates = features.templates.stream().map(t -> t.resourceTemplate().uriTemplate()).toList();
    features.addCompletions(listOrEmpty(definition.completions(), "completions()", problems), promptNames,
        templates, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Invalid MCP tool server '" + definition.serverName() + "':\n  "
          + String.join("\n  ", problems));
    }
    return new ServerAssembly(definition, state, tools, features);
  }

  private static <T> List<T> listOrEmpty(List<T> list, String what, List<String> problems) {
    if (list == null) {
      problems.add(what + " must not be null");
      return List.of();
    }
    List<T> present = new ArrayList<>();
    for (T item : list) {
      if (item == null) {
        problems.add(what + " holds null");
      } else {
        present.add(item);
      }
    }
    return present;
  }

  ServerState state() {
    return state;
  }

  McpJsonMapper protocolMapper() {
    return protocolMapper;
  }

  /** The calls a client may cancel. */
  public Calls calls() {
    return state.calls();
  }

  /** The definition's server name. */
  public String serverName() {
    return definition.serverName();
  }

  /** Builds the server on {@code spec}, the SDK's builder for the chosen transport. */
  McpSyncServer build(McpServer.SyncSpecification<?> spec) {
    boolean resources = !features.resources.isEmpty() || !features.templates.isEmpty();
    McpSchema.ServerCapabilities.Builder capabilities = McpSchema.ServerCapabilities.builder().tools(false);
    if (resources) {
      capabilities.resources(true, true);
    }
    if (!features.prompts.isEmpty()) {
      capabilities.prompts(true);
    }
    if (!features.completions.isEmpty()) {
      capabilities.completions();
    }
    try {
      return build(spec, capabilities);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid MCP tool server '" + definition.serverName() + "': " + e.getMessage(), e);
    }
  }

  private McpSyncServer build(McpServer.SyncSpecification<?> spec, McpSchema.ServerCapabilities.Builder capabilities) {
    spec.serverInfo(definition.serverName(), definition.version())
        .capabilities(capabilities.build())
        .jsonMapper(protocolMapper)
        .jsonSchemaValidator(new DefaultJsonSchemaValidator(state.mapper()))
        .validateToolInputs(false)
        .requestTimeout(CLIENT_REQUEST_TIMEOUT)
        .tools(tools);
    if (definition.instructions() != null) {
      spec.instructions(definition.instructions());
    }
    if (!features.resources.isEmpty()) {
      spec.resources(features.resources);
    }
    if (!features.templates.isEmpty()) {
      spec.resourceTemplates(features.templates);
    }
    if (!features.prompts.isEmpty()) {
      spec.prompts(features.prompts);
    }
    if (!features.completions.isEmpty()) {
      spec.completions(features.completions);
    }
    return spec.build();
  }

  private static List<SyncToolSpecification> tools(ToolServerDefinition definition, ObjectMapper mapper,
      ObjectMapper resultMapper, ServerState state, List<String> problems) {
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
          .callHandler(new ToolHandler(method, schema, mapper, resultMapper, state, log))
          .build());
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
