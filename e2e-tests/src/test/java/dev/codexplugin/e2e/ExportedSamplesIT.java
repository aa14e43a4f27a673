package dev.codexplugin.e2e;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample's marketplace, as sdk-maven-plugin exported it at package ({@code samples/<s>/target/codex-plugin/}),
 * installed with the real Codex CLI and Claude Code.
 */
class ExportedSamplesIT {
  /** The exported marketplaces of all samples; the team-workflow sample must be among them. */
  static List<Path> marketplaces() throws IOException {
    Path samples = Path.of(System.getProperty("samples.dir")).toAbsolutePath().normalize();
    List<Path> roots;
    try (Stream<Path> dirs = Files.list(samples)) {
      roots = dirs.map(d -> d.resolve("target/codex-plugin"))
          .filter(r -> Files.isRegularFile(r.resolve(".codexplugin-export")))
          .sorted()
          .toList();
    }
    assertWithMessage("exported marketplaces under %s (run ./mvnw package first)", samples)
        .that(roots).contains(samples.resolve("team-workflow/target/codex-plugin"));
    return roots;
  }

  private static String label(Path root) {
    return root.getParent().getParent().getFileName().toString();
  }

  @ParameterizedTest
  @MethodSource("marketplaces")
  void codexInstallsTheExportedMarketplace(Path root) throws Exception {
    InstallChecks.codex(root, "sample-" + label(root));
  }

  @ParameterizedTest
  @MethodSource("marketplaces")
  void claudeValidatesAndInstallsTheExportedMarketplace(Path root) throws Exception {
    InstallChecks.claude(root, "sample-" + label(root));
  }
}
