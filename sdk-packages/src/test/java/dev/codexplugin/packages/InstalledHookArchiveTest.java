package dev.codexplugin.packages;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexplugin.testing.Credentials;
import dev.codexplugin.testing.FakeHost;
import dev.codexplugin.testing.MavenSettings;
import dev.codexplugin.testing.RepositoryServer;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install} of a plugin with a Java hook and no Java tools, into both hosts ({@link FakeHost}) from a real
 * repository: its runtime dependencies (sdk-hooks, sdk-api) are locked and shipped in {@code lib/}, a start-up
 * archive is made for its launcher in each host's own copy of the plugin (Codex's cache copy, Claude Code's folder
 * in place), and each copy's {@code hooks.json} command carries its own archive's options. Each host's command,
 * run by the shell as that host runs it, loads the launcher's classes from its archive ({@code -Xlog:class+load},
 * {@code -Xshare:on}) and answers the same decision as the processor's command, and still does once the archive
 * is deleted, with nothing else on stdout. And a Java tool plugin whose server cannot start gets a note instead
 * of an archive, and is installed.
 */
class InstalledHookArchiveTest {
  private static final Credentials DEPLOYER = new Credentials("deployer", "s3cret");
  private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
  @TempDir static Path shared;
  static RepositoryServer server;

  @TempDir Path project;
  @TempDir Path work;

  @BeforeAll
  static void deploy() throws Exception {
    server = RepositoryServer.builder(shared.resolve("repo")).user(DEPLOYER.username(), DEPLOYER.password())
        .upstream(dev.codexplugin.testing.Maven.sharedLocalRepository()).start();
    Path w = Files.createDirectories(shared.resolve("build"));
    Path jar = TestPlugins.jar(w, "hooks-1.0.0", "1.0.0", HookArchiveTest.POLICY);
    TestPlugins.deploy(w, server.url(), DEPLOYER.username(), DEPLOYER.password(), "com.acme.test:sdk-api:1.0.0",
        module(w, "sdk-api"), List.of());
    TestPlugins.deploy(w, server.url(), DEPLOYER.username(), DEPLOYER.password(), "com.acme.test:sdk-hooks:1.0.0",
        module(w, "sdk-hooks"), List.of("com.acme.test:sdk-api:1.0.0"));
    TestPlugins.deploy(w, server.url(), DEPLOYER.username(), DEPLOYER.password(), "com.acme:hooks:1.0.0", jar,
        List.of("com.acme.test:sdk-hooks:1.0.0"));
    // A Java tool plugin without the MCP server runtime in its dependencies: its server cannot start.
    Path tools = TestPlugins.jar(w, "tools-1.0.0", "1.0.0", TestPlugins.tools("tools-plugin", List.of("echo")));
    TestPlugins.deploy(w, server.url(), DEPLOYER.username(), DEPLOYER.password(), "com.acme:tools:1.0.0", tools,
        List.of("org.semver4j:semver4j:6.0.0"));
  }

  /** The jar of a reactor module on the test class path (packed from its classes when the path has those). */
  private static Path module(Path w, String name) throws Exception {
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (p.toString().contains(name) && !p.toString().contains(name + "-") ? Files.isDirectory(p)
          : p.getFileName().toString().startsWith(name + "-") && entry.endsWith(".jar")) {
        return Files.isDirectory(p) ? TestPlugins.pack(p, w.resolve(name + ".jar")) : p;
      }
    }
    throw new AssertionError(name + " is not on the test class path");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The declaration of the one plugin {@code id} from the test repository, for {@code hosts} (JSON strings). */
  private void declare(String hosts, String id) throws Exception {
    Files.writeString(project.resolve(Declaration.FILE), """
        {"marketplace": "team-tools", "scope": "project", "hosts": [%s],
         "repositories": [{"id": "team", "url": "%s"}],
         "plugins": [{"id": "%s", "range": "^1"}]}
        """.formatted(hosts, server.url(), id));
  }

