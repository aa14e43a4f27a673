package dev.codexplugin.mcp;

import java.util.Base64;
import java.util.Objects;

/**
 * One item of a tool result's {@code content} (or of a prompt message): text, an image, audio, an embedded
 * resource or a link to a resource. A tool returns one as its result, or several through {@link ToolResult}.
 *
 * <table>
 *   <caption>Java value to MCP content</caption>
 *   <tr><th>Java</th><th>MCP</th><th>since protocol</th></tr>
 *   <tr><td>{@link #text(String)}</td><td>{@code {"type":"text","text":...}}</td><td>2024-11-05</td></tr>
 *   <tr><td>{@link #image(byte[], String)}</td><td>{@code {"type":"image","data":base64,"mimeType":...}}</td>
 *     <td>2024-11-05</td></tr>
 *   <tr><td>{@link #audio(byte[], String)}</td><td>{@code {"type":"audio","data":base64,"mimeType":...}}</td>
 *     <td>2025-03-26 (a text note for older clients)</td></tr>
 *   <tr><td>{@link #resource(ResourceContents)}</td><td>{@code {"type":"resource","resource":{...}}}</td>
 *     <td>2024-11-05</td></tr>
 *   <tr><td>{@link #resourceLink(String, String, String, String)}</td>
 *     <td>{@code {"type":"resource_link","uri":...,"name":...}}</td><td>2025-06-18 (the URI as text for older
 *     clients)</td></tr>
 * </table>
 */
public sealed interface Content {
  /** Text. */
  static Content text(String text) {
    return new Text(text);
  }

  /** An image; {@code data} is sent base64-encoded. */
  static Content image(byte[] data, String mimeType) {
    return new Image(Base64.getEncoder().encodeToString(data), mimeType);
  }

  /** Audio, such as {@code audio/wav}; {@code data} is sent base64-encoded. */
  static Content audio(byte[] data, String mimeType) {
    return new Audio(Base64.getEncoder().encodeToString(data), mimeType);
  }

  /** A resource embedded in the result. */
  static Content resource(ResourceContents contents) {
    return new EmbeddedResource(contents);
  }

  /**
   * A link to a resource the client may read with {@code resources/read}.
   *
   * @param description may be {@code null}
   * @param mimeType may be {@code null}
   */
  static Content resourceLink(String uri, String name, String description, String mimeType) {
    return new ResourceLink(uri, name, description, mimeType);
  }

  /** Text content. */
  record Text(String text) implements Content {
    /** Checks the text. */
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /** Image content, its data base64-encoded. */
  record Image(String base64, String mimeType) implements Content {
    /** Checks the fields. */
    public Image {
      Objects.requireNonNull(base64, "base64");
      Objects.requireNonNull(mimeType, "mimeType");
    }
  }

  /** Audio content, its data base64-encoded. */
  record Audio(String base64, String mimeType) implements Content {
    /** Checks the fields. */
    public Audio {
      Objects.requireNonNull(base64, "base64");
      Objects.requireNonNull(mimeType, "mimeType");
    }
  }

  /** An embedded resource. */
  record EmbeddedResource(ResourceContents contents) implements Content {
    /** Checks the contents. */
    public EmbeddedResource {
      Objects.requireNonNull(contents, "contents");
    }
  }

  /** A resource link. */
  record ResourceLink(String uri, String name, String description, String mimeType) implements Content {
    /** Checks the URI and the name. */
    public ResourceLink {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(name, "name");
    }
  }
}
