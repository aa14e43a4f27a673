package dev.codexplugin.runtime.format;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.AppSpec;
import dev.codexplugin.runtime.HookSpec;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginAuthor;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginLoader;
import dev.codexplugin.runtime.PluginManifest;
import dev.codexplugin.runtime.PluginUi;
import dev.codexplugin.runtime.SkillSpec;
import dev.codexplugin.runtime.SkillUi;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BundleWriter#write} then {@link FolderSource} then {@link BundleLoader} gives back an equal model, with
 * no finding even under the strict publishing rules; and the same model always gives the same bytes.
 */
class BundleWriterRoundTripTest {
  @TempDir Path dir;

  /** Every field of the model set, with text that needs quoting in YAML and JSON. */
  static PluginBundle model() {
    PluginUi ui = PluginUi.builder()
        .displayName("Team Workflow Plugin")
        .shortDescription("Short: with colon")
        .longDescription("Long \"quoted\" text")
        .developerName("ACME")
        .category("productivity")
        .capabilities(List.of("code-review", "testing"))
        .websiteUrl("https://example.com")
        .privacyPolicyUrl("https://example.com/privacy")
        .termsOfServiceUrl("https://example.com/terms")
        .defaultPrompts(List.of("Review my PR", "Write the tests"))
        .brandColor("#4F46E5")
        .composerIcon("./assets/icon.png")
        .logo("./assets/logo.png")
        .logoDark("./assets/logo-dark.png")
        .screenshots(List.of("./assets/shot.png"))
        .build();
    PluginManifest manifest = PluginManifest.builder("team-workflow-plugin")
        .version("1.2.0-rc.1")
        .description("Shared AI workflow for team productivity")
        .author(Optional.of(new PluginAuthor("Jane Doe", "jane@example.com", "https://example.com/jane")))
        .homepage("https://example.com")
        .repository("https://github.com/acme/team")
        .license("Apache-2.0")
        .keywords(List.of("review", "testing"))
        .ui(ui)
        .build();
    SkillSpec review = SkillSpec.builder("code-review")
        .description("Review code changes: follow \"team\" standards. Use when asked to review a diff or PR.")
        .license("Apache-2.0")
        .compatibility("Requires git 2.40+")
        .allowedTools(List.of("Bash", "Read"))
        .metadata(Map.of("short-description", "Team code review", "owner", "platform # not a comment"))
        .instructions("# Code Review\n\nReview: carefully.\n- one\n- two\n")
        .folder("skills/code-review")
        .requires(List.of("github"))
        .ui(new SkillUi("Code Review (UI)", "Short from openai.yaml", "Review my diff", "#112233", "./assets/small.png", "./assets/large.png"))
        .allowImplicitInvocation(Optional.of(false))
        .build();
    SkillSpec testing = SkillSpec.builder("testing")
        .description("Write and run tests — ünïcödé, tabs\tand 'quotes'.")
        .instructions("Write tests first.\n")
        .folder("skills/testing")
        .ui(SkillUi.EMPTY)
        .build();
    McpServerSpec github = McpServerSpec.builder("github")
        .command("java")
        .args(List.of("-jar", "lib/github.jar", "--flag=a b"))
        .env(Map.of("LOG_LEVEL", "debug", "MODE", "x: y"))
        .envVars(List.of("GITHUB_TOKEN"))
        .cwd(".")
        .enabled(Optional.of(true))
        .required(Optional.of(false))
        .startupTimeoutSec(Optional.of(20.0))
        .toolTimeoutSec(Optional.of(60.5))
        .enabledTools(List.of("a"))
        .disabledTools(List.of("b"))
        .build();
    McpServerSpec tracker = McpServerSpec.builder("tracker")
        .url("https://mcp.example.com/mcp")
        .bearerTokenEnvVar("TRACKER_TOKEN")
        .httpHeaders(Map.of("X-Team", "a"))
        .envHttpHeaders(Map.of("X-Key", "KEY_ENV"))
        .build();
    AppSpec jira = new AppSpec("jira", "connector_jira", "productivity", "mcp", "https://jira.example.com");
    List<HookSpec> hooks = List.of(
        new HookSpec("PreToolUse", "Bash|Edit", "./hooks/check.sh", Optional.of(30), "Checking"),
        new HookSpec("PreToolUse", "Bash|Edit", "./hooks/again.sh", Optional.empty(), ""),
        new HookSpec("SessionStart", "", "./hooks/start.sh \"$PLUGIN_ROOT\"", Optional.of(5), ""));
    return PluginBundle.builder(manifest)
        .skills(List.of(review, testing))
        .mcpServers(List.of(github, tracker))
        .apps(List.of(jira))
        .hooks(hooks)
        .build();
  }

