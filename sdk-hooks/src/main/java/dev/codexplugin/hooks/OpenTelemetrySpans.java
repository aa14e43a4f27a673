package dev.codexplugin.hooks;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

/**
 * One span per hook run, named {@code hook <Event>} (kind {@code INTERNAL}), with the attributes
 * {@code codexplugin.plugin}, {@code codexplugin.hook.event}, {@code codexplugin.hook.handler},
 * {@code codexplugin.hook.host}, {@code codexplugin.hook.outcome}, {@code codexplugin.hook.decision},
 * {@code gen_ai.tool.name} (tool events) and, for a failure, {@code error.type}, the exception as an event and
 * the status {@code ERROR}. Loaded only when the OpenTelemetry API is on the class path (see {@link Telemetry}).
 */
final class OpenTelemetrySpans extends Telemetry {
  static final String SCOPE = "dev.codexplugin.hooks";
  static final AttributeKey<String> PLUGIN = AttributeKey.stringKey("codexplugin.plugin");
  static final AttributeKey<String> EVENT = AttributeKey.stringKey("codexplugin.hook.event");
  static final AttributeKey<String> HANDLER = AttributeKey.stringKey("codexplugin.hook.handler");
  static final AttributeKey<String> HOST = AttributeKey.stringKey("codexplugin.hook.host");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("codexplugin.hook.outcome");
  static final AttributeKey<String> DECISION = AttributeKey.stringKey("codexplugin.hook.decision");
  static final AttributeKey<String> TOOL = AttributeKey.stringKey("gen_ai.tool.name");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private final Tracer tracer = GlobalOpenTelemetry.getTracer(SCOPE);

  @Override
  Span start(String plugin, String handler, Host host) {
    io.opentelemetry.api.trace.Span span = tracer.spanBuilder("hook").setSpanKind(SpanKind.INTERNAL)
        .setAttribute(PLUGIN, plugin).setAttribute(HANDLER, handler).setAttribute(HOST, host.argument())
        .startSpan();
    return new Span() {
      @Override
      public void end(String event, String tool, String outcome, String decision, Throwable error) {
        if (event != null) {
          span.updateName("hook " + event);
          span.setAttribute(EVENT, event);
        }
        if (tool != null) {
          span.setAttribute(TOOL, tool);
        }
        span.setAttribute(OUTCOME, outcome);
        span.setAttribute(DECISION, decision);
        if (error != null) {
          span.setAttribute(ERROR_TYPE, error.getClass().getName());
          span.recordException(error);
          span.setStatus(StatusCode.ERROR, error.getMessage() == null ? "" : error.getMessage());
        }
        span.end();
      }
    };
  }
}
