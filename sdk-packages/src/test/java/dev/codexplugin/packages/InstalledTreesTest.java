package dev.codexplugin.packages;

import static com.google.common.truth.Truth.assertThat;

import dev.codexplugin.testing.Credentials;
import dev.codexplugin.testing.FakeHost;
import dev.codexplugin.testing.MavenSettings;
import dev.codexplugin.testing.RepositoryServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An installed plugin changed by hand (a file edited or deleted in Codex's cache copy or in the folder Claude Code
 * loads from) is not "up to date": {@code install} installs it again and {@code status} reports it, while an
 * untouched install stays a no-op that rewrites nothing. The hosts are {@link FakeHost} (the subcommands and file
 * effects of the real ones that matter here); the repository and Maven Resolver are real.
 */
class InstalledTreesTest {
  private static final Credentials DEPLOYER = new Credentials("deployer", "s3cret");
  @TempDir static Path shared;
  static RepositoryServer server;

  @TempDir Path project;
  @TempDir Path work;
  Path settings;
  StringWriter output;
  Map<String, String> env;

  @BeforeAll
  static void deploy() throws Exception {
    server = RepositoryServer.builder(shared.resolve("repo")).user(DEPLOYER.username(), DEPLOYER.password())
        .upstream(dev.codexplugin.testing.Maven.sharedLocalRepository()).start();
    Path w = Files.createDirectories(shared.resolve("build"));
    Path jar = TestPlugins.jar(w, "team-1.0.0", "1.0.0", TestPlugins.plugin("team-plugin", List.of("review",
        "testing")));
    TestPlugins.deploy(w, server.url(), DEPLOYER.username(), DEPLOYER.password(), "com.acme:team:1.0.0", jar,
        List.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void files() throws Exception {
    settings = MavenSettings.create().server("team", DEPLOYER).write(work.resolve("settings.xml"));
    output = new StringWriter();
    env = new TreeMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("CODEX_HOME", work.resolve("codex-home").toString());
    env.put("CLAUDE_CONFIG_DIR", work.resolve("claude-config").toString());
    Files.writeString(project.resolve(Declaration.FILE), """
        {"marketplace": "team-tools", "scope": "project", "hosts": ["codex", "claude"],
         "repositories": [{"id": "team", "url": "%s"}],
         "plugins": [{"id": "com.acme:team", "range": "^1"}]}
        """.formatted(server.url()));
    install();
    assertThat(output.toString()).contains("locked and installed team-plugin 1.0.0 into claude and codex");
    output.getBuffer().setLength(0);
  }

  private interface Command {
    Object run(PackageManager pm) throws PackageException;
  }

  private void install() throws PackageException {
    run(pm -> {
      pm.install();
      return null;
    });
  }

  private Object run(Command command) throws PackageException {
    List<String> fake = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
        FakeHost.class.getName());
    List<String> codex = new java.util.ArrayList<>(fake);
    codex.add("codex");
    List<String> claude = new java.util.ArrayList<>(fake);
    claude.add("claude");
    try (StandaloneResolver r = StandaloneResolver.open(StandaloneResolver.Options.defaults()
        .withSettings(settings).withLocalRepository(work.resolve("local-repo")).withEnvironment(Map.of()))) {
      return command.run(PackageManager.builder(project)
          .source(r::source)
          .out(new PrintWriter(output, true))
          .environment(env)
          .userHome(work.resolve("home"))
          .codexCommand(codex)
          .claudeCommand(claude)
          .classDataArchives(false)
          .build());
    }
  }

  private Path codexCopy() {
    return work.resolve("codex-home/plugins/cache/team-tools/team-plugin/1.0.0");
  }

  private Path claudeFolder() {
    return project.resolve(PackageManager.MANAGED + "/marketplace/plugins/team-plugin");
  }

  private Optional<String> fastCheck() {
    return InstalledRecord.upToDate(project, env, work.resolve("home").toString());
  }

  /** Every file of the project, the managed folder and the hosts' homes, with its modification time. */
  private Map<String, FileTime> times() throws IOException {
    Map<String, FileTime> times = new TreeMap<>();
    for (Path root : List.of(project, work.resolve("codex-home"), work.resolve("claude-config"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) {
          times.put(p.toString(), Files.getLastModifiedTime(p));
        }
      }
    }
    return times;
  }

  private String calls(String home) throws IOException {
    return Files.readString(work.resolve(home).resolve("calls.log"));
  }

  @Test
  void anUntouchedInstallIsANoOpThatRewritesNothing() throws Exception {
    Path skill = codexCopy().resolve("skills/review/SKILL.md");
    assertThat(Files.exists(skill)).isTrue();
    assertThat(fastCheck()).hasValue("up to date: team-plugin 1.0.0");
    Map<String, FileTime> before = times();
    String codexCalls = calls("codex-home");
    String claudeCalls = calls("claude-config");

    install();

    assertThat(output.toString().strip()).isEqualTo("up to date: team-plugin 1.0.0");
    assertThat(times()).isEqualTo(before);
    assertThat(calls("codex-home")).isEqualTo(codexCalls);
    assertThat(calls("claude-config")).isEqualTo(claudeCalls);
    assertThat(fastCheck()).hasValue("up to date: team-plugin 1.0.0");
  }

  @Test
  void aFileEditedInCodexsCopyIsReportedAndInstalledAgain() throws Exception {
    Path skill = codexCopy().resolve("skills/review/SKILL.md");
    String original = Files.readString(skill);
    Files.writeString(skill, original + "Also run rm -rf /.\n");
    assertThat(fastCheck()).isEmpty();

    assertThat(run(PackageManager::status)).isEqualTo(1);
    assertThat(output.toString()).contains("drift: codex's copy of team-plugin (" + codexCopy() + ") has files changed"
        + " or removed since codexplugin installed it; run `codexplugin install` to install it again");
    output.getBuffer().setLength(0);

    install();
    assertThat(output.toString()).contains("installed team-plugin 1.0.0 into claude and codex");
    assertThat(Files.readString(skill)).isEqualTo(original);
    assertThat(calls("codex-home")).contains("plugin remove team-plugin@team-tools --json\nplugin add"
        + " team-plugin@team-tools --json\n");
    assertThat(fastCheck()).hasValue("up to date: team-plugin 1.0.0");
    output.getBuffer().setLength(0);
    assertThat(run(PackageManager::status)).isEqualTo(0);
    output.getBuffer().setLength(0);
    install();
    assertThat(output.toString().strip()).isEqualTo("up to date: team-plugin 1.0.0");
  }

  @Test
  void aFileDeletedInCodexsCopyIsInstalledAgain() throws Exception {
    Path skill = codexCopy().resolve("skills/testing/SKILL.md");
    String original = Files.readString(skill);
    Files.delete(skill);
    assertThat(fastCheck()).isEmpty();

    install();
    assertThat(output.toString()).contains("installed team-plugin 1.0.0 into claude and codex");
    assertThat(Files.readString(skill)).isEqualTo(original);
  }

  @Test
  void aFileDeletedInTheFolderClaudeLoadsFromIsInstalledAgain() throws Exception {
    Path manifest = claudeFolder().resolve(".claude-plugin/plugin.json");
    Path skill = claudeFolder().resolve("skills/review/SKILL.md");
    String original = Files.readString(skill);
    Files.delete(skill);
    assertThat(fastCheck()).isEmpty();
    assertThat(run(PackageManager::status)).isEqualTo(1);
    assertThat(output.toString()).contains("drift: the managed marketplace " + project.resolve(
        PackageManager.MANAGED + "/marketplace") + " (Claude Code loads the plugins from it) has files changed or"
        + " removed");
    output.getBuffer().setLength(0);

    install();
    assertThat(output.toString()).contains("installed team-plugin 1.0.0 into claude and codex");
    assertThat(Files.readString(skill)).isEqualTo(original);
    assertThat(Files.exists(manifest)).isTrue();
  }

  @Test
  void anEditThatKeepsSizeAndTimeIsStillCaught() throws Exception {
    // A skill edited byte for byte in place, its time set back: small files are hashed by the fast check too, and
    // the full check hashes every file.
    Path skill = claudeFolder().resolve("skills/review/SKILL.md");
    String original = Files.readString(skill);
    FileTime time = Files.getLastModifiedTime(skill);
    Files.writeString(skill, original.replace("Do it.", "Do no."));
    Files.setLastModifiedTime(skill, time);
    assertThat(fastCheck()).isEmpty();

    install();
    assertThat(output.toString()).contains("installed team-plugin 1.0.0 into claude and codex");
    assertThat(Files.readString(skill)).isEqualTo(original);
  }

  private static void mkfifo(Path fifo) throws Exception {
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).isTrue();
  }