  static final Map<String, byte[]> PACKAGED = Map.of(
      "assets/icon.png", png(), "assets/logo.png", png(), "assets/logo-dark.png", png(), "assets/shot.png", png(),
      "skills/code-review/assets/small.png", png(), "skills/code-review/assets/large.png", png(),
      "lib/github.jar", new byte[] {'P', 'K', 3, 4});

  static byte[] png() {
    return new byte[] {(byte) 0x89, 'P', 'N', 'G'};
  }

  static Path writeFolder(Path root, SortedMap<String, byte[]> files) throws IOException {
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      Path file = root.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.write(file, e.getValue());
    }
    return root;
  }

  static PluginBundle read(Path root, Report report) throws IOException {
    return BundleLoader.load(FolderSource.open(root, report), report).orElseThrow();
  }

  static void assertSameModel(PluginBundle actual, PluginBundle expected) {
    assertThat(actual.manifest()).isEqualTo(expected.manifest());
    assertThat(actual.skills()).isEqualTo(expected.skills());
    assertThat(actual.mcpServers()).isEqualTo(expected.mcpServers());
    assertThat(actual.apps()).isEqualTo(expected.apps());
    assertThat(actual.hooks()).isEqualTo(expected.hooks());
  }

  @Test
  @DisplayName("write, then read: an equal model and no finding under the publishing rules")
  void roundTrip() throws IOException {
    SortedMap<String, byte[]> files = BundleWriter.write(model(), PACKAGED);
    Report report = new Report(FindingCode.Context.COMPILE, "");

    PluginBundle read = read(writeFolder(dir.resolve("team-workflow-plugin"), files), report);

    assertWithMessage(report.findings().toString()).that(report.findings()).isEmpty();
    assertSameModel(read, model());
    assertThat(read.files()).containsExactlyElementsIn(files.keySet()).inOrder();
  }

  @Test
  @DisplayName("the files are the Codex-native layout")
  void layout() {
    SortedMap<String, byte[]> files = BundleWriter.write(model(), PACKAGED);
    assertThat(files.keySet()).containsAtLeast(".codex-plugin/plugin.json", ".mcp.json", ".app.json",
        "hooks/hooks.json", "skills/code-review/SKILL.md", "skills/code-review/agents/openai.yaml",
        "skills/testing/SKILL.md", "lib/github.jar");
    assertThat(files).doesNotContainKey("skills/testing/agents/openai.yaml");
    String skill = new String(files.get("skills/testing/SKILL.md"), StandardCharsets.UTF_8);
    assertThat(skill).isEqualTo("---\nname: \"testing\"\n"
        + "description: \"Write and run tests — ünïcödé, tabs\\tand 'quotes'.\"\n---\nWrite tests first.\n");
  }

  @Test
  @DisplayName("writing twice, or writing what was read back, gives identical bytes")
  void deterministic() throws IOException {
    SortedMap<String, byte[]> first = BundleWriter.write(model(), PACKAGED);
    SortedMap<String, byte[]> second = BundleWriter.write(model(), PACKAGED);
    assertSameBytes(first, second);

    PluginBundle read = read(writeFolder(dir.resolve("a"), first), new Report(FindingCode.Context.LOAD, ""));
    assertSameBytes(BundleWriter.write(read, PACKAGED), first);
  }

  @Test
  @DisplayName("the same round trip through a real jar and PluginLoader.load(Path)")
  void roundTripThroughJar() throws Exception {
    SortedMap<String, byte[]> files = BundleWriter.write(model(), PACKAGED);
    Path jar = dir.resolve("team.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(BundleIndex.RESOURCE));
      zip.write(BundleIndex.write(List.of(new BundleIndex.Entry("team-workflow-plugin", "1.2.0-rc.1",
          List.copyOf(files.keySet())))));
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(BundleIndex.ROOT + "team-workflow-plugin/" + e.getKey()));
        zip.write(e.getValue());
      }
    }

    List<PluginBundle> bundles = PluginLoader.load(jar);

    assertThat(bundles).hasSize(1);
    assertThat(bundles.get(0).warnings()).isEmpty();
    assertSameModel(bundles.get(0), model());
  }

  private static void assertSameBytes(SortedMap<String, byte[]> actual, SortedMap<String, byte[]> expected) {
    assertThat(actual.keySet()).containsExactlyElementsIn(expected.keySet()).inOrder();
    TreeMap<String, String> a = new TreeMap<>();
    TreeMap<String, String> e = new TreeMap<>();
    actual.forEach((k, v) -> a.put(k, new String(v, StandardCharsets.ISO_8859_1)));
    expected.forEach((k, v) -> e.put(k, new String(v, StandardCharsets.ISO_8859_1)));
    assertThat(a).isEqualTo(e);
  }
}
