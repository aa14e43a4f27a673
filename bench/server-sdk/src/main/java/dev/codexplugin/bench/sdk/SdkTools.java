package dev.codexplugin.bench.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a user of the official MCP Java SDK writes once to describe tools: input and output schemas generated
 * from the method by victools 4.38.0 (Jackson 2) through reflection, as in docs/research/mcp-java-sdk-2.1.md
 * §5, and a handler that writes the method's result as the tool result. The baseline (a) of the benchmarks.
 */
final class SdkTools {
  private final ObjectMapper mapper;
  private final McpJsonMapper json;
  private final SchemaGenerator generator = new SchemaGenerator(
      new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON).build());

  SdkTools(ObjectMapper mapper, McpJsonMapper json) {
    this.mapper = mapper;
    this.json = json;
  }

  /** One tool: {@code call} reads its arguments from the map and calls the method named {@code name}. */
  SyncToolSpecification tool(Class<?> type, String name, String description, boolean structured,
      Map<String, String> parameterDescriptions, Function<Map<String, Object>, Object> call) {
    Method method = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
        .orElseThrow();
    ObjectNode input = inputSchema(method);
    parameterDescriptions.forEach((parameter, text) ->
        ((ObjectNode) input.get("properties").get(parameter)).put("description", text));
    McpSchema.Tool.Builder tool = McpSchema.Tool.builder(name, json, input.toString()).description(description);
    if (structured) {
      tool.outputSchema(json, generator.generateSchema(method.getGenericReturnType()).toString());
    }
    return SyncToolSpecification.builder()
        .tool(tool.build())
        .callHandler((exchange, request) -> {
          Object result = call.apply(request.arguments());
          try {
            String text = result instanceof String s ? s : mapper.writeValueAsString(result);
            CallToolResult.Builder answer = CallToolResult.builder().addTextContent(text);
            if (structured) {
              answer.structuredContent(mapper.convertValue(result, new TypeReference<Map<String, Object>>() {}));
            }
            return answer.build();
          } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
          }
        })
        .build();
  }

  <T> T convert(Object value, Class<T> type) {
    return mapper.convertValue(value, type);
  }

  <T> T convert(Object value, TypeReference<T> type) {
    return mapper.convertValue(value, type);
  }

  /** Draft 2020-12 object schema of a method's parameters (needs javac -parameters for the names). */
  private ObjectNode inputSchema(Method method) {
    SchemaBuilder builder = generator.buildMultipleSchemaDefinitions();
    ObjectNode root = generator.getConfig().createObjectNode();
    root.put("type", "object");
    ObjectNode properties = root.putObject("properties");
    ArrayNode required = root.putArray("required");
    for (Parameter p : method.getParameters()) {
      Type t = p.getParameterizedType();
      boolean optional = p.getType() == Optional.class;
      if (optional && t instanceof ParameterizedType pt) {
        t = pt.getActualTypeArguments()[0];
      }
      properties.set(p.getName(), builder.createSchemaReference(t));
      if (!optional) {
        required.add(p.getName());
      }
    }
    ObjectNode defs = builder.collectDefinitions("$defs");
    if (!defs.isEmpty()) {
      root.set("$defs", defs);
    }
    root.put("additionalProperties", false);
    return root;
  }
}
