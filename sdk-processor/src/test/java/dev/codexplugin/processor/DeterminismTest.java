package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.codexplugin.processor.ProcessorTesting.bundleFiles;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ProcessorTesting.generated;
import static dev.codexplugin.processor.ProcessorTesting.resourcePath;

import com.google.testing.compile.Compilation;
import dev.codexplugin.runtime.FindingCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same sources give the same bytes, whatever the order javac sees them in: bundles, and for tool plugins the
 * generated Java sources too.
 */
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
        .filter(p -> !p.endsWith("/index.json") && !p.startsWith("schemas/") && !p.startsWith("tools/")
            && !p.startsWith("hooks/") && !p.startsWith("resources/"))
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

  // ------------------------------------------------------------------------------------------ tool plugins

  /** Every generated source and bundle file of the tool plugins, with sdk-mcp on the class path. */
  private static SortedMap<String, byte[]> buildTools(List<JavaFileObject> sources) {
    Compilation compilation = compile(new CodexPluginProcessor(), ToolFixtures.TWO_PLUGINS_OPTIONS,
        sources.toArray(new JavaFileObject[0]));
    ToolFixtures.assertOnlyVersionMismatches(compilation);
    return generated(compilation);
  }

  @Test
  void toolPluginsCompiledInDifferentOrderGiveIdenticalSourcesAndBundles() {
    List<JavaFileObject> forward = ToolFixtures.all();
    List<JavaFileObject> backward = new ArrayList<>(forward);
    Collections.reverse(backward);
    List<JavaFileObject> shuffled = new ArrayList<>(forward);
    Collections.shuffle(shuffled, new Random(7));
    assertThat(backward).isNotEqualTo(forward);
    assertThat(shuffled).isNotEqualTo(forward);

    SortedMap<String, byte[]> one = buildTools(forward);
    assertThat(one.keySet()).containsAtLeast("sources/com/acme/ledger/LedgerKitMcpServer.java",
        "sources/com/acme/alpha/AlphaToolsMcpServer.java", "sources/com/acme/beta/BetaToolsMcpServer.java",
        "bundles/ledger-kit/mcp-tools.json", "bundles/alpha-tools/mcp-tools.json", "bundles/beta-tools/mcp-tools.json");
    for (List<JavaFileObject> order : List.of(backward, shuffled)) {
      SortedMap<String, byte[]> two = buildTools(order);
      assertThat(two.keySet()).containsExactlyElementsIn(one.keySet()).inOrder();
      for (Map.Entry<String, byte[]> file : one.entrySet()) {
        assertWithMessage("bytes of %s", file.getKey()).that(two.get(file.getKey())).isEqualTo(file.getValue());
      }
    }
  }

  /** Three tool plugins in one compilation: each one's sources and bundle are what they are when compiled alone. */
  @Test
  void eachToolPluginOfABigCompilationEqualsItsGoldenFiles() {
    SortedMap<String, byte[]> all = buildTools(ToolFixtures.all());
    SortedMap<String, byte[]> expected = new TreeMap<>();
    for (String golden : List.of("tools/ledger", "tools/two-plugins")) {
      Goldens.read(Goldens.root().resolve(golden)).forEach((path, bytes) -> {
        if (!path.equals("bundles/index.json")) {
          expected.put(path, bytes);
        }
      });
    }
    assertThat(expected).isNotEmpty();
    all.remove("bundles/index.json");
    assertThat(all.keySet()).containsExactlyElementsIn(expected.keySet());
    for (String path : expected.keySet()) {
      assertWithMessage("bytes of %s", path).that(all.get(path)).isEqualTo(expected.get(path));
    }
  }
}
