package dev.codexplugin.packages;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codexplugin.testing.RepositoryServer;
import dev.codexplugin.testing.RepositoryServer.Exchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed wrapper run for real: {@code ./codexplugin} (sh) and the JDK's source launcher against the
 * authenticated repository server, from a fresh {@code HOME}, with a real runnable jar as the CLI.
 */
@DisabledOnOs(OS.WINDOWS)
class WrapperTest {
  private static final String VERSION = "9.9.9";
  private static final String JAR_PATH = "dev/codexplugin/sdk-cli/" + VERSION + "/sdk-cli-" + VERSION + "-all.jar";

  /** The CLI and a tampered build of it, compiled once for every test. */
  private static byte[] cli;
  private static byte[] tampered;
  private static String sha256;

  @TempDir Path dir;
  private RepositoryServer repo;
  private Path home;
  private Path project;
  private final Map<String, String> env = new java.util.HashMap<>();

  @BeforeAll
  static void compileTheClis(@TempDir Path build) throws Exception {
    cli = fakeCli(build.resolve("cli"), "codexplugin " + VERSION);
    tampered = fakeCli(build.resolve("tampered"), "tampered " + VERSION);
    sha256 = sha256(cli);
  }

  @BeforeEach
  void setUp() throws Exception {
    repo = RepositoryServer.builder(dir.resolve("repo")).reader("reader", "reader-secret").start();
    Files.createDirectories(repo.root().resolve(JAR_PATH).getParent());
    Files.write(repo.root().resolve(JAR_PATH), cli);
    home = Files.createDirectories(dir.resolve("home"));
    project = write(dir.resolve("project"), pin(VERSION, sha256));
    env.put("CODEXPLUGIN_REPO_TEAM_USERNAME", "reader");
    env.put("CODEXPLUGIN_REPO_TEAM_PASSWORD", "reader-secret");
  }

  @AfterEach
  void tearDown() {
    repo.close();
  }

  @Test
  void firstRunFetchesVerifiesCachesAndRuns() throws Exception {
    Run run = run("--version");

    assertThat(run.exit()).isEqualTo(0);
    assertThat(run.out()).isEqualTo("codexplugin " + VERSION + "\n");
    assertThat(run.err()).isEqualTo("codexplugin wrapper: fetched dev.codexplugin:sdk-cli:jar:all:" + VERSION
        + " from team, sha256 verified\n");
    assertThat(Files.readAllBytes(cached())).isEqualTo(cli);
    assertThat(repo.requests()).containsExactly(new Exchange("GET", JAR_PATH, "reader", 200));
  }

