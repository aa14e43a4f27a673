package dev.codexplugin.packages;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codexplugin.testing.Credentials;
import dev.codexplugin.testing.MavenSettings;
import dev.codexplugin.testing.RepositoryServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code init} with the committed wrapper, the SemVer order of versions and the package manager without hosts,
 * against a real authenticated repository on 127.0.0.1 through the real Maven Resolver. No host is reached: the
 * codex and claude commands named here do not exist.
 */
class PackageManagerTest {
  private static final Credentials DEPLOYER = new Credentials("deployer", "s3cret");
  @TempDir static Path shared;
  static RepositoryServer server;
  static Path cliJar;

  @TempDir Path project;
  @TempDir Path work;
  Path settings;
  StringWriter output;

  @BeforeAll
  static void deploy() throws Exception {
    server = RepositoryServer.builder(shared.resolve("repo")).user(DEPLOYER.username(), DEPLOYER.password())
        .upstream(dev.codexplugin.testing.Maven.sharedLocalRepository()).start();
    Path w = Files.createDirectories(shared.resolve("build"));
    // 1.1.0-preview: Maven orders it after 1.1.0 (an unknown qualifier), SemVer before.
    for (var v : List.of(List.of("1.0.0", "review"), List.of("1.1.0", "review,testing"),
        List.of("1.1.0-preview", "review,testing,preview"))) {
      Path jar = TestPlugins.jar(w, "team-" + v.get(0), v.get(0),
          TestPlugins.plugin("team-plugin", List.of(v.get(1).split(","))));
      TestPlugins.deploy(w, server.url(), DEPLOYER.username(), DEPLOYER.password(), "com.acme:team:" + v.get(0), jar,
          List.of());
    }
    cliJar = runnableJar(w);
    TestPlugins.deployFile(w, server.url(), DEPLOYER.username(), DEPLOYER.password(),
        "dev.codexplugin:sdk-cli:jar:all:7.0.0", cliJar);
    TestPlugins.deployFile(w, server.url(), DEPLOYER.username(), DEPLOYER.password(),
        "dev.codexplugin:sdk-cli:jar:all:7.1.0-SNAPSHOT", cliJar);
  }

  /** A real runnable jar standing in for the CLI: prints its arguments. */
  private static Path runnableJar(Path w) throws Exception {
    Path src = Files.createDirectories(w.resolve("cli-src/fake"));
    Files.writeString(src.resolve("Main.java"), """
        package fake;

        public final class Main {
          public static void main(String[] args) {
            System.out.println("fake cli " + String.join(" ", args));
          }
        }
        """);
    Path classes = Files.createDirectories(w.resolve("cli-classes"));
    Path bin = Path.of(System.getProperty("java.home"), "bin");
    run(w, bin.resolve("javac").toString(), "--release", "17", "-proc:none", "-d", classes.toString(),
        src.resolve("Main.java").toString());
    Path jar = w.resolve("sdk-cli-all.jar");
    run(w, bin.resolve("jar").toString(), "--create", "--file", jar.toString(), "--main-class", "fake.Main", "-C",
        classes.toString(), ".");
    return jar;
  }

  private static String run(Path dir, String... command) throws Exception {
    return run(dir, Map.of(), command);
  }

  private static String run(Path dir, Map<String, String> env, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    if (p.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " exited with " + p.exitValue() + ":\n" + out);
    }
    return out;
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void files() throws IOException {
    settings = MavenSettings.create().server("team", DEPLOYER).write(work.resolve("settings.xml"));
    output = new StringWriter();
  }

