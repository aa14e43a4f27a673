package dev.codexplugin.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codexplugin.testing.MavenSettings;
import dev.codexplugin.testing.Publisher;
import dev.codexplugin.testing.Reactor;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 1: {@code codexplugin export} of the release-tools sample jar without {@code --lib} gets the
 * runtime dependencies itself, from the pom.xml Maven put in the jar, with Maven Resolver: through a mirror
 * ({@code settings.xml}) to the authenticated repository on 127.0.0.1 that holds this build's SDK, then
 * {@code --offline} from the local repository alone. The exported server starts: an MCP {@code initialize} over
 * its stdio answers. Offline with an empty local repository, the export is refused and writes nothing. The CLI is
 * this build's {@code -all} jar, run as a process.
 */
class ExportDependenciesIT {
  private static Path work;
  private static Publisher publisher;
  private static Path settings;
  private static Path cli;
  private static Path releaseTools;

  @BeforeAll
  static void repository() throws Exception {
    work = Path.of(System.getProperty("e2e.work"), "export-dependencies-it");
    PublisherIT.deleteRecursively(work);
    publisher = Publisher.start(Reactor.root(), work, Path.of(System.getProperty("publisher.localRepository")));
    settings = MavenSettings.create()
        .server(Publisher.REPOSITORY_ID, publisher.credentials())
        .mirror(Publisher.REPOSITORY_ID, publisher.url(), "*")
        .write(work.resolve("teammate-settings.xml"));
    cli = Reactor.root().resolve("sdk-cli/target/sdk-cli-" + publisher.sdk().version() + "-all.jar");
    releaseTools = Path.of(System.getProperty("samples.dir"), "release-tools/target/release-tools-1.0.0.jar");
    assertWithMessage("the sample is built before these tests").that(Files.isRegularFile(releaseTools)).isTrue();
  }

  @AfterAll
  static void stop() {
    if (publisher != null) {
      publisher.close();
    }
  }

  @Test
  void exportWithoutLibResolvesTheSamplesDependenciesAndItsServerStarts() throws Exception {
    Path local = work.resolve("local-repository");
    Path out = work.resolve("online");
    Run online = cli("export", releaseTools.toString(), "--out", out.toString(), "-s", settings.toString(),
        "--local-repository", local.toString());
    System.out.println("export (online, through the mirror):\n" + online.out() + online.err());
    assertWithMessage(online.err()).that(online.exit()).isEqualTo(0);
    assertThat(online.out()).containsMatch("resolved \\d+ runtime dependencies of " + releaseTools + " from its"
        + " pom\\.xml\n");
    List<String> lib = lib(out);
    // exactly what Maven's own build of the sample put in lib/ (sdk-maven-plugin at package), a snapshot of the SDK
    // by its timestamped name here: the same dependencies, at the same versions
    List<String> maven = lib(Path.of(System.getProperty("samples.dir"), "release-tools/target/codex-plugin"));
    assertThat(lib.stream().map(f -> f.replaceAll("-\\d{8}\\.\\d{6}-\\d+\\.jar$", "-SNAPSHOT.jar")).toList())
        .containsExactlyElementsIn(maven);
    assertThat(lib).contains("semver4j-6.0.0.jar");
    assertThat(lib.stream().anyMatch(f -> f.startsWith("sdk-mcp-0.1.0-"))).isTrue();
    assertThat(lib.stream().noneMatch(f -> f.startsWith("junit") || f.startsWith("truth"))).isTrue();
    assertThat(initialize(out.resolve("plugins/release-tools"))).contains("\"serverInfo\"");
    assertThat(publisher.server().requests().stream().anyMatch(r -> r.path().contains("/sdk-mcp/"))).isTrue();

    // offline: from the local repository alone, the same lib/
    publisher.server().clearRequests();
    Path offlineOut = work.resolve("offline");
    Run offline = cli("export", releaseTools.toString(), "--out", offlineOut.toString(), "-s", settings.toString(),
        "--local-repository", local.toString(), "--offline");
    assertWithMessage(offline.err()).that(offline.exit()).isEqualTo(0);
    assertThat(offline.out()).contains(" from its pom.xml (offline)");
    assertThat(lib(offlineOut)).isEqualTo(lib);
    assertThat(publisher.server().requests()).isEmpty();
    assertThat(initialize(offlineOut.resolve("plugins/release-tools"))).contains("\"serverInfo\"");
  }

  @Test
  void offlineWithoutTheDependenciesInTheLocalRepositoryIsRefusedAndWritesNothing() throws Exception {
    Path empty = Files.createDirectories(work.resolve("empty-local-repository"));
    Path out = work.resolve("refused");
    Run refused = cli("export", releaseTools.toString(), "--out", out.toString(), "-s", settings.toString(),
        "--local-repository", empty.toString(), "--offline");
    System.out.println("export (offline, empty local repository): exit " + refused.exit() + "\n" + refused.err());
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err().lines().count()).isEqualTo(1);
    assertThat(refused.err()).startsWith("codexplugin export: " + releaseTools + ": the runtime dependencies of"
        + " dev.codexplugin.samples:release-tools:1.0.0 (its META-INF/maven/dev.codexplugin.samples/release-tools"
        + "/pom.xml)");
    assertThat(refused.err()).contains("offline");
    assertThat(refused.err()).contains("--lib <dir>");
    assertThat(Files.exists(out)).isFalse();
  }

  private record Run(int exit, String out, String err) {}

  private static Run cli(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", cli.toString()));
    command.addAll(List.of(args));
    Path err = Files.createTempFile(work, "err", ".txt");
    Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Run(p.exitValue(), out, Files.readString(err));
  }

  private static List<String> lib(Path marketplace) throws Exception {
    try (Stream<Path> files = Files.list(marketplace.resolve("plugins/release-tools/lib"))) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  /**
   * Starts the exported server as Codex would (the command and arguments of the plugin's servers, in the
   * plugin folder: {@code java -cp lib/* <main>}) and returns its answer to {@code initialize}.
   */
  private static String initialize(Path plugin) throws Exception {
    Path file = Files.isRegularFile(plugin.resolve(".mcp.json")) ? plugin.resolve(".mcp.json")
        : plugin.resolve(".codex-plugin/plugin.json");
    String mcp = Files.readString(file);
    assertWithMessage(file.toString()).that(mcp).contains("\"lib/*\"");
    String main = mcp.replaceAll("(?s).*\"lib/\\*\",\\s*\"([^\"]+)\".*", "$1");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", "lib/*",
        main).directory(plugin.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"export-it\",\"version\":\"1\"}}}\n")
          .getBytes(StandardCharsets.UTF_8));
      in.flush();
      String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8)).readLine();
      assertWithMessage("the server wrote nothing: it did not start").that(line).isNotNull();
      System.out.println("initialize -> " + line);
      return line;
    } finally {
      p.destroy();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
