package dev.codexplugin.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The stdio session's transport wrapper hands messages to the SDK's outbound sink one thread at a time: the SDK's
 * sink fails a concurrent emit (FAIL_NON_SERIALIZED) and busy-loops on it for up to 100 ms, then drops the message.
 */
class TransportsTapTest {
  private static final McpSchema.JSONRPCMessage MESSAGE =
      new McpSchema.JSONRPCNotification(McpSchema.JSONRPC_VERSION, "notifications/message", null);

  /** A transport whose send, like the SDK's, emits when subscribed; it counts sends that overlap. */
  private static final class Recording implements McpServerTransport {
    final AtomicInteger inside = new AtomicInteger();
    final AtomicInteger overlaps = new AtomicInteger();
    final AtomicInteger sends = new AtomicInteger();
    Supplier<Mono<Void>> outcome = Mono::empty;

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
      return Mono.defer(() -> {
        if (inside.incrementAndGet() > 1) {
          overlaps.incrementAndGet();
        }
        LockSupport.parkNanos(50_000); // inside the emit long enough for another thread to arrive
        sends.incrementAndGet();
        inside.decrementAndGet();
        return outcome.get();
      });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Mono<Void> closeGracefully() {
      return Mono.empty();
    }
  }

  @Test
  void concurrentSendsReachTheSinkOneAtATime() throws Exception {
    Recording sink = new Recording();
    Transports.Tap tap = new Transports.Tap(sink, new Sessions());
    int threads = 4;
    int perThread = 100;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < perThread; i++) {
            tap.sendMessage(MESSAGE).block(Duration.ofSeconds(10));
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(threads * perThread, sink.sends.get());
    assertEquals(0, sink.overlaps.get(), "sends that overlapped inside the sink");
  }

  @Test
  void aSendTheSinkRefusedIsTriedAgainOnceUntilTaken() {
    Recording sink = new Recording();
    AtomicInteger refusals = new AtomicInteger(2);
    sink.outcome = () -> refusals.getAndDecrement() > 0
        ? Mono.error(new RuntimeException("Failed to enqueue message")) : Mono.empty();
    Transports.Tap tap = new Transports.Tap(sink, new Sessions());

    tap.sendMessage(MESSAGE).block(Duration.ofSeconds(10));

    assertEquals(3, sink.sends.get(), "two refused attempts, then the one taken; never sent twice once taken");
  }

  @Test
  void anotherErrorOfTheSendIsNotRetried() {
    Recording sink = new Recording();
    sink.outcome = () -> Mono.error(new IllegalStateException("closed"));
    Transports.Tap tap = new Transports.Tap(sink, new Sessions());

    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> tap.sendMessage(MESSAGE).block(Duration.ofSeconds(10)));

    assertTrue(e.getMessage().contains("closed"));
    assertEquals(1, sink.sends.get());
  }
}
