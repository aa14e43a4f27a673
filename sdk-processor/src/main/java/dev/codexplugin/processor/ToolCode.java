package dev.codexplugin.processor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.AnnotationSpec;
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
import java.util.HashMap;
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
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Writes the Java sources of the tools: one {@code <Plugin>_McpTools} per package of a plugin's tool classes
 * (as text), whose {@code call} calls the methods directly with the arguments the server bound from its table of
 * parameter types ({@code ToolTable}), one {@code <Plugin>McpServer} per plugin (JavaPoet), whose {@code main}
 * serves them, and the resource {@code <Plugin>McpServer.tools} with the tools' descriptors. No reflection finds,
 * describes or calls a tool at run time.
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
  /**
   * Tools per method of a dispatcher: past it, {@code call} and the table are split into methods of this many
   * tools each, since a method's bytecode may not exceed 64 KiB (a thousand one-line tools took 36 KiB in
   * {@code call} and 33 KiB in {@code tools}).
   */
  static final int TOOLS_PER_METHOD = 256;
  /**
   * Classes that need an instance, past which a dispatcher takes their instances as one array
   * ({@code Supplier<?>...}, each cast where it is called) instead of one parameter each: a method has at most
   * 255 parameter slots.
   */
  static final int TYPED_INSTANCES = 200;
  /** Characters per string literal: at most 3 bytes each in a class file, whose limit is 65,535. */
  static final int CHUNK = 20_000;
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]+");

  /** One checked tool method and what its invoker needs. */
  record Method(ExecutableElement element, String name, ObjectNode descriptor, boolean structured, boolean wrapped,
      boolean mayBeAbsent, List<ToolSchemas.ToolParameter> parameters) {}

  private final ProcessingEnvironment env;
  /** Whether {@code javax.annotation.processing.Generated} exists: looked up once per processor run. */
  private final boolean generatedAnnotation;

  ToolCode(ProcessingEnvironment env, boolean generatedAnnotation) {
    this.env = env;
    this.generatedAnnotation = generatedAnnotation;
  }

  /** The name of the server class of a plugin: {@code <PluginName>McpServer} in the package of the plugin. */
  static ClassName serverClassName(PluginDecl plugin, String pluginName) {
    return ClassName.get(plugin.scope(), pascal(pluginName) + "McpServer");
  }

  /**
   * The dispatcher of the tools of a plugin in one package: {@code <Plugin>_McpTools} in that package (one per
   * package, since only code of a package may call its package-private classes and methods).
   */
  static String dispatcherName(String pluginName, String packageName) {
    String simple = pascal(pluginName) + "_McpTools";
    return packageName.isEmpty() ? simple : packageName + "." + simple;
  }

  /**
   * A written {@code <Plugin>_McpTools}: what the server class needs of it.
   *
   * @param name its qualified name
   * @param instances the classes whose instance its {@code tools} takes, in the order of its parameters
   * @param descriptors the descriptors of its tools, in the order of its table
   */
  record Dispatcher(String name, List<TypeElement> instances, List<String> descriptors) {}

  /** The type an instance of {@code type} is held as: {@code Owner<?, ...>} for a generic class. */
  static TypeName held(TypeElement type) {
    ClassName owner = ClassName.get(type);
    // Its tools cannot use the type variables (they have no schema), and a raw type would warn in the user's build.
    return type.getTypeParameters().isEmpty() ? owner : ParameterizedTypeName.get(owner,
        type.getTypeParameters().stream().map(p -> WildcardTypeName.subtypeOf(Object.class))
            .toArray(TypeName[]::new));
  }

  /** {@link #held} as source text, with qualified names. */
  private static String heldText(TypeElement type) {
    StringBuilder out = new StringBuilder(type.getQualifiedName());
    for (int i = 0; i < type.getTypeParameters().size(); i++) {
      out.append(i == 0 ? "<?" : ", ?");
    }
    return type.getTypeParameters().isEmpty() ? out.toString() : out.append('>').toString();
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
   * Writes {@code <Plugin>_McpTools} for the tool classes {@code classes} of a plugin in package
   * {@code packageName}, as text (no JavaPoet: it was half of the processor's time with a thousand tools), with
   * qualified names throughout, so that it needs no imports and no name of the package can hide another. It is
   * the {@code ToolTable.Invoker} of all of them: {@code tools} returns the table of their tools (whether each
   * is structured, its parameter types), and {@code call} dispatches on the tool's index with one
   * {@code switch} whose cases cast the arguments the server bound and call the method. {@code tools} takes
   * the instance of each class that needs one from the server, which shares it with the class's resources,
   * prompts and completions. The descriptors are not in the source: the server class's resource holds them (see
   * {@link #writeServer}). Every class of {@code classes} and the plugin are its originating elements.
   */
  Dispatcher writeDispatcher(PluginDecl plugin, String pluginName, String packageName,
      Map<TypeElement, List<Method>> classes, Diagnostics diagnostics) {
    String name = dispatcherName(pluginName, packageName);
    String simple = name.substring(name.lastIndexOf('.') + 1);
    String server = serverClassName(plugin, pluginName).canonicalName();

    List<TypeElement> instances = new ArrayList<>();
    Map<TypeElement, String> fieldOf = new LinkedHashMap<>();
    Set<String> fieldNames = new HashSet<>();
    for (var entry : classes.entrySet()) {
      if (entry.getValue().stream().anyMatch(m -> !m.element().getModifiers().contains(Modifier.STATIC))) {
        instances.add(entry.getKey());
        fieldOf.put(entry.getKey(), instanceField(entry.getKey(), fieldNames));
      }
    }
    boolean array = instances.size() > TYPED_INSTANCES;
    Map<TypeElement, String> receiverOf = new HashMap<>();
    for (int i = 0; i < instances.size(); i++) {
      TypeElement type = instances.get(i);
      receiverOf.put(type, array ? "((" + heldText(type) + ") instances[" + i + "].get())"
          : fieldOf.get(type) + ".get()");
    }
    List<String> descriptors = new ArrayList<>();
    List<String> cases = new ArrayList<>();
    List<String> structured = new ArrayList<>();
    List<Boolean> unchecked = new ArrayList<>();
    List<String> rows = new ArrayList<>();
    StringBuilder records = new StringBuilder();
    StringBuilder ranges = new StringBuilder();
    Set<String> results = new HashSet<>(Set.of(simple));
    int index = 0;
    int total = classes.values().stream().mapToInt(List::size).sum();
    for (var entry : classes.entrySet()) {
      TypeElement type = entry.getKey();
      String owner = type.getQualifiedName().toString();
      List<Method> methods = entry.getValue();
      ranges.append(ranges.length() == 0 ? " * <p>" : "\n * ")
          .append(methods.size() == 1 ? "Tool " + index + " is the method"
              : "Tools " + index + "-" + (index + methods.size() - 1) + " are the methods")
          .append(" of {@code ").append(owner).append("}.");
      String heading = (index == 0 ? "" : "\n") + "            // " + owner + "\n";
      for (Method method : methods) {
        descriptors.add(ToolSchemas.json(method.descriptor()));
        String result = null;
        if (method.wrapped()) {
          result = resultName(method.name(), results);
          records.append("\n  /**\n   * The structured result of tool {@code ").append(method.name())
              .append("}: {@code {\"result\": value}}, as its output schema says.\n   */\n  public record ")
              .append(result).append('(').append(resultValueType(method.element().getReturnType()))
              .append(" result) {\n  }\n");
        }
        boolean[] cast = new boolean[1];
        String call = call(owner, receiverOf.get(type), method, cast);
        unchecked.add(cast[0]);
        StringBuilder one = new StringBuilder("      case ").append(index).append(':');
        statements(one, call, method, result);
        cases.add(one.toString());
        structured.add(String.valueOf(method.structured()));
        List<String> row = new ArrayList<>();
        List<? extends VariableElement> declared = method.element().getParameters();
        for (int i = 0; i < declared.size(); i++) {
          ToolSchemas.ToolParameter parameter = method.parameters().get(i);
          TypeMirror declaredType = declared.get(i).asType();
          StringBuilder cell = new StringBuilder();
          if (parameter.formSchema() != null) {
            cell.append(TOOL_TABLE.canonicalName()).append(".form(").append(quoted(parameter.formSchema()))
                .append(", ");
            ReflectTypeCode.text(((DeclaredType) declaredType).getTypeArguments().get(0), cell);
            cell.append(')');
          } else if (parameter.context() != null) {
            cell.append(source(env.getTypeUtils().erasure(declaredType))).append(".class");
          } else {
            ReflectTypeCode.text(declaredType, cell);
          }
          row.add(cell.toString());
        }
        rows.add((method == methods.get(0) ? heading : "") + "            {" + wrapped(row, 13, "                ")
            + "}");
        index++;
      }
    }
    String instanceParameters = wrapped(instances.stream()
        .map(t -> "java.util.function.Supplier<" + heldText(t) + "> " + fieldOf.get(t)).toList(),
        54 + simple.length(), "      ");
    String instanceArguments = String.join(", ", fieldOf.values());
    if (array) {
      instanceParameters = "java.util.function.Supplier<?>... instances";
      instanceArguments = "instances";
    }

    StringBuilder out = new StringBuilder(4096 + 128 * total + records.length());
    if (!packageName.isEmpty()) {
      out.append("package ").append(packageName).append(";\n\n");
    }
    out.append("/**\n * The {@code @McpTool} methods of plugin {@code ").append(pluginName).append("} in ")
        .append(packageName.isEmpty() ? "the unnamed package" : "package {@code " + packageName + "}")
        .append(",\n * as its MCP server {@code ").append(server).append("} calls them:\n * {@link #tools} lists"
            + " their parameter types, {@link #call} calls tool number {@code tool} with its\n * arguments bound to"
            + " them. The plugin has one such class in each package of its tool classes, since\n * only code of a"
            + " package may call its package-private classes and methods. The tools' descriptors\n * are in the"
            + " resource next to the server class.\n * Generated by the codexplugin annotation processor: do not"
            + " edit.\n *\n")
        .append(ranges).append("\n */\n");
    if (generatedAnnotation) {
      out.append("@").append(GENERATED).append("(\"").append(CodexPluginProcessor.class.getName()).append("\")\n");
    }
    out.append("public final class ").append(simple).append(" implements ").append(TOOL_TABLE.canonicalName())
        .append(".Invoker {\n");
    if (array) {
      out.append("  /** The instances of the classes {@link #tools} names, in its order. */\n"
          + "  private final java.util.function.Supplier<?>[] instances;\n\n  private ").append(simple)
          .append("(java.util.function.Supplier<?>[] instances) {\n    this.instances = instances;\n");
    } else {
      for (TypeElement type : instances) {
        out.append("  private final java.util.function.Supplier<").append(heldText(type)).append("> ")
            .append(fieldOf.get(type)).append(";\n");
      }
      if (!instances.isEmpty()) {
        out.append('\n');
      }
      out.append("  private ").append(simple).append('(').append(instanceParameters).append(") {\n");
      for (String field : fieldOf.values()) {
        out.append("    this.").append(field).append(" = ").append(field).append(";\n");
      }
    }
    out.append("  }\n\n  /**\n   * The tools, in order: whether each answers with structured content, and its parameter"
        + " types.\n");
    if (array) {
      out.append("   *\n   * @param instances the instances the tools are called on, shared with their classes' other"
          + " MCP\n   *     methods, one per class, in this order:");
      for (TypeElement type : instances) {
        out.append("\n   *     {@code ").append(type.getQualifiedName()).append('}');
      }
      out.append('\n');
    } else if (!instances.isEmpty()) {
      out.append("   *\n");
      for (TypeElement type : instances) {
        out.append("   * @param ").append(fieldOf.get(type)).append(" the instance of {@code ")
            .append(type.getQualifiedName()).append("} its tools are called on, shared with\n   *     its other"
                + " MCP methods\n");
      }
    }
    out.append("   */\n");
    if (total <= TOOLS_PER_METHOD) {
      out.append("  public static ").append(TOOL_TABLE.canonicalName()).append(" tools(")
          .append(instanceParameters).append(") {\n    return new ").append(TOOL_TABLE.canonicalName())
          .append("(new ").append(simple).append('(').append(instanceArguments).append("),\n        new boolean[] {")
          .append(String.join(", ", structured)).append("},\n        new java.lang.reflect.Type[][] {\n")
          .append(String.join(",\n", rows)).append("\n        });\n  }\n\n");
      callMethod(out, "  /**\n   * Calls tool number {@code tool} with {@code a}, its arguments bound to its parameter"
          + " types.\n   */\n  @java.lang.Override\n", "public java.lang.Object call", cases, unchecked);
    } else {
      // Split: a method's bytecode may not exceed 64 KiB.
      int parts = (total + TOOLS_PER_METHOD - 1) / TOOLS_PER_METHOD;
      out.append("  public static ").append(TOOL_TABLE.canonicalName()).append(" tools(")
          .append(instanceParameters).append(") {\n    boolean[] structured = new boolean[").append(total)
          .append("];\n    java.lang.reflect.Type[][] types = new java.lang.reflect.Type[").append(total)
          .append("][];\n");
      for (int part = 0; part < parts; part++) {
        out.append("    table").append(part).append("(structured, types);\n");
      }
      out.append("    return new ").append(TOOL_TABLE.canonicalName()).append("(new ").append(simple).append('(')
          .append(instanceArguments).append("), structured, types);\n  }\n\n");
      for (int part = 0; part < parts; part++) {
        int from = part * TOOLS_PER_METHOD;
        int to = Math.min(total, from + TOOLS_PER_METHOD);
        out.append("  /** Tools ").append(from).append('-').append(to - 1).append(" of the table. */\n  private static"
            + " void table").append(part).append("(boolean[] structured, java.lang.reflect.Type[][] types) {\n"
            + "    java.lang.System.arraycopy(new boolean[] {").append(String.join(", ", structured.subList(from, to)))
            .append("}, 0,\n        structured, ").append(from).append(", ").append(to - from)
            .append(");\n    java.lang.System.arraycopy(new java.lang.reflect.Type[][] {\n")
            .append(String.join(",\n", rows.subList(from, to)).replaceFirst("^\n", "")).append("\n        }, 0,\n"
                + "        types, ").append(from).append(", ").append(to - from).append(");\n  }\n\n");
      }
      out.append("  /**\n   * Calls tool number {@code tool} with {@code a}, its arguments bound to its parameter"
          + " types.\n"
          + "   */\n  @java.lang.Override\n  public java.lang.Object call(int tool, java.lang.Object[] a) throws"
          + " java.lang.Exception {\n    switch (tool / ").append(TOOLS_PER_METHOD).append(") {\n");
      for (int part = 0; part < parts; part++) {
        out.append("      case ").append(part).append(":\n        return call").append(part).append("(tool, a);\n");
      }
      out.append("      default:\n        throw new java.lang.AssertionError(tool);\n    }\n  }\n\n");
      for (int part = 0; part < parts; part++) {
        int from = part * TOOLS_PER_METHOD;
        int to = Math.min(total, from + TOOLS_PER_METHOD);
        callMethod(out, "  /** Calls tool number {@code tool} of tools " + from + "-" + (to - 1) + ". */\n",
            "private java.lang.Object call" + part, cases.subList(from, to), unchecked.subList(from, to));
        if (part < parts - 1) {
          out.append('\n');
        }
      }
    }
    out.append(records).append("}\n");

    List<Element> originating = new ArrayList<>(classes.size() + 1);
    originating.add(plugin.element());
    originating.addAll(classes.keySet());
    Element first = classes.keySet().iterator().next();
    try (java.io.Writer writer = env.getFiler().createSourceFile(name, originating.toArray(new Element[0]))
        .openWriter()) {
      writer.write(out.toString());
    } catch (IOException | RuntimeException e) {
      diagnostics.problem(FindingCode.IO, Origin.at(first, "@McpTool: the source output"))
          .found(e + " while writing the generated source " + name)
          .fix("run a clean build").report();
    }
    return new Dispatcher(name, List.copyOf(instances), List.copyOf(descriptors));
  }

  /** Appends a method that switches on {@code tool} over {@code cases}. */
  private static void callMethod(StringBuilder out, String javadoc, String declaration, List<String> cases,
      List<Boolean> unchecked) {
    out.append(javadoc);
    if (unchecked.contains(true)) {
      out.append("  @java.lang.SuppressWarnings(\"unchecked\")\n");
    }
    out.append("  ").append(declaration).append("(int tool, java.lang.Object[] a) throws java.lang.Exception {\n"
        + "    switch (tool) {\n");
    cases.forEach(out::append);
    out.append("      default:\n        throw new java.lang.AssertionError(tool);\n    }\n  }\n");
  }

  /** The type of the value under {@code "result"}: the return type, or what its {@code Optional} holds. */
  private static String resultValueType(TypeMirror returns) {
    switch (optionalKind(returns)) {
      case "java.util.OptionalInt":
        return "int";
      case "java.util.OptionalLong":
        return "long";
      case "java.util.OptionalDouble":
        return "double";
      case "java.util.Optional":
        List<? extends TypeMirror> arguments = ((DeclaredType) returns).getTypeArguments();
        TypeMirror held = arguments.isEmpty() ? null : arguments.get(0);
        if (held instanceof WildcardType wildcard) {
          held = wildcard.getExtendsBound();
        }
        return held == null ? "java.lang.Object" : source(held);
      default:
        return source(returns);
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
   * Appends the statements of one tool's case that call it and return its result: the value, {@code null} for
   * {@code void}, or, when the structured result is wrapped in {@code result}, the value in that record; when
   * such a value may be absent (an empty {@code Optional}, a {@code null} from a {@code @Nullable} method), an
   * empty object without {@code result}, as the output schema allows. A case that declares a local variable
   * gets a block of its own.
   */
  private static void statements(StringBuilder out, String call, Method method, String result) {
    TypeMirror returns = method.element().getReturnType();
    if (result == null && ContextTypes.result(returns) == ContextTypes.Result.CONTENT_LIST) {
      out.append("\n        return ").append(TOOL_RESULT.canonicalName()).append(".of(").append(call).append(");\n");
      return;
    }
    if (result == null) {
      out.append(ToolRound.isVoid(returns) ? "\n        " + call + ";\n        return null;\n"
          : "\n        return " + call + ";\n");
      return;
    }
    String optional = optionalKind(returns);
    if (!optional.isEmpty()) {
      String get = switch (optional) {
        case "java.util.OptionalInt" -> "getAsInt";
        case "java.util.OptionalLong" -> "getAsLong";
        case "java.util.OptionalDouble" -> "getAsDouble";
        default -> "get";
      };
      out.append(" {\n        ").append(source(returns)).append(" value = ").append(call)
          .append(";\n        return value.isPresent() ? new ").append(result).append("(value.").append(get)
          .append("()) : java.util.Map.of();\n      }\n");
      return;
    }
    if (method.mayBeAbsent() && !returns.getKind().isPrimitive()) {
      out.append(" {\n        ").append(source(returns)).append(" value = ").append(call)
          .append(";\n        return value == null ? java.util.Map.of() : new ").append(result)
          .append("(value);\n      }\n");
      return;
    }
    out.append("\n        return new ").append(result).append('(').append(call).append(");\n");
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
   * unboxes), on {@code receiver} or, for a static method, on {@code owner}. Sets {@code generic[0]} when a
   * cast is to a parameterized type.
   */
  private static String call(String owner, String receiver, Method method, boolean[] generic) {
    ExecutableElement element = method.element();
    StringBuilder code = new StringBuilder();
    code.append(element.getModifiers().contains(Modifier.STATIC) ? owner : receiver).append('.')
        .append(element.getSimpleName()).append('(');
    List<? extends VariableElement> declared = element.getParameters();
    List<String> arguments = new ArrayList<>(declared.size());
    for (int i = 0; i < declared.size(); i++) {
      TypeMirror type = declared.get(i).asType();
      generic[0] |= isParameterized(type);
      arguments.add("(" + source(type) + ") a[" + i + "]");
    }
    return code.append(wrapped(arguments, 16 + code.length(), "            ")).append(')').toString();
  }

  /**
   * {@code type} as Java source with qualified names and without type annotations: {@code java.util.List<
   * com.acme.Item>}, {@code int[]}, {@code com.acme.Outer<java.lang.String>.Inner}.
   */
  static String source(TypeMirror type) {
    StringBuilder out = new StringBuilder();
    source(type, out);
    return out.toString();
  }

  private static void source(TypeMirror type, StringBuilder out) {
    switch (type.getKind()) {
      case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE, VOID ->
          out.append(type.getKind().name().toLowerCase(Locale.ROOT));
      case ARRAY -> {
        source(((javax.lang.model.type.ArrayType) type).getComponentType(), out);
        out.append("[]");
      }
      case WILDCARD -> {
        WildcardType wildcard = (WildcardType) type;
        out.append('?');
        if (wildcard.getExtendsBound() != null) {
          source(wildcard.getExtendsBound(), out.append(" extends "));
        } else if (wildcard.getSuperBound() != null) {
          source(wildcard.getSuperBound(), out.append(" super "));
        }
      }
      case DECLARED -> {
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        if (declared.getEnclosingType() instanceof DeclaredType outer && !outer.getTypeArguments().isEmpty()) {
          source(outer, out);
          out.append('.').append(element.getSimpleName());
        } else {
          out.append(element.getQualifiedName());
        }
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        for (int i = 0; i < arguments.size(); i++) {
          source(arguments.get(i), out.append(i == 0 ? "<" : ", "));
        }
        if (!arguments.isEmpty()) {
          out.append('>');
        }
      }
      default -> out.append(type);
    }
  }

  /**
   * {@code items} joined with {@code ", "} when they fit in a line of 120 characters starting at column
   * {@code column}, else one per line, each on a line of its own indented with {@code indent}.
   */
  private static String wrapped(List<String> items, int column, String indent) {
    int length = column;
    for (String item : items) {
      length += item.length() + 2;
    }
    return String.join(length <= 120 || items.size() < 2 ? ", " : ",\n" + indent, items);
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
   * {@code <Plugin>McpServer.tools} next to it: the descriptors of the tools of {@code dispatchers}, in order, one
   * compact JSON per line, exactly as {@code tools/list} serves them ({@code ToolTable.methods} reads it when the
   * server starts). The server creates one lazy instance per class that needs one and hands it to both the
   * class's tools and its resources, prompts and completions, so a class (or the plugin's factory for it) is
   * created at most once per server.
   */
  void writeServer(PluginDecl plugin, String pluginName, String serverName, String version,
      List<Dispatcher> dispatchers, ExecutableElement factory, List<Element> originating,
      List<ResourceCode.Written> features, Diagnostics diagnostics) {
    ClassName server = serverClassName(plugin, pluginName);
    Map<TypeElement, String> instances = new LinkedHashMap<>();
    Map<TypeElement, TypeName> heldTypes = new LinkedHashMap<>();
    Set<String> fieldNames = new HashSet<>();
    for (Dispatcher dispatcher : dispatchers) {
      for (TypeElement type : dispatcher.instances()) {
        instances.put(type, instanceField(type, fieldNames));
        heldTypes.put(type, held(type));
      }
    }
    for (ResourceCode.Written written : features) {
      if (written.instance() && !instances.containsKey(written.type())) {
        instances.put(written.type(), instanceField(written.type(), fieldNames));
        heldTypes.put(written.type(), written.held());
      }
    }
    CodeBlock.Builder tables = CodeBlock.builder();
    for (Dispatcher dispatcher : dispatchers) {
      int dot = dispatcher.name().lastIndexOf('.');
      tables.add(",\n$T.tools($L)", ClassName.get(dot < 0 ? "" : dispatcher.name().substring(0, dot),
          dispatcher.name().substring(dot + 1)), String.join(", ", dispatcher.instances().stream()
          .map(instances::get).toList()));
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
    for (Dispatcher dispatcher : dispatchers) {
      dispatcher.descriptors().forEach(d -> lines.append(d).append('\n'));
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
    if (generatedAnnotation) {
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

  /** {@code text} as a Java string literal, escaped as {@link #stringLiteral} escapes it ({@code \n} too). */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int escape = JAVA_ESCAPES.indexOf(c);
      if (escape >= 0) {
        out.append('\\').append(JAVA_ESCAPED.charAt(escape));
      } else if (c == '\n') {
        out.append("\\n");
      } else if (Character.isISOControl(c)) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
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
