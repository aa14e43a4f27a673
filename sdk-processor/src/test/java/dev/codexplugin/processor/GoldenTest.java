package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.codexplugin.processor.ProcessorTesting.bundleFiles;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ProcessorTesting.resourcePath;

import com.google.testing.compile.Compilation;
import dev.codexplugin.runtime.LoadResult;
import dev.codexplugin.runtime.PluginLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the processor writes, compared byte for byte with golden files under
 * {@code src/test/resources/golden/}; {@code -Dcodexplugin.updateGoldens=true} rewrites them.
 */
class GoldenTest {
  @TempDir Path resources;

  private Compilation compileWith(List<String> options, List<JavaFileObject> sources) {
    List<String> all = new ArrayList<>(options);
    all.add(resourcePath(resources));
    return compile(all, sources.toArray(new JavaFileObject[0]));
  }

  private static String text(SortedMap<String, byte[]> files, String path) {
    assertThat(files).containsKey(path);
    return new String(files.get(path), StandardCharsets.UTF_8);
  }

  @Test
  void theSeedPlugin() {
    Compilation compilation = compileWith(List.of(), Fixtures.SEED);
    assertThat(compilation.diagnostics()).isEmpty();
    SortedMap<String, byte[]> files = bundleFiles(compilation);
    assertThat(files.keySet()).containsExactly("index.json",
        "team-workflow-plugin/.app.json",
        "team-workflow-plugin/.codex-plugin/plugin.json",
        "team-workflow-plugin/.mcp.json",
        "team-workflow-plugin/skills/code-review/SKILL.md",
        "team-workflow-plugin/skills/code-review/agents/openai.yaml",
        "team-workflow-plugin/skills/testing/SKILL.md").inOrder();
    Goldens.assertMatches("seed", files);
  }

  @Test
  void assetsAreCopiedIntoTheBundleAndEveryAttributeIsWritten() {
    Fixtures.assetResources(resources);
    Compilation compilation = compileWith(List.of(), Fixtures.ASSETS);
    assertThat(compilation.diagnostics()).isEmpty();
    SortedMap<String, byte[]> files = bundleFiles(compilation);
    assertThat(files.keySet()).containsAtLeast("brand-kit/assets/composer.png", "brand-kit/assets/logo.png",
        "brand-kit/assets/logo-dark.png", "brand-kit/assets/one.png", "brand-kit/assets/two.png",
        "brand-kit/skills/release/assets/release-small.png", "brand-kit/skills/release/assets/release-large.png");
    assertThat(text(files, "brand-kit/.codex-plugin/plugin.json")).contains("\"logo\": \"./assets/logo.png\"");
    assertThat(text(files, "brand-kit/skills/release/agents/openai.yaml"))
        .contains("icon_small: \"./assets/release-small.png\"");
    Goldens.assertMatches("assets", files);
  }

  @Test
  void localSkillsAreCopiedVerbatimAndConfigFilesMerged() {
    Fixtures.localResources(resources);
    Compilation compilation = compileWith(List.of(), Fixtures.LOCAL);
    assertThat(compilation.diagnostics()).isEmpty();
    SortedMap<String, byte[]> files = bundleFiles(compilation);
    assertThat(files.get("ops-toolbox/skills/runbook/SKILL.md"))
        .isEqualTo(Goldens.read(resources.resolve("ops/skills")).get("runbook/SKILL.md"));
    assertThat(files.keySet()).containsAtLeast("ops-toolbox/skills/runbook/scripts/check.sh",
        "ops-toolbox/skills/runbook/references/escalation.md", "ops-toolbox/skills/runbook/assets/flow.png",
        "ops-toolbox/skills/runbook/agents/openai.yaml", "ops-toolbox/skills/postmortem/SKILL.md",
        "ops-toolbox/skills/triage/SKILL.md");
    assertThat(files.keySet()).doesNotContain("ops-toolbox/skills/runbook/.DS_Store");
    assertThat(text(files, "ops-toolbox/.mcp.json")).contains("\"tracker\"");
    assertThat(text(files, "ops-toolbox/.mcp.json")).contains("\"slack\"");
    assertThat(text(files, "ops-toolbox/.app.json")).contains("\"confluence\"");
    assertThat(text(files, "ops-toolbox/.app.json")).contains("\"jira\"");
    // The script is executable where the processor reads it: the index says so.
    assertThat(text(files, "index.json"))
        .contains("\"executable\": [\n        \"skills/runbook/scripts/check.sh\"\n      ]");
    Goldens.assertMatches("local-and-config", files);
  }

