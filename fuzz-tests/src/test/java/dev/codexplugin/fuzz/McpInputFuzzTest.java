package dev.codexplugin.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexplugin.mcp.McpToolServer;
import dev.codexplugin.mcp.ToolMethod;
import dev.codexplugin.mcp.ToolServerDefinition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Timeout;

/**
 * The MCP server's input line handling, through its public entry {@link McpToolServer#start}: fuzzed bytes as
 * the client's stdin (newline-delimited JSON-RPC). Findings: an exception that escapes, a server that does not
 * end within 4 s after its input ended (the per-input limit is 5 s), or an output line that is not one JSON
 * object (stdout carries only
 * JSON-RPC). Seeds: {@code McpInputFuzzTestInputs/lines/}.
 */
class McpInputFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ToolServerDefinition SERVER = new ToolServerDefinition() {
    @Override
    public String serverName() {
      return "fuzz";
    }

    @Override
    public String version() {
      return "1.0.0";
    }

    @Override
    public List<ToolMethod> tools() {
      return List.of(new ToolMethod("echo", """
          {"name":"echo","description":"Echoes its text.","inputSchema":{"type":"object",
           "properties":{"text":{"type":"string"}},"required":["text"]}}""", false,
          args -> args.toString()));
    }
  };

  @Timeout(Inputs.LIMIT_SECONDS)
  @FuzzTest(maxDuration = "30s")
  void lines(FuzzedDataProvider data) throws Exception {
    lines(data.consumeRemainingAsBytes());
  }

  static {
    // Loads and links the server's classes before the first timed input (see Inputs.warmUp).
    Inputs.warmUp(() -> lines(("""
        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},\
        "clientInfo":{"name":"warm-up","version":"1"}}}
        {"jsonrpc":"2.0","method":"notifications/initialized"}
        {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}}
        """).getBytes(UTF_8)));
  }

  private static void lines(byte[] input) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    McpToolServer.Running running = McpToolServer.start(SERVER, new ByteArrayInputStream(input), out);
    CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> {
      try {
        running.awaitTermination();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    try {
      ended.get(4, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      running.close();
      throw new AssertionError("the server did not end within 4 s after its input ended", e);
    }
    running.close();
    for (String line : out.toString(UTF_8).split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      if (!JSON.readTree(line).isObject()) {
        throw new AssertionError("stdout line is not a JSON object: " + line);
      }
    }
  }
}
