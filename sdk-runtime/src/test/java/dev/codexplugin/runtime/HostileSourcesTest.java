package dev.codexplugin.runtime;

import static com.google.common.truth.Truth.assertThat;
import static dev.codexplugin.runtime.BadInputTest.error;
import static dev.codexplugin.runtime.BadInputTest.load;
import static dev.codexplugin.runtime.FindingCode.NO_BUNDLE;
import static dev.codexplugin.runtime.FindingCode.UNSAFE_PATH;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.codexplugin.runtime.format.BundleIndex;
import dev.codexplugin.runtime.format.GuardedFiles;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of source read through {@link GuardedFiles} (issue 15, item 1): a symlinked index, a symlinked
 * folder on the way to a file, a symlink loop, a FIFO named like a format file and a hard-to-see relative link
 * ({@code a/../../x}). Each case must answer within seconds (a FIFO opened for reading blocks forever) and no
 * message may carry the content of a file outside the bundle (the canary).
 */
class HostileSourcesTest {
  private static final String CANARY = "OUTSIDECANARY";
  private static final String BUNDLE = "team-workflow-plugin";
  private static final String MANIFEST = ".codex-plugin/plugin.json";
  private static final String SKILL = "skills/testing/SKILL.md";

  @TempDir Path dir;

  /** Runs {@code load} with a deadline, and checks that no finding carries the canary. */
  private static LoadResult quickly(Supplier<LoadResult> load) {
    LoadResult result = assertTimeoutPreemptively(Duration.ofSeconds(10), load::get);
    for (Finding f : result.findings()) {
      assertThat(f.toString()).doesNotContain(CANARY);
    }
    return result;
  }

