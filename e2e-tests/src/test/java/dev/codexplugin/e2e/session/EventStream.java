package dev.codexplugin.e2e.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A {@code text/event-stream} response: {@code event: <name>} and {@code data: <json>} lines, a blank line after
 * each event, flushed one by one. The JDK server sends the body chunked, so the client sees the end of the stream
 * when {@link #close} ends the exchange.
 */
final class EventStream implements AutoCloseable {
  private final OutputStream out;
  private final ObjectMapper json;

  EventStream(HttpExchange exchange, ObjectMapper json) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    this.out = exchange.getResponseBody();
    this.json = json;
  }

  /** Writes one event whose data is {@code data} on a single line. */
  void event(String name, JsonNode data) throws IOException {
    String text = "event: " + name + "\ndata: " + json.writeValueAsString(data) + "\n\n";
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
