package dev.codexplugin.processor;

import dev.codexplugin.processor.ToolSchemas.InputSchema;
import dev.codexplugin.processor.ToolSchemas.ToolParameter;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;

/**
 * A test-only processor: for every {@code @McpTool} method it asks {@link ToolSchemas} for the input schema (and
 * the output schema when {@code structuredOutput = true}) and writes them, with what the invoker would get per
 * parameter, as class-output resources {@code schemas/<Class>/<method>.input.json}, {@code .output.json} and
 * {@code .params.txt} ({@code .output.none} when there is no output schema). Problems become compiler
 * diagnostics, as the real processor prints them.
 */
final class SchemaDumpProcessor extends AbstractProcessor {
  static final String MCP_TOOL = "dev.codexplugin.api.McpTool";
  static final String ROOT = "schemas/";

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(MCP_TOOL);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement mcpTool = processingEnv.getElementUtils().getTypeElement(MCP_TOOL);
    if (mcpTool == null) {
      return false;
    }
    List<ExecutableElement> methods =
        new ArrayList<>(ElementFilter.methodsIn(round.getElementsAnnotatedWith(mcpTool)));
    methods.sort(Comparator.comparing(SchemaDumpProcessor::fileStem));
    ToolSchemas schemas = new ToolSchemas(processingEnv);
    ToolSchemas.Problems problems = (code, origin, message) -> print(code, origin, message);
    for (ExecutableElement method : methods) {
      InputSchema input = schemas.input(method, problems);
      write(method, ".input.json", ToolSchemas.prettyJson(input.schema()));
      write(method, ".params.txt", params(input));
      if (structured(method)) {
        schemas.output(method, problems).ifPresentOrElse(
            output -> write(method, ".output.json", ToolSchemas.prettyJson(output.schema())),
            () -> write(method, ".output.none", "no output schema\n"));
      }
    }
    return false;
  }

  static String fileStem(ExecutableElement method) {
    TypeElement type = (TypeElement) method.getEnclosingElement();
    return type.getSimpleName() + "/" + method.getSimpleName();
  }

  private static boolean structured(ExecutableElement method) {
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      if (SchemaAnnotations.nameOf(mirror).equals(MCP_TOOL)) {
        for (var entry : mirror.getElementValues().entrySet()) {
          if (entry.getKey().getSimpleName().contentEquals("structuredOutput")) {
            return Boolean.TRUE.equals(entry.getValue().getValue());
          }
        }
      }
    }
    return false;
  }

  private static String params(InputSchema input) {
    StringBuilder out = new StringBuilder();
    out.append("valid=").append(input.valid()).append('\n');
    for (ToolParameter p : input.parameters()) {
      out.append(p.name())
          .append(" required=").append(p.required())
          .append(" default=").append(p.defaultJson())
          .append(" type=").append(p.type())
          .append('\n');
    }
    return out.toString();
  }

  private void write(ExecutableElement method, String suffix, String text) {
    try {
      var file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
          ROOT + fileStem(method) + suffix, method);
      try (Writer writer = file.openWriter()) {
        writer.write(text);
      }
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, e.toString(), method);
    }
  }

  private void print(FindingCode code, Origin origin, String message) {
    Diagnostic.Kind kind = code.publishSeverity() == Severity.ERROR ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
    String text = code.tag() + " " + message;
    Element element = origin.element();
    if (origin.mirror() == null) {
      processingEnv.getMessager().printMessage(kind, text, element);
    } else if (origin.value() == null) {
      processingEnv.getMessager().printMessage(kind, text, element, origin.mirror());
    } else {
      processingEnv.getMessager().printMessage(kind, text, element, origin.mirror(), origin.value());
    }
  }
}
