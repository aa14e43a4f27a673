package dev.codexplugin.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * One Java tool of a bundle, as its MCP server lists it ({@code tools/list}): an entry of {@code mcp-tools.json},
 * the file the annotation processor writes for {@code @McpTool} methods. Absent text is {@code ""}.
 *
 * @param server the MCP server that offers the tool (a server of {@code .mcp.json})
 * @param name the tool name
 * @param title the display title ({@code title}, else {@code annotations.title})
 * @param description what the tool does
 * @param inputSchema the JSON Schema of the arguments, as compact JSON text
 * @param outputSchema the JSON Schema of the structured result as compact JSON text, or {@code ""}
 * @param readOnlyHint {@code annotations.readOnlyHint}, when set
 * @param destructiveHint {@code annotations.destructiveHint}, when set
 * @param idempotentHint {@code annotations.idempotentHint}, when set
 * @param openWorldHint {@code annotations.openWorldHint}, when set
 */
public record ToolSpec(
    String server,
    String name,
    String title,
    String description,
    String inputSchema,
    String outputSchema,
    Optional<Boolean> readOnlyHint,
    Optional<Boolean> destructiveHint,
    Optional<Boolean> idempotentHint,
    Optional<Boolean> openWorldHint) {

  /** Normalizes {@code null} to empty values. */
  public ToolSpec {
    server = Values.text(server);
    name = Values.text(name);
    title = Values.text(title);
    description = Values.text(description);
    inputSchema = Values.text(inputSchema);
    outputSchema = Values.text(outputSchema);
    readOnlyHint = Objects.requireNonNullElse(readOnlyHint, Optional.empty());
    destructiveHint = Objects.requireNonNullElse(destructiveHint, Optional.empty());
    idempotentHint = Objects.requireNonNullElse(idempotentHint, Optional.empty());
    openWorldHint = Objects.requireNonNullElse(openWorldHint, Optional.empty());
  }

  /** The name a host shows the model: {@code mcp__<server>__<tool>}. */
  public String qualifiedName() {
    return "mcp__" + server + "__" + name;
  }

  @Override
  public String toString() {
    return "ToolSpec[" + server + "/" + name + ", description=" + Values.abbreviate(description) + "]";
  }
}
