package dev.codexplugin.mcp.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexplugin.mcp.Cancellation;
import dev.codexplugin.mcp.ClientInfo;
import dev.codexplugin.mcp.Content;
import dev.codexplugin.mcp.Elicitation;
import dev.codexplugin.mcp.LogLevel;
import dev.codexplugin.mcp.McpCapabilityException;
import dev.codexplugin.mcp.McpLog;
import dev.codexplugin.mcp.Progress;
import dev.codexplugin.mcp.Roots;
import dev.codexplugin.mcp.Sampling;
import dev.codexplugin.mcp.ToolContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The {@link ToolContext} of one request, on the SDK's exchange: progress and log notifications go to the
 * client on the request's own stream (over HTTP, the POST's event stream), requests to the client are sent
 * only when it declared the capability, and are answered or fail within the server's request timeout.
 */
final class RequestContext implements ToolContext, Progress, McpLog, Cancellation {
  private final McpSyncServerExchange exchange;
  private final Object progressToken;
  private final String logger;
  private final Calls.Call call;
  private final String version;
  private final ObjectMapper mapper;
  private final Results results;

  RequestContext(McpSyncServerExchange exchange, Map<String, Object> meta, String logger, Calls.Call call,
      String version, ObjectMapper mapper, Results results) {
    this.exchange = exchange;
    this.progressToken = meta == null ? null : meta.get("progressToken");
    this.logger = logger;
    this.call = call;
    this.version = version;
    this.mapper = mapper;
    this.results = results;
  }

  @Override
  public Progress progress() {
    return this;
  }

  @Override
  public McpLog log() {
    return this;
  }

  @Override
  public Cancellation cancellation() {
    return this;
  }

  @Override
  public Elicitation elicitation() {
    return new Elicitation() {
      @Override
      public boolean supported() {
        return capabilities() != null && capabilities().elicitation() != null;
      }

      @Override
      public <T> Elicited<T> request(String message, String requestedSchemaJson, Type type) {
        return elicit(message, requestedSchemaJson, type);
      }
    };
  }

  @Override
  public Sampling sampling() {
    return new Sampling() {
      @Override
      public boolean supported() {
        return capabilities() != null && capabilities().sampling() != null;
      }

      @Override
      public Result createMessage(Request request) {
        return sample(request);
      }
    };
  }

  @Override
  public Roots roots() {
    return new Roots() {
      @Override
      public boolean supported() {
        return capabilities() != null && capabilities().roots() != null;
      }

      @Override
      public List<Root> list() {
        return listRoots();
      }
    };
  }

  @Override
  public ClientInfo client() {
    McpSchema.Implementation info = exchange.getClientInfo();
    McpSchema.ClientCapabilities capabilities = exchange.getClientCapabilities();
    return new ClientInfo(info == null ? null : info.name(), info == null ? null : info.version(),
        version == null ? Revisions.V2025_11_25 : version,
        capabilities != null && capabilities.sampling() != null,
        capabilities != null && capabilities.elicitation() != null,
        capabilities != null && capabilities.roots() != null);
  }

  // Progress

  @Override
  public boolean active() {
    return progressToken != null;
  }

  @Override
  public void report(double progress, Double total, String message) {
    if (progressToken == null) {
      return;
    }
    exchange.progressNotification(new McpSchema.ProgressNotification(progressToken, progress, total, message));
  }

  // McpLog

  @Override
  public void log(LogLevel level, String message) {
    exchange.loggingNotification(McpSchema.LoggingMessageNotification.builder()
        .level(McpSchema.LoggingLevel.valueOf(level.name()))
        .logger(logger)
        .data(message)
        .build());
  }

  // Cancellation

  @Override
  public boolean isCancelled() {
    return call != null && call.cancelled();
  }

  @Override
  public void throwIfCancelled() {
    if (isCancelled()) {
      String reason = call.reason();
      throw new CancellationException("the client cancelled the call" + (reason == null ? "" : ": " + reason));
    }
  }

