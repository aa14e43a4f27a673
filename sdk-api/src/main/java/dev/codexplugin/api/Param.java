package dev.codexplugin.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a parameter of an {@link McpTool @McpTool} method. Optional: without it the parameter keeps its
 * source name (read from the source: {@code -parameters} is never needed), takes its description from the
 * Javadoc {@code @param} tag, and is required unless its type is {@code Optional},
 * {@code OptionalInt}/{@code Long}/{@code Double}, or it is annotated {@code @Nullable} (of any package).
 *
 * <p>The parameter's type must be a type that maps to JSON Schema (see {@link McpTool @McpTool}); the
 * argument is bound into it with Jackson.
 *
 * <p>On a component of a record asked for with {@code Elicitation.Form<T>} (sdk-mcp), it describes the form
 * field: {@link #title()}, {@link #description()} and {@link #defaultValue()} go into the requested schema,
 * {@link #required()} works as for an argument, and {@link #enumNames()} chooses the legacy form of a titled
 * enum. A {@link #name()} there must equal the component's JSON name, by which Jackson binds the answer; on
 * other records the annotation is not read at all.
 *
 * <p>On a parameter of an {@link McpPrompt @McpPrompt} method it describes the prompt argument:
 * {@link #name()}, {@link #title()}, {@link #description()} and {@link #required()}; a {@link #defaultValue()}
 * or {@link #enumNames()} there is {@code McpMethod}. On a variable of an {@link McpResource @McpResource}
 * template only {@link #name()} is read; a {@link #title()}, {@link #defaultValue()} or {@link #enumNames()}
 * there is {@code McpMethod}, since {@code resources/templates/list} describes a variable by its name alone.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface Param {
  /**
   * The argument name in the tool's input; empty means the parameter's source name. It must be unique among
   * the method's arguments. On a form's record component it must equal the component's JSON name (its name, or
   * its {@code @JsonProperty} value): Jackson binds the answer by that name.
   */
  String name() default "";

  /** What the argument means, for the model; empty takes the Javadoc {@code @param} text. */
  String description() default "";

  /**
   * A short display name, the schema's {@code title} (a form shows it as the field's label); empty writes
   * none.
   */
  String title() default "";

  /**
   * Whether the argument must be given; unset derives it from the type (see above). {@code TRUE} together with
   * a {@link #defaultValue()} contradicts defaultValue: a {@code BadDefault} error.
   */
  TriState required() default TriState.UNSET;

  /**
   * The value used when the argument is not given, as JSON ({@code "10"}, {@code "true"},
   * {@code "[\"a\"]"}, {@code "\"2024-01-31\""} for a {@code LocalDate}); for a {@code String} or an enum, the
   * plain text. It must be a valid value of the parameter's type: JSON, or plain text for a String or an enum.
   * It becomes the schema's {@code default}, and a parameter with a default is not required.
   */
  String defaultValue() default "";

  /**
   * For a form field whose enum has {@link Title @Title} constants: {@code true} writes the titles the legacy way,
   * {@code "enum"} with {@code "enumNames"} beside it (MCP 2025-06-18 and older clients), instead of
   * {@code "oneOf": [{"const", "title"}]}. Only for a single-select enum field of a form: on a multi-select, an
   * untitled enum or a tool argument the field must be a type that maps to JSON Schema as a titled single-select
   * enum, an {@code UnmappableType} error.
   */
  boolean enumNames() default false;
}
