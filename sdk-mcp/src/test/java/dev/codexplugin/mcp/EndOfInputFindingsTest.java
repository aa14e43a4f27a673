package dev.codexplugin.mcp;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexplugin.mcp.fixtures.ReleaseToolsMcpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The inputs {@code McpInputFuzzTest#lines} (fuzz-tests) found, each replayed here: a request after
 * {@code initialize} without a valid {@code notifications/initialized}, then end of input. The SDK holds such a
 * request until the session is initialized, which it never will be; the server used to wait the whole
 * {@link McpToolServer#SHUTDOWN_GRACE} (10 s) for its answer. It now ends at once (a bound, not a benchmark),
 * while the answers it can give are still written.
 */
class EndOfInputFindingsTest {
  private static final Duration PROMPT = Duration.ofSeconds(3);
  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"fuzz\",\"version\":\"1\"}}}";

  /** fuzz-tests/.../McpInputFuzzTestInputs/lines/request-before-initialized-tools-call.jsonl */
  @Test
  void aToolsCallBeforeInitializedDoesNotHoldTheEndOfInput() throws Exception {
    List<JsonNode> out = serve(INITIALIZE + "\n"
        + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{}}}\n");
    assertThat(out.get(0).path("id").asInt()).isEqualTo(1);
    assertThat(out.get(0).path("result").has("protocolVersion")).isTrue();
  }

  /** fuzz-tests/.../McpInputFuzzTestInputs/lines/request-before-initialized-ping.jsonl */
  @Test
  void aPingBeforeInitializedIsAnsweredAndDoesNotHoldTheEndOfInput() throws Exception {
    List<JsonNode> out = serve(INITIALIZE + "\n{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"ping\"}\n");
    assertThat(out.stream().filter(n -> n.path("id").asText().equals("x")).findFirst().orElseThrow()
        .toString()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":{}}");
  }

  /** fuzz-tests/.../McpInputFuzzTestInputs/lines/request-after-broken-initialized-notification.jsonl */
  @Test
  void aRequestAfterABrokenInitializedNotificationDoesNotHoldTheEndOfInput() throws Exception {
    List<JsonNode> out = serve(INITIALIZE + "\n"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initiai\"zeld}\n"
        + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{}}}\n");
    assertThat(out.stream().anyMatch(n -> n.path("error").path("code").asInt() == -32700)).isTrue();
  }

  /** A tools/list held before initialized, with no initialize at all, ends promptly too. */
  @Test
  void aRequestWithoutAnyInitializeDoesNotHoldTheEndOfInput() throws Exception {
    serve("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}\n");
  }

  /** The same session initialized: the call is in flight at end of input and still answered. */
  @Test
  void aCallAfterInitializedIsStillAnsweredAtEndOfInput() throws Exception {
    List<JsonNode> out = serve(INITIALIZE + "\n{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
        + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}\n");
    assertThat(out.stream().anyMatch(n -> n.path("id").asInt() == 3 && n.has("result"))).isTrue();
  }

  /** A request held before initialized counts as in flight again once the notification follows: answered. */
  @Test
  void aRequestHeldUntilInitializedIsAnsweredWhenTheNotificationFollows() throws Exception {
    List<JsonNode> out = serve(INITIALIZE + "\n{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}\n"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n");
    assertThat(out.stream().anyMatch(n -> n.path("id").asInt() == 3 && n.has("result"))).isTrue();
  }

  private static List<JsonNode> serve(String input) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    McpToolServer.Running running =
        McpToolServer.start(new ReleaseToolsMcpServer(), new ByteArrayInputStream(input.getBytes(UTF_8)), bytes);
    try {
      assertThat(running.awaitTermination(PROMPT)).isTrue();
    } finally {
      running.close();
    }
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : bytes.toString(UTF_8).split("\n")) {
      if (!line.isBlank()) {
        lines.add(mapper.readTree(line));
      }
    }
    return lines;
  }
}
