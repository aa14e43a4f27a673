package dev.codexplugin.processor;

import dev.codexplugin.api.HookEvent;
import dev.codexplugin.processor.Declarations.PartDecl;
import dev.codexplugin.processor.Declarations.PluginDecl;
import dev.codexplugin.runtime.AppSpec;
import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.HookSpec;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginAuthor;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginManifest;
import dev.codexplugin.runtime.PluginUi;
import dev.codexplugin.runtime.Severity;
import dev.codexplugin.runtime.SkillSpec;
import dev.codexplugin.runtime.SkillUi;
import dev.codexplugin.runtime.internal.BundlePaths;
import dev.codexplugin.runtime.internal.BundleWriter;
import dev.codexplugin.runtime.internal.ConfigReader;
import dev.codexplugin.runtime.internal.Limits;
import dev.codexplugin.runtime.internal.Report;
import dev.codexplugin.runtime.internal.Rules;
import dev.codexplugin.runtime.internal.SkillReader;
import dev.codexplugin.runtime.internal.SkillScanner;
import dev.codexplugin.runtime.internal.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * Builds the bundle of one {@code @Plugin} from its annotations and the files they name, checks it with the
 * runtime's rules, and maps every finding back to the annotation value it came from.
 */
final class BundleAssembler {
  private final Elements elements;
  private final Resources resources;
  private final Diagnostics diagnostics;
  private final String optionVersion;
  private final PluginDecl plugin;
  private final Origins origins;
  private final Report report = new Report(Report.Mode.PUBLISH, "");
  private final SortedMap<String, byte[]> packaged = new TreeMap<>();
  private final Map<String, String> packagedFrom = new LinkedHashMap<>();
  /** Places the processor reported itself; the rules' findings there would repeat them. */
  private final Set<String> handled = new HashSet<>();
  private boolean failed;

  BundleAssembler(Elements elements, Resources resources, Diagnostics diagnostics, String optionVersion,
      PluginDecl plugin) {
    this.elements = elements;
    this.resources = resources;
    this.diagnostics = diagnostics;
    this.optionVersion = optionVersion;
    this.plugin = plugin;
    this.origins = new Origins(plugin.reader().origin().labeled("@Plugin \"" + plugin.name() + "\""));
  }

  /** The bundle's files, or empty when an error was reported. */
  Optional<SortedMap<String, byte[]>> assemble(List<PartDecl> parts) {
    PluginManifest manifest = manifest();
    List<SkillSpec> skills = new ArrayList<>(localSkills());
    List<McpServerSpec> servers = new ArrayList<>(configServers());
    List<AppSpec> apps = new ArrayList<>(configApps());
    List<HookSpec> hooks = new ArrayList<>();
    for (PartDecl part : parts) {
      switch (part.kind()) {
        case SKILL -> skill(part).ifPresent(skills::add);
        case MCP_SERVER -> servers.add(server(part));
        case APP -> apps.add(app(part));
        case HOOK -> hooks.add(hook(part, hooks.size()));
      }
    }
    skills.sort(Comparator.comparing(SkillSpec::name));
    servers.sort(Comparator.comparing(McpServerSpec::name));
    apps.sort(Comparator.comparing(AppSpec::key));
    PluginBundle bundle = new PluginBundle(manifest, skills, servers, apps, hooks,
        List.copyOf(packaged.keySet()), "", List.of());
    Rules.check(bundle, Rules.MANIFEST, report);
    for (Finding finding : report.findings()) {
      if (!handled.contains(finding.file() + "#" + finding.field())) {
        diagnostics.print(finding, origins);
        failed |= finding.isError();
      }
    }
    return failed ? Optional.empty() : Optional.of(BundleWriter.write(bundle, packaged));
  }

  PluginDecl plugin() {
    return plugin;
  }

  // ------------------------------------------------------------------------------------------ manifest

