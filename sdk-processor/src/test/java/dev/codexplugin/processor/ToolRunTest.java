package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.codexplugin.processor.ProcessorTesting.bundleFile;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import dev.codexplugin.mcp.McpToolHarness;
import dev.codexplugin.mcp.ToolMethod;
import dev.codexplugin.mcp.ToolServerDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs what the processor generated: the compiled tool classes, invokers and servers are loaded from the
 * compilation and served through {@link McpToolHarness}, the real MCP server on in-memory pipes, so every call
 * goes through schema validation, Jackson binding into the declared types and the direct call of the method.
 */
class ToolRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Compilation ledger;
  private static Compilation twoPlugins;

  @BeforeAll
  static void compileTheFixtures() {
    ledger = compile(ToolFixtures.LEDGER.toArray(new JavaFileObject[0]));
    assertThat(ledger).succeededWithoutWarnings();
    twoPlugins = compile(ToolFixtures.TWO_PLUGINS_OPTIONS, ToolFixtures.TWO_PLUGINS.toArray(new JavaFileObject[0]));
    ToolFixtures.assertOnlyVersionMismatches(twoPlugins);
  }

  /** A new instance of the generated server {@code className}, from its own class loader. */
  private static ToolServerDefinition server(CompiledClasses classes, String className) throws Exception {
    Object server = classes.get(className).getConstructor().newInstance();
    assertThat(server).isInstanceOf(ToolServerDefinition.class);
    return (ToolServerDefinition) server;
  }

  /** The descriptors of {@code mcp-tools.json}, one compact JSON object each, in order. */
  private static List<String> descriptors(Compilation compilation, String plugin) throws Exception {
    JsonNode file = JSON.readTree(bundleFile(compilation, plugin + "/mcp-tools.json"));
    List<String> out = new ArrayList<>();
    for (JsonNode tool : file.path("tools")) {
      out.add(JSON.writeValueAsString(tool));
    }
    assertThat(out).isNotEmpty();
    return out;
  }

  /** The server's tools/list, the generated ToolMethods and mcp-tools.json agree exactly. */
  private static void assertListMatchesToolsFile(ToolServerDefinition server, McpToolHarness harness,
      Compilation compilation, String plugin) throws Exception {
    List<String> expected = descriptors(compilation, plugin);
    assertThat(harness.listTools()).containsExactlyElementsIn(expected).inOrder();
    List<ToolMethod> methods = server.tools();
    assertThat(methods.stream().map(ToolMethod::descriptor).toList()).containsExactlyElementsIn(expected).inOrder();
    for (ToolMethod method : methods) {
      JsonNode descriptor = JSON.readTree(method.descriptor());
      assertThat(method.name()).isEqualTo(descriptor.path("name").asText());
      assertThat(method.structured()).isEqualTo(descriptor.has("outputSchema"));
    }
    JsonNode toolsFile = JSON.readTree(bundleFile(compilation, plugin + "/mcp-tools.json"));
    assertThat(server.serverName()).isEqualTo(toolsFile.path("server").asText());
    assertThat(server.getClass().getName()).isEqualTo(toolsFile.path("main").asText());
  }

  // ------------------------------------------------------------------------------------------ ledger-kit

  @Test
  void ledgerToolsListIsMcpToolsJson() throws Exception {
    ToolServerDefinition server = server(new CompiledClasses(ledger), "com.acme.ledger.LedgerKitMcpServer");
    assertThat(server.serverName()).isEqualTo("ledger");
    assertThat(server.version()).isEqualTo("1.2.0");
    try (McpToolHarness harness = McpToolHarness.open(server)) {
      assertListMatchesToolsFile(server, harness, ledger, "ledger-kit");
    }
  }

  @Test
  void ledgerCallsBindIntoTheDeclaredTypesAndShareOneInstance() throws Exception {
    ToolServerDefinition server = server(new CompiledClasses(ledger), "com.acme.ledger.LedgerKitMcpServer");
    try (McpToolHarness tools = McpToolHarness.open(server)) {
      // A record result, the enum parameter from its default.
      McpToolHarness.Result opened = tools.call("open", "{\"id\":\"savings\"}");
      assertThat(opened.isError()).isFalse();
      assertThat(opened.structuredContent()).isEqualTo("{\"id\":\"savings\",\"currency\":\"EUR\",\"balanceCents\":0}");
      assertThat(opened.text()).isEqualTo(opened.structuredContent());
      assertThat(tools.call("open", "{\"id\":\"fx\",\"currency\":\"CHF\"}").structuredContent())
          .isEqualTo("{\"id\":\"fx\",\"currency\":\"CHF\",\"balanceCents\":0}");

      // The same instance answers the next calls: it knows the accounts opened above.
      McpToolHarness.Result found = tools.call("find", "{\"id\":\"savings\"}");
      assertWithMessage("find: %s", found).that(found.structuredContent())
          .isEqualTo("{\"result\":{\"id\":\"savings\",\"currency\":\"EUR\",\"balanceCents\":0}}");
      McpToolHarness.Result exists = tools.call("open", "{\"id\":\"cash\"}");
      assertThat(exists.isError()).isTrue();
      assertThat(exists.text()).isEqualTo("account cash exists");

      // Unstructured: JSON text; an empty Optional parameter; the default of a renamed parameter.
      McpToolHarness.Result all = tools.call("list", "{}");
      assertThat(all.structuredContent()).isNull();
      assertThat(JSON.readTree(all.text()).size()).isEqualTo(4);
      assertThat(tools.call("list", "{\"currency\":\"USD\",\"max\":1}").text())
          .isEqualTo("[{\"id\":\"bank\",\"currency\":\"USD\",\"balanceCents\":25000}]");
      assertThat(tools.call("list", "{\"max\":2}").text()).isEqualTo("[{\"id\":\"cash\",\"currency\":\"EUR\","
          + "\"balanceCents\":1200},{\"id\":\"bank\",\"currency\":\"USD\",\"balanceCents\":25000}]");

      // void answers with no text; a String answers with itself.
      McpToolHarness.Result noted = tools.call("journal.note", "{\"text\":\"opened savings\"}");
      assertThat(noted.isError()).isFalse();
      assertThat(noted.text()).isEmpty();
      tools.call("journal.note", "{\"text\":\"opened fx\"}");
      assertThat(tools.call("journal", "{}").text()).isEqualTo("opened savings\nopened fx");

      // Static tools of a nested class and of another package; a wrapped structured result; a nested record.
      assertThat(tools.call("balanced", "{\"debits\":[100,250],\"credits\":[350]}").structuredContent())
          .isEqualTo("{\"result\":true}");
      assertThat(tools.call("balanced", "{\"debits\":[1],\"credits\":[]}").structuredContent())
          .isEqualTo("{\"result\":false}");
      assertThat(tools.call("sum", "{\"amounts\":[9007199254740993,-30]}").text()).isEqualTo("9007199254740963");
      assertThat(tools.call("days", "{\"period\":{\"from\":\"2024-02-27\",\"to\":\"2024-03-01\"}}")
          .structuredContent()).isEqualTo("{\"days\":4,\"label\":\"2024-02-27..2024-03-01\"}");

      // Arguments outside the schema never reach the method: a tool result with isError under 2025-11-25
      // (SEP-1303, so that the model can correct its call), JSON-RPC -32602 under earlier protocol versions.
      McpToolHarness.Result badEnum = tools.call("open", "{\"id\":\"x\",\"currency\":\"GBP\"}");
      assertThat(badEnum.isError()).isTrue();
      assertThat(badEnum.text()).contains("Invalid arguments for tool 'open'");
      assertThat(badEnum.text()).contains("currency");
      McpToolHarness.Result unknown = tools.call("list", "{\"limit\":3}");
      assertThat(unknown.isError()).isTrue();
      assertThat(unknown.text()).contains("Invalid arguments for tool 'list'");
      try (McpToolHarness older = McpToolHarness.open(server, "2025-06-18")) {
        McpToolHarness.ProtocolException before = assertThrows(McpToolHarness.ProtocolException.class,
            () -> older.call("open", "{\"id\":\"x\",\"currency\":\"GBP\"}"));
        assertThat(before.code()).isEqualTo(-32602);
      }
    }
  }

  /**
   * A structured {@code Optional} result is wrapped both ways, as its output schema says: present, the value
   * under {@code result} (even when it is an object itself); empty, no {@code result} at all (not {@code null},
   * which the schema rejects).
   */
  @Test
  void anEmptyOptionalResultLeavesResultOut() throws Exception {
    ToolServerDefinition server = server(new CompiledClasses(ledger), "com.acme.ledger.LedgerKitMcpServer");
    McpToolHarness.Result missing = McpToolHarness.call(server, "find", "{\"id\":\"nope\"}");
    assertWithMessage("find: %s", missing).that(missing.isError()).isFalse();
    assertThat(missing.structuredContent()).isEqualTo("{}");
    McpToolHarness.Result found = McpToolHarness.call(server, "find", "{\"id\":\"cash\"}");
    assertWithMessage("find: %s", found).that(found.structuredContent())
        .isEqualTo("{\"result\":{\"id\":\"cash\",\"currency\":\"EUR\",\"balanceCents\":1200}}");
  }

  /** The same for an {@code OptionalLong} and for a {@code @Nullable} method returning {@code null}. */
  @Test
  void anAbsentOptionalLongOrNullableResultLeavesResultOut() throws Exception {
    ToolServerDefinition server = server(new CompiledClasses(ledger), "com.acme.ledger.LedgerKitMcpServer");
    try (McpToolHarness tools = McpToolHarness.open(server)) {
      assertThat(tools.call("largest", "{\"amounts\":[3,9,4]}").structuredContent()).isEqualTo("{\"result\":9}");
      assertThat(tools.call("largest", "{\"amounts\":[]}").structuredContent()).isEqualTo("{}");
      String january = "{\"from\":\"2024-01-01\",\"to\":\"2024-01-31\"}";
      String lateJanuary = "{\"from\":\"2024-01-20\",\"to\":\"2024-02-10\"}";
      String march = "{\"from\":\"2024-03-01\",\"to\":\"2024-03-31\"}";
      McpToolHarness.Result shared = tools.call("overlap", "{\"a\":" + january + ",\"b\":" + lateJanuary + "}");
      assertWithMessage("overlap: %s", shared).that(shared.structuredContent())
          .isEqualTo("{\"result\":{\"from\":\"2024-01-20\",\"to\":\"2024-01-31\"}}");
      McpToolHarness.Result none = tools.call("overlap", "{\"a\":" + january + ",\"b\":" + march + "}");
      assertWithMessage("overlap: %s", none).that(none.structuredContent()).isEqualTo("{}");
    }
  }

  /**
   * A wrapped result keeps the declared type of its value: the type ids of a sealed hierarchy are written inside
   * a list and inside an {@code Optional}, as the output schema requires them.
   */
  @Test
  void sealedValuesInsideAWrappedResultKeepTheirTypeIds() throws Exception {
    Compilation compilation = compile(
        ProcessorTesting.source("com.acme.shapes.package-info", """
            @dev.codexplugin.api.Plugin(name = "shapes", version = "1.0.0", description = "Shapes")
            package com.acme.shapes;
            """),
        ProcessorTesting.source("com.acme.shapes.Shapes", """
            package com.acme.shapes;

            import com.fasterxml.jackson.annotation.JsonSubTypes;
            import com.fasterxml.jackson.annotation.JsonTypeInfo;
            import dev.codexplugin.api.McpTool;
            import java.util.List;
            import java.util.Optional;

            public final class Shapes {
              @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
              @JsonSubTypes({@JsonSubTypes.Type(value = Circle.class, name = "circle"),
                  @JsonSubTypes.Type(value = Square.class, name = "square")})
              public sealed interface Shape permits Circle, Square {}

              public record Circle(double radius) implements Shape {}

              public record Square(double side) implements Shape {}

              @McpTool(description = "Two shapes.", structuredOutput = true)
              public static List<Shape> two() {
                return List.of(new Circle(1), new Square(2));
              }

              @McpTool(description = "The first shape.", structuredOutput = true)
              public static Optional<Shape> first(boolean any) {
                return any ? Optional.of(new Square(3)) : Optional.empty();
              }
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    ToolServerDefinition server = server(new CompiledClasses(compilation), "com.acme.shapes.ShapesMcpServer");
    try (McpToolHarness tools = McpToolHarness.open(server)) {
      McpToolHarness.Result two = tools.call("two", "{}");
      assertWithMessage("two: %s", two).that(two.structuredContent())
          .isEqualTo("{\"result\":[{\"kind\":\"circle\",\"radius\":1.0},{\"kind\":\"square\",\"side\":2.0}]}");
      McpToolHarness.Result first = tools.call("first", "{\"any\":true}");
      assertWithMessage("first: %s", first).that(first.structuredContent())
          .isEqualTo("{\"result\":{\"kind\":\"square\",\"side\":3.0}}");
      assertThat(tools.call("first", "{\"any\":false}").structuredContent()).isEqualTo("{}");
    }
  }

  /**
   * Tool classes of unusual shapes give generated code that compiles without a lint warning and runs: a generic
   * class, a varargs parameter, an empty record, a class whose name the generated code also imports
   * ({@code Supplier}), a checked exception.
   */
  @Test
  void unusualToolClassesCompileWithoutLintWarningsAndRun() throws Exception {
    Compilation compilation = compile(List.of("-Xlint:all", "-Xlint:-processing"),
        ToolDiagnosticsTest.KIT,
        ToolDiagnosticsTest.tools("Generic", """
            public final class Generic<T> {
              @McpTool(description = "Joins names.")
              public String join(String... names) { return String.join(",", names); }
            }
            """),
        ToolDiagnosticsTest.tools("Empty", """
            public record Empty() {
              @McpTool(description = "One.")
              public int one() { return 1; }
            }
            """),
        ToolDiagnosticsTest.tools("Supplier", """
            public final class Supplier {
              @McpTool(description = "Fails with a checked exception.")
              public int fail() throws java.io.IOException { throw new java.io.IOException("disk full"); }
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    ToolServerDefinition server = server(new CompiledClasses(compilation), "com.acme.KitMcpServer");
    try (McpToolHarness tools = McpToolHarness.open(server)) {
      assertThat(tools.call("join", "{\"names\":[\"a\",\"b\"]}").text()).isEqualTo("a,b");
      assertThat(tools.call("one", "{}").text()).isEqualTo("1");
      McpToolHarness.Result failed = tools.call("fail", "{}");
      assertThat(failed.isError()).isTrue();
      assertThat(failed.text()).isEqualTo("disk full");
    }
  }

  /**
   * A class with tools, a resource and a prompt is created once per server: the server holds one lazy instance
   * per class and hands it to the class's tools and to its features. (Before, the tools and the features each
   * created their own.)
   */
  @Test
  void aClassWithToolsAndFeaturesIsCreatedOncePerServer() throws Exception {
    Compilation compilation = compile(List.of("-Xlint:all", "-Xlint:-processing", "-Werror"),
        ToolDiagnosticsTest.KIT, ToolDiagnosticsTest.tools("Both", BOTH));
    assertThat(compilation).succeededWithoutWarnings();
    CompiledClasses classes = new CompiledClasses(compilation);
    AtomicInteger created = (AtomicInteger) classes.get("com.acme.Both").getField("CREATED").get(null);
    ToolServerDefinition server = server(classes, "com.acme.KitMcpServer");
    try (McpToolHarness harness = McpToolHarness.open(server)) {
      assertThat(created.get()).isEqualTo(0); // lazily, on the first call
      assertThat(harness.call("count", "{}").text()).isEqualTo("1");
      assertThat(JSON.readTree(harness.request("resources/read", "{\"uri\":\"both://count\"}"))
          .path("contents").get(0).path("text").asText()).isEqualTo("1");
      assertThat(JSON.readTree(harness.request("prompts/get", "{\"name\":\"ask\"}")).toString()).contains("ask 1");
      assertThat(harness.call("count", "{}").text()).isEqualTo("1");
    }
    assertThat(created.get()).isEqualTo(1);
  }

  /** With an {@code @McpToolFactory}, the factory is called once for such a class, not once per kind. */
  @Test
  void theFactoryIsCalledOncePerClassWithToolsAndFeatures() throws Exception {
    Compilation compilation = compile(List.of("-Xlint:all", "-Xlint:-processing", "-Werror"),
        ToolDiagnosticsTest.KIT, ToolDiagnosticsTest.tools("Both", BOTH),
        ToolDiagnosticsTest.tools("Wiring", """
            public final class Wiring {
              public static final java.util.concurrent.atomic.AtomicInteger CALLS =
                  new java.util.concurrent.atomic.AtomicInteger();

              private Wiring() {}

              @McpToolFactory
              public static <T> T create(Class<T> type) {
                CALLS.incrementAndGet();
                try {
                  return type.getConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                  throw new IllegalStateException(e);
                }
              }
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    CompiledClasses classes = new CompiledClasses(compilation);
    AtomicInteger calls = (AtomicInteger) classes.get("com.acme.Wiring").getField("CALLS").get(null);
    AtomicInteger created = (AtomicInteger) classes.get("com.acme.Both").getField("CREATED").get(null);
    try (McpToolHarness harness = McpToolHarness.open(server(classes, "com.acme.KitMcpServer"))) {
      assertThat(harness.call("count", "{}").text()).isEqualTo("1");
      assertThat(JSON.readTree(harness.request("resources/read", "{\"uri\":\"both://count\"}"))
          .path("contents").get(0).path("text").asText()).isEqualTo("1");
      assertThat(JSON.readTree(harness.request("prompts/get", "{\"name\":\"ask\"}")).toString()).contains("ask 1");
    }
    assertThat(calls.get()).isEqualTo(1);
    assertThat(created.get()).isEqualTo(1);
  }

  private static final String BOTH = """
      public final class Both {
        public static final java.util.concurrent.atomic.AtomicInteger CREATED =
            new java.util.concurrent.atomic.AtomicInteger();

        public Both() {
          CREATED.incrementAndGet();
        }

        @McpTool(description = "How many instances there are.")
        public int count() { return CREATED.get(); }

        @McpResource(uri = "both://count", mimeType = "text/plain", description = "How many instances there are.")
        public String countText() { return String.valueOf(CREATED.get()); }

        @McpPrompt(description = "Asks.")
        public String ask() { return "ask " + CREATED.get(); }
      }
      """;

  /**
   * The generated code of tools with generic, nested, primitive, array, optional and context parameters, generic
   * structured results and a form compiles with {@code -Xlint:all -Werror} (its casts to generic types are
   * unchecked, and suppressed), and binds every kind of argument.
   */
  @Test
  void aPackageWithMoreToolsThanOneMethodHoldsSplitsItsDispatcherAndCallsEach() throws Exception {
    // 600 tools in one package: one switch and one table of them all would pass 64 KiB of bytecode at about
    // 1,800 one-line tools; past ToolCode.TOOLS_PER_METHOD they are split into methods of that many.
    StringBuilder many = new StringBuilder("public final class Many {\n");
    StringBuilder more = new StringBuilder("public final class More {\n");
    for (int i = 0; i < 600; i++) {
      (i < 400 ? many : more).append("  @McpTool(description = \"Adds ").append(i).append(".\")\n  public ")
          .append(i < 400 ? "static " : "").append("List<Integer> t").append(i)
          .append("(List<Integer> x) { return List.of(x.get(0) + ").append(i).append("); }\n");
    }
    Compilation compilation = compile(List.of("-Xlint:all", "-Xlint:-processing", "-Werror"),
        ToolDiagnosticsTest.KIT, ToolDiagnosticsTest.tools("Many", many.append("}\n").toString()),
        ToolDiagnosticsTest.tools("More", more.append("}\n").toString()));
    assertThat(compilation).succeededWithoutWarnings();
    String dispatcher = ProcessorTesting.generatedSources(compilation).entrySet().stream()
        .filter(e -> e.getKey().endsWith("Kit_McpTools.java"))
        .map(e -> new String(e.getValue(), java.nio.charset.StandardCharsets.UTF_8)).findFirst().orElseThrow();
    assertThat(dispatcher).contains("switch (tool / " + ToolCode.TOOLS_PER_METHOD + ")");
    assertThat(dispatcher).contains("private java.lang.Object call2(int tool, java.lang.Object[] a)");
    assertThat(dispatcher).doesNotContain("call3(");
    assertThat(dispatcher).contains("table2(structured, types);");
    ToolServerDefinition server = server(new CompiledClasses(compilation), "com.acme.KitMcpServer");
    try (McpToolHarness tools = McpToolHarness.open(server)) {
      for (int i : new int[] {0, 255, 256, 399, 400, 511, 512, 599}) {
        assertWithMessage("t%s", i).that(tools.call("t" + i, "{\"x\":[1]}").text()).isEqualTo("[" + (i + 1) + "]");
      }
    }
  }

  @Test
  void aPackageWithMoreClassesThanAMethodHasParametersPassesTheirInstancesAsOneArray() throws Exception {
    // A method has at most 255 parameter slots: past ToolCode.TYPED_INSTANCES classes that need an instance, the
    // dispatcher takes them as Supplier<?>... and casts each where it calls it (a generic class to Owner<?>).
    int count = ToolCode.TYPED_INSTANCES + 10;
    List<JavaFileObject> sources = new java.util.ArrayList<>(List.of(ToolDiagnosticsTest.KIT));
    for (int i = 0; i < count; i++) {
      String name = "Part" + i;
      sources.add(ToolDiagnosticsTest.tools(name, "public final class " + name + (i == 7 ? "<T>" : "") + " {\n"
          + "  private int calls;\n"
          + "  @McpTool(description = \"Counts.\")\n"
          + "  public String p" + i + "() { return \"" + i + ":\" + ++calls; }\n}\n"));
    }
    Compilation compilation = compile(List.of("-Xlint:all", "-Xlint:-processing", "-Werror"),
        sources.toArray(new JavaFileObject[0]));
    assertThat(compilation).succeededWithoutWarnings();
    String dispatcher = ProcessorTesting.generatedSources(compilation).entrySet().stream()
        .filter(e -> e.getKey().endsWith("Kit_McpTools.java"))
        .map(e -> new String(e.getValue(), java.nio.charset.StandardCharsets.UTF_8)).findFirst().orElseThrow();
    assertThat(dispatcher).contains("tools(java.util.function.Supplier<?>... instances)");
    assertThat(dispatcher)
        .containsMatch("return \\(\\(com\\.acme\\.Part7<\\?>\\) instances\\[\\d+\\]\\.get\\(\\)\\)\\.p7\\(\\);");
    ToolServerDefinition server = server(new CompiledClasses(compilation), "com.acme.KitMcpServer");
    try (McpToolHarness tools = McpToolHarness.open(server)) {
      for (int i : new int[] {0, 7, count - 1}) {
        assertThat(tools.call("p" + i, "{}").text()).isEqualTo(i + ":1");
      }
      // Each class is created once: the second call counts on the same instance.
      assertThat(tools.call("p" + (count - 1), "{}").text()).isEqualTo((count - 1) + ":2");
    }
  }

  @Test
  void genericParametersCompileWithWerrorAndBind() throws Exception {
    Compilation compilation = compile(List.of("-Xlint:all", "-Xlint:-processing", "-Werror"),
        ToolDiagnosticsTest.KIT,
        ToolDiagnosticsTest.tools("Shapes", """
            public final class Shapes {
              public record Item(String name, int count) {}

              public record Contact(String name) {}

              /** Joins everything. */
              @McpTool(structuredOutput = true)
              public Map<String, List<Integer>> join(List<String> names, Map<String, Integer> counts,
                  Optional<Item> item, int[] numbers, List<Item>[] groups, @Param(defaultValue = "7") long seven,
                  dev.codexplugin.mcp.McpLog log, char letter, double ratio, Set<List<String>> nested) {
                Map<String, List<Integer>> out = new TreeMap<>();
                out.put("names", List.of(names.size()));
                out.put("counts", List.of(counts.getOrDefault("x", -1)));
                out.put("item", List.of(item.map(Item::count).orElse(-1)));
                out.put("numbers", List.of(numbers.length));
                out.put("groups", List.of(groups.length, groups[0].get(0).count()));
                out.put("seven", List.of((int) seven));
                out.put("letter", List.of((int) letter));
                out.put("ratio", List.of((int) (ratio * 10)));
                out.put("nested", List.of(nested.size()));
                out.put("log", List.of(log == null ? 0 : 1));
                return out;
              }

              /** Maybe an item. */
              @McpTool(structuredOutput = true)
              public static Optional<List<Item>> maybe(boolean some) {
                return some ? Optional.of(List.of(new Item("a", 1))) : Optional.empty();
              }

              /** Asks for a contact. */
              @McpTool
              public static String ask(dev.codexplugin.mcp.Elicitation.Form<Contact> form) {
                return form.supported() ? "yes" : "no";
              }
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    String invoker = ProcessorTesting.generatedSources(compilation).entrySet().stream()
        .filter(e -> e.getKey().endsWith("Kit_McpTools.java"))
        .map(e -> new String(e.getValue(), java.nio.charset.StandardCharsets.UTF_8)).findFirst().orElseThrow();
    assertThat(invoker).contains("@java.lang.SuppressWarnings(\"unchecked\")");
    assertThat(invoker).contains("(java.util.List<java.lang.String>) a[0],");
    assertThat(invoker).contains("(java.util.Map<java.lang.String, java.lang.Integer>) a[1]");
    ToolServerDefinition server = server(new CompiledClasses(compilation), "com.acme.KitMcpServer");
    try (McpToolHarness tools = McpToolHarness.open(server)) {
      McpToolHarness.Result join = tools.call("join", "{\"names\":[\"a\",\"b\"],\"counts\":{\"x\":3},"
          + "\"item\":{\"name\":\"i\",\"count\":4},\"numbers\":[1,2,3],\"groups\":[[{\"name\":\"g\","
          + "\"count\":5}]],\"letter\":\"A\",\"ratio\":0.5,\"nested\":[[\"x\"],[\"y\"]]}");
      assertWithMessage("join: %s", join).that(join.structuredContent()).isEqualTo("{\"counts\":[3],"
          + "\"groups\":[1,5],\"item\":[4],\"letter\":[65],\"log\":[1],\"names\":[2],\"nested\":[2],"
          + "\"numbers\":[3],\"ratio\":[5],\"seven\":[7]}");
      assertThat(tools.call("maybe", "{\"some\":true}").structuredContent())
          .isEqualTo("{\"result\":[{\"name\":\"a\",\"count\":1}]}");
      assertThat(tools.call("maybe", "{\"some\":false}").structuredContent()).isEqualTo("{}");
      assertThat(tools.call("ask", "{}").text()).isEqualTo("no");
    }
  }

  // ------------------------------------------------------------------------------------------ two plugins

  @Test
  void eachPluginServesItsOwnToolsUnderItsVersion() throws Exception {
    CompiledClasses classes = new CompiledClasses(twoPlugins);
    ToolServerDefinition alpha = server(classes, "com.acme.alpha.AlphaToolsMcpServer");
    ToolServerDefinition beta = server(classes, "com.acme.beta.BetaToolsMcpServer");
    assertThat(alpha.serverName()).isEqualTo("alpha-tools");
    assertThat(alpha.version()).isEqualTo("3.4.5"); // -Acodexplugin.version: the @Plugin has none
    assertThat(beta.serverName()).isEqualTo("beta-tools");
    assertThat(beta.version()).isEqualTo("0.9.0");
    try (McpToolHarness a = McpToolHarness.open(alpha); McpToolHarness b = McpToolHarness.open(beta)) {
      assertListMatchesToolsFile(alpha, a, twoPlugins, "alpha-tools");
      assertListMatchesToolsFile(beta, b, twoPlugins, "beta-tools");

      assertThat(b.call("add", "{\"a\":2,\"b\":40}").text()).isEqualTo("42");
      assertThat(b.call("add", "{\"a\":2}").text()).isEqualTo("3");
      assertThat(b.call("divide", "{\"a\":7,\"b\":2}").structuredContent()).isEqualTo("{\"result\":3}");
      McpToolHarness.Result byZero = b.call("divide", "{\"a\":7,\"b\":0}");
      assertThat(byZero.isError()).isTrue();
      assertThat(byZero.text()).isEqualTo("/ by zero");
      McpToolHarness.Result notAnInt = b.call("add", "{\"a\":2147483648}");
      assertThat(notAnInt.isError()).isTrue();
      assertThat(notAnInt.text()).contains("Invalid arguments for tool 'add'");

      McpToolHarness.ProtocolException elsewhere = assertThrows(McpToolHarness.ProtocolException.class,
          () -> a.call("add", "{\"a\":1}"));
      assertThat(elsewhere.code()).isEqualTo(-32602);
    }
  }

  @Test
  void theFactoryCreatesTheToolClassOnceOnItsFirstCall() throws Exception {
    CompiledClasses classes = new CompiledClasses(twoPlugins);
    AtomicInteger created = (AtomicInteger) classes.get("com.acme.alpha.Wiring").getField("CREATED").get(null);
    ToolServerDefinition alpha = server(classes, "com.acme.alpha.AlphaToolsMcpServer");
    try (McpToolHarness tools = McpToolHarness.open(alpha)) {
      assertThat(created.get()).isEqualTo(0);
      assertThat(tools.call("greet", "{\"name\":\"Ada\"}").text()).isEqualTo("Hej, Ada! (1)");
      assertThat(tools.call("greet", "{\"name\":\"Bo\"}").text()).isEqualTo("Hej, Bo! (2)");
      assertThat(created.get()).isEqualTo(1);
    }
  }
}
