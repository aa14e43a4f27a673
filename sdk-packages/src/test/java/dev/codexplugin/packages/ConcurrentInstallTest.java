package dev.codexplugin.packages;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codexplugin.testing.Credentials;
import dev.codexplugin.testing.FakeHost;
import dev.codexplugin.testing.MavenSettings;
import dev.codexplugin.testing.RepositoryServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 6, concurrent runs: two {@code install} processes ({@link InstallProcess}) of the same project and
 * the same (fake) Codex started together, a few rounds, each round locking another version. In each round one
 * installs; the other is refused with "another codexplugin command is running" or, started after the first had
 * finished, finds everything up to date. Never a half state: the lock, the marketplace and Codex hold the round's
 * version, and no staging folder or temporary file remains.
 */
class ConcurrentInstallTest {
  private static final Credentials DEPLOYER = new Credentials("deployer", "s3cret");
  @TempDir static Path shared;
  static RepositoryServer server;

  @TempDir Path work;

  @BeforeAll
  static void deploy() throws Exception {
    server = RepositoryServer.builder(shared.resolve("repo")).user(DEPLOYER.username(), DEPLOYER.password())
        .upstream(dev.codexplugin.testing.Maven.sharedLocalRepository()).start();
    Path w = Files.createDirectories(shared.resolve("build"));
    for (var v : List.of(List.of("1.0.0", "review"), List.of("1.1.0", "review,testing"))) {
      Path jar = TestPlugins.jar(w, "team-" + v.get(0), v.get(0),
          TestPlugins.plugin("team-plugin", List.of(v.get(1).split(","))));
      TestPlugins.deploy(w, server.url(), DEPLOYER.username(), DEPLOYER.password(), "com.acme:team:" + v.get(0), jar,
          List.of());
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void twoInstallsAtOnceOneWinsTheOtherSaysInUse() throws Exception {
    Path project = Files.createDirectories(work.resolve("project"));
    Path codexHome = Files.createDirectories(work.resolve("codex-home"));
    Path settings = MavenSettings.create().server("team", DEPLOYER).write(work.resolve("settings.xml"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path codex = work.resolve("codex");
    Files.writeString(codex, """
        #!/bin/sh
        exec '%s' -XX:TieredStopAtLevel=1 -cp '%s' %s codex "$@"
        """.formatted(java, System.getProperty("java.class.path"), FakeHost.class.getName()));
    Files.setPosixFilePermissions(codex, PosixFilePermissions.fromString("rwxr-xr-x"));
    int refusals = 0;
    for (int round = 0; round < 4; round++) {
      String version = round % 2 == 0 ? "1.0.0" : "1.1.0";
      Files.writeString(project.resolve(Declaration.FILE), """
          {"marketplace": "team-tools", "scope": "project", "hosts": ["codex"],
           "repositories": [{"id": "team", "url": "%s"}],
           "plugins": [{"id": "com.acme:team", "range": "%s"}]}
          """.formatted(server.url(), version));
      Files.deleteIfExists(project.resolve(Lock.FILE));
      List<Process> processes = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            InstallProcess.class.getName(), project.toString(), settings.toString(),
            work.resolve("local-" + i).toString(), codexHome.toString(), codex.toString())
            .redirectErrorStream(true).redirectOutput(work.resolve("install-" + round + "-" + i + ".log").toFile())
            .start());
      }
      List<String> logs = new ArrayList<>();
      int succeeded = 0;
      for (int i = 0; i < 2; i++) {
        Process p = processes.get(i);
        try {
          assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        } finally {
          p.destroyForcibly();
        }
        String log = Files.readString(work.resolve("install-" + round + "-" + i + ".log")).strip();
        logs.add(p.exitValue() + ": " + log);
        assertWithMessage(log).that(log).doesNotContain("Exception");
        if (p.exitValue() == 0) {
          succeeded++;
          assertWithMessage(log).that(log).containsMatch("(locked and installed|up to date: ) ?team-plugin "
              + version.replace(".", "\\."));
        } else {
          assertThat(p.exitValue()).isEqualTo(1);
          assertWithMessage(log).that(log).isEqualTo(project.resolve(PackageManager.MANAGED + "/lock")
              + ": another codexplugin command is running in " + project
              + "; wait for it to finish and run the command again");
          refusals++;
        }
      }
      System.out.println("round " + round + " (" + version + "): " + logs);
      assertWithMessage(logs.toString()).that(succeeded).isAtLeast(1);
      // Complete: lock, marketplace and Codex hold the round's version.
      assertThat(Lock.read(project.resolve(Lock.FILE)).orElseThrow().plugins().get(0).version()).isEqualTo(version);
      assertThat(Files.readString(project.resolve(PackageManager.MANAGED
          + "/marketplace/plugins/team-plugin/.codex-plugin/plugin.json"))).contains("\"" + version + "\"");
      assertThat(Files.readString(codexHome.resolve("fake-state.txt")))
          .contains("plugin:team-plugin@team-tools " + version);
      assertThat(Files.exists(codexHome.resolve("plugins/cache/team-tools/team-plugin/" + version))).isTrue();
      // No leftovers.
      Path staging = project.resolve(PackageManager.MANAGED + "/staging");
      if (Files.exists(staging)) {
        try (Stream<Path> list = Files.list(staging)) {
          assertThat(list.toList()).isEmpty();
        }
      }
      try (Stream<Path> walk = Files.walk(project)) {
        assertThat(walk.map(Path::toString).filter(n -> n.endsWith(".tmp") || n.endsWith(".undo")).toList())
            .isEmpty();
      }
      // A third install afterwards is a no-op.
      Process again = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          InstallProcess.class.getName(), project.toString(), settings.toString(), work.resolve("local-0").toString(),
          codexHome.toString(), codex.toString()).redirectErrorStream(true).start();
      String log = new String(again.getInputStream().readAllBytes()).strip();
      assertThat(again.waitFor()).isEqualTo(0);
      assertThat(log).startsWith("up to date: team-plugin " + version);
    }
    System.out.println("refused runs: " + refusals + " of 4 rounds");
  }
}
