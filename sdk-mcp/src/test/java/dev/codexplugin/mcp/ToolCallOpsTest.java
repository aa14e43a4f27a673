package dev.codexplugin.mcp;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexplugin.mcp.fixtures.ReleaseToolsMcpServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ops contract of tool calls through the real server path: one JSON line on stderr per call, never the
 * argument values, and one span per call with the OpenTelemetry SDK's in-memory exporter.
 */
class ToolCallOpsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

  @Test
  void everyCallWritesOneLineWithTheOutcomeAndNoArgumentValues() throws Exception {
    List<JsonNode> lines = callsLogged(harness -> {
      harness.call("compare", "{\"a\":\"1.0.0\",\"b\":\"2.0.0\"}");
      harness.call("fail", "{\"message\":\"boom\"}");
      harness.call("tags", "{\"names\":null}"); // 2025-11-25: an isError result the model can read
    });
    List<JsonNode> older = callsLogged("2025-06-18", harness -> assertThrows(
        McpToolHarness.ProtocolException.class, () -> harness.call("tags", "{\"names\":null}"))); // -32602

    assertThat(lines).hasSize(3);
    JsonNode ok = lines.get(0);
    assertThat(names(ok)).containsExactly("time", "source", "server", "tool", "durationMs", "outcome").inOrder();
    assertThat(ok.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(ok.path("source").asText()).isEqualTo("codexplugin.tool");
    assertThat(ok.path("server").asText()).isEqualTo(new ReleaseToolsMcpServer().serverName());
    assertThat(ok.path("tool").asText()).isEqualTo("compare");
    assertThat(ok.path("outcome").asText()).isEqualTo("ok");
    assertThat(ok.toString()).doesNotContain("2.0.0");

    JsonNode failed = lines.get(1);
    assertThat(failed.path("outcome").asText()).isEqualTo("error");
    assertThat(failed.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(failed.path("errorMessage").asText()).isEqualTo("boom");

    JsonNode invalid = lines.get(2);
    assertThat(invalid.path("tool").asText()).isEqualTo("tags");
    assertThat(invalid.path("outcome").asText()).isEqualTo("invalid_arguments");
    assertThat(invalid.path("errorType").asText()).isEqualTo("InvalidArguments");
    assertThat(invalid.path("errorMessage").asText()).startsWith("Invalid arguments for tool 'tags': ");
    assertThat(older).hasSize(1);
    assertThat(older.get(0).path("outcome").asText()).isEqualTo("invalid_arguments");
    assertThat(older.get(0).path("errorType").asText()).isEqualTo("InvalidArguments");
    assertThat(older.get(0).path("errorMessage").asText()).isEqualTo(invalid.path("errorMessage").asText());
  }

  @Test
  void everyCallIsOneServerSpanAfterTheMcpConventions() {
    callsLogged(harness -> {
      harness.call("compare", "{\"a\":\"1.0.0\",\"b\":\"2.0.0\"}");
      harness.call("fail", "{\"message\":\"boom\"}");
    });

    List<SpanData> spans = OTEL.getSpans();
    assertThat(spans).hasSize(2);
    SpanData ok = spans.get(0);
    assertThat(ok.getName()).isEqualTo("tools/call compare");
    assertThat(ok.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(ok.getInstrumentationScopeInfo().getName()).isEqualTo("dev.codexplugin.mcp");
    assertThat(ok.getAttributes().get(AttributeKey.stringKey("mcp.method.name"))).isEqualTo("tools/call");
    assertThat(ok.getAttributes().get(AttributeKey.stringKey("gen_ai.operation.name"))).isEqualTo("execute_tool");
    assertThat(ok.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.name"))).isEqualTo("compare");
    assertThat(ok.getAttributes().get(AttributeKey.stringKey("codexplugin.tool.outcome"))).isEqualTo("ok");
    assertThat(ok.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

    SpanData failed = spans.get(1);
    assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(failed.getStatus().getDescription()).isEqualTo("boom");
    assertThat(failed.getAttributes().get(AttributeKey.stringKey("error.type")))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(failed.getEvents().get(0).getName()).isEqualTo("exception");
  }

  interface Calls {
    void run(McpToolHarness harness) throws Exception;
  }

  /** Runs {@code calls} on a fresh harness and returns the codexplugin.tool lines they wrote to stderr. */
  private static List<JsonNode> callsLogged(Calls calls) {
    return callsLogged("2025-11-25", calls);
  }

  private static List<JsonNode> callsLogged(String protocolVersion, Calls calls) {
    PrintStream saved = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try (McpToolHarness harness = McpToolHarness.open(new ReleaseToolsMcpServer(), protocolVersion)) {
      calls.run(harness);
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      System.setErr(saved);
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : bytes.toString(StandardCharsets.UTF_8).lines().toList()) {
      if (line.startsWith("{\"time\"") && line.contains("\"source\":\"codexplugin.tool\"")) {
        try {
          lines.add(JSON.readTree(line));
        } catch (Exception e) {
          throw new AssertionError(line, e);
        }
      }
    }
    return lines;
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
