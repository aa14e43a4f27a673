package dev.codexplugin.processor;

import dev.codexplugin.api.McpResource;

/** {@link McpResource @McpResource}, read. */
final class McpResourcePrism extends Prism<McpResourcePrism.Attr> {
  static final String ANNOTATION = McpResource.class.getCanonicalName();

  /** The attributes of {@code @McpResource}. */
  enum Attr implements Prism.Attribute {
    URI, NAME, TITLE, DESCRIPTION, MIME_TYPE
  }

  McpResourcePrism(AnnotationReader reader) {
    super(reader);
  }

  /** The URI, or URI template, as written. */
  String uri() {
    return string(Attr.URI);
  }

  /** The name as written; empty means the method name. */
  String name() {
    return string(Attr.NAME);
  }

  String title() {
    return string(Attr.TITLE);
  }

  /** The description as written; empty means the first sentence of the Javadoc. */
  String description() {
    return string(Attr.DESCRIPTION);
  }

  String mimeType() {
    return string(Attr.MIME_TYPE);
  }
}
