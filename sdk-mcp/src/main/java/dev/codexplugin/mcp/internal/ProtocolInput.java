package dev.codexplugin.mcp.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The input the SDK's stdio transport reads: the client's lines, screened. The SDK ends the whole session on
 * a line it cannot parse (a blank line included) and drops the responses still in flight when its input
 * ends; this stream, placed in front of it, fixes both:
 *
 * <ul>
 *   <li>every message is checked by {@link Screen} first: batches, a wrong {@code jsonrpc}, bad ids and
 *       malformed {@code tools/call} params are answered here; a ping is answered at once (the SDK would hold
 *       it until {@code notifications/initialized}); {@code notifications/cancelled} cancels the call;
 *   <li>a daemon thread reads the raw input line by line; blank lines are skipped; a line that is not JSON
 *       gets a {@code -32700} reply, one that is JSON but no JSON-RPC message a {@code -32600} reply, both
 *       written by us under the protocol stream's lock, and neither reaches the SDK; a line longer than
 *       {@value #MAX_LINE_BYTES} bytes is discarded with a {@code -32600} reply;
 *   <li>every request passed on is counted in {@link InFlight}; at end of input (or {@link #end}) this stream
 *       reports end of file to the SDK only once every counted request was answered, or after the grace
 *       period; a request sent before {@code notifications/initialized} (which the SDK holds until then) is
 *       not waited for when the input ends before that notification, since it can never be answered.
 * </ul>
 *
 * <p>Read by one thread (the SDK's reader); the raw input is read by our own daemon thread, so a stream that
 * never ends keeps no JVM alive and {@link #end} works even while the raw read blocks.
 */
public final class ProtocolInput extends InputStream {
  /** The longest line accepted, in bytes: the SDK's own limit is the same number of characters. */
  public static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

  private static final System.Logger LOG = System.getLogger("dev.codexplugin.mcp");
  private static final byte[] END = new byte[0];
  private static final int PREVIEW = 200;

  private final InputStream raw;
  private final ProtocolOutput out;
  private final InFlight inFlight;
  private final ObjectMapper mapper;
  private final ObjectReader strictReader;
  private final McpJsonMapper protocolMapper;
  private final Duration grace;
  private final Calls calls;
  private final BlockingQueue<byte[]> lines = new LinkedBlockingQueue<>(256);
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile boolean ending;
  /** Whether {@code notifications/initialized} was passed on (pump thread only). */
  private boolean initialized;
  private byte[] current;
  private int position;
  private boolean finished;

  ProtocolInput(InputStream raw, ProtocolOutput out, InFlight inFlight, ObjectMapper mapper,
      McpJsonMapper protocolMapper, Duration grace, Calls calls) {
    this.raw = raw;
    this.out = out;
    this.inFlight = inFlight;
    this.mapper = mapper;
    this.strictReader = Json.strictTreeReader(mapper);
    this.protocolMapper = protocolMapper;
    this.grace = grace;
    this.calls = calls;
  }

  /** Starts the daemon thread that reads the raw input. */
  void start() {
    Thread reader = new Thread(this::pump, "codexplugin-mcp-input");
    reader.setDaemon(true);
    reader.start();
  }

  /** Ends the input as if the client had closed it; lines not yet passed on are dropped. */
  void end() {
    ending = true;
    lines.clear();
    while (!lines.offer(END)) {
      lines.poll();
    }
  }

  /** Waits until this stream reported end of file to the SDK. */
  boolean awaitEnded(long timeout, TimeUnit unit) throws InterruptedException {
    return ended.await(timeout, unit);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (current == null || position == current.length) {
      if (finished) {
        return -1;
      }
      byte[] next;
      try {
        next = lines.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for input");
      }
      if (next == END) {
        finished = true;
        current = null;
        drain();
        ended.countDown();
        return -1;
      }
      current = next;
      position = 0;
    }
    int n = Math.min(len, current.length - position);
    System.arraycopy(current, position, b, off, n);
    position += n;
    return n;
  }

  /** The bytes of the current line not read yet: the SDK's decoder asks before it blocks for more. */
  @Override
  public int available() {
    return current == null ? 0 : current.length - position;
  }

  private void drain() {
    try {
      int left = inFlight.awaitIdle(grace);
      if (left > 0) {
        LOG.log(Level.WARNING, "Input ended; " + left + " request(s) still unanswered after "
            + grace.toMillis() + " ms, their responses are dropped");
      }
      int held = inFlight.held();
      if (held > 0) {
        LOG.log(Level.WARNING, "Input ended before notifications/initialized; " + held
            + " request(s) sent before it are not answered (the session was never initialized)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pump() {
    try {
      LineReader reader = new LineReader(raw);
      byte[] line;
      while (!ending && (line = reader.next()) != null) {
        byte[] accepted = reader.overlong() ? tooLong() : screen(line);
        if (accepted != null && !ending) {
          lines.put(accepted);
        }
      }
    } catch (IOException e) {
      if (!ending) {
        LOG.log(Level.WARNING, "Reading the protocol input failed; ending the session", e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (!ending) {
        try {
          lines.put(END);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** The line to pass on (with its newline), or {@code null} when it is skipped or answered here. */
  private byte[] screen(byte[] line) throws IOException {
    int end = line.length;
    if (end > 0 && line[end - 1] == '\r') {
      end--;
    }
    if (isBlank(line, end)) {
      return null;
    }
    String text = new String(line, 0, end, StandardCharsets.UTF_8);
    JsonNode node;
    try {
      node = strictReader.readTree(text);
    } catch (JsonProcessingException e) {
      // Where, never what: the parser's message and the line itself may carry a secret of the caller's.
      var location = e.getLocation();
      LOG.log(Level.WARNING, "Answered an input line that is not JSON with -32700 (" + text.length()
          + " characters" + (location == null ? "" : ", stopped at column " + location.getColumnNr()) + ")");
      out.reply(error(null, McpSchema.ErrorCodes.PARSE_ERROR, "Parse error", null));
      return null;
    }
    Screen.Verdict verdict = Screen.check(node, ToolServerSession.SCOPE, true);
    if (verdict instanceof Screen.Reply reply) {
      LOG.log(Level.WARNING, "Answered an input line with " + reply.reply().path("error").path("message").asText()
          + ": " + preview(text));
      out.reply(mapper.writeValueAsString(reply.reply()));
      return null;
    }
    if (verdict instanceof Screen.Ping ping) {
      out.reply(mapper.writeValueAsString(Screen.emptyResult(ping.id())));
      return null;
    }
    if (verdict instanceof Screen.Cancel cancel) {
      if (cancel.token() != null) {
        calls.cancel(cancel.token(), cancel.reason());
      }
      return null;
    }
    Screen.Pass pass = (Screen.Pass) verdict;
    if (pass.rewritten()) {
      text = mapper.writeValueAsString(pass.message());
      line = text.getBytes(StandardCharsets.UTF_8);
      end = line.length;
    }
    try {
      McpSchema.deserializeJsonRpcMessage(protocolMapper, text);
    } catch (Exception e) {
      JsonNode id = node.get("id");
      LOG.log(Level.WARNING, "Answered an input line that is no JSON-RPC message with -32600: " + preview(text));
      out.reply(error(id, McpSchema.ErrorCodes.INVALID_REQUEST,
          "Invalid Request: not a JSON-RPC request, notification or response", null));
      return null;
    }
    if (node.has("method")) {
      String method = node.path("method").asText();
      String id = ProtocolOutput.idKey(node.get("id"));
      if (id == null && !initialized && method.equals("notifications/initialized")) {
        initialized = true;
        inFlight.release();
      }
      if (id != null) {
        // The SDK answers nothing but initialize before notifications/initialized: such a request is held.
        inFlight.add(id, !initialized && !method.equals("initialize"));
        if (pass.callToken() != null) {
          calls.register(pass.callToken(), () -> out.suppress(id));
        }
      }
    }
    // A CR inside a JSON text can only be whitespace between tokens (JSON strings cannot hold a raw CR), but
    // the SDK would take it for the end of the line.
    byte[] accepted = new byte[end + 1];
    for (int i = 0; i < end; i++) {
      accepted[i] = line[i] == '\r' ? (byte) ' ' : line[i];
    }
    accepted[end] = '\n';
    return accepted;
  }

  private byte[] tooLong() throws IOException {
    LOG.log(Level.WARNING, "Answered an input line longer than " + MAX_LINE_BYTES + " bytes with -32600");
    out.reply(error(null, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid Request",
        "message longer than " + MAX_LINE_BYTES + " bytes"));
    return null;
  }

  /** A JSON-RPC error reply (the id rule is {@link Screen#error}'s), with {@code data} when given. */
  private String error(JsonNode id, int code, String message, String data) throws IOException {
    ObjectNode reply = Screen.error(id, code, message);
    if (data != null) {
      ((ObjectNode) reply.get("error")).put("data", data);
    }
    return mapper.writeValueAsString(reply);
  }

  private static boolean isBlank(byte[] line, int end) {
    for (int i = 0; i < end; i++) {
      byte c = line[i];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != 0x0b) {
        return false;
      }
    }
    return true;
  }

  private static String preview(String text) {
    return text.length() <= PREVIEW ? text : text.substring(0, PREVIEW) + "...";
  }

  /** Splits a byte stream on {@code \n}; a line over the limit is skipped up to its end and flagged. */
  private static final class LineReader {
    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int position;
    private int limit;
    private boolean overlong;

    LineReader(InputStream in) {
      this.in = in;
    }

    /** The next line without its {@code \n}; {@code null} at end of input. */
    byte[] next() throws IOException {
      line.reset();
      overlong = false;
      boolean any = false;
      while (true) {
        if (position == limit) {
          limit = in.read(buffer, 0, buffer.length);
          position = 0;
          if (limit <= 0) {
            limit = 0;
            return any ? finish() : null;
          }
        }
        any = true;
        int start = position;
        while (position < limit && buffer[position] != '\n') {
          position++;
        }
        append(start, position);
        if (position < limit) {
          position++; // the newline
          return finish();
        }
      }
    }

    boolean overlong() {
      return overlong;
    }

    private void append(int from, int to) {
      if (overlong) {
        return;
      }
      if (line.size() + (to - from) > MAX_LINE_BYTES) {
        overlong = true;
        line.reset();
        return;
      }
      line.write(buffer, from, to - from);
    }

    private byte[] finish() {
      return line.toByteArray();
    }
  }
}
