package dev.codexplugin.mcp.internal;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Argument values reach the log line only when the user opts in with {@code CODEXPLUGIN_LOG_ARGUMENTS=1}; the line,
 * written by hand, is the JSON Jackson would write (time format, escaping).
 */
class ToolCallLogTest {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void theTimeIsTheFormattersUtcTimeToTheMillisecond() {
    long[] instants = {0L, 1L, 999L, 86_399_999L, 951_782_400_000L /* 2000-02-29 */, 1_798_761_599_999L,
        1_796_428_800_123L, -1L, -86_400_001L, 253_402_300_799_999L /* 9999-12-31T23:59:59.999 */};
    for (long millis : instants) {
      StringBuilder out = new StringBuilder();
      ToolCallLog.time(millis, out);
      assertThat(out.toString()).isEqualTo(TIME.format(Instant.ofEpochMilli(millis)));
    }
  }

  @Test
  void stringsAreEscapedAsJacksonWritesThem() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>(List.of("", "plain", "say \"hi\"", "back\\slash", "line\nbreak\r\t",
        "\u0000\u0001\u001f\u007f", "é ü 日本 \uD83D\uDE00", "</script>", "\u2028\u2029"));
    for (String text : texts) {
      StringBuilder out = new StringBuilder();
      ToolCallLog.string(text, out);
      assertThat(out.toString()).isEqualTo(json.writeValueAsString(text));
    }
  }

  @Test
  void aFailedCallsLineIsOneJsonObjectWithTheFieldsInOrder() throws Exception {
    String message = "bad \"value\"\nsecond line \u0007";
    String line = lineOf(Map.of(), log -> log.start("bump", Map.of()).end(new IllegalStateException(message)));
    assertThat(line).doesNotContain("\n");
    JsonNode node = new ObjectMapper().readTree(line);
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("time", "source", "server", "tool", "durationMs", "outcome", "errorType",
        "errorMessage").inOrder();
    assertThat(node.path("server").asText()).isEqualTo("release-tools");
    assertThat(node.path("outcome").asText()).isEqualTo("protocol_error");
    assertThat(node.path("errorType").asText()).isEqualTo(IllegalStateException.class.getName());
    assertThat(node.path("errorMessage").asText()).isEqualTo(message);
    assertThat(node.path("durationMs").isIntegralNumber()).isTrue();
  }

  @Test
  void argumentsOnlyWhenOptedIn() {
    assertThat(line(Map.of())).doesNotContain("arguments");
    assertThat(line(Map.of("CODEXPLUGIN_LOG_ARGUMENTS", "0"))).doesNotContain("arguments");
    assertThat(line(Map.of("CODEXPLUGIN_LOG_ARGUMENTS", "1"))).contains("\"arguments\":{\"version\":\"1.4.2\"}");
  }

  private static String line(Map<String, String> env) {
    return lineOf(env, log -> log.start("bump", Map.of("version", "1.4.2")).end(CallToolResult.builder()
        .addTextContent("1.5.0").isError(false).build()));
  }

  private static String lineOf(Map<String, String> env, java.util.function.Consumer<ToolCallLog> call) {
    PrintStream saved = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      call.accept(new ToolCallLog("release-tools", env));
    } finally {
      System.setErr(saved);
    }
    return bytes.toString(StandardCharsets.UTF_8).strip();
  }
}
