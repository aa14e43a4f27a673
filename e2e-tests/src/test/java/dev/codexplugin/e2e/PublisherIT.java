package dev.codexplugin.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codexplugin.runtime.BundleDiff;
import dev.codexplugin.runtime.Bump;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginLoader;
import dev.codexplugin.testing.Publisher;
import dev.codexplugin.testing.Reactor;
import dev.codexplugin.testing.SampleRelease;
import dev.codexplugin.testing.SdkArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The publisher's fixtures: every sample release built from source against this build's SDK and deployed into the
 * repository on 127.0.0.1 by {@code mvn deploy}; the bundles in the deployed jars differ as each version says.
 */
class PublisherIT {
  private static Path work;
  private static Publisher publisher;
  private static final Map<SampleRelease, PluginBundle> BUNDLES = new EnumMap<>(SampleRelease.class);

  @BeforeAll
  static void publishEverything() throws Exception {
    work = Path.of(System.getProperty("e2e.work"), "publisher-it");
    deleteRecursively(work);
    publisher = Publisher.start(Reactor.root(), work, Path.of(System.getProperty("publisher.localRepository")));
    publisher.publish(SampleRelease.TEAM_WORKFLOW_1_0_0, SampleRelease.RELEASE_TOOLS_1_0_0);
    publisher.publish(SampleRelease.TEAM_WORKFLOW_1_1_0, SampleRelease.RELEASE_TOOLS_1_1_0,
        SampleRelease.RELEASE_TOOLS_1_2_0, SampleRelease.RELEASE_TOOLS_2_0_0);
    for (SampleRelease release : SampleRelease.values()) {
      Path jar = publisher.server().root().resolve(release.jarPath());
      BUNDLES.put(release, PluginLoader.load(jar).get(0));
    }
  }

  @AfterAll
  static void stop() {
    if (publisher != null) {
      publisher.close();
    }
  }

  @Test
  void everyReleaseIsDeployedWithChecksumsPomAndMarketplaceZip() throws Exception {
    for (SampleRelease release : SampleRelease.values()) {
      Path jar = publisher.server().root().resolve(release.jarPath());
      String base = jar.getFileName().toString().replace(".jar", "");
      for (String file : new String[] {base + ".jar", base + ".jar.sha1", base + ".pom", base + ".pom.sha1",
          base + "-codex-plugin.zip", base + "-codex-plugin.zip.sha1"}) {
        assertWithMessage("%s of %s", file, release).that(Files.isRegularFile(jar.resolveSibling(file))).isTrue();
      }
      assertThat(BUNDLES.get(release).name()).isEqualTo(release.pluginName());
      assertThat(BUNDLES.get(release).version()).isEqualTo(release.version());
    }
    String metadata = Files.readString(publisher.server().root()
        .resolve("dev/codexplugin/samples/release-tools/maven-metadata.xml"));
    assertThat(metadata).contains("<version>1.0.0</version>");
    assertThat(metadata).contains("<version>1.1.0</version>");
    assertThat(metadata).contains("<version>1.2.0</version>");
    assertThat(metadata).contains("<release>2.0.0</release>");
  }

  @Test
  void samplesWereBuiltAgainstThisBuildsSdkFromTheRepository() throws Exception {
    SdkArtifacts sdk = publisher.sdk();
    for (SdkArtifacts.Module module : sdk.modules()) {
      Path deployed = publisher.deployedFile(SdkArtifacts.GROUP_ID, module.artifactId(), sdk.version(), "", "jar");
      assertWithMessage("deployed %s", module.artifactId())
          .that(Files.readAllBytes(deployed)).isEqualTo(Files.readAllBytes(module.jar()));
    }
    Path cli = publisher.deployedFile(SdkArtifacts.GROUP_ID, "sdk-cli", sdk.version(), "all", "jar");
    assertThat(Files.size(cli)).isGreaterThan(1_000_000L);
    // The publisher's local repository got the SDK from the server, never from an install.
    Path fetched = Path.of(System.getProperty("publisher.localRepository"))
        .resolve("dev/codexplugin/sdk-mcp/" + sdk.version() + "/sdk-mcp-" + sdk.version() + ".jar");
    assertThat(Files.readAllBytes(fetched)).isEqualTo(Files.readAllBytes(sdk.modules().stream()
        .filter(m -> m.artifactId().equals("sdk-mcp")).findFirst().orElseThrow().jar()));
  }

  @Test
  void theChangesNeedTheBumpsTheStoryExpects() {
    BundleDiff skillAdded = diff(SampleRelease.TEAM_WORKFLOW_1_0_0, SampleRelease.TEAM_WORKFLOW_1_1_0);
    assertThat(skillAdded.required()).isEqualTo(Bump.MINOR);
    assertThat(skillAdded.compatible()).isTrue();
    assertThat(skillAdded.report()).contains("release-notes");

    BundleDiff toolsSkill = diff(SampleRelease.RELEASE_TOOLS_1_0_0, SampleRelease.RELEASE_TOOLS_1_1_0);
    assertThat(toolsSkill.required()).isEqualTo(Bump.MINOR);
    assertThat(toolsSkill.compatible()).isTrue();

    BundleDiff understated = diff(SampleRelease.RELEASE_TOOLS_1_1_0, SampleRelease.RELEASE_TOOLS_1_2_0);
    assertThat(understated.required()).isEqualTo(Bump.MAJOR);
    assertThat(understated.compatible()).isFalse();
    assertThat(understated.report()).contains("maxSatisfying");
    assertThat(diff(SampleRelease.RELEASE_TOOLS_1_0_0, SampleRelease.RELEASE_TOOLS_1_2_0).compatible()).isFalse();

    BundleDiff major = diff(SampleRelease.RELEASE_TOOLS_1_1_0, SampleRelease.RELEASE_TOOLS_2_0_0);
    assertThat(major.required()).isEqualTo(Bump.MAJOR);
    assertThat(major.compatible()).isTrue();
  }

  private static BundleDiff diff(SampleRelease before, SampleRelease after) {
    return BundleDiff.compare(BUNDLES.get(before), BUNDLES.get(after));
  }

  static void deleteRecursively(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
