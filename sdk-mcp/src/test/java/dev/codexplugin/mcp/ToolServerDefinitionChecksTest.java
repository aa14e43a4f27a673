package dev.codexplugin.mcp;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codexplugin.mcp.internal.Pipe;
import org.junit.jupiter.api.Test;

/** A definition the server cannot serve as a client expects fails at start, naming the tool and the fix. */
class ToolServerDefinitionChecksTest {
  private static String failure(ToolServerDefinition definition) {
    return assertThrows(IllegalArgumentException.class, () -> McpToolHarness.open(definition)).getMessage();
  }

  @Test
  void inputSchemaMustBeAnObjectSchema() {
    String message = failure(Definitions.of("s", Definitions.tool("t", "{\"type\":\"string\"}", args -> "")));

    assertThat(message).contains("Invalid MCP tool server 's'");
    assertThat(message).contains("tool 't': inputSchema.type must be \"object\"");
    assertThat(message).contains("found \"string\"");
  }

  @Test
  void inputSchemaIsRequired() {
    String message = failure(Definitions.of("s", Definitions.raw("t", "{\"name\":\"t\"}", false)));

    assertThat(message).contains("tool 't': the descriptor has no inputSchema");
  }

  @Test
  void outputSchemaMustBeAnObjectSchema() {
    String message = failure(Definitions.of("s",
        Definitions.structured("t", "{\"type\":\"array\",\"items\":{\"type\":\"string\"}}", args -> "")));

    assertThat(message).contains("tool 't': outputSchema.type must be \"object\"");
  }

  @Test
  void outputSchemaOnAToolThatIsNotStructuredIsRefused() {
    String message = failure(Definitions.of("s", Definitions.raw("t",
        "{\"name\":\"t\",\"inputSchema\":{\"type\":\"object\"},\"outputSchema\":{\"type\":\"object\"}}", false)));

    assertThat(message).contains("tool 't' has an outputSchema but is not structured");
  }

  @Test
  void descriptorNameMustBeTheToolName() {
    String message = failure(Definitions.of("s",
        Definitions.raw("t", "{\"name\":\"other\",\"inputSchema\":{\"type\":\"object\"}}", false)));

    assertThat(message).contains("tool 't': the descriptor's name is \"other\", not \"t\"");
  }

  @Test
  void descriptorMustBeJson() {
    String message = failure(Definitions.of("s", Definitions.raw("t", "{\"name\":", false)));

    assertThat(message).contains("tool 't': the descriptor is not JSON");
  }

  @Test
  void descriptorFieldsTheSdkWouldDropAreRefused() {
    String message = failure(Definitions.of("s", Definitions.raw("t",
        "{\"name\":\"t\",\"inputSchema\":{\"type\":\"object\"},\"color\":\"red\",\"annotations\":{\"fast\":true}}",
        false)));

    assertThat(message).contains("tool 't': descriptor field(s) [annotations, color] would not be served");
  }

  @Test
  void toolNamesMustBeUnique() {
    String message = failure(Definitions.of("s",
        Definitions.tool("t", Definitions.EMPTY_INPUT, args -> ""),
        Definitions.tool("t", Definitions.EMPTY_INPUT, args -> "")));

    assertThat(message).contains("tool 't' is defined twice");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    String message = failure(Definitions.of("s",
        Definitions.tool("a", "{\"type\":\"string\"}", args -> ""),
        Definitions.tool("b", "{\"type\":\"array\"}", args -> "")));

    assertThat(message).contains("tool 'a': inputSchema.type");
    assertThat(message).contains("tool 'b': inputSchema.type");
  }

  @Test
  void schemaThatIsNotValidJsonSchemaIsRefusedBySdk() {
    String message = failure(Definitions.of("s", Definitions.tool("t",
        "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"objekt\"}}}", args -> "")));

    assertThat(message).contains("Invalid MCP tool server 's'");
    assertThat(message).contains("Tool 't' inputSchema is not a valid JSON Schema 2020-12 document");
  }

  @Test
  void toolNameOutsideTheMcpCharacterSetIsRefused() {
    String message = failure(Definitions.of("s", Definitions.tool("my tool", Definitions.EMPTY_INPUT, args -> "")));

    assertThat(message).contains("Invalid MCP tool server 's'");
    assertThat(message).contains("my tool");
  }

  @Test
  void serverNameAndVersionAreRequired() {
    ToolServerDefinition definition = new ToolServerDefinition() {
      @Override
      public String serverName() {
        return "";
      }

      @Override
      public String version() {
        return null;
      }

      @Override
      public java.util.List<ToolMethod> tools() {
        return java.util.List.of();
      }
    };

    String message = failure(definition);

    assertThat(message).contains("serverName() must not be empty");
    assertThat(message).contains("version() must not be empty");
  }

  @Test
  void startChecksBeforeAnyThreadRuns() {
    Pipe in = new Pipe();
    Pipe out = new Pipe();
    ToolServerDefinition bad = Definitions.of("s", Definitions.tool("t", "{\"type\":\"string\"}", args -> ""));

    long before = inputThreads();

    assertThrows(IllegalArgumentException.class, () -> McpToolServer.start(bad, in.source(), out.sink()));

    assertThat(inputThreads()).isAtMost(before);
  }

  private static long inputThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("codexplugin-mcp-input"))
        .count();
  }
}
