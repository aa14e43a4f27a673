package dev.codexplugin.packages;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codexplugin.testing.Credentials;
import dev.codexplugin.testing.MavenSettings;
import dev.codexplugin.testing.RepositoryServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input of issue 11 item 6 against a real authenticated Maven repository on 127.0.0.1, through the
 * real Maven Resolver: each shows its one-line error and that the project folder, the lock and the host's home
 * are exactly as before. No host is ever reached: the codex command named here does not exist, so a command that
 * got as far as the hosts would fail with another message.
 */
class PackageErrorsTest {
  private static final Credentials DEPLOYER = new Credentials("deployer", "s3cret");
  @TempDir static Path shared;
  static RepositoryServer server;

  @TempDir Path project;
  @TempDir Path work;
  Path codexHome;
  Path settings;
  StringWriter output;

  @BeforeAll
  static void deploy() throws Exception {
    server = RepositoryServer.builder(shared.resolve("repo")).user(DEPLOYER.username(), DEPLOYER.password())
        .upstream(dev.codexplugin.testing.Maven.sharedLocalRepository()).start();
    Path w = shared.resolve("build");
    Files.createDirectories(w);
    for (var v : List.of(List.of("1.0.0", "review"), List.of("1.1.0", "review,testing"))) {
      Path jar = TestPlugins.jar(w, "team-" + v.get(0), v.get(0),
          TestPlugins.plugin("team-plugin", List.of(v.get(1).split(","))));
      TestPlugins.deploy(w, server.url(), DEPLOYER.username(), DEPLOYER.password(), "com.acme:team:" + v.get(0), jar,
          List.of());
    }
    Path classes = w.resolve("library-classes");
    Files.createDirectories(classes.resolve("com/acme/lib"));
    Files.writeString(classes.resolve("com/acme/lib/README.txt"), "a library\n");
    TestPlugins.deploy(w, server.url(), DEPLOYER.username(), DEPLOYER.password(), "com.acme:library:1.0.0",
        TestPlugins.pack(classes, w.resolve("library.jar")), List.of());
    Path tools = TestPlugins.jar(w, "tools-1.0.0", "1.0.0", TestPlugins.tools("tools-plugin", List.of("echo")));
    TestPlugins.deploy(w, server.url(), DEPLOYER.username(), DEPLOYER.password(), "com.acme:tools:1.0.0", tools,
        List.of("org.semver4j:semver4j:6.0.0"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void files() throws IOException {
    codexHome = work.resolve("codex-home");
    Files.createDirectories(codexHome);
    settings = MavenSettings.create().server("team", DEPLOYER).write(work.resolve("settings.xml"));
    output = new StringWriter();
  }

  @AfterEach
  void clear() {
    server.clearFaults();
  }

  private void declare(String plugins) throws IOException {
    Files.writeString(project.resolve(Declaration.FILE), """
        {
          "marketplace": "team-tools",
          "scope": "project",
          "hosts": ["codex"],
          "repositories": [{"id": "team", "url": "%s"}],
          "plugins": [%s]
        }
        """.formatted(server.url(), plugins));
  }

  private StandaloneResolver resolver(Path settingsFile) throws PackageException {
    return StandaloneResolver.open(StandaloneResolver.Options.defaults()
        .withSettings(settingsFile).withLocalRepository(work.resolve("local-repo")).withEnvironment(Map.of()));
  }

  private PackageManager pm(StandaloneResolver resolver) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("CODEX_HOME", codexHome.toString());
    return PackageManager.builder(project)
        .source(resolver::source)
        .out(new PrintWriter(output, true))
        .environment(env)
        .userHome(work.resolve("home"))
        .codexCommand(List.of(work.resolve("no-such-codex").toString()))
        .classDataArchives(false)
        .build();
  }

  /** A lock made the way install makes it, without installing. */
  private void lock(String gav) throws Exception {
    Declaration declaration = Declaration.read(project.resolve(Declaration.FILE));
    try (StandaloneResolver r = resolver(settings)) {
      String[] p = gav.split(":");
      Materialized m = new Verifier(r.source(declaration.repositories()))
          .lock(new Coordinates(p[0], p[1]), p[2], "team");
      Files.writeString(project.resolve(Lock.FILE), new Lock(declaration.sha256(), List.of(m.locked())).toJson());
    }
  }

  /** Every file of the project (but the command's file lock) and of the host's home, with its bytes. */
  private Map<String, String> state() throws IOException {
    return TestPlugins.state(project, codexHome);
  }

  private String installFails() throws Exception {
    Map<String, String> before = state();
    PackageException e;
    try (StandaloneResolver r = resolver(settings)) {
      e = assertThrows(PackageException.class, () -> pm(r).install());
    }
    assertThat(e.getMessage()).doesNotContain("\n");
    assertThat(state()).isEqualTo(before);
    return e.getMessage();
  }

  private static void mkfifo(Path fifo) throws Exception {
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0).isTrue();
  }

  @Test
  void aFifoAsTheDeclarationIsRefusedWithoutOpeningIt() throws Exception {
    // opening a FIFO for reading blocks until a writer comes: the command must refuse it unopened
    mkfifo(project.resolve(Declaration.FILE));
    String message = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
        this::installFails);
    assertThat(message).startsWith(project.resolve(Declaration.FILE) + ": is a named pipe, device or socket, which"
        + " is never opened, not a file; ");
  }

