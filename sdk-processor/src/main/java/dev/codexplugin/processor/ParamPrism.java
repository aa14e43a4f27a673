package dev.codexplugin.processor;

import dev.codexplugin.api.Param;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/** {@link Param @Param}, read. */
final class ParamPrism extends Prism<ParamPrism.Attr> {
  static final String ANNOTATION = Param.class.getCanonicalName();

  /** The attributes of {@code @Param}. */
  enum Attr implements Prism.Attribute {
    NAME, DESCRIPTION, REQUIRED, DEFAULT_VALUE
  }

  ParamPrism(AnnotationReader reader) {
    super(reader);
  }

  /** The {@code @Param} of {@code parameter}, if it has one. */
  static Optional<ParamPrism> of(Elements elements, VariableElement parameter) {
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

  /** Whether the input requires the argument; empty when it follows from the type and the default. */
  Optional<Boolean> required() {
    return tri(Attr.REQUIRED);
  }

  /** The default as written, or empty. */
  String defaultValue() {
    return string(Attr.DEFAULT_VALUE);
  }
}
