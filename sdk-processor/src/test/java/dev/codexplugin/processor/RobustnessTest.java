package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.codexplugin.processor.ProcessorTesting.assertError;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ProcessorTesting.source;

import com.google.testing.compile.Compilation;
import dev.codexplugin.runtime.FindingCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The processor never throws out of {@code process()}, reports a failure of its own once on the element it
 * was working on, says nothing about annotations javac could not compute, and writes nothing when the
 * compilation has an error it can see.
 */
class RobustnessTest {
  @TempDir Path dir;

  private static final JavaFileObject ALPHA = source("com.a.package-info", """
      @dev.codexplugin.api.Plugin(name = "alpha", version = "1.0.0", description = "d")
      package com.a;
      """);

  private static final JavaFileObject BOOM = source("com.a.Boom", """
      package com.a;

      @dev.codexplugin.api.Skill(name = "boom", description = "Explodes.", instructions = "Boom.")
      final class Boom {}
      """);

  private static final JavaFileObject OTHER_SKILL = source("com.a.Other", """
      package com.a;

      @dev.codexplugin.api.Skill(
          name = "Other",
          description = "Another skill of alpha.",
          instructions = "Other.")
      final class Other {}
      """);

  private static final JavaFileObject BETA = source("com.b.package-info", """
      @dev.codexplugin.api.Plugin(
          name = "beta",
          version = "1.0.0",
          description = "d",
          ui = @dev.codexplugin.api.PluginInterface(
              brandColor = "blue"))
      package com.b;
      """);

  /** A processor whose probe throws on the {@code nth} visit of {@code Boom}. */
  private static CodexPluginProcessor failingOn(int nth) {
    AtomicInteger visits = new AtomicInteger();
    return new CodexPluginProcessor(element -> {
      if (element.getSimpleName().contentEquals("Boom") && visits.incrementAndGet() == nth) {
        throw new IllegalStateException("boom while visiting " + element);
      }
    });
  }

  // No real input is known to make the processor fail (every crash these tests found was fixed), so the two
  // Internal tests inject a failure through CodexPluginProcessor.Probe, a package-private seam.

  @Test
  @Covers(FindingCode.INTERNAL)
  void aFailureWhileReadingAnElementIsReportedOnItAndTheOthersGoOn() {
    Compilation compilation = compile(failingOn(1), List.of(), ALPHA, BOOM, OTHER_SKILL, BETA);
    assertThat(compilation).failed();
    assertThat(compilation.errors()).hasSize(3);
    String message = assertError(compilation, FindingCode.INTERNAL, BOOM, "final class Boom",
        "the codexplugin processor " + FindingCode.INTERNAL.rule(), "java.lang.IllegalStateException: boom");
    assertThat(message).contains("at dev.codexplugin.processor.");
    assertError(compilation, FindingCode.BAD_NAME, OTHER_SKILL, "name = \"Other\"");
    assertError(compilation, FindingCode.BAD_COLOR, BETA, "brandColor = \"blue\"");
  }

  @Test
  @Covers(FindingCode.INTERNAL)
  void aFailureWhileAssemblingAPartIsReportedOnItAndTheOthersGoOn() {
    Compilation compilation = compile(failingOn(2), List.of(), ALPHA, BOOM, OTHER_SKILL, BETA);
    assertThat(compilation.errors()).hasSize(3);
    assertError(compilation, FindingCode.INTERNAL, BOOM, "final class Boom", "boom while visiting com.a.Boom");
    assertError(compilation, FindingCode.BAD_NAME, OTHER_SKILL, "name = \"Other\"");
    assertError(compilation, FindingCode.BAD_COLOR, BETA, "brandColor = \"blue\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "@Skill(name = NO_SUCH_NAME, description = \"x\", instructions = \"y\")",
      "@Skill(name = \"review\", description = \"x\", instructions = \"y\", requires = {\"github\", NO_SUCH})",
      "@Skill(name = \"review\", description = \"x\", instructions = \"y\", ui = @SkillInterface(brandColor = NOPE))",
      "@Skill(name = \"a\", description = \"x\", instructions = \"y\") @Skill(name = NOPE, description = \"x\")",
      "@McpServer(name = \"github\", command = NO_SUCH_COMMAND)",
  })
  void aValueJavacCouldNotComputeCausesNoFollowOnDiagnostic(String annotations) {
    JavaFileObject file = source("com.a.Broken", """
        package com.a;

        import dev.codexplugin.api.McpServer;
        import dev.codexplugin.api.Plugin;
        import dev.codexplugin.api.Skill;
        import dev.codexplugin.api.SkillInterface;

        %s
        final class Broken {}
        """.formatted(annotations));
    Compilation compilation = compile(ALPHA, file, OTHER_SKILL);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol");
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      assertWithMessage("a follow-on diagnostic").that(d.getMessage(null)).doesNotContain("[codexplugin:");
    }
  }