  private PluginManifest manifest() {
    AnnotationReader p = plugin.reader();
    String f = Rules.MANIFEST;
    for (String attr : List.of("name", "version", "description", "homepage", "repository", "license")) {
      origins.put(f, attr, p.origin(attr));
    }
    origins.put(f, "name", FindingCode.BAD_NAME, p.origin("name"));
    String version = p.string("version");
    if (version.isEmpty()) {
      version = optionVersion;
      if (version.isEmpty()) {
        error(FindingCode.MISSING, p.origin("version"), f, "version", FindingCode.MISSING.rule()
            + "; set @Plugin(version = \"1.0.0\") or pass -A" + Options.VERSION + "=${project.version}"
            + " to javac (Maven: compilerArgs)");
      } else {
        origins.put(f, "version", p.origin().labeled("-A" + Options.VERSION + " (the version of @Plugin \""
            + plugin.name() + "\")"));
      }
    }
    AnnotationReader a = p.nested(elements, "author");
    Optional<PluginAuthor> author = Optional.empty();
    if (!a.string("name").isEmpty() || !a.string("email").isEmpty() || !a.string("url").isEmpty()) {
      author = Optional.of(new PluginAuthor(a.string("name"), a.string("email"), a.string("url")));
      origins.put(f, "author.name", a.origin("name"));
      origins.put(f, "author.url", a.origin("url"));
    }
    return new PluginManifest(plugin.name(), version, p.string("description"), author, p.string("homepage"),
        p.string("repository"), p.string("license"), p.strings("keywords"), ui(p.nested(elements, "ui")));
  }

  private PluginUi ui(AnnotationReader u) {
    String f = Rules.MANIFEST;
    Map<String, String> jsonNames = Map.of("websiteURL", "websiteUrl", "privacyPolicyURL", "privacyPolicyUrl",
        "termsOfServiceURL", "termsOfServiceUrl", "defaultPrompt", "defaultPrompts");
    for (String attr : List.of("displayName", "shortDescription", "longDescription", "developerName",
        "category", "capabilities", "brandColor", "composerIcon", "logo", "logoDark", "screenshots")) {
      origins.put(f, "interface." + attr, u.origin(attr));
    }
    jsonNames.forEach((json, attr) -> origins.put(f, "interface." + json, u.origin(attr)));
    List<String> prompts = u.strings("defaultPrompts");
    for (int i = 0; i < prompts.size(); i++) {
      origins.put(f, "interface.defaultPrompt[" + i + "]", u.origin("defaultPrompts", i));
    }
    List<String> screenshots = new ArrayList<>();
    List<String> shotPaths = u.strings("screenshots");
    for (int i = 0; i < shotPaths.size(); i++) {
      origins.put(f, "interface.screenshots[" + i + "]", u.origin("screenshots", i));
      asset(u, "screenshots", i, shotPaths.get(i), "assets", f, "interface.screenshots[" + i + "]")
          .ifPresent(screenshots::add);
    }
    return new PluginUi(u.string("displayName"), u.string("shortDescription"), u.string("longDescription"),
        u.string("developerName"), u.string("category"), u.strings("capabilities"), u.string("websiteUrl"),
        u.string("privacyPolicyUrl"), u.string("termsOfServiceUrl"), prompts, u.string("brandColor"),
        asset(u, "composerIcon", "assets", f, "interface.composerIcon"),
        asset(u, "logo", "assets", f, "interface.logo"),
        asset(u, "logoDark", "assets", f, "interface.logoDark"), screenshots);
  }

  // ------------------------------------------------------------------------------------------ skills

