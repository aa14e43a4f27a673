package com.acme.conformance;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexplugin.testing.JsonRpcLines;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The departures from the 2025-11-25 specification that need the conformance server's tools (progress, logging,
 * elicitation, sampling, rich content), each checked on the wire: raw JSON-RPC lines over the stdio transport of
 * the generated {@link ConformanceMcpServer}'s {@code main}, in a JVM of its own. They were in sdk-mcp's
 * {@code SpecDeparturesTest}, against a hand-written copy of this server; the departures found with the
 * release-tools server are still there.
 */
class SpecDeparturesTest {
  private StdioServer server;
  private JsonRpcLines client;

  @BeforeEach
  void start() throws IOException {
    server = StdioServer.start(ConformanceMcpServer.class);
    client = server.client();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void progressAndLogNotificationsGoToTheClientAndLoggingHonoursSetLevel() {
    client.initialize("2025-11-25", "{}");
    client.request(1, "tools/call", "{\"name\":\"test_tool_with_progress\",\"arguments\":{},"
        + "\"_meta\":{\"progressToken\":\"p-1\"}}");
    Set<Double> progress = new HashSet<>();
    JsonNode line;
    while (!(line = client.next()).has("id")) {
      assertThat(line.path("method").asText()).isEqualTo("notifications/progress");
      assertThat(line.path("params").path("progressToken").asText()).isEqualTo("p-1");
      progress.add(line.path("params").path("progress").asDouble());
    }
    assertThat(progress).containsExactly(0.0, 50.0, 100.0);

    client.call(2, "test_tool_with_logging", "{}");
    int logs = 0;
    while (!(line = client.next()).has("id")) {
      assertThat(line.path("method").asText()).isEqualTo("notifications/message");
      assertThat(line.path("params").path("logger").asText()).isEqualTo("test_tool_with_logging");
      logs++;
    }
    assertThat(logs).isEqualTo(3);

    client.request(3, "logging/setLevel", "{\"level\":\"error\"}");
    assertThat(client.next().path("id").asInt()).isEqualTo(3);
    client.call(4, "test_tool_with_logging", "{}");
    assertThat(client.next().path("id").asInt()).isEqualTo(4); // info messages are below error: none sent
  }

  @Test
  void aClientWithoutTheCapabilityGetsAClearErrorNotAHang() {
    client.initialize("2025-11-25", "{}");
    client.call(1, "test_elicitation", "{\"message\":\"Your name?\"}");
    client.call(2, "test_sampling", "{\"prompt\":\"hi\"}");
    // The two calls run concurrently: their answers may come in either order.
    Map<Integer, JsonNode> answers = new HashMap<>();
    for (int i = 0; i < 2; i++) {
      JsonNode answer = client.next();
      answers.put(answer.path("id").asInt(), answer.path("result"));
    }
    JsonNode elicitation = answers.get(1);
    JsonNode sampling = answers.get(2);
    assertThat(elicitation.path("isError").asBoolean()).isTrue();
    assertThat(elicitation.path("content").get(0).path("text").asText()).isEqualTo("cannot ask the user for input:"
        + " the client 'raw-test' did not declare the 'elicitation' capability when it connected");
    assertThat(sampling.path("content").get(0).path("text").asText()).contains("'sampling' capability");
  }

  @Test
  void elicitationDeclinedAndSamplingAnsweredByTheClient() {
    client.initialize("2025-11-25", "{\"elicitation\":{},\"sampling\":{}}");
    client.call(1, "test_elicitation", "{\"message\":\"Your name?\"}");
    JsonNode ask = client.next();
    assertThat(ask.path("method").asText()).isEqualTo("elicitation/create");
    assertThat(ask.path("params").path("requestedSchema").path("required").get(0).asText()).isEqualTo("response");
    client.send("{\"jsonrpc\":\"2.0\",\"id\":" + ask.path("id") + ",\"result\":{\"action\":\"decline\"}}");
    assertThat(client.next().path("result").path("content").get(0).path("text").asText())
        .isEqualTo("User response: action=decline, content={}");

    client.call(2, "test_sampling", "{\"prompt\":\"2+2?\"}");
    JsonNode sample = client.next();
    assertThat(sample.path("method").asText()).isEqualTo("sampling/createMessage");
    assertThat(sample.path("params").path("messages").get(0).path("content").path("text").asText()).isEqualTo("2+2?");
    client.send("{\"jsonrpc\":\"2.0\",\"id\":" + sample.path("id") + ",\"result\":{\"role\":\"assistant\","
        + "\"content\":{\"type\":\"text\",\"text\":\"4\"},\"model\":\"test-model\"}}");
    assertThat(client.next().path("result").path("content").get(0).path("text").asText()).isEqualTo("LLM response: 4");
  }

  /**
   * The SEP-1034 and SEP-1330 tools ask with the requested schema the processor computed for their records:
   * what the suite's scenarios {@code elicitation-sep1034-defaults} and {@code elicitation-sep1330-enums} check
   * (a default of the right JSON type on each field; untitled {@code enum}, titled {@code oneOf}, legacy
   * {@code enumNames}, multi-select {@code items.enum} and {@code items.anyOf}), and the suite's answers bind.
   */
  @Test
  void theSep1034AndSep1330FormsAskWithTheSchemaTheSuiteChecksAndBindItsAnswers() {
    client.initialize("2025-11-25", "{\"elicitation\":{}}");
    client.call(1, "test_elicitation_sep1034_defaults", "{}");
    JsonNode ask = client.next();
    assertThat(ask.path("params").path("message").asText())
        .isEqualTo("Please review and update the form fields with defaults");
    assertThat(ask.path("params").path("requestedSchema").toString()).isEqualTo("{\"type\":\"object\","
        + "\"properties\":{\"name\":{\"type\":\"string\",\"description\":\"User name\",\"default\":\"John Doe\"},"
        + "\"age\":{\"type\":\"integer\",\"description\":\"User age\",\"minimum\":-2147483648,"
        + "\"maximum\":2147483647,\"default\":30},"
        + "\"score\":{\"type\":\"number\",\"description\":\"User score\",\"default\":95.5},"
        + "\"status\":{\"type\":\"string\",\"description\":\"User status\",\"enum\":[\"active\",\"inactive\","
        + "\"pending\"],\"default\":\"active\"},"
        + "\"verified\":{\"type\":\"boolean\",\"description\":\"Verification status\",\"default\":true}}}");
    client.send("{\"jsonrpc\":\"2.0\",\"id\":" + ask.path("id") + ",\"result\":{\"action\":\"accept\","
        + "\"content\":{\"name\":\"Jane Smith\",\"age\":25,\"score\":88.0,\"status\":\"inactive\","
        + "\"verified\":false}}}");
    assertThat(client.next().path("result").path("content").get(0).path("text").asText())
        .isEqualTo("Elicitation completed: action=ACCEPT, content=Defaults[name=Jane Smith, age=25, score=88.0,"
            + " status=INACTIVE, verified=false]");

    client.call(2, "test_elicitation_sep1330_enums", "{}");
    ask = client.next();
    assertThat(ask.path("params").path("requestedSchema").toString()).isEqualTo("{\"type\":\"object\","
        + "\"properties\":{"
        + "\"untitledSingle\":{\"type\":\"string\",\"description\":\"Select one option\","
        + "\"enum\":[\"option1\",\"option2\",\"option3\"]},"
        + "\"titledSingle\":{\"type\":\"string\",\"description\":\"Select one option with titles\",\"oneOf\":["
        + "{\"const\":\"value1\",\"title\":\"First Option\"},{\"const\":\"value2\",\"title\":\"Second Option\"},"
        + "{\"const\":\"value3\",\"title\":\"Third Option\"}]},"
        + "\"legacyEnum\":{\"type\":\"string\",\"description\":\"Select one option (legacy)\","
        + "\"enum\":[\"opt1\",\"opt2\",\"opt3\"],\"enumNames\":[\"Option One\",\"Option Two\",\"Option Three\"]},"
        + "\"untitledMulti\":{\"type\":\"array\",\"description\":\"Select multiple options\","
        + "\"items\":{\"type\":\"string\",\"enum\":[\"option1\",\"option2\",\"option3\"]}},"
        + "\"titledMulti\":{\"type\":\"array\",\"description\":\"Select multiple options with titles\","
        + "\"items\":{\"anyOf\":[{\"const\":\"value1\",\"title\":\"First Choice\"},"
        + "{\"const\":\"value2\",\"title\":\"Second Choice\"},{\"const\":\"value3\",\"title\":\"Third Choice\"}]}}},"
        + "\"required\":[\"untitledSingle\",\"titledSingle\",\"legacyEnum\",\"untitledMulti\",\"titledMulti\"]}");
    client.send("{\"jsonrpc\":\"2.0\",\"id\":" + ask.path("id") + ",\"result\":{\"action\":\"accept\","
        + "\"content\":{\"untitledSingle\":\"option1\",\"titledSingle\":\"value1\",\"legacyEnum\":\"opt1\","
        + "\"untitledMulti\":[\"option1\",\"option2\"],\"titledMulti\":[\"value1\",\"value2\"]}}}");
    assertThat(client.next().path("result").path("content").get(0).path("text").asText())
        .isEqualTo("Elicitation completed: action=ACCEPT, content=Enums[untitledSingle=OPTION1,"
            + " titledSingle=VALUE1, legacyEnum=OPT1, untitledMulti=[OPTION1, OPTION2], titledMulti=[VALUE1, VALUE2]]");
  }

  @Test
  void richContentAndOlderClientsGetTextForWhatTheirRevisionLacks() {
    client.initialize("2024-11-05", "{}");
    client.call(1, "test_audio_content", "{}");
    JsonNode audio = client.next().path("result").path("content").get(0);
    assertThat(audio.path("type").asText()).isEqualTo("text");
    assertThat(audio.path("text").asText()).contains("audio left out: protocol 2024-11-05 has no audio content");
    client.call(2, "test_multiple_content_types", "{}");
    JsonNode mixed = client.next().path("result").path("content");
    assertThat(mixed.size()).isEqualTo(3);
    assertThat(mixed.get(1).path("type").asText()).isEqualTo("image");
    assertThat(mixed.get(2).path("resource").path("uri").asText()).isEqualTo("test://mixed-content-resource");
  }
}
