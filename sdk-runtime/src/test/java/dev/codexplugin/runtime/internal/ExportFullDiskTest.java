package dev.codexplugin.runtime.internal;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.codexplugin.runtime.ExportFixtures;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.MarketplaceExport;
import dev.codexplugin.runtime.MarketplaceExportException;
import dev.codexplugin.runtime.PluginBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk (a 2 MiB tmpfs, mounted when the tests run as root on Linux; skipped otherwise) leaves the previous
 * output intact and no half-written file, staged folder or temporary zip.
 */
class ExportFullDiskTest {
  @TempDir Path tmp;
  private Path disk;
  private boolean mounted;

  private static boolean run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  @BeforeEach
  void mount() throws Exception {
    disk = Files.createDirectories(tmp.resolve("disk"));
    assumeTrue(System.getProperty("os.name").startsWith("Linux"), "tmpfs needs Linux");
    mounted = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.toString());
    assumeTrue(mounted, "mount -t tmpfs is not permitted here (not root?)");
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted) {
      run("umount", disk.toString());
    }
  }

  /** A jar whose bundle holds {@code bytes} of incompressible data. */
  private Path jar(String name, int bytes) throws Exception {
    PluginBundle team = ExportFixtures.team();
    byte[] noise = new byte[bytes];
    new Random(1).nextBytes(noise);
    SortedMap<String, byte[]> files = new TreeMap<>(ExportFixtures.files(team));
    files.put("assets/noise.bin", noise);
    return ExportFixtures.jar(tmp.resolve(name), Map.of(team.name(), files)); // the index lists every file
  }

  private static String[] names(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void aFullDiskWhileWritingTheFolderLeavesThePreviousExport() throws Exception {
    Path out = disk.resolve("codex-plugin");
    Path zip = disk.resolve("codex-plugin.zip");
    MarketplaceExport.builder().marketplaceName("team-tools").addJar(jar("small.jar", 1000)).build()
        .exportTo(out, zip);
    SortedMap<String, String> before = ExportFixtures.text(ExportFixtures.snapshot(out));
    byte[] zipBefore = Files.readAllBytes(zip);

    MarketplaceExport big = MarketplaceExport.builder().marketplaceName("team-tools")
        .addJar(jar("big.jar", 3 << 20)).build();
    MarketplaceExportException e = assertThrows(MarketplaceExportException.class, () -> big.exportTo(out, zip));
    assertThat(e.code()).isEqualTo(FindingCode.IO);
    assertThat(e).hasMessageThat().contains("No space left on device");
    assertThat(e).hasMessageThat().contains("previous content of " + out + " is unchanged");
    assertThat(e).hasMessageThat().doesNotContain("\n");

    assertThat(ExportFixtures.text(ExportFixtures.snapshot(out))).isEqualTo(before);
    assertThat(Files.readAllBytes(zip)).isEqualTo(zipBefore);
    assertThat(names(disk)).asList().containsExactly(".codex-plugin.lock", ".codex-plugin.zip.lock",
        "codex-plugin", "codex-plugin.zip");
  }

  @Test
  void aFullDiskWhileWritingTheZipLeavesThePreviousZipAndSaysTheFolderWasReplaced() throws Exception {
    Path out = disk.resolve("codex-plugin");
    Path zip = disk.resolve("codex-plugin.zip");
    MarketplaceExport.builder().marketplaceName("team-tools").addJar(jar("small.jar", 1000)).build()
        .exportTo(out, zip);
    byte[] zipBefore = Files.readAllBytes(zip);

    // the folder (1.2 MiB) fits, the folder and its zip (2.4 MiB) do not
    MarketplaceExport mid = MarketplaceExport.builder().marketplaceName("team-tools")
        .addJar(jar("mid.jar", 1200 << 10)).build();
    MarketplaceExportException e = assertThrows(MarketplaceExportException.class, () -> mid.exportTo(out, zip));
    assertThat(e.code()).isEqualTo(FindingCode.IO);
    assertThat(e).hasMessageThat().contains("the folder " + out + " was already replaced by the new export");
    assertThat(e).hasMessageThat().contains("No space left on device");

    assertThat(Files.size(out.resolve("plugins/team-workflow-plugin/assets/noise.bin"))).isEqualTo(1200 << 10);
    assertThat(Files.readAllBytes(zip)).isEqualTo(zipBefore);
    assertThat(names(disk)).asList().containsExactly(".codex-plugin.lock", ".codex-plugin.zip.lock",
        "codex-plugin", "codex-plugin.zip");
  }
}
