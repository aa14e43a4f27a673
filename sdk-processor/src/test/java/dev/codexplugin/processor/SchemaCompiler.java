package dev.codexplugin.processor;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.tools.JavaFileObject;

/** Compiles test tools with {@link SchemaDumpProcessor} and reads back the schemas it wrote. */
final class SchemaCompiler {
  /** The tool classes under {@code src/test/resources/tools/com/example/tools}, one golden folder each. */
  static final List<String> TOOLS =
      List.of("Collections", "Docs", "Enums", "Optionals", "Records", "Scalars", "Sealed", "Times", "Validation");

  private SchemaCompiler() {}

  /** Every tool source and the classes they share. */
  static List<JavaFileObject> toolSources() {
    List<JavaFileObject> sources = new ArrayList<>();
    for (String tool : TOOLS) {
      sources.add(JavaFileObjects.forResource("tools/com/example/tools/" + tool + ".java"));
    }
    sources.add(JavaFileObjects.forResource("tools/com/example/tools/a/User.java"));
    sources.add(JavaFileObjects.forResource("tools/com/example/tools/b/User.java"));
    return sources;
  }

  /**
   * The real {@code dev.codexplugin.mcp.Types} of the sibling module {@code sdk-mcp}, compiled with the tools
   * so that the generated probes run the expressions the invoker generator will emit.
   */
  static JavaFileObject typesSource() {
    Path file = Paths.get(System.getProperty("basedir", "")).toAbsolutePath()
        .resolveSibling("sdk-mcp/src/main/java/dev/codexplugin/mcp/Types.java");
    try {
      return JavaFileObjects.forSourceString("dev.codexplugin.mcp.Types", Files.readString(file, UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compiles {@code sources} with the annotation stubs, {@code Types} and a fresh {@link SchemaDumpProcessor}. */
  static Compilation compile(List<JavaFileObject> sources) {
    List<JavaFileObject> all = new ArrayList<>(AnnotationStubs.all());
    all.add(typesSource());
    all.addAll(sources);
    return Compiler.javac().withProcessors(new SchemaDumpProcessor()).compile(all);
  }

  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(sources));
  }

  /** The files the processor wrote, by path below {@code schemas/}, e.g. {@code Scalars/ping.input.json}. */
  static SortedMap<String, String> schemaFiles(Compilation compilation) {
    SortedMap<String, String> out = new TreeMap<>();
    String marker = "/" + SchemaDumpProcessor.ROOT;
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      int at = path.indexOf(marker);
      if (at < 0) {
        continue;
      }
      try {
        out.put(path.substring(at + marker.length()), new String(file.openInputStream().readAllBytes(), UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
