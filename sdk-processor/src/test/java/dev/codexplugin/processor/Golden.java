package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Golden files under {@code src/test/resources/golden/schemas/}: exact text. Run with
 * {@code -Dcodexplugin.updateGolden=true} to rewrite them from what the processor generates now (then review
 * the diff).
 */
final class Golden {
  static final Path ROOT = Paths.get(System.getProperty("basedir", ""))
      .resolve("src/test/resources/golden/schemas").toAbsolutePath();
  private static final boolean UPDATE = Boolean.getBoolean("codexplugin.updateGolden");

  private Golden() {}

  /** Compares every generated file of {@code folder} with its golden file, both ways. */
  static void check(SortedMap<String, String> generated, String folder) throws IOException {
    Map<String, String> mine = generated.entrySet().stream()
        .filter(e -> e.getKey().startsWith(folder + "/"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertWithMessage("files generated for " + folder).that(mine).isNotEmpty();
    Path dir = ROOT.resolve(folder);
    if (UPDATE) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> old = Files.list(dir)) {
          for (Path file : old.collect(Collectors.toList())) {
            Files.delete(file);
          }
        }
      }
      Files.createDirectories(dir);
      for (Map.Entry<String, String> e : mine.entrySet()) {
        Files.writeString(ROOT.resolve(e.getKey()), e.getValue(), UTF_8);
      }
      return;
    }
    assertWithMessage("golden folder " + dir + " (run with -Dcodexplugin.updateGolden=true to create it)")
        .that(Files.isDirectory(dir)).isTrue();
    List<String> golden;
    try (Stream<Path> files = Files.list(dir)) {
      golden = files.map(f -> folder + "/" + f.getFileName()).sorted().collect(Collectors.toList());
    }
    assertWithMessage("generated files of " + folder).that(mine.keySet()).containsExactlyElementsIn(golden);
    for (String name : golden) {
      String expected = Files.readString(ROOT.resolve(name), UTF_8);
      assertWithMessage(name).that(mine.get(name)).isEqualTo(expected);
    }
  }

  /** Every golden JSON schema file. */
  static List<Path> schemas() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      List<Path> out = files.filter(f -> f.toString().endsWith(".json")).sorted().collect(Collectors.toList());
      assertThat(out).isNotEmpty();
      return out;
    }
  }
}
