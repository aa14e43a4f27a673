package dev.codexplugin.processor;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.processor.Declarations.PartDecl;
import dev.codexplugin.processor.Declarations.PluginDecl;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.format.Report;
import dev.codexplugin.runtime.format.Rules;
import dev.codexplugin.runtime.format.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
 * The {@code @McpTool} methods of a round: checks them, computes their schemas, generates one dispatcher class
 * per package of a plugin's tool classes and one server class per plugin (Java sources must be generated in the
 * round their elements appear in), and keeps what the plugin's bundle needs when processing is over: the server entry of
 * {@code .mcp.json} and the tools file {@code mcp-tools.json}.
 */
final class ToolRound {
  private static final Pattern SENTENCE_END = Pattern.compile("\\.(\\s|$)");

  /** One tool of a plugin: its name and its descriptor as {@code tools/list} returns it. */
  record Tool(String name, ObjectNode descriptor, boolean structured) {}

  /**
   * The tools of one plugin: what its bundle gets.
   *
   * @param serverName the name of the tool server in {@code .mcp.json}
   * @param explicitServerName whether {@code @Plugin(toolServer)} set it (else it is the plugin name)
   * @param mainClass the generated server class
   * @param tools the tools that passed every check, in order
   * @param failed whether an error was reported about the plugin's tools: then nothing was generated and the
   *     bundle must not be written (the server is still known, so that skills requiring it get no follow-on
   *     error)
   */
  record PluginTools(String serverName, boolean explicitServerName, String mainClass, List<Tool> tools,
      boolean failed) {}

  /** What the rounds so far left for one plugin. */
  private static final class Handled {
    ExecutableElement factory;
    boolean tools;
  }

  private final ProcessingEnvironment env;
  private final Elements elements;
  private final ToolSchemas schemas;
  /** The resources, prompts and completions, which share the tools' membership, rounds and server. */
  private final ResourceRound features;
  private final Map<String, PluginTools> byPlugin = new TreeMap<>();
  private final Map<String, Handled> handled = new HashMap<>();
  /** The element of the first {@code @Plugin} of each name. */
  private final Map<String, String> ownerOf = new HashMap<>();
  /** The classes generated so far, by qualified name, and what they were generated for. */
  private final Map<String, String> generated = new HashMap<>();
  private boolean missingDependencyReported;
  /** Whether {@code javax.annotation.processing.Generated} exists, once looked up. */
  private Boolean generatedAnnotation;

  ToolRound(ProcessingEnvironment env) {
    this.env = env;
    this.elements = env.getElementUtils();
    this.schemas = new ToolSchemas(env);
    this.features = new ResourceRound(env);
  }

  /** Whether {@code javax.annotation.processing.Generated} exists: looked up once per processor run. */
  private boolean generatedAnnotation() {
    if (generatedAnnotation == null) {
      generatedAnnotation = elements.getTypeElement(ToolCode.GENERATED) != null;
    }
    return generatedAnnotation;
  }

  /** The tools of each plugin, by plugin name, over all rounds. */
  Map<String, PluginTools> byPlugin() {
    return byPlugin;
  }

