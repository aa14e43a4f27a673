package dev.codexplugin.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalogs of real jars, a marketplace folder, a Codex cache and a class path. */
class PluginCatalogTest {
  @TempDir static Path repo;
  @TempDir Path tmp;

  /** team 1.0.0, 1.2.0, 1.3.0-rc.1, 2.0.0; ops; tools; a clash plugin; a library jar without a bundle. */
  @BeforeAll
  static void jars() throws IOException {
    for (String version : List.of("1.0.0", "1.2.0", "1.3.0-rc.1", "2.0.0")) {
      jar("team/team-" + version + ".jar", "team-workflow-plugin",
          CatalogFixtures.files(ExportFixtures.team("team-workflow-plugin", version, "github", "tracker")));
    }
    jar("ops-1.0.0.jar", "ops-plugin", CatalogFixtures.files(CatalogFixtures.ops("1.0.0")));
    jar("tools-2.1.0.jar", "version-tools", CatalogFixtures.withTools(
        CatalogFixtures.javaTools("version-tools", "2.1.0", "versions"), CatalogFixtures.COMPARE, CatalogFixtures.BUMP));
    // another team's plugin that reuses the server name "github" and the skill name "code-review"
    jar("clash-1.0.0.jar", "alpha-plugin",
        CatalogFixtures.files(ExportFixtures.team("alpha-plugin", "1.0.0", "github", "alpha-tracker")));
    SortedMap<String, byte[]> library = new TreeMap<>(Map.of("org/lib/Lib.class", new byte[] {1, 2, 3}));
    ExportFixtures.zip(repo.resolve("lib/some-library-1.0.jar"), library);
  }

  private static void jar(String file, String name, SortedMap<String, byte[]> files) throws IOException {
    ExportFixtures.jar(repo.resolve(file), Map.of(name, files));
  }

  @Test
  void aFolderOfJarsIsReadInSubfoldersAndLibrariesAreSkipped() {
    PluginCatalog catalog = PluginCatalog.fromJars(repo);
    assertThat(catalog.names()).containsExactly("alpha-plugin", "ops-plugin", "team-workflow-plugin", "version-tools")
        .inOrder();
    assertThat(catalog.versions("team-workflow-plugin").stream().map(PluginCatalog.Entry::version).toList())
        .containsExactly("1.0.0", "1.2.0", "1.3.0-rc.1", "2.0.0").inOrder();
    assertThat(catalog.versions("team-workflow-plugin").get(0).source())
        .isEqualTo(repo.resolve("team/team-1.0.0.jar").toString());
    assertThat(catalog.findings().stream().map(f -> f.code()).toList()).doesNotContain(FindingCode.NO_BUNDLE);
    assertThat(PluginCatalog.open(repo).entries()).isEqualTo(catalog.entries());
  }

