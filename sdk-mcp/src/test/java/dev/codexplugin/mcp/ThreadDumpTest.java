package dev.codexplugin.mcp;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexplugin.mcp.fixtures.ReleaseToolsMcpServer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code kill -3} (SIGQUIT) makes the JVM print a thread dump, by default to stdout, where it would corrupt
 * the protocol; with {@code -XX:+DisplayVMOutputToStderr}, the flag the generated server's command must carry,
 * it goes to stderr and stdout stays JSON-RPC only.
 */
class ThreadDumpTest {
  @Test
  void withTheFlagAThreadDumpGoesToStderrAndStdoutStaysJsonRpc(@TempDir Path dir) throws Exception {
    Path stdout = dir.resolve("stdout");
    Path stderr = dir.resolve("stderr");
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+DisplayVMOutputToStderr", "-cp", System.getProperty("java.class.path"),
        ReleaseToolsMcpServer.class.getName())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    OutputStream in = server.getOutputStream();
    in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (Files.size(stdout) == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Process kill = new ProcessBuilder("kill", "-3", String.valueOf(server.pid())).inheritIO().start();
    assertThat(kill.waitFor()).isEqualTo(0);
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.readString(stderr).contains("Full thread dump") && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    in.write(("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}\n").getBytes(StandardCharsets.UTF_8));
    in.close();
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(Files.readString(stderr)).contains("Full thread dump");
    ObjectMapper json = new ObjectMapper();
    var lines = Files.readAllLines(stdout);
    assertThat(lines).hasSize(2);
    for (String line : lines) {
      assertThat(json.readTree(line).path("result").isObject()).isTrue();
    }
  }
}
