package dev.codexplugin.packages;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codexplugin.testing.Credentials;
import dev.codexplugin.testing.MavenSettings;
import dev.codexplugin.testing.RepositoryServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 items 4 and 6 against a real authenticated Maven repository on 127.0.0.1 through the real Maven
 * Resolver: {@code --offline} installs from the local repository alone, a settings.xml mirror (with the mirror's
 * server credentials) stands for an unreachable declared repository, and a downloaded jar with a zip-slip entry is
 * refused with the loader's finding. Every failure is one line, and the project folder, the lock and the host's
 * home are exactly as before. No host is reached: installs that succeed run without hosts, and the codex command
 * named here does not exist.
 */
class ResolutionModesTest {
  private static final Credentials DEPLOYER = new Credentials("deployer", "s3cret");
  @TempDir static Path shared;
  static RepositoryServer server;

  @TempDir Path work;
  Path project;
  Path codexHome;
  Path settings;
  StringWriter output;

  @BeforeAll
  static void deploy() throws Exception {
    server = RepositoryServer.builder(shared.resolve("repo")).user(DEPLOYER.username(), DEPLOYER.password())
        .upstream(dev.codexplugin.testing.Maven.sharedLocalRepository()).start();
    Path w = Files.createDirectories(shared.resolve("build"));
    Path jar = TestPlugins.jar(w, "team-1.0.0", "1.0.0", TestPlugins.plugin("team-plugin", List.of("review")));
    TestPlugins.deploy(w, server.url(), DEPLOYER.username(), DEPLOYER.password(), "com.acme:team:1.0.0", jar,
        List.of());
    TestPlugins.deploy(w, server.url(), DEPLOYER.username(), DEPLOYER.password(), "com.acme:slip:1.0.0",
        zipSlip(jar, w.resolve("slip-1.0.0.jar"), true), List.of());
    TestPlugins.deploy(w, server.url(), DEPLOYER.username(), DEPLOYER.password(), "com.acme:stowaway:1.0.0",
        zipSlip(jar, w.resolve("stowaway-1.0.0.jar"), false), List.of());
  }

