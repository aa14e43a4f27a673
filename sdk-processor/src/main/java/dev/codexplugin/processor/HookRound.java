package dev.codexplugin.processor;

import dev.codexplugin.api.HookEvent;
import dev.codexplugin.processor.Declarations.PartDecl;
import dev.codexplugin.processor.Declarations.PluginDecl;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.format.Rules;
import dev.codexplugin.runtime.format.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The {@code @HookHandler} methods of a round, beside the tools' {@link ToolRound}: checks them, generates one
 * launcher {@code <PluginName>Hooks} per plugin ({@link HookCode}; Java sources must be generated in the round
 * their elements appear in), and keeps what the plugin's bundle needs when processing is over: one
 * {@code hooks/hooks.json} entry per handler.
 */
final class HookRound {
  static final String HOOKS = "dev.codexplugin.hooks";

  /** The input type of each event Java handlers can handle, by simple name in {@link #HOOKS}. */
  static final Map<HookEvent, String> INPUT = new EnumMap<>(HookEvent.class);
  /** The decision type of each event ({@code null}: void only). */
  static final Map<HookEvent, String> DECISION = new EnumMap<>(HookEvent.class);
  /** The events of the tools, whose handlers may bind the tool's input to a record. */
  static final Set<HookEvent> TOOL_EVENTS = EnumSet.of(HookEvent.PRE_TOOL_USE, HookEvent.POST_TOOL_USE,
      HookEvent.PERMISSION_REQUEST);
  /** The events both hosts run whatever the matcher says. */
  static final Set<HookEvent> MATCHER_IGNORED = EnumSet.of(HookEvent.USER_PROMPT_SUBMIT, HookEvent.STOP,
      HookEvent.SUBAGENT_STOP, HookEvent.SESSION_END);

  static {
    put(HookEvent.PRE_TOOL_USE, "PreToolUse", "PreToolUseDecision");
    put(HookEvent.POST_TOOL_USE, "PostToolUse", "BlockOrContextDecision");
    put(HookEvent.PERMISSION_REQUEST, "PermissionRequest", "PermissionDecision");
    put(HookEvent.USER_PROMPT_SUBMIT, "UserPromptSubmit", "BlockOrContextDecision");
    put(HookEvent.SESSION_START, "SessionStart", "ContextDecision");
    put(HookEvent.SESSION_END, "SessionEnd", null);
    put(HookEvent.STOP, "Stop", "StopDecision");
    put(HookEvent.SUBAGENT_START, "SubagentStart", "ContextDecision");
    put(HookEvent.SUBAGENT_STOP, "SubagentStop", "StopDecision");
    put(HookEvent.PRE_COMPACT, "PreCompact", null);
    put(HookEvent.POST_COMPACT, "PostCompact", null);
  }

  private static void put(HookEvent event, String input, String decision) {
    INPUT.put(event, input);
    DECISION.put(event, decision);
  }

  /**
   * One checked handler.
   *
   * @param id the handler id, {@code ReleasePolicy.checkBump}
   * @param method the method
   * @param prism its annotation
   * @param record the tool-input record of its second parameter, or {@code null}
   */
  record Handler(String id, ExecutableElement method, HookHandlerPrism prism, TypeElement record) {
    HookEvent event() {
      return prism.event();
    }

    boolean isStatic() {
      return method.getModifiers().contains(Modifier.STATIC);
    }

    boolean isVoid() {
      return method.getReturnType().getKind() == TypeKind.VOID;
    }

    TypeElement owner() {
      return (TypeElement) method.getEnclosingElement();
    }
  }

  /**
   * The hooks of one plugin: what its bundle gets.
   *
   * @param launcher the qualified name of the generated launcher
   * @param handlers the handlers, sorted by id (the launcher's index is the position)
   * @param failed whether an error was reported about them: then nothing was generated and the bundle must not
   *     be written
   */
  record PluginHooks(String launcher, List<Handler> handlers, boolean failed) {}

  private final ProcessingEnvironment env;
  private final Elements elements;
  private final Types types;
  private final Map<String, PluginHooks> byPlugin = new TreeMap<>();
  private final Map<String, String> ownerOf = new HashMap<>();
  private boolean missingDependencyReported;

  HookRound(ProcessingEnvironment env) {
    this.env = env;
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
  }

