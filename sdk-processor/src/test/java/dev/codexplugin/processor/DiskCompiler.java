package dev.codexplugin.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Real javac on real files: sources written to {@code <dir>/src}, classes and resources to {@code <dir>/out}.
 * compile-testing hides the generated files of a failed compilation; this shows what a build leaves on disk.
 */
final class DiskCompiler {
  /** The outcome: whether javac succeeded, its diagnostics, and the class output folder. */
  record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path out) {
    List<Diagnostic<? extends JavaFileObject>> errors() {
      return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }

    /** Every file under the class output, relative, sorted; class files left out. */
    List<String> resources() {
      try (Stream<Path> walk = Files.walk(out)) {
        return walk.filter(Files::isRegularFile).map(p -> out.relativize(p).toString().replace('\\', '/'))
            .filter(p -> !p.endsWith(".class")).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private DiskCompiler() {}

  /** Compiles {@code sources} (relative path to text) with {@code processor}; {@code out} may already exist. */
  static Result compile(Path dir, CodexPluginProcessor processor, List<String> options, Map<String, String> sources) {
    try {
      Path src = dir.resolve("src");
      Path out = Files.createDirectories(dir.resolve("out"));
      List<Path> files = new ArrayList<>();
      for (var source : sources.entrySet()) {
        Path file = src.resolve(source.getKey());
        Files.createDirectories(file.getParent());
        files.add(Files.writeString(file, source.getValue(), StandardCharsets.UTF_8));
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, null,
          StandardCharsets.UTF_8)) {
        List<String> all = new ArrayList<>(List.of("-d", out.toString(),
            "-classpath", System.getProperty("java.class.path"), "-encoding", "UTF-8"));
        all.addAll(options);
        JavaCompiler.CompilationTask task = javac.getTask(null, fileManager, diagnostics, all, null,
            fileManager.getJavaFileObjectsFromPaths(files));
        task.setProcessors(List.of(processor));
        boolean success = task.call();
        return new Result(success, diagnostics.getDiagnostics(), out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The 1-based line of {@code source} that contains {@code fragment}; it must be the only one. */
  static long lineOf(String source, String fragment) {
    String[] lines = source.split("\n", -1);
    long found = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(fragment)) {
        if (found != -1) {
          throw new AssertionError("more than one line contains " + fragment);
        }
        found = i + 1;
      }
    }
    if (found == -1) {
      throw new AssertionError("no line contains " + fragment);
    }
    return found;
  }
}
