package com.acme.conformance;

import dev.codexplugin.testing.JsonRpcLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The generated server's own {@code main} in a child JVM (stdio transport, as a host runs it), its stdin and
 * stdout handed to test-support's raw JSON-RPC client {@link JsonRpcLines}, so a test sees exactly what went over
 * the wire. The server's stderr goes to {@code target/stdio-server.log}.
 */
final class StdioServer implements AutoCloseable {
  private final Process process;
  private final JsonRpcLines client;

  private StdioServer(Process process) {
    this.process = process;
    this.client = new JsonRpcLines(process.getOutputStream(), process.getInputStream());
  }

  /** Starts {@code main} of {@code server} with this JVM and the test class path. */
  static StdioServer start(Class<?> server) throws IOException {
    Path log = Files.createDirectories(Path.of("target")).resolve("stdio-server.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), server.getName())
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    return new StdioServer(process);
  }

  /** The client on the server's stdin and stdout. */
  JsonRpcLines client() {
    return client;
  }

  /** Ends the server's input, which ends the server; kills it when it is still running 10 s later. */
  @Override
  public void close() {
    client.close();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
