package dev.codexplugin.processor;

import dev.codexplugin.api.App;
import dev.codexplugin.runtime.format.Text;

/** {@link App @App}, read. */
final class AppPrism extends Prism<AppPrism.Attr> {
  static final String ANNOTATION = App.class.getCanonicalName();
  /** The container of the repeated annotation. */
  static final String CONTAINER = App.List.class.getCanonicalName();

  /** The attributes of {@code @App}. */
  enum Attr implements Prism.Attribute {
    KEY, ID, CATEGORY, TYPE, BASE_URL
  }

  AppPrism(AnnotationReader reader) {
    super(reader);
  }

  @Override
  String title() {
    return label() + " " + Text.quote(key());
  }

  String key() {
    return string(Attr.KEY);
  }

  String id() {
    return string(Attr.ID);
  }

  String category() {
    return string(Attr.CATEGORY);
  }

  String type() {
    return string(Attr.TYPE);
  }

  String baseUrl() {
    return string(Attr.BASE_URL);
  }
}
