package dev.codexplugin.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.codexplugin.mcp.CompletionMethod;
import dev.codexplugin.mcp.PromptMethod;
import dev.codexplugin.mcp.ResourceContents;
import dev.codexplugin.mcp.ResourceMethod;
import dev.codexplugin.mcp.ToolContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.util.DefaultMcpUriTemplateManager;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SDK specifications of a definition's resources, resource templates, prompts and completions, each
 * method wrapped so that what it returns becomes the SDK's result and what it throws a JSON-RPC error with
 * its message (never a stack trace).
 */
final class Features {
  private static final System.Logger LOG = System.getLogger("dev.codexplugin.mcp");
  private static final int MAX_COMPLETIONS = 100;

  final List<SyncResourceSpecification> resources = new ArrayList<>();
  final List<SyncResourceTemplateSpecification> templates = new ArrayList<>();
  final List<SyncPromptSpecification> prompts = new ArrayList<>();
  final List<SyncCompletionSpecification> completions = new ArrayList<>();

  private final ServerState state;
  private final ObjectMapper mapper;
  private final ObjectReader reader;

  Features(ServerState state) {
    this.state = state;
    this.mapper = state.mapper();
    this.reader = Json.strictTreeReader(mapper);
  }

  /**
   * A resource template as this server matches it: {@code pattern} is the SDK's own (each variable one or more
   * characters other than {@code /}, the rest literally), {@code literals} the number of characters outside
   * its variables.
   */
  private record Template(ResourceMethod method, Pattern pattern, int literals,
      DefaultMcpUriTemplateManager variables, String mimeType) {}

  /** {@code {variable}}, as the SDK's {@code DefaultMcpUriTemplateManager} finds it. */
  private static final Pattern VARIABLE = Pattern.compile("\\{([^/]+?)\\}");

  /**
   * Adds the fixed resources and the templates. A {@code resources/read} is answered by the fixed resource of
   * its URI if there is one (the SDK looks there first); otherwise by the template with the most literal
   * characters among those that match it, and among those with as many by the one listed first. The SDK
   * itself tries the templates in an order of its own, so each template's handler first looks for a template
   * that comes before it in that precedence and matches the URI too. (The processor reports two templates of
   * equal precedence that can match one URI: {@code Duplicate}.)
   */
  void addResources(List<ResourceMethod> methods, List<String> problems) {
    Set<String> uris = new HashSet<>();
    List<Template> ordered = new ArrayList<>();
    Map<Template, McpSchema.ResourceTemplate> descriptors = new LinkedHashMap<>();
    for (ResourceMethod method : methods) {
      String where = (method.template() ? "resource template '" : "resource '") + method.uri() + "'";
      if (!uris.add(method.uri())) {
        problems.add(where + " is defined twice");
        continue;
      }
      try {
        JsonNode descriptor = reader.readTree(method.descriptor());
        String key = method.template() ? "uriTemplate" : "uri";
        if (!descriptor.path(key).asText().equals(method.uri())) {
          problems.add(where + ": the descriptor's " + key + " is " + descriptor.get(key));
          continue;
        }
        if (!descriptor.path("name").isTextual()) {
          problems.add(where + ": the descriptor has no name");
          continue;
        }
        String mimeType = descriptor.path("mimeType").isTextual() ? descriptor.get("mimeType").textValue() : null;
        if (method.template()) {
          McpSchema.ResourceTemplate template = mapper.treeToValue(descriptor, McpSchema.ResourceTemplate.class);
          Template matched = template(method, mimeType);
          ordered.add(matched);
          descriptors.put(matched, template);
        } else {
          McpSchema.Resource resource = mapper.treeToValue(descriptor, McpSchema.Resource.class);
          resources.add(new SyncResourceSpecification(resource,
              (exchange, request) -> read(method, exchange, request, Map.of(), mimeType)));
        }
      } catch (Exception e) {
        problems.add(where + ": " + e.getMessage());
      }
    }
    // Stable: templates with as many literal characters keep their order.
    ordered.sort(Comparator.comparingInt(Template::literals).reversed());
    for (Template template : ordered) {
      templates.add(new SyncResourceTemplateSpecification(descriptors.get(template), (exchange, request) -> {
        Template chosen = choose(ordered, template, request.uri());
        return read(chosen.method(), exchange, request, chosen.variables().extractVariableValues(request.uri()),
            chosen.mimeType());
      }));
    }
  }