  /** A file outside every bundle, holding the canary where a JSON parser would quote it. */
  private Path secret(String name) throws IOException {
    Path file = dir.resolve("outside").resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, CANARY + " {\"name\": \"" + CANARY + "\"}\n");
  }

  private Path fifo(Path fifo) throws Exception {
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

  private Path classes() {
    SeedPlugin seed = SeedPlugin.in(dir.resolve("seed"));
    TreeMap<String, byte[]> files = new TreeMap<>(Map.of(MANIFEST, Jars.utf8(seed.read(MANIFEST)), SKILL,
        Jars.utf8(SeedPlugin.TESTING)));
    return Jars.folder(dir.resolve("classes"), new Jars.Bundle(BUNDLE, "1.0.0", files));
  }

  private Path bundleFile(Path classes, String file) {
    return classes.resolve(BundleIndex.ROOT + BUNDLE + "/" + file);
  }

  private static LoadResult classPath(Path folder) {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {folder.toUri().toURL()}, null)) {
      return PluginLoader.check(loader);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private void relink(Path link, Path target) throws IOException {
    Files.delete(link);
    Files.createSymbolicLink(link, target);
  }

  // ---------------------------------------------------------------- a symlinked index

  @Test
  @DisplayName("classes folder: an index.json linked to a file outside is UnsafePath, never read")
  void classesFolderSymlinkedIndex() throws Exception {
    Path classes = classes();
    relink(classes.resolve(BundleIndex.RESOURCE), secret("index.json"));
    LoadResult result = quickly(() -> load(classes));
    error(result, UNSAFE_PATH, BundleIndex.RESOURCE, "");
    assertThat(result.bundles()).isEmpty();
  }

  @Test
  @DisplayName("class-path folder: an index.json linked to a file outside is UnsafePath, never read")
  void classPathSymlinkedIndex() throws Exception {
    Path classes = classes();
    relink(classes.resolve(BundleIndex.RESOURCE), secret("index.json"));
    LoadResult result = quickly(() -> classPath(classes));
    error(result, UNSAFE_PATH, BundleIndex.RESOURCE, "");
  }

  @Test
  @DisplayName("marketplace root: a marketplace.json linked to a file outside is UnsafePath, never read")
  void marketplaceSymlinkedFile() throws Exception {
    Path root = dir.resolve("market");
    SeedPlugin.in(root.resolve("plugins"));
    Files.createDirectories(root.resolve(".agents/plugins"));
    Files.createSymbolicLink(root.resolve(".agents/plugins/marketplace.json"), secret("marketplace.json"));
    PluginCatalog catalog = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> PluginCatalog.fromMarketplace(root));
    assertThat(catalog.findings().stream().anyMatch(f -> f.code() == UNSAFE_PATH
        && f.file().equals(".agents/plugins/marketplace.json"))).isTrue();
    catalog.findings().forEach(f -> assertThat(f.toString()).doesNotContain(CANARY));
  }

  // ---------------------------------------------------------------- a symlinked folder on the way

  @Test
  @DisplayName("classes folder: a folder on the way that leaves and links back in is refused (every component)")
  void classesFolderLinkOnTheWay() throws Exception {
    Path classes = classes();
    Path skills = bundleFile(classes, "skills");
    Path away = dir.resolve("outside/away");
    Files.createDirectories(away);
    // skills -> outside/away, outside/away/testing -> back into the bundle: the real path is inside, the walk
    // to it is not
    Path realTesting = dir.resolve("kept-testing");
    Files.move(skills.resolve("testing"), realTesting);
    Files.move(realTesting, classes.resolve(BundleIndex.ROOT + BUNDLE + "/kept"));
    Files.createSymbolicLink(away.resolve("testing"), classes.resolve(BundleIndex.ROOT + BUNDLE + "/kept"));
    Files.delete(skills);
    Files.createSymbolicLink(skills, away);
    LoadResult result = quickly(() -> load(classes));
    error(result, UNSAFE_PATH, SKILL, "");
  }

  @Test
  @DisplayName("class-path folder: a linked folder on the way to a file, to outside, is UnsafePath")
  void classPathLinkOnTheWay() throws Exception {
    Path classes = classes();
    Path skills = bundleFile(classes, "skills");
    secret("folder/testing/SKILL.md");
    Files.walk(skills).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    Files.createSymbolicLink(skills, dir.resolve("outside/folder"));
    LoadResult result = quickly(() -> classPath(classes));
    error(result, UNSAFE_PATH, SKILL, "");
  }

  @Test
  @DisplayName("plugin folder: a linked manifest folder to outside is UnsafePath, never read")
  void pluginFolderLinkOnTheWay() throws Exception {
    SeedPlugin seed = SeedPlugin.in(dir.resolve("p"));
    secret("manifest/plugin.json");
    Files.delete(seed.root().resolve(MANIFEST));
    Files.delete(seed.root().resolve(".codex-plugin"));
    Files.createSymbolicLink(seed.root().resolve(".codex-plugin"), dir.resolve("outside/manifest"));
    LoadResult result = quickly(() -> load(seed.root()));
    error(result, UNSAFE_PATH, ".codex-plugin", "");
  }

  @Test
  @DisplayName("marketplace root: an entry folder linked outside the root is UnsafePath, never walked")
  void marketplaceEntryLinkedOutside() throws Exception {
    Path root = dir.resolve("market");
    SeedPlugin elsewhere = SeedPlugin.in(dir.resolve("outside"));
    Files.createDirectories(root.resolve(".agents/plugins"));
    Files.createDirectories(root.resolve("plugins"));
    Files.createSymbolicLink(root.resolve("plugins/" + BUNDLE), elsewhere.root());
    Files.writeString(root.resolve(".agents/plugins/marketplace.json"), "{\"name\": \"m\", \"plugins\": [{\"name\": \""
        + BUNDLE + "\", \"source\": {\"source\": \"local\", \"path\": \"./plugins/" + BUNDLE + "\"}}]}");
    PluginCatalog catalog = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> PluginCatalog.fromMarketplace(root));
    assertThat(catalog.findings().stream().anyMatch(f -> f.code() == UNSAFE_PATH
        && f.field().equals("plugins[0].source.path"))).isTrue();
    assertThat(catalog.entries()).isEmpty();
  }

  // ---------------------------------------------------------------- a symlink loop

  @Test
  @DisplayName("classes folder and class path: a symlink loop on the way is UnsafePath, within seconds")
  void symlinkLoop() throws Exception {
    Path classes = classes();
    Path skillFile = bundleFile(classes, SKILL);
    Files.delete(skillFile);
    Files.createSymbolicLink(skillFile, skillFile.resolveSibling("loop"));
    Files.createSymbolicLink(skillFile.resolveSibling("loop"), skillFile);
    error(quickly(() -> load(classes)), UNSAFE_PATH, SKILL, "");
    error(quickly(() -> classPath(classes)), UNSAFE_PATH, SKILL, "");
  }

  @Test
  @DisplayName("plugin folder: a symlink loop is UnsafePath, within seconds")
  void pluginFolderLoop() throws Exception {
    SeedPlugin seed = SeedPlugin.in(dir.resolve("p"));
    Files.createSymbolicLink(seed.root().resolve("a"), Path.of("b"));
    Files.createSymbolicLink(seed.root().resolve("b"), Path.of("a"));
    LoadResult result = quickly(() -> load(seed.root()));
    error(result, UNSAFE_PATH, "a", "");
  }

  // ---------------------------------------------------------------- a FIFO named like a format file

  @Test
  @DisplayName("plugin folder: a FIFO plugin.json is UnsafePath (not silently \"no manifest\"), never opened")
  void pluginFolderFifoManifest() throws Exception {
    SeedPlugin seed = SeedPlugin.in(dir.resolve("p"));
    Files.delete(seed.root().resolve(MANIFEST));
    fifo(seed.root().resolve(MANIFEST));
    LoadResult result = quickly(() -> load(seed.root()));
    error(result, UNSAFE_PATH, MANIFEST, "");
  }

  @Test
  @DisplayName("plugin folder: a link inside the folder to a FIFO inside it is UnsafePath, never opened")
  void pluginFolderLinkToFifo() throws Exception {
    SeedPlugin seed = SeedPlugin.in(dir.resolve("p"));
    fifo(seed.root().resolve("pipes/mcp"));
    Files.deleteIfExists(seed.root().resolve(".mcp.json"));
    Files.createSymbolicLink(seed.root().resolve(".mcp.json"), Path.of("pipes/mcp"));
    LoadResult result = quickly(() -> load(seed.root()));
    error(result, UNSAFE_PATH, ".mcp.json", "");
  }

  @Test
  @DisplayName("classes folder and class path: a FIFO listed in the index is UnsafePath, never opened")
  void indexedFifo() throws Exception {
    Path classes = classes();
    Files.delete(bundleFile(classes, SKILL));
    fifo(bundleFile(classes, SKILL));
    error(quickly(() -> load(classes)), UNSAFE_PATH, SKILL, "");
    error(quickly(() -> classPath(classes)), UNSAFE_PATH, SKILL, "");
  }

  @Test
  @DisplayName("a FIFO given as the path, or named x.jar in a folder of jars: refused, never opened")
  void fifoAsPathAndAsJar() throws Exception {
    Path fifo = fifo(dir.resolve("jars/x.jar"));
    LoadResult result = quickly(() -> load(fifo));
    error(result, UNSAFE_PATH, "", "");
    assertThat(result.findings().stream().noneMatch(f -> f.code() == NO_BUNDLE)).isTrue();
    PluginCatalog catalog = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> PluginCatalog.fromJars(dir.resolve("jars")));
    assertThat(catalog.entries()).isEmpty();
  }

  @Test
  @DisplayName("classes folder: a FIFO index.json is never opened")
  void fifoIndex() throws Exception {
    Path classes = classes();
    Files.delete(classes.resolve(BundleIndex.RESOURCE));
    fifo(classes.resolve(BundleIndex.RESOURCE));
    LoadResult result = quickly(() -> classPath(classes));
    error(result, UNSAFE_PATH, BundleIndex.RESOURCE, "");
    quickly(() -> PluginLoader.check(classes));
  }

  // ---------------------------------------------------------------- a hard-to-see relative link

  @Test
  @DisplayName("classes folder, class path, plugin folder: a link a/../../x that climbs out is UnsafePath")
  void climbingRelativeLink() throws Exception {
    Path classes = classes();
    secret("x.md");
    Path skillFile = bundleFile(classes, SKILL);
    relink(skillFile, Path.of("a/../../../../../../../outside/x.md"));
    Files.createDirectories(skillFile.resolveSibling("a"));
    error(quickly(() -> load(classes)), UNSAFE_PATH, SKILL, "");
    error(quickly(() -> classPath(classes)), UNSAFE_PATH, SKILL, "");

    SeedPlugin seed = SeedPlugin.in(dir.resolve("p"));
    Files.createDirectories(seed.root().resolve("a"));
    Files.createSymbolicLink(seed.root().resolve("notes.md"), Path.of("a/../../../outside/x.md"));
    error(quickly(() -> load(seed.root())), UNSAFE_PATH, "notes.md", "");
  }

  @Test
  @DisplayName("GuardedFiles: a link that stays inside through .. is followed; .. above the root is refused")
  void guardResolvesInside() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root")).toRealPath();
    Files.createDirectories(root.resolve("a/b"));
    Files.writeString(root.resolve("x.txt"), "ok");
    Files.createSymbolicLink(root.resolve("a/b/link"), Path.of("../../x.txt"));
    assertThat(new String(GuardedFiles.read(root, "a/b/link", 10))).isEqualTo("ok");
    GuardedFiles.RefusedException up = org.junit.jupiter.api.Assertions.assertThrows(
        GuardedFiles.RefusedException.class, () -> GuardedFiles.read(root, "a/../../x.txt", 10));
    assertThat(up.refusal()).isEqualTo(GuardedFiles.Refusal.OUTSIDE);
    GuardedFiles.RefusedException large = org.junit.jupiter.api.Assertions.assertThrows(
        GuardedFiles.RefusedException.class, () -> GuardedFiles.read(root, "x.txt", 1));
    assertThat(large.refusal()).isEqualTo(GuardedFiles.Refusal.TOO_LARGE);
  }
}
