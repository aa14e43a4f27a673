package dev.codexplugin.mcp.internal;

/**
 * OpenTelemetry spans for tool calls when its API is on the class path, nothing otherwise: the API is an optional
 * dependency ({@code requires static}), checked for with one class lookup; {@link OpenTelemetryToolSpans}, the one
 * class naming OpenTelemetry types, is loaded only when it is there.
 */
abstract class ToolSpans {
  /** A started span. */
  interface Span {
    /** Ends the span with the call's outcome ({@code errorType} {@code null} for success). */
    void end(String outcome, String errorType, String errorMessage, Throwable cause);
  }

  static final Span NO_SPAN = (outcome, errorType, errorMessage, cause) -> {};

  static final ToolSpans NONE = new ToolSpans() {
    @Override
    Span start(String server, String tool) {
      return NO_SPAN;
    }
  };

  static ToolSpans detect(ClassLoader loader) {
    try {
      Class.forName("io.opentelemetry.api.GlobalOpenTelemetry", false, loader);
    } catch (ClassNotFoundException | LinkageError absent) {
      return NONE;
    }
    return new OpenTelemetryToolSpans();
  }

  abstract Span start(String server, String tool);
}
