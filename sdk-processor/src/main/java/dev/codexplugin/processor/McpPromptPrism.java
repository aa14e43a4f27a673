package dev.codexplugin.processor;

import dev.codexplugin.api.McpPrompt;

/** {@link McpPrompt @McpPrompt}, read. */
final class McpPromptPrism extends Prism<McpPromptPrism.Attr> {
  static final String ANNOTATION = McpPrompt.class.getCanonicalName();

  /** The attributes of {@code @McpPrompt}. */
  enum Attr implements Prism.Attribute {
    NAME, TITLE, DESCRIPTION
  }

  McpPromptPrism(AnnotationReader reader) {
    super(reader);
  }

  /** The prompt name as written; empty means the method name. */
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
}
