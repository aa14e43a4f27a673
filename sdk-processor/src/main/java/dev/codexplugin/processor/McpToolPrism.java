package dev.codexplugin.processor;

import dev.codexplugin.api.McpTool;
import java.util.Optional;

/** {@link McpTool @McpTool}, read. */
final class McpToolPrism extends Prism<McpToolPrism.Attr> {
  static final String ANNOTATION = McpTool.class.getCanonicalName();

  /** The attributes of {@code @McpTool}. */
  enum Attr implements Prism.Attribute {
    NAME, TITLE, DESCRIPTION, READ_ONLY, DESTRUCTIVE, IDEMPOTENT, OPEN_WORLD, STRUCTURED_OUTPUT
  }

  McpToolPrism(AnnotationReader reader) {
    super(reader);
  }

  /** The tool name as written; empty means the method name. */
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

  Optional<Boolean> readOnly() {
    return tri(Attr.READ_ONLY);
  }

  Optional<Boolean> destructive() {
    return tri(Attr.DESTRUCTIVE);
  }

  Optional<Boolean> idempotent() {
    return tri(Attr.IDEMPOTENT);
  }

  Optional<Boolean> openWorld() {
    return tri(Attr.OPEN_WORLD);
  }

  boolean structuredOutput() {
    return bool(Attr.STRUCTURED_OUTPUT);
  }
}
