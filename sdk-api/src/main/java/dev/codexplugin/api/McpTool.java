package dev.codexplugin.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Serves a Java method as an MCP tool. The processor computes the tool's JSON Schema (2020-12) from the
 * parameter and return types at compile time, generates a reflection-free invoker, and adds the plugin's tool
 * server to {@code .mcp.json}: Codex starts it with {@code java} from the plugin folder. Needs
 * {@code dev.codexplugin:sdk-mcp} on the class path.
 *
 * <pre>{@code
 * final class VersionTools {
 *   @McpTool(description = "Compare two semantic versions; negative if a < b", readOnly = TriState.TRUE)
 *   public int compare(@Param(description = "the first version") String a, String b) { ... }
 * }
 * }</pre>
 *
 * <p>The method must be public (static or not) in a top-level or static nested class; an instance method's
 * class is created once through its no-arg constructor, or through the plugin's
 * {@link McpToolFactory @McpToolFactory} method. Parameter names come from the source: {@code -parameters} is
 * never needed. A method that throws answers the call with {@code isError} and the exception's message; the
 * server keeps serving. Everything a tool prints to {@code System.out} goes to stderr.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface McpTool {
  /**
   * The tool name; empty means the method name. It must match ^[A-Za-z0-9_.-]{1,128}$ and be unique within the
   * plugin.
   */
  String name() default "";

  /** A human-readable title; optional. */
  String title() default "";

  /**
   * What the tool does, for the model; must not be empty. Empty takes the first sentence of the method's
   * Javadoc.
   */
  String description() default "";

  /** Hint: the tool does not modify its environment. Unset is not false: the hint is left out. */
  TriState readOnly() default TriState.UNSET;

  /** Hint: the tool may perform destructive updates. Unset is not false: the hint is left out. */
  TriState destructive() default TriState.UNSET;

  /** Hint: calling it again with the same arguments has no further effect. Unset leaves the hint out. */
  TriState idempotent() default TriState.UNSET;

  /** Hint: the tool talks to an open world of external entities. Unset leaves the hint out. */
  TriState openWorld() default TriState.UNSET;

  /**
   * Whether the result is structured: the tool declares an {@code outputSchema} and answers with
   * {@code structuredContent} (a value that is not a JSON object is wrapped as {@code {"result": value}}).
   * Off, the result is text: a {@code String} as is, anything else as JSON.
   */
  boolean structuredOutput() default false;
}
