package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden schema is one the MCP Java SDK accepts: valid against the draft 2020-12 metaschema with the
 * validator and call the SDK's {@code Tool.build()} uses (networknt, {@code SchemaRegistry.withDefaultDialect(
 * Dialects.getDraft202012())}, the metaschema loaded by its URI), {@code "type": "object"} at the root (the
 * TypeScript client rejects the whole tool list otherwise), no {@code prefixItems}, and every {@code $ref}
 * pointing at a {@code $defs} entry, with no entry left unreferenced.
 */
class SchemaMetaschemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
  private static final Schema METASCHEMA = REGISTRY.getSchema(SchemaLocation.of(ToolSchemas.DIALECT));

  static List<Path> goldenSchemas() {
    return Goldens.schemas();
  }

  @ParameterizedTest
  @MethodSource("goldenSchemas")
  void isValidJsonSchema202012(Path file) throws IOException {
    JsonNode schema = JSON.readTree(file.toFile());
    assertWithMessage(file + " against the 2020-12 metaschema").that(METASCHEMA.validate(schema)).isEmpty();
    assertThat(schema.path("$schema").asText()).isEqualTo(ToolSchemas.DIALECT);
    assertThat(schema.path("type").asText()).isEqualTo("object");
    REGISTRY.getSchema(schema); // compiles, $refs included
  }

  @ParameterizedTest
  @MethodSource("goldenSchemas")
  void refsResolveAndNoTuples(Path file) throws IOException {
    JsonNode schema = JSON.readTree(file.toFile());
    Set<String> refs = new TreeSet<>();
    List<String> tuples = new ArrayList<>();
    walk(schema, refs, tuples);
    assertWithMessage(file + " uses prefixItems").that(tuples).isEmpty();
    Set<String> defs = new TreeSet<>();
    schema.path("$defs").fieldNames().forEachRemaining(name -> defs.add("#/$defs/" + name));
    assertWithMessage(file + " $refs").that(refs).isEqualTo(defs);
    for (String name : defs) {
      assertThat(name).matches("#/\\$defs/[A-Za-z0-9_.]+");
    }
  }

  @Test
  void inputSchemasCloseTheArgumentObject() throws IOException {
    for (Path file : Goldens.schemas()) {
      if (file.toString().endsWith(".input.json")) {
        JsonNode schema = JSON.readTree(file.toFile());
        assertWithMessage(file.toString()).that(schema.path("additionalProperties").isBoolean()).isTrue();
        assertWithMessage(file.toString()).that(schema.path("additionalProperties").asBoolean()).isFalse();
        assertWithMessage(file.toString()).that(schema.path("properties").isObject()).isTrue();
      }
    }
  }

  @Test
  void theMetaschemaCheckCanFail() throws IOException {
    assertThat(METASCHEMA.validate(JSON.readTree("{\"type\": \"objekt\"}"))).isNotEmpty();
    assertThat(METASCHEMA.validate(JSON.readTree("{\"type\": \"object\", \"required\": \"a\"}"))).isNotEmpty();
    assertThat(METASCHEMA.validate(JSON.readTree("{\"type\": \"string\", \"minLength\": -1}"))).isNotEmpty();
  }

  private static void walk(JsonNode node, Set<String> refs, List<String> tuples) {
    if (node.isObject()) {
      node.properties().forEach(field -> {
        if (field.getKey().equals("$ref")) {
          refs.add(field.getValue().asText());
        } else if (field.getKey().equals("prefixItems")) {
          tuples.add(field.getValue().toString());
        }
      });
    }
    node.forEach(child -> walk(child, refs, tuples));
  }
}