  @Test
  void laterRunsUseTheCacheWithoutTheNetwork() throws Exception {
    assertThat(run("--version").exit()).isEqualTo(0);
    repo.close();

    Run run = run("install", "two words", "--flag=x");

    assertThat(run.exit()).isEqualTo(0);
    assertThat(run.out()).isEqualTo("args: [install, two words, --flag=x]\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void theCliExitCodeAndInputPassThrough() throws Exception {
    Run run = run("exit", "7");

    assertThat(run.exit()).isEqualTo(7);
  }

  @Test
  void aTamperedJarIsRefusedAndNothingIsCachedOrRun() throws Exception {
    repo.rerelease(JAR_PATH, tampered);

    Run run = run("--version");

    assertFailed(run, "codexplugin wrapper: error: dev.codexplugin:sdk-cli:jar:all:" + VERSION + " from "
        + repo.url() + JAR_PATH + " has sha256 " + sha256(tampered) + ", but the wrapper pins " + sha256
        + "; the repository serves other bytes than the team pinned: nothing was run; ask who deployed it before"
        + " changing the pin");
  }

  @Test
  void noCredentialsIs401WithHowToGiveThem() throws Exception {
    env.clear();

    Run run = run("--version");

    assertFailed(run, "codexplugin wrapper: error: " + repo.url() + JAR_PATH + " answered 401 Unauthorized: no"
        + " credentials for repository \"team\"; give them in the environment variables"
        + " CODEXPLUGIN_REPO_TEAM_USERNAME and _PASSWORD, or a <server> with <id>team</id> in ~/.m2/settings.xml");
  }

  @Test
  void wrongCredentialsAreNamedWithWhereTheyCameFrom() throws Exception {
    env.put("CODEXPLUGIN_REPO_TEAM_PASSWORD", "wrong");

    Run run = run("--version");

    assertFailed(run, "codexplugin wrapper: error: " + repo.url() + JAR_PATH + " answered 401 Unauthorized: the"
        + " repository refused the credentials of \"team\" from CODEXPLUGIN_REPO_TEAM_USERNAME/_PASSWORD; correct"
        + " them (the environment variables CODEXPLUGIN_REPO_TEAM_USERNAME and _PASSWORD, or a <server> with"
        + " <id>team</id> in ~/.m2/settings.xml)");
  }

  @Test
  void credentialsComeFromSettingsXmlWithEnvironmentReferences() throws Exception {
    env.clear();
    env.put("TEAM_REPO_PASSWORD", "reader-secret");
    Files.createDirectories(home.resolve(".m2"));
    Files.writeString(home.resolve(".m2/settings.xml"), """
        <settings>
          <servers>
            <server><id>other</id><username>x</username><password>y</password></server>
            <server>
              <id>team</id>
              <username>reader</username>
              <password>${env.TEAM_REPO_PASSWORD}</password>
            </server>
          </servers>
        </settings>
        """);

    Run run = run("--version");

    assertThat(run.exit()).isEqualTo(0);
    assertThat(run.out()).isEqualTo("codexplugin " + VERSION + "\n");
  }

  @Test
  void encryptedSettingsPasswordsAreExplained() throws Exception {
    env.clear();
    Files.createDirectories(home.resolve(".m2"));
    Files.writeString(home.resolve(".m2/settings.xml"), "<settings><servers><server><id>team</id>"
        + "<username>reader</username><password>{COQLCE6DU6GtcS5P=}</password></server></servers></settings>");

    assertFailed(run("--version"), "codexplugin wrapper: error: " + home.resolve(".m2/settings.xml")
        + ": the password of server \"team\" is encrypted, which the wrapper cannot read; give it in"
        + " CODEXPLUGIN_REPO_TEAM_PASSWORD");
  }

  @Test
  void aVersionTheRepositoryLacksIsNotFound() throws Exception {
    write(project, pin("9.9.8", sha256));

    Run run = run("--version");

    assertFailed(run, "codexplugin wrapper: error: dev.codexplugin:sdk-cli:jar:all:9.9.8 is not in team ("
        + repo.url() + "dev/codexplugin/sdk-cli/9.9.8/sdk-cli-9.9.8-all.jar); check cli= in "
        + project.resolve(WrapperFiles.PROPERTIES) + " and that the team deployed that version");
  }

  @Test
  void aFailingRepositoryIsNamed() throws Exception {
    repo.answer(JAR_PATH, 500);

    assertFailed(run("--version"), "codexplugin wrapper: error: " + repo.url() + JAR_PATH + " answered 500; the"
        + " repository \"team\" failed: try again later, or ask its administrators");
  }

  @Test
  void aTruncatedDownloadIsRefused() throws Exception {
    repo.truncate(JAR_PATH, cli.length / 2);

    Run run = run("--version");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith("codexplugin wrapper: error: downloading " + repo.url() + JAR_PATH + " failed (");
    assertThat(run.err()).endsWith("); check the network and the repository \"team\", then run the command again\n");
    assertNothingCached(run);
  }

  @Test
  void repositoriesAreTriedInOrder() throws Exception {
    try (RepositoryServer empty = RepositoryServer.builder(dir.resolve("empty")).reader("reader", "reader-secret")
        .start()) {
      write(project, new WrapperFiles.Pin("dev.codexplugin", "sdk-cli", "all", VERSION, sha256, List.of(
          new Declaration.Repository("mirror", empty.url().toString()),
          new Declaration.Repository("team", repo.url().toString()))));
      env.put("CODEXPLUGIN_REPO_MIRROR_USERNAME", "reader");
      env.put("CODEXPLUGIN_REPO_MIRROR_PASSWORD", "reader-secret");

      Run run = run("--version");

      assertThat(run.exit()).isEqualTo(0);
      assertThat(run.err()).contains("from team, sha256 verified");
      assertThat(empty.requests()).containsExactly(new Exchange("GET", JAR_PATH, "reader", 404));
    }
  }

  @Test
  void aTimestampedSnapshotIsFetchedFromItsSnapshotFolder() throws Exception {
    String path = "dev/codexplugin/sdk-cli/0.1.0-SNAPSHOT/sdk-cli-0.1.0-20261202.101500-3-all.jar";
    Files.createDirectories(repo.root().resolve(path).getParent());
    Files.write(repo.root().resolve(path), cli);
    write(project, pin("0.1.0-20261202.101500-3", sha256));

    assertThat(run("--version").exit()).isEqualTo(0);
    assertThat(repo.requests()).containsExactly(new Exchange("GET", path, "reader", 200));
  }

  @Test
  void aHandEditedSnapshotPinIsRefused() throws Exception {
    Path properties = project.resolve(WrapperFiles.PROPERTIES);
    Files.writeString(properties, Files.readString(properties).replace(":" + VERSION, ":0.1.0-SNAPSHOT"));

    assertFailed(run("--version"), "codexplugin wrapper: error: " + properties + ": cli pins 0.1.0-SNAPSHOT, which"
        + " changes with every deployment; pin a release or a timestamped snapshot such as 0.1.0-20261202.101500-1");
  }

  @Test
  void aMissingPinIsExplainedByTheScript() throws Exception {
    Files.delete(project.resolve(WrapperFiles.PROPERTIES));

    Run run = run("--version");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("codexplugin wrapper: error: " + project.toRealPath().resolve(WrapperFiles.PROPERTIES)
        + " is missing; run `codexplugin init` to write the wrapper's files\n");
  }

  @Test
  void aBadShaInThePinIsExplainedByTheScript() throws Exception {
    Path properties = project.resolve(WrapperFiles.PROPERTIES);
    Files.writeString(properties, Files.readString(properties).replace(sha256, "abc"));

    Run run = run("--version");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("sha256= must be 64 lower-case hex digits");
  }

  @Test
  void renderIsDeterministicAndPinsExactly() {
    WrapperFiles.Pin pin = pin(VERSION, sha256);

    assertThat(WrapperFiles.render(pin)).isEqualTo(WrapperFiles.render(pin));
    assertThat(WrapperFiles.render(pin).keySet()).containsExactly(".codexplugin-wrapper/CodexpluginWrapper.java",
        ".codexplugin-wrapper/codexplugin-wrapper.properties", "codexplugin", "codexplugin.cmd").inOrder();
    assertThat(WrapperFiles.render(pin).get(WrapperFiles.PROPERTIES)).endsWith("cli=dev.codexplugin:sdk-cli:jar:all:"
        + VERSION + "\nsha256=" + sha256 + "\nrepositories=team=" + repo.url() + "\n");
    assertThat(WrapperFiles.render(pin).get(WrapperFiles.WINDOWS_SCRIPT)).contains("\r\n");
  }

  @Test
  void aPinThatCannotWorkIsRefusedWhenWritten() {
    List<Declaration.Repository> team = List.of(new Declaration.Repository("team", "https://repo.acme.com/r"));
    assertThrows(IllegalArgumentException.class,
        () -> new WrapperFiles.Pin("dev.codexplugin", "sdk-cli", "all", "0.1.0-SNAPSHOT", sha256, team));
    assertThrows(IllegalArgumentException.class,
        () -> new WrapperFiles.Pin("dev.codexplugin", "sdk-cli", "all", "1.0.0", "ABC", team));
    assertThrows(IllegalArgumentException.class,
        () -> new WrapperFiles.Pin("dev.codexplugin", "sdk-cli", "all", "1.0.0", sha256, List.of()));
    assertThrows(IllegalArgumentException.class, () -> new WrapperFiles.Pin("dev.codexplugin", "sdk-cli", "all",
        "1.0.0", sha256, List.of(new Declaration.Repository("team", "ftp://x/"))));
    assertThrows(IllegalArgumentException.class, () -> new WrapperFiles.Pin("dev.codexplugin", "sdk-cli", "all",
        "1.0.0", sha256, List.of(new Declaration.Repository("a,b", "https://x/"))));
  }

  private WrapperFiles.Pin pin(String version, String sha) {
    return new WrapperFiles.Pin("dev.codexplugin", "sdk-cli", "all", version, sha,
        List.of(new Declaration.Repository("team", repo.url().toString())));
  }

  /** Writes the wrapper's files into {@code dir} as init does, the script executable. */
  static Path write(Path dir, WrapperFiles.Pin pin) throws IOException {
    for (Map.Entry<String, String> file : WrapperFiles.render(pin).entrySet()) {
      Path target = dir.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
    }
    Files.setPosixFilePermissions(dir.resolve(WrapperFiles.SCRIPT), PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }

  private Path cached() {
    return home.resolve(".codexplugin/wrapper/dists/" + sha256 + ".jar");
  }

  private void assertFailed(Run run, String line) throws IOException {
    assertThat(run.err()).isEqualTo(line + "\n");
    assertThat(run.exit()).isEqualTo(1);
    assertNothingCached(run);
  }

  private void assertNothingCached(Run run) throws IOException {
    assertThat(run.out()).isEmpty();
    Path dists = home.resolve(".codexplugin/wrapper/dists");
    if (Files.isDirectory(dists)) {
      try (Stream<Path> files = Files.list(dists)) {
        assertThat(files.toList()).isEmpty();
      }
    }
  }

  record Run(int exit, String out, String err) {}

  private Run run(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(project.resolve(WrapperFiles.SCRIPT).toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("CODEXPLUGIN_") || k.equals("TEAM_REPO_PASSWORD"));
    builder.environment().put("HOME", home.toString());
    builder.environment().putAll(env);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the wrapper did not finish in 2 minutes: " + command);
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** A real runnable jar: prints {@code banner} for --version, exits with N for "exit N", else its arguments. */
  static byte[] fakeCli(Path build, String banner) throws IOException {
    Path source = build.resolve("src/fake/Main.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, """
        package fake;

        public final class Main {
          public static void main(String[] args) {
            if (args.length == 1 && args[0].equals("--version")) {
              System.out.println("%s");
            } else if (args.length == 2 && args[0].equals("exit")) {
              System.exit(Integer.parseInt(args[1]));
            } else {
              System.out.println("args: " + java.util.Arrays.toString(args));
            }
          }
        }
        """.formatted(banner));
    Path classes = Files.createDirectories(build.resolve("classes"));
    // The real javac, as a process (the test module does not read java.compiler).
    Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
        "--release", "17", "-d", classes.toString(), source.toString()).redirectErrorStream(true).start();
    String diagnostics = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (javac.waitFor() != 0) {
        throw new IllegalStateException("javac failed on " + source + "\n" + diagnostics);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while compiling " + source, e);
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "fake.Main");
    Path jar = build.resolve("cli.jar");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.putNextEntry(new JarEntry("fake/Main.class"));
      out.write(Files.readAllBytes(classes.resolve("fake/Main.class")));
      out.closeEntry();
    }
    return Files.readAllBytes(jar);
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
