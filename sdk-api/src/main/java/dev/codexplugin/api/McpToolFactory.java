package dev.codexplugin.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that creates the instances of a plugin's tool classes, for classes without a no-arg
 * constructor, interfaces and abstract classes, or classes that need wiring (a dependency-injection container,
 * configuration). It must be {@code public static <T> T create(Class<T> type)} in a public class, one per plugin
 * (any method name; a {@code ToolFactory} error otherwise). The generated code calls it directly, once per tool
 * class with instance methods, on the first call of one of them; it must not return {@code null}. Like every
 * annotated element, it must belong to exactly one @Plugin: the plugin of its package.
 *
 * <pre>{@code
 * public final class Tools {
 *   @McpToolFactory
 *   public static <T> T create(Class<T> type) {
 *     return Container.get().instance(type);
 *   }
 * }
 * }</pre>
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface McpToolFactory {}
