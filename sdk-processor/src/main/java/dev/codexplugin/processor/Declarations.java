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
    SKILL("Skill"),
    MCP_SERVER("McpServer"),
    APP("App"),
    HOOK("Hook");

    final String annotation;
    final String container;

    Kind(String simpleName) {
      this.annotation = API + simpleName;
      this.container = API + simpleName + ".List";
    }
  }

  /** A {@code @Plugin}; {@code scope} is the package it covers. */
  record PluginDecl(Element element, AnnotationReader reader, String scope) {
    String name() {
      return reader.string("name");
    }
  }

  /** One {@code @Skill}, {@code @McpServer}, {@code @App} or {@code @Hook}. */
  record PartDecl(Kind kind, Element element, AnnotationReader reader, String scope) {}

  final List<PluginDecl> plugins = new ArrayList<>();
  final List<PartDecl> parts = new ArrayList<>();

  /** Reads the annotations of {@code elements}, in the given order. */
  static Declarations read(Elements elementUtils, List<Element> elements) {
    Declarations d = new Declarations();
    for (Element element : elements) {
      String scope = elementUtils.getPackageOf(element).getQualifiedName().toString();
      for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
        String type = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
        if (type.equals(PLUGIN)) {
          d.plugins.add(new PluginDecl(element, new AnnotationReader(elementUtils, element, mirror), scope));
          continue;
        }
        for (Kind kind : Kind.values()) {
          if (type.equals(kind.annotation)) {
            d.parts.add(new PartDecl(kind, element, new AnnotationReader(elementUtils, element, mirror), scope));
          } else if (type.equals(kind.container)) {
            for (AnnotationMirror repeated : repeated(mirror)) {
              d.parts.add(new PartDecl(kind, element, new AnnotationReader(elementUtils, element, repeated), scope));
            }
          }
        }
      }
    }
    return d;
  }

  private static List<AnnotationMirror> repeated(AnnotationMirror container) {
    List<AnnotationMirror> out = new ArrayList<>();
    for (var entry : container.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("value")
          && entry.getValue().getValue() instanceof List<?> list) {
        for (Object item : list) {
          out.add((AnnotationMirror) ((AnnotationValue) item).getValue());
        }
      }
    }
    return out;
  }
}
