package dev.codexplugin.mcp;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexplugin.mcp.fixtures.ReleaseToolsMcpServer;
import dev.codexplugin.mcp.internal.Pipe;
import dev.codexplugin.testing.JsonRpcLines;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The departures from the 2025-11-25 specification found by probing the release-tools server, each fixed and
 * checked on the wire (raw JSON-RPC lines over the stdio transport). Those that need the conformance server's
 * tools (progress, logging, elicitation, sampling, rich content) are in {@code samples/mcp-conformance}'s
 * {@code SpecDeparturesTest}, against the server the processor generates there.
 */
class SpecDeparturesTest {
  private final Pipe toServer = new Pipe();
  private final Pipe fromServer = new Pipe();
  private McpToolServer.Running running;
  private JsonRpcLines client;

  private void start(ToolServerDefinition definition) {
    running = McpToolServer.start(definition, toServer.source(), fromServer.sink());
    client = new JsonRpcLines(toServer.sink(), fromServer.source());
  }

  @AfterEach
  void stop() {
    client.close();
    running.close();
  }

  @Test
  void aPingBeforeInitializeIsAnsweredAtOnce() {
    start(new ReleaseToolsMcpServer());
    client.request(1, "ping", "{}");
    assertThat(client.next().toString()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
  }

  @Test
  void toolsCallWithoutParamsOrWithArrayArgumentsIsInvalidParamsWithAPlainMessage() {
    start(new ReleaseToolsMcpServer());
    client.initialize("2025-11-25", "{}");
    client.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"}");
    client.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"compare\","
        + "\"arguments\":[1,2]}}");
    JsonNode noParams = client.next();
    JsonNode array = client.next();
    assertThat(noParams.path("error").path("code").asInt()).isEqualTo(-32602);
    assertThat(noParams.path("error").path("message").asText())
        .isEqualTo("Invalid params: tools/call needs \"params\" with the tool's \"name\" and its \"arguments\"");
    assertThat(array.path("id").asInt()).isEqualTo(2);
    assertThat(array.path("error").path("code").asInt()).isEqualTo(-32602);
    assertThat(array.path("error").path("message").asText()).isEqualTo(
        "Invalid params: \"arguments\" of tool 'compare' must be a JSON object of named arguments, not an array");
  }

  @Test
  void jsonRpcOtherThan20IsRefused() {
    start(new ReleaseToolsMcpServer());
    client.send("{\"jsonrpc\":\"1.0\",\"id\":3,\"method\":\"ping\"}");
    JsonNode reply = client.next();
    assertThat(reply.path("id").asInt()).isEqualTo(3);
    assertThat(reply.path("error").path("code").asInt()).isEqualTo(-32600);
    assertThat(reply.path("error").path("message").asText())
        .isEqualTo("Invalid Request: \"jsonrpc\" must be \"2.0\", not \"1.0\"");
  }

  @Test
  void anUnknownCursorIsAnError() {
    start(new ReleaseToolsMcpServer());
    client.initialize("2025-11-25", "{}");
    client.request(4, "tools/list", "{\"cursor\":\"page-2\"}");
    JsonNode reply = client.next();
    assertThat(reply.path("error").path("code").asInt()).isEqualTo(-32602);
    assertThat(reply.path("error").path("message").asText()).contains("unknown cursor \"page-2\"");
  }

  @Test
  void aBatchGetsAPlainErrorWithoutJacksonText() {
    start(new ReleaseToolsMcpServer());
    client.send("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]");
    JsonNode reply = client.next();
    assertThat(reply.path("error").path("code").asInt()).isEqualTo(-32600);
    assertThat(reply.path("error").has("data")).isFalse();
    assertThat(reply.toString()).doesNotContain("jackson");
    assertThat(reply.toString()).doesNotContain("Cannot deserialize");
    assertThat(reply.path("error").path("message").asText()).startsWith("Invalid Request: JSON-RPC batches");
  }

  @Test
  void invalidArgumentsAreAResultFrom20251125AndInvalidParamsBefore() {
    start(new ReleaseToolsMcpServer());
    client.initialize("2025-06-18", "{}");
    client.call(5, "compare", "{\"a\":1}");
    JsonNode reply = client.next();
    assertThat(reply.path("error").path("code").asInt()).isEqualTo(-32602);
    assertThat(reply.path("error").path("message").asText()).startsWith("Invalid arguments for tool 'compare': ");
  }

  @Test
  void after20241105NoFieldOfALaterRevisionIsSent() {
    start(new ReleaseToolsMcpServer());
    client.initialize("2024-11-05", "{}");
    client.request(1, "tools/list", "{}");
    JsonNode tools = client.next().path("result").path("tools");
    assertThat(tools.size()).isGreaterThan(5);
    for (JsonNode tool : tools) {
      assertThat(tool.has("title")).isFalse();
      assertThat(tool.has("outputSchema")).isFalse();
      assertThat(tool.has("annotations")).isFalse();
    }
    client.call(2, "bump", "{\"version\":{\"major\":1,\"minor\":0,\"patch\":0},\"part\":\"MINOR\"}");
    JsonNode result = client.next().path("result");
    assertThat(result.has("structuredContent")).isFalse();
    assertThat(result.path("content").get(0).path("text").asText()).isEqualTo("{\"major\":1,\"minor\":1,\"patch\":0}");
  }

  @Test
  void newerRevisionsKeepTheirFields() {
    start(new ReleaseToolsMcpServer());
    client.initialize("2025-11-25", "{}");
    client.call(2, "bump", "{\"version\":{\"major\":1,\"minor\":0,\"patch\":0},\"part\":\"MINOR\"}");
    assertThat(client.next().path("result").path("structuredContent").toString())
        .isEqualTo("{\"major\":1,\"minor\":1,\"patch\":0}");
  }

  @Test
  void cancelledCallIsInterruptedGetsNoAnswerAndTheServerGoesOn() throws Exception {
    start(new ReleaseToolsMcpServer());
    client.initialize("2025-11-25", "{}");
    long started = System.nanoTime();
    client.call(7, "sleep", "{\"millis\":20000}");
    Thread.sleep(300);
    client.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":7,"
        + "\"reason\":\"user pressed stop\"}}");
    client.call(8, "compare", "{\"a\":\"1.0.0\",\"b\":\"2.0.0\"}");
    JsonNode next = client.next();
    assertThat(next.path("id").asInt()).isEqualTo(8);
    assertThat(next.path("result").path("content").get(0).path("text").asText()).isEqualTo("-1");
    Thread.sleep(500); // the interrupted sleep ended long ago; its answer would be here by now
    client.request(9, "ping", "{}");
    assertThat(client.next().path("id").asInt()).isEqualTo(9);
    assertThat(System.nanoTime() - started).isLessThan(15_000_000_000L);
    for (String line : client.lines()) {
      assertThat(line).doesNotContain("\"id\":7");
    }
  }

  @Test
  void fiveMegabyteRequestAndTwoHundredPipelinedCallsAreAnswered() {
    start(new ReleaseToolsMcpServer());
    client.initialize("2025-11-25", "{}");
    client.call(1, "announce", "{\"text\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}");
    JsonNode big = client.next();
    assertThat(big.path("id").asInt()).isEqualTo(1);
    assertThat(big.path("result").path("content").get(0).path("text").asText()).hasLength(5 * 1024 * 1024 + 10);
    for (int i = 0; i < 200; i++) {
      client.call(100 + i, "compare", "{\"a\":\"1." + i + ".0\",\"b\":\"1.100.0\"}");
    }
    Set<Integer> answered = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      JsonNode reply = client.next();
      int id = reply.path("id").asInt();
      assertThat(reply.path("result").path("content").get(0).path("text").asText())
          .isEqualTo(String.valueOf(Integer.compare(id - 100, 100)));
      answered.add(id);
    }
    assertThat(answered).hasSize(200);
  }
}