  private static Template template(ResourceMethod method, String mimeType) {
    String uri = method.uri();
    StringBuilder regex = new StringBuilder();
    Matcher matcher = VARIABLE.matcher(uri);
    int end = 0;
    int literals = 0;
    while (matcher.find()) {
      regex.append(Pattern.quote(uri.substring(end, matcher.start()))).append("([^/]+?)");
      literals += matcher.start() - end;
      end = matcher.end();
    }
    regex.append(Pattern.quote(uri.substring(end)));
    literals += uri.length() - end;
    return new Template(method, Pattern.compile(regex.toString()), literals, new DefaultMcpUriTemplateManager(uri),
        mimeType);
  }

  /**
   * The template that answers {@code uri}, which {@code matched} (the one the SDK chose) matches: the first one
   * in precedence order that matches it.
   */
  private static Template choose(List<Template> ordered, Template matched, String uri) {
    for (Template template : ordered) {
      if (template == matched || template.pattern().matcher(uri).matches()) {
        return template;
      }
    }
    return matched;
  }

  void addPrompts(List<PromptMethod> methods, List<String> problems) {
    Set<String> names = new HashSet<>();
    for (PromptMethod method : methods) {
      String where = "prompt '" + method.name() + "'";
      if (!names.add(method.name())) {
        problems.add(where + " is defined twice");
        continue;
      }
      try {
        JsonNode descriptor = reader.readTree(method.descriptor());
        if (!descriptor.path("name").asText().equals(method.name())) {
          problems.add(where + ": the descriptor's name is " + descriptor.get("name"));
          continue;
        }
        McpSchema.Prompt prompt = mapper.treeToValue(descriptor, McpSchema.Prompt.class);
        List<String> required = new ArrayList<>();
        if (prompt.arguments() != null) {
          prompt.arguments().stream().filter(a -> Boolean.TRUE.equals(a.required()))
              .forEach(a -> required.add(a.name()));
        }
        prompts.add(new SyncPromptSpecification(prompt, (exchange, request) -> render(method, required, exchange,
            request)));
      } catch (Exception e) {
        problems.add(where + ": " + e.getMessage());
      }
    }
  }

  void addCompletions(List<CompletionMethod> methods, Collection<String> promptNames,
      Collection<String> templateUris, List<String> problems) {
    Set<String> seen = new HashSet<>();
    for (CompletionMethod method : methods) {
      boolean prompt = method.kind() == CompletionMethod.Kind.PROMPT;
      String where = "completion for " + (prompt ? "prompt '" : "resource template '") + method.name() + "'";
      if (!seen.add(method.kind() + " " + method.name())) {
        problems.add(where + " is defined twice");
        continue;
      }
      if (!(prompt ? promptNames : templateUris).contains(method.name())) {
        problems.add(where + ": no such " + (prompt ? "prompt" : "resource template") + " is defined");
        continue;
      }
      McpSchema.CompleteReference reference = prompt ? new McpSchema.PromptReference(method.name())
          : new McpSchema.ResourceReference(method.name());
      completions.add(new SyncCompletionSpecification(reference, (exchange, request) -> complete(method, request)));
    }
  }

  private McpSchema.ReadResourceResult read(ResourceMethod method, McpSyncServerExchange exchange,
      McpSchema.ReadResourceRequest request, Map<String, String> variables, String mimeType) {
    String version = state.sessions().version(exchange.sessionId());
    Calls.Call call = attach(request.meta());
    RequestContext context = new RequestContext(exchange, request.meta(), method.uri(), call, version, mapper,
        state.results());
    Object value;
    try {
      value = method.read().read(new ResourceMethod.Request() {
        @Override
        public String uri() {
          return request.uri();
        }

        @Override
        public Map<String, String> variables() {
          return Map.copyOf(variables);
        }

        @Override
        public ToolContext context() {
          return context;
        }
      });
    } catch (Exception e) {
      throw failed("resource '" + request.uri() + "'", e);
    } finally {
      detach(call);
    }
    List<McpSchema.ResourceContents> contents = new ArrayList<>();
    for (Object item : value instanceof List<?> list ? list : List.of(value == null ? "" : value)) {
      ResourceContents resource;
      if (item instanceof ResourceContents given) {
        resource = given;
      } else if (item instanceof byte[] bytes) {
        resource = ResourceContents.blob(request.uri(), mimeType, bytes);
      } else if (item instanceof String text) {
        resource = ResourceContents.text(request.uri(), mimeType, text);
      } else {
        throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message("resource '" + request.uri()
            + "' returned a " + item.getClass().getName() + "; return a String, a byte[] or ResourceContents").build();
      }
      contents.add(state.results().resource(resource));
    }
    return new McpSchema.ReadResourceResult(contents);
  }