  private Optional<SkillSpec> skill(PartDecl part) {
    AnnotationReader s = part.reader();
    String name = s.string("name");
    String folder = "skills/" + name;
    String f = folder + "/SKILL.md";
    origins.put(f, "", s.origin().labeled("@Skill \"" + name + "\""));
    for (String attr : List.of("name", "description", "license", "compatibility", "metadata")) {
      origins.put(f, attr, s.origin(attr));
    }
    origins.put(f, "name", FindingCode.DUPLICATE, s.origin("name"));
    List<String> requires = s.strings("requires");
    for (int i = 0; i < requires.size(); i++) {
      origins.put(f, "requires[" + i + "]", s.origin("requires", i));
    }
    origins.put(f, "requires", s.origin("requires"));

    String instructions = instructions(s, f).orElse(null);
    if (instructions == null) {
      return Optional.empty();
    }
    Map<String, String> metadata = new TreeMap<>(entries(s, "metadata", f, "metadata"));
    String shortDescription = s.string("shortDescription");
    if (!shortDescription.isEmpty()) {
      if (metadata.containsKey("short-description")) {
        error(FindingCode.DUPLICATE, s.origin("shortDescription"), f, "metadata.short-description",
            "@Skill shortDescription " + FindingCode.DUPLICATE.rule()
                + ": metadata also sets short-description; keep one");
      }
      metadata.put("short-description", shortDescription);
    }

    AnnotationReader u = s.nested(elements, "ui");
    String agent = folder + "/agents/openai.yaml";
    Map<String, String> uiAttrs = Map.of("interface.display_name", "displayName",
        "interface.short_description", "shortDescription", "interface.default_prompt", "defaultPrompt",
        "interface.brand_color", "brandColor", "interface.icon_small", "iconSmall",
        "interface.icon_large", "iconLarge");
    uiAttrs.forEach((field, attr) -> origins.put(agent, field, u.origin(attr)));
    SkillUi ui = new SkillUi(u.string("displayName"), u.string("shortDescription"), u.string("defaultPrompt"),
        u.string("brandColor"), asset(u, "iconSmall", folder + "/assets", agent, "interface.icon_small"),
        asset(u, "iconLarge", folder + "/assets", agent, "interface.icon_large"));
    return Optional.of(new SkillSpec(name, s.string("description"), s.string("license"),
        s.string("compatibility"), s.strings("allowedTools"), metadata, instructions, folder, requires, ui,
        tri(s.enumConstant("allowImplicitInvocation"))));
  }

  private Optional<String> instructions(AnnotationReader s, String skillFile) {
    String inline = s.string("instructions");
    String file = s.string("instructionsFile");
    if (inline.isBlank() == file.isEmpty()) {
      error(FindingCode.INSTRUCTIONS, inline.isBlank() ? s.origin() : s.origin("instructionsFile"), skillFile, "",
          s.label() + " " + FindingCode.INSTRUCTIONS.rule() + (inline.isBlank()
              ? "; write the Markdown in instructions = \"\"\"...\"\"\" or name a file in instructionsFile"
              : "; remove one of them"));
      return Optional.empty();
    }
    if (file.isEmpty()) {
      return Optional.of(inline);
    }
    Optional<byte[]> bytes = resource(s, "instructionsFile", -1, file, skillFile, "");
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> text = Text.decodeUtf8(bytes.get());
    if (text.isEmpty() || Text.hasBom(bytes.get())) {
      error(FindingCode.BAD_ENCODING, s.origin("instructionsFile"), skillFile, "", s.label()
          + " instructionsFile " + Text.quote(file) + " " + FindingCode.BAD_ENCODING.rule() + "; save it as UTF-8");
      return Optional.empty();
    }
    return Optional.of(text.get());
  }

  /** The skills of {@code @Plugin(localSkills)}, read from the folder with the runtime's reader. */
  private List<SkillSpec> localSkills() {
    AnnotationReader p = plugin.reader();
    String dir = p.string("localSkills");
    if (dir.isEmpty()) {
      return List.of();
    }
    Origin origin = p.origin("localSkills").labeled("@Plugin localSkills " + Text.quote(dir)).forFiles();
    Optional<String> name = Resources.name(packageOf(p.element()), dir);
    Optional<Path> folder = name.flatMap(resources::folder);
    if (folder.isEmpty()) {
      error(FindingCode.MISSING_FILE, p.origin("localSkills"), "skills", "", "@Plugin localSkills "
          + Text.quote(dir) + " must name an existing folder; looked for "
          + name.orElse(dir) + " in " + resources.searched());
      return List.of();
    }
    origins.putPrefix("skills/", origin);
    Map<String, byte[]> files = readFolder(folder.get(), p.origin("localSkills"));
    files.forEach((rel, bytes) -> pack("skills/" + rel, bytes, "localSkills " + dir, p.origin("localSkills")));
    List<SkillSpec> skills = new ArrayList<>();
    for (String skillFolder : SkillScanner.find(files.keySet().stream().map(k -> "skills/" + k).toList(),
        "skills", report)) {
      byte[] agent = packaged.get(skillFolder + "/agents/openai.yaml");
      SkillReader.read(skillFolder, packaged.get(skillFolder + "/SKILL.md"), agent, report).ifPresent(skills::add);
    }
    return skills;
  }

