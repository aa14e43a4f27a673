package dev.codexplugin.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Serves a Java method as an MCP tool. The processor computes the tool's JSON Schema (2020-12) from the
 * parameter and return types at compile time, generates a reflection-free dispatcher, and adds the plugin's tool
 * server to {@code .mcp.json}: Codex starts it with {@code java -cp "lib/*" <main class>} from the plugin folder
 * ({@code "cwd": "."}), and every tool's descriptor is also written to the bundle's {@code mcp-tools.json}.
 *
 * <pre>{@code
 * final class VersionTools {
 *   @McpTool(description = "Compare two semantic versions; negative if a < b", readOnly = TriState.TRUE)
 *   public int compare(@Param(description = "the first version") String a, String b) { ... }
 * }
 * }</pre>
 *
 * <p>The method must be a public, non-generic method of a top-level or static nested class that the server can
 * create: not abstract, not private, not in a private or inner class (nor in the unnamed package when the
 * {@code @Plugin} has a package), and without private classes in its parameter types or in the type of a
 * structured result, which the generated code names. Static methods need no instance; for instance methods the class is created
 * once, on the first call, through its non-private no-arg constructor, or through the plugin's
 * {@link McpToolFactory @McpToolFactory} method when it has one. Anything else is a {@code ToolMethod} error on
 * the method (or, for a problem of the class, on the class).
 *
 * <p>Every parameter type but the context types below, and with {@link #structuredOutput()} the return type,
 * must be a type that maps to JSON Schema ({@code UnmappableType} otherwise, on the parameter or the method):
 * primitives and their boxes,
 * {@code String}, {@code java.time} values, enums, records, beans, arrays, collections, maps with
 * {@code String} or enum keys, {@code Optional}, and sealed hierarchies with {@code @JsonTypeInfo}. Arguments are
 * bound with Jackson into the declared types; parameter names come from the source: {@code -parameters} is never
 * needed. See {@link Param @Param}.
 *
 * <p><b>Context parameters.</b> A parameter of one of the context types of {@code dev.codexplugin.mcp} is not
 * part of the input schema: the generated dispatcher passes it from the current request. {@code Progress} sends
 * {@code notifications/progress} for the request's progress token; {@code McpLog} logs to the client, honouring
 * {@code logging/setLevel}; {@code Cancellation} tells whether the client cancelled the call (the thread is
 * interrupted too, and no answer is sent); {@code Elicitation} asks the user for input ({@code Elicitation.Form<T>}
 * for a record {@code T} of strings, numbers, booleans and enums, with the requested schema computed at compile
 * time) and {@code Sampling} the
 * client's model for a completion; {@code Roots} lists the client's roots; {@code ClientInfo} is the client and
 * the negotiated protocol version; {@code ToolContext} gives all of them. Where the client did not declare the
 * capability (elicitation, sampling, roots), the call fails at once with a clear message instead of waiting. A
 * context parameter must be a parameter of its own, at most one per context type and method, without @Param
 * ({@code ContextParameter} otherwise); a context type inside another type ({@code List<Progress>}) is an
 * {@code UnmappableType} error.
 *
 * <p><b>Content results.</b> A method may return {@code Content} (text, an image, audio, an embedded resource, a
 * resource link: see its factories), {@code List<Content>} (a mixed list, in order) or {@code ToolResult}
 * (several items and {@code isError}); these are sent as they are, without an output schema, so not with
 * {@link #structuredOutput()}. Any other return value is text: a {@code String} as it is, {@code void} as no
 * content, anything else as JSON. {@code Content} or {@code ToolResult} inside another type
 * ({@code Optional<Content>}, {@code List<ToolResult>}) is an {@code UnmappableType} error.
 *
 * <p>The tools of a plugin form one server per plugin (named by {@link Plugin#toolServer()}); a class of tools
 * must belong to exactly one @Plugin, by the same rule as every other annotated element (see the package
 * documentation). The generated classes are {@code <PluginName>_McpTools} in each package that holds tool
 * classes of the plugin (one per package: it calls the tools of that package) and {@code <PluginName>McpServer}
 * in the package of the {@code @Plugin}; a class of either name must not exist.
 * Tools must be declared in sources of one round: hand-written ones, or all generated together.
 *
 * <p>{@code dev.codexplugin:sdk-mcp} must be on the compile class path (a {@code MissingDependency} error
 * otherwise): the generated code calls it, and it serves the tools at run time. A method that throws answers
 * the call with {@code isError} and the exception's message; the server keeps serving. Everything a tool prints
 * to {@code System.out} goes to stderr.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface McpTool {
  /**
   * The tool name; empty means the method name. It must match {@code ^[A-Za-z0-9_.-]{1,128}$}, and it must be
   * unique within the plugin's tool server (overloads of one method need names of their own). Codex shows the
   * model {@code mcp__<server>__<tool>}, and models reject longer names: a tool should keep
   * {@code mcp__<server>__<tool>} within 64 characters (a {@code LongToolName} warning otherwise).
   */
  String name() default "";

  /** A human-readable title; optional. */
  String title() default "";

  /**
   * What the tool does and when to use it, for the model; empty takes the first sentence of the method's
   * Javadoc. The description must not be empty: without either, it is a {@code Missing} error.
   */
  String description() default "";

  /**
   * Hint {@code readOnlyHint}: the tool does not modify its environment. Unset is not false: the hint is left
   * out of the descriptor and the host applies its default.
   */
  TriState readOnly() default TriState.UNSET;

  /**
   * Hint {@code destructiveHint}: the tool may perform destructive updates. Unset is not false: the hint is
   * left out.
   */
  TriState destructive() default TriState.UNSET;

  /**
   * Hint {@code idempotentHint}: calling it again with the same arguments has no further effect. Unset is not
   * false: the hint is left out.
   */
  TriState idempotent() default TriState.UNSET;

  /**
   * Hint {@code openWorldHint}: the tool talks to an open world of external entities. Unset is not false: the
   * hint is left out.
   */
  TriState openWorld() default TriState.UNSET;

  /**
   * Whether the result is structured: the tool declares an {@code outputSchema} and answers with
   * {@code structuredContent} (a value that is not a JSON object is wrapped as {@code {"result": value}}); the
   * return type must be a type that maps to JSON Schema, and {@code void} has no output schema. Off, the result
   * is text: a {@code String} as is, anything else as JSON.
   */
  boolean structuredOutput() default false;
}
