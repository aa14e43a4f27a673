package dev.codexplugin.mcp;

import java.lang.reflect.Type;

/**
 * The arguments of one call, already checked against the tool's input schema, bound with Jackson into the
 * declared parameter types by the generated invoker.
 */
public interface ToolArguments {
  /**
   * The argument {@code name} bound to {@code type}; {@code defaultJson} (JSON text) when it is absent or
   * {@code null}, and {@code null} (or the type's empty value: {@code Optional.empty()}, {@code 0} for a
   * primitive) when there is no default either.
   *
   * @throws IllegalArgumentException when the value cannot be bound; the server answers with an
   *     invalid-params error
   */
  <T> T get(String name, Type type, String defaultJson);

  /** {@link #get(String, Type, String)} without a default. */
  default <T> T get(String name, Type type) {
    return get(name, type, null);
  }
}
