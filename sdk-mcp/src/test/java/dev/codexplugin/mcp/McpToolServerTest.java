package dev.codexplugin.mcp;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexplugin.mcp.fixtures.ReleaseToolsMcpServer;
import dev.codexplugin.mcp.internal.Pipe;
import dev.codexplugin.mcp.internal.ProtocolInput;
import dev.codexplugin.mcp.internal.ToolServerSession;
import dev.codexplugin.testing.JsonRpcLines;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server on in-memory pipes, spoken to with raw JSON-RPC lines: what goes over the wire. */
class McpToolServerTest {
  private final Pipe toServer = new Pipe();
  private final Pipe fromServer = new Pipe();
  private McpToolServer.Running running;
  private JsonRpcLines client;

  private void start(ToolServerDefinition definition) {
    running = McpToolServer.start(definition, toServer.source(), fromServer.sink());
    client = new JsonRpcLines(toServer.sink(), fromServer.source());
  }

  @AfterEach
  void stop() throws Exception {
    if (running != null) {
      running.close();
    }
    toServer.sink().close(); // ends the input thread's read
  }

  @Test
  void initializeAnswersWithServerInfoAndTheToolsCapability() {
    start(new ReleaseToolsMcpServer());

    JsonNode response = client.initialize();

    assertThat(response.get("id").asInt()).isEqualTo(0);
    JsonNode result = response.get("result");
    assertThat(result.get("serverInfo").get("name").asText()).isEqualTo("release-tools");
    assertThat(result.get("serverInfo").get("version").asText()).isEqualTo("1.0.0");
    assertThat(result.get("capabilities").has("tools")).isTrue();
    assertThat(result.get("protocolVersion").asText()).isEqualTo("2025-11-25");
  }

  @Test
  void voidResultIsAnEmptyContentArrayAndNoStructuredContent() {
    start(new ReleaseToolsMcpServer());
    client.initialize();

    client.call(1, "reset", "{}");
    JsonNode result = client.next().get("result");

    assertThat(result.toString()).isEqualTo("{\"content\":[],\"isError\":false}");
  }

  @Test
  void structuredResultCarriesTheSameJsonAsItsOnlyTextContent() {
    start(new ReleaseToolsMcpServer());
    client.initialize();

    client.call(1, "bump", "{\"version\":{\"major\":0,\"minor\":9,\"patch\":9},\"part\":\"MAJOR\"}");
    JsonNode result = client.next().get("result");

    assertThat(result.get("structuredContent").toString()).isEqualTo("{\"major\":1,\"minor\":0,\"patch\":0}");
    assertThat(result.get("content")).hasSize(1);
    assertThat(result.get("content").get(0).get("type").asText()).isEqualTo("text");
    assertThat(result.get("content").get(0).get("text").asText()).isEqualTo("{\"major\":1,\"minor\":0,\"patch\":0}");
  }

  @Test
  void throwingToolIsAnIsErrorResultOnTheWire() {
    start(new ReleaseToolsMcpServer());
    client.initialize();

    client.call(1, "fail", "{\"message\":\"boom\"}");

    assertThat(client.next().get("result").toString())
        .isEqualTo("{\"content\":[{\"type\":\"text\",\"text\":\"boom\"}],\"isError\":true}");
  }

