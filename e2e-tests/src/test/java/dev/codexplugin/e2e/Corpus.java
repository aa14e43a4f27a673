package dev.codexplugin.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.AgentSpec;
import dev.codexplugin.runtime.CommandSpec;
import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.HookSpec;
import dev.codexplugin.runtime.LoadResult;
import dev.codexplugin.runtime.Marketplace;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginCatalog;
import dev.codexplugin.runtime.PluginLoader;
import dev.codexplugin.runtime.SkillSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One marketplace of {@code src/test/corpus/}: copied under {@code target/} for the hosts to install, its local
 * entries, and what the SDK's public API reads from it.
 *
 * @param id the corpus folder name, e.g. {@code anthropics-claude-plugins-official}; names the marketplace in
 *     every report line, whatever the copy's marketplace is called
 * @param root the copy under {@code target/}
 * @param file the marketplace file, relative to the root ({@code .agents/plugins/marketplace.json} when it
 *     exists, as Codex prefers it, else {@code .claude-plugin/marketplace.json})
 * @param originalName the marketplace name of the snapshot
 * @param name the marketplace name of the copy (see {@link #RESERVED})
 * @param entries the local entries, by name, to their folder
 * @param remote how many entries have a remote source (git, url), which no host installs offline
 */
record Corpus(String id, Path root, String file, String originalName, String name, Map<String, Path> entries,
    int remote) {

  static final String CODEX_FILE = ".agents/plugins/marketplace.json";
  static final String CLAUDE_FILE = ".claude-plugin/marketplace.json";

  /**
   * Marketplace names a host refuses for a local folder, and the name the copy gets instead. Codex reserves
   * {@code openai-curated}; Claude Code reserves Anthropic's official marketplace names unless they come from the
   * anthropics GitHub organisation, and refuses names that look like them (a name starting with
   * {@code claude-plugins} "impersonates an official Anthropic/Claude marketplace"), hence the prefix. {@code CorpusIT.reservedMarketplaceNames} records both hosts on the originals.
   */
  static final Map<String, String> RESERVED = Map.of(
      "openai-curated", "corpus-openai-curated",
      "claude-plugins-official", "corpus-claude-plugins-official",
      "claude-code-plugins", "corpus-claude-code-plugins");

  /** The corpus folders ({@code corpus.dir}), sorted. */
  static List<Path> folders() throws IOException {
    Path dir = Path.of(System.getProperty("corpus.dir"));
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> Files.isRegularFile(p.resolve("SOURCE.txt"))).sorted().toList();
    }
  }

  /** Copies {@code folder} to {@code <work>/corpus/<id>/}, renaming a reserved marketplace name unless asked not to. */
  static Corpus copy(Path folder, Path work, boolean rename) throws IOException {
    String id = folder.getFileName().toString();
    Path root = work.resolve(rename ? "corpus" : "corpus-original").resolve(id);
    CodexCli.deleteRecursively(root);
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.toList()) {
        Path target = root.resolve(folder.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    String file = Files.isRegularFile(root.resolve(CODEX_FILE)) ? CODEX_FILE : CLAUDE_FILE;
    String original = "";
    for (String f : List.of(CODEX_FILE, CLAUDE_FILE)) {
      Path path = root.resolve(f);
      if (!Files.isRegularFile(path)) {
        continue;
      }
      ObjectNode json = (ObjectNode) CodexCli.JSON.readTree(path.toFile());
      original = json.path("name").asText();
      if (rename && RESERVED.containsKey(original)) {
        json.put("name", RESERVED.get(original));
        Files.writeString(path, json.toPrettyString() + "\n");
      }
    }
    JsonNode market = CodexCli.JSON.readTree(root.resolve(file).toFile());
    Map<String, Path> entries = new LinkedHashMap<>();
    int remote = 0;
    for (JsonNode entry : market.path("plugins")) {
      JsonNode source = entry.path("source");
      String path = source.isTextual() ? source.asText()
          : source.path("source").asText().equals("local") ? source.path("path").asText() : null;
      if (path == null) {
        remote++;
      } else {
        entries.put(entry.path("name").asText(), root.resolve(path).normalize());
      }
    }
    return new Corpus(id, root, file, original, market.path("name").asText(), entries, remote);
  }

  /** Whether Claude Code can add this marketplace: it reads only {@code .claude-plugin/marketplace.json}. */
  boolean forClaude() {
    return Files.isRegularFile(root.resolve(CLAUDE_FILE));
  }

  /**
   * What the SDK reads, through its public API only: {@link PluginCatalog#fromMarketplace} for the bundles
   * ({@link Marketplace.Entry#claudeDescription} for the description Claude Code shows), and
   * {@link PluginLoader#check} on an entry's folder for the errors that leave it out.
   */
  Map<String, PluginView> sdkView(String host) {
    PluginCatalog catalog = PluginCatalog.fromMarketplace(root);
    // Claude Code shows the entry's description over the manifest's (Marketplace.Entry.claudeDescription)
    Map<String, String> claudeDescriptions = new LinkedHashMap<>();
    Marketplace.read(root).files().stream().filter(f -> f.host() == Marketplace.Host.CLAUDE)
        .flatMap(f -> f.entries().stream())
        .forEach(entry -> claudeDescriptions.putIfAbsent(entry.name(), entry.claudeDescription()));
    Map<String, PluginView> views = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : entries.entrySet()) {
      String name = e.getKey();
      Optional<PluginCatalog.Entry> read = catalog.entries().stream()
          .filter(c -> c.name().equals(name) && Path.of(c.source()).normalize().equals(e.getValue()))
          .findFirst();
      if (read.isEmpty()) {
        LoadResult result = PluginLoader.check(e.getValue());
        TreeSet<String> codes = new TreeSet<>();
        result.errors().forEach(f -> codes.add(f.code().id()));
        catalog.findings().stream().filter(Finding::isError)
            .filter(f -> f.location().startsWith(e.getValue().toString())).forEach(f -> codes.add(f.code().id()));
        views.put(name, PluginView.absent(name, "error " + String.join(" ", codes)));
        continue;
      }
      PluginBundle b = read.get().bundle();
      views.put(name, PluginView.builder(name, "read")
          .put("version", PluginView.version(b.version()))
          .put("description", host.equals("claude") && !claudeDescriptions.getOrDefault(name, "").isEmpty()
              ? claudeDescriptions.get(name) : b.manifest().description())
          .put("skills", skills(b, host))
          // Codex: the skills it makes of commands at install; Claude Code lists commands among the skills
          .put("commands", b.commands().stream().map(CommandSpec::codexSkill).filter(c -> !c.isEmpty()).toList())
          .put("agents", b.agents().stream().map(AgentSpec::name).toList())
          .put("hooks", b.hooks().stream().map(HookSpec::event).toList())
          .put("mcpServers", b.mcpServers().stream().map(McpServerSpec::name).toList())
          .build());
    }
    return views;
  }

  /**
   * The skills as {@code host} lists them: Codex by front-matter name; Claude Code by folder, and every top-level
   * command as a skill too (docs/FORMAT.md §3b).
   */
  private static List<String> skills(PluginBundle b, String host) {
    if (!host.equals("claude")) {
      return b.skills().stream().map(SkillSpec::name).toList();
    }
    List<String> skills = new ArrayList<>();
    b.skills().forEach(s -> skills.add(s.folder().substring(s.folder().lastIndexOf('/') + 1)));
    b.commands().stream().map(CommandSpec::claudeSkill).filter(c -> !c.isEmpty()).forEach(skills::add);
    return skills;
  }

  /** The SDK's findings on the whole marketplace, rendered, for the report. */
  List<String> sdkFindings() {
    List<String> out = new ArrayList<>();
    PluginCatalog.fromMarketplace(root).findings().forEach(f -> out.add(f.toString()));
    return out;
  }
}