  private Map<String, byte[]> readFolder(Path folder, Origin origin) {
    Map<String, byte[]> files = new TreeMap<>();
    try {
      Path real = folder.toRealPath();
      List<Path> paths;
      try (Stream<Path> walk = Files.walk(folder, Limits.MAX_FOLDER_DEPTH, FileVisitOption.FOLLOW_LINKS)) {
        paths = walk.filter(path -> Files.isRegularFile(path)).sorted().limit(Limits.MAX_FILES + 1L).toList();
      }
      if (paths.size() > Limits.MAX_FILES) {
        diagnostics.print(FindingCode.TOO_LARGE, Severity.ERROR, origin, origin.label() + " holds more than "
            + Limits.MAX_FILES + " files; package fewer");
        failed = true;
        return files;
      }
      for (Path path : paths) {
        String rel = folder.relativize(path).toString().replace('\\', '/');
        if (Arrays.stream(rel.split("/")).anyMatch(s -> s.startsWith("."))) {
          continue;
        }
        if (!path.toRealPath().startsWith(real)) {
          diagnostics.print(FindingCode.UNSAFE_PATH, Severity.ERROR, origin, origin.label() + ": " + rel + " "
              + FindingCode.UNSAFE_PATH.rule() + "; it is a link to " + path.toRealPath() + ", copy the file instead");
          failed = true;
          continue;
        }
        if (Files.isSymbolicLink(path) && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
          // a link inside the folder: packaged as the file it points to
        }
        files.put(rel, Resources.readCapped(Files.newInputStream(path), rel));
      }
    } catch (IOException | RuntimeException e) {
      diagnostics.print(FindingCode.IO, Severity.ERROR, origin, origin.label() + " " + FindingCode.IO.rule()
          + "; " + e.getMessage());
      failed = true;
    }
    return files;
  }

  // ------------------------------------------------------------------------------------------ servers, apps, hooks

  private List<McpServerSpec> configServers() {
    AnnotationReader p = plugin.reader();
    String path = p.string("mcpConfig");
    if (path.isEmpty()) {
      return List.of();
    }
    Origin origin = p.origin("mcpConfig").labeled("@Plugin mcpConfig " + Text.quote(path)).forFiles();
    Optional<byte[]> bytes = resource(p, "mcpConfig", -1, path, Rules.MCP_FILE, "");
    if (bytes.isEmpty()) {
      return List.of();
    }
    origins.put(Rules.MCP_FILE, "", origin);
    List<McpServerSpec> servers = ConfigReader.mcpServers(bytes.get(), Rules.MCP_FILE, report);
    servers.forEach(s -> origins.put(Rules.MCP_FILE, "mcpServers." + s.name(), origin));
    return servers;
  }

  private List<AppSpec> configApps() {
    AnnotationReader p = plugin.reader();
    String path = p.string("appConfig");
    if (path.isEmpty()) {
      return List.of();
    }
    Origin origin = p.origin("appConfig").labeled("@Plugin appConfig " + Text.quote(path)).forFiles();
    Optional<byte[]> bytes = resource(p, "appConfig", -1, path, Rules.APP_FILE, "");
    if (bytes.isEmpty()) {
      return List.of();
    }
    origins.put(Rules.APP_FILE, "", origin);
    List<AppSpec> apps = ConfigReader.apps(bytes.get(), Rules.APP_FILE, report);
    apps.forEach(a -> origins.put(Rules.APP_FILE, "apps." + a.key(), origin));
    return apps;
  }