  /**
   * Handles the tools of this round; {@code plugins} are every {@code @Plugin} known so far. Nothing is
   * generated for a plugin whose tools have an error: its server would serve less than was declared.
   */
  void process(RoundEnvironment round, List<PluginDecl> plugins, String optionVersion, Diagnostics diagnostics) {
    TypeElement toolAnnotation = elements.getTypeElement(McpToolPrism.ANNOTATION);
    if (toolAnnotation == null) {
      return;
    }
    schemas.newRound();
    // By qualified name, in its order; each name decoded once per type, not twice per comparison of a sorted map.
    Map<String, TypeElement> typeNamed = new TreeMap<>();
    Map<String, List<ExecutableElement>> methodsNamed = new HashMap<>();
    Map<TypeElement, String> nameOf = new HashMap<>();
    for (ExecutableElement method : ElementFilter.methodsIn(round.getElementsAnnotatedWith(toolAnnotation))) {
      if (method.getEnclosingElement() instanceof TypeElement type) {
        String name = nameOf.computeIfAbsent(type, t -> t.getQualifiedName().toString());
        typeNamed.putIfAbsent(name, type);
        methodsNamed.computeIfAbsent(name, n -> new ArrayList<>()).add(method);
      }
    }
    Map<TypeElement, List<ExecutableElement>> byType = new LinkedHashMap<>();
    typeNamed.forEach((name, type) -> byType.put(type, methodsNamed.get(name)));
    List<ExecutableElement> factories = List.of();
    TypeElement factoryAnnotation = elements.getTypeElement(McpToolFactoryPrism.ANNOTATION);
    if (factoryAnnotation != null) {
      factories = ElementFilter.methodsIn(round.getElementsAnnotatedWith(factoryAnnotation)).stream()
          .sorted(Comparator.comparing(m -> m.getEnclosingElement() + "." + m.getSimpleName()))
          .toList();
    }
    Map<TypeElement, List<ExecutableElement>> featureTypes = features.collect(round);
    if (byType.isEmpty() && factories.isEmpty() && featureTypes.isEmpty()) {
      return;
    }
    // Without sdk-mcp (or with one older than ToolTable, which the generated code uses) the generated code cannot
    // compile: the tools are still checked (every problem in one build), but nothing is generated.
    boolean generate = elements.getTypeElement(ToolCode.TOOL_TABLE.canonicalName()) != null;
    if (!generate && !(byType.isEmpty() && featureTypes.isEmpty()) && !missingDependencyReported) {
      missingDependencyReported = true;
      ExecutableElement first = (byType.isEmpty() ? featureTypes : byType).values().iterator().next().get(0);
      diagnostics.problem(FindingCode.MISSING_DEPENDENCY, Origin.at(first, "dev.codexplugin:sdk-mcp, the runtime of"
              + " the code generated for @McpTool,"))
          .found("no " + ToolCode.TOOL_TABLE.canonicalName())
          .fix("add dev.codexplugin:sdk-mcp to the dependencies (same version as sdk-api) so that the generated"
              + " server compiles")
          .report();
    }

    List<PartDecl> parts = new ArrayList<>();
    Map<PartDecl, TypeElement> typeOf = new LinkedHashMap<>();
    for (var entry : byType.entrySet()) {
      ExecutableElement first = entry.getValue().get(0);
      PartDecl part = Declarations.part(Declarations.Kind.TOOL, entry.getKey(),
          new AnnotationReader(elements, first, mirror(first, McpToolPrism.ANNOTATION)), packageOf(entry.getKey()),
          false);
      parts.add(part);
      typeOf.put(part, entry.getKey());
    }
    for (TypeElement type : featureTypes.keySet()) {
      if (!byType.containsKey(type)) {
        PartDecl part = Declarations.part(Declarations.Kind.MCP_FEATURE, type, features.firstReader(type),
            packageOf(type), false);
        parts.add(part);
        typeOf.put(part, type);
      }
    }
    Map<PartDecl, ExecutableElement> factoryOf = new LinkedHashMap<>();
    for (ExecutableElement factory : factories) {
      PartDecl part = Declarations.part(Declarations.Kind.TOOL_FACTORY, factory,
          new AnnotationReader(elements, factory, mirror(factory, McpToolFactoryPrism.ANNOTATION)),
          packageOf(factory), false);
      factoryOf.put(part, factory);
    }
    List<PartDecl> all = new ArrayList<>(parts);
    all.addAll(factoryOf.keySet());
    // Every @Plugin, even one javac could not read: a tool in its package belongs to it, and says nothing more.
    Map<PluginDecl, List<PartDecl>> members = Membership.assign(plugins, all, diagnostics);

    for (var member : members.entrySet()) {
      PluginDecl plugin = member.getKey();
      if (plugin.erroneous()) {
        continue;
      }
      List<TypeElement> types = new ArrayList<>();
      List<ExecutableElement> pluginFactories = new ArrayList<>();
      for (PartDecl part : member.getValue()) {
        if (part.kind() == Declarations.Kind.TOOL || part.kind() == Declarations.Kind.MCP_FEATURE) {
          types.add(typeOf.get(part));
        } else {
          pluginFactories.add(factoryOf.get(part));
        }
      }
      if (!types.isEmpty() || !pluginFactories.isEmpty()) {
        plugin(plugin, types, byType, pluginFactories, optionVersion, generate, diagnostics);
      }
    }
  }

