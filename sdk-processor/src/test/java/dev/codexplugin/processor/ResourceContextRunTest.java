package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ToolDiagnosticsTest.KIT;
import static dev.codexplugin.processor.ToolDiagnosticsTest.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import dev.codexplugin.mcp.McpToolServer;
import dev.codexplugin.mcp.ToolServerDefinition;
import dev.codexplugin.mcp.internal.Pipe;
import dev.codexplugin.testing.JsonRpcLines;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resource and prompt methods with context parameters, compiled with the processor and run on the real MCP
 * server over its stdio transport (in-memory pipes), spoken to with raw JSON-RPC lines so that the server's
 * {@code roots/list} requests and its log notifications are seen: a {@code resources/read} whose method lists
 * the client's roots and logs, a template with a variable and context parameters, a read that asks the
 * client's model (sampling), a read the client cancels, and a prompt that lists roots.
 */
class ResourceContextRunTest {
  private static CompiledClasses classes;

  private final Pipe toServer = new Pipe();
  private final Pipe fromServer = new Pipe();
  private McpToolServer.Running running;
  private JsonRpcLines client;

  @BeforeAll
  static void compileTheFixture() {
    Compilation compilation = compile(KIT, tools("Files", """
        import dev.codexplugin.mcp.*;
        import java.util.concurrent.atomic.AtomicBoolean;

        public final class Files {
          public static final AtomicBoolean INTERRUPTED = new AtomicBoolean();

          @McpResource(uri = "files://roots", mimeType = "text/plain")
          public static String roots(Roots roots, McpLog log) {
            log.info("listing roots");
            if (!roots.supported()) {
              log.warning("the client has no roots");
              return "(no roots)";
            }
            List<String> uris = new ArrayList<>();
            for (Roots.Root root : roots.list()) {
              uris.add(root.uri());
            }
            log.debug("found " + uris.size());
            return String.join(",", uris);
          }

          @McpResource(uri = "files://{name}/tree")
          public static String tree(String name, ClientInfo client, Roots roots) {
            return name + " in " + roots.list().size() + " roots of " + client.name();
          }

          @McpResource(uri = "files://slow")
          public static String slow(Cancellation cancellation) {
            try {
              Thread.sleep(20_000);
              return "slept";
            } catch (InterruptedException e) {
              INTERRUPTED.set(cancellation.isCancelled());
              return "interrupted";
            }
          }

          @McpResource(uri = "files://{name}/summary")
          public static String summary(Sampling sampling, String name) {
            return "summary of " + name + ": " + sampling.ask("Summarize " + name, 20);
          }

          @McpPrompt
          public static String work(String task, Roots roots, McpLog log) {
            log.info("rendering");
            return task + " in " + roots.list().get(0).uri();
          }
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    classes = new CompiledClasses(compilation);
  }

  /** Starts the generated server and opens a session declaring {@code capabilities} (a JSON object). */
  private void start(String capabilities) throws Exception {
    ToolServerDefinition server = (ToolServerDefinition) classes.get("com.acme.KitMcpServer")
        .getConstructor().newInstance();
    running = McpToolServer.start(server, toServer.source(), fromServer.sink());
    client = new JsonRpcLines(toServer.sink(), fromServer.source());
    client.request(0, "initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":" + capabilities
        + ",\"clientInfo\":{\"name\":\"files-test\",\"version\":\"1\"}}");
    assertThat(client.next().path("result").path("protocolVersion").asText()).isEqualTo("2025-11-25");
    client.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (running != null) {
      running.close();
    }
  }

  /** Answers the server's next message, which must be {@code roots/list}, with two roots. */
  private void answerRoots(List<String> logs) {
    JsonNode ask = untilRequest(logs);
    assertThat(ask.path("method").asText()).isEqualTo("roots/list");
    client.send("{\"jsonrpc\":\"2.0\",\"id\":" + ask.path("id") + ",\"result\":{\"roots\":["
        + "{\"uri\":\"file:///work/a\",\"name\":\"a\"},{\"uri\":\"file:///work/b\"}]}}");
  }

  /** The next message with an id (a request of the server or an answer), noting log messages on the way. */
  private JsonNode untilRequest(List<String> logs) {
    JsonNode line;
    while (!(line = client.next()).has("id")) {
      if (line.path("method").asText().equals("notifications/message")) {
        logs.add(line.path("params").path("logger").asText() + " " + line.path("params").path("level").asText()
            + " " + line.path("params").path("data").asText());
      }
    }
    return line;
  }

  @Test
  void aResourceListsTheClientsRootsAndLogs() throws Exception {
    start("{\"roots\":{}}");
    client.request(1, "logging/setLevel", "{\"level\":\"debug\"}");
    assertThat(client.next().path("id").asInt()).isEqualTo(1);
    List<String> logs = new ArrayList<>();
    client.request(2, "resources/read", "{\"uri\":\"files://roots\"}");
    answerRoots(logs);
    JsonNode answer = untilRequest(logs);
    assertThat(answer.path("id").asInt()).isEqualTo(2);
    JsonNode contents = answer.path("result").path("contents").get(0);
    assertThat(contents.path("text").asText()).isEqualTo("file:///work/a,file:///work/b");
    assertThat(contents.path("mimeType").asText()).isEqualTo("text/plain");
    assertThat(logs).containsExactly("files://roots info listing roots", "files://roots debug found 2").inOrder();

    // A template: the variable and the context parameters, in the method's order.
    client.request(3, "resources/read", "{\"uri\":\"files://src/tree\"}");
    answerRoots(logs);
    JsonNode tree = untilRequest(logs);
    assertThat(tree.path("result").path("contents").get(0).path("text").asText())
        .isEqualTo("src in 2 roots of files-test");
  }

  @Test
  void withoutTheRootsCapabilityTheMethodSeesItAndListingIsAClearError() throws Exception {
    start("{}");
    List<String> logs = new ArrayList<>();
    client.request(1, "resources/read", "{\"uri\":\"files://roots\"}");
    JsonNode answer = untilRequest(logs);
    assertThat(answer.path("result").path("contents").get(0).path("text").asText()).isEqualTo("(no roots)");
    assertThat(logs).containsExactly("files://roots info listing roots",
        "files://roots warning the client has no roots").inOrder();

    client.request(2, "resources/read", "{\"uri\":\"files://src/tree\"}");
    JsonNode error = untilRequest(logs);
    assertThat(error.path("id").asInt()).isEqualTo(2);
    assertThat(error.path("error").path("message").asText()).isEqualTo("resource 'files://src/tree' failed:"
        + " cannot list its roots: the client 'files-test' did not declare the 'roots' capability when it"
        + " connected");
  }

  @Test
  void aPromptListsRootsAndLogs() throws Exception {
    start("{\"roots\":{}}");
    List<String> logs = new ArrayList<>();
    client.request(1, "prompts/get", "{\"name\":\"work\",\"arguments\":{\"task\":\"build\"}}");
    answerRoots(logs);
    JsonNode answer = untilRequest(logs);
    assertThat(answer.path("result").path("messages").get(0).path("content").path("text").asText())
        .isEqualTo("build in file:///work/a");
    assertThat(logs).containsExactly("work info rendering");
    // The prompt's arguments are only its String parameters.
    client.request(2, "prompts/list", "{}");
    assertThat(client.next().path("result").path("prompts").get(0).path("arguments").toString())
        .isEqualTo("[{\"name\":\"task\",\"required\":true}]");
  }

  @Test
  void aResourceAsksTheClientsModel() throws Exception {
    start("{\"sampling\":{}}");
    client.request(1, "resources/read", "{\"uri\":\"files://src/summary\"}");
    JsonNode sample = untilRequest(new ArrayList<>());
    assertThat(sample.path("method").asText()).isEqualTo("sampling/createMessage");
    assertThat(sample.path("params").path("messages").get(0).path("content").path("text").asText())
        .isEqualTo("Summarize src");
    client.send("{\"jsonrpc\":\"2.0\",\"id\":" + sample.path("id") + ",\"result\":{\"role\":\"assistant\","
        + "\"content\":{\"type\":\"text\",\"text\":\"sources\"},\"model\":\"m-1\"}}");
    JsonNode answer = untilRequest(new ArrayList<>());
    assertThat(answer.path("id").asInt()).isEqualTo(1);
    assertThat(answer.path("result").path("contents").get(0).path("text").asText())
        .isEqualTo("summary of src: sources");
  }

  @Test
  void aCancelledReadIsInterruptedGetsNoAnswerAndTheServerGoesOn() throws Exception {
    AtomicBoolean interrupted = (AtomicBoolean) classes.get("com.acme.Files").getField("INTERRUPTED").get(null);
    interrupted.set(false);
    start("{}");
    long started = System.nanoTime();
    client.request(7, "resources/read", "{\"uri\":\"files://slow\"}");
    Thread.sleep(300);
    client.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":7,"
        + "\"reason\":\"stop\"}}");
    for (int i = 0; i < 100 && !interrupted.get(); i++) {
      Thread.sleep(20);
    }
    assertWithMessage("the method saw the interrupt and Cancellation.isCancelled()").that(interrupted.get())
        .isTrue();
    Thread.sleep(300); // the interrupted method returned long ago: its answer would be here by now
    client.request(8, "ping", "{}");
    assertThat(client.next().path("id").asInt()).isEqualTo(8);
    assertThat(System.nanoTime() - started).isLessThan(15_000_000_000L);
    for (String line : client.lines()) {
      assertThat(line).doesNotContain("\"id\":7");
      assertThat(line).doesNotContain("interrupted");
    }
  }
}