  private McpServerSpec server(PartDecl part) {
    AnnotationReader s = part.reader();
    String name = s.string("name");
    String f = Rules.MCP_FILE;
    String p = "mcpServers." + name;
    origins.put(f, p, s.origin().labeled("@McpServer " + Text.quote(name)));
    origins.put(f, p, FindingCode.BAD_KEY, s.origin("name"));
    origins.put(f, p, FindingCode.DUPLICATE, s.origin("name"));
    Map<String, String> json = Map.of("command", "command", "cwd", "cwd", "url", "url",
        "startup_timeout_sec", "startupTimeoutSec", "tool_timeout_sec", "toolTimeoutSec",
        "bearer_token_env_var", "bearerTokenEnvVar");
    json.forEach((key, attr) -> origins.put(f, p + "." + key, s.origin(attr)));
    List<String> args = s.strings("args");
    for (int i = 0; i < args.size(); i++) {
      origins.put(f, p + ".args[" + i + "]", s.origin("args", i));
    }
    Map<String, String> env = entries(s, "env", f, p + ".env");
    Map<String, String> headers = entries(s, "httpHeaders", f, p + ".http_headers");
    Map<String, String> envHeaders = entries(s, "envHttpHeaders", f, p + ".env_http_headers");
    return new McpServerSpec(name, s.string("description"), s.string("command"), args, env,
        s.strings("envVars"), s.string("cwd"), s.string("url"), s.string("bearerTokenEnvVar"), headers,
        envHeaders, tri(s.enumConstant("enabled")), tri(s.enumConstant("required")),
        seconds(s.integer("startupTimeoutSec")), seconds(s.integer("toolTimeoutSec")), s.strings("enabledTools"),
        s.strings("disabledTools"));
  }

  private AppSpec app(PartDecl part) {
    AnnotationReader a = part.reader();
    String key = a.string("key");
    String p = "apps." + key;
    origins.put(Rules.APP_FILE, p, a.origin().labeled("@App " + Text.quote(key)));
    origins.put(Rules.APP_FILE, p, FindingCode.BAD_KEY, a.origin("key"));
    origins.put(Rules.APP_FILE, p, FindingCode.DUPLICATE, a.origin("key"));
    origins.put(Rules.APP_FILE, p + ".id", a.origin("id"));
    origins.put(Rules.APP_FILE, p + ".baseUrl", a.origin("baseUrl"));
    return new AppSpec(key, a.string("id"), a.string("category"), a.string("type"), a.string("baseUrl"));
  }

  private HookSpec hook(PartDecl part, int index) {
    AnnotationReader h = part.reader();
    String event = HookEvent.valueOf(h.enumConstant("event")).jsonName();
    String p = "hooks." + event + "[" + index + "]";
    origins.put(Rules.HOOKS_FILE, p, h.origin().labeled("@Hook " + event));
    origins.put(Rules.HOOKS_FILE, p + ".matcher", h.origin("matcher"));
    origins.put(Rules.HOOKS_FILE, p + ".command", h.origin("command"));
    origins.put(Rules.HOOKS_FILE, p + ".timeout", h.origin("timeoutSec"));
    int timeout = h.integer("timeoutSec");
    return new HookSpec(event, h.string("matcher"), h.string("command"),
        timeout == 0 ? Optional.empty() : Optional.of(timeout), h.string("statusMessage"));
  }

  // ------------------------------------------------------------------------------------------ helpers