  private <T> Elicitation.Elicited<T> elicit(String message, String requestedSchemaJson, Type type) {
    require("elicitation", capabilities() != null && capabilities().elicitation() != null,
        "ask the user for input");
    Map<String, Object> schema;
    try {
      schema = mapper.readValue(requestedSchemaJson,
          mapper.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    } catch (Exception e) {
      throw new IllegalArgumentException("the requested schema is not a JSON object: " + requestedSchemaJson, e);
    }
    McpSchema.ElicitResult result = exchange.createElicitation(
        McpSchema.ElicitFormRequest.builder(message, schema).build());
    Elicitation.Action action = Elicitation.Action.valueOf(result.action().name().toUpperCase(Locale.ROOT));
    if (action != Elicitation.Action.ACCEPT) {
      return new Elicitation.Elicited<>(action, null);
    }
    JavaType javaType = mapper.getTypeFactory().constructType(type);
    Map<String, Object> content = withDefaults(result.content(), schema);
    return new Elicitation.Elicited<>(action, mapper.convertValue(content, javaType));
  }

  /**
   * The accepted {@code content} with the {@code default} of each property of {@code schema} the client left out
   * (the specification has clients pre-fill defaults, which not all do): a field with a default binds to it.
   */
  static Map<String, Object> withDefaults(Map<String, Object> content, Map<String, Object> schema) {
    Map<String, Object> out = content == null ? new LinkedHashMap<>() : new LinkedHashMap<>(content);
    if (schema.get("properties") instanceof Map<?, ?> properties) {
      properties.forEach((name, property) -> {
        if (property instanceof Map<?, ?> p && p.containsKey("default") && !out.containsKey(name)) {
          out.put((String) name, p.get("default"));
        }
      });
    }
    return out;
  }

  private Sampling.Result sample(Sampling.Request request) {
    require("sampling", capabilities() != null && capabilities().sampling() != null,
        "ask its model for a completion");
    List<McpSchema.SamplingMessage> messages = new ArrayList<>();
    for (Sampling.Message m : request.messages()) {
      messages.add(new McpSchema.SamplingMessage(McpSchema.Role.valueOf(m.role().name()),
          results.content(m.content(), version)));
    }
    McpSchema.CreateMessageRequest.Builder create = McpSchema.CreateMessageRequest.builder()
        .messages(messages)
        .maxTokens(request.maxTokens());
    if (request.systemPrompt() != null) {
      create.systemPrompt(request.systemPrompt());
    }
    if (request.temperature() != null) {
      create.temperature(request.temperature());
    }
    McpSchema.CreateMessageResult result = exchange.createMessage(create.build());
    Content content = result.content() instanceof McpSchema.TextContent text
        ? Content.text(text.text()) : Content.text("");
    return new Sampling.Result(result.role() == McpSchema.Role.ASSISTANT ? Sampling.Role.ASSISTANT
        : Sampling.Role.USER, content,
        result.model(), result.stopReason() == null ? null : result.stopReason().name());
  }

  private List<Roots.Root> listRoots() {
    require("roots", capabilities() != null && capabilities().roots() != null, "list its roots");
    List<Roots.Root> roots = new ArrayList<>();
    for (McpSchema.Root root : exchange.listRoots().roots()) {
      roots.add(new Roots.Root(root.uri(), root.name()));
    }
    return List.copyOf(roots);
  }

  private McpSchema.ClientCapabilities capabilities() {
    return exchange.getClientCapabilities();
  }

  private void require(String capability, boolean present, String what) {
    if (!present) {
      McpSchema.Implementation info = exchange.getClientInfo();
      String client = info == null ? "the client" : "the client '" + info.name() + "'";
      throw new McpCapabilityException(capability, "cannot " + what + ": " + client + " did not declare the '"
          + capability + "' capability when it connected");
    }
  }
}
