package dev.codexplugin.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.codexplugin.processor.ToolSchemas.InputSchema;
import dev.codexplugin.processor.ToolSchemas.OutputSchema;
import dev.codexplugin.processor.ToolSchemas.ToolParameter;
import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;

/**
 * A test-only processor: for every {@code @McpTool} method it asks {@link ToolSchemas} for the input schema (and
 * the output schema when {@code structuredOutput = true}) and writes them, with what the invoker would get per
 * parameter, as class-output resources {@code schemas/<Class>/<method>.input.json}, {@code .output.json} and
 * {@code .params.txt} ({@code .output.none} when there is no output schema). Problems become compiler
 * diagnostics, as the real processor prints them. For each class it also generates {@code <Class>_TypesProbe}
 * with one method per valid tool returning the parameters' {@code java.lang.reflect.Type}s, built from the
 * {@link ToolParameter#type()} expressions with the real {@code dev.codexplugin.mcp.Types}.
 */
final class SchemaDumpProcessor extends AbstractProcessor {
  static final String MCP_TOOL = McpToolPrism.ANNOTATION;
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
    Diagnostics problems = new Diagnostics(processingEnv);
    Map<TypeElement, TypeSpec.Builder> probes = new LinkedHashMap<>();
    for (ExecutableElement method : methods) {
      InputSchema input = schemas.input(method, problems);
      write(method, ".input.json", ToolSchemas.prettyJson(input.schema()));
      String params = params(input);
      if (structured(method)) {
        Optional<OutputSchema> output = schemas.output(method, problems);
        if (output.isPresent()) {
          write(method, ".output.json", ToolSchemas.prettyJson(output.get().schema()));
          params += "output wrapped=" + output.get().wrapped() + "\n";
        } else {
          write(method, ".output.none", "no output schema\n");
        }
      }
      write(method, ".params.txt", params);
      if (input.valid()) {
        TypeElement type = (TypeElement) method.getEnclosingElement();
        probes.computeIfAbsent(type, t -> TypeSpec.classBuilder(t.getSimpleName() + "_TypesProbe")
                .addOriginatingElement(t)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL))
            .addMethod(probe(method, input));
      }
    }
    for (Map.Entry<TypeElement, TypeSpec.Builder> probe : probes.entrySet()) {
      String pkg = processingEnv.getElementUtils().getPackageOf(probe.getKey()).getQualifiedName().toString();
      try {
        JavaFile.builder(pkg, probe.getValue().build()).build().writeTo(processingEnv.getFiler());
      } catch (IOException e) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, e.toString(), probe.getKey());
      }
    }
    return false;
  }

  /** {@code public static Type[] <method>()}: the parameters' types, built as the invoker will build them. */
  private static MethodSpec probe(ExecutableElement method, InputSchema input) {
    CodeBlock.Builder array = CodeBlock.builder().add("return new $T[] {", Type.class);
    for (int i = 0; i < input.parameters().size(); i++) {
      array.add(i == 0 ? "" : ", ").add(input.parameters().get(i).type());
    }
    return MethodSpec.methodBuilder(method.getSimpleName().toString())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(Type[].class)
        .addStatement(array.add("}").build())
        .build();
  }

  static String fileStem(ExecutableElement method) {
    TypeElement type = (TypeElement) method.getEnclosingElement();
    return type.getSimpleName() + "/" + method.getSimpleName();
  }

  private boolean structured(ExecutableElement method) {
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      if (SchemaAnnotations.nameOf(mirror).equals(MCP_TOOL)) {
        return new McpToolPrism(new AnnotationReader(processingEnv.getElementUtils(), method, mirror))
            .structuredOutput();
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
}
