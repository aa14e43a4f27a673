package dev.codexplugin.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code list}, {@code find}, {@code diff} and {@code doctor} on jars compiled with the real processor. */
class CatalogCommandsTest {
  @TempDir static Path work;
  static Path repo;
  static Path tools100;
  static Path tools101;
  static Path tools200;
  static Path doctorJar;

  @TempDir Path tmp;

  static MainTest.Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new MainTest.Run(exit, out.toString(), err.toString());
  }

  /** The team plugin of {@link PluginJars#plugin} at a literal version. */
  private static Map<String, String> team(String version) {
    Map<String, String> sources = new java.util.HashMap<>(PluginJars.plugin("com.acme.team", "team-plugin", "github"));
    sources.computeIfPresent("com/acme/team/package-info.java",
        (k, v) -> v.replace("@Plugin(name = \"team-plugin\",", "@Plugin(name = \"team-plugin\", version = \"" + version
            + "\","));
    return sources;
  }

  /** A plugin with Java tools; {@code bump} is left out when {@code withBump} is false. */
  private static Map<String, String> tools(String version, boolean withBump) {
    return Map.of(
        "com/acme/tools/package-info.java", """
            @Plugin(name = "version-tools", version = "%s", description = "Version tools",
                    ui = @PluginInterface(category = "developer-tools", capabilities = "versioning"))
            package com.acme.tools;

            import dev.codexplugin.api.Plugin;
            import dev.codexplugin.api.PluginInterface;
            """.formatted(version),
        "com/acme/tools/VersionTools.java", """
            package com.acme.tools;

            import dev.codexplugin.api.McpTool;

            public final class VersionTools {
              /** Compares two versions. */
              @McpTool
              public int compare(String a, String b) {
                return a.compareTo(b);
              }
            %s}
            """.formatted(withBump ? """
                  /** Bumps a version. */
                  @McpTool
                  public String bump(String version) {
                    return version;
                  }
                """ : ""));
  }

  @BeforeAll
  static void compile() throws IOException {
    repo = work.resolve("repo");
    Files.createDirectories(repo.resolve("team"));
    PluginJars.compile(repo.resolve("team"), "team-1.0.0.jar", team("1.0.0"));
    PluginJars.compile(repo.resolve("team"), "team-1.2.0.jar", team("1.2.0"));
    PluginJars.compile(repo.resolve("team"), "team-2.0.0-rc.1.jar", team("2.0.0-rc.1"));
    PluginJars.compile(repo, "ops-1.0.0.jar", PluginJars.plugin("com.acme.ops", "ops-plugin", "pager"));
    PluginJars.compile(repo, "clash-1.0.0.jar", PluginJars.plugin("com.acme.clash", "clash-plugin", "github"));
    tools100 = PluginJars.compile(repo, "tools-1.0.0.jar", tools("1.0.0", true));
    Path other = work.resolve("other");
    Files.createDirectories(other);
    tools101 = PluginJars.compile(other, "tools-1.0.1.jar", tools("1.0.1", false));
    tools200 = PluginJars.compile(other, "tools-2.0.0.jar", tools("2.0.0", false));
    doctorJar = PluginJars.compile(other, "needs-1.0.0.jar", Map.of("com/acme/needs/package-info.java", """
        @Plugin(name = "needs-plugin", description = "Needs things")
        @McpServer(name = "db", command = "codexplugin-no-such-tool", requirements = "Docker 24+",
                   envVars = "CODEXPLUGIN_TEST_UNSET_VARIABLE")
        package com.acme.needs;

        import dev.codexplugin.api.McpServer;
        import dev.codexplugin.api.Plugin;
        """));
  }

  @Test
  void inspectListsTheJavaToolsAsTheModelSeesThem() throws Exception {
    MainTest.Run text = run("inspect", tools100.toString());
    assertThat(text.out()).contains("  tools (2):\n");
    assertThat(text.out()).contains("mcp__version-tools__compare  Compares two versions.");
    MainTest.Run json = run("inspect", "--json", tools100.toString());
    assertThat(json.out()).contains("\"qualifiedName\": \"mcp__version-tools__bump\"");
    assertThat(json.out()).contains("\"inputSchema\": {");
  }

  @Test
  void listShowsAFolderOfJarsAndItsConflicts() throws Exception {
    MainTest.Run list = run("list", repo.toString());
    assertWithMessage(list.out() + list.err()).that(list.exit()).isEqualTo(1);
    assertThat(list.out()).contains("team-plugin 1.2.0  " + repo.resolve("team/team-1.2.0.jar"));
    assertThat(list.out()).contains("version-tools 1.0.0  " + tools100);
    assertThat(list.out()).contains("  tools: version-tools/bump, version-tools/compare");
    assertThat(list.out()).contains("[codexplugin:DuplicateServer] MCP server \"github\" must be unique across the"
        + " plugins a user installs; found it in clash-plugin 1.0.0");
    // A folder of releases holds every version side by side: three versions of team-plugin are no conflict.
    assertThat(list.out()).doesNotContain("DuplicatePlugin");
    assertThat(list.out()).contains("[codexplugin:DuplicateSkill] warning: skill \"review\"");

    JsonNode json = run("list", "--json", repo.toString()).json();
    assertThat(json.path("plugins").findValuesAsText("id")).containsExactly("clash-plugin", "ops-plugin",
        "team-plugin", "team-plugin", "team-plugin", "version-tools").inOrder();
    assertThat(json.path("findings").findValuesAsText("code")).contains("DuplicateServer");

    // the same plugins on a class path
    MainTest.Run classPath = run("list", "--class-path", tools100 + java.io.File.pathSeparator
        + repo.resolve("ops-1.0.0.jar"));
    assertWithMessage(classPath.out()).that(classPath.exit()).isEqualTo(0);
    assertThat(classPath.out()).contains("ops-plugin 1.0.0");
    assertThat(classPath.out()).contains("version-tools 1.0.0");

    MainTest.Run none = run("list", tmp.toString());
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.out()).contains("[codexplugin:NoBundle]");
    assertThat(run("list", repo.toString(), "--codex-home", tmp.toString()).exit()).isEqualTo(2);
  }

  @Test
  void listReadsTheCodexCache() throws Exception {
    Path market = tmp.resolve("market");
    assertThat(run("export", repo.resolve("team/team-1.2.0.jar").toString(), repo.resolve("ops-1.0.0.jar").toString(),
        "--out", market.toString(), "--marketplace", "team-tools").exit()).isEqualTo(0);
    Path home = tmp.resolve("codex-home");
    copy(market.resolve("plugins/team-plugin"), home.resolve("plugins/cache/team-tools/team-plugin/1.2.0"));
    copy(market.resolve("plugins/ops-plugin"), home.resolve("plugins/cache/team-tools/ops-plugin/1.0.0"));
    MainTest.Run installed = run("list", "--codex-home", home.toString());
    assertWithMessage(installed.out() + installed.err()).that(installed.exit()).isEqualTo(0);
    assertThat(installed.out()).contains("ops-plugin@team-tools 1.0.0  "
        + home.resolve("plugins/cache/team-tools/ops-plugin/1.0.0"));
    assertThat(installed.out()).contains("team-plugin@team-tools 1.2.0");
    assertThat(run("find", home.toString(), "--skill", "review", "--latest").out())
        .contains("team-plugin@team-tools 1.2.0");
  }

  @Test
  void findByNameRangeAndParts() throws Exception {
    MainTest.Run latest = run("find", repo.toString(), "--name", "team-plugin", "--range", "^1", "--latest");
    assertWithMessage(latest.err()).that(latest.exit()).isEqualTo(0);
    assertThat(latest.out()).startsWith("team-plugin 1.2.0  ");
    assertThat(latest.out()).doesNotContain("team-plugin 1.0.0");

    assertThat(run("find", repo.toString(), "--name", "team-plugin", "--range", ">=1.1", "--latest").out())
        .startsWith("team-plugin 1.2.0");
    // issue 12 item 7: a folder of releases holds every version; finding over several is no DuplicatePlugin
    MainTest.Run releases = run("find", repo.toString(), "--name", "team-plugin", "--range", ">=1.0");
    assertThat(releases.out()).contains("team-plugin 1.0.0");
    assertThat(releases.out()).contains("team-plugin 1.2.0");
    assertThat(releases.out() + releases.err()).doesNotContain("DuplicatePlugin");
    assertThat(run("find", repo.toString(), "--name", "team-plugin", "--range", ">=1.1", "--pre", "--latest").out())
        .startsWith("team-plugin 2.0.0-rc.1");
    JsonNode either = run("find", "--json", repo.toString(), "--name", "team-plugin", "--range", "1.0.x || >=1.2")
        .json();
    assertThat(either.path("plugins").findValuesAsText("version")).containsExactly("1.0.0", "1.2.0").inOrder();

    MainTest.Run tool = run("find", repo.toString(), "--tool", "bump");
    assertThat(tool.exit()).isEqualTo(0);
    assertThat(tool.out()).startsWith("version-tools 1.0.0");
    assertThat(run("find", repo.toString(), "--capability", "VERSIONING", "--category", "developer-tools").out())
        .startsWith("version-tools 1.0.0");
    assertThat(run("find", repo.toString(), "--server", "pager").out()).startsWith("ops-plugin 1.0.0");

    MainTest.Run nothing = run("find", repo.toString(), "--name", "team-plugin", "--range", "^3");
    assertThat(nothing.exit()).isEqualTo(1);
    assertThat(nothing.out()).contains("no plugin matches");

    MainTest.Run bad = run("find", repo.toString(), "--name", "team-plugin", "--range", "^1.2 ||");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("range \"^1.2 ||\" is not a valid SemVer range");
    assertThat(run("find", repo.toString(), "--range", "latest").exit()).isEqualTo(2);
  }

  @Test
  void diffFailsAPatchReleaseThatRemovesATool() throws Exception {
    MainTest.Run patch = run("diff", tools100.toString(), tools101.toString());
    assertThat(patch.exit()).isEqualTo(1);
    assertThat(patch.out()).contains("version-tools 1.0.0 -> 1.0.1 declares a PATCH bump, but the changes need"
        + " MAJOR; bump the version to at least 2.0.0");
    assertThat(patch.out()).contains("  ! MAJOR tool \"bump\": removed");

    MainTest.Run major = run("diff", tools100.toString(), tools200.toString());
    assertWithMessage(major.out()).that(major.exit()).isEqualTo(0);
    assertThat(major.out()).contains("declares a MAJOR bump; the changes need MAJOR: compatible");

    MainTest.Run back = run("diff", "--json", tools101.toString(), tools200.toString());
    assertThat(back.exit()).isEqualTo(0);
    assertThat(back.json().path("plugins").get(0).path("required").asText()).isEqualTo("NONE");

    MainTest.Run added = run("diff", "--json", tools101.toString(), tools100.toString());
    assertThat(added.exit()).isEqualTo(1);
    JsonNode change = added.json().path("plugins").get(0).path("changes").get(0);
    assertThat(change.path("bump").asText()).isEqualTo("MINOR");
    assertThat(change.path("subject").asText()).isEqualTo("tool \"bump\"");

    assertThat(run("diff", tools100.toString(), tmp.resolve("missing.jar").toString()).exit()).isEqualTo(2);
  }

  @Test
  void doctorPrintsAMissingCommandAndAMissingVariableWithTheirFixes() throws Exception {
    MainTest.Run doctor = run("doctor", "--offline", doctorJar.toString());
    assertThat(doctor.exit()).isEqualTo(1);
    assertThat(doctor.out()).contains("needs-plugin 1.0.0: 2 missing");
    assertThat(doctor.out()).contains("MISSING  db  command codexplugin-no-such-tool: not on PATH; install"
        + " codexplugin-no-such-tool and put codexplugin-no-such-tool on PATH");
    assertThat(doctor.out()).contains("MISSING  db  environment CODEXPLUGIN_TEST_UNSET_VARIABLE: not set; set it"
        + " before starting Codex, e.g. export CODEXPLUGIN_TEST_UNSET_VARIABLE=...; Codex forwards it to the server"
        + " (env_vars)");
    assertThat(doctor.out()).contains("MANUAL  db  requirement Docker 24+");
    assertThat(doctor.out()).contains("2 missing piece(s)");

    JsonNode json = run("doctor", "--offline", "--json", doctorJar.toString()).json();
    assertThat(json.path("ok").asBoolean()).isFalse();
    assertThat(json.path("plugins").get(0).path("checks").findValuesAsText("status"))
        .containsExactly("MISSING", "MISSING", "MANUAL", "SKIPPED").inOrder();
    // a server whose command is missing is not started; from a jar none is (--no-start leaves the check out)
    assertThat(doctor.out()).contains("SKIPPED  db  start codexplugin-no-such-tool");
    JsonNode quick = run("doctor", "--offline", "--json", "--no-start", doctorJar.toString()).json();
    assertThat(quick.path("plugins").get(0).path("checks").findValuesAsText("kind")).doesNotContain("START");

    // the Java tools need the java this test runs on, which is on PATH for the build
    assertThat(run("doctor", tmp.resolve("nothing").toString()).exit()).isEqualTo(2);
  }

  @Test
  void theHelpNamesTheNewCommands() {
    MainTest.Run none = run();
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("name a command: inspect, validate, export, list, find, diff, doctor, init, add,"
        + " install, update, outdated, remove, rollback or status");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target);
        }
      }
    }
  }
}