  @Test
  void aFifoAsTheLockIsRefusedWithoutOpeningIt() throws Exception {
    declare("{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    mkfifo(project.resolve(Lock.FILE));
    String message = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
        this::installFails);
    assertThat(message).startsWith(project.resolve(Lock.FILE) + ": is a named pipe, device or socket, which is"
        + " never opened, not a file; ");
  }

  @Test
  void aFolderAsTheLockIsRefused() throws Exception {
    declare("{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    Files.createDirectories(project.resolve(Lock.FILE));
    assertThat(installFails()).startsWith(project.resolve(Lock.FILE) + ": is a folder, not a file; ");
  }

  @Test
  void aFifoWhereTheLocalRepositoryKeepsTheJarIsReplacedByTheServedJar() throws Exception {
    declare("{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    Path jar = work.resolve("local-repo/com/acme/team/1.1.0/team-1.1.0.jar");
    Files.createDirectories(jar.getParent());
    mkfifo(jar);
    String message = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
        this::installFails);
    // Maven Resolver takes no FIFO for a cached artifact: it downloads the jar again, over the FIFO, and the
    // command goes on to the host (which is missing here)
    assertThat(message).startsWith("codex: cannot run ");
    assertThat(Files.isRegularFile(jar, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isTrue();
  }

  @Test
  void aServedFileThatIsAFifoIsRefusedBeforeItIsHashed() throws Exception {
    // the first read of every served jar and library: a source that hands over a FIFO is refused, unopened
    Path fifo = work.resolve("served.jar");
    mkfifo(fifo);
    PackageException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
        () -> assertThrows(PackageException.class, () -> Verifier.sha(fifo)));
    assertThat(e.getMessage()).isEqualTo(fifo + ": is not a regular file (a folder, a named pipe, a device or a socket"
        + " is never opened); remove it from the local repository and run the command again");
  }

  @Test
  void badRange() throws Exception {
    declare("{\"id\": \"com.acme:team\", \"range\": \"^1.2 ||\"}");
    assertThat(installFails()).contains(Declaration.FILE + ": plugins[com.acme:team].range: ");
    assertThat(installFails()).contains("^1.2 ||");
  }

  @Test
  void unknownArtifact() throws Exception {
    declare("{\"id\": \"com.acme:nope\", \"range\": \"^1\"}");
    String message = installFails();
    assertThat(message).startsWith("com.acme:nope was not found in team (" + server.url());
    assertThat(message).contains("check the groupId:artifactId in codexplugin.json");
  }

  @Test
  void jarWithoutBundle() throws Exception {
    declare("{\"id\": \"com.acme:library\", \"range\": \"^1\"}");
    String message = installFails();
    assertThat(message).contains("com.acme:library:1.0.0: ");
    assertThat(message).contains("holds no plugin bundle");
    assertThat(message).contains("it is a library, not a plugin");
  }

  @Test
  void unauthorized() throws Exception {
    settings = MavenSettings.create().server("team", new Credentials("deployer", "wrong")).write(
        work.resolve("wrong-settings.xml"));
    declare("{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    String message = installFails();
    assertThat(message).contains("answered 401 (unauthorized)");
    assertThat(message).contains("<server><id>team</id>");
    assertThat(message).contains("CODEXPLUGIN_REPO_TEAM_USERNAME");
  }

  @Test
  void credentialsFromTheEnvironmentWin() throws Exception {
    settings = MavenSettings.create().server("team", new Credentials("deployer", "wrong")).write(
        work.resolve("wrong-settings.xml"));
    declare("{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    try (StandaloneResolver r = StandaloneResolver.open(StandaloneResolver.Options.defaults()
        .withSettings(settings).withLocalRepository(work.resolve("local-repo"))
        .withEnvironment(Map.of("CODEXPLUGIN_REPO_TEAM_USERNAME", "deployer",
            "CODEXPLUGIN_REPO_TEAM_PASSWORD", "s3cret")))) {
      List<ArtifactSource.Published> versions = r.source(Declaration.read(project.resolve(Declaration.FILE))
          .repositories()).versions(new Coordinates("com.acme", "team"));
      assertThat(versions.stream().map(ArtifactSource.Published::version).toList())
          .containsExactly("1.0.0", "1.1.0").inOrder();
      assertThat(versions.get(0).repository()).isEqualTo("team");
    }
  }

  @Test
  void notFound404OnTheJar() throws Exception {
    declare("{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    server.answer("com/acme/team/1.1.0/team-1.1.0.jar", 404);
    String message = installFails();
    assertThat(message).startsWith("com.acme:team:jar:1.1.0 was not found in repository team (" + server.url());
  }

  @Test
  void serverError500() throws Exception {
    declare("{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    server.answer("com/acme/team/1.1.0/team-1.1.0.jar", 500);
    String message = installFails();
    assertThat(message).startsWith("com.acme:team:jar:1.1.0: repository team (" + server.url());
    assertThat(message).contains("answered 500 (a server error)");
  }

  @Test
  void truncatedJar() throws Exception {
    declare("{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    server.truncate("com/acme/team/1.1.0/team-1.1.0.jar", 100);
    String message = installFails();
    assertThat(message).startsWith("com.acme:team:jar:1.1.0: ");
    assertThat(message).containsMatch("ended early|do not match the repository's checksum");
  }

  @Test
  void tamperedLock() throws Exception {
    declare("{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    lock("com.acme:team:1.1.0");
    Path lockFile = project.resolve(Lock.FILE);
    Lock lock = Lock.read(lockFile).orElseThrow();
    String real = lock.plugins().get(0).sha256();
    String fake = "0".repeat(64);
    Files.writeString(lockFile, Files.readString(lockFile).replace(real, fake));
    String message = installFails();
    assertThat(message).startsWith("com.acme:team:1.1.0: the jar served (");
    assertThat(message).contains("has sha256 " + real + ", but " + lockFile + " locks sha256 " + fake);
  }

  @Test
  void tamperedLockVersionOutsideTheRange() throws Exception {
    declare("{\"id\": \"com.acme:team\", \"range\": \"~1.0.0\"}");
    lock("com.acme:team:1.0.0");
    Path lockFile = project.resolve(Lock.FILE);
    Files.writeString(lockFile, Files.readString(lockFile).replace("\"version\": \"1.0.0\"", "\"version\": \"1.1.0\""));
    assertThat(installFails()).contains("plugins[com.acme:team] locks 1.1.0, which codexplugin.json range ~1.0.0"
        + " excludes; the lock was edited");
  }

  @Test
  void repositoryServingOtherBytesForALockedVersion() throws Exception {
    declare("{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    lock("com.acme:team:1.1.0");
    String locked = Lock.read(project.resolve(Lock.FILE)).orElseThrow().plugins().get(0).sha256();
    Path other = TestPlugins.jar(work, "team-evil", "1.1.0", TestPlugins.plugin("team-plugin", List.of("evil")));
    byte[] original = Files.readAllBytes(server.root().resolve("com/acme/team/1.1.0/team-1.1.0.jar"));
    server.rerelease("com/acme/team/1.1.0/team-1.1.0.jar", Files.readAllBytes(other));
    try {
      Files.walk(work.resolve("local-repo")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      String message = installFails();
      assertThat(message).contains("has sha256 " + Hashes.sha256(Files.readAllBytes(other)) + ", but");
      assertThat(message).contains("locks sha256 " + locked + "; refusing different bytes for a locked version");
    } finally {
      server.rerelease("com/acme/team/1.1.0/team-1.1.0.jar", original);
    }
  }

  @Test
  void lockForAnotherDeclaration() throws Exception {
    declare("{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    lock("com.acme:team:1.1.0");
    declare("{\"id\": \"com.acme:team\", \"range\": \"^1.1\"}");
    String message = installFails();
    assertThat(message).startsWith(project.resolve(Lock.FILE) + ": was made for another declaration");
    assertThat(message).contains("run `codexplugin update`");
  }

  @Test
  void brokenLockJson() throws Exception {
    declare("{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    Files.writeString(project.resolve(Lock.FILE), "{\"lockVersion\": 1,");
    assertThat(installFails()).contains(project.resolve(Lock.FILE) + ": not valid JSON; found the end of the file"
        + " before the closing } of an object at line 1");
  }

  /** Issue 15 item 4: a broken declaration, lock or settings file is named with line and column, never echoed. */
  @Test
  void aCanaryInABrokenFileIsNeverEchoed() throws Exception {
    Files.writeString(project.resolve(Declaration.FILE), "{\"marketplace\": SECRET-CANARY-42}");
    String declaration = installFails();
    assertThat(declaration).doesNotContain("SECRET");
    assertThat(declaration).contains(project.resolve(Declaration.FILE) + ": not valid JSON; found a syntax error"
        + " (expected a JSON value: a string, number, array, object, true, false or null) at line 1, column 17");

    declare("{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    for (String lock : List.of("{\"lockVersion\": \"\\SECRET-CANARY-42\"}", "{\"lockVersion\": 1 SECRET-CANARY-42}",
        "{SECRET-CANARY-42", "{\"lockVersion\": \"SECRET-CANARY-42")) {
      Files.writeString(project.resolve(Lock.FILE), lock);
      String message = installFails();
      assertWithMessage(lock).that(message).doesNotContain("SECRET");
      assertThat(message).containsMatch(": not valid JSON; found .* at line 1, column \\d+");
    }
    Files.write(project.resolve(Lock.FILE), new byte[] {(byte) 0xFF, 'S', 'E', 'C', 'R', 'E', 'T'});
    assertThat(installFails()).doesNotContain("SECRET");

    Path broken = work.resolve("broken-settings.xml");
    for (String xml : List.of("<settings><servers><server><id>team</id><password>SECRET-CANARY-42",
        "<settings><servers SECRET-CANARY-42></servers></settings>",
        "<settings><servers><server><password>SECRET-CANARY-42</passwd></server></servers></settings>")) {
      Files.writeString(broken, xml);
      PackageException e = assertThrows(PackageException.class, () -> resolver(broken).close());
      assertWithMessage(xml).that(e.getMessage()).doesNotContain("SECRET");
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        assertWithMessage(xml).that(String.valueOf(t.getMessage())).doesNotContain("SECRET");
      }
      assertThat(e.getMessage()).containsMatch(broken + ": .*line \\d+");
    }
  }

  @Test
  void credentialsInTheUrlAreRefused() throws Exception {
    Files.writeString(project.resolve(Declaration.FILE), """
        {"marketplace": "m", "hosts": ["codex"], "repositories": [{"id": "team", "url": "https://u:p@repo.acme.com/r"}],
         "plugins": []}
        """);
    assertThat(installFails()).contains("repositories[team].url holds credentials, which must never be committed");
  }

  @Test
  void doctorStopsTheInstall() throws Exception {
    // The plugin's Java tool server needs java: with an empty PATH the doctor finds none.
    declare("{\"id\": \"com.acme:tools\", \"range\": \"^1\"}");
    Map<String, String> before = state();
    PackageException e;
    try (StandaloneResolver r = resolver(settings)) {
      PackageManager pm = PackageManager.builder(project).source(r::source).out(new PrintWriter(output, true))
          .environment(Map.of("PATH", work.resolve("empty").toString(), "CODEX_HOME", codexHome.toString()))
          .userHome(work.resolve("home")).codexCommand(List.of(work.resolve("no-such-codex").toString()))
          .classDataArchives(false).build();
      e = assertThrows(PackageException.class, pm::install);
    }
    assertThat(e.getMessage()).startsWith("the doctor found what the plugins need on this machine: tools-plugin 1.0.0:");
    assertThat(e.getMessage()).contains("java");
    assertThat(e.getMessage()).contains("or run again with --force");
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void concurrentRunsAreRefused() throws Exception {
    declare("{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    Files.createDirectories(project.resolve(".codexplugin"));
    try (var channel = java.nio.channels.FileChannel.open(project.resolve(".codexplugin/lock"),
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        var held = channel.lock()) {
      assertThat(installFails()).contains("another codexplugin command is running");
    }
  }

  @Test
  void hostCommandFailureUndoesEverything() throws Exception {
    // Everything resolves and verifies; the host's command cannot run: the marketplace, lock and state are undone.
    declare("{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    String message = installFails();
    assertThat(message).startsWith("codex: cannot run " + work.resolve("no-such-codex"));
    assertThat(Files.exists(project.resolve(".codexplugin/marketplace"))).isFalse();
    assertThat(Files.exists(project.resolve(Lock.FILE))).isFalse();
  }

  @Test
  void theLockOfTheSameDeclarationIsByteIdentical() throws Exception {
    declare("{\"id\": \"com.acme:tools\", \"range\": \"^1\"}, {\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    Declaration declaration = Declaration.read(project.resolve(Declaration.FILE));
    String first = null;
    for (int i = 0; i < 2; i++) {
      try (StandaloneResolver r = StandaloneResolver.open(StandaloneResolver.Options.defaults().withSettings(settings)
          .withLocalRepository(work.resolve("local-" + i)).withEnvironment(Map.of()))) {
        Verifier v = new Verifier(r.source(declaration.repositories()));
        String text = new Lock(declaration.sha256(), List.of(
            v.lock(new Coordinates("com.acme", "tools"), "1.0.0", "team").locked(),
            v.lock(new Coordinates("com.acme", "team"), "1.1.0", "team").locked())).toJson();
        if (first == null) {
          first = text;
        } else {
          assertThat(text).isEqualTo(first);
        }
      }
    }
    Lock lock = Lock.read(writeLock(first)).orElseThrow();
    assertThat(lock.toJson()).isEqualTo(first);
    Lock.LockedPlugin tools = lock.plugin(new Coordinates("com.acme", "tools")).orElseThrow();
    assertThat(tools.hasJavaTools()).isTrue();
    assertThat(tools.dependencies().stream().map(Lock.LockedDependency::id).toList())
        .contains("org.semver4j:semver4j:jar:6.0.0");
    assertThat(tools.files()).containsKey("mcp-tools.json");
    System.out.println(first);
  }

  private Path writeLock(String text) throws IOException {
    Path file = work.resolve("read-back.json");
    Files.writeString(file, text);
    return file;
  }
}
