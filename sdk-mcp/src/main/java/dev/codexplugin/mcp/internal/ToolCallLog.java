package dev.codexplugin.mcp.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Map;

/**
 * The ops contract of tool calls (docs/HOOKS.md, "Logs"): every {@code tools/call} writes one JSON line to stderr,
 * {@code {"time", "source": "codexplugin.tool", "server", "tool", "durationMs", "outcome", "errorType",
 * "errorMessage"}}, and is one OpenTelemetry span when the API is on the class path ({@link ToolSpans}).
 *
 * <p>{@code outcome} is {@code ok}, {@code error} (the tool threw, or its result could not be written: an
 * {@code isError} result), {@code invalid_arguments} (the arguments did not validate or bind; {@code errorType}
 * {@code InvalidArguments}, whether the negotiated revision answers with an {@code isError} result or with -32602) or
 * {@code protocol_error} (an {@link McpError}). Argument values are never written unless the server runs with
 * {@code CODEXPLUGIN_LOG_ARGUMENTS=1}, which adds {@code "arguments"}.
 *
 * <p>The exception of a failed tool is handed over by {@link #failure} on the thread that runs the call (the
 * handler turns it into an {@code isError} result before {@link Call#end} sees it); that per-thread slot is the
 * only state, and it is cleared when the call ends.
 */
final class ToolCallLog {
  /** The environment variable that lets the log line carry argument values. */
  static final String LOG_ARGUMENTS = "CODEXPLUGIN_LOG_ARGUMENTS";

  private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();
  /** {@code errorType} of arguments that did not validate or bind, whichever way the revision answers them. */
  static final String INVALID_ARGUMENTS = "InvalidArguments";

  private final String server;
  private final boolean logArguments;
  private final ToolSpans spans;
  private final ObjectMapper json = new ObjectMapper();

  ToolCallLog(String server, Map<String, String> env) {
    this.server = server;
    String opt = env.get(LOG_ARGUMENTS);
    this.logArguments = "1".equals(opt) || "true".equals(opt);
    this.spans = ToolSpans.detect(ToolCallLog.class.getClassLoader());
  }

  /** Starts the record of one call of {@code tool}. */
  Call start(String tool, Map<String, Object> arguments) {
    Call call = new Call(tool, arguments, spans.start(server, tool));
    CURRENT.set(call);
    return call;
  }

  /** The call's arguments did not validate or bind (answered as an {@code isError} result or as -32602). */
  static void invalidArguments() {
    Call call = CURRENT.get();
    if (call != null) {
      call.invalid = true;
    }
  }

  /** The exception a tool threw, which its call's {@code isError} result stands for. */
  static void failure(Throwable error) {
    Call call = CURRENT.get();
    if (call != null) {
      call.error = error;
    }
  }

  /** One call being recorded. */
  final class Call {
    private final long startedMillis = System.currentTimeMillis();
    private final long startedNanos = System.nanoTime();
    private final String tool;
    private final Map<String, Object> arguments;
    private final ToolSpans.Span span;
    private Throwable error;
    private boolean invalid;

    private Call(String tool, Map<String, Object> arguments, ToolSpans.Span span) {
      this.tool = tool;
      this.arguments = arguments;
      this.span = span;
    }

    /** Ends the call with the result it answers; returns the result. */
    CallToolResult end(CallToolResult result) {
      boolean failed = Boolean.TRUE.equals(result.isError());
      String message = failed ? firstText(result) : null;
      if (invalid) {
        finish("invalid_arguments", INVALID_ARGUMENTS, message, null);
      } else {
        finish(failed ? "error" : "ok", failed ? (error != null ? error.getClass().getName() : "ToolError") : null,
            error != null && error.getMessage() != null ? error.getMessage() : message, error);
      }
      return result;
    }

    /** Ends the call with the exception it answers; returns the exception. */
    RuntimeException end(RuntimeException thrown) {
      boolean invalidParams = invalid || thrown instanceof McpError mcp && mcp.getJsonRpcError() != null
          && mcp.getJsonRpcError().code() == McpSchema.ErrorCodes.INVALID_PARAMS;
      finish(invalidParams ? "invalid_arguments" : "protocol_error",
          invalidParams ? INVALID_ARGUMENTS : thrown.getClass().getName(), thrown.getMessage(), thrown);
      return thrown;
    }

    /** Ends the call with an error that is not an exception (a JVM error on the way out); returns it. */
    Error end(Error thrown) {
      finish("error", thrown.getClass().getName(), thrown.getMessage(), thrown);
      return thrown;
    }

    private void finish(String outcome, String errorType, String errorMessage, Throwable cause) {
      CURRENT.remove();
      long durationMs = (System.nanoTime() - startedNanos) / 1_000_000;
      // Written by hand into one buffer (a JFR profile under the bench had the DateTimeFormatter and the
      // ObjectNode's serialization at about 10 % of the server's CPU); the same fields, order and escaping.
      StringBuilder line = new StringBuilder(160);
      line.append("{\"time\":\"");
      time(startedMillis, line);
      line.append("\",\"source\":\"codexplugin.tool\",\"server\":");
      string(server, line);
      line.append(",\"tool\":");
      string(tool, line);
      line.append(",\"durationMs\":").append(durationMs).append(",\"outcome\":");
      string(outcome, line);
      if (errorType != null) {
        line.append(",\"errorType\":");
        string(errorType, line);
        line.append(",\"errorMessage\":");
        string(errorMessage == null ? "" : errorMessage, line);
      }
      if (logArguments) {
        line.append(",\"arguments\":").append(json.valueToTree(arguments == null ? Map.of() : arguments).toString());
      }
      line.append('}');
      PrintStream err = System.err;
      err.println(line); // one write of the whole line; System.err flushes at the newline
      err.flush();
      span.end(outcome, errorType, errorMessage, cause);
    }
  }

  /** {@code millis} as {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC (years 0 to 9999), appended to {@code out}. */
  static void time(long millis, StringBuilder out) {
    long day = Math.floorDiv(millis, 86_400_000L);
    int ofDay = (int) Math.floorMod(millis, 86_400_000L);
    LocalDate date = LocalDate.ofEpochDay(day);
    pad(date.getYear(), 4, out).append('-');
    pad(date.getMonthValue(), 2, out).append('-');
    pad(date.getDayOfMonth(), 2, out).append('T');
    pad(ofDay / 3_600_000, 2, out).append(':');
    pad(ofDay / 60_000 % 60, 2, out).append(':');
    pad(ofDay / 1000 % 60, 2, out).append('.');
    pad(ofDay % 1000, 3, out).append('Z');
  }

  private static StringBuilder pad(int value, int digits, StringBuilder out) {
    String text = Integer.toString(value);
    for (int i = text.length(); i < digits; i++) {
      out.append('0');
    }
    return out.append(text);
  }

  /** {@code text} as a JSON string, escaped as Jackson's generator escapes it. */
  static void string(String text, StringBuilder out) {
    out.append('"');
    JsonStringEncoder.getInstance().quoteAsString(text, out);
    out.append('"');
  }

  private static String firstText(CallToolResult result) {
    if (result.content() != null) {
      for (McpSchema.Content content : result.content()) {
        if (content instanceof McpSchema.TextContent text) {
          return text.text();
        }
      }
    }
    return "";
  }
}
