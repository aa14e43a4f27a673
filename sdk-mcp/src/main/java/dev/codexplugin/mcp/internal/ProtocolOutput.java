package dev.codexplugin.mcp.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The protocol stream as the SDK's stdio transport sees it. The transport writes each message as
 * {@code write(json)}, {@code write("\n")}, {@code flush()} inside {@code synchronized} on this object; this
 * class notes the id of every response it writes and completes it in {@link InFlight} once flushed, and
 * drops the responses of cancelled calls (the specification asks that no answer be sent). Replies
 * of our own (parse errors) are written under the same lock, so they never interleave with a message.
 */
final class ProtocolOutput extends OutputStream {
  private final OutputStream out;
  private final InFlight inFlight;
  private final JsonFactory factory;
  private final List<String> flushedIds = new ArrayList<>();
  private final Set<String> suppressed = new HashSet<>();
  private final Calls calls;
  private boolean dropNewline;

  ProtocolOutput(OutputStream out, InFlight inFlight, JsonFactory factory, Calls calls) {
    this.out = out;
    this.inFlight = inFlight;
    this.factory = factory;
    this.calls = calls;
  }

  /** Drops the response to request {@code idKey} (a cancelled call) instead of writing it. */
  synchronized void suppress(String idKey) {
    suppressed.add(idKey);
  }

  @Override
  public synchronized void write(int b) throws IOException {
    if (dropNewline && b == '\n') {
      dropNewline = false;
      return;
    }
    out.write(b);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    if (dropNewline && len == 1 && b[off] == '\n') {
      dropNewline = false;
      return;
    }
    dropNewline = false;
    String id = len > 1 ? responseId(b, off, len) : null;
    if (id != null) {
      flushedIds.add(id);
      calls.done(Calls.token(ToolServerSession.SCOPE, id));
      if (suppressed.remove(id)) {
        dropNewline = true; // the SDK writes the message and its newline separately
        return;
      }
    }
    out.write(b, off, len);
  }

  @Override
  public synchronized void flush() throws IOException {
    out.flush();
    for (String id : flushedIds) {
      inFlight.complete(id);
    }
    flushedIds.clear();
  }

  @Override
  public synchronized void close() throws IOException {
    flush();
    out.close();
  }

  /** Writes one line of our own (never counted as a response to a tracked request). */
  synchronized void reply(String json) throws IOException {
    out.write(json.getBytes(StandardCharsets.UTF_8));
    out.write('\n');
    out.flush();
  }

  /** The id of a JSON-RPC response (a message with {@code result} or {@code error}), else {@code null}. */
  private String responseId(byte[] b, int off, int len) {
    try (JsonParser parser = factory.createParser(b, off, len)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String id = null;
      boolean response = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "method":
            return null;
          case "id":
            id = idKey(value, parser);
            break;
          case "result":
          case "error":
            response = true;
            break;
          default:
            break;
        }
        if (response && id != null) {
          return id;
        }
        parser.skipChildren();
      }
      return response ? id : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String idKey(JsonToken token, JsonParser parser) throws IOException {
    if (token == JsonToken.VALUE_STRING) {
      return "s:" + parser.getText();
    }
    if (token == JsonToken.VALUE_NUMBER_INT) {
      return "n:" + parser.getBigIntegerValue();
    }
    return null;
  }

  /** The key {@link #responseId} gives the response to a request with this id; {@code null} if none. */
  static String idKey(JsonNode id) {
    if (id == null) {
      return null;
    }
    if (id.isTextual()) {
      return "s:" + id.textValue();
    }
    if (id.isIntegralNumber()) {
      return "n:" + id.bigIntegerValue();
    }
    return null;
  }
}
