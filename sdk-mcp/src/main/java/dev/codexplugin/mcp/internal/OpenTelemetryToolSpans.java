package dev.codexplugin.mcp.internal;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * One {@code SERVER} span per tool call, named {@code tools/call <tool>} after the OpenTelemetry conventions for
 * MCP, with {@code mcp.method.name} ({@code tools/call}), {@code gen_ai.operation.name} ({@code execute_tool}),
 * {@code gen_ai.tool.name}, {@code codexplugin.mcp.server}, {@code codexplugin.tool.outcome} and, for a failure,
 * {@code error.type}, the exception as an event and the status {@code ERROR}. The span is current while the tool
 * runs, so spans the tool makes are its children.
 */
final class OpenTelemetryToolSpans extends ToolSpans {
  static final String SCOPE = "dev.codexplugin.mcp";
  static final AttributeKey<String> METHOD = AttributeKey.stringKey("mcp.method.name");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
  static final AttributeKey<String> TOOL = AttributeKey.stringKey("gen_ai.tool.name");
  static final AttributeKey<String> SERVER = AttributeKey.stringKey("codexplugin.mcp.server");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("codexplugin.tool.outcome");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private final Tracer tracer = GlobalOpenTelemetry.getTracer(SCOPE);

  @Override
  Span start(String server, String tool) {
    io.opentelemetry.api.trace.Span span = tracer.spanBuilder("tools/call " + tool).setSpanKind(SpanKind.SERVER)
        .setAttribute(METHOD, "tools/call").setAttribute(OPERATION, "execute_tool").setAttribute(TOOL, tool)
        .setAttribute(SERVER, server).startSpan();
    Scope scope = span.makeCurrent();
    return (outcome, errorType, errorMessage, cause) -> {
      span.setAttribute(OUTCOME, outcome);
      if (errorType != null) {
        span.setAttribute(ERROR_TYPE, errorType);
        if (cause != null) {
          span.recordException(cause);
        }
        span.setStatus(StatusCode.ERROR, errorMessage == null ? "" : errorMessage);
      }
      scope.close();
      span.end();
    };
  }
}
