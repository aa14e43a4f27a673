package dev.codexplugin.processor;

import dev.codexplugin.api.Param;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/** {@link Param @Param}, read. */
final class ParamPrism extends Prism<ParamPrism.Attr> {
  static final String ANNOTATION = Param.class.getCanonicalName();

  /** The attributes of {@code @Param}. */
  enum Attr implements Prism.Attribute {
    NAME, DESCRIPTION, TITLE, REQUIRED, DEFAULT_VALUE, ENUM_NAMES
  }

  ParamPrism(AnnotationReader reader) {
    super(reader);
  }

  /** The {@code @Param} of {@code parameter}, if it has one. */
  static Optional<ParamPrism> of(Elements elements, VariableElement parameter) {
    return of(elements, (Element) parameter);
  }

  /** The {@code @Param} of {@code parameter} (a method parameter or a record component), if it has one. */
  static Optional<ParamPrism> of(Elements elements, Element parameter) {
    for (AnnotationMirror mirror : parameter.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(ANNOTATION)) {
        return Optional.of(new ParamPrism(new AnnotationReader(elements, parameter, mirror)));
      }
    }
    return Optional.empty();
  }

  /** The argument name as written; empty means the parameter's name. */
  String name() {
    return string(Attr.NAME);
  }

  String description() {
    return string(Attr.DESCRIPTION);
  }

  /** The schema's {@code title}, or empty. */
  String fieldTitle() {
    return string(Attr.TITLE);
  }

  /** Whether a titled enum form field is written the legacy way, with {@code enumNames}. */
  boolean enumNames() {
    return bool(Attr.ENUM_NAMES);
  }

  /** Whether the input requires the argument; empty when it follows from the type and the default. */
  Optional<Boolean> required() {
    return tri(Attr.REQUIRED);
  }

  /** The default as written, or empty. */
  String defaultValue() {
    return string(Attr.DEFAULT_VALUE);
  }
}
