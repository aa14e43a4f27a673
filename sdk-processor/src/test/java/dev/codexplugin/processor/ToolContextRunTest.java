package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.codexplugin.processor.ProcessorTesting.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import dev.codexplugin.mcp.McpToolServer;
import dev.codexplugin.mcp.ToolServerDefinition;
import dev.codexplugin.mcp.internal.Pipe;
import dev.codexplugin.testing.JsonRpcLines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the tools of {@link ToolFixtures#STUDIO}, compiled with the processor, on the real MCP server over its
 * stdio transport (in-memory pipes), spoken to with raw JSON-RPC lines so that every notification and every
 * request the server sends to the client is seen: context parameters bound from the request, rich results as
 * they go over the wire. One test compiles the same sources to disk and runs the generated server in a process
 * of its own, as Codex starts it, over the OS pipes of its stdin and stdout.
 */
class ToolContextRunTest {
  private static CompiledClasses classes;

  private final Pipe toServer = new Pipe();
  private final Pipe fromServer = new Pipe();
  private McpToolServer.Running running;
  private JsonRpcLines client;

  @BeforeAll
  static void compileTheFixture() {
    Compilation compilation = compile(ToolFixtures.STUDIO.toArray(new JavaFileObject[0]));
    assertThat(compilation).succeededWithoutWarnings();
    classes = new CompiledClasses(compilation);
  }

  /** Starts the generated server and opens a session declaring {@code capabilities} (a JSON object). */
  private void start(String capabilities) throws Exception {
    ToolServerDefinition server = (ToolServerDefinition) classes.get("com.acme.studio.StudioKitMcpServer")
        .getConstructor().newInstance();
    running = McpToolServer.start(server, toServer.source(), fromServer.sink());
    client = new JsonRpcLines(toServer.sink(), fromServer.source());
    client.request(0, "initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":" + capabilities
        + ",\"clientInfo\":{\"name\":\"studio-test\",\"version\":\"1\"}}");
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

  @Test
  void progressNotificationsArriveForTheRequestsProgressToken() throws Exception {
    start("{}");
    client.request(1, "tools/call", "{\"name\":\"render\",\"arguments\":{\"steps\":3},"
        + "\"_meta\":{\"progressToken\":\"tok-7\"}}");
    List<JsonNode> progress = new ArrayList<>();
    JsonNode line;
    while (!(line = client.next()).has("id")) {
      if (line.path("method").asText().equals("notifications/progress")) {
        progress.add(line.path("params"));
      }
    }
    assertThat(progress).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(progress.get(i).path("progressToken").asText()).isEqualTo("tok-7");
      assertThat(progress.get(i).path("progress").asDouble()).isEqualTo(i + 1.0);
      assertThat(progress.get(i).path("total").asDouble()).isEqualTo(3.0);
      assertThat(progress.get(i).path("message").asText()).isEqualTo("step " + (i + 1));
    }
    assertThat(text(line)).isEqualTo("rendered 3 steps");

    // Without a progress token nothing is sent, and the tool sees that.
    client.call(2, "render", "{\"steps\":2}");
    while (!(line = client.next()).has("id")) {
      assertThat(line.path("method").asText()).isNotEqualTo("notifications/progress");
    }
    assertThat(text(line)).isEqualTo("rendered 2 steps (no progress token)");
  }

  @Test
  void logMessagesGoToTheClientAndRespectSetLevel() throws Exception {
    start("{}");
    client.call(1, "render", "{\"steps\":1}");
    assertThat(logsUntilAnswer()).containsExactly("info render: done",
        "warning render: the preview is low resolution").inOrder();

    client.request(2, "logging/setLevel", "{\"level\":\"debug\"}");
    assertThat(client.next().path("id").asInt()).isEqualTo(2);
    client.call(3, "render", "{\"steps\":1}");
    assertThat(logsUntilAnswer()).containsExactly("debug render: starting 1 steps", "info render: done",
        "warning render: the preview is low resolution").inOrder();

    client.request(4, "logging/setLevel", "{\"level\":\"warning\"}");
    assertThat(client.next().path("id").asInt()).isEqualTo(4);
    client.call(5, "render", "{\"steps\":1}");
    assertThat(logsUntilAnswer()).containsExactly("warning render: the preview is low resolution");
  }

  /** The log notifications ({@code level message}) up to the next answer, which must be a success. */
  private List<String> logsUntilAnswer() {
    List<String> logs = new ArrayList<>();
    JsonNode line;
    while (!(line = client.next()).has("id")) {
      if (line.path("method").asText().equals("notifications/message")) {
        assertThat(line.path("params").path("logger").asText()).isEqualTo("render");
        logs.add(line.path("params").path("level").asText() + " " + line.path("params").path("data").asText());
      }
    }
    assertWithMessage("answer %s", line).that(line.path("result").path("isError").asBoolean()).isFalse();
    return logs;
  }

  @Test
  void aCancelledCallIsInterruptedGetsNoAnswerAndTheServerGoesOn() throws Exception {
    AtomicBoolean interrupted = (AtomicBoolean) classes.get("com.acme.studio.Studio").getField("INTERRUPTED")
        .get(null);
    interrupted.set(false);
    start("{}");
    long started = System.nanoTime();
    client.call(7, "wait", "{\"millis\":20000}");
    Thread.sleep(300);
    client.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":7,"
        + "\"reason\":\"stop\"}}");
    client.call(8, "wait", "{\"millis\":1}");
    JsonNode next = client.next();
    assertThat(next.path("id").asInt()).isEqualTo(8);
    assertThat(text(next)).isEqualTo("waited");
    for (int i = 0; i < 50 && !interrupted.get(); i++) {
      Thread.sleep(20);
    }
    assertWithMessage("the tool saw the interrupt and Cancellation.isCancelled()").that(interrupted.get()).isTrue();
    Thread.sleep(300); // the interrupted tool returned "interrupted" long ago: its answer would be here by now
    client.request(9, "ping", "{}");
    assertThat(client.next().path("id").asInt()).isEqualTo(9);
    assertThat(System.nanoTime() - started).isLessThan(15_000_000_000L);
    for (String line : client.lines()) {
      assertThat(line).doesNotContain("\"id\":7");
      assertThat(line).doesNotContain("interrupted");
    }
  }

  @Test
  void elicitationAcceptedDeclinedAndCancelled() throws Exception {
    start("{\"elicitation\":{}}");
    String[][] answers = {
        {"{\"action\":\"accept\",\"content\":{\"title\":\"Dawn\"}}", "title: Dawn"},
        {"{\"action\":\"decline\"}", "the user declined"},
        {"{\"action\":\"cancel\"}", "the user cancelled"}};
    int id = 1;
    for (String[] answer : answers) {
      client.call(id, "title", "{}");
      JsonNode ask = client.next();
      assertThat(ask.path("method").asText()).isEqualTo("elicitation/create");
      assertThat(ask.path("params").path("message").asText()).isEqualTo("Which title?");
      assertThat(ask.path("params").path("requestedSchema").path("required").toString()).isEqualTo("[\"title\"]");
      client.send("{\"jsonrpc\":\"2.0\",\"id\":" + ask.path("id") + ",\"result\":" + answer[0] + "}");
      JsonNode result = client.next();
      assertThat(result.path("id").asInt()).isEqualTo(id);
      assertThat(text(result)).isEqualTo(answer[1]);
      id++;
    }
  }

  @Test
  void aFormAsksWithTheSchemaComputedAtCompileTimeAndBindsTheAnswer() throws Exception {
    start("{\"elicitation\":{}}");
    client.call(1, "signup", "{}");
    JsonNode ask = client.next();
    assertThat(ask.path("method").asText()).isEqualTo("elicitation/create");
    assertThat(ask.path("params").path("message").asText()).isEqualTo("Who signs up?");
    JsonNode schema = ask.path("params").path("requestedSchema");
    assertThat(schema.path("required").toString()).isEqualTo("[\"name\",\"age\",\"plan\",\"extras\"]");
    assertThat(schema.path("properties").path("extras").path("items").path("enum").toString())
        .isEqualTo("[\"BASIC\",\"PRO\"]");
    assertThat(schema.path("properties").path("plan").path("enum").toString()).isEqualTo("[\"BASIC\",\"PRO\"]");
    assertThat(schema.path("properties").path("age").path("description").asText()).isEqualTo("in years");
    client.send("{\"jsonrpc\":\"2.0\",\"id\":" + ask.path("id") + ",\"result\":{\"action\":\"accept\","
        + "\"content\":{\"name\":\"Ada\",\"age\":36,\"plan\":\"PRO\",\"newsletter\":true,"
        + "\"extras\":[\"BASIC\"]}}}");
    assertThat(text(client.next())).isEqualTo("Ada (36, PRO, newsletter true, extras [BASIC])");

    client.call(2, "signup", "{}");
    ask = client.next();
    client.send("{\"jsonrpc\":\"2.0\",\"id\":" + ask.path("id") + ",\"result\":{\"action\":\"decline\"}}");
    assertThat(text(client.next())).isEqualTo("not signed up: DECLINE");
  }

  @Test
  void aFormCarriesTitlesDefaultsAndTitledEnumsAndBindsWhatTheClientLeftOutToTheDefaults() throws Exception {
    start("{\"elicitation\":{}}");
    client.call(1, "paint", "{}");
    JsonNode ask = client.next();
    assertThat(ask.path("method").asText()).isEqualTo("elicitation/create");
    JsonNode schema = ask.path("params").path("requestedSchema");
    assertThat(schema.toString()).isEqualTo("{\"type\":\"object\",\"properties\":{"
        + "\"name\":{\"type\":\"string\",\"title\":\"Colour name\",\"description\":\"what to call the colour\","
        + "\"default\":\"sky\"},"
        + "\"litres\":{\"type\":\"integer\",\"description\":\"how many litres\",\"minimum\":-2147483648,"
        + "\"maximum\":2147483647,\"default\":2},"
        + "\"sheen\":{\"type\":\"number\",\"default\":0.5},"
        + "\"primer\":{\"type\":\"boolean\",\"default\":true},"
        + "\"finish\":{\"type\":\"string\",\"oneOf\":[{\"const\":\"MATT\",\"title\":\"Matt, no shine\"},"
        + "{\"const\":\"gloss\",\"title\":\"Deep gloss\"},{\"const\":\"SATIN\",\"title\":\"SATIN\"}],"
        + "\"default\":\"gloss\"},"
        + "\"legacy\":{\"type\":\"string\",\"enum\":[\"MATT\",\"gloss\",\"SATIN\"],"
        + "\"enumNames\":[\"Matt, no shine\",\"Deep gloss\",\"SATIN\"],\"default\":\"MATT\"},"
        + "\"plain\":{\"type\":\"string\",\"oneOf\":[{\"const\":\"MATT\",\"title\":\"Matt, no shine\"},"
        + "{\"const\":\"gloss\",\"title\":\"Deep gloss\"},{\"const\":\"SATIN\",\"title\":\"SATIN\"}]},"
        + "\"extras\":{\"type\":\"array\",\"items\":{\"anyOf\":[{\"const\":\"MATT\",\"title\":\"Matt, no shine\"},"
        + "{\"const\":\"gloss\",\"title\":\"Deep gloss\"},{\"const\":\"SATIN\",\"title\":\"SATIN\"}]},"
        + "\"default\":[\"gloss\"]}}}");
    // Only two fields answered: the others bind to their defaults; an enum is chosen by its const.
    client.send("{\"jsonrpc\":\"2.0\",\"id\":" + ask.path("id") + ",\"result\":{\"action\":\"accept\","
        + "\"content\":{\"plain\":\"gloss\",\"extras\":[\"SATIN\",\"gloss\"]}}}");
    assertThat(text(client.next())).isEqualTo("PaintOrder[name=sky, litres=2, sheen=0.5, primer=true,"
        + " finish=GLOSS, legacy=MATT, plain=Optional[GLOSS], extras=[SATIN, GLOSS]]");

    client.call(2, "paint", "{}");
    ask = client.next();
    client.send("{\"jsonrpc\":\"2.0\",\"id\":" + ask.path("id") + ",\"result\":{\"action\":\"accept\","
        + "\"content\":{\"name\":\"ink\",\"litres\":5,\"sheen\":0.25,\"primer\":false,\"finish\":\"SATIN\","
        + "\"legacy\":\"gloss\",\"extras\":[]}}}");
    assertThat(text(client.next())).isEqualTo("PaintOrder[name=ink, litres=5, sheen=0.25, primer=false,"
        + " finish=SATIN, legacy=GLOSS, plain=Optional.empty, extras=[]]");
  }

  @Test
  void samplingAsksTheClientsModel() throws Exception {
    start("{\"sampling\":{}}");
    client.call(1, "describe", "{\"scene\":\"a harbour\"}");
    JsonNode sample = client.next();
    assertThat(sample.path("method").asText()).isEqualTo("sampling/createMessage");
    assertThat(sample.path("params").path("maxTokens").asInt()).isEqualTo(50);
    assertThat(sample.path("params").path("messages").get(0).path("content").path("text").asText())
        .isEqualTo("Describe a harbour");
    client.send("{\"jsonrpc\":\"2.0\",\"id\":" + sample.path("id") + ",\"result\":{\"role\":\"assistant\","
        + "\"content\":{\"type\":\"text\",\"text\":\"boats\"},\"model\":\"m-1\"}}");
    assertThat(text(client.next())).isEqualTo("model: boats");
  }

  @Test
  void rootsAreListedWhenTheClientHasThem() throws Exception {
    start("{\"roots\":{}}");
    client.call(1, "roots", "{}");
    JsonNode ask = client.next();
    assertThat(ask.path("method").asText()).isEqualTo("roots/list");
    client.send("{\"jsonrpc\":\"2.0\",\"id\":" + ask.path("id") + ",\"result\":{\"roots\":["
        + "{\"uri\":\"file:///work/a\",\"name\":\"a\"},{\"uri\":\"file:///work/b\"}]}}");
    assertThat(text(client.next())).isEqualTo("file:///work/a,file:///work/b");
  }

  @Test
  void aMissingClientCapabilityIsAClearErrorResultNotAHang() throws Exception {
    start("{}");
    client.call(1, "title", "{}");
    JsonNode elicitation = client.next();
    client.call(2, "describe", "{\"scene\":\"x\"}");
    JsonNode sampling = client.next();
    client.call(3, "roots", "{}");
    JsonNode roots = client.next();
    client.call(4, "signup", "{}");
    JsonNode form = client.next();
    assertThat(form.path("result").path("isError").asBoolean()).isTrue();
    assertThat(text(form)).contains("'elicitation' capability");
    assertThat(elicitation.path("result").path("isError").asBoolean()).isTrue();
    assertThat(text(elicitation)).isEqualTo("cannot ask the user for input: the client 'studio-test' did not"
        + " declare the 'elicitation' capability when it connected");
    assertThat(sampling.path("result").path("isError").asBoolean()).isTrue();
    assertThat(text(sampling)).isEqualTo("cannot ask its model for a completion: the client 'studio-test' did not"
        + " declare the 'sampling' capability when it connected");
    assertThat(roots.path("result").path("isError").asBoolean()).isTrue();
    assertThat(text(roots)).isEqualTo("cannot list its roots: the client 'studio-test' did not declare the"
        + " 'roots' capability when it connected");
  }

  @Test
  void anImageAMixedListAndAToolResultGoOutAsContent() throws Exception {
    start("{}");
    client.call(1, "thumbnail", "{}");
    JsonNode image = client.next().path("result");
    assertThat(image.path("content").size()).isEqualTo(1);
    assertThat(image.path("content").get(0).path("type").asText()).isEqualTo("image");
    assertThat(image.path("content").get(0).path("mimeType").asText()).isEqualTo("image/png");
    assertThat(image.path("content").get(0).path("data").asText()).startsWith("iVBORw0KGgo");
    assertThat(image.has("structuredContent")).isFalse();

    client.call(2, "sheet", "{\"caption\":\"Sheet 1\"}");
    JsonNode sheet = client.next().path("result").path("content");
    assertThat(sheet.size()).isEqualTo(3);
    assertThat(sheet.get(0).toString()).isEqualTo("{\"type\":\"text\",\"text\":\"Sheet 1\"}");
    assertThat(sheet.get(1).path("type").asText()).isEqualTo("image");
    assertThat(sheet.get(2).path("type").asText()).isEqualTo("resource");
    assertThat(sheet.get(2).path("resource").toString())
        .isEqualTo("{\"uri\":\"file:///studio/sheet.txt\",\"mimeType\":\"text/plain\",\"text\":\"sheet\"}");

    client.call(3, "export", "{\"format\":\"pdf\"}");
    JsonNode line;
    while (!(line = client.next()).has("id")) {
      assertThat(line.path("params").path("data").asText()).isEqualTo("export for studio-test");
    }
    JsonNode export = line.path("result");
    assertThat(export.path("isError").asBoolean()).isFalse();
    assertThat(export.path("content").get(0).path("text").asText())
        .isEqualTo("exported for studio-test over 2025-11-25");
    assertThat(export.path("content").get(1).toString())
        .isEqualTo("{\"type\":\"resource_link\",\"name\":\"out.pdf\",\"uri\":\"file:///studio/out.pdf\"}");

    client.call(4, "export", "{\"format\":\" \"}");
    JsonNode failed = client.next().path("result");
    assertThat(failed.path("isError").asBoolean()).isTrue();
    assertThat(failed.path("content").get(0).path("text").asText()).isEqualTo("no format");
  }

  @Test
  void overTheStdioOfAProcessOfItsOwn(@TempDir Path dir) throws Exception {
    Map<String, String> sources = new LinkedHashMap<>();
    for (JavaFileObject source : ToolFixtures.STUDIO) {
      sources.put(source.toUri().getPath().replaceFirst("^/", ""), source.getCharContent(true).toString());
    }
    DiskCompiler.Result compiled = DiskCompiler.compile(dir, new CodexPluginProcessor(), List.of(), sources);
    assertWithMessage("%s", compiled.diagnostics()).that(compiled.success()).isTrue();
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+DisplayVMOutputToStderr", "-cp", compiled.out() + java.io.File.pathSeparator
            + System.getProperty("java.class.path"), "com.acme.studio.StudioKitMcpServer")
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    try (JsonRpcLines wire = new JsonRpcLines(process.getOutputStream(), process.getInputStream())) {
      wire.request(0, "initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
          + "\"clientInfo\":{\"name\":\"pipe-test\",\"version\":\"1\"}}");
      assertThat(wire.next().path("result").path("serverInfo").path("name").asText()).isEqualTo("studio-kit");
      wire.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

      wire.request(1, "tools/call", "{\"name\":\"render\",\"arguments\":{\"steps\":2},"
          + "\"_meta\":{\"progressToken\":42}}");
      int progress = 0;
      JsonNode line;
      while (!(line = wire.next()).has("id")) {
        if (line.path("method").asText().equals("notifications/progress")) {
          assertThat(line.path("params").path("progressToken").asInt()).isEqualTo(42);
          progress++;
        }
      }
      assertThat(progress).isEqualTo(2);
      assertThat(text(line)).isEqualTo("rendered 2 steps");

      wire.call(2, "wait", "{\"millis\":20000}");
      Thread.sleep(300);
      wire.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":2}}");
      wire.call(3, "thumbnail", "{}");
      JsonNode image = wire.next();
      assertThat(image.path("id").asInt()).isEqualTo(3);
      assertThat(image.path("result").path("content").get(0).path("type").asText()).isEqualTo("image");
      Thread.sleep(300);
      wire.request(4, "ping", "{}");
      assertThat(wire.next().path("id").asInt()).isEqualTo(4);
      for (String sent : wire.lines()) {
        assertThat(sent).doesNotContain("\"id\":2");
      }
    }
    // stdin closed: the server ends on its own, with 0.
    assertWithMessage("the server exits once stdin is closed").that(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(0);
  }

  /** The text of a tool result's first content item. */
  private static String text(JsonNode response) {
    assertWithMessage("a result: %s", response).that(response.has("result")).isTrue();
    return response.path("result").path("content").path(0).path("text").asText();
  }
}