  private void plugin(PluginDecl plugin, List<TypeElement> candidates,
      Map<TypeElement, List<ExecutableElement>> byType, List<ExecutableElement> factories, String optionVersion,
      boolean generate, Diagnostics diagnostics) {
    // The classes with tools, those of a package together (they share a dispatcher); candidates has the classes
    // with only resources, prompts or completions too.
    Map<String, List<TypeElement>> byPackage = new LinkedHashMap<>();
    for (TypeElement type : candidates) {
      if (byType.containsKey(type)) {
        byPackage.computeIfAbsent(packageOf(type), p -> new ArrayList<>()).add(type);
      }
    }
    List<TypeElement> types = byPackage.values().stream().flatMap(List::stream).toList();
    String pluginName = plugin.name();
    String owner = plugin.element().toString();
    if (!owner.equals(ownerOf.computeIfAbsent(pluginName, n -> owner))) {
      // Two @Plugins of one name: reported as Duplicate on the second one when processing is over; its tools are
      // neither checked against the first one's nor generated.
      PluginTools known = byPlugin.get(pluginName);
      if (known != null) {
        byPlugin.put(pluginName, new PluginTools(known.serverName(), known.explicitServerName(), known.mainClass(),
            known.tools(), true));
      }
      return;
    }
    Handled earlier = handled.computeIfAbsent(pluginName, n -> new Handled());
    boolean failed = !generate;

    ExecutableElement factory = earlier.factory;
    for (ExecutableElement candidate : factories) {
      Origin origin = Origin.at(candidate, "@McpToolFactory " + candidate.getSimpleName());
      if (factory != null) {
        diagnostics.problem(FindingCode.TOOL_FACTORY, origin)
            .found("a second one: plugin " + Text.quote(pluginName) + " already has " + factory.getEnclosingElement()
                + "." + factory.getSimpleName())
            .fix("keep one").report();
        failed = true;
        continue;
      }
      if (!isFactory(candidate)) {
        diagnostics.problem(FindingCode.TOOL_FACTORY, origin).found(signature(candidate)).report();
        failed = true;
      }
      // A malformed factory still counts as the plugin's: its tool classes get no second error about creation.
      factory = candidate;
    }
    earlier.factory = factory;
    if (types.isEmpty() && !features.any(candidates)) {
      PluginTools known = byPlugin.get(pluginName);
      if (failed && known != null) {
        byPlugin.put(pluginName, new PluginTools(known.serverName(), known.explicitServerName(), known.mainClass(),
            known.tools(), true));
      }
      return;
    }
    if (earlier.tools) {
      // Their server was generated (or refused) in the round of the plugin's first tools.
      for (TypeElement type : types) {
        for (ExecutableElement method : byType.get(type)) {
          diagnostics.problem(FindingCode.TOOL_METHOD, Origin.at(method, "@McpTool " + method.getSimpleName()))
              .found("a tool that appeared in a later round than the other tools of plugin " + Text.quote(pluginName)
                  + ", whose server was generated in the round of its first tools")
              .fix("declare it in a hand-written source").report();
        }
      }
      features.laterRound(candidates, pluginName, diagnostics);
      PluginTools known = byPlugin.get(pluginName);
      if (known != null) {
        byPlugin.put(pluginName, new PluginTools(known.serverName(), known.explicitServerName(), known.mainClass(),
            known.tools(), true));
      }
      return;
    }
    earlier.tools = true;

    boolean explicitServerName = !plugin.prism().toolServer().isEmpty();
    String serverName = explicitServerName ? plugin.prism().toolServer() : pluginName;
    // A server name outside the key rule is reported with the bundle (BadKey on toolServer, or BadName on the
    // plugin's own name): nothing is generated for it.
    boolean serverNameOk = isServerName(serverName);
    failed |= !serverNameOk;
    String mainClass = ToolCode.serverClassName(plugin, pluginName).canonicalName();

    List<Tool> tools = new ArrayList<>();
    Map<String, ExecutableElement> seen = new LinkedHashMap<>();
    Map<String, Origin> nameOrigins = new LinkedHashMap<>();
    Map<TypeElement, List<ToolCode.Method>> methodsOf = new LinkedHashMap<>();
    for (TypeElement type : types) {
      List<ToolCode.Method> methods = new ArrayList<>();
      boolean typeFailed = !checkType(type, byType.get(type), factory, mainClass, diagnostics);
      for (ExecutableElement method : byType.get(type)) {
        Optional<ToolCode.Method> checked = method(method, serverName, seen, nameOrigins, diagnostics);
        if (checked.isEmpty()) {
          typeFailed = true;
          continue;
        }
        methods.add(checked.get());
        tools.add(new Tool(checked.get().name(), checked.get().descriptor(), checked.get().structured()));
      }
      failed |= typeFailed;
      methodsOf.put(type, methods);
    }
    for (var entry : byPackage.entrySet()) {
      String dispatcher = ToolCode.dispatcherName(pluginName, entry.getKey());
      String what = "the @McpTool methods of " + plugin.prism().title() + " in "
          + (entry.getKey().isEmpty() ? "the unnamed package" : "package " + entry.getKey());
      failed |= !unique(dispatcher, what, Origin.at(entry.getValue().get(0), "the class " + dispatcher
          + " generated for " + what), diagnostics);
    }
    if (serverNameOk) {
      for (Tool tool : tools) {
        Rules.longToolName(serverName, tool.name()).ifPresent(found -> diagnostics.problem(
                FindingCode.LONG_TOOL_NAME, nameOrigins.get(tool.name()).labeled("@McpTool "
                    + seen.get(tool.name()).getSimpleName()))
            .found(found).fix("shorten the tool name, or the server name with @Plugin(toolServer = \"...\")")
            .report());
      }
    }
    Optional<List<ResourceRound.Features>> checkedFeatures = features.check(serverName, candidates, factory,
        mainClass, diagnostics);
    failed |= checkedFeatures.isEmpty();
    for (ResourceRound.Features f : checkedFeatures.orElse(List.of())) {
      String name = ResourceCode.featuresName(f.type()).canonicalName();
      failed |= !unique(name, "the MCP features of " + f.type().getQualifiedName(), Origin.at(f.type(),
          "the class " + name + " generated for the MCP features of " + f.type().getQualifiedName()), diagnostics);
    }
    failed |= !unique(mainClass, plugin.prism().title(), plugin.prism().origin(PluginPrism.Attr.NAME)
        .labeled("the server class " + mainClass + " generated for " + plugin.prism().title()), diagnostics);

    if (!failed) {
      ToolCode code = new ToolCode(env, generatedAnnotation());
      List<ToolCode.Dispatcher> dispatchers = new ArrayList<>();
      for (var entry : byPackage.entrySet()) {
        Map<TypeElement, List<ToolCode.Method>> classes = new LinkedHashMap<>();
        entry.getValue().forEach(type -> classes.put(type, methodsOf.get(type)));
        dispatchers.add(code.writeDispatcher(plugin, pluginName, entry.getKey(), classes, diagnostics));
      }
      String version = plugin.prism().version().isEmpty() ? optionVersion : plugin.prism().version();
      List<ResourceCode.Written> written = new ArrayList<>();
      for (ResourceRound.Features f : checkedFeatures.orElse(List.of())) {
        written.add(new ResourceCode(env).write(f, diagnostics));
      }
      code.writeServer(plugin, pluginName, serverName, version, dispatchers, factory, new ArrayList<>(types), written,
          diagnostics);
    }
    byPlugin.put(pluginName, new PluginTools(serverName, explicitServerName, mainClass, List.copyOf(tools),
        failed));
  }

