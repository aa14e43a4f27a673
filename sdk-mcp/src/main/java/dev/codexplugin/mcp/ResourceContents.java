package dev.codexplugin.mcp;

import java.util.Base64;
import java.util.Objects;

/**
 * The contents of a resource: text or binary ({@code blob}, sent base64-encoded). What
 * {@code resources/read} answers with, and what an embedded resource holds.
 *
 * @param uri the resource's URI
 * @param mimeType may be {@code null}
 * @param text the text, or {@code null} for a binary resource
 * @param blob the base64 of the bytes, or {@code null} for a text resource
 */
public record ResourceContents(String uri, String mimeType, String text, String blob) {
  /** Checks that exactly one of {@code text} and {@code blob} is given. */
  public ResourceContents {
    Objects.requireNonNull(uri, "uri");
    if ((text == null) == (blob == null)) {
      throw new IllegalArgumentException("a resource has either text or a blob: " + uri);
    }
  }

  /** Text contents. */
  public static ResourceContents text(String uri, String mimeType, String text) {
    return new ResourceContents(uri, mimeType, Objects.requireNonNull(text, "text"), null);
  }

  /** Binary contents. */
  public static ResourceContents blob(String uri, String mimeType, byte[] data) {
    return new ResourceContents(uri, mimeType, null, Base64.getEncoder().encodeToString(data));
  }
}
