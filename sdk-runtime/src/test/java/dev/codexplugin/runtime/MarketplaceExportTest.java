package dev.codexplugin.runtime;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.codexplugin.runtime.ExportFixtures.read;
import static dev.codexplugin.runtime.ExportFixtures.snapshot;
import static dev.codexplugin.runtime.ExportFixtures.text;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codexplugin.runtime.MarketplaceExport.Format;
import dev.codexplugin.runtime.format.BundleIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketplaceExportTest {
  @TempDir Path tmp;

  private static MarketplaceExport.Builder team(String name) {
    return MarketplaceExport.builder().marketplaceName(name).displayName("Team Tools");
  }

  @Test
  void codexExportCopiesEachBundleByteForByteAndWritesTheMarketplace() throws Exception {
    PluginBundle seed = ExportFixtures.team();
    SortedMap<String, byte[]> bundleFiles = ExportFixtures.files(seed);
    Path jar = ExportFixtures.jar(tmp.resolve("team.jar"), Map.of(seed.name(), bundleFiles));

    ExportSummary summary = team("team-tools").addJar(jar).build().exportTo(tmp.resolve("out"));

    SortedMap<String, byte[]> out = snapshot(tmp.resolve("out"));
    SortedMap<String, byte[]> expected = new TreeMap<>();
    bundleFiles.forEach((path, bytes) -> expected.put("plugins/team-workflow-plugin/" + path, bytes));
    for (Map.Entry<String, byte[]> e : expected.entrySet()) {
      assertThat(out).containsKey(e.getKey());
      assertThat(out.get(e.getKey())).isEqualTo(e.getValue());
    }
    assertThat(out.keySet()).containsExactlyElementsIn(concat(expected.keySet(),
        List.of(".agents/plugins/marketplace.json", MarketplaceExport.MARKER)));
    assertThat(read(tmp.resolve("out/.agents/plugins/marketplace.json"))).isEqualTo("""
        {
          "name": "team-tools",
          "interface": {
            "displayName": "Team Tools"
          },
          "plugins": [
            {
              "name": "team-workflow-plugin",
              "source": {
                "source": "local",
                "path": "./plugins/team-workflow-plugin"
              },
              "policy": {
                "installation": "AVAILABLE",
                "authentication": "ON_INSTALL"
              },
              "category": "productivity"
            }
          ]
        }
        """);
    assertThat(summary.root()).isEqualTo(tmp.resolve("out").toAbsolutePath());
    assertThat(summary.pluginIds()).containsExactly("team-workflow-plugin@team-tools");
    assertThat(summary.files()).containsExactlyElementsIn(out.keySet()).inOrder();
    ExportSummary.ExportedPlugin plugin = summary.plugins().get(0);
    assertThat(plugin.folder()).isEqualTo("plugins/team-workflow-plugin");
    assertThat(plugin.skills()).containsExactly("team-workflow-plugin:code-review", "team-workflow-plugin:testing");
    assertThat(plugin.mcpServers()).containsExactly("github", "tracker");
    assertThat(plugin.hasJavaTools()).isFalse();
    assertThat(summary.warnings()).isEmpty();

    // what Codex would install from the folder is the bundle of the jar
    PluginBundle exported = PluginLoader.load(tmp.resolve("out/plugins/team-workflow-plugin")).get(0);
    assertThat(exported.manifest()).isEqualTo(PluginLoader.load(jar).get(0).manifest());
    assertThat(exported.mcpServers()).isEqualTo(PluginLoader.load(jar).get(0).mcpServers());
  }

  @Test
  void settingsGoIntoTheMarketplaceEntries() throws Exception {
    Path jar = ExportFixtures.jar(tmp.resolve("team.jar"), ExportFixtures.team(),
        ExportFixtures.tools("tools-plugin", "versions"));
    team("acme_tools-2").displayName("Acme Tools")
        .installationPolicy(MarketplaceExport.InstallationPolicy.INSTALLED_BY_DEFAULT)
        .authenticationPolicy(MarketplaceExport.AuthenticationPolicy.ON_USE)
        .category("developer-tools")
        .addJar(jar).build().exportTo(tmp.resolve("out"));
    String json = read(tmp.resolve("out/.agents/plugins/marketplace.json"));
    assertThat(json).contains("\"name\": \"acme_tools-2\"");
    assertThat(json).contains("\"displayName\": \"Acme Tools\"");
    assertThat(json).doesNotContain("\"AVAILABLE\"");
    assertThat(count(json, "\"installation\": \"INSTALLED_BY_DEFAULT\"")).isEqualTo(2);
    assertThat(count(json, "\"authentication\": \"ON_USE\"")).isEqualTo(2);
    assertThat(count(json, "\"category\": \"developer-tools\"")).isEqualTo(2);

    // without a configured category each entry takes its plugin's own, and none when the plugin has none
    team("acme").addJar(jar).build().exportTo(tmp.resolve("out2"));
    String own = read(tmp.resolve("out2/.agents/plugins/marketplace.json"));
    assertThat(count(own, "\"category\"")).isEqualTo(1);
    assertThat(own).contains("\"category\": \"productivity\"");
  }

  @Test
  void marketplaceNamesFollowCodexRules() {
    for (String bad : List.of("lab.market", "team tools", "", "ü", "a/b", "x".repeat(65))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> MarketplaceExport.builder().marketplaceName(bad));
      assertThat(e).hasMessageThat().startsWith("[codexplugin:BadKey] marketplace name \"" + bad + "\"");
      assertThat(e).hasMessageThat().contains("letters, digits, _ and -");
    }
    IllegalArgumentException dot = assertThrows(IllegalArgumentException.class,
        () -> MarketplaceExport.builder().marketplaceName("lab.market"));
    assertThat(dot).hasMessageThat().endsWith("use \"lab-market\".");
    assertThat(MarketplaceExport.builder().marketplaceName("Team_Tools-2").addJar(tmp).build().marketplaceName())
        .isEqualTo("Team_Tools-2");
    assertThrows(IllegalStateException.class, () -> MarketplaceExport.builder().addJar(tmp).build());
    assertThrows(IllegalStateException.class, () -> MarketplaceExport.builder().marketplaceName("x").build());
  }

  @Test
  void exportIsDeterministicFolderAndZip() throws Exception {
    Path teamJar = ExportFixtures.jar(tmp.resolve("in/team.jar"), ExportFixtures.team());
    Path toolsJar = ExportFixtures.jar(tmp.resolve("in/tools.jar"), ExportFixtures.tools("tools-plugin", "versions"));
    Path dep = Files.write(tmp.resolve("in/jackson-core-2.21.1.jar"), new byte[] {1, 2, 3, 4});
    Path dep2 = Files.write(tmp.resolve("in/annotations-1.0.jar"), new byte[] {5, 6});
    MarketplaceExport first = team("team-tools").format(Format.BOTH)
        .addJar(toolsJar, List.of(dep, dep2)).addJar(teamJar).build();
    // the same inputs in another order
    MarketplaceExport second = team("team-tools").format(Format.BOTH)
        .addJar(teamJar).addJar(toolsJar, List.of(dep2, dep)).build();

    Path a = first.exportTo(tmp.resolve("a/codex-plugin")).root();
    Path b = second.exportTo(tmp.resolve("b/codex-plugin")).root();
    SortedMap<String, byte[]> snapA = snapshot(a);
    SortedMap<String, byte[]> snapB = snapshot(b);
    assertThat(snapA.keySet()).containsExactlyElementsIn(snapB.keySet()).inOrder();
    snapA.forEach((path, bytes) -> assertWithMessage(path).that(snapB.get(path)).isEqualTo(bytes));

    Path zipA = MarketplaceExport.zip(a, tmp.resolve("a/codex-plugin.zip"));
    Path zipB = MarketplaceExport.zip(b, tmp.resolve("b/codex-plugin.zip"));
    byte[] bytesA = Files.readAllBytes(zipA);
    assertThat(bytesA).isEqualTo(Files.readAllBytes(zipB));
    // exporting again over the first output changes nothing either
    first.exportTo(a);
    assertThat(text(snapshot(a))).isEqualTo(text(snapA));
    assertThat(Files.readAllBytes(MarketplaceExport.zip(a, zipA))).isEqualTo(bytesA);

    try (ZipFile zip = new ZipFile(zipA.toFile())) {
      List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
      List<String> expected = snapA.keySet().stream().filter(p -> !p.equals(MarketplaceExport.MARKER))
          .map(p -> "codex-plugin/" + p).toList();
      assertThat(names).containsExactlyElementsIn(expected).inOrder();
      for (ZipEntry e : Collections.list(zip.entries())) {
        assertThat(e.getTimeLocal().toString()).isEqualTo("2026-01-01T00:00");
        String path = e.getName().substring("codex-plugin/".length());
        assertThat(zip.getInputStream(e).readAllBytes()).isEqualTo(snapA.get(path));
      }
    }
    try (FileSystem fs = FileSystems.newFileSystem(zipA, Map.of("enablePosixFileAttributes", "true"))) {
      Path marketplace = fs.getPath("codex-plugin/.agents/plugins/marketplace.json");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(marketplace))).isEqualTo("rw-r--r--");
    }
  }

  @Test
  void javaToolsGetLibWithTheJarAndItsLibrariesOthersDoNot() throws Exception {
    Path teamJar = ExportFixtures.jar(tmp.resolve("team.jar"), ExportFixtures.team());
    Path toolsJar = ExportFixtures.jar(tmp.resolve("tools-2.1.0.jar"), ExportFixtures.tools("tools-plugin", "versions"));
    Path dep = Files.write(tmp.resolve("dep-1.0.jar"), new byte[] {1, 2, 3});
    ExportSummary summary = team("team-tools").addJar(teamJar, List.of(dep)).addJar(toolsJar, List.of(dep, dep))
        .build().exportTo(tmp.resolve("out"));
    Path out = tmp.resolve("out");
    assertThat(Files.exists(out.resolve("plugins/team-workflow-plugin/lib"))).isFalse();
    assertThat(Files.readAllBytes(out.resolve("plugins/tools-plugin/lib/tools-2.1.0.jar")))
        .isEqualTo(Files.readAllBytes(toolsJar));
    assertThat(Files.readAllBytes(out.resolve("plugins/tools-plugin/lib/dep-1.0.jar"))).isEqualTo(new byte[] {1, 2, 3});
    assertThat(summary.plugins().get(1).libraries()).containsExactly("lib/dep-1.0.jar", "lib/tools-2.1.0.jar");
    assertThat(summary.plugins().get(1).hasJavaTools()).isTrue();
    assertThat(Files.exists(out.resolve("plugins/tools-plugin/mcp-tools.json"))).isTrue();
  }

  @Test
  void javaHooksWithoutJavaToolsGetLibToo() throws Exception {
    PluginBundle tools = ExportFixtures.tools("hooks-plugin", "versions");
    PluginBundle hooksOnly = PluginBundle.builder(tools.manifest())
        .hooks(List.of(new HookSpec("PreToolUse", "Bash", "java -Xlog:disable -Xlog:all=warning:stderr -cp"
            + " \"${CLAUDE_PLUGIN_ROOT}/lib/*\" com.acme.hooks.HooksPluginHooks Policy.check", Optional.of(10), "")))
        .build();
    Path jar = ExportFixtures.jar(tmp.resolve("hooks-1.0.jar"), hooksOnly);
    Path dep = Files.write(tmp.resolve("sdk-hooks-1.0.jar"), new byte[] {4});
    ExportSummary summary = team("hooks").addJar(jar, List.of(dep)).build().exportTo(tmp.resolve("out"));
    Path out = tmp.resolve("out");
    assertThat(Files.readAllBytes(out.resolve("plugins/hooks-plugin/lib/hooks-1.0.jar")))
        .isEqualTo(Files.readAllBytes(jar));
    assertThat(summary.plugins().get(0).libraries()).containsExactly("lib/hooks-1.0.jar", "lib/sdk-hooks-1.0.jar");
    assertThat(Files.exists(out.resolve("plugins/hooks-plugin/hooks/hooks.json"))).isTrue();
  }

  @Test
  void twoLibrariesWithTheSameFileNameAreAnError() throws Exception {
    Path toolsJar = ExportFixtures.jar(tmp.resolve("tools.jar"), ExportFixtures.tools("tools-plugin", "versions"));
    Path a = Files.write(Files.createDirectories(tmp.resolve("a")).resolve("util-1.0.jar"), new byte[] {1});
    Path b = Files.write(Files.createDirectories(tmp.resolve("b")).resolve("util-1.0.jar"), new byte[] {2});
    MarketplaceExportException e = assertThrows(MarketplaceExportException.class,
        () -> team("t").addJar(toolsJar, List.of(a, b)).build().exportTo(tmp.resolve("out")));
    assertThat(e.code()).isEqualTo(FindingCode.DUPLICATE_LIBRARY);
    assertThat(e).hasMessageThat().contains(a.toString());
    assertThat(e).hasMessageThat().contains(b.toString());
    assertThat(e).hasMessageThat().contains("lib/util-1.0.jar");
    assertThat(Files.exists(tmp.resolve("out"))).isFalse();
  }

  @Test
  void bothFormatsServeCodexAndClaudeFromOneFolder() throws Exception {
    Path teamJar = ExportFixtures.jar(tmp.resolve("team.jar"), ExportFixtures.team());
    Path toolsJar = ExportFixtures.jar(tmp.resolve("tools.jar"), ExportFixtures.tools("tools-plugin", "versions"));
    ExportSummary summary = team("team-tools").owner("Acme Platform").description("Acme's shared tools")
        .format(Format.BOTH).addJar(teamJar).addJar(toolsJar).build().exportTo(tmp.resolve("out"));
    Path out = tmp.resolve("out");

    assertThat(read(out.resolve(".claude-plugin/marketplace.json"))).isEqualTo("""
        {
          "name": "team-tools",
          "owner": {
            "name": "Acme Platform"
          },
          "description": "Acme's shared tools",
          "plugins": [
            {
              "name": "team-workflow-plugin",
              "source": "./plugins/team-workflow-plugin",
              "description": "Shared AI workflow for team productivity",
              "version": "1.0.0",
              "category": "productivity"
            },
            {
              "name": "tools-plugin",
              "source": "./plugins/tools-plugin",
              "description": "Version tools written in Java",
              "version": "2.1.0"
            }
          ]
        }
        """);
    assertThat(Files.exists(out.resolve(".agents/plugins/marketplace.json"))).isTrue();
    Path plugin = out.resolve("plugins/team-workflow-plugin");
    assertThat(read(plugin.resolve(".claude-plugin/plugin.json"))).isEqualTo("""
        {
          "name": "team-workflow-plugin",
          "version": "1.0.0",
          "description": "Shared AI workflow for team productivity",
          "author": {
            "name": "Team",
            "email": "team@example.com"
          },
          "homepage": "https://example.com/team",
          "repository": "https://github.com/example/team",
          "license": "Apache-2.0",
          "keywords": [
            "review",
            "testing"
          ]
        }
        """);
    assertThat(read(plugin.resolve(".mcp.json"))).isEqualTo("""
        {
          "mcpServers": {
            "github": {
              "command": "npx",
              "args": [
                "-y",
                "@modelcontextprotocol/server-github"
              ],
              "env": {
                "GITHUB_TOKEN": "${GITHUB_TOKEN}"
              }
            },
            "tracker": {
              "type": "http",
              "url": "https://mcp.example.com/mcp",
              "headers": {
                "Authorization": "Bearer ${TRACKER_TOKEN}",
                "X-Key": "${TRACKER_KEY}",
                "X-Team": "core"
              }
            }
          }
        }
        """);
    assertThat(read(out.resolve("plugins/tools-plugin/.mcp.json"))).contains("""
              "args": [
                "-cp",
                "${CLAUDE_PLUGIN_ROOT}/lib/*",
                "com.acme.tools.ToolsMain"
              ]
        """.stripTrailing());
    assertThat(read(out.resolve("plugins/tools-plugin/.mcp.json"))).doesNotContain("cwd");

    // Codex reads the servers inline, exactly as the jar's .mcp.json declared them
    String codexManifest = read(plugin.resolve(".codex-plugin/plugin.json"));
    assertThat(codexManifest).contains("\"mcpServers\": {");
    assertThat(codexManifest).contains("\"bearer_token_env_var\": \"TRACKER_TOKEN\"");
    assertThat(codexManifest).contains("\"interface\": {");
    PluginBundle codexView = PluginLoader.load(plugin).get(0);
    assertThat(codexView.mcpServers()).isEqualTo(PluginLoader.load(teamJar).get(0).mcpServers());
    assertThat(codexView.skills()).isEqualTo(PluginLoader.load(teamJar).get(0).skills());
    assertThat(PluginLoader.load(out.resolve("plugins/tools-plugin")).get(0).mcpServer("versions").orElseThrow()
        .args()).containsExactly("-cp", "lib/*", "com.acme.tools.ToolsMain").inOrder();

    assertThat(summary.warnings()).containsExactly(
        "team-workflow-plugin: .mcp.json mcpServers.tracker: Claude Code has no startup_timeout_sec; left out for"
            + " Claude Code",
        "tools-plugin: .claude-plugin/plugin.json has no author, and `claude plugin validate --strict` fails on"
            + " \"No author information provided\"; add author = @Author(name = \"...\") to @Plugin (\"author\":"
            + " {\"name\": ...} in plugin.json)");
  }

  @Test
  void claudeOnlyLeavesTheCodexFilesOut() throws Exception {
    Path jar = ExportFixtures.jar(tmp.resolve("team.jar"), ExportFixtures.team());
    ExportSummary summary = team("team-tools").format(Format.CLAUDE).addJar(jar).build().exportTo(tmp.resolve("out"));
    assertThat(summary.files()).containsExactly(
        ".claude-plugin/marketplace.json",
        MarketplaceExport.MARKER,
        "plugins/team-workflow-plugin/.app.json",
        "plugins/team-workflow-plugin/.claude-plugin/plugin.json",
        "plugins/team-workflow-plugin/.mcp.json",
        "plugins/team-workflow-plugin/skills/code-review/SKILL.md",
        "plugins/team-workflow-plugin/skills/code-review/agents/openai.yaml",
        "plugins/team-workflow-plugin/skills/testing/SKILL.md").inOrder();
    assertThat(read(tmp.resolve("out/.claude-plugin/marketplace.json")))
        .contains("\"description\": \"Shared AI workflow for team productivity\"");
    assertThat(read(tmp.resolve("out/.claude-plugin/marketplace.json"))).contains("\"name\": \"Team Tools\"");
  }

  @Test
  void pathsRelativeToTheServerFolderGetThePluginRoot() throws Exception {
    McpServerSpec server = McpServerSpec.builder("runner")
        .command("./bin/run.sh")
        .args(List.of("--config=conf/app.yaml", "-cp", "lib/a.jar:lib/b.jar:/opt/x.jar", "conf", "-y", "npm:pkg", "https://example.com/x", "${HOME}/x", "../up"))
        .env(Map.of("MODE", "fast"))
        .envVars(List.of("TOKEN"))
        .cwd(".")
        .build();
    McpServerSpec sub = McpServerSpec.builder("sub")
        .command("node")
        .args(List.of("index.js", "../shared/x.js"))
        .cwd("./server")
        .build();
    McpServerSpec off = McpServerSpec.builder("off")
        .command("node")
        .args(List.of("x.js"))
        .enabled(Optional.of(false))
        .build();
    McpServerSpec abs = McpServerSpec.builder("abs")
        .command("node")
        .args(List.of("bin/x.js"))
        .cwd("/opt/srv")
        .build();
    PluginBundle base = ExportFixtures.tools("runner-plugin", "runner");
    PluginBundle bundle = PluginBundle.builder(base.manifest())
        .skills(base.skills())
        .mcpServers(List.of(abs, off, server, sub))
        .build();
    Map<String, String> extra = new TreeMap<>(Map.of("bin/run.sh", "#!/bin/sh\n", "conf/app.yaml", "a: 1\n",
        "server/index.js", "//\n", "mcp-tools.json", "{}\n", "bin/x.js", "//\n"));
    Path jar = ExportFixtures.jar(tmp.resolve("runner.jar"), Map.of("runner-plugin", ExportFixtures.files(bundle, extra)));
    ExportSummary summary = team("t").format(Format.BOTH).addJar(jar).build().exportTo(tmp.resolve("out"));
    assertThat(read(tmp.resolve("out/plugins/runner-plugin/.mcp.json"))).isEqualTo("""
        {
          "mcpServers": {
            "abs": {
              "command": "node",
              "args": [
                "bin/x.js"
              ]
            },
            "runner": {
              "command": "${CLAUDE_PLUGIN_ROOT}/bin/run.sh",
              "args": [
                "--config=${CLAUDE_PLUGIN_ROOT}/conf/app.yaml",
                "-cp",
                "${CLAUDE_PLUGIN_ROOT}/lib/a.jar:${CLAUDE_PLUGIN_ROOT}/lib/b.jar:/opt/x.jar",
                "${CLAUDE_PLUGIN_ROOT}/conf",
                "-y",
                "npm:pkg",
                "https://example.com/x",
                "${HOME}/x",
                "../up"
              ],
              "env": {
                "MODE": "fast",
                "TOKEN": "${TOKEN}"
              }
            },
            "sub": {
              "command": "node",
              "args": [
                "${CLAUDE_PLUGIN_ROOT}/server/index.js",
                "../shared/x.js"
              ]
            }
          }
        }
        """);
    assertThat(summary.warnings()).contains("runner-plugin: .mcp.json mcpServers.off is disabled (\"enabled\": false)"
        + " and Claude Code has no such switch; it is left out of the Claude Code .mcp.json");
    assertThat(summary.warnings()).contains("runner-plugin: .mcp.json mcpServers.abs: Claude Code has no cwd, and"
        + " \"cwd\": \"/opt/srv\" is not a folder of the plugin; the server starts in the session folder under"
        + " Claude Code");
  }

  @Test
  void severalJarsMergeIntoOneMarketplace() throws Exception {
    Path a = ExportFixtures.jar(tmp.resolve("a.jar"), ExportFixtures.team("alpha-plugin", "1.0.0", "alpha-gh", "alpha-web"));
    Path b = ExportFixtures.jar(tmp.resolve("b.jar"), ExportFixtures.team("beta-plugin", "2.0.0", "beta-gh", "beta-web"),
        ExportFixtures.tools("gamma-plugin", "gamma"));
    ExportSummary summary = team("merged").addJar(b).addJar(a).build().exportTo(tmp.resolve("out"));
    assertThat(summary.pluginIds()).containsExactly("alpha-plugin@merged", "beta-plugin@merged", "gamma-plugin@merged")
        .inOrder();
    assertThat(summary.plugins().get(0).jar()).isEqualTo(a.toAbsolutePath());
    assertThat(summary.plugins().get(2).jar()).isEqualTo(b.toAbsolutePath());
    String marketplace = read(tmp.resolve("out/.agents/plugins/marketplace.json"));
    assertThat(marketplace.indexOf("alpha-plugin")).isLessThan(marketplace.indexOf("beta-plugin"));
    assertThat(marketplace.indexOf("beta-plugin")).isLessThan(marketplace.indexOf("gamma-plugin"));
    for (String p : List.of("alpha-plugin", "beta-plugin", "gamma-plugin")) {
      assertThat(PluginLoader.load(tmp.resolve("out/plugins/" + p)).get(0).name()).isEqualTo(p);
    }
  }

  @Test
  void aMarketplaceNameTheHostsReserveIsRefusedForTheirFormat() throws Exception {
    Path jar = ExportFixtures.jar(tmp.resolve("team.jar"), ExportFixtures.team());
    // Claude Code refuses its official names and look-alikes from a folder; Codex adds them
    MarketplaceExportException official = assertThrows(MarketplaceExportException.class, () -> team("claude-plugins-official")
        .format(MarketplaceExport.Format.CLAUDE).addJar(jar).build().exportTo(tmp.resolve("official")));
    assertThat(official.code()).isEqualTo(FindingCode.RESERVED_NAME);
    assertThat(official).hasMessageThat().isEqualTo("[codexplugin:ReservedName] marketplace name"
        + " \"claude-plugins-official\" must not be a name a host reserves for itself; found a name reserved by Claude"
        + " Code: `claude plugin marketplace add` refuses it (\"The name 'claude-plugins-official' is reserved for"
        + " official Anthropic marketplaces and can only be used with GitHub sources from the 'anthropics'"
        + " organization.\"). Choose a name of your own, e.g. \"plugins-tools\".");
    assertThat(Files.exists(tmp.resolve("official"))).isFalse();
    MarketplaceExportException lookAlike = assertThrows(MarketplaceExportException.class, () -> team("Claude-Plugins-Acme")
        .format(MarketplaceExport.Format.BOTH).addJar(jar).build().exportTo(tmp.resolve("alike")));
    assertThat(lookAlike).hasMessageThat().contains("(\"Marketplace name impersonates an official Anthropic/Claude"
        + " marketplace\")");
    assertThat(assertThrows(MarketplaceExportException.class, () -> team("builtin").format(MarketplaceExport.Format.CLAUDE)
        .addJar(jar).build().exportTo(tmp.resolve("builtin")))).hasMessageThat().contains("(\"Marketplace name"
        + " \"builtin\" is reserved for built-in plugins\")");
    assertThat(team("claude-plugins-official").addJar(jar).build().exportTo(tmp.resolve("codex-only")).pluginIds())
        .containsExactly("team-workflow-plugin@claude-plugins-official");

    // Codex refuses its own curated names (exactly); Claude Code adds them
    MarketplaceExportException curated = assertThrows(MarketplaceExportException.class, () -> team("openai-curated")
        .format(MarketplaceExport.Format.BOTH).addJar(jar).build().exportTo(tmp.resolve("curated")));
    assertThat(curated).hasMessageThat().startsWith("[codexplugin:ReservedName] marketplace name \"openai-curated\""
        + " must not be a name a host reserves for itself; found a name reserved by Codex: `codex plugin marketplace"
        + " add` refuses it (\"marketplace `openai-curated` is reserved and cannot be added from this source\")."
        + " Choose a name of your own, e.g. \"team-tools\".");
    assertThat(team("openai-curated").format(MarketplaceExport.Format.CLAUDE).addJar(jar).build()
        .exportTo(tmp.resolve("claude-only")).pluginIds()).containsExactly("team-workflow-plugin@openai-curated");
    assertThat(team("OpenAI-Curated").addJar(jar).build().exportTo(tmp.resolve("cased")).pluginIds()).hasSize(1);
  }

  @Test
  void samePluginInTwoJarsIsAnErrorNamingBoth() throws Exception {
    Path a = ExportFixtures.jar(tmp.resolve("a/team-1.0.jar"), ExportFixtures.team());
    Path b = ExportFixtures.jar(tmp.resolve("b/team-1.1.jar"), ExportFixtures.team());
    MarketplaceExportException e = assertThrows(MarketplaceExportException.class,
        () -> team("t").addJar(a).addJar(b).build().exportTo(tmp.resolve("out")));
    assertThat(e.code()).isEqualTo(FindingCode.DUPLICATE_PLUGIN);
    assertThat(e).hasMessageThat().startsWith("[codexplugin:DuplicatePlugin] plugin \"team-workflow-plugin\" should"
        + " be present at one version only; found 2 copies: 1.0.0 (" + a.toAbsolutePath() + "), 1.0.0 ("
        + b.toAbsolutePath() + "). A marketplace holds one plugin of a name");
    assertThat(Files.exists(tmp.resolve("out"))).isFalse();

    MarketplaceExportException twice = assertThrows(MarketplaceExportException.class,
        () -> team("t").addJar(a).addJar(a).build().exportTo(tmp.resolve("out")));
    assertThat(twice).hasMessageThat().contains("found 2 copies: 1.0.0 (" + a.toAbsolutePath() + "), 1.0.0 ("
        + a.toAbsolutePath() + ")");
  }

  @Test
  void sameServerNameAcrossPluginsIsAnErrorNamingBothJars() throws Exception {
    Path a = ExportFixtures.jar(tmp.resolve("alpha.jar"), ExportFixtures.team("alpha-plugin", "1.0.0", "github", "a-web"));
    Path b = ExportFixtures.jar(tmp.resolve("beta.jar"), ExportFixtures.team("beta-plugin", "1.0.0", "github", "b-web"));
    MarketplaceExportException e = assertThrows(MarketplaceExportException.class,
        () -> team("t").addJar(a).addJar(b).build().exportTo(tmp.resolve("out")));
    assertThat(e.code()).isEqualTo(FindingCode.DUPLICATE_SERVER);
    assertThat(e).hasMessageThat().isEqualTo("[codexplugin:DuplicateServer] MCP server \"github\" must be unique"
        + " across the plugins a user installs; found it in alpha-plugin 1.0.0 (" + a.toAbsolutePath() + ") and"
        + " beta-plugin 1.0.0 (" + b.toAbsolutePath() + "). Codex starts only the one of alpha-plugin (the first by"
        + " plugin id) and silently skips the others: rename one @McpServer (its name in .mcp.json), or export the"
        + " plugins separately.");
  }

  @Test
  void refusesToReplaceAFolderItDidNotCreateUnlessForced() throws Exception {
    Path jar = ExportFixtures.jar(tmp.resolve("team.jar"), ExportFixtures.team());
    Path out = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(out.resolve("notes.md"), "mine");
    MarketplaceExportException e = assertThrows(MarketplaceExportException.class,
        () -> team("t").addJar(jar).build().exportTo(out));
    assertThat(e.code()).isEqualTo(FindingCode.NOT_AN_EXPORT);
    assertThat(e).hasMessageThat().contains("must be a folder the exporter created (it holds .codexplugin-export);"
        + " found " + out.toAbsolutePath() + ", which exists and is not an earlier export (no marker of the"
        + " exporter, or files its marker does not list)");
    assertThat(e).hasMessageThat().contains("--force");
    assertThat(read(out.resolve("notes.md"))).isEqualTo("mine");

    Path file = Files.writeString(tmp.resolve("plain-file"), "x");
    assertThrows(MarketplaceExportException.class, () -> team("t").addJar(jar).build().exportTo(file));
    assertThat(read(file)).isEqualTo("x");

    // an empty folder holds nothing to lose
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    team("t").addJar(jar).build().exportTo(empty);
    assertThat(Files.exists(empty.resolve(MarketplaceExport.MARKER))).isTrue();

    team("t").force(true).addJar(jar).build().exportTo(out);
    assertThat(Files.exists(out.resolve("notes.md"))).isFalse();
    assertThat(Files.exists(out.resolve(".agents/plugins/marketplace.json"))).isTrue();
  }

  @Test
  void aFailedExportLeavesThePreviousOutputIntact() throws Exception {
    Path good = ExportFixtures.jar(tmp.resolve("team.jar"), ExportFixtures.team());
    Path out = tmp.resolve("target/codex-plugin");
    team("t").format(Format.BOTH).addJar(good).build().exportTo(out);
    SortedMap<String, String> before = text(snapshot(out));

    // a second jar whose bundle is invalid (a version Codex rejects)
    SortedMap<String, byte[]> broken = ExportFixtures.files(ExportFixtures.tools("broken-plugin", "b"));
    broken.put(".codex-plugin/plugin.json", "{\"name\": \"broken-plugin\", \"version\": \"1.0 beta\"}\n"
        .getBytes(StandardCharsets.UTF_8));
    Path bad = ExportFixtures.jar(tmp.resolve("broken.jar"), Map.of("broken-plugin", broken));
    MarketplaceExportException e = assertThrows(MarketplaceExportException.class,
        () -> team("t").addJar(good).addJar(bad).build().exportTo(out));
    assertThat(e.code()).isEqualTo(FindingCode.INVALID_BUNDLE);
    assertThat(e).hasMessageThat().contains("found errors in the jar " + bad.toAbsolutePath());
    assertThat(e.findings()).isNotEmpty();
    assertThat(e.findings().get(0).code()).isEqualTo(FindingCode.BAD_VERSION);
    assertThat(e).hasMessageThat().contains("[codexplugin:BadVersion]");

    // a jar that does not exist, and a file that is not a jar
    Path missing = tmp.resolve("missing.jar");
    assertThat(assertThrows(MarketplaceExportException.class,
        () -> team("t").addJar(good).addJar(missing).build().exportTo(out))).hasMessageThat()
        .contains("found no jar at " + missing.toAbsolutePath());
    Path text = Files.writeString(tmp.resolve("notes.jar"), "not a zip");
    assertThat(assertThrows(MarketplaceExportException.class,
        () -> team("t").addJar(text).build().exportTo(out)).findings().get(0).code())
        .isEqualTo(FindingCode.NO_BUNDLE);

    assertThat(text(snapshot(out))).isEqualTo(before);
    try (var siblings = Files.list(out.getParent())) {
      assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactly("codex-plugin", ".codex-plugin.lock");
    }
  }

  @Test
  void neverWritesOutsideTheOutputFolder() throws Exception {
    SortedMap<String, byte[]> entries = new TreeMap<>();
    entries.put(BundleIndex.RESOURCE, ("{\"formatVersion\": 1, \"bundles\": [{\"name\": \"evil\", \"version\":"
        + " \"1.0.0\", \"files\": [\".codex-plugin/plugin.json\", \"../../escaped.txt\"]}]}")
        .getBytes(StandardCharsets.UTF_8));
    entries.put(BundleIndex.ROOT + "evil/.codex-plugin/plugin.json",
        "{\"name\": \"evil\", \"version\": \"1.0.0\", \"description\": \"x\"}".getBytes(StandardCharsets.UTF_8));
    entries.put("META-INF/escaped.txt", "x".getBytes(StandardCharsets.UTF_8));
    Path jar = ExportFixtures.zip(tmp.resolve("in/evil.jar"), entries);
    MarketplaceExportException e = assertThrows(MarketplaceExportException.class,
        () -> team("t").addJar(jar).build().exportTo(tmp.resolve("work/out")));
    assertThat(e.findings().stream().map(Finding::code)).contains(FindingCode.UNSAFE_PATH);
    assertThat(Files.exists(tmp.resolve("work/out"))).isFalse();
    assertThat(Files.exists(tmp.resolve("escaped.txt"))).isFalse();
    assertThat(Files.exists(tmp.resolve("work/escaped.txt"))).isFalse();

    // the output must not swallow the inputs: replacing it would delete them
    Path good = ExportFixtures.jar(tmp.resolve("in/team.jar"), ExportFixtures.team());
    MarketplaceExportException inside = assertThrows(MarketplaceExportException.class,
        () -> team("t").force(true).addJar(good).build().exportTo(tmp.resolve("in")));
    assertThat(inside.code()).isEqualTo(FindingCode.UNSAFE_PATH);
    assertThat(inside).hasMessageThat().contains("which contains the input");
    assertThat(Files.exists(good)).isTrue();
    assertThat(assertThrows(MarketplaceExportException.class,
        () -> team("t").force(true).addJar(good).build().exportTo(Path.of("/"))).code())
        .isEqualTo(FindingCode.UNSAFE_PATH);
  }

  @Test
  void zipNeedsAnExportAndMustLieOutsideIt() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("plain"));
    assertThat(assertThrows(MarketplaceExportException.class,
        () -> MarketplaceExport.zip(folder, tmp.resolve("x.zip"))).code())
        .isEqualTo(FindingCode.NOT_AN_EXPORT);
    Path jar = ExportFixtures.jar(tmp.resolve("team.jar"), ExportFixtures.team());
    Path out = team("t").addJar(jar).build().exportTo(tmp.resolve("out")).root();
    assertThat(assertThrows(MarketplaceExportException.class,
        () -> MarketplaceExport.zip(out, out.resolve("inner.zip"))).code())
        .isEqualTo(FindingCode.UNSAFE_PATH);
  }

  @Test
  void formatsParseByName() {
    assertThat(Format.parse("codex")).isEqualTo(Format.CODEX);
    assertThat(Format.parse("Claude")).isEqualTo(Format.CLAUDE);
    assertThat(Format.parse("BOTH")).isEqualTo(Format.BOTH);
    assertThat(assertThrows(IllegalArgumentException.class, () -> Format.parse("cursor"))).hasMessageThat()
        .isEqualTo("format \"cursor\" must be one of codex, claude, both");
    assertThat(Format.BOTH.codex() && Format.BOTH.claude()).isTrue();
    assertThat(Format.CODEX.claude() || Format.CLAUDE.codex()).isFalse();
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static List<String> concat(java.util.Collection<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
