package dev.codexplugin.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The display title of an enum constant, for an enum asked for in an {@code Elicitation.Form<T>} (sdk-mcp): the
 * user sees the title and the client answers with the constant's JSON value (its name, or its
 * {@code @JsonProperty} value). An enum with at least one titled constant is a titled enum: its form field is
 * {@code {"type": "string", "oneOf": [{"const": "value1", "title": "First Option"}, ...]}} (a multi-select:
 * {@code "items": {"anyOf": [...]}}), or, with {@link Param#enumNames() @Param(enumNames = true)}, the legacy
 * {@code "enum"} with {@code "enumNames"}. A constant without a title is titled with its JSON value.
 *
 * <pre>{@code
 * enum Plan {
 *   @Title("Free, for a month") FREE,
 *   @Title("Pro, billed yearly") PRO
 * }
 * }</pre>
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Title {
  /** The title shown to the user; a blank one counts as none. */
  String value();
}
