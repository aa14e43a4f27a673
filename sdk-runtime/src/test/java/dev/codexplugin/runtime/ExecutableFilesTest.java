package dev.codexplugin.runtime;

import static com.google.common.truth.Truth.assertThat;

import dev.codexplugin.runtime.format.BundleIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executable files survive jar → loader → export → zip (issue 10 item 7): the index says which files are
 * executable, the loader lists them, the export writes them with mode 0755 and everything else with 0644, and the
 * zip stores the modes. A plugin folder keeps what its file system says.
 */
class ExecutableFilesTest {
  @TempDir Path tmp;

  private static final String SCRIPT = "skills/versions/scripts/check.sh";
  private static final String HOOK = "hooks/check.sh";

  private Path jarWithScripts() throws IOException {
    SortedMap<String, byte[]> files = ExportFixtures.files(ExportFixtures.tools("tools-plugin", "tools"));
    files.put(SCRIPT, "#!/bin/sh\necho ok\n".getBytes(StandardCharsets.UTF_8));
    files.put(HOOK, "#!/bin/sh\nexit 0\n".getBytes(StandardCharsets.UTF_8));
    BundleIndex.Entry entry = new BundleIndex.Entry("tools-plugin", "1.0.0", List.copyOf(files.keySet()),
        Set.of(SCRIPT, HOOK));
    SortedMap<String, byte[]> all = new TreeMap<>();
    all.put(BundleIndex.RESOURCE, BundleIndex.write(List.of(entry)));
    files.forEach((path, bytes) -> all.put(BundleIndex.ROOT + "tools-plugin/" + path, bytes));
    return ExportFixtures.zip(tmp.resolve("tools.jar"), all);
  }

  @Test
  void theIndexNamesTheExecutableFilesAndTheLoaderListsThem() throws Exception {
    PluginBundle bundle = PluginLoader.load(jarWithScripts()).get(0);
    assertThat(bundle.executableFiles()).containsExactly(HOOK, SCRIPT).inOrder();
    assertThat(bundle.isExecutable(SCRIPT)).isTrue();
    assertThat(bundle.isExecutable(".codex-plugin/plugin.json")).isFalse();
  }

  @Test
  void theExportWrites0755ForExecutableFilesAnd0644ForTheRestAndTheZipKeepsThem() throws Exception {
    Path out = tmp.resolve("market");
    MarketplaceExport.builder().marketplaceName("tools").format(MarketplaceExport.Format.BOTH)
        .addJar(jarWithScripts()).build().exportTo(out);
    Path plugin = out.resolve("plugins/tools-plugin");
    assertThat(mode(plugin.resolve(SCRIPT))).isEqualTo("rwxr-xr-x");
    assertThat(mode(plugin.resolve(HOOK))).isEqualTo("rwxr-xr-x");
    assertThat(mode(plugin.resolve(".codex-plugin/plugin.json"))).isEqualTo("rw-r--r--");
    assertThat(mode(plugin.resolve("lib/tools.jar"))).isEqualTo("rw-r--r--");

    Path zip = MarketplaceExport.zip(out, tmp.resolve("market.zip"));
    Map<String, Integer> modes = zipModes(zip);
    assertThat(modes.get("market/plugins/tools-plugin/" + SCRIPT)).isEqualTo(0755);
    assertThat(modes.get("market/plugins/tools-plugin/" + HOOK)).isEqualTo(0755);
    assertThat(modes.get("market/plugins/tools-plugin/.codex-plugin/plugin.json")).isEqualTo(0644);
    assertThat(mode(zip)).isEqualTo("rw-r--r--");
  }

  @Test
  void aPluginFolderKeepsWhatTheFileSystemSays() throws Exception {
    SeedPlugin seed = SeedPlugin.in(tmp);
    Path script = seed.root().resolve("skills/code-review/scripts/lint.sh");
    Files.createDirectories(script.getParent());
    Files.writeString(script, "#!/bin/sh\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path plain = seed.root().resolve("skills/code-review/scripts/notes.txt");
    Files.writeString(plain, "notes");
    PluginBundle bundle = PluginLoader.load(seed.root()).get(0);
    assertThat(bundle.executableFiles()).containsExactly("skills/code-review/scripts/lint.sh");
  }

  @Test
  void aForgedMarkerDoesNotLetTheExportReplaceAFolder() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(out.resolve("notes.md"), "mine");
    Files.writeString(out.resolve(MarketplaceExport.MARKER), "");
    MarketplaceExportException e = org.junit.jupiter.api.Assertions.assertThrows(MarketplaceExportException.class,
        () -> MarketplaceExport.builder().marketplaceName("t").addJar(jarWithScripts()).build().exportTo(out));
    assertThat(e.code()).isEqualTo(FindingCode.NOT_AN_EXPORT);
    assertThat(Files.readString(out.resolve("notes.md"))).isEqualTo("mine");
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  /** The Unix mode of every entry, read from the external attributes of the central directory. */
  private static Map<String, Integer> zipModes(Path zip) throws IOException {
    byte[] bytes = Files.readAllBytes(zip);
    Map<String, Integer> modes = new TreeMap<>();
    List<String> names = new ArrayList<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      file.stream().map(ZipEntry::getName).forEach(names::add);
    }
    for (int i = 0; i + 46 <= bytes.length; i++) {
      if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02) {
        int nameLength = u16(bytes, i + 28);
        long external = u32(bytes, i + 38);
        String name = new String(bytes, i + 46, nameLength, StandardCharsets.UTF_8);
        modes.put(name, (int) ((external >>> 16) & 0777));
      }
    }
    assertThat(modes.keySet()).containsExactlyElementsIn(names);
    return modes;
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  private static long u32(byte[] b, int at) {
    return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xFFFF_FFFFL;
  }
}
