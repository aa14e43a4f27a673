package dev.codexplugin.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The releases a publisher deploys in the package manager's tests, each a real Maven project made from the
 * sources in {@code samples/} plus the change its version announces:
 *
 * <table>
 *   <caption>the releases</caption>
 *   <tr><th>release</th><th>change from the one before</th><th>bump the change needs</th></tr>
 *   <tr><td>team-workflow 1.0.0</td><td>the sample as it is</td><td></td></tr>
 *   <tr><td>team-workflow 1.1.0</td><td>a skill added ({@code release-notes})</td><td>minor</td></tr>
 *   <tr><td>release-tools 1.0.0</td><td>the sample as it is</td><td></td></tr>
 *   <tr><td>release-tools 1.1.0</td><td>a skill added ({@code upgrade-check})</td><td>minor</td></tr>
 *   <tr><td>release-tools 1.2.0</td><td>1.1.0 with the tool {@code maxSatisfying} removed</td>
 *       <td>major: the version number understates it, an update must refuse it</td></tr>
 *   <tr><td>release-tools 2.0.0</td><td>the same removal, properly numbered</td><td>major</td></tr>
 * </table>
 *
 * <p>Only {@code pom.xml} and {@code src/main/} of the sample are copied; the sample's tests describe 1.0.0 and
 * are not part of a release. A change that no longer applies to the sample (a method renamed, the version
 * moved) fails with a message naming the file, instead of building the wrong release.
 */
public enum SampleRelease {
  TEAM_WORKFLOW_1_0_0("team-workflow", "1.0.0", "team-workflow-plugin"),
  TEAM_WORKFLOW_1_1_0("team-workflow", "1.1.0", "team-workflow-plugin", Change.TEAM_WORKFLOW_SKILL),
  RELEASE_TOOLS_1_0_0("release-tools", "1.0.0", "release-tools"),
  RELEASE_TOOLS_1_1_0("release-tools", "1.1.0", "release-tools", Change.RELEASE_TOOLS_SKILL),
  RELEASE_TOOLS_1_2_0("release-tools", "1.2.0", "release-tools", Change.RELEASE_TOOLS_SKILL, Change.REMOVE_TOOL),
  RELEASE_TOOLS_2_0_0("release-tools", "2.0.0", "release-tools", Change.RELEASE_TOOLS_SKILL, Change.REMOVE_TOOL);

  /** The group id of the samples. */
  public static final String GROUP_ID = "dev.codexplugin.samples";

  private final String artifactId;
  private final String version;
  private final String pluginName;
  private final List<Change> changes;

  SampleRelease(String artifactId, String version, String pluginName, Change... changes) {
    this.artifactId = artifactId;
    this.version = version;
    this.pluginName = pluginName;
    this.changes = List.of(changes);
  }

  /** The artifact id, which is also the sample's folder under {@code samples/}. */
  public String artifactId() {
    return artifactId;
  }

  /** The version deployed. */
  public String version() {
    return version;
  }

  /** The name of the plugin the jar bundles. */
  public String pluginName() {
    return pluginName;
  }

  /** {@code groupId:artifactId:version}. */
  public String coordinates() {
    return GROUP_ID + ":" + artifactId + ":" + version;
  }

  /** The path of the release's jar in a repository, relative to its root. */
  public String jarPath() {
    return GROUP_ID.replace('.', '/') + "/" + artifactId + "/" + version + "/" + artifactId + "-" + version + ".jar";
  }