  /** The hooks of each plugin, by plugin name, over all rounds. */
  Map<String, PluginHooks> byPlugin() {
    return byPlugin;
  }

  /** Handles the handlers of this round; {@code plugins} are every {@code @Plugin} known so far. */
  void process(RoundEnvironment round, List<PluginDecl> plugins, Diagnostics diagnostics) {
    TypeElement annotation = elements.getTypeElement(HookHandlerPrism.ANNOTATION);
    if (annotation == null) {
      return;
    }
    List<ExecutableElement> methods = new ArrayList<>(
        ElementFilter.methodsIn(round.getElementsAnnotatedWith(annotation)));
    if (methods.isEmpty()) {
      return;
    }
    methods.sort(Comparator.comparing(m -> m.getEnclosingElement() + "." + m.getSimpleName()));
    // Without sdk-hooks the launcher cannot compile: the handlers are still checked, nothing is generated.
    boolean generate = elements.getTypeElement(HookCode.DISPATCHER.canonicalName()) != null;
    if (!generate && !missingDependencyReported) {
      missingDependencyReported = true;
      diagnostics.problem(FindingCode.MISSING_DEPENDENCY, Origin.at(methods.get(0), "dev.codexplugin:sdk-hooks, the"
              + " runtime of the launcher generated for @HookHandler,"))
          .found("no " + HookCode.DISPATCHER.canonicalName())
          .fix("add dev.codexplugin:sdk-hooks to the dependencies (same version as sdk-api) so that the generated"
              + " launcher compiles")
          .report();
    }
    Map<PartDecl, ExecutableElement> methodOf = new LinkedHashMap<>();
    for (ExecutableElement method : methods) {
      PartDecl part = Declarations.part(Declarations.Kind.HOOK_HANDLER, method,
          new AnnotationReader(elements, method, mirror(method)), packageOf(method), false);
      methodOf.put(part, method);
    }
    Map<PluginDecl, List<PartDecl>> members = Membership.assign(plugins, new ArrayList<>(methodOf.keySet()),
        diagnostics);
    for (var member : members.entrySet()) {
      if (member.getKey().erroneous() || member.getValue().isEmpty()) {
        continue;
      }
      List<ExecutableElement> own = new ArrayList<>();
      member.getValue().forEach(p -> own.add(methodOf.get(p)));
      plugin(member.getKey(), own, generate, diagnostics);
    }
  }

  private void plugin(PluginDecl plugin, List<ExecutableElement> methods, boolean generate,
      Diagnostics diagnostics) {
    String pluginName = plugin.name();
    String owner = plugin.element().toString();
    if (!owner.equals(ownerOf.computeIfAbsent(pluginName, n -> owner))) {
      // Two @Plugins of one name: reported as Duplicate when processing is over.
      markFailed(pluginName);
      return;
    }
    PluginHooks earlier = byPlugin.get(pluginName);
    if (earlier != null) {
      for (ExecutableElement method : methods) {
        diagnostics.problem(FindingCode.HOOK_SIGNATURE, Origin.at(method, "@HookHandler " + method.getSimpleName()))
            .found("a handler that appeared in a later round than the other handlers of plugin "
                + Text.quote(pluginName) + ", whose launcher was generated in the round of its first handlers")
            .fix("declare it in a hand-written source").report();
      }
      markFailed(pluginName);
      return;
    }
    if (!generate) {
      // Reported once (MissingDependency): the input and decision types cannot be resolved, so nothing more is
      // checked, and nothing is generated or written.
      byPlugin.put(pluginName, new PluginHooks(HookCode.launcherName(plugin, pluginName).canonicalName(),
          List.of(), true));
      return;
    }
    boolean failed = false;
    String launcher = HookCode.launcherName(plugin, pluginName).canonicalName();
    List<Handler> handlers = new ArrayList<>();
    Map<String, ExecutableElement> ids = new HashMap<>();
    for (ExecutableElement method : methods) {
      Optional<Handler> handler = handler(method, launcher, diagnostics);
      if (handler.isEmpty()) {
        failed = true;
        continue;
      }
      ExecutableElement other = ids.putIfAbsent(handler.get().id(), method);
      if (other != null) {
        diagnostics.problem(FindingCode.DUPLICATE, Origin.at(method, "@HookHandler " + method.getSimpleName()
                + " id"))
            .found(Text.quote(handler.get().id()) + " twice in plugin " + Text.quote(pluginName) + ": "
                + ((TypeElement) other.getEnclosingElement()).getQualifiedName() + "." + other.getSimpleName()
                + " has it too (the id is the class's simple name and the method's name)")
            .fix("rename one of the methods or classes").report();
        failed = true;
        continue;
      }
      handlers.add(handler.get());
    }
    if (elements.getTypeElement(launcher) != null) {
      diagnostics.problem(FindingCode.DUPLICATE, plugin.prism().origin(PluginPrism.Attr.NAME)
              .labeled("the hook launcher " + launcher + " generated for " + plugin.prism().title()))
          .found("a class of that name").fix("rename that class (the processor writes the launcher)").report();
      failed = true;
    }
    handlers.sort(Comparator.comparing(Handler::id));
    if (!failed) {
      new HookCode(env).writeLauncher(plugin, pluginName, handlers, diagnostics);
    }
    byPlugin.put(pluginName, new PluginHooks(launcher, List.copyOf(handlers), failed));
  }