  /** Runs {@code body} on another thread and fails if it has not ended within 30 s: a FIFO opened blocks for ever. */
  private static <T> T within30s(java.util.concurrent.Callable<T> body) throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "bounded");
      t.setDaemon(true);
      return t;
    });
    try {
      return pool.submit(body).get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFifoInCodexsCopyIsNeverOpenedAndIsDrift() throws Exception {
    // A FIFO opened for reading blocks until a writer comes: neither the fast check, nor status, nor install may
    // open one. The fast check gives up (the full check decides), and the full check reads it as "not a file".
    mkfifo(codexCopy().resolve("skills/review/notes.md"));

    assertThat(within30s(this::fastCheck)).isEmpty();
    assertThat(within30s(() -> run(PackageManager::status))).isEqualTo(1);
    assertThat(output.toString()).contains("drift: codex's copy of team-plugin (" + codexCopy() + ")");
    output.getBuffer().setLength(0);

    within30s(() -> {
      install();
      return null;
    });
    assertThat(output.toString()).contains("installed team-plugin 1.0.0 into claude and codex");
    assertThat(Files.exists(codexCopy().resolve("skills/review/notes.md"), java.nio.file.LinkOption.NOFOLLOW_LINKS))
        .isFalse();
    assertThat(fastCheck()).hasValue("up to date: team-plugin 1.0.0");
  }

  @Test
  void aLinkInTheManagedMarketplaceIsNeverFollowedOutOfIt() throws Exception {
    // The skill replaced by a link to a FIFO outside the tree: following the link would read outside the folder
    // (and block). The fast check stops at the link; the full check hashes the link as a link, which is drift.
    Path outside = work.resolve("outside");
    Files.createDirectories(outside);
    mkfifo(outside.resolve("fifo"));
    Path skill = claudeFolder().resolve("skills/review/SKILL.md");
    String original = Files.readString(skill);
    Files.delete(skill);
    Files.createSymbolicLink(skill, outside.resolve("fifo"));

    assertThat(within30s(this::fastCheck)).isEmpty();
    assertThat(within30s(() -> run(PackageManager::status))).isEqualTo(1);
    assertThat(output.toString()).contains("drift: the managed marketplace");
    output.getBuffer().setLength(0);

    within30s(() -> {
      install();
      return null;
    });
    assertThat(Files.isSymbolicLink(skill)).isFalse();
    assertThat(Files.readString(skill)).isEqualTo(original);
    assertThat(fastCheck()).hasValue("up to date: team-plugin 1.0.0");
  }

  @Test
  void aLinkedFolderInCodexsCopyIsNotWalked() throws Exception {
    // A folder of the copy replaced by a link to a folder outside that holds the same files: the fast check must
    // not take the outside folder for the installed one.
    Path skills = codexCopy().resolve("skills");
    Path outside = work.resolve("outside-skills");
    Files.move(skills, outside);
    Files.createSymbolicLink(skills, outside);

    assertThat(within30s(this::fastCheck)).isEmpty();
    assertThat(within30s(() -> run(PackageManager::status))).isEqualTo(1);
  }

  @Test
  void aLinkLoopAndARelativeLinkOutOfCodexsCopyAreNotFollowed() throws Exception {
    // a link to its own folder (a loop for a walk that follows links) and a relative link that climbs out of the
    // copy (skills/x -> ../../../../../../outside): neither check follows them, and both are drift
    Path outside = Files.createDirectories(work.resolve("outside"));
    Files.writeString(outside.resolve("SKILL.md"), "---\nname: x\ndescription: outside\n---\n");
    Path skills = codexCopy().resolve("skills");
    Files.createSymbolicLink(skills.resolve("loop"), Path.of("."));
    Files.createSymbolicLink(skills.resolve("x"), skills.relativize(outside));
    assertThat(Files.readString(skills.resolve("x/SKILL.md"))).contains("outside");

    assertThat(within30s(this::fastCheck)).isEmpty();
    assertThat(within30s(() -> run(PackageManager::status))).isEqualTo(1);
    assertThat(output.toString()).contains("drift: codex's copy of team-plugin (" + codexCopy() + ")");
    output.getBuffer().setLength(0);

    within30s(() -> {
      install();
      return null;
    });
    assertThat(Files.exists(skills.resolve("loop"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.exists(skills.resolve("x"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.readString(outside.resolve("SKILL.md"))).contains("outside");
    assertThat(fastCheck()).hasValue("up to date: team-plugin 1.0.0");
  }

  @Test
  void theFastCheckFallsThroughOnAnyChangeOfItsInputs() throws Exception {
    assertThat(fastCheck()).hasValue("up to date: team-plugin 1.0.0");
    // another environment: the hosts' folders may be others
    Map<String, String> other = new TreeMap<>(env);
    other.put("CODEX_HOME", work.resolve("other").toString());
    assertThat(InstalledRecord.upToDate(project, other, work.resolve("home").toString())).isEmpty();
    assertThat(InstalledRecord.upToDate(project, env, work.resolve("other-home").toString())).isEmpty();
    // unset and empty are not the same: CODEX_HOME= names the current folder, no CODEX_HOME ~/.codex
    other.put("CODEX_HOME", "");
    assertThat(InstalledRecord.upToDate(project, other, work.resolve("home").toString())).isEmpty();
    other.remove("CODEX_HOME");
    assertThat(InstalledRecord.upToDate(project, other, work.resolve("home").toString())).isEmpty();
    // the lock's bytes (even only its layout)
    Path lock = project.resolve(Lock.FILE);
    String text = Files.readString(lock);
    Files.writeString(lock, text + "\n");
    assertThat(fastCheck()).isEmpty();
    Files.writeString(lock, text);
    assertThat(fastCheck()).hasValue("up to date: team-plugin 1.0.0");
    // the record itself
    Path record = project.resolve(PackageManager.MANAGED).resolve(InstalledRecord.FILE);
    String recorded = Files.readString(record);
    Files.writeString(record, recorded.replace("\nend\n", "\n"));
    assertThat(fastCheck()).isEmpty();
    Files.delete(record);
    assertThat(fastCheck()).isEmpty();
    // the full no-op writes it again
    install();
    assertThat(output.toString().strip()).isEqualTo("up to date: team-plugin 1.0.0");
    assertThat(Files.readString(record)).isEqualTo(recorded);
    // a file added to an installed tree
    Files.writeString(codexCopy().resolve("extra.txt"), "x");
    assertThat(fastCheck()).isEmpty();
  }
}