  /** {@code key=value} entries of an array attribute, each malformed one reported on its own value. */
  private Map<String, String> entries(AnnotationReader r, String attr, String file, String field) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> values = r.strings(attr);
    for (int i = 0; i < values.size(); i++) {
      String entry = values.get(i);
      int eq = entry.indexOf('=');
      if (eq <= 0 || entry.substring(0, eq).isBlank()) {
        error(FindingCode.BAD_ENTRY, r.origin(attr, i), file, field, r.label() + " " + attr + " "
            + Text.quote(entry) + " " + FindingCode.BAD_ENTRY.rule() + "; write it like \"NAME=value\"");
        continue;
      }
      String key = entry.substring(0, eq).trim();
      if (out.containsKey(key)) {
        error(FindingCode.DUPLICATE, r.origin(attr, i), file, field, r.label() + " " + attr + " "
            + Text.quote(key) + " " + FindingCode.DUPLICATE.rule() + "; keep one entry for it");
        continue;
      }
      out.put(key, entry.substring(eq + 1));
      origins.put(file, field + "." + key, r.origin(attr, i));
    }
    return out;
  }

  /** Copies the resource of an asset attribute into {@code folder}; returns its path for the manifest. */
  private String asset(AnnotationReader r, String attr, String folder, String file, String field) {
    String value = r.string(attr);
    return value.isEmpty() ? "" : asset(r, attr, -1, value, folder, file, field).orElse("");
  }

  private Optional<String> asset(AnnotationReader r, String attr, int index, String value, String folder,
      String file, String field) {
    Optional<byte[]> bytes = resource(r, attr, index, value, file, field);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    String fileName = value.substring(value.lastIndexOf('/') + 1);
    String target = folder + "/" + fileName;
    Origin origin = index < 0 ? r.origin(attr) : r.origin(attr, index);
    if (!pack(target, bytes.get(), value, origin)) {
      return Optional.empty();
    }
    String base = folder.startsWith("skills/") ? "assets" : folder;
    return Optional.of("./" + base + "/" + fileName);
  }

  /** Adds a file to the bundle; a different file already at {@code target} is a duplicate. */
  private boolean pack(String target, byte[] bytes, String from, Origin origin) {
    byte[] existing = packaged.get(target);
    if (existing != null && !Arrays.equals(existing, bytes)) {
      error(FindingCode.DUPLICATE, origin, target, "", origin.label() + " " + Text.quote(from) + " would be copied to "
          + target + ", which " + Text.quote(packagedFrom.get(target)) + " already fills; rename one of the files");
      return false;
    }
    packaged.put(target, bytes);
    packagedFrom.putIfAbsent(target, from);
    return true;
  }

  /** Reads the resource an attribute names, reporting MissingFile on the attribute. */
  private Optional<byte[]> resource(AnnotationReader r, String attr, int index, String value, String file,
      String field) {
    Origin origin = index < 0 ? r.origin(attr) : r.origin(attr, index);
    Optional<String> name = Resources.name(packageOf(r.element()), value);
    if (name.isEmpty()) {
      error(FindingCode.MISSING_FILE, origin, file, field, r.label() + " " + attr + " " + Text.quote(value)
          + " " + FindingCode.MISSING_FILE.rule() + "; the path leaves the resource root");
      return Optional.empty();
    }
    try {
      Optional<byte[]> bytes = resources.read(name.get());
      if (bytes.isEmpty()) {
        error(FindingCode.MISSING_FILE, origin, file, field, r.label() + " " + attr + " " + Text.quote(value)
            + " " + FindingCode.MISSING_FILE.rule() + "; looked for " + name.get() + " in " + resources.searched()
            + (value.startsWith("/") ? "" : " (a path without a leading / is relative to the package)"));
      }
      return bytes;
    } catch (IOException e) {
      error(FindingCode.IO, origin, file, field, r.label() + " " + attr + " " + Text.quote(value) + " "
          + FindingCode.IO.rule() + "; " + e.getMessage());
      return Optional.empty();
    }
  }

  private void error(FindingCode code, Origin origin, String file, String field, String text) {
    diagnostics.print(code, Severity.ERROR, origin, text + ".");
    handled.add(file + "#" + field);
    failed = true;
  }

  private String packageOf(Element element) {
    return elements.getPackageOf(element).getQualifiedName().toString();
  }

  private static Optional<Boolean> tri(String constant) {
    return switch (constant) {
      case "TRUE" -> Optional.of(true);
      case "FALSE" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private static Optional<Double> seconds(int value) {
    return value == 0 ? Optional.empty() : Optional.of((double) value);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static boolean isSafe(String path) {
    return BundlePaths.isSafeEntry(path);
  }
}
