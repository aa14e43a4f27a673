package dev.codexplugin.processor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.processor.Declarations.PartDecl;
import dev.codexplugin.processor.Declarations.PluginDecl;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.Severity;
import dev.codexplugin.runtime.internal.Rules;
import dev.codexplugin.runtime.internal.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The {@code @McpTool} methods of a round: checks them, computes their schemas, generates one invoker class per
 * tool class and one server class per plugin (Java sources must be generated in the round their elements
 * appear in), and keeps what the plugin's bundle needs when processing is over: the server entry of
 * {@code .mcp.json} and the tools file {@code mcp-tools.json}.
 */
final class ToolRound {
  static final String MCP_TOOL = Declarations.API + "McpTool";
  static final String MCP_TOOL_FACTORY = Declarations.API + "McpToolFactory";
  static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
  /** The longest tool name a model accepts, as Codex shows it: {@code mcp__<server>__<tool>}. */
  static final int HOST_NAME_LIMIT = 64;

  /** One tool of a plugin: its name and its descriptor as {@code tools/list} returns it. */
  record Tool(String name, ObjectNode descriptor, boolean structured) {}

  /** The tools of one plugin: what its bundle gets. {@code failed} when an error was reported about them. */
  record PluginTools(String serverName, String mainClass, List<Tool> tools, List<Element> elements,
      boolean failed) {}

  private final ProcessingEnvironment env;
  private final Elements elements;
  private final ToolSchemas schemas;
  private final Map<String, PluginTools> byPlugin = new TreeMap<>();

  ToolRound(ProcessingEnvironment env) {
    this.env = env;
    this.elements = env.getElementUtils();
    this.schemas = new ToolSchemas(env);
  }

  /** The tools of each plugin, by plugin name, over all rounds. */
  Map<String, PluginTools> byPlugin() {
    return byPlugin;
  }

  /** Handles the tools of this round; {@code plugins} are every {@code @Plugin} known so far. */
  void process(RoundEnvironment round, List<PluginDecl> plugins, String optionVersion, Diagnostics diagnostics) {
    TypeElement toolAnnotation = elements.getTypeElement(MCP_TOOL);
    if (toolAnnotation == null) {
      return;
    }
    Map<TypeElement, List<ExecutableElement>> byType = new TreeMap<>(
        Comparator.comparing(t -> t.getQualifiedName().toString()));
    for (ExecutableElement method : ElementFilter.methodsIn(round.getElementsAnnotatedWith(toolAnnotation))) {
      if (method.getEnclosingElement() instanceof TypeElement type) {
        byType.computeIfAbsent(type, t -> new ArrayList<>()).add(method);
      }
    }
    List<ExecutableElement> factories = List.of();
    TypeElement factoryAnnotation = elements.getTypeElement(MCP_TOOL_FACTORY);
    if (factoryAnnotation != null) {
      factories = ElementFilter.methodsIn(round.getElementsAnnotatedWith(factoryAnnotation)).stream()
          .sorted(Comparator.comparing(m -> m.getEnclosingElement() + "." + m.getSimpleName()))
          .toList();
    }
    if (byType.isEmpty() && factories.isEmpty()) {
      return;
    }
    if (!byType.isEmpty() && elements.getTypeElement(ToolCode.TOOL_METHOD.canonicalName()) == null) {
      ExecutableElement first = byType.values().iterator().next().get(0);
      diagnostics.print(FindingCode.MISSING_DEPENDENCY, Severity.ERROR, Origin.at(first, "@McpTool"),
          "@McpTool needs dev.codexplugin:sdk-mcp, which " + FindingCode.MISSING_DEPENDENCY.rule()
              + "; add the dependency (same version as sdk-api) so the generated server can compile.");
      return;
    }

    List<PluginDecl> usable = plugins.stream().filter(p -> !p.erroneous()).toList();
    List<PartDecl> parts = new ArrayList<>();
    Map<PartDecl, TypeElement> typeOf = new LinkedHashMap<>();
    for (var entry : byType.entrySet()) {
      ExecutableElement first = entry.getValue().get(0);
      AnnotationReader reader = new AnnotationReader(elements, first, mirror(first, MCP_TOOL));
      PartDecl part = new PartDecl(Declarations.Kind.TOOL, entry.getKey(), reader, packageOf(entry.getKey()),
          reader.isErroneous());
      parts.add(part);
      typeOf.put(part, entry.getKey());
    }
    Map<PartDecl, ExecutableElement> factoryOf = new LinkedHashMap<>();
    for (ExecutableElement factory : factories) {
      AnnotationReader reader = new AnnotationReader(elements, factory, mirror(factory, MCP_TOOL_FACTORY));
      PartDecl part = new PartDecl(Declarations.Kind.TOOL_FACTORY, factory, reader,
          packageOf(factory), false);
      factoryOf.put(part, factory);
    }
    List<PartDecl> all = new ArrayList<>(parts);
    all.addAll(factoryOf.keySet());
    Map<PluginDecl, List<PartDecl>> members = Membership.assign(usable, all, diagnostics);

    for (var member : members.entrySet()) {
      PluginDecl plugin = member.getKey();
      List<TypeElement> types = new ArrayList<>();
      List<ExecutableElement> pluginFactories = new ArrayList<>();
      for (PartDecl part : member.getValue()) {
        if (part.kind() == Declarations.Kind.TOOL) {
          types.add(typeOf.get(part));
        } else {
          pluginFactories.add(factoryOf.get(part));
        }
      }
      if (!types.isEmpty() || !pluginFactories.isEmpty()) {
        plugin(plugin, types, byType, pluginFactories, optionVersion, diagnostics);
      }
    }
  }

