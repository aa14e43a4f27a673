package dev.codexplugin.mcp;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexplugin.mcp.fixtures.BrokenMcpServer;
import dev.codexplugin.mcp.fixtures.ReleaseToolsMcpServer;
import dev.codexplugin.testing.JsonRpcLines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real child JVM running a generated-style {@code main} ({@link McpToolServer#serve}), driven over its
 * stdin and stdout with raw JSON-RPC lines, as Codex runs a plugin's tool server.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StdioServerProcessTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;
  private Process process;

  private JsonRpcLines launch(Class<?> main) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        main.getName());
    builder.redirectError(temp.resolve("stderr.txt").toFile());
    process = builder.start();
    return new JsonRpcLines(process.getOutputStream(), process.getInputStream());
  }

  private String stderr() throws IOException {
    return Files.readString(temp.resolve("stderr.txt"), StandardCharsets.UTF_8);
  }

  @AfterEach
  void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  @Test
  void servesAWholeSessionOverStdioAndExitsWithZeroAfterEndOfInput() throws Exception {
    JsonRpcLines server = launch(ReleaseToolsMcpServer.class);
    int answers = 0;

    JsonNode initialize = server.initialize();
    answers++;
    assertThat(initialize.get("result").get("serverInfo").get("name").asText()).isEqualTo("release-tools");

    server.request(1, "tools/list", "{}");
    JsonNode tools = server.next().get("result").get("tools");
    answers++;
    List<ToolMethod> methods = new ReleaseToolsMcpServer().tools();
    assertThat(tools).hasSize(methods.size());
    for (int i = 0; i < methods.size(); i++) {
      assertThat(tools.get(i)).isEqualTo(JSON.readTree(methods.get(i).descriptor()));
    }

    server.send("");
    server.send("not json at all");
    JsonNode parseError = server.next();
    answers++;
    assertThat(parseError.get("error").get("code").asInt()).isEqualTo(-32700);
    assertThat(parseError.get("id").isNull()).isTrue();

    server.call(2, "announce", "{\"text\":\"hi\"}");
    JsonNode announced = server.next();
    answers++;
    assertThat(announced.get("id").asInt()).isEqualTo(2);
    assertThat(announced.get("result").get("content").get(0).get("text").asText()).isEqualTo("announced hi");

    server.call(3, "fail", "{\"message\":\"boom\"}");
    JsonNode failed = server.next().get("result");
    answers++;
    assertThat(failed.get("isError").asBoolean()).isTrue();

    server.call(4, "compare", "{\"a\":1}");
    JsonNode invalid = server.next();
    answers++;
    // protocol 2025-11-25 (SEP-1303): a result the model can read, not a protocol error
    assertThat(invalid.get("result").get("isError").asBoolean()).isTrue();
    assertThat(invalid.get("result").get("content").get(0).get("text").asText())
        .startsWith("Invalid arguments for tool 'compare': ");

    for (int i = 0; i < 1000; i++) {
      server.call(1000 + i, "compare", "{\"a\":\"1." + i + ".0\",\"b\":\"1.500.0\"}");
      JsonNode response = server.next();
      answers++;
      assertThat(response.get("id").asInt()).isEqualTo(1000 + i);
      assertThat(response.get("result").get("content").get(0).get("text").asText())
          .isEqualTo(String.valueOf(Integer.compare(i, 500)));
    }

    server.call(5, "leaveThread", "{}");
    assertThat(server.next().get("result").get("content").get(0).get("text").asText()).isEqualTo("started");
    answers++;

    server.call(6, "sleep", "{\"millis\":800}");
    server.close();
    JsonNode slept = server.next();
    answers++;
    assertThat(slept.get("id").asInt()).isEqualTo(6);
    assertThat(slept.get("result").get("content").get(0).get("text").asText()).isEqualTo("slept 800");

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(0);
    assertThat(server.nextLine()).isNull();

    List<String> notJsonRpc = new ArrayList<>();
    for (String line : server.lines()) {
      JsonNode message;
      try {
        message = JSON.readTree(line);
      } catch (IOException e) {
        notJsonRpc.add(line);
        continue;
      }
      if (!message.isObject() || !"2.0".equals(message.path("jsonrpc").asText())) {
        notJsonRpc.add(line);
      }
    }
    assertThat(notJsonRpc).isEmpty();
    assertThat(server.lines()).hasSize(answers);
    assertThat(stderr()).contains("ANNOUNCE hi");
    assertThat(stderr()).contains("{\"jsonrpc\":\"2.0\",\"id\":999,\"result\":{}} and no newline");
    assertThat(stderr()).contains("java.lang.IllegalStateException: boom");
  }

  @Test
  void oneShotPipedInputStillGetsEveryAnswer() throws Exception {
    JsonRpcLines server = launch(ReleaseToolsMcpServer.class);

    server.request(0, "initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
        + "\"clientInfo\":{\"name\":\"echo\",\"version\":\"1\"}}");
    server.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    for (int i = 1; i <= 5; i++) {
      server.call(i, "sleep", "{\"millis\":" + (100 * i) + "}");
    }
    server.close();

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(0);
    List<Integer> ids = new ArrayList<>();
    for (JsonNode line = server.next(); ; ) {
      ids.add(line.get("id").asInt());
      String next = server.nextLine();
      if (next == null) {
        break;
      }
      line = JSON.readTree(next);
    }
    assertThat(ids).containsExactly(0, 1, 2, 3, 4, 5);
  }

  @Test
  void invalidDefinitionExitsWithOneAndSaysWhyOnStderr() throws Exception {
    JsonRpcLines server = launch(BrokenMcpServer.class);

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(server.nextLine()).isNull();
    assertThat(stderr()).contains("tool 'echo': inputSchema.type must be \"object\"");
  }
}