  /**
   * Whether the class {@code name} may be generated for {@code owner}: no class of that name exists, and none
   * was generated for something else. Reports {@code Duplicate} on {@code origin} (whose label names the class)
   * when not.
   */
  private boolean unique(String name, String owner, Origin origin, Diagnostics diagnostics) {
    String other = generated.get(name);
    if (other == null && elements.getTypeElement(name) == null) {
      generated.put(name, owner);
      return true;
    }
    Report.Problem problem = diagnostics.problem(FindingCode.DUPLICATE, origin);
    (other == null ? problem.found("a class of that name").fix("rename that class")
        : problem.found("it generated for " + other + " too").fix("rename one of them")).report();
    return false;
  }

  /**
   * Whether the generated code can create and call the tool methods of {@code type}; a problem of the class is
   * reported once, on the class.
   */
  private boolean checkType(TypeElement type, List<ExecutableElement> methods, ExecutableElement factory,
      String serverClass, Diagnostics diagnostics) {
    String kind = type.getKind().toString().toLowerCase(Locale.ROOT);
    String found = null;
    String fix = "";
    if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD
        && type.getKind() != ElementKind.ENUM && type.getKind() != ElementKind.INTERFACE) {
      found = type + ", " + article(kind) + " " + kind;
    } else if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
      found = "a local or anonymous class";
      fix = "move it to a top-level class";
    } else if (isPrivateOrInPrivate(type)) {
      found = type + ", a private " + kind;
      fix = "make it package-private or public";
    } else if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
        && (type.getKind() == ElementKind.CLASS)) {
      found = type + ", an inner class";
      fix = "make it static";
    } else if (packageOf(type).isEmpty() && serverClass.contains(".")) {
      // javac cannot import a class of the unnamed package from a named one.
      found = type + " in the unnamed package, which the server class " + serverClass + " cannot import";
      fix = "move it to a package";
    } else if (factory == null && methods.stream().anyMatch(m -> !m.getModifiers().contains(Modifier.STATIC)
        && callable(m))) {
      // Only methods the server could call need an instance: an abstract one is reported on its own.
      boolean instantiable = (type.getKind() == ElementKind.CLASS || type.getKind() == ElementKind.RECORD)
          && !type.getModifiers().contains(Modifier.ABSTRACT);
      if (!instantiable) {
        String what = type.getModifiers().contains(Modifier.ABSTRACT) && type.getKind() == ElementKind.CLASS
            ? "abstract class" : kind;
        found = type + ", " + article(what) + " " + what + " that cannot be created";
        fix = "make the method static, or add an @McpToolFactory to the plugin";
      } else if (!hasNoArgConstructor(type)) {
        found = type + ", which has no non-private constructor without parameters";
        fix = "add one, make the method static, or add an @McpToolFactory to the plugin";
      }
    }
    if (found == null) {
      return true;
    }
    diagnostics.problem(FindingCode.TOOL_METHOD, Origin.at(type, "@McpTool " + methods.get(0).getSimpleName()))
        .found(found).fix(fix).report();
    return false;
  }

  /** {@code a} or {@code an}, for a kind of type. */
  private static String article(String kind) {
    return "aeiou".indexOf(kind.charAt(0)) >= 0 ? "an" : "a";
  }

  /** A private class (or one nested in a private class) that {@code type} names, with its type arguments. */
  private static Optional<TypeElement> privateTypeIn(TypeMirror type) {
    if (type instanceof javax.lang.model.type.ArrayType array) {
      return privateTypeIn(array.getComponentType());
    }
    if (type instanceof javax.lang.model.type.WildcardType wildcard) {
      TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : wildcard.getSuperBound();
      return bound == null ? Optional.empty() : privateTypeIn(bound);
    }
    if (type instanceof javax.lang.model.type.DeclaredType declared
        && declared.asElement() instanceof TypeElement element) {
      if (isPrivateOrInPrivate(element)) {
        return Optional.of(element);
      }
      for (TypeMirror argument : declared.getTypeArguments()) {
        Optional<TypeElement> inside = privateTypeIn(argument);
        if (inside.isPresent()) {
          return inside;
        }
      }
    }
    return Optional.empty();
  }

  /** Whether javac could not compute a value of an annotation on the method or one of its parameters. */
  private boolean anyErroneous(ExecutableElement method) {
    List<Element> annotated = new ArrayList<>(method.getParameters());
    annotated.add(0, method);
    for (Element element : annotated) {
      for (var mirror : element.getAnnotationMirrors()) {
        if (new AnnotationReader(elements, element, mirror).isErroneous()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the method itself can be called from generated code: public, not abstract, not generic. */
  private static boolean callable(ExecutableElement method) {
    return method.getModifiers().contains(Modifier.PUBLIC) && !method.getModifiers().contains(Modifier.ABSTRACT)
        && method.getTypeParameters().isEmpty();
  }

  /** Checks one method and computes its descriptor; empty when an error was reported. */
  private Optional<ToolCode.Method> method(ExecutableElement method, String serverName,
      Map<String, ExecutableElement> seen, Map<String, Origin> nameOrigins, Diagnostics diagnostics) {
    McpToolPrism tool = new McpToolPrism(new AnnotationReader(elements, method,
        mirror(method, McpToolPrism.ANNOTATION)));
    if (anyErroneous(method)) {
      // javac reports the value it could not compute; whatever we said about the tool would follow from it.
      return Optional.empty();
    }
    boolean explicitName = tool.isExplicit(McpToolPrism.Attr.NAME);
    String name = tool.name().isEmpty() ? method.getSimpleName().toString() : tool.name();
    String label = "@McpTool " + method.getSimpleName();
    Origin nameOrigin = (explicitName ? tool.origin(McpToolPrism.Attr.NAME) : Origin.at(method, label))
        .labeled(label + " name");
    boolean ok = true;
    if (!callable(method)) {
      Report.Problem problem = diagnostics.problem(FindingCode.TOOL_METHOD, Origin.at(method, label));
      if (!method.getModifiers().contains(Modifier.PUBLIC)) {
        problem.found("a method that is not public").fix("make it public");
      } else if (method.getModifiers().contains(Modifier.ABSTRACT)) {
        problem.found("an abstract method").fix("implement it");
      } else {
        problem.found("a method with type parameters").fix("give it concrete types");
      }
      problem.report();
      ok = false;
    }
    Optional<String> badName = Rules.toolNameProblem(name);
    if (badName.isPresent()) {
      diagnostics.problem(FindingCode.BAD_TOOL_NAME, nameOrigin).value(name)
          .fix(badName.get() + (explicitName ? "" : ", with @McpTool(name = \"...\")")).report();
      ok = false;
    } else if (seen.containsKey(name)) {
      ExecutableElement other = seen.get(name);
      diagnostics.problem(FindingCode.DUPLICATE, nameOrigin)
          .found(Text.quote(name) + " twice in server " + Text.quote(serverName) + ": "
              + other.getEnclosingElement() + "." + other.getSimpleName() + " has it too")
          .fix("rename one with @McpTool(name = \"...\")").report();
      ok = false;
    } else {
      seen.put(name, method);
      nameOrigins.put(name, nameOrigin);
    }
    String description = tool.description();
    if (description.isBlank()) {
      description = schemas.javadoc(method).main().map(ToolRound::firstSentence)
          .orElse("");
    }
    if (description.isBlank()) {
      diagnostics.problem(FindingCode.MISSING, tool.isExplicit(McpToolPrism.Attr.DESCRIPTION)
              ? tool.origin(McpToolPrism.Attr.DESCRIPTION).labeled(label + " description")
              : tool.origin().labeled(label + " description"))
          .found("neither @McpTool(description) nor a Javadoc sentence")
          .fix("say what the tool does and when to use it, in @McpTool(description = \"...\") or the first sentence"
              + " of the method's Javadoc")
          .report();
      ok = false;
    }
    if (!method.getTypeParameters().isEmpty()) {
      // Its type variables would all be UnmappableType: follow-on errors of the one above.
      return Optional.empty();
    }
    ToolSchemas.InputSchema input = schemas.input(method, diagnostics);
    boolean resultOk = checkResult(method, tool.structuredOutput(), label, diagnostics);
    ok &= resultOk;
    Optional<ToolSchemas.OutputSchema> output = tool.structuredOutput() && resultOk
        ? schemas.output(method, diagnostics) : Optional.empty();
    if (!input.valid() || output.map(o -> !o.valid()).orElse(false)) {
      ok = false;
    }
    // The invoker, a class of its own, names the parameter types (and a wrapped result's type): a private one
    // would not compile there.
    for (var parameter : method.getParameters()) {
      Optional<TypeElement> hidden = privateTypeIn(parameter.asType());
      if (hidden.isPresent()) {
        diagnostics.problem(FindingCode.TOOL_METHOD, Origin.at(parameter, label))
            .found("parameter " + parameter.getSimpleName() + " of a type that uses " + hidden.get().getQualifiedName()
                + ", which is private, so the generated code cannot name it")
            .fix("make it package-private or public").report();
        ok = false;
      }
    }
    if (output.map(ToolSchemas.OutputSchema::wrapped).orElse(false)) {
      Optional<TypeElement> hidden = privateTypeIn(method.getReturnType());
      if (hidden.isPresent()) {
        diagnostics.problem(FindingCode.TOOL_METHOD, Origin.at(method, label))
            .found("a structured result of a type that uses " + hidden.get().getQualifiedName() + ", which is"
                + " private, so the generated code cannot name it")
            .fix("make it package-private or public").report();
        ok = false;
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    ObjectNode descriptor = JsonNodeFactory.instance.objectNode();
    descriptor.put("name", name);
    if (!tool.title().isEmpty()) {
      descriptor.put("title", tool.title());
    }
    descriptor.put("description", description.strip());
    descriptor.set("inputSchema", input.schema());
    output.ifPresent(o -> descriptor.set("outputSchema", o.schema()));
    ObjectNode hints = JsonNodeFactory.instance.objectNode();
    tool.readOnly().ifPresent(v -> hints.put("readOnlyHint", v));
    tool.destructive().ifPresent(v -> hints.put("destructiveHint", v));
    tool.idempotent().ifPresent(v -> hints.put("idempotentHint", v));
    tool.openWorld().ifPresent(v -> hints.put("openWorldHint", v));
    if (!hints.isEmpty()) {
      descriptor.set("annotations", hints);
    }
    boolean structured = output.isPresent();
    return Optional.of(new ToolCode.Method(method, name, descriptor, structured,
        output.map(ToolSchemas.OutputSchema::wrapped).orElse(false),
        output.map(ToolSchemas.OutputSchema::mayBeAbsent).orElse(false), input.parameters()));
  }

  /**
   * Whether the server can answer with what {@code method} returns: a content result ({@code Content},
   * {@code List<Content>}, {@code ToolResult}) is written as it is, so it has no output schema; a type of
   * sdk-mcp anywhere else in the return type (a context type, {@code Optional<Content>}, {@code Content[]},
   * {@code List<ToolResult>}) would be written as JSON of its fields. Reports {@code UnmappableType} on the
   * method otherwise.
   */
  private static boolean checkResult(ExecutableElement method, boolean structured, String label,
      Diagnostics diagnostics) {
    TypeMirror returns = method.getReturnType();
    ContextTypes.Result kind = ContextTypes.result(returns);
    String found;
    String fix;
    if (kind != ContextTypes.Result.VALUE && structured) {
      found = SchemaMapper.display(returns) + ", a content result, with structuredOutput = true";
      fix = "remove structuredOutput = true (content is sent as it is, without an output schema), or return the"
          + " value whose output schema the tool declares";
    } else if (ContextTypes.accessor(returns).isPresent()) {
      found = SchemaMapper.display(returns) + ", a context type of sdk-mcp, which is no result";
      fix = "return a String, a value that maps to JSON Schema, Content, List<Content> or ToolResult";
    } else if (kind == ContextTypes.Result.VALUE && ContextTypes.nested(returns).isPresent()) {
      found = SchemaMapper.display(returns) + ", which has " + ContextTypes.nested(returns).get() + " inside:"
          + " the server would write its fields as JSON";
      fix = "return Content, List<Content> or ToolResult (ToolResult.of(...) for several items)";
    } else {
      return true;
    }
    diagnostics.problem(FindingCode.UNMAPPABLE_TYPE, Origin.at(method, label + " return type"))
        .found(found).fix(fix).report();
    return false;
  }

  /** The first sentence of a Javadoc text: up to the first period followed by white space, or all of it. */
  static String firstSentence(String text) {
    String flat = JavadocText.collapse(text).strip();
    var matcher = SENTENCE_END.matcher(flat);
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
    return method.getModifiers().stream().map(Modifier::toString).collect(Collectors.joining(" ")) + " "
        + (method.getTypeParameters().isEmpty() ? ""
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
