package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ProcessorTesting.source;

import com.google.testing.compile.Compilation;
import dev.codexplugin.api.App;
import dev.codexplugin.api.Hook;
import dev.codexplugin.api.HookHandler;
import dev.codexplugin.api.McpServer;
import dev.codexplugin.api.McpTool;
import dev.codexplugin.api.McpToolFactory;
import dev.codexplugin.api.Plugin;
import dev.codexplugin.api.Skill;
import dev.codexplugin.runtime.FindingCode;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor declares the SDK's annotations, not {@code "*"}: Gradle's incremental compiler treats every
 * root element as an input of an aggregating processor that supports {@code "*"}, and rebuilds everything when
 * one of them carries an annotation of source retention ({@code @Override}). The price, shown here with the real
 * javac: javac does not run the processor on a compilation without the annotations, and warns there that the
 * {@code -Acodexplugin.*} options it was given went unused. The remedy is the build's: pass the options to the
 * compilation of the annotated sources only (Maven: the {@code default-compile} execution).
 */
class SupportedAnnotationsTest {
  private static final String UNRECOGNIZED = "The following options were not recognized by any processor";
  private static final List<String> OPTIONS = List.of("-Acodexplugin.version=1.0.0");

  @Test
  void theProcessorSupportsTheAnnotationsItReadsFromElementsAndNothingElse() {
    assertThat(new CodexPluginProcessor().getSupportedAnnotationTypes()).containsExactlyElementsIn(Stream.of(
            Plugin.class, Skill.class, Skill.List.class, McpServer.class, McpServer.List.class, App.class,
            App.List.class, Hook.class, Hook.List.class, McpTool.class, McpToolFactory.class, HookHandler.class,
            dev.codexplugin.api.McpResource.class, dev.codexplugin.api.McpPrompt.class,
            dev.codexplugin.api.McpCompletion.class)
        .map(Class::getCanonicalName).toList());
  }

  @Test
  void theOptionsOfACompilationWithThePluginAnnotationsAreRecognized() {
    Compilation compilation = compile(OPTIONS, source("com.acme.package-info", """
        @Plugin(name = "team", description = "d")
        package com.acme;

        import dev.codexplugin.api.Plugin;
        """));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void theOptionsOfACompilationWithOnlyToolsAreRecognized() {
    // The processor runs on tool classes alone: here it says that they belong to no @Plugin.
    Compilation compilation = compile(OPTIONS, source("com.acme.Tools", """
        package com.acme;

        public final class Tools {
          @dev.codexplugin.api.McpTool(description = "Counts.")
          public static int count() { return 1; }
        }
        """));
    assertThat(compilation).hadErrorContaining(FindingCode.MEMBERSHIP.tag());
    assertThat(warnings(compilation)).doesNotContain(UNRECOGNIZED);
  }

  @Test
  void javacWarnsAboutTheOptionsOfACompilationWithoutThePluginAnnotations() {
    // What a test compilation with the same compilerArgs sees: other annotations only, or none at all.
    for (JavaFileObject file : List.of(
        source("com.acme.OtherAnnotations", """
            package com.acme;

            @Deprecated
            final class OtherAnnotations {
              @Override
              public String toString() { return "x"; }
            }
            """),
        source("com.acme.NoAnnotations", """
            package com.acme;

            final class NoAnnotations {}
            """))) {
      Compilation compilation = compile(OPTIONS, file);
      assertThat(compilation).succeeded();
      assertThat(compilation).hadWarningContaining(UNRECOGNIZED + ": '[codexplugin.version]'");
      assertThat(ProcessorTesting.bundleFiles(compilation)).isEmpty();
      assertThat(warnings(compilation)).doesNotContain("[codexplugin:");
    }
  }

  private static String warnings(Compilation compilation) {
    return String.join("\n", compilation.warnings().stream().map(d -> d.getMessage(null)).toList());
  }
}
