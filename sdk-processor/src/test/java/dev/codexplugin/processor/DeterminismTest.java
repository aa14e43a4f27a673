package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.codexplugin.processor.ProcessorTesting.bundleFiles;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ProcessorTesting.resourcePath;

import com.google.testing.compile.Compilation;
import dev.codexplugin.runtime.FindingCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same sources give the same bytes, whatever the order javac sees them in. */
class DeterminismTest {
  @TempDir Path first;
  @TempDir Path second;

  private static SortedMap<String, byte[]> build(List<JavaFileObject> sources, Path resources) {
    Fixtures.allResources(resources);
    List<String> options = new ArrayList<>(Fixtures.TYPED_OPTIONS);
    options.add(resourcePath(resources));
    Compilation compilation = compile(new CodexPluginProcessor(), options, sources.toArray(new JavaFileObject[0]));
    // the fixtures' literal versions differ from the option on purpose (each golden keeps its own version)
    assertThat(compilation.diagnostics().stream()
        .filter(d -> !d.getMessage(null).startsWith(FindingCode.VERSION_MISMATCH.tag())).toList()).isEmpty();
    return bundleFiles(compilation);
  }

  @Test
  void twoCompilationsInDifferentOrderGiveIdenticalBytes() {
    List<JavaFileObject> forward = Fixtures.all();
    List<JavaFileObject> backward = new ArrayList<>(forward);
    Collections.reverse(backward);
    assertThat(backward).isNotEqualTo(forward);

    SortedMap<String, byte[]> one = build(forward, first);
    SortedMap<String, byte[]> two = build(backward, second);

    assertThat(one.keySet()).containsExactlyElementsIn(two.keySet()).inOrder();
    // every file of the six golden bundles, and one index
    long goldenFiles = Goldens.read(Goldens.root()).keySet().stream()
        .filter(p -> !p.endsWith("/index.json") && !p.startsWith("schemas/"))
        .count();
    assertThat(one.keySet()).hasSize((int) goldenFiles + 1);
    for (Map.Entry<String, byte[]> file : one.entrySet()) {
      assertWithMessage("bytes of %s", file.getKey()).that(two.get(file.getKey())).isEqualTo(file.getValue());
    }
  }

  /** Six plugins in one compilation: each bundle is exactly what it is when compiled alone. */
  @Test
  void eachBundleOfABigCompilationEqualsItsGoldenFiles() {
    SortedMap<String, byte[]> all = build(Fixtures.all(), first);
    Map<String, String> goldenOf = Map.of("team-workflow-plugin", "seed", "brand-kit", "assets",
        "ops-toolbox", "local-and-config", "guard", "typed-with-hooks", "acme-review", "nested-plugins",
        "acme-tools", "nested-plugins");
    for (Map.Entry<String, String> bundle : goldenOf.entrySet()) {
      String prefix = bundle.getKey() + "/";
      SortedMap<String, byte[]> expected = new TreeMap<>();
      Goldens.read(Goldens.root().resolve(bundle.getValue()).resolve(bundle.getKey()))
          .forEach((path, bytes) -> expected.put(prefix + path, bytes));
      SortedMap<String, byte[]> actual = new TreeMap<>(all.subMap(prefix, prefix + Character.MAX_VALUE));
      assertWithMessage("files of %s", bundle.getKey()).that(actual.keySet())
          .containsExactlyElementsIn(expected.keySet());
      for (String path : expected.keySet()) {
        assertWithMessage("bytes of %s", path).that(actual.get(path)).isEqualTo(expected.get(path));
      }
    }
    String index = new String(all.get("index.json"), StandardCharsets.UTF_8);
    for (String name : goldenOf.keySet()) {
      assertThat(index).contains("\"name\": \"" + name + "\"");
    }
  }
}
