package dev.codexplugin.packages;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 6, a full disk: the project folder (declaration, lock and {@code .codexplugin/}) lives on a small
 * tmpfs (mounted when the tests run as root on Linux; skipped otherwise). 1.0.0 installs; the disk is then filled
 * almost completely, the range widened, and an update to 1.1.0, whose skills do not fit, fails with a one-line
 * error saying the disk is full, naming the folder, and that nothing was changed: the project folder and the fake
 * Codex's home are byte-identical to before, and no staging folder or partial file remains. With room again, the
 * same update goes through.
 */
class InstallFullDiskTest {
  private static final Credentials DEPLOYER = new Credentials("deployer", "s3cret");
  @TempDir static Path shared;
  static RepositoryServer server;
  static Path build;

  @TempDir Path work;
  Path disk;
  boolean mounted;

  private static boolean run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  @BeforeAll
  static void start() throws Exception {
    server = RepositoryServer.builder(shared.resolve("repo")).user(DEPLOYER.username(), DEPLOYER.password())
        .upstream(dev.codexplugin.testing.Maven.sharedLocalRepository()).start();
    build = Files.createDirectories(shared.resolve("build"));
    Path jar = TestPlugins.jar(build, "team-1.0.0", "1.0.0", TestPlugins.plugin("team-plugin", List.of("review")));
    TestPlugins.deploy(build, server.url(), DEPLOYER.username(), DEPLOYER.password(), "com.acme:team:1.0.0", jar,
        List.of());
    deployBig();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void mount() throws Exception {
    disk = Files.createDirectories(work.resolve("disk"));
    assumeTrue(System.getProperty("os.name").startsWith("Linux"), "tmpfs needs Linux");
    mounted = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.toString());
    assumeTrue(mounted, "mount -t tmpfs is not permitted here (not root?)");
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted) {
      run("umount", disk.toString());
    }
  }

  /** 1.1.0: the review skill and 24 skills of about 48 KiB of incompressible-ish text each (about 1.1 MiB). */
  private static void deployBig() throws Exception {
    List<String> skills = new ArrayList<>(List.of("review"));
    for (int i = 0; i < 24; i++) {
      skills.add("bulk" + i);
    }
    Map<String, String> sources = new TreeMap<>(TestPlugins.plugin("team-plugin", skills));
    Random random = new Random(7);
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    String skillsSource = sources.get("com/acme/p/Skills.java");
    for (int i = 0; i < 24; i++) {
      StringBuilder noise = new StringBuilder();
      for (int j = 0; j < 48 << 10; j++) {
        noise.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      skillsSource = skillsSource.replace("\"# bulk" + i + "\\nDo it.\\n\"",
          "\"# bulk" + i + "\\n" + noise + "\\n\"");
    }
    sources.put("com/acme/p/Skills.java", skillsSource);
    Path jar = TestPlugins.jar(build, "team-1.1.0", "1.1.0", sources);
    TestPlugins.deploy(build, server.url(), DEPLOYER.username(), DEPLOYER.password(), "com.acme:team:1.1.0", jar,
        List.of());
  }

  /** Every file under {@code roots} with its content hash, and every folder. */
  static Map<String, String> tree(Path... roots) throws IOException {
    Map<String, String> files = new TreeMap<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path f : walk.toList()) {
          String name = root.getFileName() + "/" + root.relativize(f);
          files.put(name, Files.isDirectory(f) ? "(folder)" : Hashes.sha256(Files.readAllBytes(f)));
        }
      }
    }
    return files;
  }

  private static String du(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      StringBuilder b = new StringBuilder();
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        b.append(Files.size(f)).append(' ').append(root.relativize(f)).append('\n');
      }
      return b.toString();
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Test
  void aFullDiskDuringInstallLeavesEverythingAsBefore() throws Exception {
    Path project = Files.createDirectories(disk.resolve("project"));
    Path codexHome = Files.createDirectories(work.resolve("codex-home"));
    Path settings = MavenSettings.create().server("team", DEPLOYER).write(work.resolve("settings.xml"));
    Path local = work.resolve("local-repo");
    Files.writeString(project.resolve(Declaration.FILE), """
        {"marketplace": "team-tools", "scope": "project", "hosts": ["codex"],
         "repositories": [{"id": "team", "url": "%s"}],
         "plugins": [{"id": "com.acme:team", "range": "1.0.0"}]}
        """.formatted(server.url()));
    Path codex = work.resolve("codex");
    Files.writeString(codex, """
        #!/bin/sh
        exec '%s' -XX:TieredStopAtLevel=1 -cp '%s' %s codex "$@"
        """.formatted(Path.of(System.getProperty("java.home"), "bin", "java"), System.getProperty("java.class.path"),
        FakeHost.class.getName()));
    Files.setPosixFilePermissions(codex, PosixFilePermissions.fromString("rwxr-xr-x"));
    StringWriter out = new StringWriter();
    try (StandaloneResolver r = StandaloneResolver.open(StandaloneResolver.Options.defaults()
        .withSettings(settings).withLocalRepository(local).withEnvironment(Map.of()))) {
      PackageManager pm = PackageManager.builder(project).source(r::source).out(new PrintWriter(out, true))
          .environment(Map.of("PATH", System.getenv("PATH"), "CODEX_HOME", codexHome.toString()))
          .userHome(work.resolve("home")).codexCommand(List.of(codex.toString()))
          .classDataArchives(false).build();
      pm.install();
      assertThat(Files.readString(codexHome.resolve("fake-state.txt")))
          .contains("plugin:team-plugin@team-tools 1.0.0");

      // The team widens the range: the update takes 1.1.0.
      Path declaration = project.resolve(Declaration.FILE);
      Files.writeString(declaration,
          Files.readString(declaration).replace("\"range\": \"1.0.0\"", "\"range\": \"^1\""));
      Map<String, String> before = tree(project, codexHome);
      // Fill the disk but for 128 KiB: 1.0.0's files fit again, 1.1.0's do not.
      Path filler = disk.resolve("filler");
      long free = Files.getFileStore(disk).getUsableSpace();
      assertThat(free).isGreaterThan(256 << 10);
      Files.write(filler, new byte[(int) (free - (128 << 10))]);

      PackageException e = assertThrows(PackageException.class, () -> pm.update(Optional.empty()),
          () -> out + "\n" + du(project));
      System.out.println("full disk: " + e.getMessage());
      assertThat(e).hasMessageThat().doesNotContain("\n");
      assertThat(e).hasMessageThat().contains("the disk is full");
      assertThat(e).hasMessageThat().contains(project.toString());
      assertThat(e).hasMessageThat().contains("nothing was changed");
      Files.delete(filler);
      assertThat(tree(project, codexHome)).isEqualTo(before);
      try (Stream<Path> list = Files.list(disk)) {
        assertThat(list.map(p -> p.getFileName().toString()).toList()).containsExactly("project");
      }

      // With room again, the same update goes through.
      assertThat(pm.update(Optional.empty())).isEqualTo(0);
      assertThat(Files.readString(codexHome.resolve("fake-state.txt")))
          .contains("plugin:team-plugin@team-tools 1.1.0");
    }
  }

  /**
   * The disk runs out at each step of the update in turn: room for less than the staged marketplace, for it but not
   * the history, the lock or the state, or for everything. Each run either completes (1.1.0 in the lock, the
   * marketplace and Codex) or fails with the full-disk line and leaves everything as before.
   */
  private static Map<String, String> withoutFakeLog(Map<String, String> tree) {
    Map<String, String> copy = new TreeMap<>(tree);
    copy.keySet().removeIf(k -> k.endsWith("/calls.log") || k.endsWith("/fake-state.txt"));
    return copy;
  }

  @Test
  void aFullDiskAtAnyStepOfTheUpdateIsBeforeOrAfter() throws Exception {
    Path settings = MavenSettings.create().server("team", DEPLOYER).write(work.resolve("settings.xml"));
    Path local = work.resolve("local-repo");
    Path codex = work.resolve("codex");
    Files.writeString(codex, """
        #!/bin/sh
        exec '%s' -XX:TieredStopAtLevel=1 -cp '%s' %s codex "$@"
        """.formatted(Path.of(System.getProperty("java.home"), "bin", "java"), System.getProperty("java.class.path"),
        FakeHost.class.getName()));
    Files.setPosixFilePermissions(codex, PosixFilePermissions.fromString("rwxr-xr-x"));
    int failed = 0;
    int completed = 0;
    try (StandaloneResolver r = StandaloneResolver.open(StandaloneResolver.Options.defaults()
        .withSettings(settings).withLocalRepository(local).withEnvironment(Map.of()))) {
      for (int room = 1140 << 10; room <= 1300 << 10; room += 8 << 10) {
        Path project = Files.createDirectories(disk.resolve("project"));
        Path codexHome = Files.createDirectories(work.resolve("codex-home-" + room));
        Files.writeString(project.resolve(Declaration.FILE), """
            {"marketplace": "team-tools", "scope": "project", "hosts": ["codex"],
             "repositories": [{"id": "team", "url": "%s"}],
             "plugins": [{"id": "com.acme:team", "range": "%s"}]}
            """.formatted(server.url(), "1.0.0"));
        StringWriter out = new StringWriter();
        PackageManager pm = PackageManager.builder(project).source(r::source).out(new PrintWriter(out, true))
            .environment(Map.of("PATH", System.getenv("PATH"), "CODEX_HOME", codexHome.toString()))
            .userHome(work.resolve("home")).codexCommand(List.of(codex.toString()))
            .classDataArchives(false).build();
        pm.install();
        Path declaration = project.resolve(Declaration.FILE);
        Files.writeString(declaration,
            Files.readString(declaration).replace("\"range\": \"1.0.0\"", "\"range\": \"^1\""));
        Map<String, String> before = tree(project, codexHome);
        Path filler = disk.resolve("filler");
        long free = Files.getFileStore(disk).getUsableSpace();
        Files.write(filler, new byte[(int) (free - room)]);
        try {
          assertThat(pm.update(Optional.empty())).isEqualTo(0);
          completed++;
          Files.delete(filler);
          assertThat(Lock.read(project.resolve(Lock.FILE)).orElseThrow().plugins().get(0).version())
              .isEqualTo("1.1.0");
          assertThat(Files.readString(codexHome.resolve("fake-state.txt")))
              .contains("plugin:team-plugin@team-tools 1.1.0");
        } catch (PackageException e) {
          failed++;
          Files.delete(filler);
          assertWithMessage("room " + room).that(e).hasMessageThat().contains("the disk is full");
          assertThat(e).hasMessageThat().doesNotContain("\n");
          // The fake keeps its list in fake-state.txt (and logs its calls), where Codex keeps config.toml, which
          // the install snapshots and restores: compared without them, and without a config.toml the fake lacks.
          assertWithMessage("room " + room + ": " + e.getMessage()).that(withoutFakeLog(tree(project, codexHome)))
              .isEqualTo(withoutFakeLog(before));
        }
        try (Stream<Path> walk = Files.walk(project)) {
          assertWithMessage("room " + room).that(walk.map(Path::toString)
              .filter(n -> n.endsWith(".tmp") || n.endsWith(".undo") || n.matches(".*/staging/.+")).toList())
              .isEmpty();
        }
        FileSnapshot.deleteTree(project);
      }
    }
    System.out.println("full disk at each step: " + failed + " undone, " + completed + " completed");
    assertThat(failed).isAtLeast(1);
    assertThat(completed).isAtLeast(1);
  }
}
