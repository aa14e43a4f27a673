package dev.codexplugin.testing;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The client against canned server output: what it writes, and initialize's check of the agreed version. */
class JsonRpcLinesTest {
  private final ByteArrayOutputStream written = new ByteArrayOutputStream();

  private JsonRpcLines answering(String protocolVersion) {
    String answer = "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":{\"protocolVersion\":\"" + protocolVersion + "\"}}\n";
    return new JsonRpcLines(written, new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void initializeSendsTheVersionAndCapabilitiesThenInitialized() {
    try (JsonRpcLines client = answering("2024-11-05")) {
      assertThat(client.initialize("2024-11-05", "{\"sampling\":{}}").path("id").asInt()).isEqualTo(0);
    }
    assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo(
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2024-11-05\","
            + "\"capabilities\":{\"sampling\":{}},\"clientInfo\":{\"name\":\"raw-test\",\"version\":\"1\"}}}\n"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n");
  }

  @Test
  void initializeFailsWhenTheServerAgreesOnAnotherVersion() {
    try (JsonRpcLines client = answering("2025-11-25")) {
      AssertionError error = assertThrows(AssertionError.class, () -> client.initialize("2024-11-05", "{}"));
      assertThat(error).hasMessageThat().startsWith("initialize with protocol 2024-11-05 was answered with {");
      assertThat(error).hasMessageThat().contains("\"protocolVersion\":\"2025-11-25\"");
    }
  }

  @Test
  void initializeWithoutArgumentsTakesWhateverTheServerAnswers() {
    try (JsonRpcLines client = answering("2025-06-18")) {
      assertThat(client.initialize().path("result").path("protocolVersion").asText()).isEqualTo("2025-06-18");
    }
  }
}
