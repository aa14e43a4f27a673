package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ProcessorTesting.generated;

import com.google.testing.compile.Compilation;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Resources, prompts and completions compiled with {@code sdk-mcp} on the class path: every generated source
 * and bundle file compared with golden files under {@code src/test/resources/golden/resources/};
 * {@code -Dcodexplugin.updateGoldens=true} rewrites them. The assertions beside them say what the goldens must
 * show.
 */
class ResourceGoldenTest {
  @Test
  void docsAndNotes() {
    Compilation compilation = compile(ResourceFixtures.DOCS.toArray(new JavaFileObject[0]));
    assertThat(compilation).succeededWithoutWarnings();
    SortedMap<String, byte[]> files = generated(compilation);
    assertThat(files).containsKey("sources/com/acme/docs/Docs_McpFeatures.java");
    assertThat(files).containsKey("sources/com/acme/docs/DocsKitMcpServer.java");
    assertThat(files).containsKey("sources/com/acme/notes/Notes_McpFeatures.java");
    assertThat(files).containsKey("sources/com/acme/notes/NotesKit_McpTools.java");
    String features = new String(files.get("sources/com/acme/docs/Docs_McpFeatures.java"), StandardCharsets.UTF_8);
    // Reflection-free: the methods are called directly, the template's variables bound to the parameters, a
    // context parameter from the request's context, by its type.
    assertThat(features).contains("instance.get().page(request.variables().get(\"section\"),"
        + " request.context().log(), request.variables().get(\"page\"))");
    assertThat(features).contains("instance.get().review(arguments.get(\"diff\"), arguments.get(\"focus\"))");
    assertThat(features).doesNotContain("reflect");
    String server = new String(files.get("sources/com/acme/docs/DocsKitMcpServer.java"), StandardCharsets.UTF_8);
    assertThat(server).contains("public List<ResourceMethod> resources()");
    assertThat(server).contains("public List<PromptMethod> prompts()");
    assertThat(server).contains("public List<CompletionMethod> completions()");
    String notesServer = new String(files.get("sources/com/acme/notes/NotesKitMcpServer.java"),
        StandardCharsets.UTF_8);
    assertThat(notesServer).doesNotContain("prompts()");
    // A tool-less plugin still gets its server in .mcp.json.
    assertThat(new String(files.get("bundles/docs-kit/.mcp.json"), StandardCharsets.UTF_8))
        .contains("com.acme.docs.DocsKitMcpServer");
    Goldens.assertMatches("resources/docs", files);
  }
}
