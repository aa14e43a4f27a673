package dev.codexplugin.runtime.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.FindingCode.HostImpact;
import dev.codexplugin.runtime.PluginAuthor;
import dev.codexplugin.runtime.PluginManifest;
import dev.codexplugin.runtime.PluginUi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code plugin.json} as Codex 0.169.0 does. A wrong type in a field Codex reads makes it reject the
 * whole manifest (host-fatal); {@code author}, {@code homepage}, {@code repository} and {@code license} are
 * not read by Codex, so problems there are warnings. Component paths that break the path rule are ignored by
 * Codex in favour of the default location; a valid path to nothing loses the part.
 */
final class ManifestReader {
  static final Set<String> KEYS = Set.of("name", "version", "description", "author", "homepage", "repository",
      "license", "keywords", "skills", "mcpServers", "apps", "hooks", "interface");
  /** Keys of the Claude Code manifest that Codex ignores; not worth a warning. */
  static final Set<String> CLAUDE_KEYS = Set.of("$schema", "commands", "agents", "outputStyles", "lspServers");
  static final Set<String> UI_KEYS = Set.of("displayName", "shortDescription", "longDescription",
      "developerName", "category", "capabilities", "websiteURL", "privacyPolicyURL", "termsOfServiceURL",
      "defaultPrompt", "brandColor", "composerIcon", "logo", "logoDark", "screenshots");

  /** Where a component comes from: default location, the given paths, or an inline object. */
  record Component(List<String> paths, Optional<JsonFields> inline) {
    static Component of(String defaultPath) {
      return new Component(List.of(defaultPath), Optional.empty());
    }
  }

  /** The manifest and where its components are. */
  record Manifest(PluginManifest manifest, Component skills, Component mcpServers, Component apps,
      Component hooks) {}

  private final String file;
  private final Report report;
  private final List<String> files;

  private ManifestReader(String file, Report report, List<String> files) {
    this.file = file;
    this.report = report;
    this.files = files;
  }

  /**
   * Whether Codex reads {@code field} (a dotted path) into its manifest type: a duplicate of such a key makes
   * it reject the manifest, while it keeps the last value of any other key.
   */
  static boolean isReadByHost(String field) {
    if (field.startsWith("interface.")) {
      return UI_KEYS.contains(field.substring("interface.".length()));
    }
    return KEYS.contains(field) && !Set.of("author", "homepage", "repository", "license").contains(field);
  }

  /**
   * Reads a parsed manifest. An empty array is read like {@code {}} with a warning: Codex installs it as a
   * plugin without name or version (docs/FORMAT.md). Any other value that is not an object is host-fatal.
   */
  static Optional<Manifest> read(JsonNode json, String file, List<String> files, Report report) {
    if (json.isArray() && json.isEmpty()) {
      report.problem(FindingCode.WRONG_TYPE, file, "").found("an empty array").arg("type", "a JSON object")
          .fix("write {\"name\": ..., \"version\": ..., \"description\": ...}; Codex installs it as version"
              + " \"local\" and shows the skills as \"local:<skill>\"")
          .report();
      json = Json.object();
    }
    Optional<JsonFields> root = JsonFields.of(json, file, "", report.reading(HostImpact.REJECTS_PLUGIN));
    return root.map(r -> new ManifestReader(file, report, files).read(r));
  }

  private Manifest read(JsonFields m) {
    for (String key : m.keys()) {
      if (!KEYS.contains(key) && !CLAUDE_KEYS.contains(key)) {
        report.problem(FindingCode.UNKNOWN_KEY, file, key).fix("Codex ignores it").report();
      }
    }
    String version = m.optText("version").map(v -> {
      if (v.isBlank()) {
        report.problem(FindingCode.MISSING, file, "version").rejectsPlugin()
            .fix("Codex rejects a blank version; set one such as \"1.0.0\"").report();
      } else if (!v.equals(v.trim())) {
        report.problem(FindingCode.BAD_VERSION, file, "version").value(v)
            .fix("remove the spaces around it (Codex trims them)").report();
      }
      return v.trim();
    }).orElse("");
    if (!m.has("version")) {
      report.problem(FindingCode.MISSING, file, "version")
          .fix("set a version such as \"1.0.0\"; without one Codex installs the plugin as version \"local\"").report();
    }
    // Codex does not read these four: a wrong type is only a warning.
    Optional<PluginAuthor> author = Optional.empty();
    JsonNode authorNode = m.raw("author");
    if (authorNode != null && !authorNode.isNull()) {
      author = JsonFields.of(authorNode, file, "author", report.reading(HostImpact.NONE))
          .map(a -> new PluginAuthor(a.text("name"), a.text("email"), a.text("url")));
    }
    String homepage = lenientText(m, "homepage");
    String repository = lenientText(m, "repository");
    String license = lenientText(m, "license");

    PluginUi ui = m.object("interface").map(this::ui).orElse(PluginUi.EMPTY);
    PluginManifest manifest = PluginManifest.builder(m.text("name"))
        .version(version)
        .description(m.text("description"))
        .author(author)
        .homepage(homepage)
        .repository(repository)
        .license(license)
        .keywords(m.texts("keywords"))
        .ui(ui)
        .build();
    if (m.has("hooks")) {
      report.problem(FindingCode.DISCOURAGED, file, "hooks")
          .fix("leave hooks out of plugin.json and use the default hooks/hooks.json").report();
    }
    return new Manifest(manifest, skills(m), mcpServers(m), apps(m), hooks(m));
  }

