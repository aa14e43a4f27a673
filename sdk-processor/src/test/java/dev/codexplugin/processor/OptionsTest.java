package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.codexplugin.processor.ProcessorTesting.assertOnlyError;
import static dev.codexplugin.processor.ProcessorTesting.bundleFile;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ProcessorTesting.source;

import com.google.testing.compile.Compilation;
import dev.codexplugin.runtime.FindingCode;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The processor options: {@code -Acodexplugin.version} and unknown options in our namespace. */
class OptionsTest {
  private static final JavaFileObject NO_VERSION = source("com.acme.package-info", """
      @Plugin(name = "team",
          description = "d")
      package com.acme;

      import dev.codexplugin.api.Plugin;
      """);

  @Test
  void anEmptyVersionIsTakenFromTheOption() {
    Compilation compilation = compile(List.of("-Acodexplugin.version=2.3.4-rc.1+build.7"), NO_VERSION);
    assertThat(bundleFile(compilation, "team/.codex-plugin/plugin.json"))
        .contains("\"version\": \"2.3.4-rc.1+build.7\"");
    assertThat(bundleFile(compilation, "index.json")).contains("\"version\": \"2.3.4-rc.1+build.7\"");
  }

  @Test
  void theAnnotationWinsOverTheOption() {
    JavaFileObject file = source("com.acme.package-info", """
        @dev.codexplugin.api.Plugin(name = "team", version = "1.0.0", description = "d")
        package com.acme;
        """);
    assertThat(bundleFile(compile(List.of("-Acodexplugin.version=9.9.9"), file), "team/.codex-plugin/plugin.json"))
        .contains("\"version\": \"1.0.0\"");
  }

  @Test
  @Covers(FindingCode.MISSING)
  void noVersionAnywhere() {
    assertOnlyError(compile(NO_VERSION), FindingCode.MISSING, NO_VERSION, "@Plugin(name = \"team\",",
        "@Plugin version must not be empty; found neither @Plugin(version) nor -Acodexplugin.version. Set"
            + " @Plugin(version = \"1.0.0\") or pass -Acodexplugin.version=${project.version}");
  }

  @Test
  @Covers(FindingCode.BAD_VERSION)
  void aBadVersionFromTheOptionIsReportedOnThePlugin() {
    assertOnlyError(compile(List.of("-Acodexplugin.version=1.0"), NO_VERSION), FindingCode.BAD_VERSION,
        NO_VERSION, "@Plugin(name = \"team\",",
        "-Acodexplugin.version (the version of @Plugin \"team\") " + FindingCode.BAD_VERSION.rule()
            + "; found \"1.0\".");
  }

  @Test
  @Covers(FindingCode.UNKNOWN_OPTION)
  void aMisspelledOptionIsAWarning() {
    // An option names no source element: the warning has no file and line. javac adds its own warning that no
    // processor recognized the option; ours says which ones exist.
    Compilation compilation = compile(List.of("-Acodexplugin.version=1.0.0", "-Acodexplugin.verison=1.0.1"),
        NO_VERSION);
    assertThat(compilation).succeeded();
    List<Diagnostic<? extends JavaFileObject>> ours = compilation.warnings().stream()
        .filter(d -> d.getMessage(null).startsWith(FindingCode.UNKNOWN_OPTION.tag())).toList();
    assertThat(ours).hasSize(1);
    assertThat(ours.get(0).getSource()).isNull();
    assertThat(ours.get(0).getMessage(null)).isEqualTo("[codexplugin:UnknownOption] -Acodexplugin.verison "
        + FindingCode.UNKNOWN_OPTION.rule() + ". Check the spelling; the options are -Acodexplugin.resourcePath,"
        + " -Acodexplugin.version.");
    assertThat(compilation.warnings().stream().filter(d -> d.getMessage(null).contains("codexplugin")).count())
        .isEqualTo(2);
  }

  @Test
  void anOptionOutsideOurNamespaceIsNotOurs() {
    Compilation compilation = compile(List.of("-Acodexplugin.version=1.0.0", "-Adagger.fastInit=enabled"),
        NO_VERSION);
    assertThat(compilation).succeeded();
    assertThat(compilation.warnings().stream().filter(d -> d.getMessage(null).contains("[codexplugin:")).toList())
        .isEmpty();
  }
}
