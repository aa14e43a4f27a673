package dev.codexplugin.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Completes one argument of an {@link McpPrompt @McpPrompt} or one variable of an
 * {@link McpResource @McpResource} template of the same server ({@code completion/complete}).
 *
 * <pre>{@code
 * @McpCompletion(prompt = "review", argument = "focus")
 * public List<String> focus(String prefix) {
 *   return Stream.of("security", "style", "tests").filter(f -> f.startsWith(prefix)).toList();
 * }
 * }</pre>
 *
 * <p>Exactly one of {@link #prompt()} and {@link #resource()} is set, naming a prompt or a template URI of the
 * server that has {@link #argument()} ({@code UnknownCompletion} otherwise). The method follows the rules of
 * {@link McpTool @McpTool} methods ({@code McpMethod} otherwise); it takes the value typed so far as a
 * {@code String} and, optionally, a {@code Map<String, String>} of the arguments already resolved
 * ({@code McpMethod} for other parameters), and returns a {@code List<String>} (at most 100 are sent) or a
 * {@code dev.codexplugin.mcp.CompletionMethod.Suggestions} ({@code McpReturnType} otherwise).
 *
 * <p>The rules, in the words of the diagnostics:
 * <ul>
 *   <li>{@code McpMethod}: the method (or its class) {@code must be a public, non-generic method of a
 *       top-level or static nested class that the server can create, with the parameters its annotation
 *       allows}</li>
 *   <li>{@code UnknownCompletion}: the method (or its class) {@code must name exactly one @McpPrompt or
 *       @McpResource template of the same server, and one of its arguments}</li>
 *   <li>{@code McpReturnType}: the method (or its class) {@code must return what the server can send:
 *       String, byte[], ResourceContents or List<ResourceContents> for a resource; String,
 *       PromptMethod.Message, List<PromptMethod.Message> or PromptMethod.Result for a prompt; List<String>
 *       or CompletionMethod.Suggestions for a completion}</li>
 *   <li>{@code Membership}: the method (or its class) {@code must belong to exactly one @Plugin}</li>
 * </ul>
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface McpCompletion {
  /** The name of the prompt whose argument this completes; empty when {@link #resource()} is set. */
  String prompt() default "";

  /** The URI template whose variable this completes, e.g. {@code docs://pages/{page}}; empty for a prompt. */
  String resource() default "";

  /** The argument (or template variable) completed. */
  String argument();
}
