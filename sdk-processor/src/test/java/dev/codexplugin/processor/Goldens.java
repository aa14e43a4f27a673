package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Golden files: the exact bytes of every generated resource, kept under
 * {@code src/test/resources/golden/<case>/} (paths below {@code META-INF/codex-plugins/}). Run the tests with
 * {@code -Dcodexplugin.updateGoldens=true} to rewrite them after an intended change, then review the diff.
 */
final class Goldens {
  static final String UPDATE = "codexplugin.updateGoldens";

  private Goldens() {}

  static Path root() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
        .resolve("src/test/resources/golden");
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
        || path.endsWith(".java");
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