  private void markFailed(String pluginName) {
    PluginHooks known = byPlugin.get(pluginName);
    if (known != null) {
      byPlugin.put(pluginName, new PluginHooks(known.launcher(), known.handlers(), true));
    }
  }

  /** Checks one handler; empty when an error was reported. */
  private Optional<Handler> handler(ExecutableElement method, String launcher, Diagnostics diagnostics) {
    HookHandlerPrism prism = new HookHandlerPrism(new AnnotationReader(elements, method, mirror(method)));
    if (prism.isErroneous()) {
      return Optional.empty();
    }
    if (ErrorTypes.erroneous(method.getReturnType())
        || method.getParameters().stream().anyMatch(p -> ErrorTypes.erroneous(p.asType()))) {
      // javac reports the type it could not resolve; whatever we said would follow from it.
      return Optional.empty();
    }
    String label = "@HookHandler " + method.getSimpleName();
    boolean ok = true;
    HookEvent event = prism.event();
    if (!INPUT.containsKey(event)) {
      diagnostics.problem(FindingCode.HOOK_EVENT, prism.origin(HookHandlerPrism.Attr.EVENT).labeled(label + " event"))
          .found(event.name() + " (" + event.jsonName() + "), which only Codex has")
          .fix("write a shell @Hook(event = HookEvent." + event.name() + ", command = \"...\") for it").report();
      ok = false;
    }
    ok &= signature(method, label, launcher, diagnostics);
    TypeElement record = null;
    if (INPUT.containsKey(event)) {
      Optional<TypeElement> input = input(method, event, label, launcher, diagnostics);
      if (input == null) {
        ok = false;
      } else {
        record = input.orElse(null);
      }
      ok &= decision(method, event, label, diagnostics);
    }
    if (!prism.matcher().isEmpty()) {
      Origin matcher = prism.origin(HookHandlerPrism.Attr.MATCHER).labeled(label + " matcher");
      Optional<String> problem = Rules.regexProblem(prism.matcher());
      if (problem.isPresent()) {
        diagnostics.problem(FindingCode.BAD_REGEX, matcher).value(prism.matcher()).fix(problem.get()).report();
        ok = false;
      } else if (MATCHER_IGNORED.contains(event)) {
        diagnostics.problem(FindingCode.IGNORED_MATCHER, matcher)
            .found(Text.quote(prism.matcher()) + " on " + event.name()).report();
      }
    }
    int timeout = prism.timeoutSec();
    if (timeout < 1 || timeout > 600) {
      diagnostics.problem(FindingCode.HOOK_TIMEOUT, prism.origin(HookHandlerPrism.Attr.TIMEOUT_SEC)
          .labeled(label + " timeoutSec")).found(String.valueOf(timeout)).report();
      ok = false;
    }
    return ok ? Optional.of(new Handler(id(method), method, prism, record)) : Optional.empty();
  }

  /** {@code ReleasePolicy.checkBump}: the class's simple name with its enclosing classes, and the method's. */
  static String id(ExecutableElement method) {
    StringBuilder out = new StringBuilder(method.getSimpleName());
    for (Element e = method.getEnclosingElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
      out.insert(0, e.getSimpleName() + ".");
    }
    return out.toString();
  }

