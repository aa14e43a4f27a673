package dev.codexplugin.mcp;

/**
 * Calls one tool method with bound arguments; the generated {@code <Class>_McpTools} implements it, one instance
 * per tool.
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
