package dev.codexplugin.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Serves a Java method as an MCP resource ({@code resources/list}, {@code resources/read}) of the plugin's
 * MCP server, or, when {@link #uri()} has {@code {variables}}, as a resource template
 * ({@code resources/templates/list}).
 *
 * <pre>{@code
 * final class Docs {
 *   @McpResource(uri = "docs://readme", name = "readme", mimeType = "text/markdown",
 *       description = "The project's README")
 *   public String readme() { ... }
 *
 *   @McpResource(uri = "docs://pages/{page}", name = "page", description = "One page of the manual")
 *   public String page(String page) { ... }
 * }
 * }</pre>
 *
 * <p>The method follows the rules of {@link McpTool @McpTool} methods (public, not generic, in a class the
 * server can create: {@code McpMethod} otherwise), and its class belongs to exactly one {@code @Plugin} by the
 * same rule. A plugin with resources, prompts or completions but no tools still gets its generated
 * {@code <PluginName>McpServer}; the methods are called from {@code <Class>_McpFeatures}, generated next to the
 * class, without reflection.
 *
 * <p>It returns a {@code String} (text, with {@link #mimeType()}), a {@code byte[]} (a blob), a
 * {@code dev.codexplugin.mcp.ResourceContents} or a {@code List<ResourceContents>} ({@code McpReturnType}
 * otherwise). A fixed resource has no parameters; a template has exactly one {@code String} parameter per
 * variable of its URI, named like it ({@code @Param(name)} renames one), and nothing else
 * ({@code TemplateVariables} otherwise). A method that throws answers the read with a JSON-RPC error carrying
 * the exception's message.
 *
 * <p>The rules, in the words of the diagnostics:
 * <ul>
 *   <li>{@code McpMethod}: the method (or its class) {@code must be a public, non-generic method of a
 *       top-level or static nested class that the server can create, with the parameters its annotation
 *       allows}</li>
 *   <li>{@code McpReturnType}: the method (or its class) {@code must return what the server can send:
 *       String, byte[], ResourceContents or List<ResourceContents> for a resource; String,
 *       PromptMethod.Message, List<PromptMethod.Message> or PromptMethod.Result for a prompt; List<String>
 *       or CompletionMethod.Suggestions for a completion}</li>
 *   <li>{@code TemplateVariables}: the method (or its class) {@code must have one String parameter per
 *       {variable} of the URI template, named like it, and no other}</li>
 *   <li>{@code Membership}: the method (or its class) {@code must belong to exactly one @Plugin}</li>
 * </ul>
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface McpResource {
  /**
   * The resource's URI, e.g. {@code docs://readme}; with RFC 6570 level-1 variables such as
   * {@code docs://pages/{page}} it is a resource template. It must be unique within the server
   * ({@code Duplicate} otherwise).
   */
  String uri();

  /** The resource's name; empty means the method name. */
  String name() default "";

  /** A human-readable title; optional. */
  String title() default "";

  /** What the resource holds; empty means the first sentence of the method's Javadoc (optional). */
  String description() default "";

  /** The MIME type of its contents, e.g. {@code text/plain}; optional. */
  String mimeType() default "";
}
