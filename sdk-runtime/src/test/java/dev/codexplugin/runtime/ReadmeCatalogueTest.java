package dev.codexplugin.runtime;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's diagnostics catalogue is generated from {@link FindingCode}: every code, its rule in the words
 * of the messages, and its severity. {@code -Dcodexplugin.updateReadme=true} rewrites it.
 */
class ReadmeCatalogueTest {
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
  void theReadmeListsEveryCodeWithItsRule() throws IOException {
    Path readme = Path.of("..", "README.md");
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int start = text.indexOf(START);
    int end = text.indexOf(END);
    assertWithMessage("README.md has the catalogue markers").that(start >= 0 && end > start).isTrue();
    String expected = text.substring(0, start + START.length()) + catalogue() + text.substring(end);
    if (Boolean.getBoolean("codexplugin.updateReadme")) {
      Files.writeString(readme, expected, StandardCharsets.UTF_8);
      return;
    }
    assertWithMessage("the catalogue in README.md is out of date; run the build with"
        + " -Dcodexplugin.updateReadme=true").that(text).isEqualTo(expected);
  }
}