  private String lenientText(JsonFields m, String key) {
    JsonNode node = m.raw(key);
    if (node == null || node.isNull()) {
      return "";
    }
    if (!node.isTextual()) {
      JsonFields.wrongType(report.reading(HostImpact.NONE), file, key, "a string", node);
      return "";
    }
    return node.textValue();
  }

  private PluginUi ui(JsonFields u) {
    for (String key : u.keys()) {
      if (!UI_KEYS.contains(key)) {
        report.problem(FindingCode.UNKNOWN_KEY, file, u.field(key)).fix("Codex ignores it").report();
      }
    }
    List<String> prompts = prompts(u);
    return PluginUi.builder()
        .displayName(u.text("displayName"))
        .shortDescription(u.text("shortDescription"))
        .longDescription(u.text("longDescription"))
        .developerName(u.text("developerName"))
        .category(u.text("category"))
        .capabilities(u.texts("capabilities"))
        .websiteUrl(u.text("websiteURL"))
        .privacyPolicyUrl(u.text("privacyPolicyURL"))
        .termsOfServiceUrl(u.text("termsOfServiceURL"))
        .defaultPrompts(prompts)
        .brandColor(u.text("brandColor"))
        .composerIcon(u.text("composerIcon"))
        .logo(u.text("logo"))
        .logoDark(u.text("logoDark"))
        .screenshots(u.texts("screenshots"))
        .build();
  }

