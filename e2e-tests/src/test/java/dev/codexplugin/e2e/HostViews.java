package dev.codexplugin.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hosts' view of a marketplace, from the real CLIs: every local entry installed, then what the host lists for
 * it. Every command and its output is appended to a transcript under {@code target/}, the record the known
 * differences are checked against.
 */
final class HostViews {
  /** Where Codex puts the skills it makes of a plugin's Claude commands, inside the installed copy. */
  static final String MIGRATED_COMMANDS = "/.codex-plugin/migrated-command-skills/";

  private static final Pattern INVENTORY =
      Pattern.compile("^\\s+(Skills|Agents|Hooks|MCP servers|LSP servers) \\((\\d+)\\)\\s*(.*)$");

  private HostViews() {}

  /**
   * Codex: {@code plugin marketplace add --json}, {@code plugin add <p>@<m> --json} for every local entry,
   * {@code plugin list --json}, then app-server {@code plugin/read} for each installed entry (description, MCP
   * servers), {@code skills/list} (the skills of the installed copy, among them the skills Codex makes of Claude
   * commands) and {@code hooks/list}.
   */
  static Map<String, PluginView> codex(Corpus corpus, CodexCli codex, Path transcript) throws Exception {
    Map<String, PluginView> views = new LinkedHashMap<>();
    CodexCli.Result added = record(transcript, codex.run("plugin", "marketplace", "add", corpus.root().toString(),
        "--json"));
    if (added.exitCode() != 0) {
      corpus.entries().keySet().forEach(e -> views.put(e, PluginView.absent(e, "marketplace refused: "
          + firstLine(added.stderr()))));
      return views;
    }
    String market = added.json().path("marketplaceName").asText();
    Map<String, String> versions = new LinkedHashMap<>();
    for (String entry : corpus.entries().keySet()) {
      CodexCli.Result r = record(transcript, codex.run("plugin", "add", entry + "@" + market, "--json"));
      if (r.exitCode() == 0) {
        versions.put(entry, r.json().path("version").asText());
      } else {
        views.put(entry, PluginView.absent(entry, "refused: " + firstLine(r.stderr())));
      }
    }
    JsonNode list = record(transcript, codex.run("plugin", "list", "--json")).json();
    for (JsonNode installed : list.path("installed")) {
      String id = installed.path("pluginId").asText();
      String entry = id.substring(0, id.lastIndexOf('@'));
      if (versions.containsKey(entry) && id.endsWith("@" + market)) {
        versions.put(entry, installed.path("version").asText());
      }
    }
    Path work = codex.home().getParent();
    try (AppServerClient app = AppServerClient.start(Path.of(System.getProperty("codex.bin")), codex.home())
        .quiet()) {
      Map<String, List<String>> skills = new LinkedHashMap<>();
      Map<String, List<String>> commands = new LinkedHashMap<>();
      ObjectNode skillParams = CodexCli.JSON.createObjectNode();
      skillParams.putArray("cwds").add(work.toString());
      skillParams.put("forceReload", true);
      JsonNode skillList = call(app, transcript, "skills/list", skillParams);
      for (JsonNode data : skillList.path("result").path("data")) {
        for (JsonNode s : data.path("skills")) {
          String id = s.path("pluginId").asText();
          String name = s.path("name").asText();
          String bare = name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
          (s.path("path").asText().contains(MIGRATED_COMMANDS) ? commands : skills)
              .computeIfAbsent(id, k -> new ArrayList<>()).add(bare);
        }
      }
      ObjectNode hookParams = CodexCli.JSON.createObjectNode();
      hookParams.putArray("cwds").add(work.toString());
      Map<String, List<String>> hooks = new LinkedHashMap<>();
      for (JsonNode data : call(app, transcript, "hooks/list", hookParams).path("result").path("data")) {
        for (JsonNode h : data.path("hooks")) {
          hooks.computeIfAbsent(h.path("pluginId").asText(), k -> new ArrayList<>())
              .add(pascal(h.path("eventName").asText()));
        }
      }
      for (Map.Entry<String, String> e : versions.entrySet()) {
        String entry = e.getKey();
        String id = entry + "@" + market;
        ObjectNode params = CodexCli.JSON.createObjectNode();
        params.put("pluginName", entry);
        params.put("marketplacePath", corpus.root().resolve(corpus.file()).toString());
        JsonNode read = call(app, transcript, "plugin/read", params);
        JsonNode plugin = read.path("result").path("plugin");
        List<String> servers = new ArrayList<>();
        plugin.path("mcpServers").forEach(s -> servers.add(s.asText()));
        views.put(entry, PluginView.builder(entry, "installed")
            .put("version", PluginView.version(e.getValue()))
            .put("description", read.has("error") ? "(plugin/read: " + read.get("error").path("message").asText()
                + ")" : plugin.path("description").asText(""))
            .put("skills", skills.getOrDefault(id, List.of()))
            .put("commands", commands.getOrDefault(id, List.of()))
            .put("hooks", new java.util.TreeSet<>(hooks.getOrDefault(id, List.of())))
            .put("mcpServers", servers)
            .build());
      }
      Files.writeString(transcript, "[app-server stderr]\n" + app.stderr(), StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
    }
    return order(corpus, views);
  }

  /**
   * Claude Code: {@code plugin validate --json} on the marketplace root, {@code plugin marketplace add},
   * {@code plugin install <p>@<m> --json} for every local entry, {@code plugin list --json} (versions), and
   * {@code plugin details <p>@<m>} (description, skills, agents, hooks, MCP servers as the installed plugin shows
   * them; Claude Code lists a plugin's commands among its skills).
   */
  static Map<String, PluginView> claude(Corpus corpus, ClaudeCli claude, Path transcript) throws Exception {
    Map<String, PluginView> views = new LinkedHashMap<>();
    record(transcript, claude.run("plugin", "validate", "--json", corpus.root().toString()));
    CodexCli.Result added = record(transcript, claude.run("plugin", "marketplace", "add",
        corpus.root().toString()));
    if (added.exitCode() != 0) {
      corpus.entries().keySet().forEach(e -> views.put(e, PluginView.absent(e, "marketplace refused: "
          + lastLine(added.stdout() + added.stderr()))));
      return views;
    }
    String market = corpus.name();
    List<String> installed = new ArrayList<>();
    for (String entry : corpus.entries().keySet()) {
      CodexCli.Result r = record(transcript, claude.run("plugin", "install", entry + "@" + market, "--json"));
      JsonNode json = r.exitCode() == 0 ? r.json() : CodexCli.JSON.readTree(r.stdout().isBlank() ? "{}" : r.stdout());
      if (json.path("outcome").asText().equals("ok")) {
        installed.add(entry);
      } else {
        views.put(entry, PluginView.absent(entry, "refused: " + json.path("message").asText(lastLine(r.stderr()))));
      }
    }
    Map<String, String> versions = new LinkedHashMap<>();
    for (JsonNode p : record(transcript, claude.run("plugin", "list", "--json")).json()) {
      versions.put(p.path("id").asText(), p.path("version").asText());
    }
    for (String entry : installed) {
      String id = entry + "@" + market;
      CodexCli.Result details = record(transcript, claude.run("plugin", "details", id));
      Map<String, List<String>> inventory = new LinkedHashMap<>();
      String description = "";
      for (String line : details.stdout().lines().toList()) {
        if (line.startsWith("  Description: ")) {
          description = line.substring("  Description: ".length());
        }
        Matcher m = INVENTORY.matcher(line);
        if (m.matches()) {
          String items = m.group(3).replaceFirst("\\s{2,}\\(.*\\)$", "").trim();
          inventory.put(m.group(1), items.isEmpty() ? List.of() : List.of(items.split(",\\s*")));
        }
      }
      views.put(entry, PluginView.builder(entry, "installed")
          .put("version", PluginView.version(versions.get(id)))
          .put("description", description)
          .put("skills", inventory.getOrDefault("Skills", List.of()))
          .put("agents", inventory.getOrDefault("Agents", List.of()))
          .put("hooks", inventory.getOrDefault("Hooks", List.of()))
          .put("mcpServers", inventory.getOrDefault("MCP servers", List.of()))
          .build());
    }
    return order(corpus, views);
  }

  private static Map<String, PluginView> order(Corpus corpus, Map<String, PluginView> views) {
    Map<String, PluginView> ordered = new LinkedHashMap<>();
    corpus.entries().keySet().forEach(e -> ordered.put(e, views.get(e)));
    return ordered;
  }

  private static JsonNode call(AppServerClient app, Path transcript, String method, JsonNode params)
      throws IOException, InterruptedException {
    JsonNode response = app.call(method, params, Duration.ofMinutes(2));
    Files.writeString(transcript, ">> " + method + " " + params + "\n<< " + response + "\n",
        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return response;
  }

  static CodexCli.Result record(Path transcript, CodexCli.Result r) throws IOException {
    Files.createDirectories(transcript.getParent());
    Files.writeString(transcript, "$ " + String.join(" ", r.command()) + "   [exit " + r.exitCode() + "]\n"
        + r.stdout() + (r.stdout().endsWith("\n") || r.stdout().isEmpty() ? "" : "\n")
        + (r.stderr().isBlank() ? "" : "[stderr]\n" + r.stderr() + "\n"), StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return r;
  }

  /** Codex's {@code hooks/list} names events in camelCase ({@code preToolUse}); hooks.json in PascalCase. */
  static String pascal(String event) {
    return event.isEmpty() ? event : event.substring(0, 1).toUpperCase(Locale.ROOT) + event.substring(1);
  }

  static String firstLine(String text) {
    return text.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("WARNING:")).findFirst()
        .orElse("(no message)");
  }

  static String lastLine(String text) {
    List<String> lines = text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    return lines.isEmpty() ? "(no message)" : lines.get(lines.size() - 1);
  }
}
