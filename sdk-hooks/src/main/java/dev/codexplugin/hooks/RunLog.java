package dev.codexplugin.hooks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one structured line every hook run writes to stderr (the ops contract, docs/HOOKS.md): a JSON object with
 * {@code time}, {@code source} ({@code codexplugin.hook}), {@code plugin}, {@code event}, {@code handler},
 * {@code host}, {@code tool} (tool events), {@code durationMs}, {@code outcome} ({@code ok}, {@code error} or
 * {@code timeout}), {@code decision} (what the host was told), and for a failure {@code errorType},
 * {@code errorMessage} and {@code failSafe} ({@code deny} or {@code open}). Argument values (the tool's input, the
 * prompt) only with {@code CODEXPLUGIN_LOG_ARGUMENTS=1}.
 */
final class RunLog {
  /** The environment variable that lets the log line carry argument values. */
  static final String LOG_ARGUMENTS = "CODEXPLUGIN_LOG_ARGUMENTS";

  private final Map<String, Object> fields = new LinkedHashMap<>();

  RunLog(long startedMillis, String plugin, String handler, Host host) {
    fields.put("time", Times.iso(startedMillis));
    fields.put("source", "codexplugin.hook");
    fields.put("plugin", plugin);
    fields.put("event", null);
    fields.put("handler", handler);
    fields.put("host", host.argument());
  }

  void event(String event) {
    fields.put("event", event);
  }

  void input(HookInput input, Map<String, String> env) {
    boolean arguments = "1".equals(env.get(LOG_ARGUMENTS)) || "true".equals(env.get(LOG_ARGUMENTS));
    if (input instanceof ToolEvent) {
      fields.put("tool", ((ToolEvent) input).toolName());
      if (arguments) {
        fields.put("toolInput", ((ToolEvent) input).toolInput());
      }
    }
    if (arguments && input instanceof UserPromptSubmit) {
      fields.put("prompt", ((UserPromptSubmit) input).prompt());
    }
    if (!input.sessionId().isEmpty()) {
      fields.put("session", input.sessionId());
    }
  }

  void finished(long durationNanos, String outcome, String decision) {
    fields.put("durationMs", Long.valueOf(durationNanos / 1_000_000));
    fields.put("outcome", outcome);
    fields.put("decision", decision);
  }

  void failure(Throwable error, String failSafe) {
    fields.put("errorType", error.getClass().getName());
    fields.put("errorMessage", error.getMessage() == null ? "" : error.getMessage());
    fields.put("failSafe", failSafe);
  }

  String line() {
    StringBuilder out = new StringBuilder(256);
    Json.write(out, fields);
    return out.toString();
  }
}