  private PackageManager pm(StandaloneResolver resolver, boolean hosts) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("CODEX_HOME", work.resolve("codex-home").toString());
    return PackageManager.builder(project)
        .source(resolver::source)
        .out(new PrintWriter(output, true))
        .environment(env)
        .userHome(work.resolve("home"))
        .codexCommand(List.of(work.resolve("no-such-codex").toString()))
        .claudeCommand(List.of(work.resolve("no-such-claude").toString()))
        .classDataArchives(false)
        .hosts(hosts)
        .build();
  }

  private StandaloneResolver resolver() throws PackageException {
    return StandaloneResolver.open(StandaloneResolver.Options.defaults()
        .withSettings(settings).withLocalRepository(work.resolve("local-repo")).withEnvironment(Map.of()));
  }

  private List<Declaration.Repository> team() {
    return List.of(new Declaration.Repository("team", server.url().toString()));
  }

  private List<String> projectFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(project)) {
      return walk.filter(Files::isRegularFile).map(f -> project.relativize(f).toString())
          .filter(f -> !f.startsWith(PackageManager.MANAGED + "/")).sorted().toList();
    }
  }

  @Test
  void initWritesTheWrapperPinnedToTheBytesTheRepositoryServes() throws Exception {
    try (StandaloneResolver r = resolver()) {
      pm(r, true).init("team-tools", team(), List.of(Declaration.Host.CODEX), Declaration.Scope.PROJECT,
          Optional.of("7.0.0"));
    }
    String sha = Hashes.sha256(cliJar);
    assertThat(projectFiles()).containsExactly(".codexplugin-wrapper/CodexpluginWrapper.java",
        ".codexplugin-wrapper/codexplugin-wrapper.properties", Declaration.FILE, Lock.FILE, "codexplugin",
        "codexplugin.cmd");
    WrapperFiles.Pin pin = new WrapperFiles.Pin("dev.codexplugin", "sdk-cli", "all", "7.0.0", sha, team());
    for (Map.Entry<String, String> file : WrapperFiles.render(pin).entrySet()) {
      assertThat(Files.readString(project.resolve(file.getKey()))).isEqualTo(file.getValue());
    }
    assertThat(Files.readString(project.resolve(WrapperFiles.PROPERTIES)))
        .contains("cli=dev.codexplugin:sdk-cli:jar:all:7.0.0\nsha256=" + sha + "\nrepositories=team=" + server.url()
            + "\n");
    assertThat(Files.getPosixFilePermissions(project.resolve(WrapperFiles.SCRIPT)))
        .containsAtLeast(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_EXECUTE);
    assertThat(output.toString()).contains("and the wrapper codexplugin, codexplugin.cmd and .codexplugin-wrapper/"
        + " running dev.codexplugin:sdk-cli:jar:all:7.0.0 (sha256 " + sha + ")");

    // The script as a teammate runs it: fetched from the repository, checked against the pin, run.
    Map<String, String> env = Map.of("HOME", work.resolve("teammate").toString(),
        "CODEXPLUGIN_HOME", work.resolve("teammate/.codexplugin").toString(),
        "CODEXPLUGIN_REPO_TEAM_USERNAME", DEPLOYER.username(), "CODEXPLUGIN_REPO_TEAM_PASSWORD", DEPLOYER.password(),
        "JAVA_HOME", System.getProperty("java.home"), "PATH", System.getenv("PATH"));
    String ran = run(project, env, project.resolve("codexplugin").toString(), "status", "--no-hosts");
    assertThat(ran).contains("fake cli status --no-hosts");
    assertThat(ran).contains("sha256 verified");
  }

  @Test
  void initPinsTheTimestampedVersionOfASnapshot() throws Exception {
    try (StandaloneResolver r = resolver()) {
      pm(r, true).init("team-tools", team(), List.of(Declaration.Host.CODEX), Declaration.Scope.PROJECT,
          Optional.of("7.1.0-SNAPSHOT"));
    }
    String properties = Files.readString(project.resolve(WrapperFiles.PROPERTIES));
    assertThat(properties).containsMatch("cli=dev\\.codexplugin:sdk-cli:jar:all:7\\.1\\.0-\\d{8}\\.\\d{6}-1\n");
    assertThat(properties).contains("sha256=" + Hashes.sha256(cliJar) + "\n");
  }

  @Test
  void initRefusesACliTheRepositoriesDoNotHaveAndWritesNothing() throws Exception {
    PackageException e;
    try (StandaloneResolver r = resolver()) {
      e = assertThrows(PackageException.class, () -> pm(r, true).init("team-tools", team(),
          List.of(Declaration.Host.CODEX), Declaration.Scope.PROJECT, Optional.of("9.9.9")));
    }
    assertThat(e.getMessage()).doesNotContain("\n");
    assertThat(e.getMessage()).startsWith(project.resolve(WrapperFiles.PROPERTIES) + ": the wrapper runs the CLI"
        + " dev.codexplugin:sdk-cli:jar:all:9.9.9 from codexplugin.json's repositories, but");
    assertThat(e.getMessage()).contains("was not found in");
    assertThat(e.getMessage()).contains("--wrapper-version <version>");
    assertThat(e.getMessage()).contains("--no-wrapper");
    assertThat(projectFiles()).isEmpty();
  }

  @Test
  void initWithoutWrapper() throws Exception {
    try (StandaloneResolver r = resolver()) {
      pm(r, true).init("team-tools", team(), List.of(Declaration.Host.CODEX), Declaration.Scope.PROJECT,
          Optional.empty());
    }
    assertThat(projectFiles()).containsExactly(Declaration.FILE, Lock.FILE);
  }

  @Test
  void theNewestVersionIsTheNewestBySemVerNotByTheRepositorysOrder() throws Exception {
    try (StandaloneResolver r = resolver()) {
      List<String> repositoryOrder = r.source(team()).versions(new Coordinates("com.acme", "team")).stream()
          .map(ArtifactSource.Published::version).toList();
      // The premise: Maven Resolver puts the pre-release last.
      assertThat(repositoryOrder).containsExactly("1.0.0", "1.1.0", "1.1.0-preview").inOrder();
      PackageManager pm = pm(r, false);
      pm.init("team-tools", team(), List.of(Declaration.Host.CODEX), Declaration.Scope.PROJECT);
      pm.add("com.acme:team@^1.0.0-0", true);
    }
    Lock lock = Lock.read(project.resolve(Lock.FILE)).orElseThrow();
    assertThat(lock.plugins().get(0).version()).isEqualTo("1.1.0");
    assertThat(output.toString()).contains("added com.acme:team@^1.0.0-0: team-plugin 1.1.0");
  }

  @Test
  void withoutHostsTheLockAndTheMarketplaceAreWrittenAndNoHostCommandRuns() throws Exception {
    try (StandaloneResolver r = resolver()) {
      PackageManager pm = pm(r, false);
      pm.init("team-tools", team(), List.of(Declaration.Host.CODEX, Declaration.Host.CLAUDE),
          Declaration.Scope.PROJECT);
      pm.add("com.acme:team@~1.0.0", false);
      assertThat(pm.status()).isEqualTo(0);
      pm.install();
    }
    String out = output.toString();
    assertThat(out).contains("added com.acme:team@~1.0.0: team-plugin 1.0.0");
    assertThat(out).contains("hosts not checked (claude and codex): run without --no-hosts to compare them");
    assertThat(out).contains("no drift");
    assertThat(out).contains("up to date: team-plugin 1.0.0");
    assertThat(Files.readString(project.resolve(PackageManager.MANAGED + "/marketplace/plugins/team-plugin"
        + "/.codex-plugin/plugin.json"))).contains("\"version\": \"1.0.0\"");
    assertThat(Files.exists(work.resolve("codex-home"))).isFalse();

    // With the hosts, the same lock is not up to date: the hosts never got it (and codex does not exist here).
    output.getBuffer().setLength(0);
    try (StandaloneResolver r = resolver()) {
      PackageException e = assertThrows(PackageException.class, () -> pm(r, true).install());
      assertThat(e.getMessage()).containsMatch("no-such-(claude|codex)");
    }
    assertThat(output.toString()).doesNotContain("up to date");
  }
}