  /** The method and its class can be called from the launcher; reports {@code HookSignature} when not. */
  private boolean signature(ExecutableElement method, String label, String launcher, Diagnostics diagnostics) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    Set<Modifier> modifiers = method.getModifiers();
    String found = null;
    String fix = "";
    if (!modifiers.contains(Modifier.PUBLIC)) {
      found = "a method that is not public";
      fix = "make it public";
    } else if (modifiers.contains(Modifier.ABSTRACT)) {
      found = "an abstract method";
      fix = "implement it in a class of its own";
    } else if (!method.getTypeParameters().isEmpty()) {
      found = "a method with type parameters";
      fix = "give it concrete types";
    } else if (owner.getKind() != ElementKind.CLASS && owner.getKind() != ElementKind.RECORD
        && owner.getKind() != ElementKind.ENUM && !(owner.getKind() == ElementKind.INTERFACE
        && modifiers.contains(Modifier.STATIC))) {
      found = "a method of " + owner.getQualifiedName() + ", " + kind(owner);
      fix = "move it to a class";
    } else if (owner.getNestingKind() == NestingKind.LOCAL || owner.getNestingKind() == NestingKind.ANONYMOUS) {
      found = "a method of a local or anonymous class";
      fix = "move it to a top-level class";
    } else if (!publicAll(owner)) {
      found = "a method of " + owner.getQualifiedName() + ", which is not public"
          + (owner.getNestingKind() == NestingKind.MEMBER ? " (or is inside a class that is not)" : "");
      fix = "make the class public";
    } else if (owner.getNestingKind() == NestingKind.MEMBER && !owner.getModifiers().contains(Modifier.STATIC)
        && owner.getKind() == ElementKind.CLASS) {
      found = "a method of " + owner.getQualifiedName() + ", an inner class";
      fix = "make the class static";
    } else if (packageOf(owner).isEmpty() && launcher.contains(".")) {
      found = "a method of " + owner.getQualifiedName() + " in the unnamed package, which the launcher " + launcher
          + " cannot import";
      fix = "move the class to a package";
    } else if (!modifiers.contains(Modifier.STATIC)) {
      if (!owner.getTypeParameters().isEmpty()) {
        found = "an instance method of " + owner.getQualifiedName() + ", a generic class";
        fix = "make the method static, or move it to a class without type parameters";
      } else if (owner.getKind() != ElementKind.CLASS && owner.getKind() != ElementKind.RECORD
          || owner.getModifiers().contains(Modifier.ABSTRACT)) {
        found = "an instance method of " + owner.getQualifiedName() + ", " + kind(owner) + " that cannot be created";
        fix = "make the method static";
      } else if (!hasPublicNoArgConstructor(owner)) {
        found = "an instance method of " + owner.getQualifiedName() + ", which has no public constructor without"
            + " parameters";
        fix = "add one, or make the method static";
      }
    }
    if (found == null) {
      for (TypeMirror thrown : method.getThrownTypes()) {
        if (!types.isAssignable(thrown, elements.getTypeElement("java.lang.Exception").asType())
            && !types.isAssignable(thrown, elements.getTypeElement("java.lang.Error").asType())) {
          found = "throws " + thrown + ", which is neither an Exception nor an Error";
          fix = "throw an Exception";
          break;
        }
      }
    }
    if (found == null) {
      return true;
    }
    diagnostics.problem(FindingCode.HOOK_SIGNATURE, Origin.at(method, label)).found(found).fix(fix).report();
    return false;
  }

  /**
   * Checks the parameters: the tool-input record, empty when there is none, or {@code null} when an error was
   * reported.
   */
  private Optional<TypeElement> input(ExecutableElement method, HookEvent event, String label, String launcher,
      Diagnostics diagnostics) {
    String expected = HOOKS + "." + INPUT.get(event);
    List<? extends VariableElement> parameters = method.getParameters();
    boolean tool = TOOL_EVENTS.contains(event);
    String shape = expected.substring(HOOKS.length() + 1) + (tool ? " [, a record of the tool's input]" : "");
    if (parameters.isEmpty()) {
      diagnostics.problem(FindingCode.HOOK_INPUT, Origin.at(method, label + " parameters"))
          .found("no parameter").fix("declare " + method.getSimpleName() + "(" + shape + ") for " + event.name())
          .report();
      return null;
    }
    VariableElement first = parameters.get(0);
    if (!nameOf(first.asType()).equals(expected)) {
      diagnostics.problem(FindingCode.HOOK_INPUT, Origin.at(first, label + " parameter " + first.getSimpleName()))
          .found(first.asType() + " for " + event.name())
          .fix("declare " + expected.substring(HOOKS.length() + 1) + " " + first.getSimpleName() + " first").report();
      return null;
    }
    if (parameters.size() == 1) {
      return Optional.empty();
    }
    VariableElement second = parameters.get(1);
    Origin at = Origin.at(second, label + " parameter " + second.getSimpleName());
    if (!tool) {
      diagnostics.problem(FindingCode.HOOK_INPUT, at)
          .found("a second parameter for " + event.name() + ", which has no tool input")
          .fix("remove it").report();
      return null;
    }
    if (parameters.size() > 2) {
      VariableElement third = parameters.get(2);
      diagnostics.problem(FindingCode.HOOK_INPUT, Origin.at(third, label + " parameter " + third.getSimpleName()))
          .found(parameters.size() + " parameters").fix("remove all but the input and the record").report();
      return null;
    }
    TypeElement record = asType(second.asType());
    if (record == null || record.getKind() != ElementKind.RECORD) {
      diagnostics.problem(FindingCode.HOOK_INPUT, at).found(second.asType() + ", which is not a record")
          .fix("declare a record whose components are the members of the tool's input you read, or take the"
              + " JsonObject from " + first.getSimpleName() + ".toolInput()").report();
      return null;
    }
    return binds(record, at, launcher, new HashSet<>(), diagnostics) ? Optional.of(record) : null;
  }

  /**
   * Whether the launcher can bind {@code record} from a JSON object: accessible, not generic, every component of a
   * type of the binding table (records recursively). Reports {@code HookBinding} on each component that is not.
   */
  private boolean binds(TypeElement record, Origin at, String launcher, Set<String> seen, Diagnostics diagnostics) {
    if (!seen.add(record.getQualifiedName().toString())) {
      return true;
    }
    String problem = accessProblem(record, launcher);
    if (problem == null && !record.getTypeParameters().isEmpty()) {
      problem = "it has type parameters";
    }
    if (problem != null) {
      diagnostics.problem(FindingCode.HOOK_BINDING, at.labeled(at.label() + " (" + record.getQualifiedName() + ")"))
          .found("a record the launcher cannot create: " + problem).fix("make it a public record without type"
              + " parameters").report();
      return false;
    }
    boolean ok = true;
    for (RecordComponentElement component : record.getRecordComponents()) {
      String found = componentProblem(component.asType(), launcher, true);
      if (found == null) {
        TypeElement nested = nestedRecord(component.asType());
        if (nested != null) {
          ok &= binds(nested, Origin.at(anchor(record, component), "@HookHandler record component "
              + record.getSimpleName() + "." + component.getSimpleName()), launcher, seen, diagnostics);
        }
        continue;
      }
      diagnostics.problem(FindingCode.HOOK_BINDING, Origin.at(anchor(record, component),
              "@HookHandler record component " + record.getSimpleName() + "." + component.getSimpleName()))
          .found(found).report();
      ok = false;
    }
    return ok;
  }

  /**
   * Where a diagnostic about a record component points: the record's field of that name, which javac places on
   * the component in the record's header (the component element itself has no position for the Messager).
   */
  private static Element anchor(TypeElement record, RecordComponentElement component) {
    for (VariableElement field : ElementFilter.fieldsIn(record.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(component.getSimpleName())) {
        return field;
      }
    }
    return component;
  }

  /** What is wrong with {@code type} as a bound component, or {@code null}. */
  private String componentProblem(TypeMirror type, String launcher, boolean optionalAllowed) {
    if (type.getKind().isPrimitive()) {
      return switch (type.getKind()) {
        case BOOLEAN, INT, LONG, DOUBLE -> null;
        default -> type + ", a primitive the launcher does not bind (use int, long, double or boolean)";
      };
    }
    TypeElement element = asType(type);
    if (element == null) {
      return type + ", which is not a class, record or enum";
    }
    String name = element.getQualifiedName().toString();
    switch (name) {
      case "java.lang.String", "java.lang.Boolean", "java.lang.Integer", "java.lang.Long", "java.lang.Double",
          HOOKS + ".JsonObject":
        return null;
      case "java.util.List": {
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        return arguments.size() == 1 && nameOf(arguments.get(0)).equals("java.lang.String") ? null
            : type + "; only List<String> is bound";
      }
      case "java.util.Optional": {
        if (!optionalAllowed) {
          return type + " inside an Optional";
        }
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        if (arguments.size() != 1 || arguments.get(0).getKind() != TypeKind.DECLARED) {
          return type + ", an Optional without a concrete type";
        }
        String inner = componentProblem(arguments.get(0), launcher, false);
        return inner == null ? null : type + ": " + inner;
      }
      default:
        break;
    }
    if (element.getKind() == ElementKind.ENUM || element.getKind() == ElementKind.RECORD) {
      String access = accessProblem(element, launcher);
      return access == null ? null : type + ", which " + access;
    }
    return type + ", which the launcher does not bind";
  }

  /** The record a component of {@code type} binds recursively ({@code R} or {@code Optional<R>}), or null. */
  private TypeElement nestedRecord(TypeMirror type) {
    TypeElement element = asType(type);
    if (element == null) {
      return null;
    }
    if (element.getQualifiedName().contentEquals("java.util.Optional")) {
      return nestedRecord(((DeclaredType) type).getTypeArguments().get(0));
    }
    return element.getKind() == ElementKind.RECORD ? element : null;
  }

  /** Why the launcher (in the package of {@code launcher}) cannot name {@code type}, or {@code null}. */
  private String accessProblem(TypeElement type, String launcher) {
    String launcherPackage = launcher.contains(".") ? launcher.substring(0, launcher.lastIndexOf('.')) : "";
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        return "is private (or inside a private class)";
      }
      if (!t.getModifiers().contains(Modifier.PUBLIC) && !packageOf(t).equals(launcherPackage)) {
        return "is not public and not in the launcher's package " + Text.quote(launcherPackage);
      }
      if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
        return "is a local class";
      }
    }
    if (packageOf(type).isEmpty() && !launcherPackage.isEmpty()) {
      return "is in the unnamed package, which the launcher cannot import";
    }
    return null;
  }

  /** Checks the return type; reports {@code HookDecision} when it is not the event's decision or void. */
  private boolean decision(ExecutableElement method, HookEvent event, String label, Diagnostics diagnostics) {
    TypeMirror returns = method.getReturnType();
    String decision = DECISION.get(event);
    if (returns.getKind() == TypeKind.VOID || (decision != null && nameOf(returns).equals(HOOKS + "." + decision))) {
      return true;
    }
    String shown = nameOf(returns).startsWith(HOOKS + ".") ? nameOf(returns).substring(HOOKS.length() + 1)
        : returns.toString();
    diagnostics.problem(FindingCode.HOOK_DECISION, Origin.at(method, label + " return type"))
        .found(shown + " for " + event.name())
        .fix(decision == null ? "return void: " + event.jsonName() + " hooks only observe"
            : "return " + decision + " (or void for no decision)").report();
    return false;
  }

  private static String kind(TypeElement type) {
    String kind = type.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
  }

  private static boolean publicAll(TypeElement type) {
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (!t.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasPublicNoArgConstructor(TypeElement type) {
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty() && constructor.getModifiers().contains(Modifier.PUBLIC)) {
        return true;
      }
    }
    return false;
  }

  private static TypeElement asType(TypeMirror type) {
    return type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element
        ? element : null;
  }

  /** The qualified name of a declared type, without type arguments; else its text. */
  private static String nameOf(TypeMirror type) {
    TypeElement element = asType(type);
    return element == null ? type.toString() : element.getQualifiedName().toString();
  }

  private String packageOf(Element element) {
    return elements.getPackageOf(element).getQualifiedName().toString();
  }

  private static javax.lang.model.element.AnnotationMirror mirror(Element element) {
    for (var mirror : element.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(HookHandlerPrism.ANNOTATION)) {
        return mirror;
      }
    }
    throw new IllegalStateException(element + " has no @" + HookHandlerPrism.ANNOTATION);
  }
}
