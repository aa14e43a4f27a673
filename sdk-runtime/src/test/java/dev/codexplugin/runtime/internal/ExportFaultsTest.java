package dev.codexplugin.runtime.internal;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codexplugin.runtime.ExportFixtures;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.MarketplaceExport;
import dev.codexplugin.runtime.MarketplaceExportException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exporter never overwrites an input, never takes a forged marker as its own, and is safe to run twice at once. */
class ExportFaultsTest {
  @TempDir Path tmp;

  private MarketplaceExport export(Path jar, boolean force) {
    return MarketplaceExport.builder().marketplaceName("team-tools").addJar(jar).force(force).build();
  }

  private Path teamJar() throws Exception {
    return ExportFixtures.jar(tmp.resolve("in/team.jar"), ExportFixtures.team());
  }

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void assertRefused(MarketplaceExportException e, String option, Path path) {
    assertThat(e.code()).isEqualTo(FindingCode.UNSAFE_PATH);
    assertThat(e).hasMessageThat().contains(option + " " + path.toAbsolutePath().normalize());
    assertThat(e).hasMessageThat().doesNotContain("\n");
    assertThat(e).hasMessageThat().containsMatch("e\\.g\\. " + option);
  }

  @Test
  void zipNamingAnInputIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path jar = teamJar();
    byte[] before = Files.readAllBytes(jar);
    Path out = tmp.resolve("out");
    MarketplaceExportException e = assertThrows(MarketplaceExportException.class,
        () -> export(jar, false).exportTo(out, jar));
    assertRefused(e, "--zip", jar);
    assertThat(Files.readAllBytes(jar)).isEqualTo(before);
    assertThat(Files.exists(out)).isFalse();

    Path lib = Files.write(tmp.resolve("in/lib.jar"), new byte[] {1, 2, 3});
    MarketplaceExport withLib = MarketplaceExport.builder().marketplaceName("team-tools")
        .addJar(jar, List.of(lib)).build();
    assertRefused(assertThrows(MarketplaceExportException.class, () -> withLib.exportTo(out, lib)), "--zip", lib);
    assertThat(Files.readAllBytes(lib)).isEqualTo(new byte[] {1, 2, 3});
    // a link to an input is refused as well
    Path link = Files.createSymbolicLink(tmp.resolve("link.zip"), jar);
    assertThrows(MarketplaceExportException.class, () -> export(jar, false).exportTo(out, link));
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void zipInsideOrOnTheOutputFolderIsRefused() throws Exception {
    Path jar = teamJar();
    Path out = tmp.resolve("out");
    export(jar, false).exportTo(out);
    SortedMap<String, byte[]> before = ExportFixtures.snapshot(out);
    for (Path zip : List.of(out.resolve("m.zip"), out.resolve(MarketplaceExport.MARKER), out,
        out.resolve(".agents/plugins/marketplace.json"))) {
      MarketplaceExportException e = assertThrows(MarketplaceExportException.class,
          () -> export(jar, true).exportTo(out, zip), zip.toString());
      assertRefused(e, "--zip", zip);
    }
    assertThat(ExportFixtures.text(ExportFixtures.snapshot(out))).isEqualTo(ExportFixtures.text(before));
  }

