package dev.codexplugin.mcp;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ToolTable}, as the generated code uses it: the descriptors come from the resource next to the server
 * class ({@code ToolTableTest.tools} here), verbatim, and the arguments are bound by the table's types, by name
 * and default from each descriptor's input schema, context parameters by type.
 */
class ToolTableTest {
  private static final ToolTable.Invoker INVOKER = (tool, a) -> switch (tool) {
    case 0 -> (a[0] != null ? "p:" : "") + ((String) a[1]).repeat((int) a[2]) + ":" + ((BigDecimal) a[3]);
    case 1 -> Map.of("n", 3);
    default -> throw new AssertionError(tool);
  };

  private static ToolTable table() {
    return new ToolTable(INVOKER, new boolean[] {false, true},
        new Type[][] {{Progress.class, String.class, int.class, BigDecimal.class}, {}});
  }

  private static java.io.InputStream resource() {
    return ToolTableTest.class.getResourceAsStream("ToolTableTest.tools");
  }

  private static ToolServerDefinition server(List<ToolMethod> tools) {
    return new ToolServerDefinition() {
      @Override
      public String serverName() {
        return "table";
      }

      @Override
      public String version() {
        return "1.0.0";
      }

      @Override
      public List<ToolMethod> tools() {
        return tools;
      }
    };
  }

  @Test
  void servesTheResourceVerbatimAndBindsByTheTable() throws Exception {
    List<String> lines;
    try (var in = ToolTableTest.class.getResourceAsStream("ToolTableTest.tools")) {
      lines = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    }
    List<ToolMethod> methods = ToolTable.methods(ToolTableTest.class, resource(), table());
    assertThat(methods.stream().map(ToolMethod::name).toList()).containsExactly("greet", "count").inOrder();
    assertThat(methods.stream().map(ToolMethod::descriptor).toList()).isEqualTo(lines);
    assertThat(methods.get(1).structured()).isTrue();
    try (McpToolHarness harness = McpToolHarness.open(server(methods))) {
      assertThat(harness.listTools().size()).isEqualTo(2);
      // The defaults come from the schema, exactly (0.10 keeps its scale); the Progress is the call's.
      assertThat(harness.call("greet", "{\"name\":\"ab\"}").text()).isEqualTo("p:abab:0.10");
      assertThat(harness.call("greet", "{\"name\":\"ab\",\"times\":3,\"ratio\":1.5}").text())
          .isEqualTo("p:ababab:1.5");
      assertThat(harness.call("count", "{}").structuredContent()).isEqualTo("{\"n\":3}");
    }
  }

  @Test
  void anotherNumberOfDescriptorsThanToolsFailsAtStart() {
    ToolTable one = new ToolTable(INVOKER, new boolean[] {false}, new Type[][] {{}});
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ToolTable.methods(ToolTableTest.class, resource(), one));
    assertThat(e).hasMessageThat().contains("holds 2 tool descriptors, but the generated classes have 1 tools");
  }

  @Test
  void aMissingResourceFailsAtStart() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ToolTable.methods(ToolTable.class, ToolTable.class.getResourceAsStream("ToolTable.tools"), table()));
    assertThat(e).hasMessageThat().contains("no resource ToolTable.tools next to dev.codexplugin.mcp.ToolTable");
  }

  @Test
  void aParameterWithoutAPropertyIsAnError() {
    ToolTable table = new ToolTable(INVOKER, new boolean[] {false, true},
        new Type[][] {{Progress.class, String.class, int.class, BigDecimal.class}, {String.class}});
    List<ToolMethod> methods = ToolTable.methods(ToolTableTest.class, resource(), table);
    try (McpToolHarness harness = McpToolHarness.open(server(methods))) {
      McpToolHarness.Result result = harness.call("count", "{}");
      assertThat(result.isError()).isTrue();
      assertThat(result.text()).contains("tool count: parameter 0 has no property in the input schema");
    }
  }

  @Test
  void formTypesAreElicitationForms() {
    Type form = ToolTable.form("{\"type\":\"object\"}", String.class);
    assertThat(form).isEqualTo(Types.parameterized(Elicitation.Form.class, String.class));
    assertThat(form.getTypeName()).isEqualTo("dev.codexplugin.mcp.Elicitation$Form<java.lang.String>");
  }
}
