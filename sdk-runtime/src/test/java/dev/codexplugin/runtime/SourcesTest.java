package dev.codexplugin.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codexplugin.runtime.format.BundleIndex;
import dev.codexplugin.runtime.format.BundleWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of source {@link PluginLoader} reads: a jar holding bundles, an exploded classes folder, a
 * hand-written plugin root ({@code .codex-plugin} or only {@code .claude-plugin}), and a class path; plus the
 * shape of what comes back (immutable values, readable {@code toString()}, an exception listing every
 * finding).
 */
class SourcesTest {
  @TempDir Path dir;

  /** A bundle as the SDK writes it: one skill, one server. */
  static PluginBundle model(String name, String description, String skill) {
    PluginManifest manifest = PluginManifest.builder(name)
        .version("1.0.0")
        .description(description)
        .build();
    SkillSpec spec = SkillSpec.builder(skill)
        .description("Use " + skill + " when asked. " + description)
        .instructions("# " + skill + "\n")
        .folder("skills/" + skill)
        .build();
    return PluginBundle.builder(manifest)
        .skills(List.of(spec))
        .mcpServers(List.of(McpServerSpec.stdio("tools", "java", List.of("-jar", "lib/tools.jar"))))
        .build();
  }

  static Jars.Bundle written(PluginBundle bundle) {
    return new Jars.Bundle(bundle.name(), bundle.version(), new TreeMap<>(BundleWriter.write(bundle, Map.of())));
  }

  @Test
  @DisplayName("a jar with two bundles: both, sorted by name, each located in the jar")
  void jarWithTwoBundles() throws PluginLoadException {
    Path jar = Jars.jar(dir.resolve("team.jar"), written(model("zeta", "Zeta tools", "zap")),
        written(model("alpha", "Alpha tools", "aim")));

    List<PluginBundle> bundles = PluginLoader.load(jar);

    assertThat(bundles.stream().map(PluginBundle::name).toList()).containsExactly("alpha", "zeta").inOrder();
    PluginBundle alpha = bundles.get(0);
    assertThat(alpha.location()).isEqualTo(jar + "!/META-INF/codex-plugins/alpha/");
    assertThat(alpha.qualifiedSkillNames()).containsExactly("alpha:aim");
    assertThat(alpha.skill("aim").get().instructions()).isEqualTo("# aim\n");
    assertThat(alpha.mcpServer("tools").get().args()).containsExactly("-jar", "lib/tools.jar").inOrder();
    assertThat(alpha.files()).contains(".codex-plugin/plugin.json");
    assertThat(bundles.get(1).manifest().description()).isEqualTo("Zeta tools");
  }

  @Test
  @DisplayName("an exploded classes folder with META-INF/codex-plugins/index.json")
  void explodedClassesFolder() throws PluginLoadException {
    Path classes = Jars.folder(dir.resolve("target/classes"), written(model("team", "Team tools", "review")));

    List<PluginBundle> bundles = PluginLoader.load(classes);

    assertThat(bundles).hasSize(1);
    assertThat(bundles.get(0).location()).isEqualTo(classes.resolve("META-INF/codex-plugins/team/").toString());
    assertThat(bundles.get(0).skills().get(0).name()).isEqualTo("review");
  }

  @Test
  @DisplayName("a hand-written plugin root with .codex-plugin")
  void handWrittenCodexRoot() throws PluginLoadException {
    SeedPlugin seed = SeedPlugin.in(dir);

    List<PluginBundle> bundles = PluginLoader.load(seed.root());

    assertThat(bundles).hasSize(1);
    assertThat(bundles.get(0).location()).isEqualTo(seed.root().toString());
    assertThat(bundles.get(0).warnings()).isEmpty();
  }

  @Test
  @DisplayName("a hand-written plugin root with only .claude-plugin")
  void handWrittenClaudeRoot() throws PluginLoadException {
    SeedPlugin seed = SeedPlugin.in(dir).delete(".codex-plugin").file(".claude-plugin/plugin.json",
        "{\"name\": \"team-workflow-plugin\", \"version\": \"1.0.0\", \"description\": \"Claude-style\","
            + " \"author\": {\"name\": \"Jane\"}, \"keywords\": [\"team\"]}");

    PluginBundle bundle = PluginLoader.load(seed.root()).get(0);

    assertThat(bundle.manifest().author().get().name()).isEqualTo("Jane");
    assertThat(bundle.qualifiedSkillNames()).hasSize(2);
  }

