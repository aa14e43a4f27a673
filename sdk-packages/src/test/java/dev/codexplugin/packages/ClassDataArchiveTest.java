package dev.codexplugin.packages;

import static com.google.common.truth.Truth.assertThat;

import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginLoader;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up archive of a real Java tool server (compiled with the real processor, run on the real MCP SDK):
 * made with JDK 17 and, where it is installed, JDK 25; then corrupted: the server still answers and its stdout
 * carries nothing but JSON-RPC.
 */
class ClassDataArchiveTest {
  private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
  @TempDir static Path work;
  static Path folder;
  static List<String> serverArgs;

  @BeforeAll
  static void server() throws Exception {
    Path jar = TestPlugins.jar(work, "tools-1.0.0", "1.0.0", TestPlugins.tools("tools-plugin", List.of("echo")));
    folder = work.resolve("installed");
    Path lib = folder.resolve("lib");
    Files.createDirectories(lib);
    Files.copy(jar, lib.resolve(jar.getFileName()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (entry.endsWith(".jar") && Files.isRegularFile(p) && !Files.exists(lib.resolve(p.getFileName()))) {
        Files.copy(p, lib.resolve(p.getFileName()));
      }
    }
    PluginBundle bundle = PluginLoader.load(jar).get(0);
    McpServerSpec server = bundle.mcpServers().get(0);
    serverArgs = server.args();
    assertThat(serverArgs).contains("lib/*");
  }

  @Test
  void jdk17DynamicArchive() throws Exception {
    check(Path.of(System.getProperty("java.home"), "bin", "java"));
  }

  @Test
  void jdk25AotCache() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(JDK25), "JDK 25 at " + JDK25);
    check(JDK25);
  }

  private void check(Path java) throws Exception {
    int feature = ClassDataArchive.feature(java).orElseThrow();
    Path archive = work.resolve("cds").resolve("tools-plugin-" + feature + ClassDataArchive.suffix(feature));
    Optional<String> failure = ClassDataArchive.create(java, feature, folder, serverArgs, archive);
    assertThat(failure).isEmpty();
    assertThat(Files.size(archive)).isGreaterThan(100_000L);
    List<String> options = ClassDataArchive.runtimeOptions(feature, archive);

    String good = session(java, options);
    assertThat(good).contains("\"echo\"");

    Files.write(archive, "not an archive at all".repeat(1000).getBytes(StandardCharsets.UTF_8));
    String corrupt = session(java, options);
    assertThat(corrupt).contains("\"echo\"");

    Files.delete(archive);
    String missing = session(java, options);
    assertThat(missing).contains("\"echo\"");
  }

  /** One session with the server; asserts that every stdout line is a JSON-RPC message, returns stdout. */
  private static String session(Path java, List<String> options) throws Exception {
    List<String> command = new ArrayList<>(List.of(java.toString()));
    command.addAll(options);
    command.addAll(serverArgs);
    Process p = new ProcessBuilder(command).directory(folder.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
          + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
          + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
          + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      Thread.sleep(3000);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).hasSize(2);
    for (String line : lines) {
      assertThat(line).startsWith("{\"jsonrpc\":\"2.0\"");
    }
    return out;
  }
}