  private McpSchema.GetPromptResult render(PromptMethod method, List<String> required,
      McpSyncServerExchange exchange, McpSchema.GetPromptRequest request) {
    Map<String, String> arguments = new LinkedHashMap<>();
    if (request.arguments() != null) {
      request.arguments().forEach((k, v) -> {
        if (v != null) {
          arguments.put(k, String.valueOf(v));
        }
      });
    }
    List<String> missing = required.stream().filter(r -> !arguments.containsKey(r)).toList();
    if (!missing.isEmpty()) {
      throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("Invalid params: prompt '"
          + method.name() + "' needs the argument(s) " + missing).build();
    }
    String version = state.sessions().version(exchange.sessionId());
    Calls.Call call = attach(request.meta());
    RequestContext context = new RequestContext(exchange, request.meta(), method.name(), call, version, mapper,
        state.results());
    Object value;
    try {
      value = method.get().render(new PromptMethod.Arguments() {
        @Override
        public String get(String name) {
          return arguments.get(name);
        }

        @Override
        public Map<String, String> all() {
          return Map.copyOf(arguments);
        }

        @Override
        public ToolContext context() {
          return context;
        }
      });
    } catch (Exception e) {
      throw failed("prompt '" + method.name() + "'", e);
    } finally {
      detach(call);
    }
    String description = null;
    List<?> messages;
    if (value instanceof PromptMethod.Result result) {
      description = result.description();
      messages = result.messages();
    } else if (value instanceof List<?> list) {
      messages = list;
    } else {
      messages = List.of(value == null ? "" : value);
    }
    List<McpSchema.PromptMessage> out = new ArrayList<>();
    for (Object item : messages) {
      PromptMethod.Message message;
      if (item instanceof PromptMethod.Message m) {
        message = m;
      } else if (item instanceof String text) {
        message = PromptMethod.Message.user(text);
      } else {
        throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message("prompt '" + method.name()
            + "' returned a " + item.getClass().getName() + "; return a String or PromptMethod.Message").build();
      }
      out.add(new McpSchema.PromptMessage(McpSchema.Role.valueOf(message.role().name()),
          state.results().content(message.content(), version)));
    }
    return new McpSchema.GetPromptResult(description, out);
  }

  private McpSchema.CompleteResult complete(CompletionMethod method, McpSchema.CompleteRequest request) {
    Map<String, String> resolved = request.context() == null || request.context().arguments() == null
        ? Map.of() : Map.copyOf(request.context().arguments());
    Object value;
    try {
      value = method.complete().complete(new CompletionMethod.Request() {
        @Override
        public String argument() {
          return request.argument().name();
        }

        @Override
        public String value() {
          return request.argument().value() == null ? "" : request.argument().value();
        }

        @Override
        public Map<String, String> resolved() {
          return resolved;
        }
      });
    } catch (Exception e) {
      throw failed("completion for '" + method.name() + "'", e);
    }
    List<String> values;
    Integer total = null;
    boolean hasMore = false;
    if (value instanceof CompletionMethod.Suggestions suggestions) {
      values = suggestions.values();
      total = suggestions.total();
      hasMore = suggestions.hasMore();
    } else if (value instanceof List<?> list) {
      values = list.stream().map(String::valueOf).toList();
    } else {
      values = List.of();
    }
    if (values.size() > MAX_COMPLETIONS) {
      total = total == null ? values.size() : total;
      hasMore = true;
      values = values.subList(0, MAX_COMPLETIONS);
    }
    return new McpSchema.CompleteResult(new McpSchema.CompleteResult.CompleteCompletion(values, total, hasMore));
  }

  /**
   * The call of the request's token ({@link Screen} gives {@code resources/read} and {@code prompts/get} one), with
   * the current thread attached so that a cancellation interrupts it; {@code null} when there is none.
   */
  private Calls.Call attach(Map<String, Object> meta) {
    Object token = meta == null ? null : meta.get(Calls.META_KEY);
    Calls.Call call = state.calls().get(token instanceof String t ? t : null);
    if (call != null) {
      call.attach(Thread.currentThread());
    }
    return call;
  }

  private static void detach(Calls.Call call) {
    if (call != null) {
      call.detach();
      Thread.interrupted(); // a cancellation must not leak into the next request on this pooled thread
    }
  }

  private static RuntimeException failed(String what, Exception e) {
    if (e instanceof McpError mcpError) {
      return mcpError;
    }
    LOG.log(Level.WARNING, "MCP " + what + " failed", e);
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(what + " failed: " + message).build();
  }
}