  @Test
  void aPluginJavacCouldNotComputeSilencesItsOwnParts() {
    JavaFileObject plugin = source("com.c.package-info", """
        @dev.codexplugin.api.Plugin(name = NO_SUCH_NAME, description = "x")
        package com.c;
        """);
    JavaFileObject part = source("com.c.Part", """
        package com.c;

        @dev.codexplugin.api.Skill(name = "Bad Name", description = "<x>")
        final class Part {}
        """);
    Compilation compilation = compile(ALPHA, plugin, part);
    assertThat(compilation).hadErrorContaining("cannot find symbol");
    assertThat(compilation.errors()).hasSize(1);
  }

  @Test
  void aMissingRequiredAttributeIsJavacsToReport() {
    JavaFileObject file = source("com.a.Broken", """
        package com.a;

        @dev.codexplugin.api.Skill(description = "x", instructions = "y")
        final class Broken {}
        """);
    Compilation compilation = compile(ALPHA, file);
    assertThat(compilation).hadErrorContaining("missing a default value for the element 'name'");
    assertThat(compilation.errors()).hasSize(1);
  }

  // ------------------------------------------------------------------------------------------ on disk

  private static final String ALPHA_INFO = """
      @dev.codexplugin.api.Plugin(name = "alpha", version = "1.0.0", description = "d")
      package com.a;
      """;
  private static final String BETA_INFO = """
      @dev.codexplugin.api.Plugin(
          name = "beta",
          version = "1.0.0",
          description = "d")
      package com.b;
      """;

  private DiskCompiler.Result onDisk(Map<String, String> more) {
    Map<String, String> sources = new java.util.TreeMap<>(more);
    sources.putIfAbsent("com/a/package-info.java", ALPHA_INFO);
    sources.putIfAbsent("com/b/package-info.java", BETA_INFO);
    return DiskCompiler.compile(dir, new CodexPluginProcessor(), List.of(), sources);
  }

  @Test
  void aCleanBuildWritesBothBundlesAndTheIndex() {
    DiskCompiler.Result result = onDisk(Map.of());
    assertThat(result.success()).isTrue();
    assertThat(result.resources()).containsExactly("META-INF/codex-plugins/alpha/.codex-plugin/plugin.json",
        "META-INF/codex-plugins/beta/.codex-plugin/plugin.json", "META-INF/codex-plugins/index.json").inOrder();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // a finding of the processor in the other plugin
      "@dev.codexplugin.api.Skill(name = \"Bad Name\", description = \"x\", instructions = \"y\")\n"
          + "final class Broken {}",
      // a value javac could not compute
      "@dev.codexplugin.api.Skill(name = NO_SUCH_NAME, description = \"x\", instructions = \"y\")\n"
          + "final class Broken {}",
      // an unresolved type in a signature, which javac reports only after annotation processing
      "final class Broken extends NoSuchType {}",
      "final class Broken { java.util.List<NoSuchType> items; }",
  })
  void nothingIsWrittenWhenTheCompilationHasAnErrorTheProcessorCanSee(String broken) {
    DiskCompiler.Result result = onDisk(Map.of("com/a/Broken.java", "package com.a;\n\n" + broken + "\n"));
    assertThat(result.success()).isFalse();
    assertThat(result.resources()).isEmpty();
    if (!broken.contains("Bad Name")) {
      for (Diagnostic<? extends JavaFileObject> d : result.diagnostics()) {
        assertThat(d.getMessage(null)).doesNotContain("[codexplugin:");
      }
    }
  }

  @Test
  @Covers(FindingCode.IO)
  void aFileInTheWayOfTheOutputIsOneIoErrorOnThePlugin() throws IOException {
    Files.createDirectories(dir.resolve("out/META-INF"));
    Files.writeString(dir.resolve("out/META-INF/codex-plugins"), "a stale file where a folder belongs");
    DiskCompiler.Result result = onDisk(Map.of());
    assertThat(result.success()).isFalse();
    assertWithMessage("errors %s", result.errors()).that(result.errors()).hasSize(1);
    Diagnostic<? extends JavaFileObject> error = result.errors().get(0);
    assertThat(error.getMessage(null)).startsWith("[codexplugin:Io] @Plugin \"alpha\": the class output "
        + FindingCode.IO.rule() + "; found ");
    assertThat(error.getMessage(null))
        .contains(" while writing META-INF/codex-plugins/alpha/.codex-plugin/plugin.json.");
    assertThat(error.getMessage(null)).contains("The class output folder must be writable");
    assertThat(error.getSource().getName()).endsWith("com/a/package-info.java");
    assertThat(error.getLineNumber()).isEqualTo(DiskCompiler.lineOf(ALPHA_INFO, "@dev.codexplugin.api.Plugin("));
  }
}
