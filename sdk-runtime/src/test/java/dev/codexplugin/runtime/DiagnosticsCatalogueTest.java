package dev.codexplugin.runtime;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics catalogue in {@code docs/DIAGNOSTICS.md} is generated from {@link FindingCode}: every code,
 * its rule in the words of the messages, and its severity. {@code -Dcodexplugin.updateGoldens=true} (the one
 * switch of every golden file in the build, see CONTRIBUTING.md) rewrites it.
 */
class DiagnosticsCatalogueTest {
  private static final String START = "<!-- catalogue:start -->\n";
  private static final String END = "<!-- catalogue:end -->";

  static String catalogue() {
    StringBuilder out = new StringBuilder();
    out.append("| code | rule | when the processor writes the bundle |\n");
    out.append("|---|---|---|\n");
    for (FindingCode code : FindingCode.values()) {
      out.append("| `").append(code.id()).append("` | ").append(code.rule().replace("|", "\\|"))
          .append(" | ").append(code.severity(FindingCode.Context.COMPILE, FindingCode.HostImpact.NONE).name().toLowerCase(java.util.Locale.ROOT))
          .append(" |\n");
    }
    return out.toString();
  }

  @Test
  void theCatalogueListsEveryCodeWithItsRule() throws IOException {
    Path readme = Path.of("..", "docs", "DIAGNOSTICS.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int start = text.indexOf(START);
    int end = text.indexOf(END);
    assertWithMessage("docs/DIAGNOSTICS.md has the catalogue markers").that(start >= 0 && end > start).isTrue();
    String expected = text.substring(0, start + START.length()) + catalogue() + text.substring(end);
    if (Boolean.getBoolean("codexplugin.updateGoldens")) {
      Files.writeString(readme, expected, StandardCharsets.UTF_8);
      return;
    }
    assertWithMessage("the catalogue in docs/DIAGNOSTICS.md is out of date; run the build with"
        + " -Dcodexplugin.updateGoldens=true").that(text).isEqualTo(expected);
  }
}
