package dev.codexplugin.runtime.internal;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codexplugin.runtime.ExportFixtures;
import dev.codexplugin.runtime.MarketplaceExport;
import dev.codexplugin.runtime.MarketplaceExportException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs exporting to the same target at once: one complete result, or "in use"; nothing left beside it. */
class ExportTwoProcessesTest {
  @TempDir Path tmp;

  /** Run in a forked JVM: {@code <out> <zip> <jar>...}; prints "ok" or the one-line error. */
  public static void main(String[] args) {
    MarketplaceExport.Builder b = MarketplaceExport.builder().marketplaceName("team-tools");
    for (int i = 2; i < args.length; i++) {
      b.addJar(Path.of(args[i]));
    }
    try {
      b.build().exportTo(Path.of(args[0]), Path.of(args[1]));
      System.out.println("ok");
    } catch (MarketplaceExportException e) {
      System.out.println(e.getMessage());
      System.exit(1);
    }
  }

  private static Process start(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        ExportTwoProcessesTest.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  @Test
  void twoProcessesAtOnceLeaveOneCompleteResultAndNoLeftovers() throws Exception {
    Path team = ExportFixtures.jar(tmp.resolve("in/team.jar"), ExportFixtures.team());
    Path tools = ExportFixtures.jar(tmp.resolve("in/tools.jar"), ExportFixtures.tools("tools-plugin", "versions"));
    Path refA = tmp.resolve("ref-a");
    Path refB = tmp.resolve("ref-b");
    MarketplaceExport.builder().marketplaceName("team-tools").addJar(team).build().exportTo(refA);
    MarketplaceExport.builder().marketplaceName("team-tools").addJar(team).addJar(tools).build().exportTo(refB);
    SortedMap<String, String> a = ExportFixtures.text(ExportFixtures.snapshot(refA));
    SortedMap<String, String> b = ExportFixtures.text(ExportFixtures.snapshot(refB));
    Path out = tmp.resolve("target/codex-plugin");
    Path zip = tmp.resolve("target/codex-plugin.zip");
    int inUse = 0;
    for (int round = 0; round < 4; round++) {
      Process first = start(out.toString(), zip.toString(), team.toString());
      Process second = start(out.toString(), zip.toString(), team.toString(), tools.toString());
      for (Process p : List.of(first, second)) {
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (p.exitValue() != 0) {
          assertWithMessage(output).that(output).contains("which is in use: another export is writing it");
          inUse++;
        } else {
          assertThat(output).isEqualTo("ok");
        }
      }
      SortedMap<String, String> now = ExportFixtures.text(ExportFixtures.snapshot(out));
      assertThat(now.equals(a) || now.equals(b)).isTrue();
      try (Stream<Path> s = Files.list(out.getParent())) {
        assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
            ".codex-plugin.lock", ".codex-plugin.zip.lock", "codex-plugin", "codex-plugin.zip");
      }
    }
    assertThat(inUse).isAtMost(4);
  }
}
