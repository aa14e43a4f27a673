package dev.codexplugin.processor;

import dev.codexplugin.api.Author;

/** {@link Author @Author}, read. */
final class AuthorPrism extends Prism<AuthorPrism.Attr> {
  /** The attributes of {@code @Author}. */
  enum Attr implements Prism.Attribute {
    NAME, EMAIL, URL
  }

  AuthorPrism(AnnotationReader reader) {
    super(reader);
  }

  String name() {
    return string(Attr.NAME);
  }

  String email() {
    return string(Attr.EMAIL);
  }

  String url() {
    return string(Attr.URL);
  }

  /** Whether an author is given at all: the default {@code @Author(name = "")} means none. */
  boolean isPresent() {
    return !name().isEmpty() || !email().isEmpty() || !url().isEmpty();
  }
}
