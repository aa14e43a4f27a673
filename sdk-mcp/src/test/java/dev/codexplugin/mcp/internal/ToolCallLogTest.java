package dev.codexplugin.mcp.internal;

import static com.google.common.truth.Truth.assertThat;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Argument values reach the log line only when the user opts in with {@code CODEXPLUGIN_LOG_ARGUMENTS=1}. */
class ToolCallLogTest {
  @Test
  void argumentsOnlyWhenOptedIn() {
    assertThat(line(Map.of())).doesNotContain("arguments");
    assertThat(line(Map.of("CODEXPLUGIN_LOG_ARGUMENTS", "0"))).doesNotContain("arguments");
    assertThat(line(Map.of("CODEXPLUGIN_LOG_ARGUMENTS", "1"))).contains("\"arguments\":{\"version\":\"1.4.2\"}");
  }

  private static String line(Map<String, String> env) {
    PrintStream saved = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      ToolCallLog log = new ToolCallLog("release-tools", env);
      log.start("bump", Map.of("version", "1.4.2")).end(CallToolResult.builder().addTextContent("1.5.0")
          .isError(false).build());
    } finally {
      System.setErr(saved);
    }
    return bytes.toString(StandardCharsets.UTF_8).strip();
  }
}