  @Test
  void outAtAnInputAFileARootOrALinkIsRefusedEvenWithForce() throws Exception {
    Path jar = teamJar();
    byte[] before = Files.readAllBytes(jar);
    Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("keep.txt"), "keep");
    Path link = Files.createSymbolicLink(tmp.resolve("link-out"), elsewhere);
    for (Path out : List.of(jar, jar.resolve("sub"), tmp.resolve("in"), tmp, file, link, Path.of("/"))) {
      for (boolean force : new boolean[] {false, true}) {
        MarketplaceExportException e = assertThrows(MarketplaceExportException.class,
            () -> export(jar, force).exportTo(out), out + " force=" + force);
        assertRefused(e, "--out", out);
      }
    }
    assertThat(Files.readAllBytes(jar)).isEqualTo(before);
    assertThat(Files.readString(file)).isEqualTo("mine");
    assertThat(names(elsewhere)).containsExactly("keep.txt");
    assertThat(names(tmp)).containsExactly("elsewhere", "in", "link-out", "notes.txt");
    assertThat(names(tmp.resolve("in"))).containsExactly("team.jar");
  }

  @Test
  void aForgedMarkerDoesNotCount() throws Exception {
    Path jar = teamJar();
    Path real = tmp.resolve("real");
    export(jar, false).exportTo(real);
    byte[] marker = Files.readAllBytes(real.resolve(MarketplaceExport.MARKER));

    // the marker copied into a folder of someone else's files
    Path mine = Files.createDirectories(tmp.resolve("mine"));
    Files.writeString(mine.resolve("thesis.tex"), "years of work");
    Files.write(mine.resolve(MarketplaceExport.MARKER), marker);
    // a real export with an extra file beside it
    Path extra = tmp.resolve("extra");
    export(jar, false).exportTo(extra);
    Files.writeString(extra.resolve("plugins/notes.txt"), "mine");
    // a marker listing other plugins than the folder holds
    Path other = tmp.resolve("other");
    export(jar, false).exportTo(other);
    Files.writeString(other.resolve(MarketplaceExport.MARKER), new String(marker, StandardCharsets.UTF_8)
        .replace("\"plugins\"", "\"plugins\" : [\"x\"], \"was\""));
    // an empty marker
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Files.writeString(empty.resolve("a.txt"), "a");
    Files.write(empty.resolve(MarketplaceExport.MARKER), new byte[0]);

    for (Path out : List.of(mine, extra, other, empty)) {
      SortedMap<String, String> before = ExportFixtures.text(ExportFixtures.snapshot(out));
      MarketplaceExportException e = assertThrows(MarketplaceExportException.class,
          () -> export(jar, false).exportTo(out), out.toString());
      assertThat(e.code()).isEqualTo(FindingCode.NOT_AN_EXPORT);
      assertThat(e).hasMessageThat().contains("--force");
      assertThat(ExportFixtures.text(ExportFixtures.snapshot(out))).isEqualTo(before);
    }
    // the real export is replaced without --force, and --force replaces the others
    export(jar, false).exportTo(real);
    export(jar, true).exportTo(mine);
    assertThat(Files.exists(mine.resolve("thesis.tex"))).isFalse();
  }

  @Test
  void twoExportsAtOnceLeaveOneCompleteResultAndNothingBeside() throws Exception {
    Path jar = teamJar();
    Path tools = ExportFixtures.jar(tmp.resolve("in/tools.jar"), ExportFixtures.tools("tools-plugin", "versions"));
    Path out = tmp.resolve("target/codex-plugin");
    Path zip = tmp.resolve("target/codex-plugin.zip");
    MarketplaceExport a = MarketplaceExport.builder().marketplaceName("team-tools").addJar(jar).build();
    MarketplaceExport b = MarketplaceExport.builder().marketplaceName("team-tools").addJar(jar).addJar(tools)
        .build();
    Path refA = tmp.resolve("ref-a");
    Path refB = tmp.resolve("ref-b");
    a.exportTo(refA);
    b.exportTo(refB);
    SortedMap<String, String> expectA = ExportFixtures.text(ExportFixtures.snapshot(refA));
    SortedMap<String, String> expectB = ExportFixtures.text(ExportFixtures.snapshot(refB));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    int inUse = 0;
    try {
      for (int round = 0; round < 60; round++) {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<String>> results = new ArrayList<>();
        for (MarketplaceExport e : List.of(a, b)) {
          results.add(pool.submit(() -> {
            start.await();
            try {
              e.exportTo(out, zip);
              return "ok";
            } catch (MarketplaceExportException x) {
              assertThat(x).hasMessageThat().contains("in use");
              assertThat(x).hasMessageThat().doesNotContain("\n");
              return "in use";
            }
          }));
        }
        int ok = 0;
        for (Future<String> f : results) {
          if (f.get().equals("in use")) {
            inUse++;
          } else {
            ok++;
          }
        }
        assertThat(ok).isAtLeast(1); // "in use" only while another export is writing
        SortedMap<String, String> now = ExportFixtures.text(ExportFixtures.snapshot(out));
        assertThat(now.equals(expectA) || now.equals(expectB)).isTrue();
        assertThat(names(out.getParent())).containsExactly(".codex-plugin.lock", ".codex-plugin.zip.lock",
            "codex-plugin", "codex-plugin.zip");
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.println("two exports at once: " + inUse + " of 120 answered in use");
  }

  @Test
  void leftoversOfACrashedExportAreCleanedUp() throws Exception {
    Path jar = teamJar();
    Path out = tmp.resolve("target/codex-plugin");
    export(jar, false).exportTo(out);
    Files.createDirectories(tmp.resolve("target/.codex-plugin.old-123/plugins"));
    Files.createDirectories(tmp.resolve("target/.codex-plugin.export-456"));
    Files.writeString(tmp.resolve("target/.codex-plugin.zip.789.tmp"), "half");
    export(jar, false).exportTo(out, tmp.resolve("target/codex-plugin.zip"));
    assertThat(names(tmp.resolve("target"))).containsExactly(".codex-plugin.lock", ".codex-plugin.zip.lock",
        "codex-plugin", "codex-plugin.zip");
  }
}
