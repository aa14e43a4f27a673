package dev.codexplugin.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexplugin.packages.Declaration;
import dev.codexplugin.packages.WrapperFiles;
import dev.codexplugin.testing.MavenSettings;
import dev.codexplugin.testing.Publisher;
import dev.codexplugin.testing.Reactor;
import dev.codexplugin.testing.SampleRelease;
import dev.codexplugin.testing.SdkArtifacts;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package manager's story (issue 11, item 8), every part real: a publisher deploys the samples with
 * {@code mvn deploy} into an authenticated repository on 127.0.0.1; a team lead declares them; two teammates,
 * each with their own {@code HOME}, {@code CODEX_HOME} and {@code CLAUDE_CONFIG_DIR}, run {@code ./codexplugin
 * install} (the committed wrapper, which fetches this build's CLI from the repository) from the same committed
 * files and get the same installed plugins; new releases come out; {@code outdated}, {@code update} (1.1.0
 * taken, 1.2.0 refused, 2.0.0 never), {@code rollback}; after every step the real Codex CLI's and Claude Code's
 * own lists show the locked versions and {@code status} shows no drift. The transcript is written to
 * {@code target/e2e/story/transcript.md}.
 */
class PackageStoryIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MARKETPLACE = "team-tools";
  private static final List<String> COMMITTED = List.of(Declaration.FILE, "codexplugin-lock.json",
      WrapperFiles.SCRIPT, WrapperFiles.WINDOWS_SCRIPT, WrapperFiles.PROGRAM, WrapperFiles.PROPERTIES);

  private final StringBuilder transcript = new StringBuilder();

  @Test
  void publishInstallOnTwoMachinesOutdatedUpdateRefuseRollback() throws Exception {
    Path work = Path.of(System.getProperty("e2e.work"), "story");
    PublisherIT.deleteRecursively(work);
    Files.createDirectories(work);
    try (Publisher publisher = Publisher.start(Reactor.root(), work.resolve("publisher"),
        Path.of(System.getProperty("publisher.localRepository")))) {
      story(work, publisher);
    } finally {
      Files.writeString(work.resolve("transcript.md"), transcript);
      System.out.println(transcript);
    }
  }

  private void story(Path work, Publisher publisher) throws Exception {
    note("## 1. The publisher deploys team-workflow 1.0.0 and release-tools 1.0.0 with mvn deploy");
    publisher.publish(SampleRelease.TEAM_WORKFLOW_1_0_0, SampleRelease.RELEASE_TOOLS_1_0_0);
    note("deployed into " + publisher.url() + ": " + SampleRelease.TEAM_WORKFLOW_1_0_0 + ", "
        + SampleRelease.RELEASE_TOOLS_1_0_0);

    // The CLI as the team's repository serves it: what the lead runs and what the wrapper pins.
    String version = publisher.sdkVersion();
    Path cliJar = publisher.deployedFile(SdkArtifacts.GROUP_ID, "sdk-cli", version, "all", "jar");
    String cliVersion = publisher.resolvedVersion(SdkArtifacts.GROUP_ID, "sdk-cli", version);

    note("## 2. The team lead declares the plugins");
    Machine lead = new Machine(work.resolve("lead"), publisher, false);
    lead.cli(cliJar, "init", "--marketplace", MARKETPLACE, "--repository", "team=" + publisher.url(),
        "--host", "codex", "--host", "claude", "--wrapper-version", version).ok();
    lead.cli(cliJar, "add", "dev.codexplugin.samples:team-workflow@^1").ok();
    lead.cli(cliJar, "add", "dev.codexplugin.samples:release-tools@^1").ok();
    // init pinned the wrapper to the CLI's exact version and the sha256 of the jar the repository serves.
    WrapperFiles.Pin pin = new WrapperFiles.Pin(SdkArtifacts.GROUP_ID, "sdk-cli", "all", cliVersion,
        sha256(Files.readAllBytes(cliJar)),
        List.of(new Declaration.Repository(Publisher.REPOSITORY_ID, publisher.url().toString())));
    for (Map.Entry<String, String> file : WrapperFiles.render(pin).entrySet()) {
      assertWithMessage("%s written by init", file.getKey())
          .that(Files.readString(lead.project.resolve(file.getKey()))).isEqualTo(file.getValue());
    }
    assertThat(Files.isExecutable(lead.project.resolve(WrapperFiles.SCRIPT))).isTrue();
    String committedLock = Files.readString(lead.project.resolve("codexplugin-lock.json"));
    assertThat(locked(committedLock)).containsExactly("dev.codexplugin.samples:release-tools", "1.0.0",
        "dev.codexplugin.samples:team-workflow", "1.0.0");
    note("committed files: " + COMMITTED);
    note("```json\n$ cat codexplugin.json\n" + Files.readString(lead.project.resolve(Declaration.FILE)) + "```");
    note("```json\n$ cat codexplugin-lock.json\n" + committedLock + "```");
    note("```properties\n$ cat " + WrapperFiles.PROPERTIES + "\n"
        + Files.readString(lead.project.resolve(WrapperFiles.PROPERTIES)) + "```");

    note("## 3. Two teammates run the one command from the same committed files");
    Machine alice = new Machine(work.resolve("alice"), publisher, true);
    Machine bob = new Machine(work.resolve("bob"), publisher, false);
    for (Machine teammate : List.of(alice, bob)) {
      for (String file : COMMITTED) {
        Files.createDirectories(teammate.project.resolve(file).getParent());
        Files.copy(lead.project.resolve(file), teammate.project.resolve(file));
      }
      Files.setPosixFilePermissions(teammate.project.resolve(WrapperFiles.SCRIPT),
          PosixFilePermissions.fromString("rwxr-xr-x"));
      Result install = teammate.wrapper("install").ok();
      assertThat(install.err()).contains("fetched " + pin.coordinates() + " from team, sha256 verified");
      assertWithMessage("the lock after %s's install", teammate.name)
          .that(Files.readString(teammate.project.resolve("codexplugin-lock.json"))).isEqualTo(committedLock);
      teammate.assertHostsShow("1.0.0", "1.0.0");
    }
    assertSameInstalledPlugins(alice, bob);
    Result noop = alice.wrapper("install").ok();
    assertThat(noop.err()).doesNotContain("fetched");

    note("## 4. The publisher deploys team-workflow 1.1.0, release-tools 1.1.0, 1.2.0 and 2.0.0");
    publisher.publish(SampleRelease.TEAM_WORKFLOW_1_1_0, SampleRelease.RELEASE_TOOLS_1_1_0,
        SampleRelease.RELEASE_TOOLS_1_2_0, SampleRelease.RELEASE_TOOLS_2_0_0);

    note("## 5. outdated");
    Result outdated = alice.wrapper("outdated").ok();
    assertThat(outdated.out()).contains("release-tools 1.0.0 -> 1.1.0 declares a MINOR bump; the changes need MINOR:"
        + " compatible");
    assertThat(outdated.out()).contains("1.2.0 (in range)  needs MAJOR: release-tools 1.0.0 -> 1.2.0 declares a MINOR"
        + " bump, but the changes need MAJOR; bump the version to at least 2.0.0");
    assertThat(outdated.out()).contains("2.0.0 (out of range) needs MAJOR: release-tools 1.0.0 -> 2.0.0 declares a"
        + " MAJOR bump; the changes need MAJOR: compatible");
    assertThat(outdated.out()).contains("team-workflow-plugin 1.0.0 -> 1.1.0 declares a MINOR bump; the changes need"
        + " MINOR: compatible");
    alice.assertHostsShow("1.0.0", "1.0.0");

    note("## 6. update: 1.1.0 taken within ^1, 1.2.0 refused with the diff's reason, 2.0.0 never");
    Result update = alice.wrapper("update");
    assertThat(update.exit()).isEqualTo(1);
    assertThat(update.out()).contains("refused release-tools 1.0.0 -> 1.2.0 declares a MINOR bump, but the changes"
        + " need MAJOR; bump the version to at least 2.0.0\n  ! MAJOR tool \"maxSatisfying\": removed");
    assertThat(update.out()).contains("updated: release-tools 1.1.0, team-workflow-plugin 1.1.0");
    assertThat(update.out()).doesNotContain("-> 2.0.0");
    String updatedLock = Files.readString(alice.project.resolve("codexplugin-lock.json"));
    assertThat(locked(updatedLock)).containsExactly("dev.codexplugin.samples:release-tools", "1.1.0",
        "dev.codexplugin.samples:team-workflow", "1.1.0");
    note("```json\n$ cat codexplugin-lock.json   # after update\n" + updatedLock + "```");
    alice.assertHostsShow("1.1.0", "1.1.0");
    Result again = alice.wrapper("update");
    assertThat(Files.readString(alice.project.resolve("codexplugin-lock.json"))).isEqualTo(updatedLock);
    assertThat(again.out()).contains("release-tools 1.1.0: stays (no newer version in ^1 announces its changes)");
    assertThat(again.out()).doesNotContain("-> 2.0.0");

    note("## 7. rollback");
    Result rollback = alice.wrapper("rollback").ok();
    assertThat(rollback.out()).contains("rolled back release-tools 1.1.0, team-workflow-plugin 1.1.0 -> release-tools"
        + " 1.0.0, team-workflow-plugin 1.0.0");
    assertThat(Files.readString(alice.project.resolve("codexplugin-lock.json"))).isEqualTo(committedLock);
    alice.assertHostsShow("1.0.0", "1.0.0");

    note("## 8. Bob, who did nothing, is still on the committed lock");
    assertThat(bob.wrapper("install").ok().out()).contains("up to date: release-tools 1.0.0, team-workflow-plugin 1.0.0");
    bob.assertHostsShow("1.0.0", "1.0.0");
    assertSameInstalledPlugins(alice, bob);
  }

  /** Plugin id to locked version. */
  private static Map<String, String> locked(String lock) throws IOException {
    Map<String, String> versions = new TreeMap<>();
    JSON.readTree(lock).path("plugins").forEach(p -> versions.put(p.path("id").asText(), p.path("version").asText()));
    return versions;
  }

  /**
   * The plugins each host installed, and the managed marketplace, file by file: byte-identical, except that the
   * command of a Java tool server names the start-up archive made on that machine by its absolute path (in the
   * teammate's own project folder); those files are compared with that folder written as {@code <project>}, and
   * the transcript names them.
   */
  private void assertSameInstalledPlugins(Machine a, Machine b) throws IOException {
    Map<String, String> left = a.installedFiles(false);
    Map<String, String> right = b.installedFiles(false);
    List<String> differ = new ArrayList<>();
    left.forEach((path, hash) -> {
      if (!hash.equals(right.get(path))) {
        differ.add(path);
      }
    });
    note("installed files compared between " + a.name + " and " + b.name + ": " + left.size() + "; byte-identical: "
        + (left.size() - differ.size()) + "; identical once each machine's project folder is written <project> (the"
        + " start-up archive's path in the Java server's command): " + differ);
    assertThat(left).isNotEmpty();
    assertThat(right.keySet()).isEqualTo(left.keySet());
    assertThat(b.installedFiles(true)).isEqualTo(a.installedFiles(true));
    for (String path : differ) {
      // the server's command (.mcp.json, plugin.json) and, since the install makes an archive for Java hooks too,
      // the hook commands (hooks/hooks.json)
      assertWithMessage("%s differs only by the archive path", path).that(path).matches(".*release-tools.*"
          + "(\\.mcp\\.json|plugin\\.json|hooks/hooks\\.json)");
    }
  }

  private void note(String text) {
    transcript.append(text).append("\n\n");
  }

  record Result(List<String> command, int exit, String out, String err) {
    Result ok() {
      assertWithMessage("%s\nexit %s\nstdout:\n%s\nstderr:\n%s", String.join(" ", command), exit, out, err)
          .that(exit).isEqualTo(0);
      return this;
    }
  }

  /** One person's machine: their own home, Codex home, Claude config and clone of the project. */
  private final class Machine {
    final String name;
    final Path root;
    final Path project;
    final Map<String, String> env = new HashMap<>();

    Machine(Path root, Publisher publisher, boolean credentialsInSettings) throws IOException {
      this.name = root.getFileName().toString();
      this.root = root;
      this.project = Files.createDirectories(root.resolve("project"));
      Path home = Files.createDirectories(root.resolve("home"));
      env.putAll(System.getenv());
      env.keySet().removeIf(k -> k.startsWith("CODEXPLUGIN_") || k.equals("OPENAI_API_KEY")
          || k.equals("ANTHROPIC_API_KEY") || k.equals("JAVA_TOOL_OPTIONS"));
      env.put("HOME", home.toString());
      env.put("CODEX_HOME", Files.createDirectories(root.resolve("codex-home")).toString());
      env.put("CLAUDE_CONFIG_DIR", Files.createDirectories(root.resolve("claude-config")).toString());
      // What the team-workflow plugin's servers need (the doctor checks them before installing).
      env.put("GITHUB_PERSONAL_ACCESS_TOKEN", "test-token-" + name);
      env.put("SLACK_BOT_TOKEN", "test-token-" + name);
      env.put("SLACK_TEAM_ID", "T0TEST");
      env.put("RUST_LOG", "warn");
      env.put("DISABLE_AUTOUPDATER", "1");
      env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
      Path hostsBin = Path.of(System.getProperty("hosts.dir"), "node_modules", ".bin");
      env.put("PATH", hostsBin + File.pathSeparator + System.getenv("PATH"));
      if (credentialsInSettings) {
        MavenSettings.create().server(Publisher.REPOSITORY_ID, Publisher.TEAMMATE)
            .write(home.resolve(".m2/settings.xml"));
      } else {
        env.put("CODEXPLUGIN_REPO_TEAM_USERNAME", Publisher.TEAMMATE.username());
        env.put("CODEXPLUGIN_REPO_TEAM_PASSWORD", Publisher.TEAMMATE.password());
      }
    }

    /** The CLI jar run directly, as the lead runs it (with its home as user.home, as the wrapper does). */
    Result cli(Path jar, String... args) throws Exception {
      List<String> command = new ArrayList<>(List.of(javaBin(), "-Duser.home=" + env.get("HOME"), "-jar",
          jar.toString()));
      command.addAll(List.of(args));
      return run(command, "$ codexplugin " + String.join(" ", args) + "   # " + name);
    }

    /** The committed wrapper, as a teammate runs it. */
    Result wrapper(String... args) throws Exception {
      List<String> command = new ArrayList<>(List.of(project.resolve(WrapperFiles.SCRIPT).toString()));
      command.addAll(List.of(args));
      return run(command, "$ ./codexplugin " + String.join(" ", args) + "   # " + name);
    }

    Result run(List<String> command, String title) throws Exception {
      ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
      builder.environment().clear();
      builder.environment().putAll(env);
      Path out = Files.createTempFile(root, "out", ".txt");
      Path err = Files.createTempFile(root, "err", ".txt");
      long start = System.nanoTime();
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("did not finish in 10 minutes: " + command);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      Result result = new Result(command, process.exitValue(), Files.readString(out), Files.readString(err));
      Files.delete(out);
      Files.delete(err);
      note("```\n" + title + "\n" + result.out() + (result.err().isEmpty() ? "" : "[stderr]\n" + result.err())
          + "[exit " + result.exit() + ", " + millis + " ms]\n```");
      return result;
    }

    /** Both hosts' own lists and status: team-workflow-plugin and release-tools at the versions given. */
    void assertHostsShow(String teamWorkflow, String releaseTools) throws Exception {
      List<String> expected = List.of("release-tools@" + MARKETPLACE + " " + releaseTools,
          "team-workflow-plugin@" + MARKETPLACE + " " + teamWorkflow);
      Result codex = run(List.of(host("codex"), "plugin", "list", "--json"), "$ codex plugin list --json   # " + name)
          .ok();
      List<String> codexIds = new ArrayList<>();
      JSON.readTree(codex.out()).path("installed").forEach(p ->
          codexIds.add(p.path("pluginId").asText() + " " + p.path("version").asText()));
      assertWithMessage("codex plugin list on %s", name).that(codexIds).containsExactlyElementsIn(expected);
      Result claude = run(List.of(host("claude"), "plugin", "list", "--json"),
          "$ claude plugin list --json   # " + name).ok();
      List<String> claudeIds = new ArrayList<>();
      for (JsonNode p : JSON.readTree(claude.out())) {
        if (p.path("id").asText().endsWith("@" + MARKETPLACE)) {
          claudeIds.add(p.path("id").asText() + " " + p.path("version").asText());
        }
      }
      assertWithMessage("claude plugin list on %s", name).that(claudeIds).containsExactlyElementsIn(expected);
      Result status = wrapper("status").ok();
      assertThat(status.out()).contains("no drift");
    }

    /**
     * Path (relative to the host's plugin cache or the managed marketplace) to sha256; with {@code normalized},
     * of the JSON files with this machine's project folder written {@code <project>}.
     */
    Map<String, String> installedFiles(boolean normalized) throws IOException {
      Map<String, String> files = new TreeMap<>();
      // The locked version of each plugin in each host's cache (Claude Code keeps a version it no longer uses,
      // marked .orphaned_at, for a while: that is its cache, not an installed plugin).
      for (JsonNode plugin : JSON.readTree(project.resolve("codexplugin-lock.json").toFile()).path("plugins")) {
        String folder = plugin.path("plugin").asText() + "/" + plugin.path("version").asText();
        add(files, "codex:" + folder + "/", root.resolve("codex-home/plugins/cache/" + MARKETPLACE + "/" + folder),
            normalized);
        add(files, "claude:" + folder + "/",
            root.resolve("claude-config/plugins/cache/" + MARKETPLACE + "/" + folder), normalized);
      }
      add(files, "marketplace:", project.resolve(".codexplugin/marketplace"), normalized);
      return files;
    }

    private void add(Map<String, String> files, String prefix, Path dir, boolean normalized) throws IOException {
      if (!Files.isDirectory(dir)) {
        return;
      }
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.filter(Files::isRegularFile).toList()) {
          byte[] bytes = Files.readAllBytes(p);
          if (normalized && p.toString().endsWith(".json")) {
            bytes = new String(bytes, StandardCharsets.UTF_8).replace(project.toString(), "<project>")
                .getBytes(StandardCharsets.UTF_8);
          }
          files.put(prefix + dir.relativize(p), sha256(bytes));
        }
      }
    }
  }

  /** A host's command as installed from npm under target/ (the teammates have the same folder on PATH). */
  private static String host(String name) {
    return Path.of(System.getProperty("hosts.dir"), "node_modules", ".bin", name).toString();
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
