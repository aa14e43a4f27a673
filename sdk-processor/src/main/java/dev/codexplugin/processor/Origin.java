package dev.codexplugin.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where a part of the bundle came from: the element, annotation and value to point a diagnostic at, and how to
 * name it in the message.
 *
 * @param element the annotated element, or {@code null} for the compilation as a whole
 * @param mirror the annotation, or {@code null}
 * @param value the attribute value, or {@code null}
 * @param label the subject of the message, e.g. {@code @Skill name}
 * @param fileBased whether the part was read from an existing file, so the message also names the file and
 *     the field, e.g. {@code @Plugin mcpConfig "/.mcp.json", in .mcp.json: mcpServers.github.url}
 */
record Origin(Element element, AnnotationMirror mirror, AnnotationValue value, String label, boolean fileBased) {
  Origin(Element element, AnnotationMirror mirror, AnnotationValue value, String label) {
    this(element, mirror, value, label, false);
  }

  /** The same place, for parts read from an existing file. */
  Origin forFiles() {
    return new Origin(element, mirror, value, label, true);
  }

  /** The same place under another label. */
  Origin labeled(String newLabel) {
    return new Origin(element, mirror, value, newLabel, fileBased);
  }
}
