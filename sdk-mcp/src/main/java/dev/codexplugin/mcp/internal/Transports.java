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
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The SDK's transport providers, wrapped (never copied) to learn each session's negotiated revision from the
 * SDK's own {@code initialize} answer, and, on stdio (the only transport that can negotiate 2024-11-05, whose
 * clients cannot tell the later fields apart from errors), to leave out of {@code tools/list}, resource and
 * prompt lists and from tool results the fields later revisions added: {@code title} (of a prompt argument
 * too), {@code outputSchema} and {@code structuredContent} (2025-06-18), tool {@code annotations} (2025-03-26)
 * and {@code icons} (2025-11-25).
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

  /**
   * Streamable HTTP needs no emit lock of ours ({@link Tap}'s): in mcp-core 2.1.0 the servlet's session
   * transport ({@code HttpServletStreamableServerTransportProvider.HttpServletStreamableMcpSessionTransport
   * .sendMessage(message, messageId)}) writes each message straight to the response's writer inside
   * {@code Mono.fromRunnable}, under a {@code ReentrantLock} of its own (a second sender parks), with no sink,
   * no {@code busyLooping} and no retry; each POST gets such a transport for its own event stream.
   */
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
  static final class Tap implements McpServerTransport {
    /** A contended emit clears within microseconds; a sink that is closed fails every one of these. */
    private static final int MAX_SEND_RETRIES = 1000;

    private final McpServerTransport delegate;
    private final Sessions sessions;
    /** Held while a message is handed to the SDK's outbound sink (see {@link #sendMessage}). */
    private final Object emitLock = new Object();
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
      // The SDK's stdio transport hands every message to one unicast sink with emitNext(busyLooping(100 ms)); a
      // second thread emitting while the first is still inside gets FAIL_NON_SERIALIZED and spins for up to
      // 100 ms, then the transport turns it into "Failed to enqueue message" and the message is lost: a
      // response that never comes, and the client waits forever. On a loaded machine the first thread is often
      // descheduled inside the emit, and the spinning one takes the CPU it needs (a JFR profile under load
      // showed a third of the server's samples in that spin). So the emits are serialized here, on a lock
      // a waiting thread sleeps on; the failure, should it still happen, is transient, and the send is tried
      // again.
      McpSchema.JSONRPCMessage sent = message;
      return Mono.defer(() -> emit(sent)).retryWhen(Retry.fixedDelay(MAX_SEND_RETRIES, Duration.ofMillis(1))
          .filter(Tap::enqueueFailed));
    }

    /**
     * Subscribes to the SDK's send under {@link #emitLock}: its Mono emits into the sink when subscribed (and
     * completes at once, empty or with the enqueue error), so the emit happens inside the lock.
     */
    private Mono<Void> emit(McpSchema.JSONRPCMessage message) {
      Mono<Void> send = delegate.sendMessage(message);
      return Mono.create(sink -> {
        synchronized (emitLock) {
          send.subscribe(null, sink::error, sink::success);
        }
      });
    }

    /** The SDK's words for a message its outbound sink did not take. */
    private static boolean enqueueFailed(Throwable error) {
      return error instanceof RuntimeException && "Failed to enqueue message".equals(error.getMessage());
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
        List<McpSchema.PromptArgument> arguments = p.arguments();
        if (!titles && arguments != null) {
          arguments = arguments.stream()
              .map(a -> new McpSchema.PromptArgument(a.name(), null, a.description(), a.required())).toList();
        }
        prompts.add(new McpSchema.Prompt(p.name(), titles ? p.title() : null, p.description(), arguments,
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
