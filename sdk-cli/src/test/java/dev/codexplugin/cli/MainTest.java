package dev.codexplugin.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process on jars compiled with the real annotation processor and on folders. */
class MainTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path jars;
  static Path team;
  static Path ops;
  static Path clash;

  @TempDir Path tmp;

  /** One command's exit code and output. */
  record Run(int exit, String out, String err) {
    JsonNode json() throws IOException {
      return JSON.readTree(out);
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @BeforeAll
  static void compilePlugins() throws IOException {
    team = PluginJars.compile(jars, "team-1.0.0.jar", PluginJars.plugin("com.acme.team", "team-plugin", "github"));
    ops = PluginJars.compile(jars, "ops-1.0.0.jar", PluginJars.plugin("com.acme.ops", "ops-plugin", "pager"));
    // a second jar whose server name clashes with the team plugin's
    clash = PluginJars.compile(jars, "clash-1.0.0.jar", PluginJars.plugin("com.acme.clash", "clash-plugin", "github"));
  }

  @Test
  void inspectShowsTheBundleAsTextAndJson() throws Exception {
    Run text = run("inspect", team.toString());
    assertWithMessage(text.err()).that(text.exit()).isEqualTo(0);
    assertThat(text.out()).contains("team-plugin 1.0.0 - The team-plugin plugin");
    assertThat(text.out()).contains("team-plugin:review");
    assertThat(text.out()).contains("github  stdio npx -y @acme/github  needs ACME_TOKEN");

    Run json = run("inspect", "--json", team.toString());
    assertThat(json.exit()).isEqualTo(0);
    JsonNode bundle = json.json().path("bundles").get(0);
    assertThat(bundle.path("name").asText()).isEqualTo("team-plugin");
    assertThat(bundle.path("skills").get(0).path("qualifiedName").asText()).isEqualTo("team-plugin:review");
    assertThat(json.json().path("errors").size()).isEqualTo(0);

    Run missing = run("inspect", tmp.resolve("nope.jar").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.out()).contains("[codexplugin:NoBundle]");
  }

  @Test
  void validatePassesAGoodJarAndReportsCodesOnAHandWrittenFolder() throws Exception {
    Run good = run("validate", team.toString());
    assertThat(good.exit()).isEqualTo(0);
    assertThat(good.out()).contains("valid: 1 bundle(s), 0 error(s)");

    Path folder = write(tmp.resolve("hand-written"), Map.of(
        ".codex-plugin/plugin.json", """
            {"name": "hand-written", "version": "1.0 beta", "description": "Written by hand",
             "skills": "./skills/", "interface": {"brandColor": "red"}}
            """,
        "skills/notes/SKILL.md", "---\nname: \"notes\"\n---\n# Notes\n"));
    Run bad = run("validate", folder.toString());
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.out()).contains("[codexplugin:BadVersion]");
    assertThat(bad.out()).contains(".codex-plugin/plugin.json: version \"1.0 beta\"");
    assertThat(bad.out()).contains("[codexplugin:Missing]");
    assertThat(bad.out()).contains("skills/notes/SKILL.md");
    assertThat(bad.out()).contains("invalid: 0 bundle(s)");

    Run json = run("validate", "--json", folder.toString());
    assertThat(json.exit()).isEqualTo(1);
    assertThat(json.json().path("valid").asBoolean()).isFalse();
    assertThat(json.json().path("findings").findValuesAsText("code")).contains("BadVersion");

    // --strict also fails on warnings: a color that is not #RRGGBB is a publishing rule
    Path warned = write(tmp.resolve("warned"), Map.of(".codex-plugin/plugin.json",
        "{\"name\": \"warned\", \"version\": \"1.0.0\", \"description\": \"x\", \"interface\": {\"brandColor\": \"red\"}}"));
    assertThat(run("validate", warned.toString()).exit()).isEqualTo(0);
    Run strict = run("validate", "--strict", warned.toString());
    assertThat(strict.exit()).isEqualTo(1);
    assertThat(strict.out()).contains("[codexplugin:BadColor]");
  }

  @Test
  void validateReadsAHandWrittenClaudeCodePlugin() throws Exception {
    Path folder = write(tmp.resolve("claude-plugin"), Map.of(
        ".claude-plugin/plugin.json", """
            {"name": "claude-plugin", "version": "1.2.0", "description": "For Claude Code",
             "author": {"name": "Acme"}}
            """,
        "skills/triage/SKILL.md", """
            ---
            name: "triage"
            description: "Triage incoming issues. Use when asked to label or route an issue."
            ---
            # Triage
            """));
    Run run = run("validate", folder.toString());
    assertWithMessage(run.out()).that(run.exit()).isEqualTo(0);
    Run inspect = run("inspect", folder.toString());
    assertThat(inspect.out()).contains("claude-plugin:triage");
  }

  @Test
  void exportWritesAnInstallableMarketplaceDeterministically() throws Exception {
    Path out = tmp.resolve("a/team-tools");
    Run first = run("export", team.toString(), ops.toString(), "--out", out.toString(), "--format", "both",
        "--display-name", "Team Tools", "--zip", tmp.resolve("a/team-tools.zip").toString());
    assertWithMessage(first.err()).that(first.exit()).isEqualTo(0);
    assertThat(first.out()).contains("exported marketplace team-tools (Codex and Claude Code) to "
        + out.toAbsolutePath());
    assertThat(first.out()).contains("codex plugin marketplace add " + out.toAbsolutePath());
    assertThat(first.out()).contains("codex plugin add ops-plugin@team-tools");
    assertThat(first.out()).contains("claude plugin install team-plugin@team-tools");
    for (String file : new String[] {".agents/plugins/marketplace.json", ".claude-plugin/marketplace.json",
        "plugins/team-plugin/.codex-plugin/plugin.json", "plugins/team-plugin/.claude-plugin/plugin.json",
        "plugins/ops-plugin/skills/review/SKILL.md", ".codexplugin-export"}) {
      assertWithMessage(file).that(Files.isRegularFile(out.resolve(file))).isTrue();
    }

    // the same command elsewhere gives the same bytes, and so does running it again in place
    Path other = tmp.resolve("b/team-tools");
    assertThat(run("export", ops.toString(), team.toString(), "--out", other.toString(), "--format", "both",
        "--display-name", "Team Tools", "--zip", tmp.resolve("b/team-tools.zip").toString()).exit()).isEqualTo(0);
    assertThat(snapshot(other)).isEqualTo(snapshot(out));
    assertThat(Files.readAllBytes(tmp.resolve("b/team-tools.zip")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("a/team-tools.zip")));
    assertThat(run("export", team.toString(), ops.toString(), "--out", out.toString(), "--format", "both",
        "--display-name", "Team Tools").exit()).isEqualTo(0);
    assertThat(snapshot(out)).isEqualTo(snapshot(other));

    // list and inspect read the exported marketplace
    Run list = run("list", out.toString());
    assertWithMessage(list.out() + list.err()).that(list.exit()).isEqualTo(0);
    assertThat(list.out()).contains("team-tools \"Team Tools\"  Codex: ");
    assertThat(list.out()).contains("  ops-plugin 1.0.0  ./plugins/ops-plugin  AVAILABLE/ON_INSTALL  productivity");
    assertThat(list.out()).contains("    skills: team-plugin:review");
    assertThat(list.out()).contains("    MCP servers: pager");
    // both marketplace files list the same folders: one copy of each plugin, no conflict
    assertThat(list.out()).doesNotContain("DuplicatePlugin");
    JsonNode json = run("list", "--json", out.toString()).json();
    assertThat(json.path("marketplaces").size()).isEqualTo(2);
    assertThat(json.path("marketplaces").get(1).path("host").asText()).isEqualTo("claude");
    assertThat(json.path("marketplaces").get(0).path("plugins").findValuesAsText("name"))
        .containsExactly("ops-plugin", "team-plugin").inOrder();
    Run inspect = run("inspect", out.toString());
    assertThat(inspect.out()).contains("ops-plugin 1.0.0");
    assertThat(inspect.out()).contains("team-plugin 1.0.0");
    assertThat(run("validate", out.toString()).exit()).isEqualTo(0);
  }

  @Test
  void exportOptionsReachTheMarketplaceFile() throws Exception {
    Path out = tmp.resolve("out");
    Run run = run("export", team.toString(), "-o", out.toString(), "-m", "acme_tools", "--category", "devtools",
        "--installation", "installed_by_default", "--authentication", "on_use", "--format", "codex");
    assertWithMessage(run.err()).that(run.exit()).isEqualTo(0);
    String marketplace = Files.readString(out.resolve(".agents/plugins/marketplace.json"));
    assertThat(marketplace).contains("\"name\": \"acme_tools\"");
    assertThat(marketplace).contains("\"installation\": \"INSTALLED_BY_DEFAULT\"");
    assertThat(marketplace).contains("\"authentication\": \"ON_USE\"");
    assertThat(marketplace).contains("\"category\": \"devtools\"");
    assertThat(Files.exists(out.resolve(".claude-plugin"))).isFalse();
  }

  @Test
  void exportCopiesLibrariesForJavaToolsFromJarsAndFolders() throws Exception {
    // a bundle with Java tools, laid out as the processor writes one: mcp-tools.json and a java server
    Path classes = write(tmp.resolve("tools-classes"), Map.of(
        "META-INF/codex-plugins/index.json", "{\"formatVersion\": 1, \"bundles\": [{\"name\": \"tools-plugin\","
            + " \"version\": \"1.0.0\", \"files\": [\".codex-plugin/plugin.json\", \".mcp.json\","
            + " \"mcp-tools.json\"]}]}",
        "META-INF/codex-plugins/tools-plugin/.codex-plugin/plugin.json",
        "{\"name\": \"tools-plugin\", \"version\": \"1.0.0\", \"description\": \"Java tools\"}",
        "META-INF/codex-plugins/tools-plugin/.mcp.json", "{\"mcpServers\": {\"tools\": {\"command\": \"java\","
            + " \"args\": [\"-cp\", \"lib/*\", \"com.acme.Main\"], \"cwd\": \".\"}}}",
        "META-INF/codex-plugins/tools-plugin/mcp-tools.json", "{\"tools\": []}",
        "com/acme/Main.class", "not really a class"));
    Path jar = PluginJars.jar(classes, tmp.resolve("tools-1.0.0.jar"));
    Path deps = write(tmp.resolve("deps"), Map.of("jackson-core-2.21.1.jar", "a", "jackson-databind-2.21.1.jar", "b",
        "README.txt", "not a jar"));
    Path extra = Files.writeString(tmp.resolve("picocli-4.7.7.jar"), "c");
    Path out = tmp.resolve("tools-market");
    Run run = run("export", jar.toString(), "--out", out.toString(), "--lib", deps.toString(), "--lib",
        extra.toString());
    assertWithMessage(run.err()).that(run.exit()).isEqualTo(0);
    assertThat(run.out()).contains("lib: 4 jar(s)");
    try (Stream<Path> lib = Files.list(out.resolve("plugins/tools-plugin/lib"))) {
      assertThat(lib.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
          "jackson-core-2.21.1.jar", "jackson-databind-2.21.1.jar", "picocli-4.7.7.jar", "tools-1.0.0.jar").inOrder();
    }
    assertThat(Files.readAllBytes(out.resolve("plugins/tools-plugin/lib/tools-1.0.0.jar")))
        .isEqualTo(Files.readAllBytes(jar));
    // bundles without Java tools get no lib/, whatever --lib says
    Path plain = tmp.resolve("plain-market");
    assertThat(run("export", team.toString(), "--out", plain.toString(), "--lib", deps.toString()).exit()).isEqualTo(0);
    assertThat(Files.exists(plain.resolve("plugins/team-plugin/lib"))).isFalse();
  }

  /** A jar with Java tools as the processor lays one out; {@code pom} adds Maven's META-INF/maven/ entries. */
  private Path toolsJar(String name, String pom) throws IOException {
    Map<String, String> files = new java.util.HashMap<>(Map.of(
        "META-INF/codex-plugins/index.json", "{\"formatVersion\": 1, \"bundles\": [{\"name\": \"tools-plugin\","
            + " \"version\": \"1.0.0\", \"files\": [\".codex-plugin/plugin.json\", \".mcp.json\","
            + " \"mcp-tools.json\"]}]}",
        "META-INF/codex-plugins/tools-plugin/.codex-plugin/plugin.json",
        "{\"name\": \"tools-plugin\", \"version\": \"1.0.0\", \"description\": \"Java tools\"}",
        "META-INF/codex-plugins/tools-plugin/.mcp.json", "{\"mcpServers\": {\"tools\": {\"command\": \"java\","
            + " \"args\": [\"-cp\", \"lib/*\", \"com.acme.Main\"], \"cwd\": \".\"}}}",
        "META-INF/codex-plugins/tools-plugin/mcp-tools.json", "{\"tools\": []}"));
    if (pom != null) {
      files.put("META-INF/maven/com.acme/tools/pom.properties", "groupId=com.acme\nartifactId=tools\nversion=1.0.0\n");
      files.put("META-INF/maven/com.acme/tools/pom.xml", pom);
    }
    return PluginJars.jar(write(tmp.resolve(name + "-classes"), files), tmp.resolve(name + "-1.0.0.jar"));
  }

  private static String pom(String dependencies) {
    return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
        + "<groupId>com.acme</groupId><artifactId>tools</artifactId><version>1.0.0</version><dependencies>"
        + dependencies + "</dependencies></project>\n";
  }

  @Test
  void exportWithoutLibResolvesTheRuntimeDependenciesFromThePomInTheJar() throws Exception {
    // semver4j 6.0.0 (and its jspecify) are in the local repository this build runs with; offline, only there.
    Path localRepository = Path.of(System.getProperty("maven.repo.local",
        System.getProperty("user.home") + "/.m2/repository"));
    Path settings = Files.writeString(tmp.resolve("settings.xml"), "<settings/>\n");
    Path jar = toolsJar("tools", pom("<dependency><groupId>org.semver4j</groupId><artifactId>semver4j</artifactId>"
        + "<version>6.0.0</version></dependency><dependency><groupId>org.junit.jupiter</groupId>"
        + "<artifactId>junit-jupiter-api</artifactId><version>5.14.4</version><scope>test</scope></dependency>"));
    Path out = tmp.resolve("resolved");
    Run run = run("export", jar.toString(), "--out", out.toString(), "--offline", "-s", settings.toString(),
        "--local-repository", localRepository.toString());
    assertWithMessage(run.err()).that(run.exit()).isEqualTo(0);
    assertThat(run.out()).contains("resolved 2 runtime dependencies of " + jar + " from its pom.xml (offline)");
    try (Stream<Path> lib = Files.list(out.resolve("plugins/tools-plugin/lib"))) {
      assertThat(lib.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
          "jspecify-1.0.0.jar", "semver4j-6.0.0.jar", "tools-1.0.0.jar").inOrder();
    }
    assertThat(Files.readAllBytes(out.resolve("plugins/tools-plugin/lib/semver4j-6.0.0.jar"))).isEqualTo(
        Files.readAllBytes(localRepository.resolve("org/semver4j/semver4j/6.0.0/semver4j-6.0.0.jar")));
  }

  @Test
  void exportWithoutLibRefusesWhatItCannotResolveAndWritesNothing() throws Exception {
    Path settings = Files.writeString(tmp.resolve("settings.xml"), "<settings/>\n");
    Path empty = Files.createDirectories(tmp.resolve("empty-local-repository"));

    Path noPom = toolsJar("nopom", null);
    Run withoutPom = run("export", noPom.toString(), "--out", tmp.resolve("a").toString(), "--offline", "-s",
        settings.toString(), "--local-repository", empty.toString());
    assertThat(withoutPom.exit()).isEqualTo(1);
    assertThat(withoutPom.err()).isEqualTo("codexplugin export: " + noPom + ": carries no Maven pom"
        + " (META-INF/maven/<groupId>/<artifactId>/pom.xml with pom.properties), so its runtime dependencies are"
        + " unknown; give the runtime dependencies with --lib <dir> (e.g. the folder `mvn"
        + " dependency:copy-dependencies -DincludeScope=runtime` writes); nothing was written\n");
    assertThat(Files.exists(tmp.resolve("a"))).isFalse();

    Path missing = toolsJar("missing", pom("<dependency><groupId>com.acme.nowhere</groupId>"
        + "<artifactId>nothing</artifactId><version>1.0</version></dependency>"));
    Run offline = run("export", missing.toString(), "--out", tmp.resolve("b").toString(), "--offline", "-s",
        settings.toString(), "--local-repository", empty.toString());
    assertThat(offline.exit()).isEqualTo(1);
    assertThat(offline.err().lines().count()).isEqualTo(1);
    assertThat(offline.err()).startsWith("codexplugin export: " + missing + ": the runtime dependencies of"
        + " com.acme:tools:1.0.0 (its META-INF/maven/com.acme/tools/pom.xml), com.acme.nowhere:nothing:jar:1.0");
    assertThat(offline.err()).contains("offline");
    assertThat(offline.err()).contains("--lib <dir>");
    assertThat(Files.exists(tmp.resolve("b"))).isFalse();

    // --lib still wins: nothing is resolved
    Run given = run("export", missing.toString(), "--out", tmp.resolve("c").toString(), "--offline", "-s",
        settings.toString(), "--local-repository", empty.toString(), "--lib", noPom.toString());
    assertWithMessage(given.err()).that(given.exit()).isEqualTo(0);
    assertThat(given.out()).doesNotContain("resolved");
  }

  @Test
  void exportStopsWithClearErrors() throws Exception {
    Run clashing = run("export", team.toString(), clash.toString(), "--out", tmp.resolve("x").toString());
    assertThat(clashing.exit()).isEqualTo(1);
    assertThat(clashing.err()).contains("[codexplugin:DuplicateServer] MCP server \"github\" is defined by plugin"
        + " \"clash-plugin\" (" + clash.toAbsolutePath() + ") and by plugin \"team-plugin\" ("
        + team.toAbsolutePath() + ")");
    assertThat(Files.exists(tmp.resolve("x"))).isFalse();

    Run twice = run("export", team.toString(), team.toString(), "--out", tmp.resolve("x").toString());
    assertThat(twice.exit()).isEqualTo(1);
    assertThat(twice.err()).contains("[codexplugin:DuplicatePlugin]");

    Path mine = write(tmp.resolve("mine"), Map.of("notes.md", "mine"));
    Run foreign = run("export", team.toString(), "--out", mine.toString());
    assertThat(foreign.exit()).isEqualTo(1);
    assertThat(foreign.err()).contains("[codexplugin:NotAnExport]");
    assertThat(Files.readString(mine.resolve("notes.md"))).isEqualTo("mine");
    assertThat(run("export", team.toString(), "--out", mine.toString(), "--force").exit()).isEqualTo(0);
    assertThat(Files.exists(mine.resolve("notes.md"))).isFalse();

    Run badName = run("export", team.toString(), "--out", tmp.resolve("my.tools").toString());
    assertThat(badName.exit()).isEqualTo(2);
    assertThat(badName.err()).contains("marketplace name \"my.tools\" must be 1-64 characters of letters, digits,"
        + " _ and -");
    assertThat(badName.err()).contains("--marketplace <name>");

    Run notAJar = run("export", Files.writeString(tmp.resolve("readme.txt"), "hi").toString(), "--out",
        tmp.resolve("y").toString());
    assertThat(notAJar.exit()).isEqualTo(1);
    assertThat(notAJar.err()).contains("[codexplugin:InvalidBundle]");
    assertThat(notAJar.err()).contains("[codexplugin:NoBundle]");

    assertThat(run("export", team.toString()).exit()).isEqualTo(2);
    assertThat(run("export", team.toString(), "--out", tmp.resolve("z").toString(), "--format", "cursor").exit())
        .isEqualTo(2);
  }

  @Test
  void listReportsEntriesCodexWouldNotInstall() throws Exception {
    Path root = write(tmp.resolve("market"), Map.of(
        ".agents/plugins/marketplace.json", """
            {"name": "hand.made", "plugins": [
              {"name": "no-dot", "source": {"source": "local", "path": "plugins/no-dot"}},
              {"name": "gone", "source": {"source": "local", "path": "./plugins/gone"}},
              {"name": "renamed", "source": {"source": "local", "path": "./plugins/real"}}]}
            """,
        "plugins/no-dot/.codex-plugin/plugin.json", "{\"name\": \"no-dot\", \"version\": \"1.0.0\", \"description\": \"x\"}",
        "plugins/real/.codex-plugin/plugin.json", "{\"name\": \"real\", \"version\": \"1.0.0\", \"description\": \"x\"}"));
    Run list = run("list", root.toString());
    assertThat(list.exit()).isEqualTo(1);
    assertThat(list.out()).contains("[codexplugin:BadKey]");
    assertThat(list.out()).contains("name \"hand.made\"");
    assertThat(list.out()).contains("[codexplugin:BadPath]");
    assertThat(list.out()).contains("plugins[0].source.path \"plugins/no-dot\"");
    assertThat(list.out()).contains("[codexplugin:MissingFile]");
    assertThat(list.out()).contains("plugins[1].source.path \"./plugins/gone\"");
    assertThat(list.out()).contains("[codexplugin:NameMismatch]");
    assertThat(list.out()).contains("plugins[2].name \"renamed\" must equal the plugin's manifest name \"real\"");
    assertThat(run("validate", root.toString()).exit()).isEqualTo(1);

    Run notAMarketplace = run("list", tmp.toString());
    assertThat(notAMarketplace.exit()).isEqualTo(2);
    assertThat(notAMarketplace.out()).contains("[codexplugin:NoBundle]");
    assertThat(run("list", tmp.resolve("missing").toString()).exit()).isEqualTo(2);
  }

  @Test
  void noCommandIsAUsageError() {
    Run run = run();
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("name a command: inspect, validate, export, list, find, diff, doctor, init, add,");
  }

  private static Path write(Path root, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> f : new HashMap<>(files).entrySet()) {
      Path file = root.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
    }
    return root;
  }

  private static SortedMap<String, String> snapshot(Path root) throws IOException {
    SortedMap<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }
}
