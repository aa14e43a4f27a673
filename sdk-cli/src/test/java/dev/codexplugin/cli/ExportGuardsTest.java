package dev.codexplugin.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export} never overwrites an input and answers "in use" when another export writes the same target. */
class ExportGuardsTest {
  @TempDir static Path jars;
  static Path compiled;

  @TempDir Path tmp;

  @BeforeAll
  static void compile() throws Exception {
    compiled = PluginJars.compile(jars, "team-1.0.0.jar", PluginJars.plugin("com.acme.team", "team-plugin", "github"));
  }

  private Path input() throws Exception {
    Path jar = Files.createDirectories(tmp.resolve("in")).resolve("team-1.0.0.jar");
    return Files.copy(compiled, jar);
  }

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void assertRefused(MainTest.Run run, String option, Path path) {
    assertThat(run.exit()).isEqualTo(Main.FINDINGS);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("codexplugin export: [codexplugin:UnsafePath] ");
    assertThat(run.err()).contains("found " + option + " " + path.toAbsolutePath().normalize());
    assertThat(run.err()).contains("e.g. " + option + " ");
    assertThat(run.err().strip()).doesNotContain("\n");
  }

  @Test
  void zipNamingAnInputJarOrLibIsRefusedAndTheInputIsUnchanged() throws Exception {
    Path jar = input();
    Path lib = Files.writeString(tmp.resolve("in/dep.jar"), "not really a jar");
    byte[] before = Files.readAllBytes(jar);
    Path out = tmp.resolve("o");
    assertRefused(MainTest.run("export", jar.toString(), "--out", out.toString(), "--zip", jar.toString()),
        "--zip", jar);
    assertRefused(MainTest.run("export", jar.toString(), "--out", out.toString(), "--lib", lib.toString(),
        "--zip", lib.toString()), "--zip", lib);
    assertThat(Files.readAllBytes(jar)).isEqualTo(before);
    assertThat(Files.readString(lib)).isEqualTo("not really a jar");
    assertThat(Files.exists(out)).isFalse();
    assertThat(names(tmp)).containsExactly("in");
  }

  @Test
  void zipInsideTheOutputFolderIsRefused() throws Exception {
    Path jar = input();
    Path out = tmp.resolve("o");
    assertThat(MainTest.run("export", jar.toString(), "--out", out.toString()).exit()).isEqualTo(Main.OK);
    List<String> before = names(out);
    for (Path zip : List.of(out.resolve("o.zip"), out.resolve(".codexplugin-export"), out)) {
      assertRefused(MainTest.run("export", jar.toString(), "--out", out.toString(), "--zip", zip.toString()),
          "--zip", zip);
    }
    assertThat(names(out)).isEqualTo(before);
  }

  @Test
  void outAtARootAFileALinkOrAroundAnInputIsRefusedEvenWithForce() throws Exception {
    Path jar = input();
    Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Path link = Files.createSymbolicLink(tmp.resolve("link"), elsewhere);
    for (Path out : List.of(Path.of("/"), file, link, jar, tmp.resolve("in"), tmp)) {
      assertRefused(MainTest.run("export", jar.toString(), "--out", out.toString(), "--force",
          "-m", "team-tools"), "--out", out);
    }
    assertThat(names(tmp)).containsExactly("elsewhere", "in", "link", "notes.txt");
    assertThat(names(elsewhere)).isEmpty();
    assertThat(names(tmp.resolve("in"))).containsExactly("team-1.0.0.jar");
    assertThat(Files.readString(file)).isEqualTo("mine");
  }

  @Test
  void outOrZipInsideALibFolderIsRefused() throws Exception {
    Path jar = input();
    Path deps = Files.createDirectories(tmp.resolve("deps"));
    Files.writeString(deps.resolve("dep.jar"), "not really a jar");
    for (Path out : List.of(deps, deps.resolve("market"), tmp)) {
      MainTest.Run run = MainTest.run("export", jar.toString(), "--out", out.toString(), "--lib", deps.toString(),
          "--force", "-m", "team-tools");
      assertThat(run.exit()).isEqualTo(Main.FINDINGS);
      assertThat(run.err()).startsWith("codexplugin export: [codexplugin:UnsafePath] --out "
          + out.toAbsolutePath().normalize());
      assertThat(run.err()).contains("e.g. --out ");
      assertThat(run.err().strip()).doesNotContain("\n");
    }
    MainTest.Run zip = MainTest.run("export", jar.toString(), "--out", tmp.resolve("o").toString(), "--lib",
        deps.toString(), "--zip", deps.resolve("m.zip").toString());
    assertThat(zip.exit()).isEqualTo(Main.FINDINGS);
    assertThat(zip.err()).startsWith("codexplugin export: [codexplugin:UnsafePath] --zip " + deps.resolve("m.zip"));
    assertThat(names(deps)).containsExactly("dep.jar");
    assertThat(names(tmp)).containsExactly("deps", "in");
  }

  @Test
  void twoExportsAtOnceGiveOneCompleteResultOrInUse() throws Exception {
    Path jar = input();
    Path out = tmp.resolve("target/team-tools");
    Path zip = tmp.resolve("target/team-tools.zip");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<MainTest.Run>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          runs.add(pool.submit(() -> {
            start.await();
            return MainTest.run("export", jar.toString(), "--out", out.toString(), "--zip", zip.toString());
          }));
        }
        int ok = 0;
        for (Future<MainTest.Run> f : runs) {
          MainTest.Run run = f.get();
          if (run.exit() == Main.OK) {
            ok++;
          } else {
            assertWithMessage(run.err()).that(run.err()).contains("which is in use: another export is writing it");
            assertThat(run.err().strip()).doesNotContain("\n");
          }
        }
        assertThat(ok).isAtLeast(1);
        assertThat(names(out.getParent())).containsExactly(".team-tools.lock", ".team-tools.zip.lock", "team-tools",
            "team-tools.zip");
        assertThat(Files.exists(out.resolve(".codexplugin-export"))).isTrue();
        assertThat(Files.exists(out.resolve(".agents/plugins/marketplace.json"))).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
