package dev.codexplugin.packages;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Codex, driven by its own commands: {@code codex plugin marketplace add <root>}, {@code codex plugin add
 * <plugin>@<marketplace>}, {@code codex plugin remove}, {@code codex plugin list --json}. They write
 * {@code $CODEX_HOME/config.toml} ({@code [marketplaces.<m>]}, {@code [plugins."<p>@<m>"] enabled = true}) and
 * copy the plugin to {@code $CODEX_HOME/plugins/cache/<m>/<p>/<version>/}; 0.169.0 and 0.171.0 behave the
 * same (docs/research/hosts-install.md). Codex has no project scope for plugins: both scopes record them in
 * {@code $CODEX_HOME}. A plugin whose cache copy was changed by hand is removed and added again (the same version:
 * {@code add} alone would leave the copy as it is).
 */
final class CodexHost implements HostAdapter {
  private final HostCli cli;
  private final Path home;

  CodexHost(HostCli cli, Path home) {
    this.cli = cli;
    this.home = home;
  }

  @Override
  public Declaration.Host host() {
    return Declaration.Host.CODEX;
  }

  @Override
  public List<Path> touched(String marketplace) {
    return List.of(home.resolve("config.toml"), home.resolve("plugins/cache").resolve(marketplace));
  }

  @Override
  public List<Installed> list() throws PackageException {
    JsonNode list = cli.json("plugin", "list", "--json");
    List<Installed> out = new ArrayList<>();
    for (JsonNode p : list.path("installed")) {
      if (p.path("installed").asBoolean(true)) {
        out.add(new Installed(p.path("pluginId").asText(), p.path("version").asText(),
            p.path("enabled").asBoolean()));
      }
    }
    return out;
  }

  @Override
  public Map<String, Path> apply(Path root, String marketplace, Map<String, String> wanted, Set<String> reinstall)
      throws PackageException {
    Map<String, String> current = installedFrom(marketplace);
    Map<String, Path> folders = new LinkedHashMap<>();
    if (!wanted.isEmpty()) {
      cli.json("plugin", "marketplace", "add", root.toString(), "--json");
    }
    for (Map.Entry<String, String> w : wanted.entrySet()) {
      String id = w.getKey() + "@" + marketplace;
      Path folder = home.resolve("plugins/cache").resolve(marketplace).resolve(w.getKey()).resolve(w.getValue());
      boolean again = reinstall.contains(w.getKey()) && w.getValue().equals(current.get(w.getKey()));
      if (again) {
        // The cache folder was changed by hand: remove the plugin (which deletes the folder) and add it again.
        cli.json("plugin", "remove", id, "--json");
      }
      if (again || !w.getValue().equals(current.get(w.getKey()))) {
        JsonNode added = cli.json("plugin", "add", id, "--json");
        if (added.hasNonNull("installedPath")) {
          folder = Path.of(added.get("installedPath").asText());
        }
        String version = added.path("version").asText(w.getValue());
        if (!version.equals(w.getValue())) {
          throw new PackageException("codex plugin add " + id + " installed version " + version + ", not the locked "
              + w.getValue() + "; the managed marketplace " + root + " was changed by hand: run the command again");
        }
      }
      folders.put(w.getKey(), folder);
    }
    for (String plugin : current.keySet()) {
      if (!wanted.containsKey(plugin)) {
        cli.json("plugin", "remove", plugin + "@" + marketplace, "--json");
      }
    }
    if (wanted.isEmpty() && !current.isEmpty()) {
      cli.run("plugin", "marketplace", "remove", marketplace);
    }
    return folders;
  }
}