  @Test
  void nameAndRangeFindTheLatestCompatibleVersion() {
    PluginCatalog catalog = PluginCatalog.fromJars(repo);
    String team = "team-workflow-plugin";
    assertThat(versions(catalog.find(PluginQuery.all().named(team).inRange("^1.2")))).containsExactly("1.2.0");
    assertThat(versions(catalog.find(PluginQuery.all().named(team).inRange("^1.2").includingPreReleases())))
        .containsExactly("1.2.0", "1.3.0-rc.1").inOrder();
    assertThat(versions(catalog.find(PluginQuery.all().named(team).inRange(">=1 <2")))).containsExactly("1.0.0", "1.2.0");
    assertThat(versions(catalog.find(PluginQuery.all().named(team).inRange("1.x || >=2"))))
        .containsExactly("1.0.0", "1.2.0", "2.0.0");
    assertThat(versions(catalog.find(PluginQuery.all().named(team).inRange("~1.2")))).containsExactly("1.2.0");
    assertThat(catalog.latest(team, VersionRange.parse("^1")).orElseThrow().version()).isEqualTo("1.2.0");
    assertThat(catalog.latest(team, VersionRange.parse("^1").includingPreReleases()).orElseThrow().version())
        .isEqualTo("1.3.0-rc.1");
    assertThat(catalog.latest(team, VersionRange.any()).orElseThrow().version()).isEqualTo("2.0.0");
    assertThat(catalog.latest(team, VersionRange.parse("^3"))).isEmpty();
    assertThat(catalog.latest(PluginQuery.all()).stream().map(e -> e.name() + "@" + e.version()).toList())
        .containsExactly("alpha-plugin@1.0.0", "ops-plugin@1.0.0", "team-workflow-plugin@2.0.0",
            "version-tools@2.1.0").inOrder();
    // an unparsable range is an error, never "any version"
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PluginQuery.all().named(team).inRange("^1.2 ||"));
    assertThat(e).hasMessageThat().contains("range \"^1.2 ||\"");
  }

  @Test
  void capabilityCategoryAndKeywordIgnoreCase() {
    PluginCatalog catalog = PluginCatalog.fromJars(repo);
    assertThat(names(catalog.latest(PluginQuery.all().withCapability("Incident-Response")))).containsExactly("ops-plugin");
    assertThat(names(catalog.latest(PluginQuery.all().inCategory("productivity"))))
        .containsExactly("alpha-plugin", "team-workflow-plugin").inOrder();
    assertThat(names(catalog.latest(PluginQuery.all().withKeyword("incidents")))).containsExactly("ops-plugin");
    assertThat(names(catalog.latest(PluginQuery.all().withCapability("versioning").inCategory("developer-tools"))))
        .containsExactly("version-tools");
    assertThat(catalog.find(PluginQuery.all().withCapability("versioning").inCategory("productivity"))).isEmpty();
  }

  @Test
  void skillsServersAndToolsAreFoundAcrossPlugins() {
    PluginCatalog catalog = PluginCatalog.fromJars(repo);
    List<PluginCatalog.Match<ToolSpec>> compare = catalog.tools("compare");
    assertThat(compare).hasSize(1);
    ToolSpec tool = compare.get(0).part();
    assertThat(compare.get(0).entry().name()).isEqualTo("version-tools");
    assertThat(tool.server()).isEqualTo("versions");
    assertThat(tool.title()).isEqualTo("Compare versions");
    assertThat(tool.qualifiedName()).isEqualTo("mcp__versions__compare");
    assertThat(tool.readOnlyHint()).hasValue(true);
    assertThat(tool.destructiveHint()).isEmpty();
    assertThat(tool.inputSchema()).contains("\"required\":[\"a\",\"b\"]");
    assertThat(tool.outputSchema()).contains("\"order\"");
    assertThat(catalog.tools("nope")).isEmpty();

    assertThat(catalog.mcpServers("github").stream().map(m -> m.entry().name()).distinct().toList())
        .containsExactly("alpha-plugin", "team-workflow-plugin").inOrder();
    assertThat(catalog.mcpServers("pager").get(0).part().transport()).isEqualTo(McpServerSpec.Transport.HTTP);
    assertThat(catalog.skills("triage").stream().map(m -> m.entry().name()).toList()).containsExactly("ops-plugin");
    assertThat(names(catalog.latest(PluginQuery.all().withTool("bump")))).containsExactly("version-tools");
    assertThat(names(catalog.latest(PluginQuery.all().withMcpServer("github"))))
        .containsExactly("alpha-plugin", "team-workflow-plugin");
    assertThat(names(catalog.latest(PluginQuery.all().withSkill("testing"))))
        .containsExactly("alpha-plugin", "team-workflow-plugin");
  }

  @Test
  void conflictsAreReported() {
    // A folder of releases (a Maven repository) holds every version side by side: no DuplicatePlugin there.
    PluginCatalog catalog = PluginCatalog.fromJars(repo);
    List<Finding> conflicts = catalog.conflicts();
    assertThat(conflicts.stream().map(f -> f.code().id()).toList()).containsExactly("DuplicateServer",
        "DuplicateSkill", "DuplicateSkill").inOrder();
    // Where a host loads one version, four copies of one plugin are worth a warning.
    List<Finding> loaded = PluginCatalog.of(catalog.entries().stream().map(PluginCatalog.Entry::bundle).toList())
        .conflicts();
    assertThat(loaded.stream().map(f -> f.code().id()).toList()).contains("DuplicatePlugin");
    Finding versions = loaded.get(0);
    assertThat(versions.isError()).isFalse();
    assertThat(versions.toString()).startsWith("[codexplugin:DuplicatePlugin] warning: plugin \"team-workflow-plugin\""
        + " should be present at one version only; found 4 copies: 1.0.0 (" + repo.resolve("team/team-1.0.0.jar"));
    Finding server = conflicts.get(0);
    assertThat(server.isError()).isTrue();
    assertThat(server.toString()).startsWith("[codexplugin:DuplicateServer] MCP server \"github\" must be unique"
        + " across the plugins a user installs; found it in alpha-plugin 1.0.0 (");
    assertThat(server.message()).contains("and team-workflow-plugin 2.0.0 (");
    assertThat(server.message()).contains("Codex starts only the one of alpha-plugin (the first by plugin id)");
    assertThat(conflicts.get(1).message()).contains("Codex lists both, as alpha-plugin:code-review and"
        + " team-workflow-plugin:code-review");
    assertThat(catalog.hasErrors()).isTrue();

    // one version of each plugin, no shared names: nothing to report
    PluginCatalog clean = PluginCatalog.of(List.of(CatalogFixtures.ops("1.0.0"),
        CatalogFixtures.javaTools("version-tools", "2.1.0", "versions")));
    assertThat(clean.conflicts()).isEmpty();
    assertThat(clean.hasErrors()).isFalse();
  }

  @Test
  void aMarketplaceAndTheCodexCacheAreCatalogs() throws Exception {
    Path market = tmp.resolve("team-tools");
    MarketplaceExport.builder().marketplaceName("team-tools")
        .addJar(repo.resolve("team/team-1.2.0.jar")).addJar(repo.resolve("ops-1.0.0.jar")).build().exportTo(market);
    PluginCatalog fromMarket = PluginCatalog.fromMarketplace(market);
    assertThat(fromMarket.entries().stream().map(e -> e.id() + " " + e.version()).toList()).containsExactly(
        "ops-plugin@team-tools 1.0.0", "team-workflow-plugin@team-tools 1.2.0").inOrder();
    assertThat(fromMarket.findings()).isEmpty();
    assertThat(fromMarket.entries().get(1).source()).isEqualTo(market.resolve("plugins/team-workflow-plugin").toString());
    assertThat(PluginCatalog.open(market).entries()).isEqualTo(fromMarket.entries());

    // $CODEX_HOME/plugins/cache/<marketplace>/<plugin>/<version>/, as `codex plugin add` writes it
    Path home = tmp.resolve("codex-home");
    for (String plugin : List.of("team-workflow-plugin", "ops-plugin")) {
      String version = plugin.startsWith("team") ? "1.2.0" : "1.0.0";
      copy(market.resolve("plugins/" + plugin), home.resolve("plugins/cache/team-tools/" + plugin + "/" + version));
    }
    PluginCatalog installed = PluginCatalog.fromCodexHome(home);
    assertThat(installed.entries().stream().map(e -> e.id() + " " + e.version()).toList())
        .containsExactly("ops-plugin@team-tools 1.0.0", "team-workflow-plugin@team-tools 1.2.0").inOrder();
    assertThat(installed.findings()).isEmpty();
    assertThat(PluginCatalog.open(home).entries()).isEqualTo(installed.entries());
    assertThat(PluginCatalog.open(home.resolve("plugins/cache")).entries()).isEqualTo(installed.entries());
    assertThat(PluginCatalog.fromCodexHome(tmp.resolve("nowhere")).findings().get(0).code())
        .isEqualTo(FindingCode.NO_BUNDLE);
  }

  @Test
  void twoVersionsOfAPluginConflictOnlyWhereAHostLoadsOne() throws Exception {
    // one marketplace naming team-workflow-plugin twice: both hosts install the first entry only
    Path market = tmp.resolve("twice");
    MarketplaceExport.builder().marketplaceName("twice").addJar(repo.resolve("team/team-1.2.0.jar")).build()
        .exportTo(market);
    copy(market.resolve("plugins/team-workflow-plugin"), market.resolve("plugins/team-2"));
    Path file = market.resolve(".agents/plugins/marketplace.json");
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode json =
        (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(file.toFile());
    com.fasterxml.jackson.databind.node.ObjectNode second = json.withArray("plugins").get(0).deepCopy();
    second.with("source").put("path", "./plugins/team-2");
    json.withArray("plugins").add(second);
    mapper.writeValue(file.toFile(), json);
    List<Finding> twice = PluginCatalog.fromMarketplace(market).conflicts();
    assertThat(twice.stream().map(f -> f.code().id()).toList()).containsExactly("DuplicatePlugin");
    assertThat(twice.get(0).toString()).startsWith("[codexplugin:DuplicatePlugin] warning: plugin"
        + " \"team-workflow-plugin@twice\" should be present at one version only; found 2 copies: 1.2.0 (");
    assertThat(twice.get(0).message()).endsWith("Codex and Claude Code load one of them; remove the others.");

    // a Codex home: two versions in one <marketplace>/<plugin> conflict; the same plugin from two marketplaces
    // is two plugins (both hosts install and enable both)
    Path home = tmp.resolve("codex-home");
    copy(market.resolve("plugins/team-workflow-plugin"), home.resolve("plugins/cache/a/team-workflow-plugin/1.2.0"));
    copy(market.resolve("plugins/team-workflow-plugin"), home.resolve("plugins/cache/b/team-workflow-plugin/1.2.0"));
    assertThat(PluginCatalog.fromCodexHome(home).conflicts()).isEmpty();
    copy(market.resolve("plugins/team-workflow-plugin"), home.resolve("plugins/cache/b/team-workflow-plugin/local"));
    assertThat(PluginCatalog.fromCodexHome(home).conflicts().stream().map(Finding::toString).toList())
        .containsExactly("[codexplugin:DuplicatePlugin] warning: plugin \"team-workflow-plugin@b\" should be present"
            + " at one version only; found 2 copies: 1.2.0 (" + home.resolve("plugins/cache/b/team-workflow-plugin/1.2.0")
            + "), 1.2.0 (" + home.resolve("plugins/cache/b/team-workflow-plugin/local") + "). Codex and Claude Code"
            + " load one of them; remove the others.");

    // a class path holding two versions of one plugin
    URL[] urls = {repo.resolve("team/team-1.0.0.jar").toUri().toURL(), repo.resolve("team/team-2.0.0.jar").toUri().toURL()};
    try (URLClassLoader loader = new URLClassLoader(urls, null)) {
      List<Finding> onClassPath = PluginCatalog.fromClassPath(loader).conflicts();
      assertThat(onClassPath.stream().map(f -> f.code().id()).toList()).containsExactly("DuplicatePlugin");
      assertThat(onClassPath.get(0).message()).endsWith("A class path should hold one version of a plugin; remove the"
          + " others.");
    }
  }

  @Test
  void aClassPathIsACatalog() throws Exception {
    URL[] urls = {repo.resolve("ops-1.0.0.jar").toUri().toURL(), repo.resolve("tools-2.1.0.jar").toUri().toURL()};
    try (URLClassLoader loader = new URLClassLoader(urls, null)) {
      PluginCatalog catalog = PluginCatalog.fromClassPath(loader);
      assertThat(catalog.names()).containsExactly("ops-plugin", "version-tools").inOrder();
      assertThat(catalog.tools("bump")).hasSize(1);
      assertThat(catalog.conflicts()).isEmpty();
    }
  }

  @Test
  void aBrokenJarIsAFindingAndTheOthersStay() throws IOException {
    Path folder = tmp.resolve("jars");
    Files.createDirectories(folder);
    Files.copy(repo.resolve("ops-1.0.0.jar"), folder.resolve("ops-1.0.0.jar"));
    SortedMap<String, byte[]> broken = CatalogFixtures.files(CatalogFixtures.ops("1.0.1"));
    broken.put(".codex-plugin/plugin.json", "{\"name\": ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    ExportFixtures.jar(folder.resolve("ops-1.0.1.jar"), Map.of("ops-plugin", broken));
    PluginCatalog catalog = PluginCatalog.fromJars(folder);
    assertThat(versions(catalog.entries())).containsExactly("1.0.0");
    assertThat(catalog.findings().get(0).code()).isEqualTo(FindingCode.BAD_JSON);
    assertThat(catalog.findings().get(0).location()).contains("ops-1.0.1.jar");
  }

  private static List<String> versions(List<PluginCatalog.Entry> entries) {
    return entries.stream().map(PluginCatalog.Entry::version).toList();
  }

  private static List<String> names(List<PluginCatalog.Entry> entries) {
    return entries.stream().map(PluginCatalog.Entry::name).toList();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
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

  /** Issue 12 item 4: a folder without a manifest takes its marketplace entry's version and description. */
  @Test
  void aFolderWithoutAManifestTakesTheEntrysVersionAndDescription() throws IOException {
    Path market = tmp.resolve("market");
    Files.createDirectories(market.resolve(".claude-plugin"));
    Files.writeString(market.resolve(".claude-plugin/marketplace.json"), """
        {"name": "lab", "owner": {"name": "Lab"}, "plugins": [
          {"name": "plugin-dev", "source": "./plugins/plugin-dev", "version": "0.1.0",
           "description": "Toolkit for developing plugins"},
          {"name": "own", "source": "./plugins/own", "version": "9.9.9", "description": "the entry's"}]}
        """);
    Path skill = market.resolve("plugins/plugin-dev/skills/hooks/SKILL.md");
    Files.createDirectories(skill.getParent());
    Files.writeString(skill, "---\nname: hooks\ndescription: Write hooks. Use when asked about hooks.\n---\n# Hooks\n");
    Path own = market.resolve("plugins/own/.claude-plugin/plugin.json");
    Files.createDirectories(own.getParent());
    Files.writeString(own, "{\"name\": \"own\", \"version\": \"1.0.0\", \"description\": \"its own\"}");
    PluginCatalog catalog = PluginCatalog.fromMarketplace(market);
    PluginBundle dev = catalog.versions("plugin-dev").get(0).bundle();
    assertThat(dev.version()).isEqualTo("0.1.0");
    assertThat(dev.manifest().description()).isEqualTo("Toolkit for developing plugins");
    assertThat(catalog.findings().stream().filter(f -> f.code() == FindingCode.MISSING
        && f.location().contains("plugin-dev")).toList()).isEmpty();
    // negative: a folder with a manifest keeps its own version and description
    PluginBundle mine = catalog.versions("own").get(0).bundle();
    assertThat(mine.version()).isEqualTo("1.0.0");
    assertThat(mine.manifest().description()).isEqualTo("its own");
  }

  /**
   * Issue 12 item 3: an entry with {@code "strict": false} defines the plugin (the 12 LSP entries of
   * claude-plugins-official: a folder holding only a LICENSE). Codex installs it with the entry's name and
   * version, Claude Code validates the root; without {@code strict: false} the same folder is no plugin.
   */
  @Test
  void anEntryWithStrictFalseDefinesThePlugin() throws IOException {
    Path market = tmp.resolve("lsp-market");
    Files.createDirectories(market.resolve(".claude-plugin"));
    Files.writeString(market.resolve(".claude-plugin/marketplace.json"), """
        {"name": "lab", "owner": {"name": "Lab"}, "plugins": [
          {"name": "clangd-lsp", "source": "./plugins/clangd", "version": "1.0.0", "strict": false,
           "description": "C/C++ language server (clangd) for code intelligence",
           "lspServers": {"clangd": {"command": "clangd", "extensionToLanguage": {".c": "c"}}}},
          {"name": "strict-lsp", "source": "./plugins/strict", "version": "1.0.0",
           "description": "the same folder without strict: false"}]}
        """);
    for (String folder : List.of("clangd", "strict")) {
      Files.createDirectories(market.resolve("plugins").resolve(folder));
      Files.writeString(market.resolve("plugins").resolve(folder).resolve("LICENSE"), "Apache-2.0\n");
    }
    PluginCatalog catalog = PluginCatalog.fromMarketplace(market);
    PluginBundle lsp = catalog.versions("clangd-lsp").get(0).bundle();
    assertThat(lsp.version()).isEqualTo("1.0.0");
    assertThat(lsp.manifest().description()).isEqualTo("C/C++ language server (clangd) for code intelligence");
    assertThat(catalog.findings().stream().filter(f -> f.location().contains("clangd")).toList()).isEmpty();
    LoadResult loaded = PluginLoader.check(market);
    assertThat(loaded.bundles().stream().map(b -> b.name() + "@" + b.version()).toList())
        .containsExactly("clangd-lsp@1.0.0");
    // negative: the strict entry's folder holds no plugin part, so it is no plugin (NoBundle)
    assertThat(catalog.versions("strict-lsp")).isEmpty();
    assertThat(catalog.findings().stream().filter(f -> f.code() == FindingCode.NO_BUNDLE
        && f.location().contains("strict")).count()).isEqualTo(1);
  }

  /**
   * Issue 12 item 6: Claude Code's reserved plugin names bind third parties only; a plugin of a marketplace named
   * as Anthropic's own (claude-plugins-official's {@code claude-security}) gets no ReservedName warning.
   */
  @Test
  void anthropicsOwnMarketplaceMayUseReservedPluginNames() throws IOException {
    for (String marketplace : List.of("claude-plugins-official", "lab")) {
      Path market = tmp.resolve("reserved-" + marketplace);
      Files.createDirectories(market.resolve(".claude-plugin"));
      Files.writeString(market.resolve(".claude-plugin/marketplace.json"), """
          {"name": "%s", "owner": {"name": "Lab"}, "plugins": [
            {"name": "claude-security", "source": "./plugins/claude-security"}]}
          """.formatted(marketplace));
      Path manifest = market.resolve("plugins/claude-security/.claude-plugin/plugin.json");
      Files.createDirectories(manifest.getParent());
      Files.writeString(manifest, "{\"name\": \"claude-security\", \"version\": \"0.10.2\","
          + " \"description\": \"Scans your code\"}");
      Path skill = market.resolve("plugins/claude-security/skills/scan/SKILL.md");
      Files.createDirectories(skill.getParent());
      Files.writeString(skill, "---\nname: scan\ndescription: Scan the code. Use when asked to scan.\n---\n# Scan\n");
      PluginCatalog catalog = PluginCatalog.fromMarketplace(market);
      assertThat(catalog.versions("claude-security")).hasSize(1);
      long reserved = catalog.findings().stream().filter(f -> f.code() == FindingCode.RESERVED_NAME
          && f.file().endsWith("plugin.json")).count();
      // negative: the same plugin in a third party's marketplace is warned about
      assertThat(reserved).isEqualTo(marketplace.equals("lab") ? 1 : 0);
    }
  }

  /**
   * Issue 12 item 6: a marketplace whose name a host keeps for its own marketplaces is one that host's
   * {@code plugin marketplace add} refuses from a folder (Claude Code: claude-plugins-official, claude-code-plugins;
   * Codex: openai-curated): ReservedName on the file's name; a name of one's own is silent.
   */
  @Test
  void aMarketplaceNamedAsAHostsOwnIsAWarning() throws IOException {
    record Case(String file, String name, boolean reserved) {}
    for (Case c : List.of(new Case(".claude-plugin/marketplace.json", "claude-plugins-official", true),
        new Case(".claude-plugin/marketplace.json", "claude-code-plugins", true),
        new Case(".agents/plugins/marketplace.json", "openai-curated", true),
        new Case(".claude-plugin/marketplace.json", "team-tools", false),
        new Case(".agents/plugins/marketplace.json", "team-tools", false))) {
      Path market = tmp.resolve("named-" + c.name() + c.file().hashCode());
      Files.createDirectories(market.resolve(c.file()).getParent());
      Files.writeString(market.resolve(c.file()), """
          {"name": "%s", "owner": {"name": "Lab"}, "plugins": []}
          """.formatted(c.name()));
      List<Finding> reserved = PluginCatalog.fromMarketplace(market).findings().stream()
          .filter(f -> f.code() == FindingCode.RESERVED_NAME).toList();
      assertThat(reserved).hasSize(c.reserved() ? 1 : 0);
      if (c.reserved()) {
        assertThat(reserved.get(0).file()).isEqualTo(c.file());
        assertThat(reserved.get(0).field()).isEqualTo("name");
        assertThat(reserved.get(0).isError()).isFalse();
        assertThat(reserved.get(0).message()).contains("reserved");
      }
    }
  }
}
