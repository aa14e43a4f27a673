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
 * otherwise). A fixed resource has no parameters but context parameters; a template has exactly one
 * {@code String} parameter per variable of its URI, named like it ({@code @Param(name)} renames one; a
 * {@code @Param} title, defaultValue or enumNames is {@code McpMethod}), and no other but context parameters
 * ({@code TemplateVariables} otherwise). Two variables next to each other
 * ({@code {a}{b}}) cannot be told apart in a URI: {@code TemplateVariables}. A method that throws answers the
 * read with a JSON-RPC error carrying the exception's message.
 *
 * <p><b>Context parameters.</b> As in an {@code @McpTool} method, a parameter of a context type of
 * {@code dev.codexplugin.mcp} is passed from the {@code resources/read} request: {@code Roots} lists the
 * client's roots, {@code McpLog} logs to the client (the logger is the URI), {@code ClientInfo},
 * {@code Cancellation} (a cancelled read is interrupted and gets no answer), {@code Progress} (for a progress
 * token of the read), {@code Elicitation}, {@code Sampling} and {@code ToolContext}. {@code Elicitation.Form<T>}
 * is not allowed ({@code McpMethod}): its schema is computed for tools only. A context parameter must be a
 * parameter of its own, at most one per context type and method, without @Param ({@code ContextParameter}
 * otherwise).
 *
 * <p><b>Which template reads a URI.</b> A read is answered by the fixed resource of its URI if there is one,
 * else by the matching template with the most literal characters (outside its {@code {variables}}); a variable
 * matches one or more characters other than {@code /}. Two templates with as many literal characters that can
 * match one URI (such as {@code res://x/{a}/y} and {@code res://x/y/{b}}) are a {@code Duplicate} error.
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
 *   <li>{@code ContextParameter}: the method (or its class) {@code must be a parameter of its own, at most one
 *       per context type and method, without @Param}</li>
 *   <li>{@code Membership}: the method (or its class) {@code must belong to exactly one @Plugin}</li>
 * </ul>
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface McpResource {
  /**
   * The resource's URI, e.g. {@code docs://readme}; with RFC 6570 level-1 variables such as
   * {@code docs://pages/{page}} it is a resource template. It must be unique within the server
   * ({@code Duplicate} otherwise), and so must the URIs a template matches, unless another template matching
   * them has more literal characters.
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