  private void plugin(PluginDecl plugin, List<TypeElement> types, Map<TypeElement, List<ExecutableElement>> byType,
      List<ExecutableElement> factories, String optionVersion, Diagnostics diagnostics) {
    String pluginName = plugin.name();
    PluginTools earlier = byPlugin.get(pluginName);
    boolean failed = false;
    if (earlier != null) {
      Element first = types.isEmpty() ? factories.get(0) : byType.get(types.get(0)).get(0);
      diagnostics.print(FindingCode.TOOL_METHOD, Severity.ERROR, Origin.at(first, "@McpTool"),
          "@McpTool " + FindingCode.TOOL_METHOD.rule() + "; this one appeared in a source generated in a later"
              + " round, after the server of plugin " + Text.quote(pluginName) + " was generated. Declare tools in"
              + " hand-written sources.");
      return;
    }
    ExecutableElement factory = null;
    for (ExecutableElement candidate : factories) {
      if (factory != null) {
        diagnostics.print(FindingCode.TOOL_FACTORY, Severity.ERROR, Origin.at(candidate, "@McpToolFactory"),
            "@McpToolFactory " + candidate.getSimpleName() + " " + FindingCode.TOOL_FACTORY.rule()
                + "; plugin " + Text.quote(pluginName) + " already has " + factory.getEnclosingElement() + "."
                + factory.getSimpleName() + ". Keep one.");
        failed = true;
        continue;
      }
      if (!isFactory(candidate)) {
        diagnostics.print(FindingCode.TOOL_FACTORY, Severity.ERROR, Origin.at(candidate, "@McpToolFactory"),
            "@McpToolFactory " + candidate.getSimpleName() + " " + FindingCode.TOOL_FACTORY.rule()
                + "; found " + signature(candidate) + ".");
        failed = true;
      }
      factory = candidate;
    }

    String serverName = plugin.reader().string("toolServer");
    if (serverName.isEmpty()) {
      serverName = pluginName;
    }
    ToolCode code = new ToolCode(env);
    List<Tool> tools = new ArrayList<>();
    Map<String, ExecutableElement> seen = new LinkedHashMap<>();
    List<String> invokers = new ArrayList<>();
    List<Element> originating = new ArrayList<>();
    for (TypeElement type : types) {
      List<ToolCode.Method> methods = new ArrayList<>();
      boolean typeFailed = !checkType(type, byType.get(type), factory, diagnostics);
      for (ExecutableElement method : byType.get(type)) {
        Optional<ToolCode.Method> checked = method(method, serverName, seen, diagnostics);
        if (checked.isEmpty()) {
          typeFailed = true;
          continue;
        }
        methods.add(checked.get());
        tools.add(new Tool(checked.get().name(), checked.get().descriptor(), checked.get().structured()));
      }
      failed |= typeFailed;
      originating.add(type);
      if (!typeFailed) {
        invokers.add(code.writeInvoker(type, methods, factory, diagnostics));
      }
    }
    String mainClass = ToolCode.serverClassName(plugin, pluginName);
    if (!failed && !tools.isEmpty()) {
      String version = plugin.reader().string("version").isEmpty() ? optionVersion : plugin.reader().string(
          "version");
      mainClass = code.writeServer(plugin, pluginName, serverName, version, invokers, originating, diagnostics);
    }
    if (!tools.isEmpty()) {
      for (Tool tool : tools) {
        String hostName = "mcp__" + serverName + "__" + tool.name();
        if (hostName.length() > HOST_NAME_LIMIT) {
          ExecutableElement method = seen.get(tool.name());
          diagnostics.print(FindingCode.LONG_TOOL_NAME, Severity.WARNING, Origin.at(method, "@McpTool"),
              "@McpTool " + Text.quote(tool.name()) + ": the name Codex shows the model, " + Text.quote(hostName)
                  + " (" + hostName.length() + " characters), " + FindingCode.LONG_TOOL_NAME.rule()
                  + "; shorten the tool name, or the server name with @Plugin(toolServer = \"...\").");
        }
      }
    }
    byPlugin.put(pluginName, new PluginTools(serverName, mainClass, List.copyOf(tools), List.copyOf(originating),
        failed || diagnostics.hasErrors()));
  }

