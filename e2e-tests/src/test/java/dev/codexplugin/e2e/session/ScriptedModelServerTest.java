package dev.codexplugin.e2e.session;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scripted model server over real HTTP from the JDK client, with request bodies shaped like the ones Codex
 * 0.169.0 and Claude Code 2.1.328 send (the sessions themselves are in {@link CodexSessionIT} and
 * {@link ClaudeSessionIT}).
 */
class ScriptedModelServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CODEX_TOOLS = """
      [{"type":"function","name":"exec_command","parameters":{}},
       {"type":"namespace","name":"mcp__release_tools","tools":[{"type":"function","name":"compare"},
                                                               {"type":"function","name":"bump"}]}]""";
  private static final String CLAUDE_TOOLS = """
      [{"name":"Bash","input_schema":{}},{"name":"mcp__plugin_release-tools_release-tools__compare"}]""";

  private final HttpClient client = HttpClient.newHttpClient();
  private ScriptedModelServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void responsesApiCallsANamespacedToolThenReplies() throws Exception {
    server = ScriptedModelServer.start(
        ModelScript.callTool("mcp__release_tools__compare", "{\"a\":\"1.4.0\",\"b\":\"1.10.0\"}")
            .thenReply("1.10.0 is newer."));

    List<Event> first = events(post(server.openAiBaseUrl() + "/responses", """
        {"model":"m","stream":true,"tools":%s,
         "input":[{"type":"message","role":"user","content":[{"type":"input_text","text":"Compare"}]}]}
        """.formatted(CODEX_TOOLS)));
    assertThat(names(first)).containsExactly("response.created", "response.output_item.added",
        "response.output_item.done", "response.completed").inOrder();
    JsonNode call = first.get(2).data().path("item");
    assertThat(call.path("type").asText()).isEqualTo("function_call");
    assertThat(call.path("namespace").asText()).isEqualTo("mcp__release_tools");
    assertThat(call.path("name").asText()).isEqualTo("compare");
    assertThat(call.path("arguments").asText()).isEqualTo("{\"a\":\"1.4.0\",\"b\":\"1.10.0\"}");
    assertThat(call.path("call_id").asText()).isEqualTo("call_0");
    assertThat(first.get(3).data().path("response").path("id").asText()).isEqualTo("resp_0");

    List<Event> second = events(post(server.openAiBaseUrl() + "/responses", """
        {"model":"m","stream":true,"tools":%s,
         "input":[{"type":"function_call","call_id":"call_0","namespace":"mcp__release_tools","name":"compare"},
                  {"type":"function_call_output","call_id":"call_0","output":"{\\"order\\":-1}"}]}
        """.formatted(CODEX_TOOLS)));
    JsonNode message = second.get(2).data().path("item");
    assertThat(message.path("type").asText()).isEqualTo("message");
    assertThat(message.path("content").get(0).path("text").asText()).isEqualTo("1.10.0 is newer.");

    List<RecordedRequest> requests = server.mainRequests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).api()).isEqualTo(RecordedRequest.Api.RESPONSES);
    assertThat(requests.get(0).offeredTools())
        .containsExactly("exec_command", "mcp__release_tools__compare", "mcp__release_tools__bump");
    assertThat(requests.get(0).text()).contains("Compare");
    assertThat(requests.get(0).answer()).isEqualTo("call mcp__release_tools__compare");
    assertThat(requests.get(1).toolResults()).containsExactly("{\"order\":-1}");
    assertThat(requests.get(1).answer()).isEqualTo("reply");
    assertThat(server.problems()).isEmpty();
  }

  @Test
  void theSameRequestGetsTheSameAnswer() throws Exception {
    server = ScriptedModelServer.start(ModelScript.callTool("mcp__release_tools__bump", "{}").thenReply("done"));
    String body = "{\"stream\":true,\"tools\":" + CODEX_TOOLS + ",\"input\":[]}";
    String once = post(server.openAiBaseUrl() + "/responses", body).body();
    String again = post(server.openAiBaseUrl() + "/responses", body).body();
    assertThat(again).isEqualTo(once);
  }

  @Test
  void messagesApiStreamsAToolUseThenTheReply() throws Exception {
    server = ScriptedModelServer.start(
        ModelScript.callTool("mcp__plugin_release-tools_release-tools__compare", "{\"a\":\"1.4.0\",\"b\":\"2.0.0\"}")
            .thenReply("2.0.0 is newer."));

    HttpResponse<String> response = post(server.baseUrl() + "/v1/messages?beta=true", """
        {"model":"claude-x","stream":true,"tools":%s,"system":[{"type":"text","text":"You are Claude Code."}],
         "messages":[{"role":"user","content":[{"type":"text","text":"Compare"}]}]}
        """.formatted(CLAUDE_TOOLS));
    assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
    List<Event> first = events(response);
    assertThat(names(first)).containsExactly("message_start", "content_block_start", "content_block_delta",
        "content_block_stop", "message_delta", "message_stop").inOrder();
    assertThat(first.get(0).data().path("message").path("model").asText()).isEqualTo("claude-x");
    JsonNode block = first.get(1).data().path("content_block");
    assertThat(block.path("type").asText()).isEqualTo("tool_use");
    assertThat(block.path("name").asText()).isEqualTo("mcp__plugin_release-tools_release-tools__compare");
    assertThat(first.get(2).data().path("delta").path("partial_json").asText())
        .isEqualTo("{\"a\":\"1.4.0\",\"b\":\"2.0.0\"}");
    assertThat(first.get(4).data().path("delta").path("stop_reason").asText()).isEqualTo("tool_use");

    List<Event> second = events(post(server.baseUrl() + "/v1/messages?beta=true", """
        {"model":"claude-x","stream":true,"tools":%s,
         "messages":[{"role":"user","content":[{"type":"text","text":"Compare"}]},
                     {"role":"assistant","content":[{"type":"tool_use","id":"toolu_0","name":"x","input":{}}]},
                     {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_0",
                                                "content":[{"type":"text","text":"{\\"order\\":-1}"}]}]}]}
        """.formatted(CLAUDE_TOOLS)));
    assertThat(second.get(2).data().path("delta").path("text").asText()).isEqualTo("2.0.0 is newer.");
    assertThat(second.get(4).data().path("delta").path("stop_reason").asText()).isEqualTo("end_turn");

    RecordedRequest recorded = server.mainRequests().get(1);
    assertThat(recorded.toolResults()).containsExactly("{\"order\":-1}");
    assertThat(server.mainRequests().get(0).text()).contains("You are Claude Code.");
    assertThat(recorded.header("Content-Type")).isEqualTo("application/json");
    assertThat(server.problems()).isEmpty();
  }

  @Test
  void sideRequestsAndTokenCountsAreAnsweredHarmlessly() throws Exception {
    server = ScriptedModelServer.start(ModelScript.callTool("Bash", "{}").thenReply("done"));
    // a title request: no tools, not streamed
    HttpResponse<String> title = post(server.baseUrl() + "/v1/messages", """
        {"model":"claude-haiku","max_tokens":32,"messages":[{"role":"user","content":"Write a title"}]}""");
    assertThat(title.statusCode()).isEqualTo(200);
    JsonNode message = JSON.readTree(title.body());
    assertThat(message.path("content").get(0).path("text").asText()).isEqualTo("OK");
    assertThat(message.path("stop_reason").asText()).isEqualTo("end_turn");
    // a streamed small-model request without tools
    List<Event> side = events(post(server.baseUrl() + "/v1/messages", """
        {"model":"claude-haiku","stream":true,"messages":[{"role":"user","content":"Summarize"}]}"""));
    assertThat(side.get(2).data().path("delta").path("text").asText()).isEqualTo("OK");
    HttpResponse<String> count = post(server.baseUrl() + "/v1/messages/count_tokens", "{\"messages\":[]}");
    assertThat(JSON.readTree(count.body()).path("input_tokens").asInt()).isEqualTo(1);
    HttpResponse<String> unknown = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/models"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("no GET /v1/models");

    assertThat(server.mainRequests()).isEmpty();
    assertThat(server.requests()).hasSize(4);
    assertThat(server.requests().stream().map(RecordedRequest::answer).toList())
        .containsExactly("side reply", "side reply", "count tokens", "404").inOrder();
    assertThat(server.problems()).isEmpty();
  }

  @Test
  void aCallOfAToolTheRequestDoesNotOfferIsAProblemAndNoCall() throws Exception {
    server = ScriptedModelServer.start(
        ModelScript.callTool("mcp__release_tools__sort", "{}").thenReply("done"));
    List<Event> events = events(post(server.openAiBaseUrl() + "/responses",
        "{\"stream\":true,\"tools\":" + CODEX_TOOLS + ",\"input\":[]}"));
    JsonNode item = events.get(2).data().path("item");
    assertThat(item.path("type").asText()).isEqualTo("message");
    assertThat(item.path("content").get(0).path("text").asText()).startsWith("SCRIPT ERROR: the script calls "
        + "mcp__release_tools__sort, which the request does not offer; it offers [exec_command,");
    assertThat(server.problems()).hasSize(1);
    assertThat(server.mainRequests().get(0).answer()).isEqualTo("SCRIPT ERROR");
  }

  @Test
  void aBodyThatIsNotJsonIsAProblem() throws Exception {
    server = ScriptedModelServer.start(ModelScript.reply("done"));
    post(server.openAiBaseUrl() + "/responses", "{not json");
    assertThat(server.problems()).hasSize(1);
    assertThat(server.problems().get(0)).contains("/v1/responses: the body is not JSON");
  }

  private record Event(String name, JsonNode data) {}

  private HttpResponse<String> post(String url, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Parses a {@code text/event-stream} body: blocks separated by a blank line, one event and one data line. */
  private static List<Event> events(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(200);
    List<Event> events = new ArrayList<>();
    for (String block : response.body().split("\n\n")) {
      String[] lines = block.split("\n");
      assertThat(lines).hasLength(2);
      assertThat(lines[0]).startsWith("event: ");
      assertThat(lines[1]).startsWith("data: ");
      JsonNode data = JSON.readTree(lines[1].substring("data: ".length()));
      assertThat(data.path("type").asText()).isEqualTo(lines[0].substring("event: ".length()));
      events.add(new Event(lines[0].substring("event: ".length()), data));
    }
    return events;
  }

  private static List<String> names(List<Event> events) {
    return events.stream().map(Event::name).toList();
  }
}
