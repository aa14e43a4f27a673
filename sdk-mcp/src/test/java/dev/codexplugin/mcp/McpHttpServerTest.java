package dev.codexplugin.mcp;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexplugin.mcp.fixtures.ReleaseTools;
import dev.codexplugin.mcp.fixtures.ReleaseToolsMcpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The release-tools definition over Streamable HTTP in Jetty, spoken to with raw HTTP requests. */
class McpHttpServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "s3cret-token";
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private McpHttpServer server;
  private String session;

  @BeforeEach
  void start() {
    server = McpHttpServer.start(new ReleaseToolsMcpServer(), McpHttpServer.Options.loopback(0).withBearerToken(TOKEN));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpRequest.Builder post(String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri())
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return request;
  }

  private HttpResponse<String> send(String body) throws Exception {
    HttpRequest.Builder request = post(body, Map.of("Authorization", "Bearer " + TOKEN));
    if (session != null) {
      request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void initialize() throws Exception {
    HttpResponse<String> init = send("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
        + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
    assertThat(init.statusCode()).isEqualTo(200);
    session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    assertThat(send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").statusCode()).isEqualTo(202);
  }

  /** The JSON-RPC message of a response: the JSON body, or the last {@code data:} event of a stream. */
  private static JsonNode message(HttpResponse<String> response) throws Exception {
    String body = response.body();
    if (body.startsWith("{")) {
      return JSON.readTree(body);
    }
    JsonNode last = null;
    for (String line : body.split("\n")) {
      if (line.startsWith("data:")) {
        last = JSON.readTree(line.substring(5).trim());
      }
    }
    return last;
  }

  private String call(int id, String tool, String arguments) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
        + "\",\"arguments\":" + arguments + "}}";
  }

  @Test
  void withoutTheBearerTokenNothingRuns() throws Exception {
    int before = ReleaseTools.RESETS.get();
    for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Authorization", "Bearer wrong"))) {
      HttpResponse<String> refused = http.send(post(call(1, "reset", "{}"), headers).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    }
    assertThat(ReleaseTools.RESETS.get()).isEqualTo(before);
  }

  @Test
  void aForeignOriginIsRefused() throws Exception {
    HttpResponse<String> refused = http.send(post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
        + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"x\","
        + "\"version\":\"1\"}}}", Map.of("Authorization", "Bearer " + TOKEN, "Origin", "https://evil.example"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(403);
  }

  @Test
  void whatTheModelSeesHoldsOverHttp() throws Exception {
    initialize();
    assertThat(message(send(call(1, "compare", "{\"a\":\"1.0.0\",\"b\":\"2.0.0\"}"))).path("result")
        .path("content").get(0).path("text").asText()).isEqualTo("-1");
    JsonNode invalid = message(send(call(2, "compare", "{\"a\":1}"))).path("result");
    assertThat(invalid.path("isError").asBoolean()).isTrue();
    assertThat(invalid.path("content").get(0).path("text").asText()).startsWith("Invalid arguments for tool 'compare'");
    JsonNode thrown = message(send(call(3, "fail", "{\"message\":\"boom\"}"))).path("result");
    assertThat(thrown.path("isError").asBoolean()).isTrue();
    assertThat(thrown.path("content").get(0).path("text").asText()).isEqualTo("boom");
    assertThat(message(send(call(4, "reject", "{}"))).has("error")).isTrue();
    assertThat(message(send(call(5, "bump", "{\"version\":{\"major\":1,\"minor\":0,\"patch\":0},\"part\":\"MAJOR\"}")))
        .path("result").path("structuredContent").toString()).isEqualTo("{\"major\":2,\"minor\":0,\"patch\":0}");
    HttpResponse<String> array = send("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":"
        + "{\"name\":\"compare\",\"arguments\":[1,2]}}");
    assertThat(message(array).path("error").path("code").asInt()).isEqualTo(-32602);
    HttpResponse<String> notJson = send("{nope");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(message(notJson).path("error").path("code").asInt()).isEqualTo(-32700);
  }

  @Test
  void fiveMegabyteRequestAndTwoHundredConcurrentCalls() throws Exception {
    initialize();
    JsonNode big = message(send(call(1, "announce", "{\"text\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}")));
    assertThat(big.path("result").path("content").get(0).path("text").asText()).hasLength(5 * 1024 * 1024 + 10);
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(http.sendAsync(post(call(100 + i, "compare", "{\"a\":\"1." + i + ".0\",\"b\":\"1.100.0\"}"),
          Map.of("Authorization", "Bearer " + TOKEN, "Mcp-Session-Id", session)).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    for (int i = 0; i < 200; i++) {
      JsonNode reply = message(calls.get(i).get());
      assertThat(reply.path("id").asInt()).isEqualTo(100 + i);
      assertThat(reply.path("result").path("content").get(0).path("text").asText())
          .isEqualTo(String.valueOf(Integer.compare(i, 100)));
    }
  }

  @Test
  void aCancelledCallEndsItsStreamWithoutAnAnswer() throws Exception {
    initialize();
    long started = System.nanoTime();
    CompletableFuture<HttpResponse<String>> sleeping = http.sendAsync(post(call(7, "sleep", "{\"millis\":20000}"),
        Map.of("Authorization", "Bearer " + TOKEN, "Mcp-Session-Id", session)).build(),
        HttpResponse.BodyHandlers.ofString());
    Thread.sleep(500);
    assertThat(send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":7}}")
        .statusCode()).isEqualTo(202);
    HttpResponse<String> ended = sleeping.get();
    assertThat(System.nanoTime() - started).isLessThan(15_000_000_000L);
    assertThat(ended.body()).doesNotContain("\"id\":7");
    assertThat(message(send(call(8, "compare", "{\"a\":\"1.0.0\",\"b\":\"1.0.0\"}"))).path("result").path("content")
        .get(0).path("text").asText()).isEqualTo("0");
  }

  @Test
  void aCancelledResourceReadIsInterruptedAndGetsNoAnswer() throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    ResourceMethod slow = new ResourceMethod("slow://read", false, "{\"uri\":\"slow://read\",\"name\":\"slow\"}",
        request -> {
          reading.countDown();
          try {
            Thread.sleep(20_000);
            return "late";
          } catch (InterruptedException e) {
            interrupted.countDown();
            throw e;
          }
        });
    ToolServerDefinition tools = new ReleaseToolsMcpServer();
    server.close();
    server = McpHttpServer.start(new ToolServerDefinition() {
      @Override
      public String serverName() {
        return tools.serverName();
      }

      @Override
      public String version() {
        return tools.version();
      }

      @Override
      public List<ToolMethod> tools() {
        return tools.tools();
      }

      @Override
      public List<ResourceMethod> resources() {
        return List.of(slow);
      }
    }, McpHttpServer.Options.loopback(0).withBearerToken(TOKEN));
    initialize();
    long started = System.nanoTime();
    CompletableFuture<HttpResponse<String>> read = http.sendAsync(post("{\"jsonrpc\":\"2.0\",\"id\":9,"
        + "\"method\":\"resources/read\",\"params\":{\"uri\":\"slow://read\"}}",
        Map.of("Authorization", "Bearer " + TOKEN, "Mcp-Session-Id", session)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":9}}")
        .statusCode()).isEqualTo(202);
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    HttpResponse<String> ended = read.get(15, TimeUnit.SECONDS);
    assertThat(System.nanoTime() - started).isLessThan(15_000_000_000L);
    assertThat(ended.body()).doesNotContain("\"id\":9");
    // The session goes on.
    assertThat(message(send(call(10, "compare", "{\"a\":\"1.0.0\",\"b\":\"1.0.0\"}"))).path("result")
        .path("content").get(0).path("text").asText()).isEqualTo("0");
  }

  @Test
  void offLoopbackATokenIsRequired() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> McpHttpServer.start(new ReleaseToolsMcpServer(),
            new McpHttpServer.Options("0.0.0.0", 0, "/mcp", null, List.of(), List.of())));
    assertThat(e).hasMessageThat().contains("without a bearer token");
  }
}
