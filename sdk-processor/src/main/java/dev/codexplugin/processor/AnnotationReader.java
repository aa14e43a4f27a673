package dev.codexplugin.processor;

import java.util.ArrayList;
import java.util.HashMap;
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
 * so that diagnostics can point at it: the mirror as the element carries it ({@link #top()}, a container for
 * repeated annotations) and the {@link Step steps} from there to this mirror.
 *
 * <p>The engine of the {@link Prism}s: only they call it with an attribute's name.
 */
final class AnnotationReader {
  /**
   * One step from an annotation to a value inside it: an attribute, and an index into its array or -1.
   *
   * @param attribute the attribute name, e.g. {@code ui}
   * @param index the array index, or -1 for the whole value
   */
  record Step(String attribute, int index) {}

  private final Elements elements;
  private final Element element;
  private final AnnotationMirror mirror;
  private final AnnotationMirror top;
  private final List<Step> steps;
  private final Map<? extends ExecutableElement, ? extends AnnotationValue> withDefaults;
  private final Map<? extends ExecutableElement, ? extends AnnotationValue> explicit;
  private final String simpleName;
  /**
   * {@link #withDefaults} and {@link #explicit} by attribute name, built on the first read: javac's
   * {@code Name.contentEquals} decodes the name into a new string on every comparison, and a prism reads a
   * dozen attributes.
   */
  private Map<String, AnnotationValue> byName;
  private Map<String, AnnotationValue> explicitByName;

  /** A reader of an annotation the element carries directly. */
  AnnotationReader(Elements elements, Element element, AnnotationMirror mirror) {
    this(elements, element, mirror, mirror, List.of());
  }

  private AnnotationReader(Elements elements, Element element, AnnotationMirror mirror, AnnotationMirror top,
      List<Step> steps) {
    this.elements = elements;
    this.element = element;
    this.mirror = mirror;
    this.top = top;
    this.steps = List.copyOf(steps);
    this.withDefaults = elements.getElementValuesWithDefaults(mirror);
    this.explicit = mirror.getElementValues();
    this.simpleName = mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  /** A reader of entry {@code index} of the {@code value} of the container {@code container}. */
  static AnnotationReader repeated(Elements elements, Element element, AnnotationMirror container,
      AnnotationMirror repeated, int index) {
    return new AnnotationReader(elements, element, repeated, container, List.of(new Step("value", index)));
  }

  Element element() {
    return element;
  }

  AnnotationMirror mirror() {
    return mirror;
  }

  /** The annotation as the element carries it: this one, or the container or annotation it is nested in. */
  AnnotationMirror top() {
    return top;
  }

  /** The steps from {@link #top()} to this annotation. */
  List<Step> steps() {
    return steps;
  }

  /** {@code @Skill}, for messages. */
  String label() {
    return "@" + simpleName;
  }

  /**
   * Whether javac could not compute some value of this annotation (an unknown constant, a missing required
   * attribute). javac reports that itself; whatever we would say about such an annotation is a follow-on error.
   */
  boolean isErroneous() {
    for (ExecutableElement attribute : attributes()) {
      if (attribute.getDefaultValue() == null && !withDefaults.containsKey(attribute)) {
        return true;
      }
    }
    for (AnnotationValue value : withDefaults.values()) {
      if (isErroneous(value)) {
        return true;
      }
    }
    return false;
  }

  private List<ExecutableElement> attributes() {
    List<ExecutableElement> out = new ArrayList<>();
    for (Element member : mirror.getAnnotationType().asElement().getEnclosedElements()) {
      if (member instanceof ExecutableElement method) {
        out.add(method);
      }
    }
    return out;
  }

  /**
   * javac represents a value it could not compute as an {@code Attribute.Error}, whose value is the string
   * {@code <error>} and whose {@code toString()} is {@code <error>} (a real string constant prints quoted).
   */
  private static boolean isErroneous(AnnotationValue value) {
    Object v = value.getValue();
    // A real string constant's toString() quotes and escapes it: asked only of the one string it could be.
    if (v instanceof String s && s.equals("<error>") && "<error>".equals(value.toString())) {
      return true;
    }
    if (v instanceof List<?> list) {
      for (Object item : list) {
        if (!(item instanceof AnnotationValue nested) || isErroneous(nested)) {
          return true;
        }
      }
    }
    if (v instanceof AnnotationMirror nested) {
      for (AnnotationValue inner : nested.getElementValues().values()) {
        if (isErroneous(inner)) {
          return true;
        }
      }
    }
    return v == null;
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

  boolean bool(String name) {
    return raw(name) instanceof Boolean b && b;
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

  AnnotationReader nested(String name) {
    Object value = raw(name);
    List<Step> path = new ArrayList<>(steps);
    path.add(new Step(name, -1));
    return new AnnotationReader(elements, element, (AnnotationMirror) value, top, path);
  }

  /** Whether the attribute was written in the source (not a default). */
  boolean isExplicit(String name) {
    return explicitValue(name) != null;
  }

  /** The value as written in the source, or {@code null} when the default applies. */
  AnnotationValue explicitValue(String name) {
    if (explicitByName == null) {
      explicitByName = index(explicit);
    }
    return explicitByName.get(name);
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
    AnnotationValue value = explicitValue(name);
    return new Origin(element, mirror, value, top, value == null ? steps : append(new Step(name, -1)),
        label() + " " + name);
  }

  /** Where a diagnostic about entry {@code index} of array attribute {@code name} should point. */
  Origin origin(String name, int index) {
    AnnotationValue value = explicitValue(name, index);
    return new Origin(element, mirror, value, top, value == null ? steps : append(new Step(name, index)),
        label() + " " + name);
  }

  /** Where a diagnostic about the annotation as a whole should point. */
  Origin origin() {
    return new Origin(element, mirror, null, top, steps, label());
  }

  private List<Step> append(Step step) {
    List<Step> path = new ArrayList<>(steps);
    path.add(step);
    return path;
  }

  private Object raw(String name) {
    if (byName == null) {
      byName = index(withDefaults);
    }
    AnnotationValue value = byName.get(name);
    if (value == null) {
      throw new IllegalArgumentException(label() + " has no attribute " + name);
    }
    return value.getValue();
  }

  /** The values by attribute name; the first of a name wins, as the scans this replaces found it first. */
  private static Map<String, AnnotationValue> index(
      Map<? extends ExecutableElement, ? extends AnnotationValue> values) {
    Map<String, AnnotationValue> out = new HashMap<>();
    for (var entry : values.entrySet()) {
      out.putIfAbsent(entry.getKey().getSimpleName().toString(), entry.getValue());
    }
    return out;
  }
}
