package com.acme.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The generated server's own {@code main} in a child JVM (stdio transport, as a host runs it), and a raw
 * JSON-RPC client on its stdin and stdout: lines go in as written, every line that comes out is read on a thread
 * of its own, so a test sees exactly what went over the wire. The server's stderr goes to
 * {@code target/stdio-server.log}.
 */
final class StdioServer implements AutoCloseable {
  private static final long TIMEOUT_SECONDS = 30;
  private static final String END = new String("<end of output>");

  private final ObjectMapper mapper = new ObjectMapper();
  private final Process process;
  private final OutputStream toServer;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private StdioServer(Process process) {
    this.process = process;
    this.toServer = process.getOutputStream();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException e) {
        // the stream broke: its end
      } finally {
        lines.add(END);
      }
    }, "stdio-server-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code main} of {@code server} with this JVM and the test class path. */
  static StdioServer start(Class<?> server) throws IOException {
    Path log = Files.createDirectories(Path.of("target")).resolve("stdio-server.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), server.getName())
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    return new StdioServer(process);
  }

  /** Sends one raw line (a newline is appended). */
  void send(String line) {
    try {
      toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      toServer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void request(int id, String method, String paramsJson) {
    send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
  }

  void call(int id, String tool, String argumentsJson) {
    request(id, "tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + argumentsJson + "}");
  }

  /** The next line the server wrote, parsed; fails when none comes in 30 s or its output ended. */
  JsonNode next() {
    String line;
    try {
      line = lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    if (line == null) {
      throw new AssertionError("no line from the server within " + TIMEOUT_SECONDS + " s");
    }
    if (line == END) {
      throw new AssertionError("the server's output ended (see target/stdio-server.log)");
    }
    try {
      return mapper.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  /** Ends the server's input, which ends the server; kills it when it is still running 10 s later. */
  @Override
  public void close() {
    try {
      toServer.close();
    } catch (IOException e) {
      // already closed
    }
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
