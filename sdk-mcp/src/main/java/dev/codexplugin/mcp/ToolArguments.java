package dev.codexplugin.mcp;

import java.lang.reflect.Type;

/**
 * The arguments of one call, already checked against the tool's input schema, bound with Jackson into the
 * declared parameter types on request ({@link ToolTable} asks for each parameter of a generated tool; a
 * hand-written {@link ToolCall} asks itself), and the call's {@link #context()}.
 */
public interface ToolArguments {
  /**
   * The argument {@code name} bound to {@code type}; {@code defaultJson} (JSON text) when it is absent or
   * {@code null}, and {@code null} (or the type's empty value: {@code Optional.empty()},
   * {@code OptionalInt.empty()} and the long and double variants, {@code 0} or {@code false} for a primitive)
   * when there is no default either. The arguments were validated against the input schema first, so an
   * absent argument is one the schema allows to be absent, and {@code null} one it allows to be null.
   *
   * @throws IllegalArgumentException when the value validates but cannot be bound to {@code type} (the server
   *     answers as for invalid arguments, naming {@code /name/path}), or when {@code name} or
   *     {@code defaultJson} disagrees with the tool's input schema (an internal error of the server)
   */
  <T> T get(String name, Type type, String defaultJson);

  /** {@link #get(String, Type, String)} without a default. */
  default <T> T get(String name, Type type) {
    return get(name, type, null);
  }

  /**
   * The call's context, for context parameters: {@code args.context().progress()} for a {@link Progress}
   * parameter, and so on.
   */
  ToolContext context();
}
