package dev.codexplugin.mcp;

/**
 * Calls one tool method, binding its arguments from {@link ToolArguments}: what a hand-written
 * {@link ToolMethod} holds. The generated code does not implement it: {@link ToolTable#methods} makes one per
 * tool from the table of the generated {@code <Plugin>_McpTools} (or, from an earlier processor,
 * {@code <Class>_McpTools}), binding the arguments by the table's types.
 */
@FunctionalInterface
public interface ToolCall {
  /**
   * Calls the method.
   *
   * @return the method's result, or {@code null} for {@code void}
   * @throws Exception whatever the method throws; the server answers with {@code isError}
   */
  Object call(ToolArguments arguments) throws Exception;
}