  /**
   * {@code defaultPrompt} as Codex 0.169.0 reads it (docs/FORMAT.md): one string is accepted as a list of
   * one; entries that are not strings, or blank, are dropped; the first {@value Rules#MAX_PROMPTS} that remain
   * are kept. Each of these is only a warning: Codex warns and uses the rest.
   */
  private List<String> prompts(JsonFields u) {
    String field = u.field("defaultPrompt");
    JsonNode node = u.raw("defaultPrompt");
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (node.isTextual()) {
      report.problem(FindingCode.WRONG_TYPE, file, field).found("a string")
          .arg("type", "an array of strings").fix("write [\"...\"]; Codex reads it as a list of one").report();
      return node.textValue().isBlank() ? List.of() : List.of(node.textValue());
    }
    if (!node.isArray()) {
      JsonFields.wrongType(report.reading(HostImpact.NONE), file, field, "an array of strings", node);
      return List.of();
    }
    List<String> prompts = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (!item.isTextual()) {
        report.problem(FindingCode.WRONG_TYPE, file, field + "[" + i + "]")
            .found(JsonFields.describe(item)).arg("type", "a string")
            .fix("Codex drops the entry").report();
      } else if (item.textValue().isBlank()) {
        report.problem(FindingCode.DEFAULT_PROMPTS, file, field + "[" + i + "]").found("empty")
            .fix("remove the empty entry (Codex drops it)").report();
      } else {
        prompts.add(item.textValue());
      }
    }
    if (prompts.size() > Rules.MAX_PROMPTS) {
      report.problem(FindingCode.DEFAULT_PROMPTS, file, field).found(prompts.size() + " prompts")
          .fix("keep the best three; Codex uses the first three and drops the rest").report();
      return prompts.subList(0, Rules.MAX_PROMPTS);
    }
    return prompts;
  }

  private Component skills(JsonFields m) {
    JsonNode node = m.raw("skills");
    if (node == null || node.isNull()) {
      return Component.of("skills");
    }
    Optional<List<String>> values = pathList(node);
    if (values.isEmpty()) {
      report.problem(FindingCode.WRONG_TYPE, file, "skills").found(JsonFields.describe(node))
          .arg("type", "a path or an array of paths").fix("write \"./skills/\"; Codex ignores it and reads ./skills/")
          .report();
      return Component.of("skills");
    }
    return paths("skills", values.get(), "skills", true);
  }

  private Component mcpServers(JsonFields m) {
    JsonNode node = m.raw("mcpServers");
    if (node == null || node.isNull()) {
      return Component.of(FormatFiles.MCP_FILE);
    }
    if (node.isObject()) {
      JsonFields inline = new JsonFields(node, file, "mcpServers", report.reading(HostImpact.DROPS_PART));
      return new Component(List.of(), Optional.of(inline));
    }
    if (!node.isTextual()) {
      report.problem(FindingCode.WRONG_TYPE, file, "mcpServers").found(JsonFields.describe(node))
          .arg("type", "a path or an object of servers")
          .fix("write \"./.mcp.json\"; Codex ignores it and reads ./.mcp.json").report();
      return Component.of(FormatFiles.MCP_FILE);
    }
    return paths("mcpServers", List.of(node.textValue()), FormatFiles.MCP_FILE, false);
  }

  private Component apps(JsonFields m) {
    JsonNode node = m.raw("apps");
    if (node == null || node.isNull()) {
      return Component.of(FormatFiles.APP_FILE);
    }
    if (!node.isTextual()) {
      JsonFields.wrongType(report.reading(HostImpact.REJECTS_PLUGIN), file, "apps", "a path such as \"./.app.json\"", node);
      return new Component(List.of(), Optional.empty());
    }
    return paths("apps", List.of(node.textValue()), FormatFiles.APP_FILE, false);
  }

  private Component hooks(JsonFields m) {
    JsonNode node = m.raw("hooks");
    if (node == null || node.isNull()) {
      return Component.of(FormatFiles.HOOKS_FILE);
    }
    if (node.isObject()) {
      return new Component(List.of(), Optional.of(new JsonFields(node, file, "hooks", report.reading(HostImpact.DROPS_PART))));
    }
    Optional<List<String>> values = pathList(node);
    if (values.isEmpty()) {
      report.problem(FindingCode.WRONG_TYPE, file, "hooks").found(JsonFields.describe(node))
          .arg("type", "a path, an array of paths or an object")
          .fix("remove it; Codex reads ./hooks/hooks.json by default").report();
      return Component.of(FormatFiles.HOOKS_FILE);
    }
    return paths("hooks", values.get(), FormatFiles.HOOKS_FILE, false);
  }

  /**
   * Checks each path: one that breaks the path rule is ignored (Codex falls back to the default when no path
   * is usable); a valid one to nothing loses the part (host-fatal).
   */
  private Component paths(String field, List<String> values, String defaultPath, boolean folder) {
    List<String> usable = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      String where = values.size() == 1 ? field : field + "[" + i + "]";
      if (value.isEmpty()) {
        continue;
      }
      Optional<String> problem = BundlePaths.problem(value);
      if (problem.isPresent()) {
        report.problem(FindingCode.BAD_PATH, file, where).value(value)
            .fix(problem.get() + "; Codex ignores it and reads ./" + defaultPath + (folder ? "/" : "")
                + " instead; write \"./" + defaultPath + (folder ? "/" : "") + "\"")
            .report();
        continue;
      }
      String relative = BundlePaths.relative(value);
      if (!BundlePaths.exists(files, relative)) {
        report.problem(FindingCode.MISSING_FILE, file, where).value(value)
            .fix("Codex finds nothing there and does not fall back to ./" + defaultPath
                + "; fix the path or add the " + (folder ? "folder" : "file"))
            .dropsPart().report();
        continue;
      }
      usable.add(relative);
    }
    if (usable.isEmpty() && values.stream().allMatch(v -> v.isEmpty() || BundlePaths.problem(v).isPresent())) {
      return Component.of(defaultPath);
    }
    return new Component(usable, Optional.empty());
  }

  /** A path or an array of paths as a list; empty when {@code node} is neither. */
  private static Optional<List<String>> pathList(JsonNode node) {
    if (node.isTextual()) {
      return Optional.of(List.of(node.textValue()));
    }
    if (!node.isArray() || !allText(node)) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    node.forEach(n -> values.add(n.textValue()));
    return Optional.of(values);
  }

  private static boolean allText(JsonNode array) {
    for (JsonNode n : array) {
      if (!n.isTextual()) {
        return false;
      }
    }
    return true;
  }
}
