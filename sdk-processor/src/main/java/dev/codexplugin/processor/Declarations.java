package dev.codexplugin.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** The annotated elements of one compilation, read into plugin and part declarations. */
final class Declarations {
  static final String API = "dev.codexplugin.api.";
  static final String PLUGIN = API + "Plugin";

  /** The kinds of parts a plugin is made of, with their annotation and container names. */
  enum Kind {
    SKILL("Skill", true),
    MCP_SERVER("McpServer", true),
    APP("App", true),
    HOOK("Hook", true),
    /** A class with {@code @McpTool} methods; the reader is the first method's annotation. */
    TOOL("McpTool", false),
    /** An {@code @McpToolFactory} method. */
    TOOL_FACTORY("McpToolFactory", false);

    final String annotation;
    /** The container of the repeatable annotation, or {@code null}. */
    final String container;

    Kind(String simpleName, boolean repeatable) {
      this.annotation = API + simpleName;
      this.container = repeatable ? API + simpleName + ".List" : null;
    }
  }

  /**
   * A {@code @Plugin}; {@code scope} is the package it covers. An {@code erroneous} one has a value javac could
   * not compute: javac reports it, and the processor says nothing more about the plugin.
   */
  record PluginDecl(Element element, AnnotationReader reader, String scope, boolean erroneous) {
    String name() {
      return erroneous ? "" : reader.string("name");
    }
  }

  /** One {@code @Skill}, {@code @McpServer}, {@code @App} or {@code @Hook}; see {@link PluginDecl#erroneous}. */
  record PartDecl(Kind kind, Element element, AnnotationReader reader, String scope, boolean erroneous) {
    /** How messages name the part, e.g. {@code @Skill "code-review"} or {@code @Hook PRE_TOOL_USE}. */
    String title() {
      if (erroneous) {
        return reader.label();
      }
      return switch (kind) {
        case SKILL, MCP_SERVER -> reader.label() + " " + dev.codexplugin.runtime.format.Text.quote(
            reader.string("name"));
        case APP -> reader.label() + " " + dev.codexplugin.runtime.format.Text.quote(reader.string("key"));
        case HOOK -> reader.label() + " " + reader.enumConstant("event");
        case TOOL -> "the @McpTool methods of " + element;
        case TOOL_FACTORY -> "@McpToolFactory " + element.getEnclosingElement() + "." + element.getSimpleName();
      };
    }
  }

  final List<PluginDecl> plugins = new ArrayList<>();
  final List<PartDecl> parts = new ArrayList<>();

  /** Reads the annotations of {@code element}, in source order, and adds them to these declarations. */
  void read(Elements elementUtils, Element element) {
    String scope = elementUtils.getPackageOf(element).getQualifiedName().toString();
    List<PluginDecl> newPlugins = new ArrayList<>();
    List<PartDecl> newParts = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String type = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
      if (type.equals(PLUGIN)) {
        AnnotationReader reader = new AnnotationReader(elementUtils, element, mirror);
        newPlugins.add(new PluginDecl(element, reader, scope, reader.isErroneous()));
        continue;
      }
      for (Kind kind : Kind.values()) {
        if (kind == Kind.TOOL || kind == Kind.TOOL_FACTORY) {
          continue;
        }
        if (type.equals(kind.annotation)) {
          AnnotationReader reader = new AnnotationReader(elementUtils, element, mirror);
          newParts.add(new PartDecl(kind, element, reader, scope, reader.isErroneous()));
        } else if (type.equals(kind.container)) {
          List<AnnotationMirror> repeated = repeated(mirror);
          for (int i = 0; i < repeated.size(); i++) {
            if (repeated.get(i) == null) {
              AnnotationReader reader = new AnnotationReader(elementUtils, element, mirror);
              newParts.add(new PartDecl(kind, element, reader, scope, true));
              continue;
            }
            AnnotationReader reader = AnnotationReader.repeated(elementUtils, element, mirror, repeated.get(i), i);
            newParts.add(new PartDecl(kind, element, reader, scope, reader.isErroneous()));
          }
        }
      }
    }
    // Added only when the whole element was read: an element that fails is reported once, as a whole.
    plugins.addAll(newPlugins);
    parts.addAll(newParts);
  }

  /**
   * Reads only the {@code @Plugin}s of {@code element}: what every round needs to place its tools, without
   * reading every skill of the compilation again.
   */
  void readPlugins(Elements elementUtils, Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(PLUGIN)) {
        String scope = elementUtils.getPackageOf(element).getQualifiedName().toString();
        AnnotationReader reader = new AnnotationReader(elementUtils, element, mirror);
        plugins.add(new PluginDecl(element, reader, scope, reader.isErroneous()));
      }
    }
  }

  /** Whether javac could not compute some value of one of these annotations. */
  boolean anyErroneous() {
    return plugins.stream().anyMatch(PluginDecl::erroneous) || parts.stream().anyMatch(PartDecl::erroneous);
  }

  /** The entries of a container's {@code value}; {@code null} for one javac could not compute. */
  private static List<AnnotationMirror> repeated(AnnotationMirror container) {
    List<AnnotationMirror> out = new ArrayList<>();
    for (var entry : container.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("value")
          && entry.getValue().getValue() instanceof List<?> list) {
        for (Object item : list) {
          out.add(item instanceof AnnotationValue value && value.getValue() instanceof AnnotationMirror repeated
              ? repeated : null);
        }
      }
    }
    return out;
  }
}
