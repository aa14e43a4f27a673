package dev.codexplugin.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Java tool of a bundle, as its MCP server lists it ({@code tools/list}): an entry of {@code mcp-tools.json},
 * the file the annotation processor writes for {@code @McpTool} methods (docs/FORMAT.md#mcp-tools-json). Absent
 * text is {@code ""}. Immutable.
 */
public final class ToolSpec {
  private final String server;
  private final String name;
  private final String title;
  private final String description;
  private final String inputSchema;
  private final String outputSchema;
  private final Optional<Boolean> readOnlyHint;
  private final Optional<Boolean> destructiveHint;
  private final Optional<Boolean> idempotentHint;
  private final Optional<Boolean> openWorldHint;

  private ToolSpec(Builder b) {
    server = Values.text(b.server);
    name = Values.text(b.name);
    title = Values.text(b.title);
    description = Values.text(b.description);
    inputSchema = Values.text(b.inputSchema);
    outputSchema = Values.text(b.outputSchema);
    readOnlyHint = Objects.requireNonNullElse(b.readOnlyHint, Optional.empty());
    destructiveHint = Objects.requireNonNullElse(b.destructiveHint, Optional.empty());
    idempotentHint = Objects.requireNonNullElse(b.idempotentHint, Optional.empty());
    openWorldHint = Objects.requireNonNullElse(b.openWorldHint, Optional.empty());
  }

  /** A builder of a tool {@code name}, with nothing else set. */
  public static Builder builder(String name) {
    return new Builder().name(name);
  }

  /** A builder holding every value of this one. */
  public Builder toBuilder() {
    return new Builder()
        .server(server)
        .name(name)
        .title(title)
        .description(description)
        .inputSchema(inputSchema)
        .outputSchema(outputSchema)
        .readOnlyHint(readOnlyHint)
        .destructiveHint(destructiveHint)
        .idempotentHint(idempotentHint)
        .openWorldHint(openWorldHint);
  }

  /** The MCP server that offers the tool (a server of {@code .mcp.json}). */
  public String server() {
    return server;
  }

  /** The tool name. */
  public String name() {
    return name;
  }

  /** The display title ({@code title}, else {@code annotations.title}). */
  public String title() {
    return title;
  }

  /** What the tool does. */
  public String description() {
    return description;
  }

  /** The JSON Schema of the arguments, as compact JSON text. */
  public String inputSchema() {
    return inputSchema;
  }

  /** The JSON Schema of the structured result as compact JSON text, or {@code ""}. */
  public String outputSchema() {
    return outputSchema;
  }

  /** {@code annotations.readOnlyHint}, when set. */
  public Optional<Boolean> readOnlyHint() {
    return readOnlyHint;
  }

  /** {@code annotations.destructiveHint}, when set. */
  public Optional<Boolean> destructiveHint() {
    return destructiveHint;
  }

  /** {@code annotations.idempotentHint}, when set. */
  public Optional<Boolean> idempotentHint() {
    return idempotentHint;
  }

  /** {@code annotations.openWorldHint}, when set. */
  public Optional<Boolean> openWorldHint() {
    return openWorldHint;
  }

  /** The name a host shows the model: {@code mcp__<server>__<tool>}. */
  public String qualifiedName() {
    return "mcp__" + server + "__" + name;
  }

  private List<Object> values() {
    return java.util.Arrays.asList(server, name, title, description, inputSchema, outputSchema, readOnlyHint, destructiveHint, idempotentHint, openWorldHint);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ToolSpec other && values().equals(other.values());
  }

  @Override
  public int hashCode() {
    return values().hashCode();
  }

  @Override
  public String toString() {
    return "ToolSpec[" + server + "/" + name + ", description=" + Values.abbreviate(description) + "]";
  }

  /** Builds a {@link ToolSpec}; {@code null} means absent everywhere. */
  public static final class Builder {
    private String server;
    private String name;
    private String title;
    private String description;
    private String inputSchema;
    private String outputSchema;
    private Optional<Boolean> readOnlyHint;
    private Optional<Boolean> destructiveHint;
    private Optional<Boolean> idempotentHint;
    private Optional<Boolean> openWorldHint;

    private Builder() {}

    /** See {@link ToolSpec#server()}. */
    public Builder server(String server) {
      this.server = server;
      return this;
    }

    /** See {@link ToolSpec#name()}. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** See {@link ToolSpec#title()}. */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** See {@link ToolSpec#description()}. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** See {@link ToolSpec#inputSchema()}. */
    public Builder inputSchema(String inputSchema) {
      this.inputSchema = inputSchema;
      return this;
    }

    /** See {@link ToolSpec#outputSchema()}. */
    public Builder outputSchema(String outputSchema) {
      this.outputSchema = outputSchema;
      return this;
    }

    /** See {@link ToolSpec#readOnlyHint()}. */
    public Builder readOnlyHint(Optional<Boolean> readOnlyHint) {
      this.readOnlyHint = readOnlyHint;
      return this;
    }

    /** See {@link ToolSpec#destructiveHint()}. */
    public Builder destructiveHint(Optional<Boolean> destructiveHint) {
      this.destructiveHint = destructiveHint;
      return this;
    }

    /** See {@link ToolSpec#idempotentHint()}. */
    public Builder idempotentHint(Optional<Boolean> idempotentHint) {
      this.idempotentHint = idempotentHint;
      return this;
    }

    /** See {@link ToolSpec#openWorldHint()}. */
    public Builder openWorldHint(Optional<Boolean> openWorldHint) {
      this.openWorldHint = openWorldHint;
      return this;
    }

    /** The tool. */
    public ToolSpec build() {
      return new ToolSpec(this);
    }
  }
}
