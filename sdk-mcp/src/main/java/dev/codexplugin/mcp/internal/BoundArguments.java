package dev.codexplugin.mcp.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.mcp.ToolArguments;
import dev.codexplugin.mcp.ToolContext;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The arguments of one call, already validated against the tool's input schema, bound on request with
 * Jackson into the type the generated invoker names.
 *
 * <p>An argument that is absent or {@code null} takes the default (JSON text) when there is one, else the
 * type's empty value: {@code Optional.empty()}, {@code OptionalInt.empty()} (and the long and double
 * variants), {@code 0}/{@code false} for a primitive, {@code null} for anything else. The schema was checked
 * first, so an absent argument here is one the schema allowed to be absent. Asking for an argument the schema
 * does not declare (while it forbids additional properties) is a contract error of the generated code.
 */
final class BoundArguments implements ToolArguments {
  private final String tool;
  private final ObjectNode arguments;
  private final ToolSchema schema;
  private final ObjectMapper mapper;
  private final ToolContext context;

  /**
   * @param tool the tool name, for messages
   * @param arguments the validated arguments
   * @param schema what the input schema declares
   * @param mapper the mapper to bind with
   * @param context the call's context
   */
  BoundArguments(String tool, ObjectNode arguments, ToolSchema schema, ObjectMapper mapper, ToolContext context) {
    this.tool = tool;
    this.arguments = arguments;
    this.schema = schema;
    this.mapper = mapper;
    this.context = context;
  }

  @Override
  public ToolContext context() {
    return context;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(String name, Type type, String defaultJson) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (!schema.accepts(name)) {
      throw contract("reads argument '" + name + "', which its input schema does not declare", null);
    }
    JsonNode value = arguments.get(name);
    boolean fromDefault = false;
    if (value == null || value.isNull()) {
      if (defaultJson == null) {
        return (T) empty(type);
      }
      try {
        value = Json.strictTreeReader(mapper).readTree(defaultJson);
      } catch (JsonProcessingException e) {
        throw contract("has a default for argument '" + name + "' that is not JSON: " + defaultJson, e);
      }
      fromDefault = true;
    }
    JavaType javaType = mapper.getTypeFactory().constructType(type);
    try {
      return mapper.readerFor(javaType).readValue(value);
    } catch (IOException | IllegalArgumentException e) {
      String detail = pointer(name, e) + ": " + message(e);
      if (fromDefault) {
        throw contract("has a default for argument '" + name + "' that does not bind to "
            + javaType.toCanonical() + ": " + detail, e);
      }
      throw new ArgumentException(this, ArgumentException.Kind.INVALID_VALUE, detail, e);
    }
  }

  private ArgumentException contract(String problem, Throwable cause) {
    return new ArgumentException(this, ArgumentException.Kind.CONTRACT,
        "tool '" + tool + "' " + problem, cause);
  }

  private static Object empty(Type type) {
    if (type == Optional.class || raw(type) == Optional.class) {
      return Optional.empty();
    }
    if (type == OptionalInt.class) {
      return OptionalInt.empty();
    }
    if (type == OptionalLong.class) {
      return OptionalLong.empty();
    }
    if (type == OptionalDouble.class) {
      return OptionalDouble.empty();
    }
    if (type instanceof Class<?> c && c.isPrimitive()) {
      if (c == boolean.class) {
        return false;
      }
      if (c == char.class) {
        return '\0';
      }
      if (c == byte.class) {
        return (byte) 0;
      }
      if (c == short.class) {
        return (short) 0;
      }
      if (c == int.class) {
        return 0;
      }
      if (c == long.class) {
        return 0L;
      }
      if (c == float.class) {
        return 0f;
      }
      if (c == double.class) {
        return 0d;
      }
    }
    return null;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof java.lang.reflect.ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return null;
  }

  /** The JSON pointer of the value that failed, e.g. {@code /release/date}. */
  private static String pointer(String name, Exception e) {
    StringBuilder pointer = new StringBuilder("/").append(escape(name));
    if (e instanceof JsonMappingException mapping) {
      for (JsonMappingException.Reference reference : mapping.getPath()) {
        if (reference.getFieldName() != null) {
          pointer.append('/').append(escape(reference.getFieldName()));
        } else if (reference.getIndex() >= 0) {
          pointer.append('/').append(reference.getIndex());
        }
      }
    }
    return pointer.toString();
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static String message(Exception e) {
    String message = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
