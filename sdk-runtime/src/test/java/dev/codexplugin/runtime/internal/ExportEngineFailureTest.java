package dev.codexplugin.runtime.internal;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codexplugin.runtime.ExportFixtures;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.MarketplaceExport;
import dev.codexplugin.runtime.MarketplaceExportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that fails halfway leaves the previous export as it was and no temporary folder behind. */
class ExportEngineFailureTest {
  @TempDir Path tmp;

  private static ExportEngine engine(MarketplaceExport.Format format) {
    return new ExportEngine(new ExportEngine.Settings("team-tools", "Team Tools", "", "Team", "AVAILABLE",
        "ON_INSTALL", "", format, false));
  }

  @Test
  void failureWhileWritingKeepsThePreviousOutput() throws Exception {
    Path team = ExportFixtures.jar(tmp.resolve("team.jar"), ExportFixtures.team());
    Path tools = ExportFixtures.jar(tmp.resolve("tools.jar"), ExportFixtures.tools("tools-plugin", "versions"));
    Path out = tmp.resolve("target/codex-plugin");
    ExportEngine first = engine(MarketplaceExport.Format.CODEX);
    first.addJar(team, List.of());
    first.exportTo(out);
    SortedMap<String, String> before = ExportFixtures.text(ExportFixtures.snapshot(out));

    ExportEngine second = engine(MarketplaceExport.Format.BOTH);
    second.addJar(team, List.of());
    second.addJar(tools, List.of());
    // fail after several files were written into the temporary folder
    second.failBeforeWriting(path -> path.startsWith("plugins/tools-plugin/"));
    MarketplaceExportException e = assertThrows(MarketplaceExportException.class, () -> second.exportTo(out));
    assertThat(e.code()).isEqualTo(FindingCode.IO);
    assertThat(e).hasMessageThat().contains("injected failure before writing plugins/tools-plugin/");
    assertThat(e).hasMessageThat().contains("The previous content of " + out + " is unchanged");

    assertThat(ExportFixtures.text(ExportFixtures.snapshot(out))).isEqualTo(before);
    try (var siblings = Files.list(out.getParent())) {
      assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactly("codex-plugin", ".codex-plugin.lock");
    }
  }

  @Test
  void resolveInsideRejectsEscapes() throws Exception {
    for (String bad : List.of("../x", "a/../../x", "/etc/passwd", "a//b", "./a", "a/./b", "C:/x", "a\\b", "")) {
      assertThrows(OutputFolder.UnsafeEntryException.class, () -> OutputFolder.resolveInside(tmp, bad), bad);
    }
    assertThat(OutputFolder.resolveInside(tmp, "plugins/x/.mcp.json")).isEqualTo(tmp.resolve("plugins/x/.mcp.json"));
  }
}
