package dev.codexplugin.mcp;

import java.util.List;
import java.util.Objects;

/**
 * A complete tool result: several content items (a mixed list of text, images, audio and resources),
 * optionally {@code structuredContent}, and whether it reports an error. A tool returns one when a single
 * value is not enough; returning a {@link Content} is the same as {@code ToolResult.of(content)}.
 *
 * @param content the items, in order
 * @param structuredContent a value written as the result's {@code structuredContent} (a JSON object), or
 *     {@code null}; only for a tool declared structured, whose output schema it must match
 * @param isError whether the result reports a failure the model should read
 */
public record ToolResult(List<Content> content, Object structuredContent, boolean isError) {
  /** Copies the list. */
  public ToolResult {
    content = List.copyOf(Objects.requireNonNull(content, "content"));
  }

  /** A successful result of these items. */
  public static ToolResult of(Content... content) {
    return new ToolResult(List.of(content), null, false);
  }

  /** A successful result of these items. */
  public static ToolResult of(List<? extends Content> content) {
    return new ToolResult(List.copyOf(content), null, false);
  }

  /** A result that reports a failure with this message. */
  public static ToolResult error(String message) {
    return new ToolResult(List.of(Content.text(message)), null, true);
  }

  /** This result with {@code structuredContent}. */
  public ToolResult withStructuredContent(Object value) {
    return new ToolResult(content, value, isError);
  }
}
