package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.google.testing.compile.Compilation;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schemas tell the truth about Jackson, which binds the arguments and writes the results: values the input
 * schema accepts bind to the parameter types (built from the generated {@code Types} expressions, which must
 * equal what reflection says), and what Jackson writes for a result is valid against the output schema, with
 * formats asserted as the TypeScript client asserts them. Jackson is configured as {@link ToolSchemas} requires
 * of the server.
 */
class SchemaJacksonRoundTripTest {
  private static ObjectMapper SERVER;
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());

  private static SortedMap<String, String> files;
  private static CompiledClasses classes;

  @BeforeAll
  static void compile() {
    Compilation compilation = SchemaCompiler.compile(SchemaCompiler.toolSources());
    assertThat(compilation).succeededWithoutWarnings();
    files = SchemaCompiler.schemaFiles(compilation);
    classes = new CompiledClasses(compilation);
    SERVER = JsonMapper.builder()
        .typeFactory(TypeFactory.defaultInstance().withClassLoader(classes)) // for @JsonTypeInfo(use = CLASS)
        .addModule(new JavaTimeModule())
        .addModule(new Jdk8Module())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .serializationInclusion(JsonInclude.Include.NON_ABSENT)
        .build();
  }

  // ---- inputs ---------------------------------------------------------------------------------------------------

  @Test
  void typesExpressionsEqualReflection() throws Exception {
    int checked = 0;
    for (String tool : SchemaCompiler.TOOLS) {
      Class<?> type = classes.get("com.example.tools." + tool);
      Class<?> probe = classes.get("com.example.tools." + tool + "_TypesProbe");
      for (Method method : probe.getDeclaredMethods()) {
        Type[] built = (Type[]) method.invoke(null);
        Type[] reflected = toolMethod(type, method.getName()).getGenericParameterTypes();
        assertWithMessage(tool + "." + method.getName()).that(built).asList()
            .containsExactlyElementsIn(reflected).inOrder();
        for (int i = 0; i < built.length; i++) {
          assertWithMessage("symmetric equals of " + reflected[i]).that(reflected[i].equals(built[i])).isTrue();
          assertWithMessage("hashCode of " + reflected[i]).that(built[i].hashCode())
              .isEqualTo(reflected[i].hashCode());
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(30);
  }

  @Test
  void validArgumentsBind() throws Exception {
    Object[] args = bind("Times", "stamp", "{\"instant\": \"2024-01-31T10:15:30Z\","
        + " \"offsetDateTime\": \"2024-01-31T10:15:30+01:00\", \"zonedDateTime\": \"2024-01-31T10:15:30-05:00\","
        + " \"date\": \"2024-01-31\", \"localTime\": \"10:15\", \"localDateTime\": \"2024-01-31T10:15:30.5\","
        + " \"offsetTime\": \"10:15:30+02:00\", \"duration\": \"PT1H30M\","
        + " \"id\": \"123e4567-e89b-12d3-a456-426614174000\", \"link\": \"docs/readme.md\","
        + " \"page\": \"https://example.com/a?b=c\"}");
    assertThat(args[4].toString()).isEqualTo("10:15");
    assertThat(args[7].toString()).isEqualTo("PT1H30M");

    args = bind("Sealed", "grow", "{\"shape\": {\"kind\": \"Sealed$Blob\", \"parts\": [{\"kind\": \"circle\","
        + " \"radius\": 1.5}, {\"kind\": \"square\", \"side\": 2}]}, \"factor\": 2}");
    assertThat(args[0].toString()).isEqualTo("Blob[parts=[Circle[radius=1.5], Square[side=2.0]]]");

    args = bind("Sealed", "dispatch", "{\"command\": {\"type\": \"run\", \"script\": \"make\"},"
        + " \"token\": {\"@class\": \"com.example.tools.Sealed$Word\", \"text\": \"hi\"},"
        + " \"animals\": [{\"@type\": \"Dog\", \"name\": \"Rex\"}, {\"@type\": \"Cat\", \"name\": \"Tom\","
        + " \"indoor\": true}, {\"@type\": \"Wolf\", \"pack\": 7}], \"unit\": {\"@c\": \".Sealed$Foot\","
        + " \"value\": 3}, \"contact\": {\"number\": \"555\", \"extension\": 2}}");
    assertThat(args[0].toString()).isEqualTo("Run[type=run, script=make]");
    assertThat(args[1].toString()).isEqualTo("Word[text=hi]");
    assertThat(args[2].toString()).isEqualTo("[Dog[name=Rex], Cat[name=Tom, indoor=true], Wolf[pack=7]]");
    assertThat(args[3].toString()).isEqualTo("Foot[value=3.0]");
    assertThat(args[4].toString()).isEqualTo("Phone[number=555, extension=2]");

    args = bind("Times", "formatted", "{\"formatted\": {\"day\": \"31.01.2024\", \"iso\": \"2024-01-31\"},"
        + " \"parameter\": \"2024-01-31\"}");
    assertThat(args[0].toString()).isEqualTo("Formatted[day=2024-01-31, iso=2024-01-31]");
    assertThat(args[1].toString()).isEqualTo("2024-01-31");

    args = bind("Enums", "triage", "{\"priority\": \"low\", \"history\": [\"HIGH\", \"normal\"],"
        + " \"budget\": {\"normal\": 3}}");
    assertThat(args[0].toString()).isEqualTo("LOW");
    assertThat(args[2].toString()).isEqualTo("{NORMAL=3}");

    args = bind("Records", "settings", "{\"settings\": {\"retries\": 2, \"mode\": \"fast\", \"verbose\": true,"
        + " \"label\": \"x\", \"owner\": \"me\"}}");
    assertThat((JsonNode) SERVER.valueToTree(args[0])).isEqualTo(SERVER.readTree("{\"retries\": 2, \"mode\": \"fast\","
        + " \"verbose\": true, \"label\": \"x\", \"owner\": \"me\", \"url\": \"\"}"));

    args = bind("Records", "customer", "{\"customer\": {\"name\": \"Ada\", \"billing\": {\"street\": \"Main 1\","
        + " \"zip_code\": \"123\"}, \"shipping\": [], \"phone\": \"555\"}, \"address\": {\"street\": \"s\","
        + " \"zip_code\": \"z\", \"note\": \"ring\"}}");
    assertThat(args[1].toString()).isEqualTo("Address[street=s, zip=z, note=Optional[ring], internal=null]");

    args = bind("Records", "pages", "{\"users\": {\"items\": [{\"name\": \"a\"}], \"total\": 1},"
        + " \"orders\": {\"items\": [{\"id\": 7, \"buyer\": {\"name\": \"b\"}}], \"total\": 1, \"next\": \"n\"},"
        + " \"nested\": {\"items\": [], \"total\": 0}, \"pair\": {\"first\": \"f\", \"second\": []},"
        + " \"byName\": {}}");
    assertThat(args[1].toString()).isEqualTo("Page[items=[Order[id=7, buyer=User[name=b]]], total=1,"
        + " next=Optional[n]]");

    args = bind("Scalars", "text", "{\"text\": \"t\", \"chars\": \"ab\", \"bytes\": \"AQI=\","
        + " \"boxedBytes\": [1, -2], \"amount\": 0.1, \"huge\": 123456789012345678901234567890}");
    assertThat(new String((char[]) args[1])).isEqualTo("ab");
    assertThat(((byte[]) args[2]).length).isEqualTo(2);

    args = bind("Collections", "maps", "{\"counts\": {\"a\": 1}, \"groups\": {\"g\": [{\"name\": \"i\"}]},"
        + " \"labels\": {\"RED\": \"r\"}, \"weights\": {\"GREEN\": 2}, \"nested\": {\"x\": {\"y\": true}}}");
    assertThat(args[3].getClass().getSimpleName()).isEqualTo("EnumMap");
  }

  @Test
  void defaultsBind() throws Exception {
    JsonNode schema = SERVER.readTree(files.get("Docs/defaults.input.json"));
    ObjectNode defaults = SERVER.createObjectNode();
    schema.path("properties").properties().forEach(p -> defaults.set(p.getKey(), p.getValue().get("default")));
    assertThat(defaults.size()).isEqualTo(12);
    Object[] args = bind("Docs", "defaults", defaults.toString());
    assertThat(args[2].toString()).isEqualTo("THOROUGH");
    assertThat(args[7].toString()).isEqualTo("Optional[7]");
    assertThat(args[9].toString()).isEqualTo("Window[from=1, to=2]");
    assertThat(args[10]).isEqualTo('x');
  }

  @Test
  void invalidArgumentsAreRejectedByTheInputSchema() throws Exception {
    assertInvalid("Sealed", "grow", "{\"shape\": {\"radius\": 1}, \"factor\": 2}");
    assertInvalid("Sealed", "grow", "{\"shape\": {\"kind\": \"circle\", \"side\": 1}, \"factor\": 2}");
    assertInvalid("Sealed", "dispatch", "{\"command\": {\"type\": \"halt\"}, \"token\": {\"@class\":"
        + " \"com.example.tools.Sealed$Word\", \"text\": \"t\"}, \"animals\": [], \"unit\": {\"@c\":"
        + " \".Sealed$Foot\", \"value\": 1}, \"contact\": {\"address\": \"a\", \"number\": \"1\"}}");
    assertInvalid("Times", "stamp", "{\"localTime\": \"25:00\"}");
    assertInvalid("Validation", "legacy", "{\"name\": \"n\", \"code\": \"abc\", \"digit\": 10,"
        + " \"number\": \"12\"}");
    assertInvalid("Validation", "legacy", "{\"name\": \"n\", \"code\": \"abc\", \"digit\": 1,"
        + " \"number\": \"12a\"}");
    assertInvalid("Enums", "triage", "{\"priority\": \"LOW\", \"history\": [], \"budget\": {}}");
    assertInvalid("Enums", "triage", "{\"priority\": \"low\", \"history\": [], \"budget\": {\"LOW\": 1}}");
    assertInvalid("Collections", "sets", "{\"tags\": [\"a\", \"a\"], \"ordered\": [], \"colors\": []}");
    assertInvalid("Scalars", "primitives", "{\"flag\": true, \"tiny\": 128, \"small\": 0, \"count\": 0,"
        + " \"big\": 0, \"ratio\": 0, \"value\": 0, \"letter\": \"x\"}");
    assertInvalid("Scalars", "primitives", "{\"flag\": true, \"tiny\": 1, \"small\": 0, \"count\": 0,"
        + " \"big\": 0, \"ratio\": 0, \"value\": 0, \"letter\": \"xy\"}");
  }

  // ---- outputs --------------------------------------------------------------------------------------------------

  @Test
  void whatJacksonWritesMatchesTheOutputSchemas() throws Exception {
    assertOutput("Times", "stamp", value("com.example.tools.Times$Stamp", "{\"instant\": \"2024-01-31T10:15:00Z\","
        + " \"offsetDateTime\": \"2024-01-31T10:15:00+01:00\", \"zonedDateTime\": \"2024-01-31T10:15:00+01:00\","
        + " \"date\": \"2024-01-31\", \"localTime\": \"10:15\", \"localDateTime\": \"2024-01-31T10:15\","
        + " \"offsetTime\": \"10:00:00Z\", \"duration\": \"PT-1.5S\","
        + " \"id\": \"123e4567-e89b-12d3-a456-426614174000\", \"link\": \"docs/a%20b.md\","
        + " \"page\": \"https://example.com\"}"));
    assertOutput("Sealed", "grow", value("com.example.tools.Sealed$Blob",
        "{\"kind\": \"Sealed$Blob\", \"parts\": [{\"kind\": \"circle\", \"radius\": 1}]}"));
    assertOutput("Sealed", "grow", value("com.example.tools.Sealed$Square", "{\"kind\": \"square\", \"side\": 1}"));
    assertOutput("Sealed", "last", value("com.example.tools.Sealed$Stopped", "{\"at\": \"now\", \"code\": 1}"));
    assertOutput("Sealed", "last", value("com.example.tools.Sealed$Paused", "\"BY_USER\""));
    assertOutput("Sealed", "find", value("com.example.tools.Sealed$Ok", "{\"value\": {\"name\": \"a\"}}"));
    assertOutput("Records", "lookup", value("com.example.tools.Records$Customer", "{\"name\": \"Ada\","
        + " \"billing\": {\"street\": \"s\", \"zip_code\": \"z\"}, \"shipping\": [], \"phone\": \"1\"}"));
    assertOutput("Records", "tree", value("com.example.tools.Records$TreeNode", "{\"label\": \"root\","
        + " \"children\": [{\"label\": \"leaf\", \"children\": []}]}"));
    assertOutput("Records", "settings", value("com.example.tools.Records$Settings", "{\"owner\": \"me\"}"));
    assertOutput("Records", "users", value("com.example.tools.Records$Page", "{\"items\": [], \"total\": 0}"));
    assertOutput("Validation", "signup", value("com.example.tools.Validation$Signup", "{\"name\": \"n\","
        + " \"email\": \"not quite@valid\", \"handle\": \"abc\", \"age\": 20, \"tags\": [\"t\"]}"));
    assertOutput("Enums", "triage", value("com.example.tools.Enums$Priority", "\"normal\""));
    assertOutput("Collections", "histogram", java.util.Map.of("a", 1));
    assertOutput("Scalars", "bytes", new byte[] {1, 2, 3});
    assertOutput("Scalars", "count", 3);
    assertOutput("Optionals", "find", java.util.Optional.empty());
    assertOutput("Optionals", "find", java.util.Optional.of("x"));
    assertOutput("Optionals", "note", null);
    assertOutput("Optionals", "size", java.util.OptionalInt.of(4));
  }

  @Test
  void theOutputCheckCanFail() throws Exception {
    JsonNode schema = SERVER.readTree(files.get("Times/stamp.output.json"));
    ObjectNode written = (ObjectNode) SERVER.readTree(SERVER.writeValueAsString(value(
        "com.example.tools.Times$Stamp", "{\"instant\": \"2024-01-31T10:15:00Z\","
            + " \"offsetDateTime\": \"2024-01-31T10:15:00+01:00\", \"zonedDateTime\": \"2024-01-31T10:15:00Z\","
            + " \"date\": \"2024-01-31\", \"localTime\": \"10:15\", \"localDateTime\": \"2024-01-31T10:15\","
            + " \"offsetTime\": \"10:00:00Z\", \"duration\": \"PT1S\","
            + " \"id\": \"123e4567-e89b-12d3-a456-426614174000\", \"link\": \"a\", \"page\": \"https://e.com\"}")));
    assertThat(errors(schema, written)).isEmpty();
    assertThat(written.get("offsetTime").asText()).isEqualTo("10:00Z"); // not an RFC 3339 time: hence the pattern
    ((ObjectNode) schema.get("properties").get("offsetTime")).remove("pattern");
    ((ObjectNode) schema.get("properties").get("offsetTime")).put("format", "time");
    assertThat(errors(schema, written)).isNotEmpty();
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  private static Method toolMethod(Class<?> type, String name) {
    for (Method method : type.getDeclaredMethods()) {
      if (method.getName().equals(name)) {
        return method;
      }
    }
    throw new AssertionError("no method " + name + " in " + type);
  }

  /** Checks {@code argumentsJson} against the input schema, then binds each argument as the invoker will. */
  private static Object[] bind(String tool, String method, String argumentsJson) throws Exception {
    JsonNode schema = SERVER.readTree(files.get(tool + "/" + method + ".input.json"));
    JsonNode arguments = SERVER.readTree(argumentsJson);
    assertWithMessage(tool + "." + method + " arguments").that(errors(schema, arguments)).isEmpty();
    Class<?> type = classes.get("com.example.tools." + tool);
    Type[] types = (Type[]) toolMethod(classes.get("com.example.tools." + tool + "_TypesProbe"), method).invoke(null);
    List<Object> out = new ArrayList<>();
    Iterator<String> names = schema.get("properties").fieldNames();
    for (Type parameter : types) {
      JsonNode value = arguments.get(names.next());
      out.add(value == null ? null : SERVER.readValue(SERVER.treeAsTokens(value), SERVER.constructType(parameter)));
    }
    assertThat(toolMethod(type, method).getParameterCount()).isEqualTo(types.length);
    return out.toArray();
  }

  private static void assertInvalid(String tool, String method, String argumentsJson) throws Exception {
    JsonNode schema = SERVER.readTree(files.get(tool + "/" + method + ".input.json"));
    assertWithMessage(argumentsJson).that(errors(schema, SERVER.readTree(argumentsJson))).isNotEmpty();
  }

  /** An instance of a compiled class, made by Jackson from JSON. */
  private static Object value(String binaryName, String json) throws Exception {
    return SERVER.readValue(json, classes.get(binaryName));
  }

  /** Writes {@code value} as the server does (wrapped in {@code result} when the tool's output is) and checks it. */
  private static void assertOutput(String tool, String method, Object value) throws Exception {
    JsonNode schema = SERVER.readTree(files.get(tool + "/" + method + ".output.json"));
    boolean wrapped = files.get(tool + "/" + method + ".params.txt").contains("output wrapped=true");
    JsonNode written = value == null ? NullNode.getInstance() : SERVER.valueToTree(value);
    JsonNode structured = written;
    if (wrapped) {
      ObjectNode result = SERVER.createObjectNode();
      if (!written.isNull()) {
        result.set("result", written);
      }
      structured = result;
    }
    assertWithMessage(tool + "." + method + " wrote " + structured).that(errors(schema, structured)).isEmpty();
  }

  /** Validation errors, with formats asserted (as the TypeScript client's Ajv does for results). */
  static List<Error> errors(JsonNode schema, JsonNode instance) {
    Schema compiled = REGISTRY.getSchema(schema);
    return compiled.validate(instance, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)));
  }
}
