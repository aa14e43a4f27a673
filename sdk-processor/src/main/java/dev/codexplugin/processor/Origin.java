package dev.codexplugin.processor;

import dev.codexplugin.processor.AnnotationReader.Step;
import java.util.List;
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
 * @param top the annotation as the element carries it (for a repeated annotation, its container), or
 *     {@code null}
 * @param steps the steps from {@code top} to the value (or to the annotation, when there is no value)
 * @param label the subject of the message, e.g. {@code @Skill name}
 * @param bundlePrefix for parts read from an existing file, the bundle path that file (or folder) became,
 *     e.g. {@code .mcp.json} or {@code skills/}, so that messages also name the file and the field:
 *     {@code @Plugin mcpConfig "/.mcp.json": mcpServers.github.url ...}; {@code null} for annotations
 */
record Origin(Element element, AnnotationMirror mirror, AnnotationValue value, AnnotationMirror top,
    List<Step> steps, String label, String bundlePrefix) {

  Origin(Element element, AnnotationMirror mirror, AnnotationValue value, AnnotationMirror top, List<Step> steps,
      String label) {
    this(element, mirror, value, top, steps, label, null);
  }

  /** An element itself, e.g. a tool's parameter. */
  static Origin at(Element element, String label) {
    return new Origin(element, null, null, null, List.of(), label, null);
  }

  /** The compilation as a whole, for findings about no element (an unknown option). */
  static Origin none(String label) {
    return new Origin(null, null, null, null, List.of(), label, null);
  }

  /** The same place, for parts read from the existing file or folder that became {@code bundlePrefix}. */
  Origin forFiles(String prefix) {
    return new Origin(element, mirror, value, top, steps, label, prefix);
  }

  /** The same place under another label. */
  Origin labeled(String newLabel) {
    return new Origin(element, mirror, value, top, steps, newLabel, bundlePrefix);
  }

  /**
   * The subject of a finding about {@code field} of bundle file {@code file}: the label, and for file-based parts
   * the file (relative to the named resource) and the field, e.g. {@code @Plugin mcpConfig "/mcp.json":
   * mcpServers.github.url} or {@code @Plugin localSkills "/skills": review/SKILL.md name}.
   */
  String subject(String file, String field) {
    if (bundlePrefix == null) {
      return label;
    }
    String relative;
    if (file.equals(bundlePrefix) || (file + "/").equals(bundlePrefix)) {
      relative = "";
    } else if (file.startsWith(bundlePrefix) && bundlePrefix.endsWith("/")) {
      relative = file.substring(bundlePrefix.length());
    } else {
      relative = file;
    }
    String where = relative.isEmpty() ? "" : ": " + relative;
    if (field.isEmpty()) {
      return label + where;
    }
    return label + (where.isEmpty() ? ": " : where + " ") + field;
  }
}
