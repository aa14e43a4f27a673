package dev.codexplugin.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Serves a Java method as an MCP prompt ({@code prompts/list}, {@code prompts/get}) of the plugin's MCP
 * server.
 *
 * <pre>{@code
 * final class ReviewPrompts {
 *   @McpPrompt(name = "review", description = "Review a change")
 *   public String review(@Param(description = "the diff to review") String diff,
 *       @Param(required = TriState.FALSE) String focus) { ... }
 * }
 * }</pre>
 *
 * <p>The method follows the rules of {@link McpTool @McpTool} methods ({@code McpMethod} otherwise). Every
 * parameter is a prompt argument, named after the parameter (or {@link Param#name()}), described by
 * {@link Param#description()} and required unless {@link Param#required()} is {@code FALSE}. MCP sends prompt
 * arguments as strings, so every parameter must be a {@code String} ({@code PromptArgument} otherwise); an
 * absent optional argument is {@code null}.
 *
 * <p>It returns a {@code String} (one user message of text), a {@code dev.codexplugin.mcp.PromptMethod.Message},
 * a {@code List<PromptMethod.Message>} or a {@code PromptMethod.Result} ({@code McpReturnType} otherwise).
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface McpPrompt {
  /** The prompt name; empty means the method name. It must be unique within the server. */
  String name() default "";

  /** A human-readable title; optional. */
  String title() default "";

  /** What the prompt is for; empty means the first sentence of the method's Javadoc (optional). */
  String description() default "";
}
