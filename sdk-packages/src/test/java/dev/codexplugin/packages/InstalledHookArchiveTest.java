package dev.codexplugin.packages;

import static com.google.common.truth.Truth.assertThat;

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
 * archive is made for its launcher, and the installed {@code hooks.json} command carries the archive's options.
 * That command, run by the shell as the host runs it, answers the same decision as the processor's command, and
 * still does once the archive is deleted, with nothing else on stdout.
 */
class InstalledHookArchiveTest {
  private static final Credentials DEPLOYER = new Credentials("deployer", "s3cret");
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

  @Test
  void theInstalledHookCommandUsesTheArchiveAndAnswersAsWithout() throws Exception {
    Path settings = MavenSettings.create().server("team", DEPLOYER).write(work.resolve("settings.xml"));
    Map<String, String> env = new TreeMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("CODEX_HOME", work.resolve("codex-home").toString());
    env.put("CLAUDE_CONFIG_DIR", work.resolve("claude-config").toString());
    Files.writeString(project.resolve(Declaration.FILE), """
        {"marketplace": "team-tools", "scope": "project", "hosts": ["codex", "claude"],
         "repositories": [{"id": "team", "url": "%s"}],
         "plugins": [{"id": "com.acme:hooks", "range": "^1"}]}
        """.formatted(server.url()));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> fake = List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
        System.getProperty("java.class.path"), FakeHost.class.getName());
    List<String> codex = new ArrayList<>(fake);
    codex.add("codex");
    List<String> claude = new ArrayList<>(fake);
    claude.add("claude");
    StringWriter output = new StringWriter();
    try (StandaloneResolver r = StandaloneResolver.open(StandaloneResolver.Options.defaults()
        .withSettings(settings).withLocalRepository(work.resolve("local-repo")).withEnvironment(Map.of()))) {
      PackageManager.builder(project).source(r::source).out(new PrintWriter(output, true)).environment(env)
          .userHome(work.resolve("home")).codexCommand(codex).claudeCommand(claude).java(java)
          .classDataArchives(true).build().install();
    }
    assertThat(output.toString()).contains("start-up archive for the hooks of hook-plugin: ");
    int feature = ClassDataArchive.feature(java).orElseThrow();
    Path archive = project.resolve(PackageManager.MANAGED).resolve("cds/hooks/hook-plugin-1.0.0"
        + ClassDataArchive.suffix(feature));
    assertThat(Files.size(archive)).isGreaterThan(10_000L);

    Path claudeFolder = project.resolve(PackageManager.MANAGED + "/marketplace/plugins/hook-plugin");
    Path codexCopy = work.resolve("codex-home/plugins/cache/team-tools/hook-plugin/1.0.0");
    for (Path folder : List.of(claudeFolder, codexCopy)) {
      assertThat(Files.list(folder.resolve("lib")).map(f -> f.getFileName().toString()).toList())
          .containsExactly("hooks-1.0.0.jar", "sdk-hooks-1.0.0.jar", "sdk-api-1.0.0.jar");
    }
    JsonNode hooks = new ObjectMapper().readTree(claudeFolder.resolve("hooks/hooks.json").toFile());
    String installed = hooks.path("hooks").path("PreToolUse").get(0).path("hooks").get(0).path("command").asText();
    assertThat(installed).isEqualTo(ClassDataArchive.hookCommand(HookArchiveTest.commandOf(), 
        ClassDataArchive.runtimeOptions(feature, archive)));
    assertThat(installed).contains("-Xlog:disable -Xlog:all=warning:stderr");
    assertThat(installed).contains(archive.toString());
    assertThat(Files.readString(codexCopy.resolve("hooks/hooks.json")))
        .isEqualTo(Files.readString(claudeFolder.resolve("hooks/hooks.json")));

    String deny = "{\"session_id\":\"s\",\"transcript_path\":null,\"cwd\":\"" + work + "\",\"hook_event_name\":"
        + "\"PreToolUse\",\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"git push origin main\"}}";
    String allow = deny.replace("git push origin main", "ls");
    for (Path folder : List.of(claudeFolder, codexCopy)) {
      for (String input : List.of(deny, allow)) {
        String plain = run(folder, HookArchiveTest.commandOf(), input);
        assertThat(run(folder, installed, input)).isEqualTo(plain);
      }
      assertThat(run(folder, installed, deny)).contains("No pushing from the agent.");
    }
    if (feature < 24) {
      // the archive is made in Claude Code's folder (the first host): there -Xshare:on maps it
      String on = installed.replace("-Xshare:auto", "-Xshare:on");
      assertThat(run(claudeFolder, on, deny)).isEqualTo(run(claudeFolder, HookArchiveTest.commandOf(), deny));
    }
    Files.delete(archive);
    for (Path folder : List.of(claudeFolder, codexCopy)) {
      for (String input : List.of(deny, allow)) {
        assertThat(run(folder, installed, input)).isEqualTo(run(folder, HookArchiveTest.commandOf(), input));
      }
    }
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
