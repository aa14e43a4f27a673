package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Golden files, the one harness of the processor's tests: the exact bytes of what the processor generates, kept
 * under {@code src/test/resources/golden/<case>/}: bundles (paths below {@code META-INF/codex-plugins/}) and,
 * under {@code schemas/<tool class>/}, the JSON schemas of each test tool. Run the tests with
 * {@code -Dcodexplugin.updateGoldens=true} to rewrite them after an intended change, then review the diff.
 */
final class Goldens {
  /** The switch that rewrites the golden files; the pom hands it to surefire. */
  static final String UPDATE = "codexplugin.updateGoldens";

  private Goldens() {}

  static Path root() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
        .resolve("src/test/resources/golden");
  }

  /** Every golden JSON schema file. */
  static List<Path> schemas() {
    try (Stream<Path> files = Files.walk(root().resolve("schemas"))) {
      List<Path> out = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
      assertWithMessage("golden schemas").that(out).isNotEmpty();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts that the files of {@code actual} below {@code folder/} equal the golden files of {@code folder}, or
   * rewrites them when asked to.
   */
  static void assertMatchesText(String folder, SortedMap<String, String> actual) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    actual.forEach((path, text) -> {
      if (path.startsWith(folder + "/")) {
        files.put(path.substring(folder.length() + 1), text.getBytes(StandardCharsets.UTF_8));
      }
    });
    assertMatches("schemas/" + folder, files);
  }

  /** Asserts that {@code actual} equals the golden files of {@code name}, or rewrites them when asked to. */
  static void assertMatches(String name, SortedMap<String, byte[]> actual) {
    assertWithMessage("nothing was generated").that(actual).isNotEmpty();
    Path dir = root().resolve(name);
    if (Boolean.getBoolean(UPDATE)) {
      rewrite(dir, actual);
      return;
    }
    SortedMap<String, byte[]> expected = read(dir);
    assertWithMessage("files of golden %s (rewrite with -D%s=true)", name, UPDATE)
        .that(actual.keySet()).containsExactlyElementsIn(expected.keySet()).inOrder();
    for (Map.Entry<String, byte[]> file : expected.entrySet()) {
      byte[] bytes = actual.get(file.getKey());
      if (isText(file.getKey())) {
        assertWithMessage("golden %s/%s", name, file.getKey())
            .that(new String(bytes, StandardCharsets.UTF_8))
            .isEqualTo(new String(file.getValue(), StandardCharsets.UTF_8));
      }
      assertWithMessage("bytes of golden %s/%s", name, file.getKey()).that(bytes).isEqualTo(file.getValue());
    }
  }

  private static boolean isText(String path) {
    return path.endsWith(".json") || path.endsWith(".md") || path.endsWith(".yaml") || path.endsWith(".sh")
        || path.endsWith(".java") || path.endsWith(".tools");
  }

  static SortedMap<String, byte[]> read(Path dir) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static void rewrite(Path dir, SortedMap<String, byte[]> files) {
    try {
      if (Files.exists(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Path target = dir.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(read(dir).keySet()).containsExactlyElementsIn(files.keySet());
  }
}
