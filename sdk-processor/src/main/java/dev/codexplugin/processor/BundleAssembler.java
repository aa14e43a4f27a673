package dev.codexplugin.processor;

import dev.codexplugin.runtime.format.FormatFiles;
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
import dev.codexplugin.runtime.format.BundleWriter;
import dev.codexplugin.runtime.format.ConfigReader;
import dev.codexplugin.runtime.format.Limits;
import dev.codexplugin.runtime.format.Report;
import dev.codexplugin.runtime.format.Rules;
import dev.codexplugin.runtime.format.SkillReader;
import dev.codexplugin.runtime.format.SkillScanner;
import dev.codexplugin.runtime.format.Text;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
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
  private final CodexPluginProcessor.Probe probe;
  private final Origins origins;
  private final Report report = new Report(FindingCode.Context.COMPILE, "");
  private final SortedMap<String, byte[]> packaged = new TreeMap<>();
  private final Map<String, String> packagedFrom = new LinkedHashMap<>();
  /** Places the processor reported itself; the rules' findings there would repeat them. */
  private final Set<String> handled = new HashSet<>();
  /** Findings ({@code code#file#field}) that would only follow from how the processor checks a part. */
  private final Set<String> suppressed = new HashSet<>();
  /** The skill folders taken so far, local skills first. */
  private final Set<String> skillFolders = new HashSet<>();
  private boolean failed;
  /**
   * Whether an mcpConfig or appConfig file could not be read in full: the servers or apps it would define are
   * unknown, so a skill's requirement that names none of the known ones may be fine.
   */
  private boolean configIncomplete;

  BundleAssembler(Elements elements, Resources resources, Diagnostics diagnostics, String optionVersion,
      PluginDecl plugin, CodexPluginProcessor.Probe probe) {
    this.elements = elements;
    this.resources = resources;
    this.diagnostics = diagnostics;
    this.optionVersion = optionVersion;
    this.plugin = plugin;
    this.probe = probe;
    this.origins = new Origins(plugin.reader().origin().labeled("@Plugin " + Text.quote(plugin.name())));
  }

  /**
   * What one {@code @Plugin} became.
   *
   * @param plugin the declaration
   * @param version the version written to the manifest
   * @param files every file of the bundle, by path inside it
   */
  record Assembled(PluginDecl plugin, String version, SortedMap<String, byte[]> files) {}

  /**
   * The bundle, or empty when an error was reported; {@code tools} are the plugin's {@code @McpTool} methods,
   * or {@code null}.
   */
  Optional<Assembled> assemble(List<PartDecl> parts, ToolRound.PluginTools tools) {
    PluginManifest manifest = manifest();
    List<SkillSpec> skills = new ArrayList<>(localSkills());
    List<McpServerSpec> servers = new ArrayList<>(configServers());
    if (tools != null) {
      // Also when the tools have errors (reported already; nothing is written): skills may require the server.
      servers.add(toolServer(tools));
      failed |= tools.failed();
    }
    List<AppSpec> apps = new ArrayList<>(configApps());
    List<HookSpec> hooks = new ArrayList<>();
    for (PartDecl part : parts) {
      try {
        probe.visit(part.element());
        switch (part.kind()) {
          case SKILL -> skills.add(skill(part));
          case MCP_SERVER -> servers.add(server(part));
          case APP -> apps.add(app(part));
          case HOOK -> hooks.add(hook(part, hooks.size()));
          case TOOL, TOOL_FACTORY -> {
            // handled in the round they appeared in (ToolRound)
          }
        }
      } catch (RuntimeException | LinkageError | AssertionError e) {
        diagnostics.internal(part.element(), e);
        failed = true;
      }
    }
    if (tools != null) {
      toolServerIsUnique(tools, servers);
    }
    skills.sort(Comparator.comparing(SkillSpec::name));
    servers.sort(Comparator.comparing(McpServerSpec::name));
    apps.sort(Comparator.comparing(AppSpec::key));
    PluginBundle bundle = PluginBundle.builder(manifest)
        .skills(skills)
        .mcpServers(servers)
        .apps(apps)
        .hooks(hooks)
        .files(List.copyOf(packaged.keySet()))
        .build();
    Rules.check(bundle, FormatFiles.MANIFEST, report);
    for (Finding finding : report.findings()) {
      boolean followOn = configIncomplete && finding.code() == FindingCode.UNKNOWN_REQUIREMENT;
      if (!followOn && !handled.contains(finding.file() + "#" + finding.field())
          && !suppressed.contains(finding.code().id() + "#" + finding.file() + "#" + finding.field())) {
        diagnostics.print(finding, origins);
        failed |= finding.isError();
      }
    }
    if (failed) {
      return Optional.empty();
    }
    SortedMap<String, byte[]> files = BundleWriter.write(bundle, packaged);
    for (SkillSpec skill : skills) {
      byte[] skillMd = files.get(skill.skillFile());
      if (skillMd != null && skillMd.length > Limits.MAX_TEXT_BYTES) {
        error(FindingCode.TOO_LARGE, origins.find(skill.skillFile(), "instructions", FindingCode.TOO_LARGE),
            skill.skillFile(), "", "@Skill " + Text.quote(skill.name()) + " SKILL.md (" + skillMd.length
                + " bytes) must be at most " + Limits.MAX_TEXT_BYTES + " bytes, the most a reader of the bundle"
                + " accepts; shorten the instructions");
      }
    }
    return failed ? Optional.empty() : Optional.of(new Assembled(plugin, manifest.version(), files));
  }

  // ------------------------------------------------------------------------------------------ manifest

  private PluginManifest manifest() {
    AnnotationReader p = plugin.reader();
    String f = FormatFiles.MANIFEST;
    for (String attr : List.of("name", "version", "description", "homepage", "repository", "license")) {
      origins.put(f, attr, p.origin(attr));
    }
    origins.put(f, "name", FindingCode.BAD_NAME, p.origin("name"));
    String version = p.string("version");
    if (!version.isEmpty() && !optionVersion.isEmpty() && !version.equals(optionVersion)) {
      diagnostics.print(FindingCode.VERSION_MISMATCH, Severity.WARNING, p.origin("version"), "@Plugin version "
          + Text.quote(version) + " " + FindingCode.VERSION_MISMATCH.rule() + " " + Text.quote(optionVersion)
          + "; found a literal that differs. Leave version out of @Plugin so that the bundle takes the project"
          + " version, or make the two equal.");
    }
    if (version.isEmpty()) {
      version = optionVersion;
      if (version.isEmpty()) {
        error(FindingCode.MISSING, p.origin("version"), f, "version", "@Plugin version " + FindingCode.MISSING.rule()
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
    return PluginManifest.builder(plugin.name())
        .version(version)
        .description(p.string("description"))
        .author(author)
        .homepage(p.string("homepage"))
        .repository(p.string("repository"))
        .license(p.string("license"))
        .keywords(p.strings("keywords"))
        .ui(ui(p.nested(elements, "ui")))
        .build();
  }

  private PluginUi ui(AnnotationReader u) {
    String f = FormatFiles.MANIFEST;
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
    return PluginUi.builder()
        .displayName(u.string("displayName"))
        .shortDescription(u.string("shortDescription"))
        .longDescription(u.string("longDescription"))
        .developerName(u.string("developerName"))
        .category(u.string("category"))
        .capabilities(u.strings("capabilities"))
        .websiteUrl(u.string("websiteUrl"))
        .privacyPolicyUrl(u.string("privacyPolicyUrl"))
        .termsOfServiceUrl(u.string("termsOfServiceUrl"))
        .defaultPrompts(prompts)
        .brandColor(u.string("brandColor"))
        .composerIcon(asset(u, "composerIcon", "assets", f, "interface.composerIcon"))
        .logo(asset(u, "logo", "assets", f, "interface.logo"))
        .logoDark(asset(u, "logoDark", "assets", f, "interface.logoDark"))
        .screenshots(screenshots)
        .build();
  }

  // ------------------------------------------------------------------------------------------ skills

  /** The skill; when its instructions cannot be read it is still checked (with none), but not written. */
  private SkillSpec skill(PartDecl part) {
    AnnotationReader s = part.reader();
    String name = s.string("name");
    String folder = "skills/" + name;
    if (!skillFolders.add(folder)) {
      // A second skill of this name: checked in a folder of its own, so that the rules' findings (Duplicate
      // among them) land on this annotation and not on the first one. It is never written.
      int n = 2;
      while (!skillFolders.add(folder + " (" + n + ")")) {
        n++;
      }
      folder = folder + " (" + n + ")";
      suppressed.add(FindingCode.NAME_MISMATCH.id() + "#" + folder + "/SKILL.md#name");
    }
    String f = folder + "/SKILL.md";
    origins.put(f, "", s.origin().labeled("@Skill " + Text.quote(name)));
    origins.put(f, "instructions", s.origin(s.isExplicit("instructionsFile") ? "instructionsFile" : "instructions"));
    for (String attr : List.of("name", "description", "license", "compatibility", "metadata")) {
      origins.put(f, attr, s.origin(attr));
    }
    origins.put(f, "name", FindingCode.DUPLICATE, s.origin("name"));
    List<String> requires = s.strings("requires");
    for (int i = 0; i < requires.size(); i++) {
      origins.put(f, "requires[" + i + "]", s.origin("requires", i));
    }
    origins.put(f, "requires", s.origin("requires"));

    String instructions = instructions(s, name, f).orElse("");
    Map<String, String> metadata = new TreeMap<>(entries(s, "metadata", f, "metadata"));
    String shortDescription = s.string("shortDescription");
    if (!shortDescription.isEmpty()) {
      if (metadata.containsKey("short-description")) {
        error(FindingCode.DUPLICATE, s.origin("shortDescription"), f, "metadata.short-description",
            "@Skill shortDescription " + Text.quote(shortDescription) + " " + FindingCode.DUPLICATE.rule()
                + "; found metadata short-description too. Keep one of them");
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
    return SkillSpec.builder(name)
        .description(s.string("description"))
        .license(s.string("license"))
        .compatibility(s.string("compatibility"))
        .allowedTools(s.strings("allowedTools"))
        .metadata(metadata)
        .instructions(instructions)
        .folder(folder)
        .requires(requires)
        .ui(ui)
        .allowImplicitInvocation(tri(s.enumConstant("allowImplicitInvocation")))
        .build();
  }

  private Optional<String> instructions(AnnotationReader s, String name, String skillFile) {
    String inline = s.string("instructions");
    String file = s.string("instructionsFile");
    if (inline.isBlank() == file.isEmpty()) {
      boolean neither = inline.isBlank();
      error(FindingCode.INSTRUCTIONS, neither ? s.origin() : s.origin("instructionsFile"), skillFile, "",
          s.label() + " " + Text.quote(name) + " " + FindingCode.INSTRUCTIONS.rule() + (neither
              ? "; found neither. Write the Markdown in instructions = \"\"\"...\"\"\" or name a file in"
                  + " instructionsFile"
              : "; found both. Remove one of them"));
      return Optional.empty();
    }
    if (file.isEmpty()) {
      return Optional.of(inline);
    }
    Optional<byte[]> bytes = resource(s, "instructionsFile", -1, file, skillFile, "", Limits.MAX_TEXT_BYTES);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> text = Text.decodeUtf8(bytes.get());
    if (text.isEmpty() || Text.hasBom(bytes.get())) {
      error(FindingCode.BAD_ENCODING, s.origin("instructionsFile"), skillFile, "", s.label()
          + " instructionsFile " + Text.quote(file) + " " + FindingCode.BAD_ENCODING.rule() + "; found "
          + (text.isEmpty() ? "bytes that are not UTF-8" : "a byte-order mark") + ". Save it as UTF-8 without BOM");
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
    Origin origin = p.origin("localSkills").labeled("@Plugin localSkills " + Text.quote(dir)).forFiles("skills/");
    Optional<String> name = Resources.name(packageOf(p.element()), dir);
    Optional<Path> folder = name.flatMap(resources::folder);
    if (folder.isEmpty()) {
      error(FindingCode.MISSING_FILE, p.origin("localSkills"), "skills", "", "@Plugin localSkills "
          + Text.quote(dir) + " must name an existing folder; looked for " + name.orElse(dir) + " in "
          + resources.searched() + (dir.startsWith("/") ? "" : " (a path without a leading / is relative to the"
          + " package)"));
      return List.of();
    }
    origins.putPrefix("skills/", origin);
    origins.put("skills", "", origin);
    Map<String, byte[]> files = readFolder(folder.get(), origin);
    files.forEach((rel, bytes) -> pack("skills/" + rel, bytes, "localSkills " + dir, origin));
    List<SkillSpec> skills = new ArrayList<>();
    for (String skillFolder : SkillScanner.find(files.keySet().stream().map(k -> "skills/" + k).toList(),
        "skills", report)) {
      skillFolders.add(skillFolder);
      byte[] agent = packaged.get(skillFolder + "/agents/openai.yaml");
      SkillReader.read(skillFolder, packaged.get(skillFolder + "/SKILL.md"), agent, report).ifPresent(skills::add);
    }
    return skills;
  }

  /**
   * The files of a local skills folder by relative path, walked like the runtime walks a plugin folder: entries
   * starting with {@code .} are left out; a symbolic link to a file inside is packaged as a copy, a link to a
   * folder inside is not followed (its files are packaged where they really are), and a link leading out of the
   * folder is {@code UnsafePath}.
   */
  private Map<String, byte[]> readFolder(Path folder, Origin origin) {
    Map<String, byte[]> files = new TreeMap<>();
    List<String> unsafe = new ArrayList<>();
    try {
      Path real = folder.toRealPath();
      List<Path> paths = new ArrayList<>();
      Files.walkFileTree(folder, Set.of(), Limits.MAX_FOLDER_DEPTH, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(folder) && dir.getFileName().toString().startsWith(".")
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (file.getFileName().toString().startsWith(".")) {
            return FileVisitResult.CONTINUE;
          }
          if (attrs.isSymbolicLink()) {
            Optional<Path> target = inside(file, real);
            if (target.isEmpty()) {
              unsafe.add(rel(folder, file) + " (a link to " + linkTarget(file) + ")");
              return FileVisitResult.CONTINUE;
            }
            if (!Files.isRegularFile(target.get())) {
              return FileVisitResult.CONTINUE;
            }
          } else if (!attrs.isRegularFile()) {
            return FileVisitResult.CONTINUE;
          }
          paths.add(file);
          return paths.size() > Limits.MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }
      });
      if (!unsafe.isEmpty()) {
        diagnostics.print(FindingCode.UNSAFE_PATH, Severity.ERROR, origin, origin.label() + " "
            + FindingCode.UNSAFE_PATH.rule() + "; found " + String.join(", ", unsafe)
            + ". Copy the files into the folder instead of linking outside it.");
        failed = true;
      }
      if (paths.size() > Limits.MAX_FILES) {
        diagnostics.print(FindingCode.TOO_LARGE, Severity.ERROR, origin, origin.label() + " must hold at most "
            + Limits.MAX_FILES + " files; found more. Package fewer files.");
        failed = true;
        return files;
      }
      for (Path path : paths) {
        String rel = rel(folder, path);
        boolean text = rel.endsWith("/SKILL.md") || rel.contains("/agents/");
        try {
          files.put(rel, Resources.readCapped(Files.newInputStream(path), rel,
              text ? Limits.MAX_TEXT_BYTES : Resources.MAX_BYTES));
        } catch (Resources.TooLargeException e) {
          diagnostics.print(FindingCode.TOO_LARGE, Severity.ERROR, origin, origin.label() + ", in " + rel
              + ": the file must be at most " + e.limit() + " bytes; found more. Shorten it.");
          failed = true;
        }
      }
    } catch (IOException | RuntimeException e) {
      diagnostics.print(FindingCode.IO, Severity.ERROR, origin, origin.label() + " " + FindingCode.IO.rule()
          + "; found " + e + ".");
      failed = true;
    }
    return files;
  }

  private static String rel(Path folder, Path file) {
    return folder.relativize(file).toString().replace('\\', '/');
  }

  private static Optional<Path> inside(Path link, Path realRoot) {
    try {
      Path target = link.toRealPath();
      return target.startsWith(realRoot) ? Optional.of(target) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String linkTarget(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "a missing file";
    }
  }

  // ------------------------------------------------------------------------------------------ servers, apps, hooks

  private List<McpServerSpec> configServers() {
    AnnotationReader p = plugin.reader();
    String path = p.string("mcpConfig");
    if (path.isEmpty()) {
      return List.of();
    }
    Origin origin = p.origin("mcpConfig").labeled("@Plugin mcpConfig " + Text.quote(path))
        .forFiles(FormatFiles.MCP_FILE);
    Optional<byte[]> bytes = resource(p, "mcpConfig", -1, path, FormatFiles.MCP_FILE, "", Limits.MAX_TEXT_BYTES);
    if (bytes.isEmpty()) {
      configIncomplete = true;
      return List.of();
    }
    origins.put(FormatFiles.MCP_FILE, "", origin);
    int errors = report.errors().size();
    List<McpServerSpec> servers = ConfigReader.mcpServers(bytes.get(), FormatFiles.MCP_FILE, report);
    configIncomplete |= report.errors().size() > errors;
    servers.forEach(s -> origins.put(FormatFiles.MCP_FILE, "mcpServers." + s.name(), origin));
    return servers;
  }

  private List<AppSpec> configApps() {
    AnnotationReader p = plugin.reader();
    String path = p.string("appConfig");
    if (path.isEmpty()) {
      return List.of();
    }
    Origin origin = p.origin("appConfig").labeled("@Plugin appConfig " + Text.quote(path))
        .forFiles(FormatFiles.APP_FILE);
    Optional<byte[]> bytes = resource(p, "appConfig", -1, path, FormatFiles.APP_FILE, "", Limits.MAX_TEXT_BYTES);
    if (bytes.isEmpty()) {
      configIncomplete = true;
      return List.of();
    }
    origins.put(FormatFiles.APP_FILE, "", origin);
    int errors = report.errors().size();
    List<AppSpec> apps = ConfigReader.apps(bytes.get(), FormatFiles.APP_FILE, report);
    configIncomplete |= report.errors().size() > errors;
    apps.forEach(a -> origins.put(FormatFiles.APP_FILE, "apps." + a.key(), origin));
    return apps;
  }

  /**
   * The server of the plugin's Java tools: {@code java -cp "lib/*" <main>} started in the plugin folder (Codex
   * expands no placeholders, so the class path is relative with {@code "cwd": "."}), and the tools file
   * {@code mcp-tools.json} with every tool's descriptor.
   */
  private McpServerSpec toolServer(ToolRound.PluginTools tools) {
    AnnotationReader p = plugin.reader();
    String field = "mcpServers." + tools.serverName();
    // The rules' messages start with the value: "@Plugin toolServer "x" must be ..."
    Origin origin = p.origin("toolServer").labeled("@Plugin toolServer");
    origins.put(FormatFiles.MCP_FILE, field, origin);
    if (!tools.explicitServerName()) {
      // The plugin's own name: one outside the key rule is outside the name rule too, reported as BadName.
      suppressed.add(FindingCode.BAD_KEY.id() + "#" + FormatFiles.MCP_FILE + "#" + field);
    }
    if (!tools.failed()) {
      com.fasterxml.jackson.databind.node.ObjectNode file = dev.codexplugin.runtime.format.Json.object();
      file.put("formatVersion", 1);
      file.put("server", tools.serverName());
      file.put("main", tools.mainClass());
      com.fasterxml.jackson.databind.node.ArrayNode list = file.putArray("tools");
      tools.tools().forEach(t -> list.add(t.descriptor()));
      pack(FormatFiles.TOOLS_FILE, dev.codexplugin.runtime.format.Json.bytes(file), "@McpTool methods", origin);
    }
    String names = String.join(", ", tools.tools().stream().map(ToolRound.Tool::name).toList());
    return McpServerSpec.builder(tools.serverName())
        .description("Java tools of " + plugin.name() + ": " + names)
        .command("java")
        .args(List.of("-cp", "lib/*", tools.mainClass()))
        .cwd(".")
        .build();
  }

  /**
   * The tool server's name must not be taken by an {@code @McpServer} or a server of {@code mcpConfig}: reported
   * here on {@code toolServer}, where the fix is, rather than by the rules on whichever server comes second.
   */
  private void toolServerIsUnique(ToolRound.PluginTools tools, List<McpServerSpec> servers) {
    String name = tools.serverName();
    if (servers.stream().filter(s -> s.name().equals(name)).count() < 2) {
      return;
    }
    suppressed.add(FindingCode.DUPLICATE.id() + "#" + FormatFiles.MCP_FILE + "#mcpServers." + name);
    diagnostics.print(FindingCode.DUPLICATE, Severity.ERROR, plugin.reader().origin("toolServer"),
        (tools.explicitServerName() ? "@Plugin toolServer " + Text.quote(name)
            : "@Plugin toolServer (empty, so the plugin name " + Text.quote(name) + ")")
            + " " + FindingCode.DUPLICATE.rule() + " within the plugin's MCP servers; an @McpServer or the"
            + " mcpConfig file has that name too. " + (tools.explicitServerName()
                ? "Set @Plugin(toolServer = \"...\") to another name, or rename the other server."
                : "Name the tool server with @Plugin(toolServer = \"...\"), or rename the other server."));
    failed = true;
  }

  private McpServerSpec server(PartDecl part) {
    AnnotationReader s = part.reader();
    String name = s.string("name");
    String f = FormatFiles.MCP_FILE;
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
    List<String> requirements = s.strings("requirements");
    String command = s.string("command");
    if (!command.isEmpty() && requirements.isEmpty() && !Prerequisites.selfChecked(command)) {
      diagnostics.print(FindingCode.UNDECLARED_PREREQUISITE, Severity.WARNING, s.origin("command"), "@McpServer "
          + Text.quote(name) + " command " + Text.quote(command) + " "
          + FindingCode.UNDECLARED_PREREQUISITE.rule() + "; found none. Users see them in the skill's description"
          + " of the server and in codexplugin doctor, before they install the plugin.");
    }
    return McpServerSpec.builder(name)
        .description(s.string("description"))
        .command(command)
        .args(args)
        .env(env)
        .envVars(s.strings("envVars"))
        .cwd(s.string("cwd"))
        .url(s.string("url"))
        .bearerTokenEnvVar(s.string("bearerTokenEnvVar"))
        .httpHeaders(headers)
        .envHttpHeaders(envHeaders)
        .enabled(tri(s.enumConstant("enabled")))
        .required(tri(s.enumConstant("required")))
        .startupTimeoutSec(seconds(s.integer("startupTimeoutSec")))
        .toolTimeoutSec(seconds(s.integer("toolTimeoutSec")))
        .enabledTools(s.strings("enabledTools"))
        .disabledTools(s.strings("disabledTools"))
        .requirements(requirements)
        .build();
  }

  private AppSpec app(PartDecl part) {
    AnnotationReader a = part.reader();
    String key = a.string("key");
    String p = "apps." + key;
    origins.put(FormatFiles.APP_FILE, p, a.origin().labeled("@App " + Text.quote(key)));
    origins.put(FormatFiles.APP_FILE, p, FindingCode.BAD_KEY, a.origin("key"));
    origins.put(FormatFiles.APP_FILE, p, FindingCode.DUPLICATE, a.origin("key"));
    origins.put(FormatFiles.APP_FILE, p + ".id", a.origin("id"));
    origins.put(FormatFiles.APP_FILE, p + ".baseUrl", a.origin("baseUrl"));
    return new AppSpec(key, a.string("id"), a.string("category"), a.string("type"), a.string("baseUrl"));
  }

  private HookSpec hook(PartDecl part, int index) {
    AnnotationReader h = part.reader();
    String event = HookEvent.valueOf(h.enumConstant("event")).jsonName();
    String p = "hooks." + event + "[" + index + "]";
    origins.put(FormatFiles.HOOKS_FILE, p, h.origin().labeled("@Hook " + event));
    origins.put(FormatFiles.HOOKS_FILE, p + ".matcher", h.origin("matcher"));
    origins.put(FormatFiles.HOOKS_FILE, p + ".command", h.origin("command"));
    origins.put(FormatFiles.HOOKS_FILE, p + ".timeout", h.origin("timeoutSec"));
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
      origins.put(file, field + "." + key, r.origin(attr, i).labeled(r.label() + " " + attr + " " + key));
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
    Optional<byte[]> bytes = resource(r, attr, index, value, file, field, Resources.MAX_BYTES);
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

  /** Reads the resource an attribute names, reporting MissingFile (or TooLarge, Io) on the attribute. */
  private Optional<byte[]> resource(AnnotationReader r, String attr, int index, String value, String file,
      String field, int limit) {
    Origin origin = index < 0 ? r.origin(attr) : r.origin(attr, index);
    Optional<String> name = Resources.name(packageOf(r.element()), value);
    if (name.isEmpty()) {
      error(FindingCode.MISSING_FILE, origin, file, field, r.label() + " " + attr + " " + Text.quote(value)
          + " " + FindingCode.MISSING_FILE.rule() + "; found a path whose .. leaves the resource root. Start it"
          + " with / or drop the .. segments");
      return Optional.empty();
    }
    try {
      Optional<byte[]> bytes = resources.read(name.get(), limit);
      if (bytes.isEmpty()) {
        error(FindingCode.MISSING_FILE, origin, file, field, r.label() + " " + attr + " " + Text.quote(value)
            + " " + FindingCode.MISSING_FILE.rule() + "; looked for " + name.get() + " in " + resources.searched()
            + (value.startsWith("/") ? "" : " (a path without a leading / is relative to the package)"));
      }
      return bytes;
    } catch (Resources.TooLargeException e) {
      error(FindingCode.TOO_LARGE, origin, file, field, r.label() + " " + attr + " " + Text.quote(value)
          + " must name a file of at most " + e.limit() + " bytes; found a larger one. Make it smaller");
      return Optional.empty();
    } catch (IOException e) {
      error(FindingCode.IO, origin, file, field, r.label() + " " + attr + " " + Text.quote(value) + " "
          + FindingCode.IO.rule() + "; found " + e + ". Check the file's permissions");
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
}
