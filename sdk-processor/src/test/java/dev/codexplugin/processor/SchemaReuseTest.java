package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * The {@code $defs} body of a type that refers to no other is built once per side and reused by the other
 * documents of the round: each document still gets the body its own use of the type gives.
 */
class SchemaReuseTest {
  @Test
  void aTypeArgumentsAnnotationsReachOnlyItsOwnDocument() {
    Compilation compilation = SchemaCompiler.compile(JavaFileObjects.forSourceLines("test.Tools",
        "package test;",
        "",
        "import dev.codexplugin.api.*;",
        "import jakarta.validation.constraints.NotBlank;",
        "import java.util.List;",
        "",
        "public class Tools {",
        "  public record Page<T>(List<T> items, int size) {}",
        "",
        "  @McpTool(description = \"d\")",
        "  public void strict(Page<@NotBlank String> page) {}",
        "",
        "  @McpTool(description = \"d\")",
        "  public void plain(Page<String> page) {}",
        "",
        "  @McpTool(description = \"d\")",
        "  public void again(Page<@NotBlank String> page) {}",
        "}"));
    assertThat(compilation).succeeded();
    SortedMap<String, String> files = SchemaCompiler.schemaFiles(compilation);
    assertThat(files.get("Tools/strict.input.json")).contains("\"minLength\": 1");
    assertThat(files.get("Tools/plain.input.json")).doesNotContain("minLength");
    assertThat(files.get("Tools/again.input.json")).isEqualTo(files.get("Tools/strict.input.json"));
  }

  @Test
  void aRecursiveTypeIsBuiltInEachDocument() {
    Compilation compilation = SchemaCompiler.compile(JavaFileObjects.forSourceLines("test.Tools",
        "package test;",
        "",
        "import dev.codexplugin.api.*;",
        "import java.util.List;",
        "",
        "public class Tools {",
        "  public record Node(String name, List<Node> children) {}",
        "",
        "  @McpTool(description = \"d\")",
        "  public void first(Node root) {}",
        "",
        "  @McpTool(description = \"d\")",
        "  public void second(Node root) {}",
        "}"));
    assertThat(compilation).succeeded();
    SortedMap<String, String> files = SchemaCompiler.schemaFiles(compilation);
    assertThat(files.get("Tools/first.input.json")).contains("\"$ref\": \"#/$defs/Node\"");
    assertThat(files.get("Tools/second.input.json")).isEqualTo(files.get("Tools/first.input.json"));
  }
}
