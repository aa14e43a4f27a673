package dev.codexplugin.mcp.internal;

/**
 * Thrown by {@link BoundArguments#get}: either the client's value cannot be bound (an invalid-params error for
 * the client) or the generated code and its schema disagree (an internal error of the server). Carries the
 * arguments object that threw it, so that a tool that happens to throw this type itself is not mistaken for a
 * binding failure.
 */
final class ArgumentException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Who is at fault. */
  enum Kind {
    /** The client's value validates against the schema but cannot be bound to the Java type. */
    INVALID_VALUE,
    /** The generated invoker asks for something its own descriptor does not promise. */
    CONTRACT
  }

  private final transient BoundArguments source;
  private final Kind kind;

  ArgumentException(BoundArguments source, Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.source = source;
    this.kind = kind;
  }

  BoundArguments source() {
    return source;
  }

  Kind kind() {
    return kind;
  }
}
