package dev.codexplugin.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A tool's input schema, compiled once (networknt, Draft 2020-12 by default, formats as annotations only as
 * the specification says), and the argument names it declares.
 */
final class ToolSchema {
  private final Schema schema;
  private final Set<String> declared;
  private final Set<String> required;
  private final boolean closed;

  private ToolSchema(Schema schema, Set<String> declared, Set<String> required, boolean closed) {
    this.schema = schema;
    this.declared = declared;
    this.required = required;
    this.closed = closed;
  }

  /** A registry for compiling input schemas: Draft 2020-12 unless a schema names another dialect. */
  static SchemaRegistry newRegistry() {
    return SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
  }

  /** Compiles {@code inputSchema} (an object schema); throws when networknt cannot. */
  static ToolSchema compile(SchemaRegistry registry, JsonNode inputSchema) {
    Schema schema = registry.getSchema(inputSchema);
    schema.initializeValidators();
    Set<String> declared = new HashSet<>();
    JsonNode properties = inputSchema.get("properties");
    if (properties != null) {
      for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
        declared.add(names.next());
      }
    }
    Set<String> required = new HashSet<>();
    JsonNode names = inputSchema.get("required");
    if (names != null && names.isArray()) {
      names.forEach(n -> required.add(n.asText()));
    }
    JsonNode additional = inputSchema.get("additionalProperties");
    boolean closed = additional != null && additional.isBoolean() && !additional.booleanValue();
    return new ToolSchema(schema, declared, required, closed);
  }

  /**
   * Removes the optional arguments given as {@code null}: models often send {@code null} for an argument they
   * mean to leave out, and an optional argument left out takes its default (or is empty). A {@code null} for a
   * required argument stays, and fails validation.
   */
  void dropNullOptionals(com.fasterxml.jackson.databind.node.ObjectNode arguments) {
    List<String> nulls = new ArrayList<>();
    arguments.fields().forEachRemaining(e -> {
      if (e.getValue().isNull() && declared.contains(e.getKey()) && !required.contains(e.getKey())) {
        nulls.add(e.getKey());
      }
    });
    nulls.forEach(arguments::remove);
  }

  /** Whether an argument of this name can be given at all. */
  boolean accepts(String name) {
    return declared.contains(name) || !closed;
  }

  /** Every problem of {@code arguments}, as {@code /pointer: message} ({@code message} at the root). */
  List<String> validate(JsonNode arguments) {
    List<Error> errors = schema.validate(arguments);
    List<String> problems = new ArrayList<>(errors.size());
    for (Error error : errors) {
      String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
      problems.add(location.isEmpty() || location.equals("$") || location.equals("/")
          ? error.getMessage()
          : location + ": " + error.getMessage());
    }
    return problems;
  }
}
