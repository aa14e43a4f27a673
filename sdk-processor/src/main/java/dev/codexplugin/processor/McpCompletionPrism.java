package dev.codexplugin.processor;

import dev.codexplugin.api.McpCompletion;

/** {@link McpCompletion @McpCompletion}, read. */
final class McpCompletionPrism extends Prism<McpCompletionPrism.Attr> {
  static final String ANNOTATION = McpCompletion.class.getCanonicalName();

  /** The attributes of {@code @McpCompletion}. */
  enum Attr implements Prism.Attribute {
    PROMPT, RESOURCE, ARGUMENT
  }

  McpCompletionPrism(AnnotationReader reader) {
    super(reader);
  }

  /** The prompt name, or empty. */
  String prompt() {
    return string(Attr.PROMPT);
  }

  /** The URI template, or empty. */
  String resource() {
    return string(Attr.RESOURCE);
  }

  String argument() {
    return string(Attr.ARGUMENT);
  }
}
