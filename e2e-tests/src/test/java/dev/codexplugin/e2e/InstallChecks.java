package dev.codexplugin.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginLoader;
import dev.codexplugin.runtime.SkillSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Installs every plugin of an exported marketplace with the real hosts and checks what they report against the
 * bundles themselves (as {@link PluginLoader} reads the exported plugin folders).
 */
final class InstallChecks {
  private InstallChecks() {}

  /** One marketplace root and its plugins, by the name of its Codex or Claude Code marketplace file. */
  record Marketplace(Path root, String name, Map<String, PluginBundle> plugins) {
    static Marketplace read(Path root, String file) throws Exception {
      JsonNode json = CodexCli.JSON.readTree(Files.readString(root.resolve(file)));
      Map<String, PluginBundle> plugins = new LinkedHashMap<>();
      for (JsonNode entry : json.path("plugins")) {
        JsonNode source = entry.path("source");
        String path = source.isTextual() ? source.asText() : source.path("path").asText();
        assertWithMessage("%s: %s", file, entry).that(path).startsWith("./");
        List<PluginBundle> bundles = PluginLoader.load(root.resolve(path.substring(2)));
        assertThat(bundles).hasSize(1);
        assertThat(bundles.get(0).name()).isEqualTo(entry.path("name").asText());
        plugins.put(entry.path("name").asText(), bundles.get(0));
      }
      assertWithMessage("%s lists no plugin", root.resolve(file)).that(plugins).isNotEmpty();
      return new Marketplace(root, json.path("name").asText(), plugins);
    }

    List<McpServerSpec> javaServers() {
      List<McpServerSpec> servers = new ArrayList<>();
      plugins.values().forEach(b -> b.mcpServers().stream().filter(s -> s.command().equals("java")).forEach(servers::add));
      return servers;
    }
  }

  /**
   * docs/FORMAT.md#marketplace with Codex: marketplace add, plugin add (each plugin), plugin list, mcp list, debug
   * prompt-input; and, when a plugin has a Java server, app-server {@code mcpServerStatus/list}, which starts the
   * servers. Returns the {@code mcpServerStatus/list} result, or {@code null} without Java servers.
   */
  static JsonNode codex(Path root, String label) throws Exception {
    Marketplace m = Marketplace.read(root, ".agents/plugins/marketplace.json");
    CodexCli codex = CodexCli.fromBuild(label);

    JsonNode added = codex.run("plugin", "marketplace", "add", root.toString(), "--json").json();
    assertThat(added.path("marketplaceName").asText()).isEqualTo(m.name());

    for (PluginBundle b : m.plugins().values()) {
      JsonNode installed = codex.run("plugin", "add", b.name() + "@" + m.name(), "--json").json();
      assertThat(installed.path("name").asText()).isEqualTo(b.name());
      assertThat(installed.path("version").asText()).isEqualTo(b.version());
      assertThat(installed.path("installedPath").asText()).endsWith("/" + b.name() + "/" + b.version());
    }

    JsonNode list = codex.run("plugin", "list", "--json").json();
    for (PluginBundle b : m.plugins().values()) {
      JsonNode entry = only(list.path("installed"), "pluginId", b.name() + "@" + m.name());
      assertThat(entry.path("installed").asBoolean()).isTrue();
      assertThat(entry.path("enabled").asBoolean()).isTrue();
      assertThat(entry.path("version").asText()).isEqualTo(b.version());
    }

    JsonNode servers = codex.run("mcp", "list", "--json").json();
    for (PluginBundle b : m.plugins().values()) {
      for (McpServerSpec s : b.mcpServers()) {
        JsonNode transport = only(servers, "name", s.name()).path("transport");
        if (s.transport() == McpServerSpec.Transport.STDIO) {
          assertThat(transport.path("command").asText()).isEqualTo(s.command());
          assertThat(transport.path("args").size()).isEqualTo(s.args().size());
          if (s.cwd().equals(".")) {
            assertThat(transport.path("cwd").asText()).endsWith("/" + b.name() + "/" + b.version() + "/.");
          }
        } else {
          assertThat(transport.path("url").asText()).isEqualTo(s.url());
        }
      }
    }

    CodexCli.Result prompt = codex.run("debug", "prompt-input", "hi");
    assertThat(prompt.exitCode()).isEqualTo(0);
    for (PluginBundle b : m.plugins().values()) {
      for (SkillSpec skill : b.skills()) {
        String description = skill.description().replaceAll("\\s+", " ").trim();
        assertThat(prompt.stdout()).contains("- " + b.name() + ":" + skill.name() + ": "
            + description.substring(0, Math.min(60, description.length())));
      }
    }

    if (m.javaServers().isEmpty()) {
      return null;
    }
    try (AppServerClient appServer = AppServerClient.start(Path.of(System.getProperty("codex.bin")), codex.home())) {
      JsonNode status = appServer.request("mcpServerStatus/list", CodexCli.JSON.createObjectNode(),
          Duration.ofMinutes(3));
      for (PluginBundle b : m.plugins().values()) {
        for (McpServerSpec s : b.mcpServers()) {
          if (!s.command().equals("java")) {
            continue;
          }
          JsonNode server = only(status.path("data"), "name", s.name());
          assertWithMessage("app-server stderr:\n%s", appServer.stderr())
              .that(server.path("toolsError").isNull()).isTrue();
          assertThat(server.path("pluginId").asText()).isEqualTo(b.name() + "@" + m.name());
          assertWithMessage("tools of %s", s.name()).that(server.path("tools").size()).isGreaterThan(0);
        }
      }
      return status;
    }
  }