  @Test
  void blankLinesAreIgnoredAndMalformedLinesGetAParseErrorAndTheSessionGoesOn() {
    start(new ReleaseToolsMcpServer());
    client.initialize();

    client.send("");
    client.send("   \t ");
    client.send("this is not json");
    client.send("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":");
    client.send("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\"} trailing");
    client.call(7, "compare", "{\"a\":\"1.0.0\",\"b\":\"1.0.1\"}");

    for (int i = 0; i < 3; i++) {
      JsonNode error = client.next();
      assertThat(error.get("id").isNull()).isTrue();
      assertThat(error.get("error").get("code").asInt()).isEqualTo(-32700);
      assertThat(error.get("error").get("message").asText()).isEqualTo("Parse error");
    }
    JsonNode answer = client.next();
    assertThat(answer.get("id").asInt()).isEqualTo(7);
    assertThat(answer.get("result").get("content").get(0).get("text").asText()).isEqualTo("-1");
  }

  @Test
  void jsonThatIsNoJsonRpcMessageGetsInvalidRequestWithItsIdWhenItHasOne() {
    start(new ReleaseToolsMcpServer());
    client.initialize();

    client.send("[1,2]");
    client.send("{\"jsonrpc\":\"2.0\",\"id\":8}");
    client.send("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}");
    client.request(9, "ping", "{}");

    JsonNode array = client.next();
    JsonNode noMethod = client.next();
    JsonNode badId = client.next();
    assertThat(array.get("id").isNull()).isTrue();
    assertThat(array.get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(noMethod.get("id").asInt()).isEqualTo(8);
    assertThat(noMethod.get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(badId.get("id").isNull()).isTrue(); // a fractional id is refused, never echoed
    assertThat(badId.get("error").get("message").asText())
        .isEqualTo("Invalid Request: \"id\" must be a string or an integer, not the number 1.5");
    assertThat(badId.get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(client.next().toString()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":9,\"result\":{}}");
  }

  @Test
  void crlfLineEndsAndCarriageReturnsBetweenTokensAreAccepted() throws Exception {
    start(new ReleaseToolsMcpServer());
    client.initialize();

    OutputStream raw = toServer.sink();
    raw.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\r\n".getBytes(StandardCharsets.UTF_8));
    raw.write("{\"jsonrpc\":\"2.0\",\r\"id\":2,\r\"method\":\"ping\"}\n".getBytes(StandardCharsets.UTF_8));
    raw.flush();

    assertThat(client.next().get("id").asInt()).isEqualTo(1);
    assertThat(client.next().get("id").asInt()).isEqualTo(2);
  }

  @Test
  void overlongLineGetsInvalidRequestAndTheSessionGoesOn() throws Exception {
    start(new ReleaseToolsMcpServer());
    client.initialize();

    byte[] line = new byte[ProtocolInput.MAX_LINE_BYTES + 10];
    Arrays.fill(line, (byte) 'x');
    line[line.length - 1] = '\n';
    toServer.sink().write(line);
    client.request(2, "ping", "{}");

    JsonNode error = client.next();
    assertThat(error.get("error").get("code").asInt()).isEqualTo(-32600);
    assertThat(error.get("error").get("data").asText()).contains("longer than");
    assertThat(client.next().get("id").asInt()).isEqualTo(2);
  }

  @Test
  void endOfInputLetsTheCallInFlightAnswerBeforeTheSessionEnds() throws Exception {
    start(new ReleaseToolsMcpServer());
    client.initialize();

    client.call(3, "sleep", "{\"millis\":700}");
    client.close();

    assertThat(running.awaitTermination(Duration.ofSeconds(20))).isTrue();
    JsonNode answer = client.next();
    assertThat(answer.get("id").asInt()).isEqualTo(3);
    assertThat(answer.get("result").get("content").get(0).get("text").asText()).isEqualTo("slept 700");
  }

  @Test
  void callsStillRunningAfterTheGracePeriodAreDroppedAndTheSessionEnds() throws Exception {
    ToolServerSession session = ToolServerSession.start(
        new ReleaseToolsMcpServer(), toServer.source(), fromServer.sink(), Duration.ofMillis(300));
    try {
      client = new JsonRpcLines(toServer.sink(), fromServer.source());
      client.initialize();
      client.call(4, "sleep", "{\"millis\":5000}");
      client.close();

      long start = System.nanoTime();
      assertThat(session.awaitTermination(4, TimeUnit.SECONDS)).isTrue();

      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(4000L);
      assertThat(client.lines()).hasSize(1); // the initialize response only
    } finally {
      session.close();
    }
  }

  @Test
  void closeEndsTheSessionWhileTheInputStaysOpen() throws Exception {
    start(new ReleaseToolsMcpServer());
    client.initialize();

    running.close();

    assertThat(running.awaitTermination(Duration.ZERO)).isTrue();
  }

  @Test
  void outputThatDoesNotMatchTheOutputSchemaIsAnErrorResult() {
    start(Definitions.of("odd", Definitions.structured("odd",
        "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}},\"required\":[\"n\"]}",
        args -> java.util.Map.of("n", "not a number"))));
    client.initialize();

    client.call(1, "odd", "{}");
    JsonNode result = client.next().get("result");

    assertThat(result.get("isError").asBoolean()).isTrue();
    assertThat(result.get("content").get(0).get("text").asText()).contains("output validation failed");
  }

  @Test
  void toolsListKeepsTheDefinitionOrder() {
    start(new ReleaseToolsMcpServer());
    client.initialize();

    client.request(1, "tools/list", "{}");
    JsonNode tools = client.next().get("result").get("tools");

    List<String> names = new java.util.ArrayList<>();
    tools.forEach(t -> names.add(t.get("name").asText()));
    assertThat(names).containsExactly("compare", "bump", "plan", "tags", "schedule", "reset", "announce", "fail",
        "sleep", "leaveThread", "reject").inOrder();
  }
}
