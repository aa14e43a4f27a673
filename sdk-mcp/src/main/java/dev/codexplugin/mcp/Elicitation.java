package dev.codexplugin.mcp;

import java.lang.reflect.Type;
import java.util.Map;

/**
 * Asks the user, through the client, for input matching a schema ({@code elicitation/create}, form mode). A
 * tool parameter of this type is not part of the input schema.
 */
public interface Elicitation {
  /** Whether the client declared the {@code elicitation} capability. */
  boolean supported();

  /**
   * Asks for an object matching {@code requestedSchemaJson} (a flat JSON Schema object of primitive
   * properties, as the specification restricts it) and binds the accepted content to {@code type} with the
   * same Jackson configuration as tool arguments; a property the client left out that has a {@code default} in
   * the schema binds to that default.
   *
   * @param message what to ask, shown to the user
   * @param requestedSchemaJson the schema, computed at compile time for {@code type}
   * @param type what to bind the content to
   * @return the user's answer: accepted with a value, declined or cancelled (then without a value)
   * @throws McpCapabilityException when the client does not support elicitation
   * @throws IllegalArgumentException when the accepted content does not bind to {@code type}
   */
  <T> Elicited<T> request(String message, String requestedSchemaJson, Type type);

  /** {@link #request(String, String, Type)} returning the content as a map. */
  default Elicited<Map<String, Object>> request(String message, String requestedSchemaJson) {
    return request(message, requestedSchemaJson,
        Types.parameterized(Map.class, String.class, Object.class));
  }

  /**
   * A form for {@code type} with {@code requestedSchemaJson}: what the generated invoker passes to a tool
   * parameter of type {@code Elicitation.Form<T>}, the schema computed at compile time for {@code T}.
   */
  default <T> Form<T> form(String requestedSchemaJson, Type type) {
    Elicitation elicitation = this;
    return new Form<>() {
      @Override
      public boolean supported() {
        return elicitation.supported();
      }

      @Override
      public Elicited<T> ask(String message) {
        return elicitation.request(message, requestedSchemaJson, type);
      }
    };
  }

  /**
   * Asks the user for a {@code T}, a record or class of strings, numbers, booleans and enums: declared as a tool
   * parameter ({@code Elicitation.Form<Traveller> form}), it is not part of the input schema, and the processor
   * computes the requested schema from {@code T} at compile time (the record's {@code @param} texts become the
   * fields' descriptions). On a record component, {@code @Param} gives the field's {@code title},
   * {@code description} and {@code default}; an enum whose constants carry {@code @Title} is a titled enum
   * ({@code oneOf} of {@code const} and {@code title}, or {@code enumNames} with {@code @Param(enumNames = true)}).
   * An accepted answer binds an enum field by its {@code const} (the constant's JSON value), a multi-select to a
   * collection of the enum, and a field the client left out to its {@code default}.
   */
  interface Form<T> {
    /** Whether the client declared the {@code elicitation} capability. */
    boolean supported();

    /**
     * Shows {@code message} with the form and waits for the user's answer.
     *
     * @throws McpCapabilityException when the client does not support elicitation
     * @throws IllegalArgumentException when the accepted content does not bind to {@code T}
     */
    Elicited<T> ask(String message);
  }

  /** How the user answered. */
  enum Action {
    /** Submitted the form: the value is present. */
    ACCEPT,
    /** Explicitly refused. */
    DECLINE,
    /** Dismissed without choosing. */
    CANCEL
  }

  /**
   * An answer.
   *
   * @param action how the user answered
   * @param value the bound content when accepted, else {@code null}
   */
  record Elicited<T>(Action action, T value) {
    /** Whether the user accepted. */
    public boolean accepted() {
      return action == Action.ACCEPT;
    }
  }
}