  @Test
  @DisplayName("load(ClassLoader): two jars with a bundle of the same name both come back, each from its own jar")
  void classLoaderOverTwoJars() throws Exception {
    Path first = Jars.jar(dir.resolve("a/first.jar"), written(model("team", "From the first jar", "one")));
    Path second = Jars.jar(dir.resolve("b/second.jar"), written(model("team", "From the second jar", "two")));

    try (URLClassLoader loader = new URLClassLoader(new URL[] {first.toUri().toURL(), second.toUri().toURL()},
        null)) {
      List<PluginBundle> bundles = PluginLoader.load(loader);

      assertThat(bundles).hasSize(2);
      assertThat(bundles.get(0).location()).isEqualTo(first + "!/META-INF/codex-plugins/team/");
      assertThat(bundles.get(0).manifest().description()).isEqualTo("From the first jar");
      assertThat(bundles.get(0).qualifiedSkillNames()).containsExactly("team:one");
      assertThat(bundles.get(1).location()).isEqualTo(second + "!/META-INF/codex-plugins/team/");
      assertThat(bundles.get(1).manifest().description()).isEqualTo("From the second jar");
      assertThat(bundles.get(1).qualifiedSkillNames()).containsExactly("team:two");
    }
  }

  @Test
  @DisplayName("load(ClassLoader) also reads class-path folders, and a class path without bundles gives none")
  void classLoaderOverFolder() throws Exception {
    Path classes = Jars.folder(dir.resolve("classes"), written(model("team", "Team", "review")));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
        URLClassLoader nothing = new URLClassLoader(new URL[] {dir.resolve("none").toUri().toURL()}, null)) {
      assertThat(PluginLoader.load(loader).get(0).skills().get(0).name()).isEqualTo("review");
      assertThat(PluginLoader.load(nothing)).isEmpty();
      assertThat(PluginLoader.check(nothing).findings()).isEmpty();
    }
  }

  @Test
  @DisplayName("PluginLoadException lists every finding with file, jar, field and fix")
  void exceptionListsEveryFinding() {
    TreeMap<String, byte[]> files = new TreeMap<>();
    files.put(".codex-plugin/plugin.json", Jars.utf8("{\"name\": \"team\", \"version\": 1, \"description\": \"d\","
        + " \"interface\": {\"brandColor\": \"red\"}}"));
    files.put(".mcp.json", Jars.utf8("{\"mcpServers\": {\"both\": {\"command\": \"x\", \"url\": \"https://a.b\"}}}"));
    Path jar = Jars.jar(dir.resolve("broken.jar"), new Jars.Bundle("team", "1.0.0", files));

    PluginLoadException e = assertThrows(PluginLoadException.class, () -> PluginLoader.load(jar));

    String at = jar + "!/META-INF/codex-plugins/team/";
    assertThat(e.errors()).hasSize(2);
    assertThat(e.findings()).hasSize(3);
    assertThat(e.getMessage()).isEqualTo("2 errors in plugin bundle:\n"
        + "  [codexplugin:WrongType] " + at + ".codex-plugin/plugin.json: version must be a string; found a number."
        + " Write a string; Codex rejects the file otherwise.\n"
        + "  [codexplugin:Transport] " + at + ".mcp.json: mcpServers.both exactly one of command and url must be"
        + " set; found both. A server is either a local command or a remote URL; keep one; Codex drops this"
        + " server.\n"
        + "  [codexplugin:BadColor] warning: " + at + ".codex-plugin/plugin.json: interface.brandColor must be a"
        + " #RRGGBB hex color; found \"red\". Use six hex digits, e.g. \"#4F46E5\".");
    for (Finding f : e.findings()) {
      assertThat(f.location()).isEqualTo(at);
      assertThat(f.file()).isNotEmpty();
      assertThat(f.field()).isNotEmpty();
      assertThat(f.message()).contains("; ");
    }
  }

  @Test
  @DisplayName("check() collects every source's findings, errors first, and keeps the good bundles")
  void checkKeepsGoodBundles() {
    TreeMap<String, byte[]> broken = new TreeMap<>(Map.of(".codex-plugin/plugin.json",
        Jars.utf8("{\"name\": \"bad\", \"version\": 1}")));
    PluginBundle good = model("good", "Good", "fine");
    TreeMap<String, byte[]> goodFiles = new TreeMap<>(BundleWriter.write(good, Map.of()));
    goodFiles.put(".codex-plugin/plugin.json", Jars.utf8("{\"name\": \"good\", \"version\": \"1.0\","
        + " \"description\": \"Good\", \"skills\": \"./skills/\", \"mcpServers\": \"./.mcp.json\"}"));
    Path jar = Jars.jar(dir.resolve("mixed.jar"), new Jars.Bundle("bad", "1", broken),
        new Jars.Bundle("good", "1.0", goodFiles));

    LoadResult result = PluginLoader.check(jar);

    assertThat(result.bundles().stream().map(PluginBundle::name).toList()).containsExactly("good");
    assertThat(result.findings().get(0).isError()).isTrue();
    assertThat(result.findings().get(result.findings().size() - 1).isError()).isFalse();
    assertThat(result.bundles().get(0).warnings()).hasSize(1);
    assertThat(result.bundles().get(0).warnings().get(0).code()).isEqualTo(FindingCode.BAD_VERSION);
    assertThrows(PluginLoadException.class, result::orThrow);
  }

  @Test
  @DisplayName("returned values are immutable")
  void valuesAreImmutable() throws PluginLoadException {
    PluginBundle bundle = PluginLoader.load(SeedPlugin.in(dir).set("keywords", "[\"a\"]").root()).get(0);
    SkillSpec skill = bundle.skills().get(0);

    assertThrows(UnsupportedOperationException.class, () -> bundle.skills().add(skill));
    assertThrows(UnsupportedOperationException.class, () -> bundle.mcpServers().clear());
    assertThrows(UnsupportedOperationException.class, () -> bundle.apps().remove(0));
    assertThrows(UnsupportedOperationException.class, () -> bundle.hooks().add(null));
    assertThrows(UnsupportedOperationException.class, () -> bundle.files().add("x"));
    assertThrows(UnsupportedOperationException.class, () -> bundle.warnings().clear());
    assertThrows(UnsupportedOperationException.class, () -> skill.metadata().put("k", "v"));
    assertThrows(UnsupportedOperationException.class, () -> bundle.manifest().keywords().add("b"));
    assertThrows(UnsupportedOperationException.class, () -> bundle.manifest().ui().capabilities().add("b"));
    assertThrows(UnsupportedOperationException.class, () -> bundle.mcpServer("github").get().args().add("x"));
    LoadResult result = PluginLoader.check(dir.resolve("nothing"));
    assertThrows(UnsupportedOperationException.class, () -> result.findings().clear());
    assertThrows(UnsupportedOperationException.class, () -> result.bundles().add(bundle));
  }

  @Test
  @DisplayName("records copy what they are given")
  void recordsCopyTheirInput() {
    List<String> args = new ArrayList<>(List.of("-y"));
    Map<String, String> env = new HashMap<>(Map.of("B", "2", "A", "1"));
    McpServerSpec server = McpServerSpec.builder("s").command("npx").args(args).env(env).build();
    args.add("evil");
    env.put("C", "3");

    assertThat(server.args()).containsExactly("-y");
    assertThat(server.env().keySet()).containsExactly("A", "B").inOrder();
    assertThat(server.envVars()).isEmpty();
    assertThat(server.enabled()).isEmpty();
  }

  @Test
  @DisplayName("toString() is short and readable")
  void readableToString() throws PluginLoadException {
    SeedPlugin seed = SeedPlugin.in(dir);
    PluginBundle bundle = PluginLoader.load(seed.root()).get(0);

    assertThat(bundle.toString()).isEqualTo("PluginBundle[team-workflow-plugin@1.0.0, skills=[code-review, testing],"
        + " mcpServers=[github, slack], apps=[jira], hooks=0, files=" + bundle.files().size() + ", warnings=0, location="
        + seed.root() + "]");
    assertThat(bundle.skills().get(0).toString()).isEqualTo("SkillSpec[name=code-review, description=Review code"
        + " changes following team standards. Use when as..., folder=skills/code-review,"
        + " instructions=109 chars]");
    assertThat(bundle.mcpServers().get(0).toString()).startsWith("McpServerSpec[github, stdio: npx -y"
        + " @modelcontextprotocol/server-github, envVars=[GITHUB_TOKEN]]");
    assertThat(PluginLoader.check(seed.root()).toString())
        .startsWith("LoadResult[bundles=[PluginBundle[team-workflow-plugin@1.0.0");
  }
}
