package dev.codexplugin.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that creates the instances of a plugin's tool classes, for classes without a no-arg
 * constructor or that need wiring (a dependency-injection container, configuration). The method must be
 * {@code public static <T> T anyName(Class<T> type)} in a public class; the generated code calls it directly,
 * once per tool class. At most one per plugin.
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
