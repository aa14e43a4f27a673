package dev.codexplugin.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Reads the attributes of one annotation mirror, with defaults, and remembers where each explicit value is,
 * so that diagnostics can point at it.
 */
final class AnnotationReader {
  private final Element element;
  private final AnnotationMirror mirror;
  private final Map<? extends ExecutableElement, ? extends AnnotationValue> withDefaults;
  private final Map<? extends ExecutableElement, ? extends AnnotationValue> explicit;
  private final String simpleName;

  AnnotationReader(Elements elements, Element element, AnnotationMirror mirror) {
    this.element = element;
    this.mirror = mirror;
    this.withDefaults = elements.getElementValuesWithDefaults(mirror);
    this.explicit = mirror.getElementValues();
    this.simpleName = mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  Element element() {
    return element;
  }

  AnnotationMirror mirror() {
    return mirror;
  }

  /** {@code @Skill}, for messages. */
  String label() {
    return "@" + simpleName;
  }

  String string(String name) {
    Object value = raw(name);
    return value instanceof String s ? s : "";
  }

  List<String> strings(String name) {
    Object value = raw(name);
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (((AnnotationValue) item).getValue() instanceof String s) {
          out.add(s);
        }
      }
    }
    return out;
  }

  int integer(String name) {
    Object value = raw(name);
    return value instanceof Integer i ? i : 0;
  }

  /** The simple name of an enum constant attribute, e.g. {@code UNSET}. */
  String enumConstant(String name) {
    Object value = raw(name);
    return value instanceof VariableElement v ? v.getSimpleName().toString() : "";
  }

  AnnotationReader nested(Elements elements, String name) {
    Object value = raw(name);
    return new AnnotationReader(elements, element, (AnnotationMirror) value);
  }

  /** Whether the attribute was written in the source (not a default). */
  boolean isExplicit(String name) {
    return explicitValue(name) != null;
  }

  /** The value as written in the source, or {@code null} when the default applies. */
  AnnotationValue explicitValue(String name) {
    for (var entry : explicit.entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** The {@code index}-th element of an explicit array value, or the whole value. */
  AnnotationValue explicitValue(String name, int index) {
    AnnotationValue value = explicitValue(name);
    if (value != null && value.getValue() instanceof List<?> list && index < list.size()) {
      return (AnnotationValue) list.get(index);
    }
    return value;
  }

  /** Where a diagnostic about attribute {@code name} should point. */
  Origin origin(String name) {
    return new Origin(element, mirror, explicitValue(name), label() + " " + name);
  }

  /** Where a diagnostic about entry {@code index} of array attribute {@code name} should point. */
  Origin origin(String name, int index) {
    return new Origin(element, mirror, explicitValue(name, index), label() + " " + name);
  }

  /** Where a diagnostic about the annotation as a whole should point. */
  Origin origin() {
    return new Origin(element, mirror, null, label());
  }

  private Object raw(String name) {
    for (var entry : withDefaults.entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue().getValue();
      }
    }
    throw new IllegalArgumentException(label() + " has no attribute " + name);
  }
}
