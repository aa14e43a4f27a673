package dev.codexplugin.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mapping, input and output side: the test tools under {@code src/test/resources/tools} compile without
 * a diagnostic, and what {@link ToolSchemas} computes for each {@code @McpTool} method equals the golden files
 * under {@code src/test/resources/golden/schemas/}; {@code -Dcodexplugin.updateGoldens=true} rewrites them.
 */
class ToolSchemasGoldenTest {
  private static SortedMap<String, String> generated;

  @BeforeAll
  static void compile() {
    Compilation compilation = SchemaCompiler.compile(SchemaCompiler.toolSources());
    assertThat(compilation).succeededWithoutWarnings();
    generated = SchemaCompiler.schemaFiles(compilation);
  }

  static Iterable<String> tools() {
    return SchemaCompiler.TOOLS;
  }

  @ParameterizedTest
  @MethodSource("tools")
  void matchesGoldenFiles(String tool) {
    Goldens.assertMatchesText(tool, generated);
  }

  @Test
  void sameSourcesInAnotherOrderGiveTheSameBytes() {
    java.util.List<javax.tools.JavaFileObject> reversed = new java.util.ArrayList<>(SchemaCompiler.toolSources());
    java.util.Collections.reverse(reversed);
    Compilation again = SchemaCompiler.compile(reversed);
    assertThat(again).succeededWithoutWarnings();
    com.google.common.truth.Truth.assertThat(SchemaCompiler.schemaFiles(again)).isEqualTo(generated);
  }
}