  /**
   * Claude Code: {@code claude plugin validate --json --strict} on the marketplace root and on every plugin
   * folder, then {@code plugin marketplace add}, {@code plugin install} and {@code plugin list --json}; with Java
   * servers also {@code claude mcp list}, which starts them. Returns the plugin list.
   */
  static JsonNode claude(Path root, String label) throws Exception {
    assertWithMessage("%s has no Claude Code marketplace; export it with <claude>true</claude> (--format both)",
        root).that(Files.isRegularFile(root.resolve(".claude-plugin/marketplace.json"))).isTrue();
    Marketplace m = Marketplace.read(root, ".claude-plugin/marketplace.json");
    ClaudeCli claude = ClaudeCli.fromBuild(label);

    validate(claude, root, "marketplace");
    for (PluginBundle b : m.plugins().values()) {
      JsonNode result = validate(claude, root.resolve("plugins").resolve(b.name()), "plugin");
      List<String> skills = new ArrayList<>();
      result.path("provides").path("skills").forEach(s -> skills.add(s.asText()));
      assertThat(skills).containsExactlyElementsIn(b.qualifiedSkillNames());
    }

    CodexCli.Result added = claude.run("plugin", "marketplace", "add", root.toString());
    assertWithMessage("%s", added).that(added.exitCode()).isEqualTo(0);
    for (PluginBundle b : m.plugins().values()) {
      JsonNode installed = claude.json("plugin", "install", b.name() + "@" + m.name(), "--json");
      assertThat(installed.path("outcome").asText()).isEqualTo("ok");
      assertThat(installed.path("pluginId").asText()).isEqualTo(b.name() + "@" + m.name());
    }
    JsonNode list = claude.json("plugin", "list", "--json");
    for (PluginBundle b : m.plugins().values()) {
      JsonNode entry = only(list, "id", b.name() + "@" + m.name());
      assertThat(entry.path("enabled").asBoolean()).isTrue();
      assertThat(entry.path("version").asText()).isEqualTo(b.version());
      List<String> servers = new ArrayList<>();
      entry.path("mcpServers").fieldNames().forEachRemaining(servers::add);
      assertThat(servers).containsExactlyElementsIn(b.mcpServers().stream().map(McpServerSpec::name).toList());
    }
    if (!m.javaServers().isEmpty()) {
      // `claude mcp list` connects to every server: the Java ones must start from ${CLAUDE_PLUGIN_ROOT}/lib/*
      CodexCli.Result health = claude.run("mcp", "list");
      assertThat(health.exitCode()).isEqualTo(0);
      for (PluginBundle b : m.plugins().values()) {
        for (McpServerSpec s : b.mcpServers()) {
          if (s.command().equals("java")) {
            String line = health.stdout().lines().filter(l -> l.startsWith("plugin:" + b.name() + ":" + s.name() + ":"))
                .findFirst().orElseThrow(() -> new AssertionError("claude mcp list does not show " + s.name()));
            assertWithMessage(line).that(line).contains("/plugins/" + b.name() + "/lib/* ");
            assertWithMessage(line).that(line).endsWith("Connected");
          }
        }
      }
    }
    return list;
  }

  private static JsonNode validate(ClaudeCli claude, Path dir, String type) throws IOException {
    CodexCli.Result result = claude.run("plugin", "validate", "--json", "--strict", dir.toString());
    assertWithMessage("claude plugin validate --strict %s:\n%s%s", dir, result.stdout(), result.stderr())
        .that(result.exitCode()).isEqualTo(0);
    JsonNode json = CodexCli.JSON.readTree(result.stdout());
    assertThat(json.path("success").asBoolean()).isTrue();
    assertThat(json.path("manifest").path("type").asText()).isEqualTo(type);
    assertThat(json.path("manifest").path("errors").size()).isEqualTo(0);
    assertThat(json.path("manifest").path("warnings").size()).isEqualTo(0);
    return json;
  }

  static JsonNode only(JsonNode array, String key, String value) {
    List<JsonNode> matches = new ArrayList<>();
    array.forEach(n -> {
      if (value.equals(n.path(key).asText())) {
        matches.add(n);
      }
    });
    assertWithMessage("exactly one %s = %s in %s", key, value, array).that(matches).hasSize(1);
    return matches.get(0);
  }
}
