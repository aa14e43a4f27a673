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
 * parameter is a prompt argument, named after the parameter (or {@link Param#name()}), titled by
 * {@link Param#title()}, described by {@link Param#description()} and required unless {@link Param#required()}
 * is {@code FALSE}; a {@link Param#defaultValue()} or {@link Param#enumNames()} is {@code McpMethod}, since MCP
 * prompt arguments have neither. MCP sends prompt
 * arguments as strings, so every parameter must be a {@code String} ({@code PromptArgument} otherwise); an
 * absent optional argument is {@code null}.
 *
 * <p>Except a parameter of a context type of {@code dev.codexplugin.mcp}, which is no argument: as in an
 * {@code @McpTool} method it is passed from the {@code prompts/get} request ({@code Roots}, {@code McpLog},
 * {@code ClientInfo}, {@code Cancellation}, {@code Progress}, {@code Elicitation}, {@code Sampling},
 * {@code ToolContext}; {@code Elicitation.Form<T>} is {@code McpMethod}). A context parameter must be a
 * parameter of its own, at most one per context type and method, without @Param ({@code ContextParameter}
 * otherwise).
 *
 * <p>It returns a {@code String} (one user message of text), a {@code dev.codexplugin.mcp.PromptMethod.Message},
 * a {@code List<PromptMethod.Message>} or a {@code PromptMethod.Result} ({@code McpReturnType} otherwise).
 *
 * <p>The rules, in the words of the diagnostics:
 * <ul>
 *   <li>{@code McpMethod}: the method (or its class) {@code must be a public, non-generic method of a
 *       top-level or static nested class that the server can create, with the parameters its annotation
 *       allows}</li>
 *   <li>{@code PromptArgument}: the method (or its class) {@code must be a String: MCP sends every prompt
 *       argument as a string}</li>
 *   <li>{@code McpReturnType}: the method (or its class) {@code must return what the server can send:
 *       String, byte[], ResourceContents or List<ResourceContents> for a resource; String,
 *       PromptMethod.Message, List<PromptMethod.Message> or PromptMethod.Result for a prompt; List<String>
 *       or CompletionMethod.Suggestions for a completion}</li>
 *   <li>{@code ContextParameter}: the method (or its class) {@code must be a parameter of its own, at most one
 *       per context type and method, without @Param}</li>
 *   <li>{@code Membership}: the method (or its class) {@code must belong to exactly one @Plugin}</li>
 * </ul>
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
