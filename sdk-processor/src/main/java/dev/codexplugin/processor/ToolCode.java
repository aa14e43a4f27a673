package dev.codexplugin.processor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
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
import java.util.LinkedHashMap;
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
 * whose {@code call} calls the methods directly with the arguments the server bound from its table of parameter
 * types ({@code ToolTable}), one {@code <Plugin>McpServer} per plugin, whose {@code main} serves them, and the
 * resource {@code <Plugin>McpServer.tools} with the tools' descriptors. No reflection finds, describes or calls
 * a tool at run time.
 */
final class ToolCode {
  static final String MCP = "dev.codexplugin.mcp";
  static final ClassName TOOL_METHOD = ClassName.get(MCP, "ToolMethod");
  static final ClassName TOOL_INSTANCES = ClassName.get(MCP, "ToolInstances");
  static final ClassName TOOL_TABLE = ClassName.get(MCP, "ToolTable");
  static final ClassName TOOL_INVOKER = TOOL_TABLE.nestedClass("Invoker");
  static final ClassName TOOL_RESULT = ClassName.get(MCP, "ToolResult");
  static final ClassName SERVER_DEFINITION = ClassName.get(MCP, "ToolServerDefinition");
  static final ClassName MCP_TOOL_SERVER = ClassName.get(MCP, "McpToolServer");
  static final String GENERATED = "javax.annotation.processing.Generated";
  /** Characters per string literal: at most 3 bytes each in a class file, whose limit is 65,535. */
  static final int CHUNK = 20_000;
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]+");

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

  /** A written {@code <Class>_McpTools}: what the server class needs of it. */
  record Invoker(ClassName name, TypeElement type, TypeName held, boolean instance, List<String> descriptors) {}

  /** The type an instance of {@code type} is held as: {@code Owner<?, ...>} for a generic class. */
  static TypeName held(TypeElement type) {
    ClassName owner = ClassName.get(type);
    // Its tools cannot use the type variables (they have no schema), and a raw type would warn in the user's build.
    return type.getTypeParameters().isEmpty() ? owner : ParameterizedTypeName.get(owner,
        type.getTypeParameters().stream().map(p -> WildcardTypeName.subtypeOf(Object.class))
            .toArray(TypeName[]::new));
  }

  /** What creates an instance of {@code type}: {@code Owner::new}, or a call of the plugin's factory. */
  static CodeBlock create(TypeElement type, ExecutableElement factory) {
    ClassName owner = ClassName.get(type);
    return factory == null
        ? CodeBlock.of("$T::new", owner)
        : CodeBlock.of("() -> $T.$L($T.class)", ClassName.get((TypeElement) factory.getEnclosingElement()),
            factory.getSimpleName(), owner);
  }

  /**
   * Writes {@code <Class>_McpTools}. It is the {@code ToolTable.Invoker} of its class: {@code tools} returns
   * the table of the tools (whether each is structured, its parameter types), and {@code call} dispatches on the
   * tool's index with a {@code switch} whose cases cast the arguments the server bound and call the method.
   * The descriptors are not in the source: the server class's resource holds them (see
   * {@link #writeServer}). One lambda per tool, a descriptor constant per tool and a {@code get} call with a
   * type witness per argument made the generated code cost javac as much as the tools' own code
   * (BENCHMARKS.md, processor).
   */
  Invoker writeInvoker(TypeElement type, List<Method> methods, Diagnostics diagnostics) {
    ClassName owner = ClassName.get(type);
    ClassName invoker = invokerName(type);

    boolean needsInstance = methods.stream()
        .anyMatch(m -> !m.element().getModifiers().contains(Modifier.STATIC));
    TypeName held = held(type);
    TypeName supplier = ParameterizedTypeName.get(ClassName.get(Supplier.class), held);
    TypeSpec.Builder spec = TypeSpec.classBuilder(invoker)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(TOOL_INVOKER)
        .addOriginatingElement(type)
        .addJavadoc("The {@code @McpTool} methods of {@link $T}, as the plugin's MCP server calls them:\n"
            + "{@link #tools} lists their parameter types, {@link #call} calls tool number {@code tool} with its\n"
            + "arguments bound to them. Their descriptors are in the resource next to the server class.\n"
            + "Generated by the codexplugin annotation processor: do not edit.\n", owner);
    generated(spec);

    List<String> descriptors = new ArrayList<>();
    CodeBlock.Builder cases = CodeBlock.builder().beginControlFlow("switch (tool)");
    CodeBlock.Builder structured = CodeBlock.builder();
    CodeBlock.Builder table = CodeBlock.builder();
    Set<String> results = new HashSet<>(Set.of(invoker.simpleName()));
    List<TypeSpec> resultTypes = new ArrayList<>();
    boolean generic = false;
    for (int index = 0; index < methods.size(); index++) {
      Method method = methods.get(index);
      descriptors.add(ToolSchemas.json(method.descriptor()));
      ClassName result = null;
      if (method.wrapped()) {
        result = invoker.nestedClass(resultName(method.name(), results));
        resultTypes.add(resultType(result, method));
      }
      Statements statements = statements(owner, method, result);
      generic |= statements.generic();
      // A case that declares a local variable gets a block of its own.
      cases.add(statements.local()
          ? CodeBlock.of("case $L: {\n$>$L$<}\n", index, statements.code())
          : CodeBlock.of("case $L:\n$>$L$<", index, statements.code()));
      structured.add(index == 0 ? "$L" : ", $L", method.structured());
      table.add(index == 0 ? "{" : ",\n{");
      List<? extends javax.lang.model.element.VariableElement> declared = method.element().getParameters();
      for (int i = 0; i < declared.size(); i++) {
        ToolSchemas.ToolParameter parameter = method.parameters().get(i);
        if (i > 0) {
          table.add(", ");
        }
        if (parameter.formSchema() != null) {
          table.add("$T.form($L, $L)", TOOL_TABLE, stringLiteral(parameter.formSchema()), parameter.type());
        } else if (parameter.context() != null) {
          table.add("$T.class", TypeName.get(env.getTypeUtils().erasure(declared.get(i).asType())));
        } else {
          table.add(parameter.type());
        }
      }
      table.add("}");
    }
    cases.add("default:\n$>throw new $T(tool);\n$<", AssertionError.class).endControlFlow();

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE);
    MethodSpec.Builder tools = MethodSpec.methodBuilder("tools")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(TOOL_TABLE)
        .addJavadoc("The tools, in declaration order: whether each answers with structured content, and its"
            + " parameter types.\n");
    if (needsInstance) {
      spec.addField(supplier, "instance", Modifier.PRIVATE, Modifier.FINAL);
      constructor.addParameter(supplier, "instance").addStatement("this.instance = instance");
      tools.addParameter(supplier, "instance")
          .addJavadoc("\n@param instance the instance the tools are called on, shared with the class's other MCP"
              + " methods\n")
          .addStatement("return new $T(new $T(instance),\nnew boolean[] {$L},\nnew $T[][] {\n$>$>$L$<$<\n})",
              TOOL_TABLE, invoker, structured.build(), java.lang.reflect.Type.class, table.build());
    } else {
      tools.addStatement("return new $T(new $T(),\nnew boolean[] {$L},\nnew $T[][] {\n$>$>$L$<$<\n})",
          TOOL_TABLE, invoker, structured.build(), java.lang.reflect.Type.class, table.build());
    }
    spec.addMethod(constructor.build());
    spec.addMethod(tools.build());
    MethodSpec.Builder call = MethodSpec.methodBuilder("call")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(Object.class)
        .addParameter(TypeName.INT, "tool")
        .addParameter(ArrayTypeName.of(Object.class), "a")
        .addException(Exception.class)
        .addJavadoc("Calls tool number {@code tool} with {@code a}, its arguments bound to its parameter types.\n")
        .addCode(cases.build());
    if (generic) {
      call.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked")
          .build());
    }
    spec.addMethod(call.build());
    resultTypes.forEach(spec::addType);
    write(JavaFile.builder(owner.packageName(), spec.build()).skipJavaLangImports(true).build(), type,
        diagnostics);
    return new Invoker(invoker, type, held, needsInstance, List.copyOf(descriptors));
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

  /**
   * The statements of one tool's case, whether they declare a local variable, and whether they cast to a
   * generic type (an unchecked cast).
   */
  private record Statements(CodeBlock code, boolean local, boolean generic) {}

  /**
   * The statements that call a tool and return its result: the value, {@code null} for {@code void}, or, when
   * the structured result is wrapped in {@code result}, the value in that record; when such a value may be
   * absent (an empty {@code Optional}, a {@code null} from a {@code @Nullable} method), an empty object
   * without {@code result}, as the output schema allows.
   */
  private Statements statements(ClassName owner, Method method, ClassName result) {
    boolean[] generic = new boolean[1];
    CodeBlock call = call(owner, method, generic);
    TypeMirror returns = method.element().getReturnType();
    if (result == null && ContextTypes.result(returns) == ContextTypes.Result.CONTENT_LIST) {
      return new Statements(CodeBlock.of("return $T.of($L);\n", TOOL_RESULT, call), false, generic[0]);
    }
    if (result == null) {
      return ToolRound.isVoid(returns)
          ? new Statements(CodeBlock.of("$L;\nreturn null;\n", call), false, generic[0])
          : new Statements(CodeBlock.of("return $L;\n", call), false, generic[0]);
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
          TypeName.get(returns), call, result, get, Map.class), true, generic[0]);
    }
    if (method.mayBeAbsent() && !returns.getKind().isPrimitive()) {
      return new Statements(CodeBlock.of("$T value = $L;\nreturn value == null ? $T.of() : new $T(value);\n",
          TypeName.get(returns), call, Map.class, result), true, generic[0]);
    }
    return new Statements(CodeBlock.of("return new $T($L);\n", result, call), false, generic[0]);
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

  /**
   * The call of one tool method with its arguments: {@code a[i]} cast to parameter {@code i}'s type (a primitive
   * unboxes). Sets {@code generic[0]} when a cast is to a parameterized type.
   */
  private static CodeBlock call(ClassName owner, Method method, boolean[] generic) {
    ExecutableElement element = method.element();
    CodeBlock.Builder code = CodeBlock.builder();
    code.add(element.getModifiers().contains(Modifier.STATIC) ? "$T.$L(" : "instance.get().$L(",
        element.getModifiers().contains(Modifier.STATIC) ? new Object[] {owner, element.getSimpleName()}
            : new Object[] {element.getSimpleName()});
    List<? extends javax.lang.model.element.VariableElement> declared = element.getParameters();
    for (int i = 0; i < declared.size(); i++) {
      TypeMirror type = declared.get(i).asType();
      generic[0] |= isParameterized(type);
      code.add(i == 0 ? "($T) a[$L]" : ", ($T) a[$L]", TypeName.get(type), i);
    }
    return code.add(")").build();
  }

  /** Whether a cast to {@code type} is unchecked: it has type arguments, or is an array of such a type. */
  private static boolean isParameterized(TypeMirror type) {
    if (type instanceof javax.lang.model.type.ArrayType array) {
      return isParameterized(array.getComponentType());
    }
    return type instanceof DeclaredType declared && (!declared.getTypeArguments().isEmpty()
        || declared.getEnclosingType() instanceof DeclaredType outer && isParameterized(outer));
  }

  /**
   * Writes {@code <Plugin>McpServer}, whose class name the caller checked to be free, and its resource
   * {@code <Plugin>McpServer.tools} next to it: the descriptors of the tools of {@code invokers}, in order, one
   * compact JSON per line, exactly as {@code tools/list} serves them ({@code ToolTable.methods} reads it when the
   * server starts). The server creates one lazy instance per class that needs one and hands it to both the
   * class's tools and its resources, prompts and completions, so a class (or the plugin's factory for it) is
   * created at most once per server.
   */
  void writeServer(PluginDecl plugin, String pluginName, String serverName, String version,
      List<Invoker> invokers, ExecutableElement factory, List<Element> originating,
      List<ResourceCode.Written> features, Diagnostics diagnostics) {
    ClassName server = serverClassName(plugin, pluginName);
    Map<TypeElement, String> instances = new LinkedHashMap<>();
    Map<TypeElement, TypeName> heldTypes = new LinkedHashMap<>();
    Set<String> fieldNames = new HashSet<>();
    for (Invoker invoker : invokers) {
      if (invoker.instance()) {
        instances.put(invoker.type(), instanceField(invoker.type(), fieldNames));
        heldTypes.put(invoker.type(), invoker.held());
      }
    }
    for (ResourceCode.Written written : features) {
      if (written.instance() && !instances.containsKey(written.type())) {
        instances.put(written.type(), instanceField(written.type(), fieldNames));
        heldTypes.put(written.type(), written.held());
      }
    }
    CodeBlock.Builder tables = CodeBlock.builder();
    for (Invoker invoker : invokers) {
      tables.add(",\n$T.tools($L)", invoker.name(), invoker.instance() ? instances.get(invoker.type()) : "");
    }
    TypeSpec.Builder spec = TypeSpec.classBuilder(server)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(SERVER_DEFINITION)
        .addOriginatingElement(plugin.element())
        .addJavadoc("The MCP server of plugin {@code $L}: serves its {@code @McpTool} methods over stdio.\n"
            + "Codex starts it from the plugin folder as {@code java -cp \"lib/*\" $L}.\n"
            + "The tools' descriptors are in the resource {@code $L.tools} next to this class.\n"
            + "Generated by the codexplugin annotation processor: do not edit.\n", pluginName,
            server.canonicalName(), server.simpleName());
    for (Map.Entry<TypeElement, String> instance : instances.entrySet()) {
      spec.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(Supplier.class),
              heldTypes.get(instance.getKey())), instance.getValue(), Modifier.PRIVATE, Modifier.FINAL)
          .addJavadoc("{@link $T}, created once, on the first call of one of its methods.\n",
              ClassName.get(instance.getKey()))
          .initializer("$T.lazy($L)", TOOL_INSTANCES, create(instance.getKey(), factory))
          .build());
    }
    spec.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
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
            .addStatement("return $T.methods($T.class,\n$T.class.getResourceAsStream($S)$L)", TOOL_TABLE, server,
                server, server.simpleName() + ".tools", tables.build()).build());
    originating.forEach(spec::addOriginatingElement);
    ResourceCode.addToServer(spec, features, instances);
    generated(spec);
    write(JavaFile.builder(server.packageName(), spec.build()).skipJavaLangImports(true).build(), plugin.element(),
        diagnostics);
    StringBuilder lines = new StringBuilder();
    for (Invoker invoker : invokers) {
      invoker.descriptors().forEach(d -> lines.append(d).append('\n'));
    }
    List<Element> elements = new ArrayList<>(originating);
    elements.add(0, plugin.element());
    try (java.io.Writer out = new java.io.OutputStreamWriter(env.getFiler().createResource(
        javax.tools.StandardLocation.CLASS_OUTPUT, server.packageName(), server.simpleName() + ".tools",
        elements.toArray(new Element[0])).openOutputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
      out.write(lines.toString());
    } catch (IOException | RuntimeException e) {
      diagnostics.problem(FindingCode.IO, Origin.at(plugin.element(), "@McpTool: the class output"))
          .found(e + " while writing the resource " + server.packageName().replace('.', '/') + "/"
              + server.simpleName() + ".tools")
          .fix("run a clean build").report();
    }
  }

  /** {@code accountsInstance} for {@code Accounts}, {@code accountsAuditInstance} for {@code Accounts.Audit}. */
  private static String instanceField(TypeElement type, Set<String> used) {
    String joined = String.join("", ClassName.get(type).simpleNames());
    String base = Character.toLowerCase(joined.charAt(0)) + joined.substring(1) + "Instance";
    String name = base;
    for (int i = 2; !used.add(name); i++) {
      name = base + i;
    }
    return name;
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
