package dev.codexplugin.packages;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codexplugin.testing.Credentials;
import dev.codexplugin.testing.FakeHost;
import dev.codexplugin.testing.MavenSettings;
import dev.codexplugin.testing.RepositoryServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 6, Ctrl-C in the commit phase: the marketplace folder has been replaced and the host command is
 * running when the user presses Ctrl-C. The install runs in a process group of its own ({@code setsid}), and the
 * SIGINT goes to the whole group, as a terminal sends it: to the package manager and to the host command it
 * started. The host is {@link FakeHost} behind a script that, on {@code plugin add}, does what the host does and
 * then stalls for 60 s. Afterwards the lock, the declaration, the managed marketplace and state, and the host's
 * files (its config, its plugin cache and the fake's recorded state) are exactly as before; no staging folder
 * remains.
 */
class CommitInterruptTest {
  private static final Credentials DEPLOYER = new Credentials("deployer", "s3cret");
  @TempDir static Path shared;
  static RepositoryServer server;

  @TempDir Path work;

  @BeforeAll
  static void deploy() throws Exception {
    server = RepositoryServer.builder(shared.resolve("repo")).user(DEPLOYER.username(), DEPLOYER.password())
        .upstream(dev.codexplugin.testing.Maven.sharedLocalRepository()).start();
    Path w = Files.createDirectories(shared.resolve("build"));
    Path jar = TestPlugins.jar(w, "team-1.0.0", "1.0.0", TestPlugins.plugin("team-plugin", List.of("review")));
    TestPlugins.deploy(w, server.url(), DEPLOYER.username(), DEPLOYER.password(), "com.acme:team:1.0.0", jar,
        List.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Every file of {@code roots} (but the command's file lock and the fake host's call log), with its hash. */
  private static Map<String, String> state(Path... roots) throws IOException {
    return TestPlugins.state(Set.of("calls.log"), roots);
  }

  @Test
  void aSigintWhileTheHostCommandRunsLeavesLockMarketplaceAndHostAsBefore() throws Exception {
    Path project = Files.createDirectories(work.resolve("project"));
    Path codexHome = Files.createDirectories(work.resolve("codex-home"));
    Path settings = MavenSettings.create().server("team", DEPLOYER).write(work.resolve("settings.xml"));
    Path local = work.resolve("local-repo");
    Files.writeString(project.resolve(Declaration.FILE), """
        {"marketplace": "team-tools", "scope": "project", "hosts": ["codex"],
         "repositories": [{"id": "team", "url": "%s"}],
         "plugins": [{"id": "com.acme:team", "range": "^1"}]}
        """.formatted(server.url()));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path stall = work.resolve("stalled");
    Path codex = work.resolve("codex");
    Files.writeString(codex, """
        #!/bin/sh
        '%s' -XX:TieredStopAtLevel=1 -cp '%s' %s codex "$@" || exit $?
        if [ -f '%s' ] && [ "$1 $2" = "plugin add" ]; then touch '%s'; sleep 60; fi
        """.formatted(java, System.getProperty("java.class.path"), FakeHost.class.getName(),
        work.resolve("stall-armed"), stall));
    Files.setPosixFilePermissions(codex, PosixFilePermissions.fromString("rwxr-xr-x"));

    // The first install, into the fake Codex, runs to its end.
    try (StandaloneResolver r = StandaloneResolver.open(StandaloneResolver.Options.defaults()
        .withSettings(settings).withLocalRepository(local).withEnvironment(Map.of()))) {
      PackageManager.builder(project).source(r::source).out(new PrintWriter(new StringWriter(), true))
          .environment(Map.of("PATH", System.getenv("PATH"), "CODEX_HOME", codexHome.toString()))
          .userHome(work.resolve("home")).codexCommand(List.of(codex.toString()))
          .classDataArchives(false).build().install();
    }
    assertThat(Files.readString(codexHome.resolve("fake-state.txt"))).contains("plugin:team-plugin@team-tools 1.0.0");
    // A file of the installed plugin edited by hand, in the marketplace and in Codex's cache: the next install
    // reinstalls it in both (codex plugin remove, then add), and the edits are what an undone install gives back.
    Path manifest = project.resolve(PackageManager.MANAGED
        + "/marketplace/plugins/team-plugin/.codex-plugin/plugin.json");
    Files.writeString(manifest, Files.readString(manifest) + "\n");
    Path cached = codexHome.resolve("plugins/cache/team-tools/team-plugin/1.0.0/.codex-plugin/plugin.json");
    Files.writeString(cached, Files.readString(cached) + "\n");
    Map<String, String> before = state(project, codexHome);
    String calls = Files.readString(codexHome.resolve("calls.log"));
    Files.writeString(work.resolve("stall-armed"), "");

    // env --default-signal=INT: a build started as a background job inherits SIGINT ignored, and the JVM then
    // installs no handler for it; the install and its host command must see SIGINT as after a terminal's Ctrl-C.
    Process p = new ProcessBuilder("env", "--default-signal=INT", "setsid", java, "-cp",
        System.getProperty("java.class.path"),
        InstallProcess.class.getName(), project.toString(), settings.toString(), local.toString(),
        codexHome.toString(), codex.toString())
        .redirectErrorStream(true).redirectOutput(work.resolve("install.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(stall) && System.nanoTime() < deadline && p.isAlive()) {
        Thread.sleep(50);
      }
      assertWithMessage(Files.readString(work.resolve("install.log"))).that(Files.exists(stall)).isTrue();
      assertThat(p.isAlive()).isTrue();
      // The host step is under way: the new marketplace is in place and Codex has copied the plugin again.
      assertThat(Files.readString(manifest)).doesNotContain("}\n\n");
      assertThat(Files.readString(cached)).doesNotContain("}\n\n");
      // Ctrl-C: SIGINT to the install's process group (setsid made the install its leader).
      Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + p.pid()).inheritIO().start();
      assertThat(kill.waitFor()).isEqualTo(0);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(130);
    } finally {
      p.destroyForcibly();
    }
    String log = Files.readString(work.resolve("install.log"));
    System.out.println("interrupted install printed: " + log.strip());
    assertThat(log).doesNotContain("Exception");
    assertThat(log).doesNotContain("up to date");
    assertThat(Files.readString(codexHome.resolve("calls.log"))).startsWith(calls);
    assertThat(Files.readString(codexHome.resolve("calls.log")).substring(calls.length()))
        .contains("plugin remove team-plugin@team-tools --json\nplugin add team-plugin@team-tools --json\n");
    assertThat(state(project, codexHome)).isEqualTo(before);
    assertThat(Files.readString(manifest)).endsWith("}\n\n");
    assertThat(Files.readString(cached)).endsWith("}\n\n");
    Path staging = project.resolve(PackageManager.MANAGED + "/staging");
    if (Files.exists(staging)) {
      try (Stream<Path> list = Files.list(staging)) {
        assertThat(list.toList()).isEmpty();
      }
    }
  }
}
