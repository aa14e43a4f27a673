package dev.codexplugin.hooks;

/**
 * Spans for hook runs when the OpenTelemetry API is on the class path, nothing otherwise. The API is an optional
 * dependency ({@code requires static}): {@link #detect} only checks that {@code GlobalOpenTelemetry} can be
 * loaded, and {@link OpenTelemetrySpans}, the one class that names OpenTelemetry types, is loaded only then. The
 * spans go wherever the application configured {@code GlobalOpenTelemetry} (with only the API, nowhere).
 */
abstract class Telemetry {
  static final String GLOBAL = "io.opentelemetry.api.GlobalOpenTelemetry";

  /** A started span. */
  interface Span {
    /** Sets the attributes that are known only at the end, and ends the span. */
    void end(String event, String tool, String outcome, String decision, Throwable error);
  }

  static final Span NO_SPAN = new Span() {
    @Override
    public void end(String event, String tool, String outcome, String decision, Throwable error) {}
  };

  static final Telemetry NONE = new Telemetry() {
    @Override
    Span start(String plugin, String handler, Host host) {
      return NO_SPAN;
    }
  };

  /** The spans of this class loader: OpenTelemetry's when its API is there, else none. */
  static Telemetry detect(ClassLoader loader) {
    try {
      Class.forName(GLOBAL, false, loader);
    } catch (ClassNotFoundException | LinkageError absent) {
      return NONE;
    }
    return new OpenTelemetrySpans();
  }

  abstract Span start(String plugin, String handler, Host host);
}
