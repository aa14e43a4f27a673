package dev.codexplugin.runtime;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.codexplugin.runtime.FindingCode.BAD_ENCODING;
import static dev.codexplugin.runtime.FindingCode.BAD_JSON;
import static dev.codexplugin.runtime.FindingCode.BAD_REGEX;
import static dev.codexplugin.runtime.FindingCode.BAD_YAML;
import static dev.codexplugin.runtime.FindingCode.DISCOURAGED;
import static dev.codexplugin.runtime.FindingCode.FRONT_MATTER;
import static dev.codexplugin.runtime.FindingCode.NO_BUNDLE;
import static dev.codexplugin.runtime.FindingCode.TOO_LARGE;
import static dev.codexplugin.runtime.FindingCode.UNSAFE_PATH;
import static dev.codexplugin.runtime.FindingCode.WRONG_TYPE;
import static dev.codexplugin.runtime.SeedPlugin.MANIFEST;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.codexplugin.runtime.format.BundleIndex;
import dev.codexplugin.runtime.format.Limits;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input never escapes as an unchecked exception and never makes the loader read outside the bundle. Every
 * case goes through {@link PluginLoader#check(Path)} (which must not throw) and {@link PluginLoader#load(Path)}
 * (which may throw only {@link PluginLoadException}), and pins the finding's code, severity, file and field.
 */
class BadInputTest {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @TempDir Path dir;

  SeedPlugin seed() {
    return SeedPlugin.in(dir);
  }

  /** Loads {@code path} both ways; no exception but {@link PluginLoadException} may leave the loader. */
  static LoadResult load(Path path) {
    LoadResult result = PluginLoader.check(path);
    if (result.hasErrors()) {
      PluginLoadException e = assertThrows(PluginLoadException.class, () -> PluginLoader.load(path));
      assertThat(e.findings()).isEqualTo(result.findings());
    } else {
      try {
        assertThat(PluginLoader.load(path)).isEqualTo(result.bundles());
      } catch (PluginLoadException e) {
        throw new AssertionError(e);
      }
    }
    return result;
  }

  static Finding finding(LoadResult result, FindingCode code, Severity severity, String file, String field) {
    Finding found = result.findings().stream()
        .filter(f -> f.code() == code && f.file().equals(file) && f.field().equals(field))
        .findFirst()
        .orElseThrow(() -> new AssertionError("expected " + code + " on " + file + " [" + field + "] in:\n"
            + result.findings().stream().map(f -> "  " + f + "\n").reduce("", String::concat)));
    assertWithMessage(found.toString()).that(found.severity()).isEqualTo(severity);
    return found;
  }

  static Finding error(LoadResult result, FindingCode code, String file, String field) {
    return finding(result, code, Severity.ERROR, file, field);
  }

  static Finding warning(LoadResult result, FindingCode code, String file, String field) {
    return finding(result, code, Severity.WARNING, file, field);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  // ---------------------------------------------------------------- malformed JSON and YAML

  @Test
  @DisplayName("malformed JSON in plugin.json, .mcp.json, hooks.json: BadJson")
  void malformedJson() {
    error(load(seed().file(MANIFEST, "{\"name\": \"x\",, }").root()), BAD_JSON, MANIFEST, "");
    LoadResult mcp = load(SeedPlugin.in(dir, "mcp").file(".mcp.json", "{\"mcpServers\": {\"a\": [}}").root());
    error(mcp, BAD_JSON, ".mcp.json", "");
    LoadResult hooks = load(SeedPlugin.in(dir, "hooks").file("hooks/hooks.json", "{\"hooks\": ").root());
    error(hooks, BAD_JSON, "hooks/hooks.json", "");
  }

  @Test
  @DisplayName("malformed YAML front matter that not even line-by-line reading understands: FrontMatter error")
  void malformedFrontMatter() {
    LoadResult result = load(seed().skill("skills/broken",
        "---\nname: broken\ndescription: [unclosed, flow\n  - and: {a list\n---\nbody\n").root());
    Finding f = error(result, FRONT_MATTER, "skills/broken/SKILL.md", "");
    assertThat(f.message()).contains("invalid YAML");
  }

  @Test
  @DisplayName("malformed agents/openai.yaml: BadYaml warning, the skill is kept")
  void malformedOpenaiYaml() {
    SeedPlugin seed = seed().file("skills/code-review/agents/openai.yaml", "interface:\n  display_name: [oops\n");
    LoadResult result = load(seed.root());
    warning(result, BAD_YAML, "skills/code-review/agents/openai.yaml", "");
    assertThat(result.bundles().get(0).skill("code-review").get().ui()).isEqualTo(SkillUi.EMPTY);
  }

  // ---------------------------------------------------------------- wrong types

  @Test
  @DisplayName("wrong JSON types: manifest field, server field, index field")
  void wrongTypes() {
    error(load(seed().set("interface", "[1, 2]").root()), WRONG_TYPE, MANIFEST, "interface");
    LoadResult mcp = load(SeedPlugin.in(dir, "mcp")
        .file(".mcp.json", "{\"mcpServers\": {\"a\": {\"command\": [\"node\"]}}}").root());
    error(mcp, WRONG_TYPE, ".mcp.json", "mcpServers.a.command");
    Path jar = Jars.write(dir.resolve("types.jar"), Map.of(BundleIndex.RESOURCE, Jars.utf8("{\"bundles\": 5}")));
    LoadResult index = load(jar);
    Finding f = error(index, WRONG_TYPE, BundleIndex.RESOURCE, "bundles");
    assertThat(f.where()).isEqualTo(jar + "!/" + BundleIndex.RESOURCE);
  }

  // ---------------------------------------------------------------- BOM, invalid UTF-8, duplicate keys

  @Test
  @DisplayName("a BOM in plugin.json, .mcp.json and SKILL.md: BadEncoding errors")
  void byteOrderMarks() {
    SeedPlugin seed = seed();
    LoadResult manifest = load(seed.bytes(MANIFEST, concat(BOM, Jars.utf8(SeedPlugin.SEED_MANIFEST))).root());
    error(manifest, BAD_ENCODING, MANIFEST, "");
    LoadResult mcp = load(SeedPlugin.in(dir, "mcp").bytes(".mcp.json", concat(BOM, Jars.utf8(SeedPlugin.MCP))).root());
    error(mcp, BAD_ENCODING, ".mcp.json", "");
    LoadResult skill = load(SeedPlugin.in(dir, "skill")
        .bytes("skills/testing/SKILL.md", concat(BOM, Jars.utf8(SeedPlugin.TESTING))).root());
    assertThat(error(skill, BAD_ENCODING, "skills/testing/SKILL.md", "").message()).contains("byte-order mark");
  }

  @Test
  @DisplayName("invalid UTF-8 in plugin.json, SKILL.md and .mcp.json: BadEncoding errors")
  void invalidUtf8() {
    byte[] bad = concat(Jars.utf8("{\"name\": \"team-workflow-plugin\", \"description\": \"bad "),
        concat(new byte[] {(byte) 0xC3, (byte) 0x28}, Jars.utf8("\"}")));
    error(load(seed().bytes(MANIFEST, bad).root()), BAD_ENCODING, MANIFEST, "");
    byte[] skill = concat(Jars.utf8("---\nname: x\ndescription: \""), new byte[] {(byte) 0xFF, '"', '\n'});
    LoadResult s = load(SeedPlugin.in(dir, "s").bytes("skills/x/SKILL.md", concat(skill, Jars.utf8("---\nbody\n")))
        .root());
    error(s, BAD_ENCODING, "skills/x/SKILL.md", "");
    LoadResult m = load(SeedPlugin.in(dir, "m").bytes(".mcp.json", new byte[] {'{', (byte) 0xFE, '}'}).root());
    error(m, BAD_ENCODING, ".mcp.json", "");
  }

  @Test
  @DisplayName("duplicate keys: one Codex reads is an error, an unknown one a warning; every one is reported")
  void duplicateKeys() {
    LoadResult json = load(seed().file(MANIFEST, """
        {"name": "team-workflow-plugin", "version": "1.0.0", "description": "d",
         "x-note": 1, "x-note": 2, "interface": {"brandColor": "#000000", "brandColor": "#FFFFFF"}}
        """).root());
    warning(json, BAD_JSON, MANIFEST, "x-note");
    Finding known = error(json, BAD_JSON, MANIFEST, "interface.brandColor");
    assertThat(known.message()).contains("rejects the file");

    LoadResult yamlKnown = load(SeedPlugin.in(dir, "yk").skill("skills/dup",
        "---\nname: dup\ndescription: one\ndescription: two\n---\nbody\n").root());
    error(yamlKnown, FRONT_MATTER, "skills/dup/SKILL.md", "");
    LoadResult yamlUnknown = load(SeedPlugin.in(dir, "yu").skill("skills/dup",
        "---\nname: dup\ndescription: one\nnote: a\nnote: b\n---\nbody\n").root());
    warning(yamlUnknown, FRONT_MATTER, "skills/dup/SKILL.md", "");
    assertThat(yamlUnknown.bundles().get(0).skill("dup").get().description()).isEqualTo("one");
  }

  // ---------------------------------------------------------------- size and nesting limits

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @DisplayName("a 3 GB SKILL.md (sparse): TooLarge, and the loader reads no more than the cap")
  void oversizedSkillIsNeverReadWhole() throws IOException {
    SeedPlugin seed = seed();
    Path huge = seed.root().resolve("skills/huge/SKILL.md");
    Files.createDirectories(huge.getParent());
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.write(Jars.utf8("---\nname: huge\ndescription: big\n---\n"));
      file.setLength(3L << 30); // past what one byte[] can hold: reading it whole would throw OutOfMemoryError
    }
    LoadResult result = load(seed.root());
    Finding f = error(result, TOO_LARGE, "skills/huge/SKILL.md", "");
    assertThat(f.message()).contains("must stay within " + Limits.MAX_TEXT_BYTES + " bytes");
  }

  @Test
  @DisplayName("plugin.json one byte over the cap: TooLarge; exactly at the cap: read")
  void manifestCap() {
    String head = "{\"name\": \"team-workflow-plugin\", \"version\": \"1.0.0\", \"description\": \"";
    String tail = "\"}";
    int fill = Limits.MAX_TEXT_BYTES - head.length() - tail.length();
    LoadResult atCap = load(seed().file(MANIFEST, head + "d".repeat(fill) + tail).root());
    assertThat(atCap.errors()).isEmpty();
    LoadResult over = load(SeedPlugin.in(dir, "over").file(MANIFEST, head + "d".repeat(fill + 1) + tail).root());
    error(over, TOO_LARGE, MANIFEST, "");
  }

  @Test
  @DisplayName("a jar entry that inflates past the cap: TooLarge, located in the jar")
  void oversizedJarEntry() {
    TreeMap<String, byte[]> files = new TreeMap<>(Map.of(".codex-plugin/plugin.json",
        Jars.utf8("{\"name\": \"big\", \"version\": \"1.0.0\", \"description\": \"d\"}"),
        "skills/big/SKILL.md", new byte[Limits.MAX_TEXT_BYTES * 8]));
    Path jar = Jars.jar(dir.resolve("big.jar"), new Jars.Bundle("big", "1.0.0", files));
    Finding f = error(load(jar), TOO_LARGE, "skills/big/SKILL.md", "");
    assertThat(f.location()).isEqualTo(jar + "!/META-INF/codex-plugins/big/");
  }

  @Test
  @DisplayName("JSON nested 10,000 levels deep (plugin.json, .mcp.json, hooks.json): TooLarge, no StackOverflowError")
  void deeplyNestedJson() {
    String deep = "{\"a\": ".repeat(10_000) + "1" + "}".repeat(10_000);
    String arrays = "[".repeat(10_000) + "]".repeat(10_000);
    error(load(seed().file(MANIFEST, deep).root()), TOO_LARGE, MANIFEST, "");
    error(load(SeedPlugin.in(dir, "m").file(".mcp.json", "{\"mcpServers\": " + arrays + "}").root()),
        TOO_LARGE, ".mcp.json", "");
    error(load(SeedPlugin.in(dir, "h").file("hooks/hooks.json", deep).root()), TOO_LARGE, "hooks/hooks.json", "");
  }

  @Test
  @DisplayName("YAML nested 10,000 levels deep (front matter, openai.yaml): TooLarge, no StackOverflowError")
  void deeplyNestedYaml() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    LoadResult front = load(seed().skill("skills/deep", "---\nname: deep\ndescription: " + deep + "\n---\nbody\n")
        .root());
    error(front, TOO_LARGE, "skills/deep/SKILL.md", "");
    LoadResult agent = load(SeedPlugin.in(dir, "a")
        .file("skills/code-review/agents/openai.yaml", "interface: " + deep + "\n").root());
    warning(agent, TOO_LARGE, "skills/code-review/agents/openai.yaml", "");
  }

  @Test
  @DisplayName("a hook matcher nested 100,000 groups deep: BadRegex, no StackOverflowError")
  void deeplyNestedRegex() {
    String regex = "(".repeat(100_000) + "a" + ")".repeat(100_000);
    LoadResult result = load(seed().file("hooks/hooks.json", "{\"hooks\": {\"PreToolUse\": [{\"matcher\": \"" + regex
        + "\", \"hooks\": [{\"type\": \"command\", \"command\": \"echo\"}]}]}}").root());
    error(result, BAD_REGEX, "hooks/hooks.json", "hooks.PreToolUse[0].matcher");
  }

  // ---------------------------------------------------------------- jars

  @Test
  @DisplayName("an index listing ../evil, /etc/passwd, a/../../b: UnsafePath, nothing read")
  void indexWithUnsafeFiles() {
    for (String evil : List.of("../evil", "/etc/passwd", "a/../../b", "C:/x", "a//b", "./a")) {
      Map<String, byte[]> entries = new LinkedHashMap<>();
      entries.put(BundleIndex.RESOURCE, Jars.utf8("{\"formatVersion\": 1, \"bundles\": [{\"name\": \"p\", "
          + "\"version\": \"1.0.0\", \"files\": [\".codex-plugin/plugin.json\", \"" + evil + "\"]}]}"));
      entries.put("META-INF/codex-plugins/p/.codex-plugin/plugin.json",
          Jars.utf8("{\"name\": \"p\", \"version\": \"1.0.0\", \"description\": \"d\"}"));
      entries.put("META-INF/codex-plugins/evil", Jars.utf8("never read"));
      Path jar = Jars.write(dir.resolve("evil" + Math.abs(evil.hashCode()) + ".jar"), entries);
      LoadResult result = load(jar);
      Finding f = error(result, UNSAFE_PATH, BundleIndex.RESOURCE, "bundles[0].files");
      assertThat(f.message()).contains(evil);
      assertThat(result.bundles()).isEmpty();
    }
  }

  @Test
  @DisplayName("a bundle name with a / or ..: UnsafePath")
  void bundleNameWithSlash() {
    for (String name : List.of("a/b", "..", "../p")) {
      Path jar = Jars.write(dir.resolve("name" + Math.abs(name.hashCode()) + ".jar"), Map.of(BundleIndex.RESOURCE,
          Jars.utf8("{\"bundles\": [{\"name\": \"" + name + "\", \"files\": []}]}")));
      error(load(jar), UNSAFE_PATH, BundleIndex.RESOURCE, "bundles[0].name");
    }
  }

  @Test
  @DisplayName("an index that is not JSON: BadJson on the index, located in the jar")
  void indexNotJson() {
    Path jar = Jars.write(dir.resolve("notjson.jar"), Map.of(BundleIndex.RESOURCE, Jars.utf8("bundles: [")));
    Finding f = error(load(jar), BAD_JSON, BundleIndex.RESOURCE, "");
    assertThat(f.toString()).contains(jar + "!/" + BundleIndex.RESOURCE);
  }

  @Test
  @DisplayName("a jar that is not a zip, a jar without index, a path that does not exist: NoBundle")
  void notAJar() throws IOException {
    Path text = Files.writeString(dir.resolve("plugin.jar"), "this is not a zip");
    assertThat(error(load(text), NO_BUNDLE, "", "").location()).isEqualTo(text.toString());
    Path plain = Jars.write(dir.resolve("plain.jar"), Map.of("a.txt", Jars.utf8("a")));
    assertThat(error(load(plain), NO_BUNDLE, "", "").message()).contains(BundleIndex.RESOURCE);
    error(load(dir.resolve("missing.jar")), NO_BUNDLE, "", "");
  }

  @Test
  @DisplayName("an empty file and a truncated zip are findings too")
  void brokenZips() throws IOException {
    Path empty = Files.write(dir.resolve("empty.jar"), new byte[0]);
    assertThat(load(empty).hasErrors()).isTrue();
    SeedPlugin seed = seed();
    TreeMap<String, byte[]> files = new TreeMap<>(Map.of(".codex-plugin/plugin.json",
        Jars.utf8(seed.read(MANIFEST)), "skills/testing/SKILL.md", Jars.utf8(SeedPlugin.TESTING)));
    Path whole = Jars.jar(dir.resolve("whole.jar"), new Jars.Bundle("team-workflow-plugin", "1.0.0", files));
    byte[] bytes = Files.readAllBytes(whole);
    Path truncated = Files.write(dir.resolve("truncated.jar"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThat(load(truncated).hasErrors()).isTrue();
  }

  // ---------------------------------------------------------------- symbolic links

  /** A FIFO outside the bundle: opening it for reading blocks forever, so a test reading it times out. */
  Path trap(String name) throws Exception {
    Path fifo = dir.resolve("outside").resolve(name);
    Files.createDirectories(fifo.getParent());
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo is not available");
      throw e;
    }
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
    return fifo;
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @DisplayName("a symlinked file pointing outside the plugin folder: UnsafePath, the target is never read")
  void symlinkedFileOutside() throws Exception {
    Path target = trap("SKILL.md");
    SeedPlugin seed = seed();
    Files.createDirectories(seed.root().resolve("skills/evil"));
    Files.createSymbolicLink(seed.root().resolve("skills/evil/SKILL.md"), target);
    LoadResult result = load(seed.root());
    Finding f = error(result, UNSAFE_PATH, "skills/evil/SKILL.md", "");
    assertThat(f.message()).contains(target.toString());
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @DisplayName("a symlinked folder pointing outside the plugin folder: UnsafePath, nothing under it is read")
  void symlinkedFolderOutside() throws Exception {
    Path fifo = trap("SKILL.md");
    SeedPlugin seed = seed();
    Files.createSymbolicLink(seed.root().resolve("skills/outside"), fifo.getParent());
    LoadResult result = load(seed.root());
    error(result, UNSAFE_PATH, "skills/outside", "");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @DisplayName("a dangling symlink, and a symlinked manifest pointing outside: UnsafePath")
  void danglingAndManifestLinks() throws Exception {
    Path fifo = trap("plugin.json");
    SeedPlugin seed = seed().delete(MANIFEST);
    Files.createSymbolicLink(seed.root().resolve(MANIFEST), fifo);
    Files.createSymbolicLink(seed.root().resolve("dangling.md"), dir.resolve("nowhere"));
    LoadResult result = load(seed.root());
    error(result, UNSAFE_PATH, "dangling.md", "");
    error(result, UNSAFE_PATH, MANIFEST, "");
  }

  @Test
  @DisplayName("a symlink pointing inside the plugin folder is read (warning: Codex drops links on install)")
  void symlinkInside() throws IOException {
    SeedPlugin seed = seed().file("config/servers.json", SeedPlugin.MCP).delete(".mcp.json");
    Files.createSymbolicLink(seed.root().resolve(".mcp.json"), Path.of("config/servers.json"));
    LoadResult result = load(seed.root());
    assertThat(result.errors()).isEmpty();
    warning(result, DISCOURAGED, ".mcp.json", "");
    assertThat(result.bundles().get(0).mcpServers().stream().map(McpServerSpec::name).toList())
        .containsExactly("github", "slack");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @DisplayName("an exploded classes folder whose bundle folder links outside: UnsafePath, nothing read")
  void explodedBundleFolderLinksOutside() throws Exception {
    Path fifo = trap("p/.codex-plugin/plugin.json");
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes.resolve(BundleIndex.ROOT));
    Files.write(classes.resolve(BundleIndex.RESOURCE), Jars.utf8("{\"bundles\": [{\"name\": \"p\", "
        + "\"files\": [\".codex-plugin/plugin.json\"]}]}"));
    Files.createSymbolicLink(classes.resolve(BundleIndex.ROOT + "p"), fifo.getParent().getParent());
    error(load(classes), UNSAFE_PATH, ".codex-plugin/plugin.json", "");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @DisplayName("a class-path folder with a file linking outside: UnsafePath through load(ClassLoader) too")
  void classPathFolderLinksOutside() throws Exception {
    Path fifo = trap("SKILL.md");
    SeedPlugin seed = seed();
    TreeMap<String, byte[]> files = new TreeMap<>(Map.of(".codex-plugin/plugin.json",
        Jars.utf8(seed.read(MANIFEST)), "skills/testing/SKILL.md", Jars.utf8(SeedPlugin.TESTING)));
    Path classes = Jars.folder(dir.resolve("cp"), new Jars.Bundle("team-workflow-plugin", "1.0.0", files));
    Path link = classes.resolve(BundleIndex.ROOT + "team-workflow-plugin/skills/testing/SKILL.md");
    Files.delete(link);
    Files.createSymbolicLink(link, fifo);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
      LoadResult result = PluginLoader.check(loader);
      error(result, UNSAFE_PATH, "skills/testing/SKILL.md", "");
      assertThrows(PluginLoadException.class, () -> PluginLoader.load(loader));
    }
    error(load(classes), UNSAFE_PATH, "skills/testing/SKILL.md", "");
  }

  @Test
  @DisplayName("no input makes check() throw: a mixed bag in one folder")
  void nothingEscapes() {
    SeedPlugin seed = seed()
        .set("skills", "{\"x\": [1, {\"y\": null}]}")
        .set("hooks", "[1, 2]")
        .set("interface.screenshots", "[null, 5]")
        .file(".mcp.json", "{\"mcpServers\": {\"a\": null, \"b\": 5, \"c\": {\"command\": \"x\", \"env\": null,"
            + " \"startup_timeout_sec\": \"soon\", \"args\": [null]}}}")
        .file(".app.json", "{\"apps\": {\"a\": [], \"b\": null}}")
        .file("hooks/hooks.json", "{\"hooks\": {\"Stop\": [null, 5, {\"hooks\": null}, {\"hooks\": [null, 7]}]}}")
        .skill("skills/odd", "---\n- just\n- a list\n---\n")
        .skill("skills/empty", "---\n---\n")
        .skill("skills/nulls", "---\nname: ~\ndescription: ~\nmetadata: ~\n---\n")
        .file("skills/code-review/agents/openai.yaml", "- not a map\n")
        .file("skills/testing/agents/openai.yaml", "interface: 5\ndependencies: {tools: [1, {type: mcp}]}\npolicy: []\n");
    LoadResult result = load(seed.root());
    assertThat(result.hasErrors()).isTrue();
    error(result, FRONT_MATTER, "skills/odd/SKILL.md", "");
    error(result, FindingCode.MISSING, "skills/empty/SKILL.md", "description");
    error(result, FindingCode.MISSING, "skills/nulls/SKILL.md", "description");
    assertThat(result.findings().stream().map(Finding::code)).doesNotContain(FindingCode.INTERNAL);
  }

  @Test
  @DisplayName("a folder with more files than the cap: TooLarge")
  void tooManyFiles() throws IOException {
    SeedPlugin seed = seed();
    Path many = seed.root().resolve("many");
    Files.createDirectories(many);
    for (int i = 0; i <= Limits.MAX_FILES; i++) {
      Files.write(many.resolve("f" + i), new byte[0]);
    }
    error(load(seed.root()), TOO_LARGE, "", "");
  }

  @Test
  @DisplayName("an index listing more files than the cap: TooLarge on the index")
  void indexWithTooManyFiles() {
    StringBuilder files = new StringBuilder();
    for (int i = 0; i <= Limits.MAX_FILES; i++) {
      files.append(i == 0 ? "" : ",").append("\"f").append(i).append('"');
    }
    Path jar = Jars.write(dir.resolve("many.jar"), Map.of(BundleIndex.RESOURCE,
        Jars.utf8("{\"bundles\": [{\"name\": \"p\", \"files\": [" + files + "]}]}")));
    error(load(jar), TOO_LARGE, BundleIndex.RESOURCE, "bundles[0].files");
  }

  @Test
  @DisplayName("a file as a plugin root, a root named by a relative path: findings, not exceptions")
  void oddRoots() throws IOException {
    Path file = Files.writeString(dir.resolve("README.md"), "# not a plugin", StandardCharsets.UTF_8);
    assertThat(load(file).hasErrors()).isTrue();
    Path relative = Path.of("").toAbsolutePath().relativize(seed().root().toAbsolutePath());
    assertThat(load(relative).errors()).isEmpty();
  }
}