  /**
   * The plugin jar with one more entry, {@code META-INF/codex-plugins/team-plugin/../../evil.txt}, listed in the
   * bundle index as {@code ../../evil.txt}: a tool that extracted the bundle by its index would write
   * {@code META-INF/evil.txt} outside the plugin's folder. Not {@code listed}, the entry is only in the jar.
   */
  private static Path zipSlip(Path jar, Path target, boolean listed) throws IOException {
    try (ZipFile in = new ZipFile(jar.toFile()); OutputStream os = Files.newOutputStream(target);
        ZipOutputStream out = new ZipOutputStream(os)) {
      Enumeration<? extends ZipEntry> entries = in.entries();
      boolean indexed = false;
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        byte[] bytes;
        try (InputStream s = in.getInputStream(e)) {
          bytes = s.readAllBytes();
        }
        if (listed && e.getName().equals("META-INF/codex-plugins/index.json")) {
          String index = new String(bytes, StandardCharsets.UTF_8);
          String slipped = index.replaceFirst("\"files\"\\s*:\\s*\\[", "$0\"../../evil.txt\", ");
          assertThat(slipped).isNotEqualTo(index);
          bytes = slipped.getBytes(StandardCharsets.UTF_8);
          indexed = true;
        }
        put(out, e.getName(), bytes);
      }
      assertThat(indexed).isEqualTo(listed);
      put(out, "META-INF/codex-plugins/team-plugin/../../evil.txt", "evil\n".getBytes(StandardCharsets.UTF_8));
    }
    return target;
  }

  private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setLastModifiedTime(FileTime.fromMillis(1_767_225_600_000L));
    out.putNextEntry(entry);
    out.write(bytes);
    out.closeEntry();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void files() throws IOException {
    project = Files.createDirectories(work.resolve("project"));
    codexHome = Files.createDirectories(work.resolve("codex-home"));
    settings = MavenSettings.create().server("team", DEPLOYER).write(work.resolve("settings.xml"));
    output = new StringWriter();
  }

  private static void declare(Path folder, URI repository, String plugins) throws IOException {
    Files.writeString(folder.resolve(Declaration.FILE), """
        {
          "marketplace": "team-tools",
          "scope": "project",
          "hosts": ["codex"],
          "repositories": [{"id": "team", "url": "%s"}],
          "plugins": [%s]
        }
        """.formatted(repository, plugins));
  }

  private StandaloneResolver resolver(Path settingsFile, Path localRepository, boolean offline)
      throws PackageException {
    return StandaloneResolver.open(StandaloneResolver.Options.defaults().withSettings(settingsFile)
        .withLocalRepository(localRepository).withOffline(offline).withEnvironment(Map.of()));
  }

  private PackageManager pm(Path folder, StandaloneResolver resolver, boolean hosts) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("CODEX_HOME", codexHome.toString());
    return PackageManager.builder(folder)
        .source(resolver::source)
        .out(new PrintWriter(output, true))
        .environment(env)
        .userHome(work.resolve("home"))
        .codexCommand(List.of(work.resolve("no-such-codex").toString()))
        .classDataArchives(false)
        .offline(resolver.offline())
        .hosts(hosts)
        .build();
  }

  /** Every file of {@code roots} (but the command's file lock), with its bytes' hash. */

  /** Runs install, which must fail with one line, leaving the project and the host's home exactly as before. */
  private String installFails(Path folder, Path settingsFile, Path localRepository, boolean offline)
      throws Exception {
    Map<String, String> before = TestPlugins.state(folder, codexHome);
    PackageException e;
    try (StandaloneResolver r = resolver(settingsFile, localRepository, offline)) {
      e = assertThrows(PackageException.class, () -> pm(folder, r, true).install());
    }
    System.out.println("install failed: " + e.getMessage());
    assertThat(e.getMessage()).doesNotContain("\n");
    assertThat(TestPlugins.state(folder, codexHome)).isEqualTo(before);
    return e.getMessage();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  // ------------------------------------------------------------------------------------------------ offline

  @Test
  void offlineInstallsFromTheLocalRepositoryAloneAfterTheServerIsGone() throws Exception {
    // A repository of its own, so that stopping it leaves the other tests theirs.
    Path root = work.resolve("own-repo");
    copyTree(server.root(), root);
    Path local = work.resolve("local-repo");
    Path teammate = Files.createDirectories(work.resolve("teammate"));
    URI url;
    try (RepositoryServer own = RepositoryServer.builder(root).user(DEPLOYER.username(), DEPLOYER.password())
        .start()) {
      url = own.url();
      declare(project, url, "{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
      try (StandaloneResolver r = resolver(settings, local, false)) {
        pm(project, r, false).install();
      }
    }
    assertThat(Lock.read(project.resolve(Lock.FILE)).orElseThrow().plugins().get(0).version()).isEqualTo("1.0.0");

    // The server is stopped: a second project from the same committed files and the same local repository.
    Files.copy(project.resolve(Declaration.FILE), teammate.resolve(Declaration.FILE));
    Files.copy(project.resolve(Lock.FILE), teammate.resolve(Lock.FILE));
    String lock = Files.readString(teammate.resolve(Lock.FILE));
    try (StandaloneResolver r = resolver(settings, local, true)) {
      assertThat(r.offline()).isTrue();
      pm(teammate, r, false).install();
    }
    assertThat(Files.readString(teammate.resolve(Lock.FILE))).isEqualTo(lock);
    Path marketplace = Path.of(PackageManager.MANAGED, "marketplace");
    assertThat(TestPlugins.state(teammate.resolve(marketplace))).isEqualTo(TestPlugins.state(project.resolve(marketplace)));
    assertThat(Files.readString(teammate.resolve(marketplace).resolve("plugins/team-plugin/.codex-plugin/plugin.json")))
        .contains("\"version\": \"1.0.0\"");

    // The first project, its installed state deleted, offline too.
    deleteTree(project.resolve(PackageManager.MANAGED));
    try (StandaloneResolver r = resolver(settings, local, true)) {
      pm(project, r, false).install();
    }
    assertThat(TestPlugins.state(project.resolve(marketplace))).isEqualTo(TestPlugins.state(teammate.resolve(marketplace)));
    assertThat(Files.readString(project.resolve(Lock.FILE))).isEqualTo(lock);
  }

  @Test
  void offlineWithAnEmptyLocalRepositoryNamesTheArtifactAndWritesNothing() throws Exception {
    declare(project, server.url(), "{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    try (StandaloneResolver r = resolver(settings, work.resolve("warm-repo"), false)) {
      pm(project, r, false).install();
    }
    deleteTree(project.resolve(PackageManager.MANAGED));
    Path empty = Files.createDirectories(work.resolve("empty-repo"));
    server.clearRequests();
    String message = installFails(project, settings, empty, true);
    assertThat(message).isEqualTo("com.acme:team:jar:1.0.0 is not in the local repository, and the command runs"
        + " offline (only the local repository was searched); run it once without --offline to download it from"
        + " repository team (" + server.url() + ")");
    assertThat(server.requests()).isEmpty();
    assertThat(TestPlugins.state(empty)).isEmpty();
    assertThat(Files.exists(project.resolve(PackageManager.MANAGED + "/marketplace"))).isFalse();
  }

  @Test
  void offlineWithoutALockAndAnEmptyLocalRepositoryNamesThePlugin() throws Exception {
    declare(project, server.url(), "{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    server.clearRequests();
    String message = installFails(project, settings, Files.createDirectories(work.resolve("empty-repo")), true);
    assertThat(message).isEqualTo("com.acme:team is not in the local repository, and the command runs offline (only"
        + " the local repository was searched); run it once without --offline to download it from team ("
        + server.url() + ")");
    assertThat(server.requests()).isEmpty();
    assertThat(Files.exists(project.resolve(Lock.FILE))).isFalse();
  }

  // ------------------------------------------------------------------------------------------------ mirrors

  @Test
  void aSettingsMirrorWithItsOwnCredentialsStandsForAnUnreachableRepository() throws Exception {
    URI unreachable = URI.create("http://127.0.0.1:" + closedPort() + "/repository/team/");
    declare(project, unreachable, "{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    Path mirrored = MavenSettings.create().mirror("team-mirror", server.url(), "team")
        .server("team-mirror", DEPLOYER).write(work.resolve("mirror-settings.xml"));
    server.clearRequests();
    try (StandaloneResolver r = resolver(mirrored, work.resolve("local-repo"), false)) {
      pm(project, r, false).install();
    }
    Lock lock = Lock.read(project.resolve(Lock.FILE)).orElseThrow();
    assertThat(lock.plugins().get(0).version()).isEqualTo("1.0.0");
    // The lock names the declared repository, not the machine's mirror: teammates without it get the same lock.
    assertThat(lock.plugins().get(0).repository()).isEqualTo("team");
    assertThat(Files.readString(project.resolve(Lock.FILE))).doesNotContain(server.url().toString());
    assertThat(server.requests()).isNotEmpty();
    assertThat(server.requests().stream().map(RepositoryServer.Exchange::user).distinct().toList())
        .contains(DEPLOYER.username());
  }

  @Test
  void withoutTheMirrorTheUnreachableRepositoryIsAClearError() throws Exception {
    URI unreachable = URI.create("http://127.0.0.1:" + closedPort() + "/repository/team/");
    declare(project, unreachable, "{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    String message = installFails(project, settings, work.resolve("local-repo"), false);
    assertThat(message).startsWith("com.acme:team");
    assertThat(message).startsWith("com.acme:team: repository team (" + unreachable + ") could not be read (");
    assertThat(message).contains("Connection refused");
    assertThat(message).endsWith("; check the URL in codexplugin.json and the network");
  }

  @Test
  void aMirrorWithoutCredentialsIsA401NamingTheMirrorsServerId() throws Exception {
    URI unreachable = URI.create("http://127.0.0.1:" + closedPort() + "/repository/team/");
    declare(project, unreachable, "{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    // Credentials for the declared id only: a mirror authenticates with its own id, as in Maven.
    Path mirrored = MavenSettings.create().mirror("team-mirror", server.url(), "team").server("team", DEPLOYER)
        .write(work.resolve("mirror-settings.xml"));
    String message = installFails(project, mirrored, work.resolve("local-repo"), false);
    // The mirror, not the unreachable declared repository, answered: the message names it and its server id.
    assertThat(message).startsWith("com.acme:team: repository team-mirror (" + server.url()
        + ") answered 401 (unauthorized);");
    assertThat(message).contains("<server><id>team-mirror</id>");
    assertThat(message).contains("CODEXPLUGIN_REPO_TEAM_MIRROR_USERNAME");
  }

  // ------------------------------------------------------------------------------------------------ zip slip

  @Test
  void aJarWithAZipSlipEntryIsRefusedWithTheLoadersFinding() throws Exception {
    declare(project, server.url(), "{\"id\": \"com.acme:slip\", \"range\": \"^1\"}");
    String message = installFails(project, settings, work.resolve("local-repo"), false);
    assertThat(message).startsWith("com.acme:slip:1.0.0: ");
    assertThat(message).contains("is not a valid plugin jar: ");
    assertThat(message).containsMatch("UnsafePath|must stay inside|\\.\\./\\.\\./evil\\.txt");
    assertThat(message).contains("ask the plugin's publisher for a fixed version");
    assertThat(Files.exists(project.resolve(Lock.FILE))).isFalse();
    try (Stream<Path> walk = Files.walk(work)) {
      assertThat(walk.filter(p -> p.getFileName().toString().equals("evil.txt")).toList()).isEmpty();
    }
    try (Stream<Path> walk = Files.walk(shared.resolve("build"))) {
      assertThat(walk.filter(p -> p.getFileName().toString().equals("evil.txt")).toList()).isEmpty();
    }
  }

  @Test
  void aZipSlipEntryTheIndexDoesNotListIsRefusedToo() throws Exception {
    declare(project, server.url(), "{\"id\": \"com.acme:stowaway\", \"range\": \"^1\"}");
    String message = installFails(project, settings, work.resolve("local-repo"), false);
    // The loader reads only what the index lists: the jar's own entry names are checked too.
    assertThat(message).startsWith("com.acme:stowaway:1.0.0: ");
    assertThat(message).endsWith(" is not a valid plugin jar: its entry"
        + " \"META-INF/codex-plugins/team-plugin/../../evil.txt\" leaves the folder it is unpacked into (zip slip);"
        + " ask the plugin's publisher for a fixed version");
    assertThat(Files.exists(project.resolve(Lock.FILE))).isFalse();
    try (Stream<Path> walk = Files.walk(work)) {
      assertThat(walk.filter(p -> p.getFileName().toString().equals("evil.txt")).toList()).isEmpty();
    }
  }

  // ------------------------------------------------------------------------------------------------ Ctrl-C

  @Test
  void aSigintWhileTheJarDownloadsLeavesTheLockAndTheStateAsBefore() throws Exception {
    declare(project, server.url(), "{\"id\": \"com.acme:team\", \"range\": \"^1\"}");
    try (StandaloneResolver r = resolver(settings, work.resolve("local-repo"), false)) {
      pm(project, r, false).install();
    }
    // The previous install is there: lock, marketplace and state. A file of the installed plugin edited by hand
    // makes the next install verify the lock again and reinstall, from a local repository it has to fill.
    Path manifest = project.resolve(PackageManager.MANAGED
        + "/marketplace/plugins/team-plugin/.codex-plugin/plugin.json");
    Files.writeString(manifest, Files.readString(manifest) + "\n");
    Map<String, String> before = TestPlugins.state(project, codexHome);
    Path fresh = work.resolve("fresh-repo");
    server.delay("com/acme/team/1.0.0/team-1.0.0.jar", java.time.Duration.ofSeconds(60));
    // env --default-signal=INT: a build started as a background job inherits SIGINT ignored, and the JVM then
    // installs no handler for it; the install must see SIGINT as after a terminal's Ctrl-C.
    Process p = new ProcessBuilder("env", "--default-signal=INT",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), InstallProcess.class.getName(), project.toString(),
        settings.toString(), fresh.toString(), codexHome.toString())
        .redirectErrorStream(true).redirectOutput(work.resolve("install.log").toFile()).start();
    try {
      // The download has started once the artifact's folder exists in the local repository; the jar stalls.
      Path folder = fresh.resolve("com/acme/team/1.0.0");
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
      while (!Files.isDirectory(folder) && System.nanoTime() < deadline && p.isAlive()) {
        Thread.sleep(50);
      }
      Thread.sleep(500);
      assertWithMessage(Files.readString(work.resolve("install.log"))).that(p.isAlive()).isTrue();
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
      assertThat(kill.waitFor()).isEqualTo(0);
      assertThat(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(130);
    } finally {
      p.destroyForcibly();
      server.clearFaults();
    }
    String log = Files.readString(work.resolve("install.log"));
    assertThat(log).doesNotContain("Exception");
    assertThat(log).doesNotContain("up to date");
    assertThat(log).doesNotContain("installed");
    assertThat(TestPlugins.state(project, codexHome)).isEqualTo(before);
    assertThat(Files.exists(project.resolve(PackageManager.MANAGED + "/staging"))).isFalse();
    try (Stream<Path> walk = Files.walk(fresh)) {
      assertThat(walk.filter(f -> f.getFileName().toString().equals("team-1.0.0.jar")).toList()).isEmpty();
    }
  }
}
