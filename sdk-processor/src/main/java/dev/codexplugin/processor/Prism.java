package dev.codexplugin.processor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.lang.model.element.Element;

/**
 * One annotation of the SDK, read through typed accessors, as avaje's prisms and MapStruct's gems read theirs:
 * each subclass is the only place that names its annotation's attributes, in its {@link Attribute} enum, and
 * reads them with the defaults the annotation declares. The rest of the processor asks a prism for
 * {@code skill.description()} and points a diagnostic at {@code skill.origin(SkillPrism.Attr.DESCRIPTION)}.
 *
 * @param <A> the attributes of the annotation
 */
abstract class Prism<A extends Enum<A> & Prism.Attribute> {
  /**
   * An attribute of an annotation: an enum constant named after it in upper snake case, e.g.
   * {@code INSTRUCTIONS_FILE} for {@code instructionsFile()} (PrismTest checks every enum against its annotation).
   */
  interface Attribute {
    /** The enum constant's name, e.g. {@code INSTRUCTIONS_FILE}. */
    String name();

    /** The attribute's name as the annotation type declares it, e.g. {@code instructionsFile}. */
    default String javaName() {
      return JAVA_NAMES.computeIfAbsent(this, Attribute::camelCase);
    }

    /** {@link #javaName()}, computed. */
    private static String camelCase(Attribute attribute) {
      StringBuilder out = new StringBuilder();
      boolean upper = false;
      for (char c : attribute.name().toCharArray()) {
        if (c == '_') {
          upper = true;
        } else {
          out.append(upper ? c : Character.toLowerCase(c));
          upper = false;
        }
      }
      return out.toString();
    }
  }

  /**
   * {@link Attribute#javaName()} of every attribute read so far: a prism reads a dozen attributes per
   * annotation, each a few times. Shared by concurrent compilations in one JVM.
   */
  private static final Map<Attribute, String> JAVA_NAMES = new ConcurrentHashMap<>();

  private final AnnotationReader reader;

  Prism(AnnotationReader reader) {
    this.reader = reader;
  }

  /** The annotated element. */
  final Element element() {
    return reader.element();
  }

  /** The annotation's simple name with its {@code @}, e.g. {@code @Skill}, for messages. */
  final String label() {
    return reader.label();
  }

  /** How a message names the annotation as a whole, e.g. {@code @Skill "code-review"}; its label by default. */
  String title() {
    return label();
  }

  /** Whether javac could not compute some value of this annotation; see {@link AnnotationReader#isErroneous()}. */
  final boolean isErroneous() {
    return reader.isErroneous();
  }

  /** Whether {@code attribute} was written in the source (not the default). */
  final boolean isExplicit(A attribute) {
    return reader.isExplicit(attribute.javaName());
  }

  /** Where a diagnostic about {@code attribute} points: its value, or the annotation when it has the default. */
  final Origin origin(A attribute) {
    return reader.origin(attribute.javaName());
  }

  /** Where a diagnostic about entry {@code index} of array attribute {@code attribute} points. */
  final Origin origin(A attribute, int index) {
    return reader.origin(attribute.javaName(), index);
  }

  /** Where a diagnostic about the annotation as a whole points. */
  final Origin origin() {
    return reader.origin();
  }

  // ------------------------------------------------------------------------------------------ for the subclasses

  final String string(A attribute) {
    return reader.string(attribute.javaName());
  }

  final List<String> strings(A attribute) {
    return List.copyOf(reader.strings(attribute.javaName()));
  }

  final boolean bool(A attribute) {
    return reader.bool(attribute.javaName());
  }

  final int integer(A attribute) {
    return reader.integer(attribute.javaName());
  }

  /** The simple name of an enum constant, e.g. {@code PRE_TOOL_USE}. */
  final String constant(A attribute) {
    return reader.enumConstant(attribute.javaName());
  }

  /** A {@code TriState}: {@code TRUE}, {@code FALSE}, or empty for {@code UNSET}. */
  final Optional<Boolean> tri(A attribute) {
    return switch (constant(attribute)) {
      case "TRUE" -> Optional.of(true);
      case "FALSE" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  /** The reader of a nested annotation, for the nested annotation's prism. */
  final AnnotationReader nested(A attribute) {
    return reader.nested(attribute.javaName());
  }
}