  /**
   * Writes the release's Maven project into {@code dir} (made if missing; must be empty): the sample's
   * {@code pom.xml} with this version and its {@code src/main/} with this release's changes.
   */
  public Path writeProject(Path samples, Path dir) throws IOException {
    Path sample = samples.resolve(artifactId);
    if (!Files.isRegularFile(sample.resolve("pom.xml"))) {
      throw new IllegalArgumentException("no sample at " + sample);
    }
    Files.createDirectories(dir);
    try (Stream<Path> existing = Files.list(dir)) {
      if (existing.findAny().isPresent()) {
        throw new IllegalArgumentException("the project folder is not empty: " + dir);
      }
    }
    Path sources = sample.resolve("src/main");
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        Path target = dir.resolve("src/main").resolve(sources.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    String pom = Files.readString(sample.resolve("pom.xml"), StandardCharsets.UTF_8);
    String declared = "<artifactId>" + artifactId + "</artifactId>\n  <version>1.0.0</version>";
    if (!pom.contains(declared)) {
      throw new IllegalStateException(sample.resolve("pom.xml") + " no longer declares version 1.0.0 right after"
          + " <artifactId>" + artifactId + "</artifactId>; update SampleRelease to the sample");
    }
    Files.writeString(dir.resolve("pom.xml"), pom.replace(declared,
        "<artifactId>" + artifactId + "</artifactId>\n  <version>" + version + "</version>"), StandardCharsets.UTF_8);
    for (Change change : changes) {
      change.apply(dir);
    }
    return dir;
  }

  @Override
  public String toString() {
    return artifactId + " " + version;
  }

  /** One change to a sample, applied to the copy. */
  private enum Change {
    TEAM_WORKFLOW_SKILL {
      @Override
      void apply(Path project) throws IOException {
        add(project, "src/main/java/com/acme/workflow/ReleaseNotes.java", """
            package com.acme.workflow;

            import dev.codexplugin.api.Skill;

            /** Added in 1.1.0: how the team writes release notes. */
            @Skill(
                name = "release-notes",
                description = "Write release notes from the merged pull requests following team style."
                    + " Use when asked for release notes or a changelog entry.",
                shortDescription = "Team release notes",
                requires = "github",
                instructions = \"""
                    # Release notes
                    1. List the pull requests merged since the last tag with the GitHub server.
                    2. Group them: breaking changes first, then features, then fixes.
                    3. One line each, in the imperative, with the pull request number.
                    \""")
            final class ReleaseNotes {
              private ReleaseNotes() {}
            }
            """);
      }
    },
    RELEASE_TOOLS_SKILL {
      @Override
      void apply(Path project) throws IOException {
        add(project, "src/main/java/com/acme/release/UpgradeCheck.java", """
            package com.acme.release;

            import dev.codexplugin.api.Skill;

            /** Added in 1.1.0: whether dependency upgrades stay inside the declared ranges. */
            @Skill(
                name = "upgrade-check",
                description = "Check whether the new versions of dependencies stay inside the ranges a project"
                    + " declares. Use when reviewing a dependency upgrade.",
                shortDescription = "Check upgrades against ranges",
                requires = "release-tools",
                instructions = \"""
                    # Upgrade check
                    1. For each upgraded dependency, call `satisfies` with the new version and the declared range.
                    2. Report every upgrade that leaves its range, and the range that would admit it.
                    \""")
            final class UpgradeCheck {
              private UpgradeCheck() {}
            }
            """);
      }
    },
    REMOVE_TOOL {
      @Override
      void apply(Path project) throws IOException {
        removeMethod(project.resolve("src/main/java/com/acme/release/VersionTools.java"),
            "public Optional<String> maxSatisfying(");
      }
    };

    abstract void apply(Path project) throws IOException;

    static void add(Path project, String path, String source) throws IOException {
      Path file = project.resolve(path);
      if (Files.exists(file)) {
        throw new IllegalStateException(file + " already exists in the sample; update SampleRelease to it");
      }
      Files.createDirectories(file.getParent());
      Files.writeString(file, source, StandardCharsets.UTF_8);
    }

    /** Removes a method and the Javadoc and annotations above it, found by its signature. */
    static void removeMethod(Path file, String signature) throws IOException {
      String source = Files.readString(file, StandardCharsets.UTF_8);
      int at = source.indexOf(signature);
      if (at < 0 || source.indexOf(signature, at + 1) >= 0) {
        throw new IllegalStateException(file + " must declare exactly one \"" + signature + "\"; update"
            + " SampleRelease to the sample");
      }
      int start = source.lastIndexOf("\n  /**", at);
      int previousEnd = source.lastIndexOf("\n  }", at);
      if (start < 0 || start < previousEnd) {
        throw new IllegalStateException(file + ": no Javadoc right above \"" + signature + "\"");
      }
      int depth = 0;
      int end = source.indexOf('{', at);
      do {
        char c = source.charAt(end++);
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      } while (depth > 0);
      Files.writeString(file, source.substring(0, start) + source.substring(end), StandardCharsets.UTF_8);
    }
  }
}