  /**
   * Runs {@code install} with start-up archives into the fake hosts ({@link FakeHost}), whose homes are in this
   * test's work folder; returns what it printed.
   */
  private String install() throws Exception {
    Path settings = MavenSettings.create().server("team", DEPLOYER).write(work.resolve("settings.xml"));
    Map<String, String> env = new TreeMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("CODEX_HOME", work.resolve("codex-home").toString());
    env.put("CLAUDE_CONFIG_DIR", work.resolve("claude-config").toString());
    List<String> fake = List.of(JAVA.toString(), "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
        System.getProperty("java.class.path"), FakeHost.class.getName());
    List<String> codex = new ArrayList<>(fake);
    codex.add("codex");
    List<String> claude = new ArrayList<>(fake);
    claude.add("claude");
    StringWriter output = new StringWriter();
    try (StandaloneResolver r = StandaloneResolver.open(StandaloneResolver.Options.defaults()
        .withSettings(settings).withLocalRepository(work.resolve("local-repo")).withEnvironment(Map.of()))) {
      PackageManager.builder(project).source(r::source).out(new PrintWriter(output, true)).environment(env)
          .userHome(work.resolve("home")).codexCommand(codex).claudeCommand(claude).java(JAVA)
          .classDataArchives(true).build().install();
    }
    return output.toString();
  }

  @Test
  void theInstalledHookCommandUsesTheArchiveAndAnswersAsWithout() throws Exception {
    declare("\"codex\", \"claude\"", "com.acme:hooks");
    String output = install();
    int feature = ClassDataArchive.feature(JAVA).orElseThrow();
    Path claudeFolder = project.resolve(PackageManager.MANAGED + "/marketplace/plugins/hook-plugin");
    Path codexCopy = work.resolve("codex-home/plugins/cache/team-tools/hook-plugin/1.0.0");
    Map<Path, Path> archives = new java.util.LinkedHashMap<>();
    archives.put(claudeFolder, project.resolve(PackageManager.MANAGED).resolve("cds/claude/hook-plugin-1.0.0-hooks"
        + ClassDataArchive.suffix(feature)));
    archives.put(codexCopy, project.resolve(PackageManager.MANAGED).resolve("cds/codex/hook-plugin-1.0.0-hooks"
        + ClassDataArchive.suffix(feature)));
    assertThat(output).contains("start-up archive for the hooks of hook-plugin in claude: "
        + archives.get(claudeFolder));
    assertThat(output).contains("start-up archive for the hooks of hook-plugin in codex: "
        + archives.get(codexCopy));

    String deny = "{\"session_id\":\"s\",\"transcript_path\":null,\"cwd\":\"" + work + "\",\"hook_event_name\":"
        + "\"PreToolUse\",\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"git push origin main\"}}";
    String allow = deny.replace("git push origin main", "ls");
    Map<Path, String> installed = new java.util.LinkedHashMap<>();
    for (Map.Entry<Path, Path> host : archives.entrySet()) {
      Path folder = host.getKey();
      Path archive = host.getValue();
      assertThat(Files.size(archive)).isGreaterThan(10_000L);
      assertThat(Files.list(folder.resolve("lib")).map(f -> f.getFileName().toString()).toList())
          .containsExactly("hooks-1.0.0.jar", "sdk-hooks-1.0.0.jar", "sdk-api-1.0.0.jar");
      // each host's own hooks.json (Codex's cache copy, Claude Code's folder in place) names its own archive
      JsonNode hooks = new ObjectMapper().readTree(folder.resolve("hooks/hooks.json").toFile());
      String command = hooks.path("hooks").path("PreToolUse").get(0).path("hooks").get(0).path("command").asText();
      assertThat(command).isEqualTo(ClassDataArchive.hookCommand(HookArchiveTest.commandOf(),
          ClassDataArchive.runtimeOptions(feature, archive)));
      assertThat(command).contains("-Xlog:disable -Xlog:all=warning:stderr");
      installed.put(folder, command);
      for (String input : List.of(deny, allow)) {
        assertThat(run(folder, command, input)).isEqualTo(run(folder, HookArchiveTest.commandOf(), input));
      }
      assertThat(run(folder, command, deny)).contains("No pushing from the agent.");
      // the JVM maps the archive: the launcher and sdk-hooks' classes come from it, not from the jars
      assertWithMessage("classes of the hook in %s", folder).that(loadedFromArchive(folder, command, deny))
          .containsAtLeast("com.acme.h.HookPluginHooks", "dev.codexplugin.hooks.HookRunner");
      if (feature < 24) {
        // -Xshare:on stops the JVM when it cannot use the archive (the jars' size or time, the class path)
        String on = command.replace("-Xshare:auto", "-Xshare:on");
        assertThat(run(folder, on, deny)).isEqualTo(run(folder, HookArchiveTest.commandOf(), deny));
      }
    }
    assertThat(installed.get(codexCopy)).isNotEqualTo(installed.get(claudeFolder));
    // The other host's archive: the decision is the same. JDK 13-23 refuse a dynamic archive made for another
    // class path, so no class comes from it. JDK 25 did use the other folder's AOT cache here, where the jars
    // have the same names, sizes and times (the fake host keeps file times; the real Codex does not, which is
    // why each host gets an archive of its own).
    if (feature < 24) {
      assertThat(loadedFromArchive(codexCopy, installed.get(claudeFolder), deny)).isEmpty();
    }
    assertThat(run(codexCopy, installed.get(claudeFolder), deny))
        .isEqualTo(run(codexCopy, HookArchiveTest.commandOf(), deny));

    // an install again is a no-op for the hosts: Codex's rewritten copy is what the record holds
    install();
    assertThat(Files.readString(codexCopy.resolve("hooks/hooks.json"))).contains(archives.get(codexCopy).toString());
    assertThat(Files.readString(claudeFolder.resolve("hooks/hooks.json")))
        .contains(archives.get(claudeFolder).toString());

    for (Path archive : archives.values()) {
      Files.delete(archive);
    }
    for (Map.Entry<Path, String> host : installed.entrySet()) {
      for (String input : List.of(deny, allow)) {
        assertThat(run(host.getKey(), host.getValue(), input))
            .isEqualTo(run(host.getKey(), HookArchiveTest.commandOf(), input));
      }
      assertThat(loadedFromArchive(host.getKey(), host.getValue(), deny)).isEmpty();
    }
  }

