package dev.codexplugin.packages;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Claude Code, driven by its own commands: {@code claude plugin marketplace add <root> --scope <s>},
 * {@code claude plugin install|update|uninstall <plugin>@<marketplace> --scope <s>} and
 * {@code claude plugin list --json}. Project scope writes {@code .claude/settings.json} of the project
 * ({@code extraKnownMarketplaces}, {@code enabledPlugins}); user scope the user's {@code settings.json}; both
 * record the install in {@code $CLAUDE_CONFIG_DIR/plugins/}. A directory marketplace loads in place, and
 * {@code update} re-records the folder's version, up or down (docs/research/hosts-install.md).
 */
final class ClaudeHost implements HostAdapter {
  private final HostCli cli;
  private final Path config;
  private final Path userHome;
  private final boolean configFromEnvironment;
  private final Declaration.Scope scope;
  private final Path project;

  ClaudeHost(HostCli cli, Path config, boolean configFromEnvironment, Path userHome, Declaration.Scope scope,
      Path project) {
    this.cli = cli;
    this.config = config;
    this.configFromEnvironment = configFromEnvironment;
    this.userHome = userHome;
    this.scope = scope;
    this.project = project;
  }

  @Override
  public Declaration.Host host() {
    return Declaration.Host.CLAUDE;
  }

  private Path settings() {
    return scope == Declaration.Scope.PROJECT ? project.resolve(".claude/settings.json")
        : config.resolve("settings.json");
  }

  @Override
  public List<Path> touched(String marketplace) {
    List<Path> paths = new ArrayList<>(List.of(settings(),
        config.resolve("plugins/installed_plugins.json"),
        config.resolve("plugins/known_marketplaces.json"),
        config.resolve("plugins/cache").resolve(marketplace),
        config.resolve("plugins/marketplaces").resolve(marketplace),
        config.resolve(".claude.json")));
    if (!configFromEnvironment) {
      paths.add(userHome.resolve(".claude.json"));
    }
    return paths;
  }

  @Override
  public List<Installed> list() throws PackageException {
    return entries().stream().map(e -> new Installed(e.path("id").asText(), e.path("version").asText(),
        e.path("enabled").asBoolean())).toList();
  }

  /** The entries of {@code claude plugin list --json} of this scope (and project). */
  private List<JsonNode> entries() throws PackageException {
    JsonNode list = cli.json("plugin", "list", "--json");
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e : list) {
      if (e.path("id").asText().endsWith("@builtin") || !scope.id().equals(e.path("scope").asText())) {
        continue;
      }
      if (scope == Declaration.Scope.PROJECT && e.hasNonNull("projectPath")
          && !samePath(Path.of(e.get("projectPath").asText()), project)) {
        continue;
      }
      out.add(e);
    }
    return out;
  }

  private static boolean samePath(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (java.io.IOException e) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }

  @Override
  public Map<String, Path> apply(Path root, String marketplace, Map<String, String> wanted, Set<String> reinstall)
      throws PackageException {
    Map<String, String> current = installedFrom(marketplace);
    if (!wanted.isEmpty()) {
      cli.json("plugin", "marketplace", "add", root.toString(), "--scope", scope.id(), "--json");
    }
    for (Map.Entry<String, String> w : wanted.entrySet()) {
      String id = w.getKey() + "@" + marketplace;
      String have = current.get(w.getKey());
      if (have != null && have.equals(w.getValue()) && reinstall.contains(w.getKey())) {
        // A copy outside the managed marketplace (which is written anew) was changed by hand: install it again.
        cli.run("plugin", "uninstall", id, "--scope", scope.id());
        have = null;
      }
      if (have == null) {
        cli.json("plugin", "install", id, "--scope", scope.id(), "--json");
      } else if (!have.equals(w.getValue())) {
        cli.run("plugin", "update", id, "--scope", scope.id());
      }
    }
    for (String plugin : current.keySet()) {
      if (!wanted.containsKey(plugin)) {
        cli.run("plugin", "uninstall", plugin + "@" + marketplace, "--scope", scope.id());
      }
    }
    if (wanted.isEmpty() && !current.isEmpty()) {
      cli.run("plugin", "marketplace", "remove", marketplace, "--scope", scope.id());
    }
    Map<String, Path> folders = new LinkedHashMap<>();
    if (!wanted.isEmpty()) {
      for (JsonNode e : entries()) {
        String id = e.path("id").asText();
        String plugin = id.substring(0, id.lastIndexOf('@'));
        if (id.endsWith("@" + marketplace) && wanted.containsKey(plugin)) {
          if (!wanted.get(plugin).equals(e.path("version").asText())) {
            throw new PackageException("claude plugin list shows " + id + " at " + e.path("version").asText()
                + ", not the locked " + wanted.get(plugin) + "; the managed marketplace " + root
                + " was changed by hand: run the command again");
          }
          String folder = e.hasNonNull("readFromFolder") ? e.get("readFromFolder").asText()
              : e.path("installPath").asText();
          folders.put(plugin, Path.of(folder));
        }
      }
    }
    return folders;
  }
}
