package dev.codexplugin.processor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.format.Text;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The {@code @McpResource}, {@code @McpPrompt} and {@code @McpCompletion} methods of a round: finds them,
 * checks them against each other within one plugin's server (URIs and prompt names unique, template variables
 * bound one to one to {@code String} parameters, prompt arguments strings, completions naming a prompt or
 * template of the server and one of its arguments, return types the runtime sends) and hands what passed to
 * {@link ResourceCode}. {@link ToolRound} calls it: the features share the tools' membership, round and
 * server.
 */
final class ResourceRound {
  static final String MCP = ToolCode.MCP;
  /** RFC 6570 level-1 variables: {@code {name}}; anything else inside braces is reported. */
  private static final Pattern EXPRESSION = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z0-9_]+");
  /** What a state of {@link #commonSegment} reads at the end of its segment: nothing. */
  private static final int NONE = -2;
  private static final List<String> ANNOTATIONS = List.of(McpResourcePrism.ANNOTATION, McpPromptPrism.ANNOTATION,
      McpCompletionPrism.ANNOTATION);

  /** The method that first took a URI (or a template's shape, its variables as {@code {}}) in one server. */
  private record UriClaim(ExecutableElement method, String uri) {}

  /**
   * What the generated code passes to one parameter: the template variable (or prompt argument) of that name,
   * or, when {@code variable} is {@code null}, the request's context through {@code accessor} (see
   * {@link ContextTypes}; {@code ""} for the {@code ToolContext} itself).
   */
  record Arg(String variable, String accessor) {
    static Arg named(String variable) {
      return new Arg(variable, null);
    }

    static Arg context(String accessor) {
      return new Arg(null, accessor);
    }
  }

  /**
   * A checked resource or template method; {@code variables} are the template's variables in parameter order,
   * {@code parameters} what each parameter gets.
   */
  record Resource(ExecutableElement method, String uri, boolean template, ObjectNode descriptor,
      List<String> variables, List<Arg> parameters, Origin uriOrigin) {}

  /**
   * A checked prompt method; {@code arguments} are its prompt arguments in parameter order, {@code parameters}
   * what each parameter gets.
   */
  record Prompt(ExecutableElement method, String name, ObjectNode descriptor, List<String> arguments,
      List<Arg> parameters) {}

  /** A checked completion method; {@code withResolved} when it takes the resolved arguments too. */
  record Completion(ExecutableElement method, boolean prompt, String ref, String argument, boolean withResolved) {}

  /** What one class contributes to its server. */
  record Features(TypeElement type, List<Resource> resources, List<Prompt> prompts, List<Completion> completions) {
    boolean needsInstance() {
      return resources.stream().map(Resource::method).anyMatch(ResourceRound::isInstance)
          || prompts.stream().map(Prompt::method).anyMatch(ResourceRound::isInstance)
          || completions.stream().map(Completion::method).anyMatch(ResourceRound::isInstance);
    }
  }

  private final Elements elements;
  private final Types types;
  private final Map<Element, JavadocText> javadoc = new HashMap<>();
  private Map<TypeElement, List<ExecutableElement>> round = Map.of();

  ResourceRound(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
  }

  /**
   * Finds this round's methods with any of the three annotations, by class, in source order; the result is
   * also kept for {@link #check}.
   */
  Map<TypeElement, List<ExecutableElement>> collect(RoundEnvironment environment) {
    Set<TypeElement> owners = new LinkedHashSet<>();
    for (String name : ANNOTATIONS) {
      TypeElement annotation = elements.getTypeElement(name);
      if (annotation == null) {
        continue;
      }
      for (ExecutableElement method : ElementFilter.methodsIn(environment.getElementsAnnotatedWith(annotation))) {
        if (method.getEnclosingElement() instanceof TypeElement type) {
          owners.add(type);
        }
      }
    }
    Map<TypeElement, List<ExecutableElement>> byType = new TreeMap<>(
        Comparator.comparing(t -> t.getQualifiedName().toString()));
    for (TypeElement type : owners) {
      List<ExecutableElement> methods = ElementFilter.methodsIn(type.getEnclosedElements()).stream()
          .filter(m -> ANNOTATIONS.stream().anyMatch(a -> mirror(m, a) != null)).toList();
      byType.put(type, methods);
    }
    javadoc.clear();
    round = byType;
    return byType;
  }

  /** The reader of the first feature annotation of {@code type}'s methods, for its membership part. */
  AnnotationReader firstReader(TypeElement type) {
    ExecutableElement first = round.get(type).get(0);
    for (String name : ANNOTATIONS) {
      AnnotationMirror mirror = mirror(first, name);
      if (mirror != null) {
        return new AnnotationReader(elements, first, mirror);
      }
    }
    throw new IllegalStateException(first + " has no MCP feature annotation");
  }

  /** Whether any class of {@code types} has feature methods in this round. */
  boolean any(List<TypeElement> candidates) {
    return candidates.stream().anyMatch(round::containsKey);
  }

  /** Reports the feature methods of {@code candidates} that appeared after the round of the plugin's server. */
  void laterRound(List<TypeElement> candidates, String pluginName, Diagnostics diagnostics) {
    for (TypeElement type : candidates) {
      for (ExecutableElement method : round.getOrDefault(type, List.of())) {
        diagnostics.problem(FindingCode.MCP_METHOD, Origin.at(method, "@" + simpleLabel(method) + " "
                + method.getSimpleName()))
            .found("a method that appeared in a later round than the server of plugin " + Text.quote(pluginName)
                + ", which was generated in the round of its first tools, resources or prompts")
            .fix("declare it in a hand-written source").report();
      }
    }
  }

  /**
   * Checks the features of the classes of one server; empty when an error was reported (then nothing may be
   * generated for the server).
   */
  Optional<List<Features>> check(String serverName, List<TypeElement> candidates, ExecutableElement factory,
      String serverClass, Diagnostics diagnostics) {
    boolean ok = true;
    List<Features> out = new ArrayList<>();
    Map<String, UriClaim> uris = new HashMap<>();
    Map<String, Prompt> prompts = new LinkedHashMap<>();
    Map<String, Resource> templates = new LinkedHashMap<>();
    List<ExecutableElement> completionMethods = new ArrayList<>();
    Map<TypeElement, Features> byType = new LinkedHashMap<>();
    for (TypeElement type : candidates) {
      List<ExecutableElement> methods = round.get(type);
      if (methods == null) {
        continue;
      }
      ok &= checkType(type, methods, factory, serverClass, diagnostics);
      Features features = new Features(type, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      byType.put(type, features);
      out.add(features);
      for (ExecutableElement method : methods) {
        if (anyErroneous(method)) {
          ok = false;
          continue;
        }
        String label = "@" + simpleLabel(method) + " " + method.getSimpleName();
        if (!shape(method, label, diagnostics)) {
          ok = false;
          continue;
        }
        AnnotationMirror resource = mirror(method, McpResourcePrism.ANNOTATION);
        if (resource != null) {
          Optional<Resource> checked = resource(method, new McpResourcePrism(
              new AnnotationReader(elements, method, resource)), serverName, uris, diagnostics);
          checked.ifPresent(r -> {
            features.resources().add(r);
            if (r.template()) {
              templates.put(r.uri(), r);
            }
          });
          ok &= checked.isPresent();
        }
        AnnotationMirror prompt = mirror(method, McpPromptPrism.ANNOTATION);
        if (prompt != null) {
          Optional<Prompt> checked = prompt(method, new McpPromptPrism(new AnnotationReader(elements, method,
              prompt)), serverName, prompts, diagnostics);
          checked.ifPresent(features.prompts()::add);
          ok &= checked.isPresent();
        }
        if (mirror(method, McpCompletionPrism.ANNOTATION) != null) {
          completionMethods.add(method);
        }
      }
    }
    ok &= overlaps(serverName, templates.values(), diagnostics);
    // Completions last: they name the prompts and templates of the whole server.
    Map<String, ExecutableElement> completed = new HashMap<>();
    Map<String, TypeElement> refOwner = new HashMap<>();
    for (ExecutableElement method : completionMethods) {
      McpCompletionPrism completion = new McpCompletionPrism(new AnnotationReader(elements, method,
          mirror(method, McpCompletionPrism.ANNOTATION)));
      Optional<Completion> checked = completion(method, completion, serverName, prompts, templates, completed,
          refOwner, diagnostics);
      checked.ifPresent(byType.get((TypeElement) method.getEnclosingElement()).completions()::add);
      ok &= checked.isPresent();
    }
    return ok ? Optional.of(out) : Optional.empty();
  }

  /**
   * Reports each template that can match a URI that an earlier template of the server of equal precedence
   * matches too ({@code Duplicate}, on the later one). The server answers a {@code resources/read} with the
   * fixed resource of its URI if there is one, else with the matching template of the most literal characters
   * (the runtime's {@code Features}); two templates with as many literal characters that can match one URI
   * leave it to the order of declaration, which is no rule a reader sees. Templates of the same shape were
   * reported already. Only templates with as many literal characters and as many {@code /} can be in such a
   * pair ({@link #commonUri}), so only those are compared.
   */
  private static boolean overlaps(String serverName, Collection<Resource> templates,
      Diagnostics diagnostics) {
    boolean ok = true;
    Map<String, List<Resource>> buckets = new HashMap<>();
    for (Resource template : templates) {
      int literals = literals(template.uri());
      String key = template.uri().chars().filter(c -> c == '/').count() + " " + literals;
      List<Resource> earlier = buckets.computeIfAbsent(key, k -> new ArrayList<>());
      for (Resource other : earlier) {
        Optional<String> common = commonUri(other.uri(), template.uri());
        if (common.isPresent()) {
          ExecutableElement method = other.method();
          diagnostics.problem(FindingCode.DUPLICATE, template.uriOrigin())
              .found(Text.quote(template.uri()) + ", which can match the same URIs as " + Text.quote(other.uri())
                  + " of " + method.getEnclosingElement() + "." + method.getSimpleName() + " in server "
                  + Text.quote(serverName) + " (both match " + Text.quote(common.get()) + ") and has as many"
                  + " literal characters (" + literals + "), so neither comes first")
              .fix("make the literal parts exclude each other, give the one that should win a longer literal"
                  + " part (or a fixed resource for a special URI), or serve both with one template").report();
          ok = false;
          break;
        }
      }
      earlier.add(template);
    }
    return ok;
  }

  /** The number of characters of {@code uri} outside its {@code {variables}}: the template's precedence. */
  static int literals(String uri) {
    return EXPRESSION.matcher(uri).replaceAll("").length();
  }

  /**
   * A URI that both templates match, or empty when there is none; exact for the templates accepted here
   * ({@code {name}} variables, never two next to each other). The server matches a variable as one or more
   * characters other than {@code /} and the literal parts exactly (the MCP SDK's
   * {@code DefaultMcpUriTemplateManager}), so a URI has as many {@code /} as the template's literal parts, and
   * its {@code /}-separated segments match the template's segments one by one. Two segments are compared as the
   * product of their automata (position in the segment, inside a variable or not), searched breadth first; a
   * variable matched against a variable contributes {@code x}. Linear in the product of the segments' lengths.
   */
  static Optional<String> commonUri(String a, String b) {
    String[] left = a.split("/", -1);
    String[] right = b.split("/", -1);
    if (left.length != right.length) {
      return Optional.empty();
    }
    StringBuilder uri = new StringBuilder();
    for (int i = 0; i < left.length; i++) {
      Optional<String> segment = commonSegment(items(left[i]), items(right[i]));
      if (segment.isEmpty()) {
        return Optional.empty();
      }
      uri.append(i == 0 ? "" : "/").append(segment.get());
    }
    return Optional.of(uri.toString());
  }

  /** A segment's items: a literal character, or {@code -1} for a variable. */
  private static int[] items(String segment) {
    Matcher matcher = EXPRESSION.matcher(segment);
    List<Integer> items = new ArrayList<>();
    int end = 0;
    while (matcher.find()) {
      segment.substring(end, matcher.start()).chars().forEach(items::add);
      items.add(-1);
      end = matcher.end();
    }
    segment.substring(end).chars().forEach(items::add);
    return items.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * A string that both segments match, or empty. A side's state is {@code 2 * position + (inside ? 1 : 0)}:
   * at {@code position} before its item, or inside the variable at {@code position} after one character or
   * more (from where it may move on to {@code position + 1} without reading).
   */
  private static Optional<String> commonSegment(int[] a, int[] b) {
    int width = 2 * (b.length + 1);
    int states = 2 * (a.length + 1) * width;
    int[] parent = new int[states];
    char[] read = new char[states];
    Arrays.fill(parent, -2);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    parent[0] = -1;
    queue.add(0);
    int accept = 2 * a.length * width + 2 * b.length;
    while (!queue.isEmpty()) {
      int state = queue.poll();
      if (state == accept) {
        StringBuilder text = new StringBuilder();
        for (int s = state; parent[s] >= 0; s = parent[s]) {
          if (read[s] != 0) {
            text.append(read[s]);
          }
        }
        return Optional.of(text.reverse().toString());
      }
      int sa = state / width;
      int sb = state % width;
      // Moves without reading: out of a variable, on either side.
      if ((sa & 1) == 1) {
        visit(parent, read, queue, state, (sa + 1) * width + sb, (char) 0);
      }
      if ((sb & 1) == 1) {
        visit(parent, read, queue, state, sa * width + sb + 1, (char) 0);
      }
      // Moves reading one character on both sides.
      int ca = reads(a, sa);
      int cb = reads(b, sb);
      if (ca == NONE || cb == NONE || (ca >= 0 && cb >= 0 && ca != cb)) {
        continue;
      }
      char c = (char) (ca >= 0 ? ca : cb >= 0 ? cb : 'x');
      visit(parent, read, queue, state, next(a, sa) * width + next(b, sb), c);
    }
    return Optional.empty();
  }

  /** What side state {@code s} reads: a character, {@code -1} for any (in or at a variable), or {@link #NONE}. */
  private static int reads(int[] items, int s) {
    int position = s / 2;
    if ((s & 1) == 1) {
      return -1;
    }
    return position < items.length ? items[position] : NONE;
  }

  /** The side state after reading one character in state {@code s}. */
  private static int next(int[] items, int s) {
    int position = s / 2;
    return (s & 1) == 1 || items[position] < 0 ? 2 * position + 1 : 2 * (position + 1);
  }

  private static void visit(int[] parent, char[] read, ArrayDeque<Integer> queue, int from, int to,
      char c) {
    if (parent[to] == -2) {
      parent[to] = from;
      read[to] = c;
      queue.add(to);
    }
  }

  private Optional<Resource> resource(ExecutableElement method, McpResourcePrism resource, String serverName,
      Map<String, UriClaim> uris, Diagnostics diagnostics) {
    String label = "@McpResource " + method.getSimpleName();
    Origin uriOrigin = resource.origin(McpResourcePrism.Attr.URI).labeled(label + " uri");
    String uri = resource.uri();
    boolean ok = true;
    if (uri.isBlank()) {
      diagnostics.problem(FindingCode.MISSING, uriOrigin).found("an empty uri")
          .fix("give the resource a URI, e.g. uri = \"docs://readme\"").report();
      return Optional.empty();
    }
    List<String> variables = new ArrayList<>();
    Matcher matcher = EXPRESSION.matcher(uri);
    int end = 0;
    StringBuilder outside = new StringBuilder();
    int previous = -1;
    while (matcher.find()) {
      outside.append(uri, end, matcher.start());
      boolean adjacent = matcher.start() == previous;
      end = matcher.end();
      previous = end;
      String variable = matcher.group(1);
      if (!VARIABLE.matcher(variable).matches()) {
        diagnostics.problem(FindingCode.TEMPLATE_VARIABLES, uriOrigin)
            .found(Text.quote("{" + variable + "}") + ", which is not a level-1 variable {name} of letters,"
                + " digits and _")
            .fix("use simple {name} variables only").report();
        return Optional.empty();
      }
      if (variables.contains(variable)) {
        diagnostics.problem(FindingCode.TEMPLATE_VARIABLES, uriOrigin)
            .found("variable {" + variable + "} twice").fix("give each variable its own name").report();
        return Optional.empty();
      }
      if (adjacent) {
        // Nothing tells where the first value ends: the server gives it all but the last character.
        String first = variables.get(variables.size() - 1);
        diagnostics.problem(FindingCode.TEMPLATE_VARIABLES, uriOrigin)
            .found("{" + first + "}{" + variable + "} next to each other in " + Text.quote(uri)
                + ", so a URI cannot be split between them")
            .fix("put a literal separator between them, e.g. {" + first + "}-{" + variable + "} or {" + first
                + "}/{" + variable + "}").report();
        return Optional.empty();
      }
      variables.add(variable);
    }
    outside.append(uri.substring(end));
    if (outside.indexOf("{") >= 0 || outside.indexOf("}") >= 0) {
      diagnostics.problem(FindingCode.TEMPLATE_VARIABLES, uriOrigin)
          .found(Text.quote(uri) + ", whose braces do not pair up").fix("close every { with a }").report();
      return Optional.empty();
    }
    boolean template = !variables.isEmpty();
    // Keyed by the URI with each {variable} as {}: two templates that differ only in their variables' names
    // match the same URIs, and a client cannot tell which one it reads.
    String shape = EXPRESSION.matcher(uri).replaceAll("{}");
    UriClaim claim = uris.get(shape);
    if (claim == null) {
      uris.put(shape, new UriClaim(method, uri));
    } else if (claim.uri().equals(uri)) {
      ExecutableElement other = claim.method();
      diagnostics.problem(FindingCode.DUPLICATE, uriOrigin)
          .found(Text.quote(uri) + " twice in server " + Text.quote(serverName) + ": "
              + other.getEnclosingElement() + "." + other.getSimpleName() + " has it too")
          .fix("give each resource its own URI").report();
      ok = false;
    } else {
      ExecutableElement other = claim.method();
      diagnostics.problem(FindingCode.DUPLICATE, uriOrigin)
          .found(Text.quote(uri) + ", which matches the same URIs as " + Text.quote(claim.uri()) + " of "
              + other.getEnclosingElement() + "." + other.getSimpleName() + " in server " + Text.quote(serverName)
              + ": only the variables' names differ, so a client cannot tell which one a URI reads")
          .fix("make the templates differ in their literal parts, e.g. a path segment of their own").report();
      ok = false;
    }
    // Parameters: one String per variable, named like it, and the context parameters of a read.
    Map<String, VariableElement> byName = new LinkedHashMap<>();
    List<String> order = new ArrayList<>();
    List<Arg> parameters = new ArrayList<>();
    Map<String, VariableElement> contexts = new HashMap<>();
    for (VariableElement parameter : method.getParameters()) {
      Optional<String> accessor = ContextTypes.accessor(parameter.asType());
      if (accessor.isPresent()) {
        if (contextParameter(parameter, accessor.get(), "resource", label, contexts, diagnostics)) {
          parameters.add(Arg.context(accessor.get()));
        } else {
          ok = false;
        }
        continue;
      }
      Optional<ParamPrism> param = ParamPrism.of(elements, parameter);
      String name = param.map(ParamPrism::name).filter(n -> !n.isEmpty())
          .orElse(parameter.getSimpleName().toString());
      Origin origin = Origin.at(parameter, label);
      if (param.isPresent() && !variableParam(param.get(), label + " " + name, diagnostics)) {
        ok = false;
        continue;
      }
      if (!template) {
        diagnostics.problem(FindingCode.TEMPLATE_VARIABLES, origin)
            .found("parameter " + name + " of a fixed resource: " + Text.quote(uri) + " has no {variables}")
            .fix("remove the parameter, or add {" + name + "} to the URI to make it a template").report();
        ok = false;
        continue;
      }
      if (!isString(parameter.asType())) {
        diagnostics.problem(FindingCode.TEMPLATE_VARIABLES, origin)
            .found("parameter " + name + " of type " + parameter.asType() + "; a variable's value is a String")
            .fix("declare it as String").report();
        ok = false;
        continue;
      }
      if (!variables.contains(name)) {
        diagnostics.problem(FindingCode.TEMPLATE_VARIABLES, origin)
            .found("parameter " + name + ", which is no variable of " + Text.quote(uri) + " (it has "
                + String.join(", ", variables.stream().map(v -> "{" + v + "}").toList()) + ")")
            .fix("rename it to one of them (or use @Param(name)), or remove it").report();
        ok = false;
        continue;
      }
      byName.put(name, parameter);
      order.add(name);
      parameters.add(Arg.named(name));
    }
    if (ok) {
      List<String> missing = variables.stream().filter(v -> !byName.containsKey(v)).toList();
      if (!missing.isEmpty()) {
        diagnostics.problem(FindingCode.TEMPLATE_VARIABLES, uriOrigin)
            .found("no parameter for " + String.join(", ", missing.stream().map(v -> "{" + v + "}").toList())
                + " of " + method.getSimpleName())
            .fix("add a String parameter named " + missing.get(0) + " to the method").report();
        ok = false;
      }
    }
    TypeMirror returns = method.getReturnType();
    if (!(isString(returns) || isBytes(returns) || is(returns, MCP + ".ResourceContents")
        || isListOf(returns, MCP + ".ResourceContents"))) {
      diagnostics.problem(FindingCode.MCP_RETURN_TYPE, Origin.at(method, label))
          .found(returns + " for a resource")
          .fix("return String, byte[], ResourceContents or List<ResourceContents>").report();
      ok = false;
    }
    if (!ok) {
      return Optional.empty();
    }
    ObjectNode descriptor = JsonNodeFactory.instance.objectNode();
    descriptor.put(template ? "uriTemplate" : "uri", uri);
    descriptor.put("name", resource.name().isEmpty() ? method.getSimpleName().toString() : resource.name());
    if (!resource.title().isEmpty()) {
      descriptor.put("title", resource.title());
    }
    description(method, resource.description()).ifPresent(d -> descriptor.put("description", d));
    if (!resource.mimeType().isEmpty()) {
      descriptor.put("mimeType", resource.mimeType());
    }
    return Optional.of(new Resource(method, uri, template, descriptor, List.copyOf(order), List.copyOf(parameters),
        uriOrigin));
  }

  private Optional<Prompt> prompt(ExecutableElement method, McpPromptPrism prompt, String serverName,
      Map<String, Prompt> prompts, Diagnostics diagnostics) {
    String label = "@McpPrompt " + method.getSimpleName();
    String name = prompt.name().isEmpty() ? method.getSimpleName().toString() : prompt.name();
    Origin nameOrigin = (prompt.isExplicit(McpPromptPrism.Attr.NAME) ? prompt.origin(McpPromptPrism.Attr.NAME)
        : Origin.at(method, label)).labeled(label + " name");
    boolean ok = true;
    if (prompts.containsKey(name)) {
      ExecutableElement other = prompts.get(name).method();
      diagnostics.problem(FindingCode.DUPLICATE, nameOrigin)
          .found(Text.quote(name) + " twice in server " + Text.quote(serverName) + ": "
              + other.getEnclosingElement() + "." + other.getSimpleName() + " has it too")
          .fix("rename one with @McpPrompt(name = \"...\")").report();
      ok = false;
    }
    ArrayNode arguments = JsonNodeFactory.instance.arrayNode();
    List<String> names = new ArrayList<>();
    List<Arg> parameters = new ArrayList<>();
    Map<String, VariableElement> contexts = new HashMap<>();
    for (VariableElement parameter : method.getParameters()) {
      Optional<String> accessor = ContextTypes.accessor(parameter.asType());
      if (accessor.isPresent()) {
        if (contextParameter(parameter, accessor.get(), "prompt", label, contexts, diagnostics)) {
          parameters.add(Arg.context(accessor.get()));
        } else {
          ok = false;
        }
        continue;
      }
      Optional<ParamPrism> param = ParamPrism.of(elements, parameter);
      String argument = param.map(ParamPrism::name).filter(n -> !n.isEmpty())
          .orElse(parameter.getSimpleName().toString());
      if (!isString(parameter.asType())) {
        diagnostics.problem(FindingCode.PROMPT_ARGUMENT, Origin.at(parameter, label))
            .found("parameter " + argument + " of type " + parameter.asType())
            .fix("declare it as String and convert it in the method").report();
        ok = false;
        continue;
      }
      if (names.contains(argument)) {
        diagnostics.problem(FindingCode.DUPLICATE, Origin.at(parameter, label))
            .found("argument " + Text.quote(argument) + " twice").fix("rename one with @Param(name)").report();
        ok = false;
        continue;
      }
      if (param.map(ParamPrism::defaultValue).filter(d -> !d.isEmpty()).isPresent()) {
        diagnostics.problem(FindingCode.MCP_METHOD, param.get().origin(ParamPrism.Attr.DEFAULT_VALUE)
                .labeled(label + " " + argument))
            .found("a defaultValue: MCP prompt arguments have none")
            .fix("drop it, make the argument optional with @Param(required = TriState.FALSE) and handle null")
            .report();
        ok = false;
        continue;
      }
      if (param.map(ParamPrism::enumNames).orElse(false)) {
        diagnostics.problem(FindingCode.MCP_METHOD, param.get().origin(ParamPrism.Attr.ENUM_NAMES)
                .labeled(label + " " + argument))
            .found("enumNames = true: a prompt argument is a String and has no enum to name")
            .fix("drop it; list the values in the description, or offer them with an @McpCompletion")
            .report();
        ok = false;
        continue;
      }
      names.add(argument);
      parameters.add(Arg.named(argument));
      ObjectNode node = arguments.addObject().put("name", argument);
      param.map(ParamPrism::fieldTitle).filter(t -> !t.isBlank()).ifPresent(t -> node.put("title", t.strip()));
      param.map(ParamPrism::description).filter(d -> !d.isBlank()).ifPresent(d -> node.put("description", d));
      node.put("required", param.flatMap(ParamPrism::required).orElse(true));
    }
    TypeMirror returns = method.getReturnType();
    if (!(isString(returns) || is(returns, MCP + ".PromptMethod.Message") || is(returns, MCP + ".PromptMethod.Result")
        || isListOf(returns, MCP + ".PromptMethod.Message"))) {
      diagnostics.problem(FindingCode.MCP_RETURN_TYPE, Origin.at(method, label))
          .found(returns + " for a prompt")
          .fix("return String, PromptMethod.Message, List<PromptMethod.Message> or PromptMethod.Result").report();
      ok = false;
    }
    if (!ok) {
      return Optional.empty();
    }
    ObjectNode descriptor = JsonNodeFactory.instance.objectNode();
    descriptor.put("name", name);
    if (!prompt.title().isEmpty()) {
      descriptor.put("title", prompt.title());
    }
    description(method, prompt.description()).ifPresent(d -> descriptor.put("description", d));
    if (!arguments.isEmpty()) {
      descriptor.set("arguments", arguments);
    }
    Prompt checked = new Prompt(method, name, descriptor, List.copyOf(names), List.copyOf(parameters));
    prompts.put(name, checked);
    return Optional.of(checked);
  }

  private Optional<Completion> completion(ExecutableElement method, McpCompletionPrism completion,
      String serverName, Map<String, Prompt> prompts, Map<String, Resource> templates,
      Map<String, ExecutableElement> completed, Map<String, TypeElement> refOwner, Diagnostics diagnostics) {
    String label = "@McpCompletion " + method.getSimpleName();
    boolean ok = true;
    boolean forPrompt = !completion.prompt().isEmpty();
    String ref = forPrompt ? completion.prompt() : completion.resource();
    String argument = completion.argument();
    if (forPrompt == !completion.resource().isEmpty()) {
      diagnostics.problem(FindingCode.UNKNOWN_COMPLETION, completion.origin().labeled(label))
          .found(forPrompt ? "both prompt and resource" : "neither prompt nor resource")
          .fix("set exactly one of them").report();
      return Optional.empty();
    }
    Origin refOrigin = completion.origin(forPrompt ? McpCompletionPrism.Attr.PROMPT
        : McpCompletionPrism.Attr.RESOURCE).labeled(label + (forPrompt ? " prompt" : " resource"));
    List<String> known;
    if (forPrompt) {
      Prompt prompt = prompts.get(ref);
      if (prompt == null) {
        diagnostics.problem(FindingCode.UNKNOWN_COMPLETION, refOrigin)
            .found(Text.quote(ref) + ", which no @McpPrompt of server " + Text.quote(serverName) + " is"
                + (prompts.isEmpty() ? " (it has none)" : " (it has " + String.join(", ",
                prompts.keySet().stream().map(Text::quote).toList()) + ")"))
            .fix("name one of the server's prompts").report();
        return Optional.empty();
      }
      known = prompt.arguments();
    } else {
      Resource template = templates.get(ref);
      if (template == null) {
        diagnostics.problem(FindingCode.UNKNOWN_COMPLETION, refOrigin)
            .found(Text.quote(ref) + ", which no @McpResource template of server " + Text.quote(serverName) + " has"
                + (templates.isEmpty() ? " (it has none)" : " (it has " + String.join(", ",
                templates.keySet().stream().map(Text::quote).toList()) + ")"))
            .fix("name the uri of one of the server's resource templates, exactly as written").report();
        return Optional.empty();
      }
      known = template.variables();
    }
    if (!known.contains(argument)) {
      diagnostics.problem(FindingCode.UNKNOWN_COMPLETION, completion.origin(McpCompletionPrism.Attr.ARGUMENT)
              .labeled(label + " argument"))
          .found(Text.quote(argument) + ", which " + Text.quote(ref) + " does not have"
              + (known.isEmpty() ? " (it has none)" : " (it has " + String.join(", ",
              known.stream().map(Text::quote).toList()) + ")"))
          .fix("name one of its " + (forPrompt ? "arguments" : "variables")).report();
      return Optional.empty();
    }
    String key = (forPrompt ? "prompt " : "resource ") + ref + " " + argument;
    if (completed.containsKey(key)) {
      ExecutableElement other = completed.get(key);
      diagnostics.problem(FindingCode.DUPLICATE, completion.origin().labeled(label))
          .found("a second completion of " + Text.quote(argument) + " of " + Text.quote(ref) + ": "
              + other.getEnclosingElement() + "." + other.getSimpleName() + " completes it too")
          .fix("keep one").report();
      ok = false;
    } else {
      completed.put(key, method);
    }
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    TypeElement earlier = refOwner.putIfAbsent((forPrompt ? "prompt " : "resource ") + ref, owner);
    if (earlier != null && !earlier.equals(owner)) {
      diagnostics.problem(FindingCode.DUPLICATE, completion.origin().labeled(label))
          .found("completions of " + Text.quote(ref) + " in two classes: " + earlier.getQualifiedName() + " has"
              + " some too")
          .fix("declare every completion of one prompt or template in one class").report();
      ok = false;
    }
    List<? extends VariableElement> parameters = method.getParameters();
    boolean withResolved = parameters.size() == 2 && isStringMap(parameters.get(1).asType());
    if (parameters.isEmpty() || parameters.size() > 2 || !isString(parameters.get(0).asType())
        || (parameters.size() == 2 && !withResolved)) {
      diagnostics.problem(FindingCode.MCP_METHOD, Origin.at(method, label))
          .found("parameters (" + String.join(", ", parameters.stream().map(p -> p.asType().toString()).toList())
              + ")")
          .fix("take (String value) or (String value, Map<String, String> resolved)").report();
      ok = false;
    }
    TypeMirror returns = method.getReturnType();
    if (!(isListOf(returns, "java.lang.String") || is(returns, MCP + ".CompletionMethod.Suggestions"))) {
      diagnostics.problem(FindingCode.MCP_RETURN_TYPE, Origin.at(method, label))
          .found(returns + " for a completion").fix("return List<String> or CompletionMethod.Suggestions").report();
      ok = false;
    }
    return ok ? Optional.of(new Completion(method, forPrompt, ref, argument, withResolved)) : Optional.empty();
  }

  /**
   * Checks a context parameter of a resource or prompt method ({@code kind}): a type the request of its kind
   * serves, no {@code @Param} (it is no variable or argument), and no other parameter of its type before it
   * ({@code seen}). Every context type of a tool is served except {@code Elicitation.Form<T>}, whose requested
   * schema the processor computes for tools only ({@code McpMethod}); the other two problems are
   * {@code ContextParameter}, as for a tool.
   */
  private boolean contextParameter(VariableElement parameter, String accessor, String kind, String label,
      Map<String, VariableElement> seen, Diagnostics diagnostics) {
    Origin origin = Origin.at(parameter, label);
    String type = ContextTypes.simpleName(parameter.asType());
    if (accessor.equals("form")) {
      diagnostics.problem(FindingCode.MCP_METHOD, origin)
          .found("parameter " + parameter.getSimpleName() + " of type " + parameter.asType() + " in a " + kind
              + " method: the processor computes a form's requested schema for @McpTool methods only")
          .fix("declare an Elicitation parameter instead and call request(message, requestedSchemaJson, type)"
              + " with a schema of your own, or ask for the input in a tool")
          .report();
      return false;
    }
    Optional<ParamPrism> param = ParamPrism.of(elements, parameter);
    if (param.isPresent()) {
      diagnostics.problem(FindingCode.CONTEXT_PARAMETER, param.get().origin().labeled(label))
          .found("@Param on a " + type + " parameter, which the server passes from the request: it is no "
              + (kind.equals("prompt") ? "argument of the prompt" : "variable of the template"))
          .fix("remove the @Param").report();
      return false;
    }
    VariableElement other = seen.putIfAbsent(type, parameter);
    if (other != null) {
      diagnostics.problem(FindingCode.CONTEXT_PARAMETER, origin)
          .found("a second " + type + " parameter (" + other.getSimpleName() + " is one): both would get the same"
              + " object")
          .fix("remove one of them").report();
      return false;
    }
    return true;
  }

  /**
   * Reports the {@code @Param} attributes a URI template variable cannot carry: {@code resources/templates/list}
   * describes a template by its URI alone, so a variable has no title, no default and no enum. True when none
   * is set.
   */
  private static boolean variableParam(ParamPrism param, String label, Diagnostics diagnostics) {
    if (!param.fieldTitle().isEmpty()) {
      diagnostics.problem(FindingCode.MCP_METHOD, param.origin(ParamPrism.Attr.TITLE).labeled(label))
          .found("a title: a URI template variable has none in resources/templates/list")
          .fix("drop it; describe the variable in the template's description").report();
      return false;
    }
    if (!param.defaultValue().isEmpty()) {
      diagnostics.problem(FindingCode.MCP_METHOD, param.origin(ParamPrism.Attr.DEFAULT_VALUE).labeled(label))
          .found("a defaultValue: a URI template variable always has the value the URI gives it")
          .fix("drop it; to make the variable optional, declare a second template without it").report();
      return false;
    }
    if (param.enumNames()) {
      diagnostics.problem(FindingCode.MCP_METHOD, param.origin(ParamPrism.Attr.ENUM_NAMES).labeled(label))
          .found("enumNames = true: a URI template variable is a String and has no enum to name")
          .fix("drop it; offer the values with an @McpCompletion for the variable").report();
      return false;
    }
    return true;
  }

  /** The description as written, else the first sentence of the Javadoc; empty when neither has text. */
  private Optional<String> description(ExecutableElement method, String written) {
    String description = written.isBlank()
        ? javadoc.computeIfAbsent(method, e -> JavadocText.parse(elements.getDocComment(e))).main()
            .map(ToolRound::firstSentence).orElse("")
        : written;
    return description.isBlank() ? Optional.empty() : Optional.of(description.strip());
  }

  /** The method itself: public, not abstract, not generic. */
  private static boolean shape(ExecutableElement method, String label, Diagnostics diagnostics) {
    String found = null;
    String fix = null;
    if (!method.getModifiers().contains(Modifier.PUBLIC)) {
      found = "a method that is not public";
      fix = "make it public";
    } else if (method.getModifiers().contains(Modifier.ABSTRACT)) {
      found = "an abstract method";
      fix = "implement it";
    } else if (!method.getTypeParameters().isEmpty()) {
      found = "a method with type parameters";
      fix = "give it concrete types";
    }
    if (found == null) {
      return true;
    }
    diagnostics.problem(FindingCode.MCP_METHOD, Origin.at(method, label)).found(found).fix(fix).report();
    return false;
  }

  /** Whether the generated code can create and call the class; a problem is reported once, on the class. */
  private boolean checkType(TypeElement type, List<ExecutableElement> methods, ExecutableElement factory,
      String serverClass, Diagnostics diagnostics) {
    String kind = type.getKind().toString().toLowerCase(Locale.ROOT);
    String found = null;
    String fix = "";
    // A class with tools had its shape checked by ToolRound (ToolMethod), and its creation too when a tool needs
    // an instance: one problem, one error.
    List<ExecutableElement> tools = ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .filter(m -> mirror(m, McpToolPrism.ANNOTATION) != null).toList();
    if (!tools.isEmpty() && (factory != null || tools.stream().anyMatch(ResourceRound::isInstance)
        || methods.stream().noneMatch(ResourceRound::isInstance))) {
      return true;
    }
    if (!tools.isEmpty()) {
      // Only creation is left to check.
    } else if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD
        && type.getKind() != ElementKind.ENUM && type.getKind() != ElementKind.INTERFACE) {
      found = type + ", " + article(kind) + " " + kind;
    } else if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
      found = "a local or anonymous class";
      fix = "move it to a top-level class";
    } else if (privateOrInPrivate(type)) {
      found = type + ", a private " + kind;
      fix = "make it package-private or public";
    } else if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
        && type.getKind() == ElementKind.CLASS) {
      found = type + ", an inner class";
      fix = "make it static";
    } else if (elements.getPackageOf(type).isUnnamed() && serverClass.contains(".")) {
      found = type + " in the unnamed package, which the server class " + serverClass + " cannot import";
      fix = "move it to a package";
    }
    if (found == null && factory == null && methods.stream().anyMatch(ResourceRound::isInstance)) {
      boolean instantiable = (type.getKind() == ElementKind.CLASS || type.getKind() == ElementKind.RECORD)
          && !type.getModifiers().contains(Modifier.ABSTRACT);
      if (!instantiable) {
        found = type + ", " + article(kind) + " " + kind + " that cannot be created";
        fix = "make the methods static, or add an @McpToolFactory to the plugin";
      } else if (ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
          .noneMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE))) {
        found = type + ", which has no non-private constructor without parameters";
        fix = "add one, make the methods static, or add an @McpToolFactory to the plugin";
      }
    }
    if (found == null) {
      return true;
    }
    ExecutableElement first = methods.get(0);
    diagnostics.problem(FindingCode.MCP_METHOD, Origin.at(type, "@" + simpleLabel(first) + " "
        + first.getSimpleName())).found(found).fix(fix).report();
    return false;
  }

  private static String article(String kind) {
    return "aeiou".indexOf(kind.charAt(0)) >= 0 ? "an" : "a";
  }

  /** Whether the generated code needs an instance to call {@code method}. */
  static boolean isInstance(ExecutableElement method) {
    return !method.getModifiers().contains(Modifier.STATIC);
  }

  private static boolean privateOrInPrivate(Element element) {
    for (Element e = element; e != null && e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
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

  /** The simple name of the method's first feature annotation, for labels. */
  private static String simpleLabel(ExecutableElement method) {
    for (String name : ANNOTATIONS) {
      if (mirror(method, name) != null) {
        return name.substring(name.lastIndexOf('.') + 1);
      }
    }
    return "McpResource";
  }

  private boolean isString(TypeMirror type) {
    return is(type, "java.lang.String");
  }

  private static boolean isBytes(TypeMirror type) {
    return type instanceof ArrayType array && array.getComponentType().getKind() == TypeKind.BYTE;
  }

  /** Whether {@code type} is the class {@code canonical}, without type arguments. */
  private boolean is(TypeMirror type, String canonical) {
    TypeElement element = elements.getTypeElement(canonical);
    return element != null && type.getKind() == TypeKind.DECLARED && types.isSameType(type, element.asType());
  }

  /** Whether {@code type} is {@code List<canonical>}. */
  private boolean isListOf(TypeMirror type, String canonical) {
    return type instanceof DeclaredType declared
        && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals("java.util.List")
        && declared.getTypeArguments().size() == 1 && is(declared.getTypeArguments().get(0), canonical);
  }

  private boolean isStringMap(TypeMirror type) {
    return type instanceof DeclaredType declared
        && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals("java.util.Map")
        && declared.getTypeArguments().size() == 2 && isString(declared.getTypeArguments().get(0))
        && isString(declared.getTypeArguments().get(1));
  }

  private static AnnotationMirror mirror(Element element, String type) {
    for (var mirror : element.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(type)) {
        return mirror;
      }
    }
    return null;
  }
}