  @Test
  void aToolServersArchiveThatCannotBeMadeIsANoteAndTheInstallGoesOn() throws Exception {
    declare("\"codex\"", "com.acme:tools");
    String output = install();
    // the tool server's training run fails: a note for the server, none for hooks it does not have
    assertThat(output).contains("note: no start-up archive for tools-plugin in codex (");
    assertThat(output).contains("); the server starts without one");
    assertThat(output).doesNotContain("the hooks of tools-plugin");
    assertThat(output).contains("locked and installed tools-plugin 1.0.0 into codex");
    assertThat(Files.isDirectory(work.resolve("codex-home/plugins/cache/team-tools/tools-plugin/1.0.0"))).isTrue();
  }

  /**
   * The classes that the command's JVM loads from the top layer of its class data (the install's archive, not the
   * JDK's own), from {@code -Xlog:class+load} written to a file: put in front of the class path, after the
   * command's {@code -Xlog:disable}, so stdout stays the decision's.
   */
  private List<String> loadedFromArchive(Path folder, String command, String input) throws Exception {
    Path log = Files.createTempFile(work, "class-load", ".log");
    String logged = command.replace(ClassDataArchive.HOOK_CLASS_PATH,
        "-Xlog:class+load=info:file=" + log + " " + ClassDataArchive.HOOK_CLASS_PATH);
    assertThat(run(folder, logged, input)).isEqualTo(run(folder, HookArchiveTest.commandOf(), input));
    List<String> classes = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      // JDK 17: "source: shared objects file (top)" (the dynamic archive); JDK 25's AOT cache: "source: shared
      // objects file". The JDK's own archive has no class of the plugin's jars.
      String name = line.replaceAll(".*\\] ", "").replaceAll(" source:.*", "");
      if (line.contains("source: shared objects file") && !name.matches("(java|javax|jdk|sun|com\\.sun)\\..*")) {
        classes.add(name);
      }
    }
    return classes;
  }

  /** The exit code and stdout of the command, run by the shell in Claude Code's environment. */
  private String run(Path folder, String command, String input) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).directory(work.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("CLAUDE_PLUGIN_ROOT", folder.toString());
    pb.environment().put("CLAUDE_PROJECT_DIR", work.toString());
    pb.environment().remove("PLUGIN_ROOT");
    pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
        + System.getenv("PATH"));
    Process p = pb.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(input.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p.exitValue() + "\n" + out;
  }
}
