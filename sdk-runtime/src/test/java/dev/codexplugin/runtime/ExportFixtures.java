package dev.codexplugin.runtime;

import dev.codexplugin.runtime.format.BundleIndex;
import dev.codexplugin.runtime.format.BundleWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Real jars on disk holding bundles exactly as the annotation processor lays them out:
 * {@code META-INF/codex-plugins/index.json} plus {@code META-INF/codex-plugins/<name>/...}, written with the
 * runtime's own {@link BundleWriter}.
 */
public final class ExportFixtures {
  private ExportFixtures() {}

  public static final FileTime TIME = FileTime.fromMillis(1_767_225_600_000L);

  /** The seed plugin: two skills, a stdio and an HTTP server, an app. */
  public static PluginBundle team() {
    return team("team-workflow-plugin", "1.0.0", "github", "tracker");
  }

  public static PluginBundle team(String name, String version, String stdioServer, String httpServer) {
    PluginManifest manifest = PluginManifest.builder(name)
        .version(version)
        .description("Shared AI workflow for team productivity")
        .author(Optional.of(new PluginAuthor("Team", "team@example.com", "")))
        .homepage("https://example.com/team")
        .repository("https://github.com/example/team")
        .license("Apache-2.0")
        .keywords(List.of("review", "testing"))
        .ui(PluginUi.builder()
            .displayName("Team Workflow Plugin")
            .category("productivity")
            .capabilities(List.of("code-review", "testing"))
            .brandColor("#4F46E5")
            .build())
        .build();
    List<SkillSpec> skills = List.of(
        skill("code-review", "Review code changes following team standards. Use when asked to review a diff.",
            List.of(stdioServer)),
        skill("testing", "Write and run tests following team conventions. Use when asked to add tests.",
            List.of()));
    McpServerSpec github = McpServerSpec.builder(stdioServer)
        .command("npx")
        .args(List.of("-y", "@modelcontextprotocol/server-github"))
        .envVars(List.of("GITHUB_TOKEN"))
        .build();
    McpServerSpec tracker = McpServerSpec.builder(httpServer)
        .url("https://mcp.example.com/mcp")
        .bearerTokenEnvVar("TRACKER_TOKEN")
        .httpHeaders(Map.of("X-Team", "core"))
        .envHttpHeaders(Map.of("X-Key", "TRACKER_KEY"))
        .startupTimeoutSec(Optional.of(20.0))
        .build();
    return PluginBundle.builder(manifest)
        .skills(skills)
        .mcpServers(List.of(github, tracker))
        .apps(List.of(new AppSpec("jira", "connector_jira", "productivity", "", "")))
        .build();
  }

  /** A plugin with Java tools: {@code mcp-tools.json} and a server {@code java -cp lib/* Main} in the plugin folder. */
  public static PluginBundle tools(String name, String server) {
    PluginManifest manifest = PluginManifest.builder(name)
        .version("2.1.0")
        .description("Version tools written in Java")
        .ui(PluginUi.EMPTY)
        .build();
    McpServerSpec java = McpServerSpec.builder(server)
        .command("java")
        .args(List.of("-cp", "lib/*", "com.acme.tools.ToolsMain"))
        .cwd(".")
        .build();
    return PluginBundle.builder(manifest)
        .skills(List.of(skill("versions", "Compare versions. Use when asked which is newer.", List.of())))
        .mcpServers(List.of(java))
        .build();
  }

  static SkillSpec skill(String name, String description, List<String> requires) {
    return SkillSpec.builder(name)
        .description(description)
        .metadata(Map.of("short-description", "Short " + name))
        .instructions("# " + name + "\nDo it well.\n")
        .folder("skills/" + name)
        .requires(requires)
        .build();
  }

  /** The files of a bundle as the processor writes them, plus {@code extra} files. */
  public static SortedMap<String, byte[]> files(PluginBundle bundle, Map<String, String> extra) {
    Map<String, byte[]> packaged = new TreeMap<>();
    extra.forEach((k, v) -> packaged.put(k, v.getBytes(StandardCharsets.UTF_8)));
    return BundleWriter.write(bundle, packaged);
  }

  /** The files of a bundle; one with Java tools also gets {@code mcp-tools.json}. */
  public static SortedMap<String, byte[]> files(PluginBundle bundle) {
    boolean java = bundle.mcpServers().stream().anyMatch(s -> s.command().equals("java"));
    return files(bundle, java ? Map.of("mcp-tools.json", "{\n  \"tools\": []\n}\n") : Map.of());
  }

  /** Writes a jar holding the bundles (name → files) and a class file, with fixed timestamps. */
  public static Path jar(Path file, Map<String, SortedMap<String, byte[]>> bundles) throws IOException {
    List<BundleIndex.Entry> entries = new ArrayList<>();
    bundles.forEach((name, files) -> entries.add(new BundleIndex.Entry(name, "1.0.0", List.copyOf(files.keySet()))));
    SortedMap<String, byte[]> all = new TreeMap<>();
    all.put(BundleIndex.RESOURCE, BundleIndex.write(entries));
    bundles.forEach((name, files) -> files.forEach((path, bytes) -> all.put(BundleIndex.ROOT + name + "/" + path, bytes)));
    all.put("com/acme/Placeholder.class", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
    return zip(file, all);
  }

  public static Path jar(Path file, PluginBundle... bundles) throws IOException {
    Map<String, SortedMap<String, byte[]>> map = new TreeMap<>();
    for (PluginBundle b : bundles) {
      map.put(b.name(), files(b));
    }
    return jar(file, map);
  }

  /** A plain zip of the given entries. */
  public static Path zip(Path file, SortedMap<String, byte[]> entries) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setLastModifiedTime(TIME);
        zip.putNextEntry(entry);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return file;
  }

  /** Every file under {@code root} with its bytes, by relative path. */
  public static SortedMap<String, byte[]> snapshot(Path root) throws IOException {
    SortedMap<String, byte[]> files = new TreeMap<>();
    if (!Files.exists(root)) {
      return files;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        return FileVisitResult.CONTINUE;
      }
    });
    return files;
  }

  /** The snapshot as path → text, for readable comparisons. */
  public static SortedMap<String, String> text(SortedMap<String, byte[]> snapshot) {
    SortedMap<String, String> text = new TreeMap<>();
    snapshot.forEach((k, v) -> text.put(k, new String(v, StandardCharsets.UTF_8)));
    return text;
  }

  public static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
