package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.codexplugin.runtime.FindingCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Compiles sources with a fresh {@link CodexPluginProcessor} and asserts on the result. */
final class ProcessorTesting {
  /** Where the processor writes bundles, inside the class output. */
  static final String ROOT = "META-INF/codex-plugins/";

  private ProcessorTesting() {}

  /** A source file; {@code qualifiedName} is e.g. {@code com.acme.package-info} or {@code com.acme.Tools}. */
  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /** Compiles with a new processor and {@code options} (e.g. {@code -Acodexplugin.version=1.0.0}). */
  static Compilation compile(List<String> options, JavaFileObject... sources) {
    return compile(new CodexPluginProcessor(), options, sources);
  }

  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(), sources);
  }

  static Compilation compile(CodexPluginProcessor processor, List<String> options, JavaFileObject... sources) {
    return Compiler.javac().withProcessors(processor).withOptions(options).compile(sources);
  }

  /** {@code -Acodexplugin.resourcePath=<dir>}. */
  static String resourcePath(Path dir) {
    return "-A" + Options.RESOURCE_PATH + "=" + dir;
  }

  /**
   * Asserts that the compilation failed with exactly one diagnostic, an error of {@code code}, that starts
   * with the code's tag, contains {@code words}, and sits in {@code file} on the line containing
   * {@code line}. Returns the message.
   */
  static String assertOnlyError(Compilation compilation, FindingCode code, JavaFileObject file, String line,
      String... words) {
    assertThat(compilation).failed();
    assertWithMessage("errors of %s", compilation.errors()).that(compilation.errors()).hasSize(1);
    assertWithMessage("warnings of %s", compilation.warnings()).that(compilation.warnings()).isEmpty();
    return assertError(compilation, code, file, line, words);
  }

  /** Asserts that one of the errors is {@code code} in {@code file} on {@code line}, with {@code words}. */
  static String assertError(Compilation compilation, FindingCode code, JavaFileObject file, String line,
      String... words) {
    assertThat(compilation).hadErrorContaining(code.tag()).inFile(file).onLineContaining(line);
    return assertWords(compilation.errors(), code, file, line, words);
  }

  /**
   * Asserts that the compilation succeeded with exactly one warning of {@code code} in {@code file} on the line
   * containing {@code line}, with {@code words}. Returns the message.
   */
  static String assertOnlyWarning(Compilation compilation, FindingCode code, JavaFileObject file, String line,
      String... words) {
    assertThat(compilation).succeeded();
    assertWithMessage("warnings of %s", compilation.warnings()).that(compilation.warnings()).hasSize(1);
    assertThat(compilation).hadWarningContaining(code.tag()).inFile(file).onLineContaining(line);
    return assertWords(compilation.warnings(), code, file, line, words);
  }

  private static String assertWords(List<Diagnostic<? extends JavaFileObject>> diagnostics, FindingCode code,
      JavaFileObject file, String line, String... words) {
    List<String> messages = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      String message = d.getMessage(null);
      if (message.startsWith(code.tag() + " ") && d.getSource() != null && d.getSource().toUri().equals(file.toUri())
          && lineOf(file, d.getLineNumber()).contains(line)) {
        messages.add(message);
      }
    }
    assertWithMessage("diagnostics %s of %s at %s", code.tag(), diagnostics, line).that(messages).hasSize(1);
    String message = messages.get(0);
    for (String word : words) {
      assertThat(message).contains(word);
    }
    return message;
  }

  private static String lineOf(JavaFileObject file, long number) {
    try {
      String[] lines = file.getCharContent(true).toString().split("\n", -1);
      return number >= 1 && number <= lines.length ? lines[(int) number - 1] : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every resource the compilation wrote under {@code META-INF/codex-plugins/}, by path below it. */
  static SortedMap<String, byte[]> bundleFiles(Compilation compilation) {
    assertThat(compilation).succeeded();
    SortedMap<String, byte[]> files = new TreeMap<>();
    String prefix = "/" + StandardLocation.CLASS_OUTPUT.getName() + "/" + ROOT;
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      int at = path.indexOf(prefix);
      if (at >= 0) {
        try (var in = file.openInputStream()) {
          files.put(path.substring(at + prefix.length()), in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return files;
  }

  /**
   * Every {@code <Plugin>McpServer.tools} resource (the tools' descriptors, next to the server class) the
   * compilation wrote, by path below the class output, e.g. {@code com/acme/XMcpServer.tools}.
   */
  static SortedMap<String, byte[]> toolDescriptors(Compilation compilation) {
    assertThat(compilation).succeeded();
    SortedMap<String, byte[]> files = new TreeMap<>();
    String prefix = "/" + StandardLocation.CLASS_OUTPUT.getName() + "/";
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      int at = path.indexOf(prefix);
      if (at >= 0 && path.endsWith("McpServer.tools")) {
        try (var in = file.openInputStream()) {
          files.put(path.substring(at + prefix.length()), in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return files;
  }

  /** Every Java source the compilation generated, by path below the source output, e.g. {@code com/acme/X.java}. */
  static SortedMap<String, byte[]> generatedSources(Compilation compilation) {
    assertThat(compilation).succeeded();
    SortedMap<String, byte[]> files = new TreeMap<>();
    String prefix = "/" + StandardLocation.SOURCE_OUTPUT.getName() + "/";
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String path = file.toUri().getPath();
      int at = path.indexOf(prefix);
      assertWithMessage("generated source %s", path).that(at).isAtLeast(0);
      try (var in = file.openInputStream()) {
        files.put(path.substring(at + prefix.length()), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  /**
   * Everything a compilation generated: the bundles under {@code bundles/} (paths below
   * {@code META-INF/codex-plugins/}) and the Java sources under {@code sources/}.
   */
  static SortedMap<String, byte[]> generated(Compilation compilation) {
    SortedMap<String, byte[]> all = new TreeMap<>();
    bundleFiles(compilation).forEach((path, bytes) -> all.put("bundles/" + path, bytes));
    toolDescriptors(compilation).forEach((path, bytes) -> all.put("resources/" + path, bytes));
    generatedSources(compilation).forEach((path, bytes) -> all.put("sources/" + path, bytes));
    return all;
  }

  /** The text of one generated bundle file, e.g. {@code team/.codex-plugin/plugin.json}. */
  static String bundleFile(Compilation compilation, String path) {
    byte[] bytes = bundleFiles(compilation).get(path);
    assertWithMessage("generated %s among %s", path, bundleFiles(compilation).keySet()).that(bytes).isNotNull();
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A code's default fix as a message ends with it: {@code "Shorten it."} for {@code "shorten it"}. */
  static String fixOf(FindingCode code) {
    String fix = code.fix();
    return Character.toUpperCase(fix.charAt(0)) + fix.substring(1) + (fix.endsWith(".") ? "" : ".");
  }

  /** Writes a UTF-8 text file, creating its folders. */
  static Path write(Path dir, String relative, String text) {
    return write(dir, relative, text.getBytes(StandardCharsets.UTF_8));
  }

  static Path write(Path dir, String relative, byte[] bytes) {
    try {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A tiny valid PNG-signature file of {@code size} bytes, different for each {@code seed}. */
  static byte[] png(int seed, int size) {
    byte[] bytes = new byte[size];
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    System.arraycopy(signature, 0, bytes, 0, Math.min(signature.length, size));
    Arrays.fill(bytes, Math.min(signature.length, size), size, (byte) seed);
    return bytes;
  }
}
