package dev.codexplugin.processor;

import dev.codexplugin.api.Title;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** {@link Title @Title} on an enum constant, read. */
final class TitlePrism extends Prism<TitlePrism.Attr> {
  static final String ANNOTATION = Title.class.getCanonicalName();

  /** The attributes of {@code @Title}. */
  enum Attr implements Prism.Attribute {
    VALUE
  }

  TitlePrism(AnnotationReader reader) {
    super(reader);
  }

  /** The {@code @Title} of {@code constant}, if it has one. */
  static Optional<TitlePrism> of(Elements elements, Element constant) {
    for (AnnotationMirror mirror : constant.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(ANNOTATION)) {
        return Optional.of(new TitlePrism(new AnnotationReader(elements, constant, mirror)));
      }
    }
    return Optional.empty();
  }

  /** The title as written; blank counts as none. */
  String value() {
    return string(Attr.VALUE);
  }
}
