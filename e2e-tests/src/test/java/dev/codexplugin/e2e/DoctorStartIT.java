package dev.codexplugin.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexplugin.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Never a plugin that cannot start (issue 12, item 1): an export that cannot find the release-tools sample's
 * runtime dependencies writes nothing; {@code codexplugin doctor} proves that a bundled stdio server starts, says
 * why it cannot when its {@code lib/} lacks the SDK's jars (as the real Codex CLI finds when it starts the
 * installed copy), and sees the server answer {@code initialize} when they are there.
 */
class DoctorStartIT {
  /** One in-process run of the command line. */
  record Run(int exit, String out, String err) {}

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    Run run = new Run(exit, out.toString(), err.toString());
    System.out.println("$ codexplugin " + String.join(" ", args) + "   [exit " + exit + "]\n" + run.out()
        + (run.err().isBlank() ? "" : "[stderr]\n" + run.err()));
    return run;
  }

  private static Path jar() {
    Path jar = Path.of(System.getProperty("release-tools.jar"));
    assertWithMessage("the release-tools sample jar").that(Files.isRegularFile(jar)).isTrue();
    return jar;
  }

  @Test
  void anExportThatCannotFindTheDependenciesWritesNothing() throws Exception {
    Path work = Path.of(System.getProperty("e2e.work")).resolve("doctor-unresolved");
    CodexCli.deleteRecursively(work);
    Path out = work.resolve("market");
    Run export = cli("export", jar().toString(), "--out", out.toString(), "--offline", "--local-repository",
        work.resolve("empty-m2").toString());

    assertThat(export.exit()).isEqualTo(1);
    assertThat(export.err()).contains("the runtime dependencies of dev.codexplugin.samples:release-tools:1.0.0");
    assertThat(export.err()).contains("give the runtime dependencies with --lib <dir>");
    assertThat(export.err()).contains("nothing was written");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void aPluginWithoutItsDependenciesCannotStartAndTheDoctorSaysWhy() throws Exception {
    Path out = Path.of(System.getProperty("e2e.work")).resolve("doctor-no-lib");
    Run export = cli("export", jar().toString(), "--out", out.toString(), "--force", "--lib", dependencies("no-lib"));
    assertThat(export.exit()).isEqualTo(0);
    // what a hand-made copy or a damaged install looks like: the plugin's jar without the SDK's
    Path lib = out.resolve("plugins/release-tools/lib");
    try (var jars = Files.list(lib)) {
      for (Path j : jars.filter(j -> j.getFileName().toString().startsWith("sdk-")).toList()) {
        Files.delete(j);
      }
    }

    Run doctor = cli("doctor", out.toString(), "--offline");

    assertThat(doctor.exit()).isEqualTo(1);
    // the server cannot start, and the Java hooks' launcher lacks sdk-hooks
    assertThat(doctor.out()).contains("release-tools 1.0.0: 2 missing");
    assertThat(doctor.out())
        .contains("MISSING  hooks  hook sdk-hooks: no jar in lib/ has dev.codexplugin.hooks.HookRunner");
    assertThat(doctor.out()).contains("MISSING  release-tools  start java ");
    assertThat(doctor.out()).contains("exited with code 1 before it answered initialize; stderr: Error: Could not"
        + " find or load main class com.acme.release.ReleaseToolsMcpServer / Caused by:"
        + " java.lang.NoClassDefFoundError: dev/codexplugin/mcp/ToolServerDefinition");
    assertThat(doctor.out()).contains("ship the server's runtime dependencies in lib/");
    // --no-start checks the prerequisites only: the hooks' sdk-hooks is one, the server's classes are not
    Run quick = cli("doctor", out.toString(), "--offline", "--no-start");
    assertThat(quick.exit()).isEqualTo(1);
    assertThat(quick.out()).contains("release-tools 1.0.0: 1 missing");
    assertThat(quick.out()).doesNotContain("MISSING  release-tools  start");

    // the real Codex CLI agrees: the installed copy's server does not start
    CodexCli codex = CodexCli.fromBuild("doctor-no-lib");
    String market = codex.run("plugin", "marketplace", "add", out.toString(), "--json").json()
        .path("marketplaceName").asText();
    codex.run("plugin", "add", "release-tools@" + market, "--json").json();
    try (AppServerClient app = AppServerClient.start(Path.of(System.getProperty("codex.bin")), codex.home())) {
      JsonNode status = app.request("mcpServerStatus/list", CodexCli.JSON.createObjectNode(), Duration.ofMinutes(2));
      JsonNode server = InstallChecks.only(status.path("data"), "name", "release-tools");
      assertThat(server.path("toolsError").asText()).contains("MCP startup failed");
    }
  }

  @Test
  void anExportWithItsDependenciesStarts() throws Exception {
    Path out = Path.of(System.getProperty("e2e.work")).resolve("doctor-with-lib");
    Run export = cli("export", jar().toString(), "--out", out.toString(), "--force", "--lib", dependencies("lib"));
    assertThat(export.exit()).isEqualTo(0);

    Run doctor = cli("doctor", out.toString(), "--offline");

    assertWithMessage(doctor.out()).that(doctor.exit()).isEqualTo(0);
    assertThat(doctor.out()).contains("OK  release-tools  start java ");
    assertThat(doctor.out()).containsMatch("answered initialize in [0-9.]+ s as release-tools 1\\.0\\.0");
    assertThat(doctor.out()).contains("ready: nothing is missing");
  }

  /** A copy of the runtime jars sdk-maven-plugin resolved for the sample's own export, without the plugin's jar. */
  private static String dependencies(String name) throws Exception {
    Path exported = Path.of(System.getProperty("samples.dir"),
        "release-tools/target/codex-plugin/plugins/release-tools/lib").toAbsolutePath().normalize();
    assertWithMessage("the sample's own export (./mvnw package)").that(Files.isDirectory(exported)).isTrue();
    Path lib = Path.of(System.getProperty("e2e.work")).resolve("doctor-deps-" + name);
    CodexCli.deleteRecursively(lib);
    Files.createDirectories(lib);
    try (var jars = Files.list(exported)) {
      for (Path j : jars.filter(j -> !j.getFileName().equals(jar().getFileName())).toList()) {
        Files.copy(j, lib.resolve(j.getFileName()));
      }
    }
    return lib.toString();
  }
}
