package dev.codexplugin.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The annotations of one place in a schema (a parameter, a record component with its accessor and field, a
 * bean property with its field, getter and setter, or a type), merged, and read <em>by name</em>: Jackson
 * ({@code com.fasterxml.jackson.annotation.*}), Bean Validation ({@code jakarta.validation.constraints.*} and
 * {@code javax.validation.constraints.*}) and any {@code *.Nullable}. The processor path therefore needs none
 * of these libraries. When the same annotation type appears on several parts of the place, the first part
 * given wins.
 */
final class SchemaAnnotations {
  static final String JACKSON = "com.fasterxml.jackson.annotation.";
  private static final List<String> CONSTRAINT_PACKAGES =
      List.of("jakarta.validation.constraints.", "javax.validation.constraints.");

  private final Elements elements;
  private final Map<String, AnnotationMirror> byName;

  private SchemaAnnotations(Elements elements, Map<String, AnnotationMirror> byName) {
    this.elements = elements;
    this.byName = byName;
  }

  /** The annotations of {@code parts} (elements and types, {@code null}s skipped), first part first. */
  static SchemaAnnotations of(Elements elements, AnnotatedConstruct... parts) {
    Map<String, AnnotationMirror> byName = new LinkedHashMap<>();
    for (AnnotatedConstruct part : parts) {
      if (part == null) {
        continue;
      }
      for (AnnotationMirror mirror : part.getAnnotationMirrors()) {
        byName.putIfAbsent(nameOf(mirror), mirror);
      }
    }
    return new SchemaAnnotations(elements, byName);
  }

  /** These annotations followed by {@code more}'s (first wins). */
  SchemaAnnotations with(SchemaAnnotations more) {
    Map<String, AnnotationMirror> merged = new LinkedHashMap<>(byName);
    more.byName.forEach(merged::putIfAbsent);
    return new SchemaAnnotations(elements, merged);
  }

  static String nameOf(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  Optional<AnnotationMirror> find(String qualifiedName) {
    return Optional.ofNullable(byName.get(qualifiedName));
  }

  /** A Jackson annotation, e.g. {@code jackson("JsonProperty")}. */
  Optional<AnnotationMirror> jackson(String simpleName) {
    return byName.isEmpty() ? Optional.empty() : find(JACKSON + simpleName);
  }

  /** A Bean Validation constraint of either package, e.g. {@code constraint("Size")}. */
  Optional<AnnotationMirror> constraint(String simpleName) {
    if (byName.isEmpty()) {
      // Most places carry no annotation: no names to build for the dozen constraints a schema asks about.
      return Optional.empty();
    }
    for (String pkg : CONSTRAINT_PACKAGES) {
      AnnotationMirror mirror = byName.get(pkg + simpleName);
      if (mirror != null) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** Whether an annotation named {@code Nullable}, of any package, is present. */
  boolean nullable() {
    return byName.keySet().stream().anyMatch(n -> n.equals("Nullable") || n.endsWith(".Nullable"));
  }

  /** Whether {@code @JsonIgnore} (with its default {@code value = true}) is present. */
  boolean jsonIgnore() {
    return jackson("JsonIgnore").map(m -> bool(m, "value")).orElse(false);
  }

  /** The non-empty {@code @JsonProperty} value, if any. */
  Optional<String> jsonName() {
    return jackson("JsonProperty").map(m -> string(m, "value")).filter(s -> !s.isEmpty());
  }

  /** {@code @JsonProperty(required = true)}. */
  boolean jsonRequired() {
    return jackson("JsonProperty").map(m -> bool(m, "required")).orElse(false);
  }

  /** The {@code @JsonProperty(access = ...)} constant, {@code AUTO} when absent. */
  String jsonAccess() {
    return jackson("JsonProperty").map(m -> enumConstant(m, "access")).orElse("AUTO");
  }

  /** The non-empty {@code @JsonPropertyDescription} value, if any. */
  Optional<String> jsonDescription() {
    return jackson("JsonPropertyDescription").map(m -> string(m, "value")).filter(s -> !s.isBlank());
  }

  // ---- attribute values, with defaults ------------------------------------------------------------------------

  Object raw(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return e.getValue().getValue();
      }
    }
    return null;
  }

  String string(AnnotationMirror mirror, String attribute) {
    return raw(mirror, attribute) instanceof String s ? s : "";
  }

  boolean bool(AnnotationMirror mirror, String attribute) {
    return raw(mirror, attribute) instanceof Boolean b && b;
  }

  /** An integral attribute ({@code int} or {@code long}); {@code fallback} when absent. */
  long number(AnnotationMirror mirror, String attribute, long fallback) {
    return raw(mirror, attribute) instanceof Number n ? n.longValue() : fallback;
  }

  String enumConstant(AnnotationMirror mirror, String attribute) {
    return raw(mirror, attribute) instanceof VariableElement v ? v.getSimpleName().toString() : "";
  }

  /** A {@code Class} attribute. */
  TypeMirror type(AnnotationMirror mirror, String attribute) {
    return raw(mirror, attribute) instanceof TypeMirror t ? t : null;
  }

  /** An array attribute of annotations. */
  List<AnnotationMirror> annotations(AnnotationMirror mirror, String attribute) {
    List<AnnotationMirror> out = new ArrayList<>();
    if (raw(mirror, attribute) instanceof List<?> list) {
      for (Object item : list) {
        if (((AnnotationValue) item).getValue() instanceof AnnotationMirror m) {
          out.add(m);
        }
      }
    }
    return out;
  }
}
