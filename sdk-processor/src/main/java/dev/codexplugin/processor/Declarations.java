package dev.codexplugin.processor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** The annotated elements of one compilation, read into plugin and part declarations. */
final class Declarations {
  /** The kinds of parts a plugin is made of, with their annotation, container and prism. */
  enum Kind {
    SKILL(SkillPrism.ANNOTATION, SkillPrism.CONTAINER, SkillPrism::new),
    MCP_SERVER(McpServerPrism.ANNOTATION, McpServerPrism.CONTAINER, McpServerPrism::new),
    APP(AppPrism.ANNOTATION, AppPrism.CONTAINER, AppPrism::new),
    HOOK(HookPrism.ANNOTATION, HookPrism.CONTAINER, HookPrism::new),
    /** A class with {@code @McpTool} methods; the prism is the first method's annotation. */
    TOOL(McpToolPrism.ANNOTATION, null, McpToolPrism::new),
    /** An {@code @McpToolFactory} method. */
    TOOL_FACTORY(McpToolFactoryPrism.ANNOTATION, null, McpToolFactoryPrism::new),
    /** A {@code @HookHandler} method. */
    HOOK_HANDLER(HookHandlerPrism.ANNOTATION, null, HookHandlerPrism::new),
    /**
     * A class with {@code @McpResource}, {@code @McpPrompt} or {@code @McpCompletion} methods and no
     * {@code @McpTool} method; the prism is the first such method's annotation, of any of the three.
     */
    MCP_FEATURE(McpResourcePrism.ANNOTATION, null, McpResourcePrism::new);

    final String annotation;
    /** The container of the repeatable annotation, or {@code null}. */
    final String container;
    final Function<AnnotationReader, Prism<?>> prism;

    Kind(String annotation, String container, Function<AnnotationReader, Prism<?>> prism) {
      this.annotation = annotation;
      this.container = container;
      this.prism = prism;
    }
  }

  /** Every annotation the processor reads from an element: {@code @Plugin} and each part's, with containers. */
  static Set<String> annotationTypes() {
    Set<String> out = new TreeSet<>();
    out.add(PluginPrism.ANNOTATION);
    out.add(McpPromptPrism.ANNOTATION);
    out.add(McpCompletionPrism.ANNOTATION);
    for (Kind kind : Kind.values()) {
      out.add(kind.annotation);
      if (kind.container != null) {
        out.add(kind.container);
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /**
   * A {@code @Plugin}; {@code scope} is the package it covers. An {@code erroneous} one has a value javac could
   * not compute: javac reports it, and the processor says nothing more about the plugin.
   */
  record PluginDecl(Element element, PluginPrism prism, String scope, boolean erroneous) {
    String name() {
      return erroneous ? "" : prism.name();
    }
  }

  /**
   * One {@code @Skill}, {@code @McpServer}, {@code @App}, {@code @Hook}, tool class or tool factory; see
   * {@link PluginDecl#erroneous}. {@code prism} is of the kind's type.
   */
  record PartDecl(Kind kind, Element element, Prism<?> prism, String scope, boolean erroneous) {
    /** How messages name the part, e.g. {@code @Skill "code-review"} or {@code @Hook PRE_TOOL_USE}. */
    String title() {
      if (erroneous) {
        return prism.label();
      }
      if (kind == Kind.MCP_FEATURE) {
        return "the MCP resource, prompt and completion methods of " + element;
      }
      return kind == Kind.TOOL ? "the @McpTool methods of " + element : prism.title();
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
      if (type.equals(PluginPrism.ANNOTATION)) {
        newPlugins.add(plugin(elementUtils, element, mirror, scope));
        continue;
      }
      for (Kind kind : Kind.values()) {
        if (kind == Kind.TOOL || kind == Kind.TOOL_FACTORY || kind == Kind.HOOK_HANDLER
            || kind == Kind.MCP_FEATURE) {
          continue;
        }
        if (type.equals(kind.annotation)) {
          newParts.add(part(kind, new AnnotationReader(elementUtils, element, mirror), scope, false));
        } else if (type.equals(kind.container)) {
          List<AnnotationMirror> repeated = repeated(mirror);
          for (int i = 0; i < repeated.size(); i++) {
            newParts.add(repeated.get(i) == null
                ? part(kind, new AnnotationReader(elementUtils, element, mirror), scope, true)
                : part(kind, AnnotationReader.repeated(elementUtils, element, mirror, repeated.get(i), i), scope,
                    false));
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
      if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(PluginPrism.ANNOTATION)) {
        plugins.add(plugin(elementUtils, element, mirror,
            elementUtils.getPackageOf(element).getQualifiedName().toString()));
      }
    }
  }

  private static PluginDecl plugin(Elements elements, Element element, AnnotationMirror mirror, String scope) {
    AnnotationReader reader = new AnnotationReader(elements, element, mirror);
    return new PluginDecl(element, new PluginPrism(reader), scope, reader.isErroneous());
  }

  /** A part read by {@code reader}; {@code erroneous} when its container entry could not be computed at all. */
  private static PartDecl part(Kind kind, AnnotationReader reader, String scope, boolean erroneous) {
    return part(kind, reader.element(), reader, scope, erroneous);
  }

  /** A part on {@code element}, read by {@code reader} (for a tool class, the annotation of its first tool). */
  static PartDecl part(Kind kind, Element element, AnnotationReader reader, String scope, boolean erroneous) {
    return new PartDecl(kind, element, kind.prism.apply(reader), scope, erroneous || reader.isErroneous());
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
