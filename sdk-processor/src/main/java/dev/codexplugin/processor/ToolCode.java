package dev.codexplugin.processor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.codexplugin.processor.Declarations.PluginDecl;
import dev.codexplugin.runtime.FindingCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;

/**
 * Writes the Java sources of the tools (JavaPoet): one {@code <Class>_McpTools} per tool class, next to it,
 * whose {@code call} calls the methods directly with arguments bound into their declared types, and one
 * {@code <Plugin>McpServer} per plugin, whose {@code main} serves them. No reflection finds, describes or calls a
 * tool at run time.
 */
final class ToolCode {
  static final String MCP = "dev.codexplugin.mcp";
  static final ClassName TOOL_METHOD = ClassName.get(MCP, "ToolMethod");
  static final ClassName TOOL_INSTANCES = ClassName.get(MCP, "ToolInstances");
  static final ClassName TOOL_CALL = ClassName.get(MCP, "ToolCall");
  static final ClassName TOOL_ARGUMENTS = ClassName.get(MCP, "ToolArguments");
  static final ClassName TOOL_RESULT = ClassName.get(MCP, "ToolResult");
  static final ClassName SERVER_DEFINITION = ClassName.get(MCP, "ToolServerDefinition");
  static final ClassName MCP_TOOL_SERVER = ClassName.get(MCP, "McpToolServer");
  static final String GENERATED = "javax.annotation.processing.Generated";
  /** Characters per string literal: at most 3 bytes each in a class file, whose limit is 65,535. */
  static final int CHUNK = 20_000;
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]+");
  private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

  /** One checked tool method and what its invoker needs. */
  record Method(ExecutableElement element, String name, ObjectNode descriptor, boolean structured, boolean wrapped,
      boolean mayBeAbsent, List<ToolSchemas.ToolParameter> parameters) {}

  private final ProcessingEnvironment env;
  private final Elements elements;

  ToolCode(ProcessingEnvironment env) {
    this.env = env;
    this.elements = env.getElementUtils();
  }

  /** The name of the server class of a plugin: {@code <PluginName>McpServer} in the package of the plugin. */
  static ClassName serverClassName(PluginDecl plugin, String pluginName) {
    return ClassName.get(plugin.scope(), pascal(pluginName) + "McpServer");
  }

  /** The invoker of a tool class: {@code <Class>_McpTools} next to it, {@code Outer_Inner_McpTools} for a nested one. */
  static ClassName invokerName(TypeElement type) {
    ClassName owner = ClassName.get(type);
    return ClassName.get(owner.packageName(), String.join("_", owner.simpleNames()) + "_McpTools");
  }

  /**
   * Writes {@code <Class>_McpTools}; returns its name. It is its own {@link ToolCall}: {@code tools()} makes one
   * instance per tool, holding the tool's index, and {@code call} dispatches on it with a {@code switch}. One
   * lambda per tool did the same, but javac attributes, desugars and links each lambda on its own: with the
   * switch the generated code costs javac about a quarter less (BENCHMARKS.md, processor), and, the class being
   * its own {@code ToolCall}, no nested class is needed.
   */
  ClassName writeInvoker(TypeElement type, List<Method> methods, ExecutableElement factory, Diagnostics diagnostics) {
    ClassName owner = ClassName.get(type);
    ClassName invoker = invokerName(type);

    boolean needsInstance = methods.stream()
        .anyMatch(m -> !m.element().getModifiers().contains(Modifier.STATIC));
    // A generic tool class is held as Owner<?, ...>: its tools cannot use the type variables (they have no
    // schema), and a raw type would warn in the user's build.
    TypeName held = type.getTypeParameters().isEmpty() ? owner : ParameterizedTypeName.get(owner,
        type.getTypeParameters().stream().map(p -> WildcardTypeName.subtypeOf(Object.class))
            .toArray(TypeName[]::new));
    TypeName supplier = ParameterizedTypeName.get(ClassName.get(Supplier.class), held);
    CodeBlock.Builder body = CodeBlock.builder();
    if (needsInstance) {
      CodeBlock create = factory == null
          ? CodeBlock.of("$T::new", owner)
          : CodeBlock.of("() -> $T.$L($T.class)", ClassName.get((TypeElement) factory.getEnclosingElement()),
              factory.getSimpleName(), owner);
      body.addStatement("$T instance = $T.lazy($L)", supplier, TOOL_INSTANCES, create);
    }
    TypeSpec.Builder spec = TypeSpec.classBuilder(invoker)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(TOOL_CALL)
        .addOriginatingElement(type)
        .addJavadoc("The {@code @McpTool} methods of {@link $T}, as the plugin's MCP server calls them.\n"
            + "One instance per tool: {@link #call} calls tool number {@code tool} of {@link #tools()}.\n"
            + "Generated by the codexplugin annotation processor: do not edit.\n", owner);
    generated(spec);

    List<CodeBlock> entries = new ArrayList<>();
    CodeBlock.Builder cases = CodeBlock.builder().beginControlFlow("switch (tool)");
    Set<String> constants = new HashSet<>();
    Set<String> results = new HashSet<>(Set.of(invoker.simpleName()));
    List<TypeSpec> resultTypes = new ArrayList<>();
    for (int index = 0; index < methods.size(); index++) {
      Method method = methods.get(index);
      String constant = constant(method.name(), constants);
      spec.addField(com.palantir.javapoet.FieldSpec.builder(String.class, constant, Modifier.PRIVATE,
              Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The descriptor of tool {@code $L}, as {@code tools/list} returns it.\n", method.name())
          .initializer(literal(ToolSchemas.json(method.descriptor())))
          .build());
      ClassName result = null;
      if (method.wrapped()) {
        result = invoker.nestedClass(resultName(method.name(), results));
        resultTypes.add(resultType(result, method));
      }
      Statements statements = statements(owner, method, result);
      // A case that declares a local variable gets a block of its own.
      cases.add(statements.local()
          ? CodeBlock.of("case $L: {\n$>$L$<}\n", index, statements.code())
          : CodeBlock.of("case $L:\n$>$L$<", index, statements.code()));
      entries.add(CodeBlock.of("new $T($S, $L, $L, new $T($L))", TOOL_METHOD, method.name(), constant,
          method.structured(), invoker, needsInstance ? index + ", instance" : index));
    }
    cases.add("default:\n$>throw new $T(tool);\n$<", AssertionError.class).endControlFlow();
    body.add("return $T.of(\n$>$L$<);\n", List.class, CodeBlock.join(entries, ",\n"));

    spec.addField(TypeName.INT, "tool", Modifier.PRIVATE, Modifier.FINAL);
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
        .addParameter(TypeName.INT, "tool")
        .addStatement("this.tool = tool");
    if (needsInstance) {
      spec.addField(supplier, "instance", Modifier.PRIVATE, Modifier.FINAL);
      constructor.addParameter(supplier, "instance").addStatement("this.instance = instance");
    }
    spec.addMethod(constructor.build());
    spec.addMethod(MethodSpec.methodBuilder("tools")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), TOOL_METHOD))
        .addJavadoc(needsInstance
            ? "The tools, in declaration order; the tool class is created once, on the first call of one.\n"
            : "The tools, in declaration order.\n")
        .addCode(body.build())
        .build());
    spec.addMethod(MethodSpec.methodBuilder("call")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(Object.class)
        .addParameter(TOOL_ARGUMENTS, "arguments")
        .addException(Exception.class)
        .addJavadoc("Calls the tool with its arguments bound to its parameter types.\n")
        .addCode(cases.build())
        .build());
    resultTypes.forEach(spec::addType);
    write(JavaFile.builder(owner.packageName(), spec.build()).skipJavaLangImports(true).build(), type,
        diagnostics);
    return invoker;
  }

  /**
   * The record a wrapped structured result is returned in, {@code {"result": value}}: the server writes it with
   * Jackson as it is, and the value keeps its declared type (so a sealed type inside keeps its type id).
   */
  private static TypeSpec resultType(ClassName name, Method method) {
    return TypeSpec.recordBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The structured result of tool {@code $L}: {@code {\"result\": value}}, as its output schema"
            + " says.\n", method.name())
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(resultValueType(method.element().getReturnType()), "result")
            .build())
        .build();
  }

  /** The type of the value under {@code "result"}: the return type, or what its {@code Optional} holds. */
  private static TypeName resultValueType(TypeMirror returns) {
    switch (optionalKind(returns)) {
      case "java.util.OptionalInt":
        return TypeName.INT;
      case "java.util.OptionalLong":
        return TypeName.LONG;
      case "java.util.OptionalDouble":
        return TypeName.DOUBLE;
      case "java.util.Optional":
        List<? extends TypeMirror> arguments = ((DeclaredType) returns).getTypeArguments();
        TypeMirror held = arguments.isEmpty() ? null : arguments.get(0);
        if (held instanceof WildcardType wildcard) {
          held = wildcard.getExtendsBound();
        }
        return held == null ? ClassName.OBJECT : TypeName.get(held);
      default:
        return TypeName.get(returns);
    }
  }

  /** {@code java.util.Optional}, {@code java.util.OptionalInt}, ... or the empty string. */
  private static String optionalKind(TypeMirror type) {
    if (type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element) {
      String name = element.getQualifiedName().toString();
      if (name.equals("java.util.Optional") || name.equals("java.util.OptionalInt")
          || name.equals("java.util.OptionalLong") || name.equals("java.util.OptionalDouble")) {
        return name;
      }
    }
    return "";
  }

  /** The statements of one tool's case, and whether they declare a local variable. */
  private record Statements(CodeBlock code, boolean local) {}

  /**
   * The statements that call a tool and return its result: the value, {@code null} for {@code void}, or, when
   * the structured result is wrapped in {@code result}, the value in that record; when such a value may be
   * absent (an empty {@code Optional}, a {@code null} from a {@code @Nullable} method), an empty object
   * without {@code result}, as the output schema allows.
   */
  private Statements statements(ClassName owner, Method method, ClassName result) {
    CodeBlock call = call(owner, method);
    TypeMirror returns = method.element().getReturnType();
    if (result == null && ContextTypes.result(returns) == ContextTypes.Result.CONTENT_LIST) {
      return new Statements(CodeBlock.of("return $T.of($L);\n", TOOL_RESULT, call), false);
    }
    if (result == null) {
      return ToolRound.isVoid(returns)
          ? new Statements(CodeBlock.of("$L;\nreturn null;\n", call), false)
          : new Statements(CodeBlock.of("return $L;\n", call), false);
    }
    String optional = optionalKind(returns);
    if (!optional.isEmpty()) {
      String get = switch (optional) {
        case "java.util.OptionalInt" -> "getAsInt";
        case "java.util.OptionalLong" -> "getAsLong";
        case "java.util.OptionalDouble" -> "getAsDouble";
        default -> "get";
      };
      return new Statements(CodeBlock.of("$T value = $L;\nreturn value.isPresent() ? new $T(value.$L()) : $T.of();\n",
          TypeName.get(returns), call, result, get, Map.class), true);
    }
    if (method.mayBeAbsent() && !returns.getKind().isPrimitive()) {
      return new Statements(CodeBlock.of("$T value = $L;\nreturn value == null ? $T.of() : new $T(value);\n",
          TypeName.get(returns), call, Map.class, result), true);
    }
    return new Statements(CodeBlock.of("return new $T($L);\n", result, call), false);
  }

  /** {@code journal.note} becomes {@code JournalNoteResult}, unique among {@code used}. */
  private static String resultName(String toolName, Set<String> used) {
    StringBuilder base = new StringBuilder();
    for (String part : NOT_ALPHANUMERIC.split(toolName)) {
      if (!part.isEmpty()) {
        base.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    if (base.length() == 0 || Character.isDigit(base.charAt(0))) {
      base.insert(0, "Tool");
    }
    base.append("Result");
    String name = base.toString();
    for (int i = 2; !used.add(name); i++) {
      name = base + "" + i;
    }
    return name;
  }

  /** The call of one tool method with its bound arguments. */
  private CodeBlock call(ClassName owner, Method method) {
    ExecutableElement element = method.element();
    List<CodeBlock> arguments = new ArrayList<>();
    List<? extends javax.lang.model.element.VariableElement> declared = element.getParameters();
    for (int i = 0; i < declared.size(); i++) {
      ToolSchemas.ToolParameter parameter = method.parameters().get(i);
      if (parameter.formSchema() != null) {
        arguments.add(CodeBlock.of("arguments.context().elicitation().form($L, $L)",
            stringLiteral(parameter.formSchema()), parameter.type()));
        continue;
      }
      if (parameter.context() != null) {
        arguments.add(parameter.context().isEmpty() ? CodeBlock.of("arguments.context()")
            : CodeBlock.of("arguments.context().$L()", parameter.context()));
        continue;
      }
      TypeMirror type = declared.get(i).asType();
      TypeName witness = TypeName.get(type).box();
      arguments.add(parameter.defaultJson() == null
          ? CodeBlock.of("arguments.<$T>get($S, $L)", witness, parameter.name(), parameter.type())
          : CodeBlock.of("arguments.<$T>get($S, $L, $S)", witness, parameter.name(), parameter.type(),
              parameter.defaultJson()));
    }
    CodeBlock target = element.getModifiers().contains(Modifier.STATIC)
        ? CodeBlock.of("$T", owner) : CodeBlock.of("instance.get()");
    CodeBlock args = arguments.isEmpty() ? CodeBlock.of("")
        : CodeBlock.of("\n$>$>$L$<$<", CodeBlock.join(arguments, ",\n"));
    return CodeBlock.of("$L.$L($L)", target, element.getSimpleName(), args);
  }

  /** Writes {@code <Plugin>McpServer}, whose class name the caller checked to be free. */
  void writeServer(PluginDecl plugin, String pluginName, String serverName, String version,
      List<ClassName> invokers, List<Element> originating, Diagnostics diagnostics) {
    ClassName server = serverClassName(plugin, pluginName);
    CodeBlock.Builder tools = CodeBlock.builder()
        .addStatement("$T<$T> tools = new $T<>()", List.class, TOOL_METHOD, ArrayList.class);
    for (ClassName invoker : invokers) {
      tools.addStatement("tools.addAll($T.tools())", invoker);
    }
    tools.addStatement("return $T.copyOf(tools)", List.class);
    TypeSpec.Builder spec = TypeSpec.classBuilder(server)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(SERVER_DEFINITION)
        .addOriginatingElement(plugin.element())
        .addJavadoc("The MCP server of plugin {@code $L}: serves its {@code @McpTool} methods over stdio.\n"
            + "Codex starts it from the plugin folder as {@code java -cp \"lib/*\" $L}.\n"
            + "Generated by the codexplugin annotation processor: do not edit.\n", pluginName,
            server.canonicalName())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("Creates the definition; {@link #main} serves it.\n").build())
        .addMethod(MethodSpec.methodBuilder("main")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(String[].class, "args")
            .addJavadoc("Serves the tools on stdin and stdout until the client closes stdin.\n")
            .addStatement("$T.serve(new $T())", MCP_TOOL_SERVER, server)
            .build())
        .addMethod(MethodSpec.methodBuilder("serverName")
            .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(String.class)
            .addStatement("return $S", serverName).build())
        .addMethod(MethodSpec.methodBuilder("version")
            .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(String.class)
            .addStatement("return $S", version).build())
        .addMethod(MethodSpec.methodBuilder("tools")
            .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(List.class), TOOL_METHOD))
            .addCode(tools.build()).build());
    originating.forEach(spec::addOriginatingElement);
    generated(spec);
    write(JavaFile.builder(server.packageName(), spec.build()).skipJavaLangImports(true).build(), plugin.element(),
        diagnostics);
  }

  private void generated(TypeSpec.Builder spec) {
    if (elements.getTypeElement(GENERATED) != null) {
      spec.addAnnotation(AnnotationSpec.builder(ClassName.bestGuess(GENERATED))
          .addMember("value", "$S", CodexPluginProcessor.class.getName()).build());
    }
  }

  private void write(JavaFile file, Element element, Diagnostics diagnostics) {
    try {
      file.writeTo(env.getFiler());
    } catch (IOException | RuntimeException e) {
      diagnostics.problem(FindingCode.IO, Origin.at(element, "@McpTool: the source output"))
          .found(e + " while writing the generated source " + file.packageName() + "." + file.typeSpec().name())
          .fix("run a clean build").report();
    }
  }

  /** A string literal of {@code text}; past {@link #CHUNK} characters, joined at run time from pieces. */
  static CodeBlock literal(String text) {
    if (text.length() <= CHUNK) {
      return stringLiteral(text);
    }
    List<CodeBlock> pieces = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = Math.min(text.length(), start + CHUNK);
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      pieces.add(stringLiteral(text.substring(start, end)));
      start = end;
    }
    return CodeBlock.of("$T.join(\"\",\n$>$L$<)", String.class, CodeBlock.join(pieces, ",\n"));
  }

  /**
   * {@code CodeBlock.of("$S", text)}, the same text escaped here in one pass: JavaPoet escapes a {@code $S}
   * character by character, twice per file (it emits every file twice, once to collect its imports), which was
   * a tenth of the processor's time with a thousand descriptors. A text with a line feed (never a descriptor:
   * JSON escapes it) is left to JavaPoet, which breaks the literal into lines.
   */
  static CodeBlock stringLiteral(String text) {
    if (text.indexOf('\n') >= 0) {
      return CodeBlock.of("$S", text);
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int escape = JAVA_ESCAPES.indexOf(c);
      if (escape >= 0) {
        out.append('\\').append(JAVA_ESCAPED.charAt(escape));
      } else if (Character.isISOControl(c)) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return CodeBlock.of("$L", out.append('"').toString());
  }

  /** The characters a Java string literal escapes with a letter, and those letters, as JavaPoet writes them. */
  private static final String JAVA_ESCAPES = "\"\\\b\t\f\r";
  private static final String JAVA_ESCAPED = "\"\\btfr";

  private static String constant(String toolName, Set<String> used) {
    String base = NOT_ALPHANUMERIC.matcher(CAMEL_HUMP.matcher(toolName).replaceAll("$1_$2")).replaceAll("_")
        .toUpperCase(Locale.ROOT) + "_DESCRIPTOR";
    if (Character.isDigit(base.charAt(0))) {
      base = "TOOL_" + base;
    }
    String name = base;
    for (int i = 2; !used.add(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  /** {@code release-tools} becomes {@code ReleaseTools}. */
  static String pascal(String kebab) {
    StringBuilder out = new StringBuilder();
    for (String part : NOT_ALPHANUMERIC.split(kebab)) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
      out.insert(0, "Plugin");
    }
    return out.toString();
  }
}