  @Test
  void filesAreShippedAtTheBundleRootWithTheirExecutableBits() {
    Fixtures.shippedResources(resources);
    Compilation compilation = compileWith(List.of(), Fixtures.SHIPPED);
    assertThat(compilation.diagnostics()).isEmpty();
    SortedMap<String, byte[]> files = bundleFiles(compilation);
    assertThat(files.keySet()).containsExactly("hook-kit/.codex-plugin/plugin.json", "hook-kit/.mcp.json",
        "hook-kit/bin/server", "hook-kit/bin/server.js", "hook-kit/docs/usage.md", "hook-kit/hooks/check.sh",
        "hook-kit/hooks/hooks.json", "index.json").inOrder();
    assertThat(files.get("hook-kit/hooks/check.sh"))
        .isEqualTo(Goldens.read(resources.resolve("hook-kit/files")).get("hooks/check.sh"));
    assertThat(text(files, "index.json")).contains(
        "\"executable\": [\n        \"bin/server\",\n        \"hooks/check.sh\"\n      ]");
    Goldens.assertMatches("shipped-files", files);
  }

  @Test
  void aPluginOnATypeWithItsVersionFromTheOptionServersAndHooks() {
    Compilation compilation = compileWith(Fixtures.TYPED_OPTIONS, Fixtures.TYPED);
    assertThat(compilation.diagnostics()).isEmpty();
    SortedMap<String, byte[]> files = bundleFiles(compilation);
    assertThat(text(files, "guard/.codex-plugin/plugin.json")).contains("\"version\": \"2.1.0\"");
    assertThat(text(files, "guard/.codex-plugin/plugin.json")).doesNotContain("hooks");
    assertThat(files).containsKey("guard/hooks/hooks.json");
    Goldens.assertMatches("typed-with-hooks", files);
  }

  /** Each golden bundle, read back by the runtime as a plugin folder, has no finding at all. */
  @ParameterizedTest
  @ValueSource(strings = {"seed/team-workflow-plugin", "assets/brand-kit", "local-and-config/ops-toolbox",
      "typed-with-hooks/guard", "nested-plugins/acme-review", "nested-plugins/acme-tools", "shipped-files/hook-kit"})
  void theRuntimeReadsEveryGoldenBundleWithoutFindings(String bundle) {
    Path folder = Goldens.root().resolve(bundle);
    assertThat(Files.isDirectory(folder)).isTrue();
    LoadResult result = PluginLoader.check(folder);
    assertThat(result.findings()).isEmpty();
    assertThat(result.bundles()).hasSize(1);
    assertThat(result.bundles().get(0).name()).isEqualTo(folder.getFileName().toString());
  }

  @Test
  void severalPluginsInNestedPackages() {
    Compilation compilation = compileWith(List.of(), Fixtures.NESTED);
    assertThat(compilation.diagnostics()).isEmpty();
    SortedMap<String, byte[]> files = bundleFiles(compilation);
    assertThat(files.keySet()).containsExactly(
        "acme-review/.codex-plugin/plugin.json", "acme-review/.mcp.json",
        "acme-review/skills/diff/SKILL.md", "acme-review/skills/diff/agents/openai.yaml",
        "acme-tools/.app.json", "acme-tools/.codex-plugin/plugin.json",
        "acme-tools/skills/format/SKILL.md", "index.json").inOrder();
    Goldens.assertMatches("nested-plugins", files);
  }
}
