package dev.codexplugin.mcp;

import java.util.Objects;

/**
 * One tool as the generated code hands it to the server: its descriptor and how to call it.
 *
 * @param name the tool name, e.g. {@code compare}
 * @param descriptor the tool's JSON as {@code tools/list} returns it: {@code name}, {@code title},
 *     {@code description}, {@code inputSchema}, {@code outputSchema} (when structured) and {@code annotations};
 *     computed at compile time, identical to the entry in the bundle's {@code mcp-tools.json}
 * @param structured whether the tool answers with {@code structuredContent}
 * @param call the invoker
 */
public record ToolMethod(String name, String descriptor, boolean structured, ToolCall call) {
  /** Checks that nothing is {@code null}. */
  public ToolMethod {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(call, "call");
  }
}
