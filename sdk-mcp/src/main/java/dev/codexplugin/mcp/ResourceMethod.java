package dev.codexplugin.mcp;

import java.util.Map;
import java.util.Objects;

/**
 * A resource (a fixed URI) or a resource template (an RFC 6570 URI template such as
 * {@code test://template/{id}/data}) as generated code hands it to the server.
 *
 * @param uri the URI, or the URI template when {@code template} is true
 * @param template whether {@code uri} is a template
 * @param descriptor the JSON {@code resources/list} (or {@code resources/templates/list}) returns for it:
 *     {@code uri} (or {@code uriTemplate}), {@code name}, and optionally {@code title}, {@code description},
 *     {@code mimeType}
 * @param read reads it
 */
public record ResourceMethod(String uri, boolean template, String descriptor, Reader read) {
  /** Checks that nothing is {@code null}. */
  public ResourceMethod {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(read, "read");
  }

  /** Reads a resource. */
  @FunctionalInterface
  public interface Reader {
    /**
     * Reads the resource.
     *
     * @return a {@code String} (text, with the descriptor's {@code mimeType}), a {@code byte[]} (a blob), a
     *     {@link ResourceContents} or a {@code List} of them
     * @throws Exception whatever the method throws: the client gets a JSON-RPC error with its message
     */
    Object read(Request request) throws Exception;
  }

  /** One {@code resources/read}. */
  public interface Request {
    /** The URI read. */
    String uri();

    /** For a template, the values of its variables in {@link #uri()}; empty for a fixed resource. */
    Map<String, String> variables();

    /**
     * The request's context: roots, logging (the logger is {@link ResourceMethod#uri()}), cancellation of the
     * read, progress for its progress token, elicitation, sampling, the client.
     */
    ToolContext context();
  }
}
