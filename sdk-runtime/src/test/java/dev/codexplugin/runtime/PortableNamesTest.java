package dev.codexplugin.runtime;

import static com.google.common.truth.Truth.assertThat;
import static dev.codexplugin.runtime.FindingCode.NOT_PORTABLE;

import dev.codexplugin.runtime.format.Rules;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FindingCode#NOT_PORTABLE} (issue 15 item 3): a warning for a plugin, skill or file name that a host
 * cannot install on another operating system; never an error, and never on the seed plugin.
 */
class PortableNamesTest {
  static final String NFC = Normalizer.normalize("caf\u00E9", Normalizer.Form.NFC);
  static final String NFD = Normalizer.normalize("caf\u00E9", Normalizer.Form.NFD);

  @TempDir Path dir;

  static List<Finding> notPortable(LoadResult result) {
    return result.findings().stream().filter(f -> f.code() == NOT_PORTABLE).toList();
  }

  @Test
  @DisplayName("the seed plugin has portable names: no NotPortable")
  void seedIsPortable() {
    assertThat(notPortable(BadInputTest.load(SeedPlugin.in(dir).root()))).isEmpty();
  }

  @Test
  @DisplayName("Windows device names, with any extension and in any case, and trailing dots and spaces")
  void windowsNames() {
    SeedPlugin seed = SeedPlugin.in(dir)
        .simpleSkill("skills/aux", "aux", "A skill Windows cannot hold")
        .file("assets/NUL.txt", "x")
        .file("assets/Com1.tar.gz", "x")
        .file("assets/lpt9", "x")
        .file("assets/logo.", "x")
        .file("assets/notes ", "x")
        .file("assets/console.txt", "x")
        .file("assets/com0", "x");
    LoadResult result = BadInputTest.load(seed.root());
    List<Finding> found = notPortable(result);
    assertThat(found.stream().map(Finding::file).toList()).containsExactly("skills/aux", "assets/NUL.txt",
        "assets/Com1.tar.gz", "assets/lpt9", "assets/logo.", "assets/notes ");
    found.forEach(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    Finding nul = BadInputTest.warning(result, NOT_PORTABLE, "assets/NUL.txt", "");
    assertThat(nul.toString()).contains("assets/NUL.txt: should be a name every operating system can hold");
    assertThat(nul.message()).contains("found \"NUL.txt\", a name Windows reserves for a device");
    assertThat(BadInputTest.warning(result, NOT_PORTABLE, "assets/logo.", "").message())
        .contains("ends in a dot that Windows drops");
    // the skill's files below a reported folder are not reported again
    assertThat(found.stream().filter(f -> f.file().startsWith("skills/aux/")).toList()).isEmpty();
  }

  @Test
  @DisplayName("a plugin named like a Windows device")
  void pluginName() {
    LoadResult result = BadInputTest.load(SeedPlugin.in(dir, "con").set("name", "\"con\"").root());
    Finding f = BadInputTest.warning(result, NOT_PORTABLE, SeedPlugin.MANIFEST, "name");
    assertThat(f.message()).contains("a host installs it in a folder of this name");
  }

  @Test
  @DisplayName("NFC/NFD twins of one skill name, and file names that differ only in case")
  void twins() {
    SeedPlugin seed = SeedPlugin.in(dir)
        .simpleSkill("skills/" + NFC, NFC, "Composed")
        .simpleSkill("skills/" + NFD, NFD, "Decomposed")
        .file("assets/Readme.md", "x")
        .file("assets/README.md", "x");
    LoadResult result = BadInputTest.load(seed.root());
    List<Finding> found = notPortable(result);
    assertThat(found).hasSize(2);
    Finding skill = found.stream().filter(f -> f.file().startsWith("skills/")).findFirst().orElseThrow();
    assertThat(skill.message()).contains("after Unicode normalisation (NFC)");
    Finding readme = found.stream().filter(f -> f.file().startsWith("assets/")).findFirst().orElseThrow();
    assertThat(readme.message()).contains("when case is ignored");
    assertThat(readme.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  @DisplayName("the rule itself: what is and is not portable")
  void rule() {
    for (String bad : List.of("CON", "con", "Prn.md", "aux.tar.gz", "NUL", "COM1", "com9.txt", "LPT1", "lpt5.x",
        "COM\u00B9", "a.", "a ", "name. ")) {
      assertThat(Rules.unportable(bad)).isPresent();
    }
    for (String good : List.of("console", "com10", "com0", "lpt", "auxiliary.md", "nul-check", ".hidden", "a.b",
        "CONTRIBUTING.md", "con-fig")) {
      assertThat(Rules.unportable(good)).isEmpty();
    }
  }
}
