package dev.codexplugin.mcp;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexplugin.mcp.fixtures.ReleaseToolsMcpServer;
import dev.codexplugin.testing.JsonRpcLines;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 7: the README's "What the model sees" table and the robustness cases (a 5 MB request, 200
 * pipelined calls, cancellation of an in-flight call, the client going away mid-call) hold on both
 * transports, each spoken to over a real connection: stdio through a child JVM's pipes, Streamable HTTP
 * through Jetty on a loopback port. The same test bodies run against both ({@link Stdio}, {@link Http}).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TransportRobustnessTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String call(int id, String tool, String arguments) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
        + "\",\"arguments\":" + arguments + "}}";
  }

  private static String cancel(int id) {
    return "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":" + id
        + ",\"reason\":\"user pressed stop\"}}";
  }

  /** The tests, written once against a transport. */
  abstract static class Transport {
    /** Starts the server and completes initialize on protocol 2025-11-25. */
    abstract void open() throws Exception;

    /** Sends a request without waiting for its answer. */
    abstract void request(int id, String message) throws Exception;

    /** Sends a notification. */
    abstract void notify(String message) throws Exception;

    /** The answer to request {@code id}. */
    abstract JsonNode answer(int id) throws Exception;

    /** Whether anything answered request {@code id}, once every outstanding exchange has ended. */
    abstract boolean answered(int id) throws Exception;

    /** Sends a body that is not JSON; returns the JSON-RPC reply. */
    abstract JsonNode notJson() throws Exception;

    abstract void close() throws Exception;

    JsonNode callNow(int id, String tool, String arguments) throws Exception {
      request(id, call(id, tool, arguments));
      return answer(id);
    }

    JsonNode result(int id, String tool, String arguments) throws Exception {
      JsonNode answer = callNow(id, tool, arguments);
      assertThat(answer.has("result")).isTrue();
      return answer.path("result");
    }

    @BeforeEach
    void start() throws Exception {
      open();
    }

    @AfterEach
    void stop() throws Exception {
      close();
    }

    @Test
    void argumentsBreakingTheInputSchemaAreAResultTheModelCanRead() throws Exception {
      JsonNode invalid = result(1, "bump", "{\"version\":{\"major\":1,\"minor\":0,\"patch\":0},\"part\":\"HUGE\"}");
      assertThat(invalid.path("isError").asBoolean()).isTrue();
      assertThat(invalid.path("content").get(0).path("text").asText())
          .startsWith("Invalid arguments for tool 'bump': /part: ");
    }

    @Test
    void aValueThatCannotBecomeTheJavaTypeIsAResultNamingThePath() throws Exception {
      JsonNode date = result(1, "plan", "{\"version\":{\"major\":1,\"minor\":0,\"patch\":0},\"date\":\"2026-02-30\"}");
      assertThat(date.path("isError").asBoolean()).isTrue();
      assertThat(date.path("content").get(0).path("text").asText()).startsWith("Invalid arguments for tool 'plan'");
      assertThat(date.path("content").get(0).path("text").asText()).contains("date");
      JsonNode overflow = result(2, "tags", "{\"names\":[\"a\"],\"limit\":99999999999}");
      assertThat(overflow.path("isError").asBoolean()).isTrue();
      assertThat(overflow.path("content").get(0).path("text").asText()).contains("limit");
    }

    @Test
    void anOptionalArgumentGivenAsNullIsLeftOut() throws Exception {
      JsonNode tags = result(1, "tags", "{\"names\":[\"a\",\"b\",\"c\",\"d\"],\"prefix\":null}");
      assertThat(tags.path("structuredContent").toString()).isEqualTo("{\"result\":[\"va\",\"vb\",\"vc\"]}");
      JsonNode plan = result(2, "plan", "{\"version\":{\"major\":1,\"minor\":0,\"patch\":0},\"date\":\"2026-03-01\","
          + "\"notes\":null}");
      assertThat(plan.path("structuredContent").has("notes")).isFalse();
    }

    @Test
    void aThrowingMethodIsAnIsErrorResultAndTheServerGoesOn() throws Exception {
      JsonNode thrown = result(1, "fail", "{\"message\":\"boom\"}");
      assertThat(thrown.path("isError").asBoolean()).isTrue();
      assertThat(thrown.path("content").get(0).path("text").asText()).isEqualTo("boom");
      assertThat(result(2, "compare", "{\"a\":\"1.0.0\",\"b\":\"1.0.0\"}").path("content").get(0).path("text")
          .asText()).isEqualTo("0");
    }

    @Test
    void anMcpErrorIsThatJsonRpcErrorUnchanged() throws Exception {
      JsonNode error = callNow(1, "reject", "{}").path("error");
      assertThat(error.path("code").asInt()).isEqualTo(-32001);
      assertThat(error.path("message").asText()).isEqualTo("custom rejection");
      assertThat(error.path("data").toString()).isEqualTo("{\"k\":\"v\"}");
    }

    @Test
    void structuredOutputIsStructuredContentPlusTheSameJsonAsText() throws Exception {
      JsonNode bumped = result(1, "bump", "{\"version\":{\"major\":1,\"minor\":4,\"patch\":2},\"part\":\"MINOR\"}");
      assertThat(bumped.path("structuredContent").toString()).isEqualTo("{\"major\":1,\"minor\":5,\"patch\":0}");
      assertThat(JSON.readTree(bumped.path("content").get(0).path("text").asText()))
          .isEqualTo(bumped.path("structuredContent"));
      JsonNode wrapped = result(2, "tags", "{\"names\":[\"x\"]}");
      assertThat(wrapped.path("structuredContent").toString()).isEqualTo("{\"result\":[\"vx\"]}");
    }

    @Test
    void otherResultsAreTextNoContentOrCompactJson() throws Exception {
      JsonNode text = result(1, "schedule", "{\"start\":\"2026-01-01\",\"every\":\"P7D\",\"times\":2}");
      assertThat(text.path("content").get(0).path("text").asText()).isEqualTo("2026-01-01,2026-01-08");
      assertThat(text.has("structuredContent")).isFalse();
      JsonNode none = result(2, "reset", "{}");
      assertThat(none.path("content").size()).isEqualTo(0);
      JsonNode number = result(3, "compare", "{\"a\":\"1.0.0\",\"b\":\"2.0.0\"}");
      assertThat(number.path("content").get(0).path("text").asText()).isEqualTo("-1");
    }

    @Test
    void aMessageThatIsNotJsonGetsAParseErrorAndTheSessionGoesOn() throws Exception {
      JsonNode reply = notJson();
      assertThat(reply.path("error").path("code").asInt()).isEqualTo(-32700);
      assertThat(reply.path("id").isNull()).isTrue();
      assertThat(result(1, "compare", "{\"a\":\"2.0.0\",\"b\":\"1.0.0\"}").path("content").get(0).path("text")
          .asText()).isEqualTo("1");
    }

    @Test
    void aFiveMegabyteRequestIsAnswered() throws Exception {
      JsonNode big = result(1, "announce", "{\"text\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}");
      assertThat(big.path("content").get(0).path("text").asText()).hasLength(5 * 1024 * 1024 + "announced ".length());
    }

    @Test
    void twoHundredPipelinedCallsAreEachAnswered() throws Exception {
      for (int i = 0; i < 200; i++) {
        request(100 + i, call(100 + i, "compare", "{\"a\":\"1." + i + ".0\",\"b\":\"1.100.0\"}"));
      }
      Set<Integer> answered = new HashSet<>();
      for (int i = 0; i < 200; i++) {
        JsonNode reply = answer(100 + i);
        assertThat(reply.path("id").asInt()).isEqualTo(100 + i);
        assertThat(reply.path("result").path("content").get(0).path("text").asText())
            .isEqualTo(String.valueOf(Integer.compare(i, 100)));
        answered.add(reply.path("id").asInt());
      }
      assertThat(answered).hasSize(200);
    }

    @Test
    void aCancelledCallGetsNoAnswerAndTheServerGoesOn() throws Exception {
      long started = System.nanoTime();
      request(7, call(7, "sleep", "{\"millis\":20000}"));
      Thread.sleep(500);
      notify(cancel(7));
      assertThat(result(8, "compare", "{\"a\":\"1.0.0\",\"b\":\"2.0.0\"}").path("content").get(0).path("text")
          .asText()).isEqualTo("-1");
      Thread.sleep(500); // the interrupted sleep ended long ago: an answer would be here by now
      assertThat(answered(7)).isFalse();
      assertThat(System.nanoTime() - started).isLessThan(15_000_000_000L);
    }
  }

  /** stdio: a child JVM running the generated-style {@code main}, as Codex starts a plugin's server. */
  @Nested
  class Stdio extends Transport {
    @TempDir Path temp;
    private Process process;
    private JsonRpcLines lines;
    private final Map<Integer, JsonNode> answers = new ConcurrentHashMap<>();

    @Override
    void open() throws Exception {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
          ReleaseToolsMcpServer.class.getName());
      builder.redirectError(temp.resolve("stderr.txt").toFile());
      process = builder.start();
      lines = new JsonRpcLines(process.getOutputStream(), process.getInputStream());
      assertThat(lines.initialize().path("result").path("protocolVersion").asText()).isEqualTo("2025-11-25");
    }

    @Override
    void request(int id, String message) {
      lines.send(message);
    }

    @Override
    void notify(String message) {
      lines.send(message);
    }

    @Override
    JsonNode answer(int id) {
      while (!answers.containsKey(id)) {
        JsonNode next = lines.next();
        answers.put(next.path("id").asInt(), next);
      }
      return answers.get(id);
    }

    @Override
    boolean answered(int id) {
      lines.request(-1, "ping", "{}");
      answer(-1);
      return answers.containsKey(id);
    }

    @Override
    JsonNode notJson() {
      lines.send("{nope");
      return lines.next();
    }

    @Override
    void close() {
      lines.close();
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }

    @Test
    void stdinClosedMidCallLetsTheCallAnswerAndTheProcessExitWithZero() throws Exception {
      request(5, call(5, "sleep", "{\"millis\":800}"));
      Thread.sleep(100);
      lines.close();
      JsonNode slept = answer(5);
      assertThat(slept.path("result").path("content").get(0).path("text").asText()).isEqualTo("slept 800");
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(0);
      assertThat(lines.nextLine()).isNull();
    }

    @Test
    void stdoutCarriesOnlyJsonRpc() throws Exception {
      result(1, "announce", "{\"text\":\"hi\"}");
      for (String line : lines.lines()) {
        assertThat(JSON.readTree(line).path("jsonrpc").asText()).isEqualTo("2.0");
      }
      assertThat(Files.readString(temp.resolve("stderr.txt"))).contains("ANNOUNCE hi");
    }
  }

  /** Streamable HTTP: {@link McpHttpServer} in Jetty on a loopback port, with a bearer token. */
  @Nested
  class Http extends Transport {
    private static final String TOKEN = "robust-token";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Integer, CompletableFuture<HttpResponse<String>>> exchanges = new ConcurrentHashMap<>();
    private McpHttpServer server;
    private String session;

    private HttpRequest post(String body) {
      HttpRequest.Builder request = HttpRequest.newBuilder(server.uri())
          .timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json")
          .header("Accept", "application/json, text/event-stream")
          .header("Authorization", "Bearer " + TOKEN)
          .POST(HttpRequest.BodyPublishers.ofString(body));
      if (session != null) {
        request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
      }
      return request.build();
    }

    @Override
    void open() throws Exception {
      server = McpHttpServer.start(new ReleaseToolsMcpServer(), McpHttpServer.Options.loopback(0).withBearerToken(TOKEN));
      HttpResponse<String> init = http.send(post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
          + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\","
          + "\"version\":\"1\"}}}"), HttpResponse.BodyHandlers.ofString());
      assertThat(init.statusCode()).isEqualTo(200);
      session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
      notify("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    @Override
    void request(int id, String message) {
      exchanges.put(id, http.sendAsync(post(message), HttpResponse.BodyHandlers.ofString()));
    }

    @Override
    void notify(String message) throws Exception {
      assertThat(http.send(post(message), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
    }

    /** The JSON-RPC message of a response: the JSON body, or the {@code data:} event answering {@code id}. */
    private static JsonNode message(HttpResponse<String> response, Integer id) throws IOException {
      String body = response.body();
      if (body.startsWith("{")) {
        return JSON.readTree(body);
      }
      for (String line : body.split("\n")) {
        if (line.startsWith("data:")) {
          JsonNode event = JSON.readTree(line.substring(5).trim());
          if (event.has("id") && (id == null || event.path("id").asInt() == id)) {
            return event;
          }
        }
      }
      return null;
    }

    @Override
    JsonNode answer(int id) throws Exception {
      JsonNode answer = message(exchanges.get(id).get(60, TimeUnit.SECONDS), id);
      assertThat(answer).isNotNull();
      return answer;
    }

    @Override
    boolean answered(int id) throws Exception {
      HttpResponse<String> ended = exchanges.get(id).get(60, TimeUnit.SECONDS);
      return message(ended, id) != null || ended.body().contains("\"id\":" + id);
    }

    @Override
    JsonNode notJson() throws Exception {
      HttpResponse<String> reply = http.send(post("{nope"), HttpResponse.BodyHandlers.ofString());
      assertThat(reply.statusCode()).isEqualTo(400);
      return JSON.readTree(reply.body());
    }

    @Override
    void close() {
      server.close();
    }

    @Test
    void theClientGoingAwayMidCallLeavesTheServerServing() throws Exception {
      String body = call(5, "sleep", "{\"millis\":1500}");
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      URI uri = server.uri();
      try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
            + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
            + "Authorization: Bearer " + TOKEN + "\r\nMcp-Session-Id: " + session
            + "\r\nMCP-Protocol-Version: 2025-11-25\r\nContent-Length: " + bytes.length + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        Thread.sleep(300); // the call is running now
      }
      // the connection is gone while the call sleeps; its answer has nowhere to go, and the server goes on
      assertThat(result(6, "compare", "{\"a\":\"1.0.0\",\"b\":\"1.0.0\"}").path("content").get(0).path("text")
          .asText()).isEqualTo("0");
      Thread.sleep(1800);
      assertThat(result(7, "compare", "{\"a\":\"3.0.0\",\"b\":\"1.0.0\"}").path("content").get(0).path("text")
          .asText()).isEqualTo("1");
    }

    @Test
    void withoutTheTokenNothingIsReadOrRun() throws Exception {
      HttpResponse<String> refused = http.send(HttpRequest.newBuilder(server.uri())
          .header("Content-Type", "application/json")
          .header("Accept", "application/json, text/event-stream")
          .POST(HttpRequest.BodyPublishers.ofString(call(1, "fail", "{\"message\":\"must not run\"}")))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.body()).doesNotContain("must not run");
    }
  }
}