  /** Whether the generated code can call the tool methods of {@code type}. */
  private boolean checkType(TypeElement type, List<ExecutableElement> methods, ExecutableElement factory,
      Diagnostics diagnostics) {
    Origin origin = Origin.at(methods.get(0), "@McpTool " + methods.get(0).getSimpleName());
    String problem = null;
    if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD
        && type.getKind() != ElementKind.ENUM && type.getKind() != ElementKind.INTERFACE) {
      problem = "its type " + type + " is a " + type.getKind().toString().toLowerCase(java.util.Locale.ROOT);
    } else if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
      problem = "its class is local or anonymous; move it to a top-level class";
    } else if (isPrivateOrInPrivate(type)) {
      problem = "its class " + type + " is private; make it package-private or public";
    } else if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
        && type.getKind() == ElementKind.CLASS) {
      problem = "its class " + type + " is an inner class; make it static";
    } else {
      boolean needsInstance = methods.stream().anyMatch(m -> !m.getModifiers().contains(Modifier.STATIC));
      if (needsInstance && factory == null) {
        if (type.getModifiers().contains(Modifier.ABSTRACT) || type.getKind() != ElementKind.CLASS) {
          problem = "its " + type.getKind().toString().toLowerCase(java.util.Locale.ROOT) + " " + type
              + " cannot be created; make the method static, or add an @McpToolFactory to the plugin";
        } else if (!hasNoArgConstructor(type)) {
          problem = "its class " + type + " has no non-private constructor without parameters; add one, make the"
              + " method static, or add an @McpToolFactory to the plugin";
        }
      }
    }
    if (problem == null) {
      return true;
    }
    diagnostics.print(FindingCode.TOOL_METHOD, Severity.ERROR, origin,
        origin.label() + " " + FindingCode.TOOL_METHOD.rule() + "; " + problem + ".");
    return false;
  }

  /** Checks one method and computes its descriptor; empty when an error was reported. */
  private Optional<ToolCode.Method> method(ExecutableElement method, String serverName,
      Map<String, ExecutableElement> seen, Diagnostics diagnostics) {
    AnnotationReader tool = new AnnotationReader(elements, method, mirror(method, MCP_TOOL));
    if (tool.isErroneous()) {
      return Optional.empty();
    }
    String name = tool.string("name").isEmpty() ? method.getSimpleName().toString() : tool.string("name");
    String label = "@McpTool " + method.getSimpleName();
    boolean ok = true;
    if (!method.getModifiers().contains(Modifier.PUBLIC) || method.getModifiers().contains(Modifier.ABSTRACT)
        || !method.getTypeParameters().isEmpty()) {
      String why = !method.getModifiers().contains(Modifier.PUBLIC) ? "it is not public; make it public"
          : method.getModifiers().contains(Modifier.ABSTRACT) ? "it is abstract; implement it"
          : "it has type parameters; give it concrete types";
      diagnostics.print(FindingCode.TOOL_METHOD, Severity.ERROR, Origin.at(method, label),
          label + " " + FindingCode.TOOL_METHOD.rule() + "; " + why + ".");
      ok = false;
    }
    if (!TOOL_NAME.matcher(name).matches()) {
      Origin origin = tool.isExplicit("name") ? tool.origin("name") : Origin.at(method, label);
      diagnostics.print(FindingCode.BAD_TOOL_NAME, Severity.ERROR, origin,
          label + " name " + Text.quote(name) + " " + FindingCode.BAD_TOOL_NAME.rule()
              + "; rename it, e.g. " + Text.quote(name.replaceAll("[^A-Za-z0-9_.-]+", "_")) + ".");
      ok = false;
    } else if (seen.containsKey(name)) {
      Origin origin = tool.isExplicit("name") ? tool.origin("name") : Origin.at(method, label);
      ExecutableElement other = seen.get(name);
      diagnostics.print(FindingCode.DUPLICATE, Severity.ERROR, origin,
          label + " name " + Text.quote(name) + " " + FindingCode.DUPLICATE.rule() + " within server "
              + Text.quote(serverName) + "; " + other.getEnclosingElement() + "." + other.getSimpleName()
              + " has it too. Rename one with @McpTool(name = \"...\").");
      ok = false;
    } else {
      seen.put(name, method);
    }
    String description = tool.string("description");
    if (description.isBlank()) {
      description = JavadocText.parse(elements.getDocComment(method)).main().map(ToolRound::firstSentence)
          .orElse("");
    }
    if (description.isBlank()) {
      diagnostics.print(FindingCode.MISSING, Severity.ERROR,
          tool.isExplicit("description") ? tool.origin("description") : tool.origin(),
          label + " description " + FindingCode.MISSING.rule() + "; say what the tool does and when to use it,"
              + " in @McpTool(description = \"...\") or the first sentence of the method's Javadoc.");
      ok = false;
    }
    ToolSchemas.Problems problems = (code, origin, message) ->
        diagnostics.print(code, code.publishSeverity(), origin, message);
    ToolSchemas.InputSchema input = schemas.input(method, problems);
    Optional<ToolSchemas.OutputSchema> output = tool.bool("structuredOutput")
        ? schemas.output(method, problems) : Optional.empty();
    if (!input.valid() || output.map(o -> !o.valid()).orElse(false)) {
      ok = false;
    }
    if (!ok) {
      return Optional.empty();
    }
    ObjectNode descriptor = JsonNodeFactory.instance.objectNode();
    descriptor.put("name", name);
    if (!tool.string("title").isEmpty()) {
      descriptor.put("title", tool.string("title"));
    }
    descriptor.put("description", description.strip());
    descriptor.set("inputSchema", input.schema());
    output.ifPresent(o -> descriptor.set("outputSchema", o.schema()));
    ObjectNode hints = JsonNodeFactory.instance.objectNode();
    hint(hints, "readOnlyHint", tool.enumConstant("readOnly"));
    hint(hints, "destructiveHint", tool.enumConstant("destructive"));
    hint(hints, "idempotentHint", tool.enumConstant("idempotent"));
    hint(hints, "openWorldHint", tool.enumConstant("openWorld"));
    if (!hints.isEmpty()) {
      descriptor.set("annotations", hints);
    }
    boolean structured = output.isPresent();
    return Optional.of(new ToolCode.Method(method, name, descriptor, structured,
        output.map(ToolSchemas.OutputSchema::wrapped).orElse(false), input.parameters()));
  }

  private static void hint(ObjectNode hints, String key, String constant) {
    if (constant.equals("TRUE")) {
      hints.put(key, true);
    } else if (constant.equals("FALSE")) {
      hints.put(key, false);
    }
  }

  /** The first sentence of a Javadoc text: up to the first period followed by white space, or all of it. */
  static String firstSentence(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    var matcher = Pattern.compile("\\.(\\s|$)").matcher(flat);
    return matcher.find() ? flat.substring(0, matcher.start() + 1) : flat;
  }

  private boolean isFactory(ExecutableElement method) {
    if (!method.getModifiers().containsAll(Set.of(Modifier.PUBLIC, Modifier.STATIC))
        || method.getTypeParameters().size() != 1 || method.getParameters().size() != 1
        || !(method.getEnclosingElement() instanceof TypeElement owner)
        || !owner.getModifiers().contains(Modifier.PUBLIC) || isPrivateOrInPrivate(owner)) {
      return false;
    }
    TypeMirror variable = method.getTypeParameters().get(0).asType();
    TypeMirror parameter = method.getParameters().get(0).asType();
    var types = env.getTypeUtils();
    TypeMirror expected = types.getDeclaredType(elements.getTypeElement("java.lang.Class"), variable);
    return types.isSameType(method.getReturnType(), variable) && types.isSameType(parameter, expected);
  }

  private static String signature(ExecutableElement method) {
    return method.getModifiers() + " " + (method.getTypeParameters().isEmpty() ? ""
        : "<" + method.getTypeParameters() + "> ") + method.getReturnType() + " " + method.getSimpleName()
        + "(" + method.getParameters().stream().map(p -> p.asType().toString()).reduce((a, b) -> a + ", " + b)
            .orElse("") + ")" + (method.getEnclosingElement() instanceof TypeElement owner
            && !owner.getModifiers().contains(Modifier.PUBLIC) ? " in a class that is not public" : "");
  }

  private static boolean isPrivateOrInPrivate(Element element) {
    for (Element e = element; e != null && e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasNoArgConstructor(TypeElement type) {
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty() && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  private String packageOf(Element element) {
    return elements.getPackageOf(element).getQualifiedName().toString();
  }

  private static javax.lang.model.element.AnnotationMirror mirror(Element element, String type) {
    for (var mirror : element.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(type)) {
        return mirror;
      }
    }
    throw new IllegalStateException(element + " has no @" + type);
  }

  /** Whether {@code type} is {@code void}. */
  static boolean isVoid(TypeMirror type) {
    return type.getKind() == TypeKind.VOID;
  }

  /** The key rule for server names, the same as {@code @McpServer} names. */
  static boolean isServerName(String name) {
    return Rules.KEY.matcher(name).matches();
  }
}
