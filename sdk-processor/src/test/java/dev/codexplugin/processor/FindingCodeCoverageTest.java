package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codexplugin.runtime.FindingCode;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every code of the catalogue has a negative test that makes the processor emit it, pinned to its file and
 * line, or a reason here why the processor cannot emit it.
 */
class FindingCodeCoverageTest {
  /** The codes the processor cannot emit, and why. */
  static final Map<FindingCode, String> NOT_PRODUCIBLE = new EnumMap<>(Map.of(
      FindingCode.UNKNOWN_EVENT,
      "@Hook(event) is a HookEvent, and every HookEvent is one of the events the rules know"
          + " (JavadocConsistencyTest.everyHookEventIsOneTheRulesKnow); a hook event is never read from a file",
      FindingCode.NO_BUNDLE,
      "only PluginLoader reports it, for a jar or folder without a bundle; the processor writes the bundle",
      FindingCode.DUPLICATE_PLUGIN, "only PluginCatalog reports it, about several bundles",
      FindingCode.DUPLICATE_SERVER, "only PluginCatalog reports it, about several bundles",
      FindingCode.DUPLICATE_SKILL, "only PluginCatalog reports it, about several bundles",
      FindingCode.INVALID_BUNDLE, "only the exporter and the package manager report it, about a bundle they read",
      FindingCode.DUPLICATE_LIBRARY, "only the exporter reports it, about the jars it copies to lib/",
      FindingCode.NOT_AN_EXPORT, "only the exporter reports it, about its output folder",
      FindingCode.RESERVED_NAME, "the exporter's about a marketplace name, the loader's about a plugin name Claude"
          + " Code reserves (CodexParityTest b15)",
      FindingCode.IGNORED_HOOK_FIELD, "the loader's, about a hand-written hooks.json (CodexParityTest g16, g17)"));

  static {
    NOT_PRODUCIBLE.put(FindingCode.AGENT_FRONT_MATTER, "only PluginLoader reports it, about a Claude Code"
        + " agents/*.md the processor never writes (CommandsAndAgentsTest in sdk-runtime)");
  }

  @Test
  void everyCodeIsCoveredOrExplained() throws IOException, URISyntaxException, ClassNotFoundException {
    Map<FindingCode, Set<String>> covered = new EnumMap<>(FindingCode.class);
    for (Class<?> test : testClasses()) {
      for (Method method : test.getDeclaredMethods()) {
        Covers covers = method.getAnnotation(Covers.class);
        if (covers != null) {
          for (FindingCode code : covers.value()) {
            covered.computeIfAbsent(code, c -> new TreeSet<>()).add(test.getSimpleName() + "." + method.getName());
          }
        }
      }
    }
    Set<FindingCode> missing = EnumSet.allOf(FindingCode.class);
    missing.removeAll(covered.keySet());
    missing.removeAll(NOT_PRODUCIBLE.keySet());
    assertWithMessage("codes without a negative test or a reason").that(missing).isEmpty();
    Set<FindingCode> contradictions = EnumSet.noneOf(FindingCode.class);
    contradictions.addAll(NOT_PRODUCIBLE.keySet());
    contradictions.retainAll(covered.keySet());
    assertWithMessage("codes said to be impossible that a test produces").that(contradictions).isEmpty();
  }

  @Test
  void theScanFindsTheNegativeTests() throws IOException, URISyntaxException, ClassNotFoundException {
    assertThat(testClasses()).containsAtLeast(PluginDiagnosticsTest.class, SkillDiagnosticsTest.class,
        McpServerDiagnosticsTest.class, AppAndHookDiagnosticsTest.class, FileBasedDiagnosticsTest.class,
        MembershipTest.class, OptionsTest.class, RobustnessTest.class, ToolDiagnosticsTest.class,
        ToolSchemasErrorsTest.class);
  }

  /** The top-level classes of this package in the test output. */
  private static List<Class<?>> testClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(FindingCodeCoverageTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String pkg = FindingCodeCoverageTest.class.getPackageName();
    Path dir = root.resolve(pkg.replace('.', '/'));
    List<String> names;
    try (Stream<Path> files = Files.list(dir)) {
      names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".class") && !n.contains("$"))
          .map(n -> pkg + "." + n.substring(0, n.length() - ".class".length()))
          .sorted().toList();
    }
    List<Class<?>> classes = new java.util.ArrayList<>();
    for (String name : names) {
      classes.add(Class.forName(name));
    }
    return classes;
  }
}
