package dev.codexplugin.processor;

import dev.codexplugin.api.McpToolFactory;

/** {@link McpToolFactory @McpToolFactory}, read: it has no attributes, only its method. */
final class McpToolFactoryPrism extends Prism<McpToolFactoryPrism.Attr> {
  static final String ANNOTATION = McpToolFactory.class.getCanonicalName();

  /** The attributes of {@code @McpToolFactory}. */
  enum Attr implements Prism.Attribute {}

  McpToolFactoryPrism(AnnotationReader reader) {
    super(reader);
  }

  @Override
  String title() {
    return label() + " " + element().getEnclosingElement() + "." + element().getSimpleName();
  }
}
