package dev.codexplugin.mcp.internal;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The SDK's transport providers, wrapped (never copied) to learn each session's negotiated revision from the
 * SDK's own {@code initialize} answer, and, on stdio (the only transport that can negotiate 2024-11-05, whose
 * clients cannot tell the later fields apart from errors), to leave out of {@code tools/list}, resource and
 * prompt lists and from tool results the fields later revisions added: {@code title}, {@code outputSchema} and
 * {@code structuredContent} (2025-06-18), tool
 * {@code annotations} (2025-03-26) and {@code icons} (2025-11-25).
 */
final class Transports {
  private Transports() {}

  static McpServerTransportProvider stdio(McpServerTransportProvider delegate, Sessions sessions) {
    return new McpServerTransportProvider() {
      @Override
      public void setSessionFactory(McpServerSession.Factory factory) {
        delegate.setSessionFactory(transport -> {
          Tap tap = new Tap(transport, sessions);
          McpServerSession session = factory.create(tap);
          tap.sessionId = session.getId();
          return session;
        });
      }

      @Override
      public Mono<Void> notifyClients(String method, Object params) {
        return delegate.notifyClients(method, params);
      }

      @Override
      public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return delegate.notifyClient(sessionId, method, params);
      }

      @Override
      public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
      }

      @Override
      public void close() {
        delegate.close();
      }

      @Override
      public List<String> protocolVersions() {
        return delegate.protocolVersions();
      }
    };
  }

  static McpStreamableServerTransportProvider streamable(McpStreamableServerTransportProvider delegate,
      Sessions sessions) {
    return new McpStreamableServerTransportProvider() {
      @Override
      public void setSessionFactory(McpStreamableServerSession.Factory factory) {
        delegate.setSessionFactory(initialize -> {
          McpStreamableServerSession.McpStreamableServerSessionInit init = factory.startSession(initialize);
          String id = init.session().getId();
          return new McpStreamableServerSession.McpStreamableServerSessionInit(init.session(),
              init.initResult().doOnNext(result -> sessions.negotiated(id, result.protocolVersion())));
        });
      }

      @Override
      public Mono<Void> notifyClients(String method, Object params) {
        return delegate.notifyClients(method, params);
      }

      @Override
      public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return delegate.notifyClient(sessionId, method, params);
      }

      @Override
      public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
      }

      @Override
      public void close() {
        delegate.close();
      }

      @Override
      public List<String> protocolVersions() {
        return delegate.protocolVersions();
      }
    };
  }

  /** One stdio session's transport: notes the negotiated revision and downgrades lists for it. */
  private static final class Tap implements McpServerTransport {
    private final McpServerTransport delegate;
    private final Sessions sessions;
    private volatile String sessionId;

    Tap(McpServerTransport delegate, Sessions sessions) {
      this.delegate = delegate;
      this.sessions = sessions;
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
      if (message instanceof McpSchema.JSONRPCResponse response && response.result() != null) {
        Object result = response.result();
        if (result instanceof McpSchema.InitializeResult init) {
          sessions.negotiated(sessionId, init.protocolVersion());
        } else {
          Object downgraded = downgrade(result, sessions.version(sessionId));
          if (downgraded != result) {
            message = new McpSchema.JSONRPCResponse(response.jsonrpc(), response.id(), downgraded, null);
          }
        }
      }
      return delegate.sendMessage(message);
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
      return delegate.unmarshalFrom(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
      return delegate.closeGracefully();
    }

    @Override
    public void close() {
      delegate.close();
    }

    @Override
    public List<String> protocolVersions() {
      return delegate.protocolVersions();
    }
  }

  /** {@code result} without the fields {@code version} does not define; the same object when none are set. */
  static Object downgrade(Object result, String version) {
    boolean titles = Revisions.hasStructuredOutput(version);
    boolean annotations = Revisions.hasAudio(version);
    boolean icons = Revisions.atLeast(version, Revisions.V2025_11_25);
    if (titles && annotations && icons) {
      return result;
    }
    if (result instanceof McpSchema.CallToolResult call && !titles && call.structuredContent() != null) {
      return new McpSchema.CallToolResult(call.content(), call.isError(), null, call.meta());
    }
    if (result instanceof McpSchema.ListToolsResult list) {
      List<McpSchema.Tool> tools = new ArrayList<>();
      for (McpSchema.Tool t : list.tools()) {
        tools.add(new McpSchema.Tool(t.name(), titles ? t.title() : null, t.description(), t.inputSchema(),
            titles ? t.outputSchema() : null, annotations ? t.annotations() : null, t.meta(),
            icons ? t.icons() : null));
      }
      return new McpSchema.ListToolsResult(tools, list.nextCursor(), list.meta());
    }
    if (result instanceof McpSchema.ListPromptsResult list) {
      List<McpSchema.Prompt> prompts = new ArrayList<>();
      for (McpSchema.Prompt p : list.prompts()) {
        prompts.add(new McpSchema.Prompt(p.name(), titles ? p.title() : null, p.description(), p.arguments(),
            p.meta(), icons ? p.icons() : null));
      }
      return new McpSchema.ListPromptsResult(prompts, list.nextCursor(), list.meta());
    }
    if (result instanceof McpSchema.ListResourcesResult list) {
      List<McpSchema.Resource> resources = new ArrayList<>();
      for (McpSchema.Resource r : list.resources()) {
        resources.add(new McpSchema.Resource(r.uri(), r.name(), titles ? r.title() : null, r.description(),
            r.mimeType(), r.size(), r.annotations(), r.meta(), icons ? r.icons() : null));
      }
      return new McpSchema.ListResourcesResult(resources, list.nextCursor(), list.meta());
    }
    return result;
  }
}
