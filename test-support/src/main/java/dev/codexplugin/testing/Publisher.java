package dev.codexplugin.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A team's publisher, for the package manager's tests: a {@link RepositoryServer} on {@code 127.0.0.1} that holds
 * this build's SDK, into which {@link #publish} builds sample releases from source and deploys them with
 * {@code ./mvnw -B deploy}, as a publisher's CI would.
 *
 * <pre>{@code
 * try (Publisher publisher = Publisher.start(Reactor.root(), workDir, localRepository)) {
 *   publisher.publish(SampleRelease.TEAM_WORKFLOW_1_0_0, SampleRelease.RELEASE_TOOLS_1_0_0);
 *   // a teammate: repository "team" at publisher.url() with publisher.credentials()
 * }
 * }</pre>
 *
 * <p>The server's upstream is the shared local repository (read only), so a client whose only repository is
 * this server also finds the third-party libraries the samples depend on, as behind a repository manager that
 * proxies Maven Central. The publisher's own builds use a private local repository in front of the shared one
 * and reach Maven Central only for a plugin that neither holds.
 */
public final class Publisher implements AutoCloseable {
  /** The id of the repository in the settings of the publisher (and of a teammate). */
  public static final String REPOSITORY_ID = "team";

  private final Path root;
  private final Path workDir;
  private final RepositoryServer server;
  private final Maven maven;
  private final Path settings;
  private final SdkArtifacts sdk;
  private int runs;

  private Publisher(Path root, Path workDir, RepositoryServer server, Maven maven, Path settings, SdkArtifacts sdk) {
    this.root = root;
    this.workDir = workDir;
    this.server = server;
    this.maven = maven;
    this.settings = settings;
    this.sdk = sdk;
  }

  /**
   * Starts the server on {@code workDir/repository} with the user {@code publisher} and deploys the SDK built at
   * {@code root} into it.
   *
   * @param localRepository the publisher's private local repository (may be shared by the tests of one module
   *     to save downloads; snapshots are checked again on every run)
   */
  public static Publisher start(Path root, Path workDir, Path localRepository) throws IOException, InterruptedException {
    SdkArtifacts sdk = SdkArtifacts.ofReactor(root);
    Path shared = Maven.sharedLocalRepository();
    RepositoryServer server = RepositoryServer.builder(workDir.resolve("repository"))
        .user("publisher", "publisher-secret")
        .upstream(shared)
        .start();
    try {
      Path settings = MavenSettings.create()
          .server(REPOSITORY_ID, server.credentials())
          .repository(REPOSITORY_ID, server.url())
          .write(workDir.resolve("publisher-settings.xml"));
      Maven maven = Maven.wrapper(root, localRepository).settings(settings);
      sdk.deploy(maven, REPOSITORY_ID, server.url(), workDir.resolve("sdk-deployment"));
      return new Publisher(root, workDir, server, maven, settings, sdk);
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /**
   * Builds each release from source and deploys it, all in one Maven run (a reactor of the releases' projects).
   *
   * @return the Maven output
   * @throws IllegalStateException if the build or a deployment failed, with the end of Maven's output
   */
  public String publish(SampleRelease... releases) throws IOException, InterruptedException {
    Set<SampleRelease> unique = new LinkedHashSet<>(List.of(releases));
    if (unique.isEmpty()) {
      throw new IllegalArgumentException("name at least one release to publish");
    }
    Path run = workDir.resolve("publish-" + (++runs));
    List<String> modules = new ArrayList<>();
    for (SampleRelease release : unique) {
      String module = release.artifactId() + "-" + release.version();
      release.writeProject(root.resolve("samples"), run.resolve(module));
      modules.add("    <module>" + module + "</module>\n");
    }
    Files.writeString(run.resolve("pom.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- The releases of one publish run; this aggregator itself is not deployed. -->
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>dev.codexplugin.testing</groupId>
          <artifactId>publish-run</artifactId>
          <version>1</version>
          <packaging>pom</packaging>
          <modules>
        %s  </modules>
          <build>
            <plugins>
              <plugin>
                <artifactId>maven-deploy-plugin</artifactId>
                <version>3.1.4</version>
                <configuration><skip>true</skip></configuration>
              </plugin>
            </plugins>
          </build>
        </project>
        """.formatted(String.join("", modules)), StandardCharsets.UTF_8);
    return maven.runOrFail(run, "deploy", "-DskipTests",
        "-DaltDeploymentRepository=" + REPOSITORY_ID + "::" + server.url());
  }

  /** The server, for faults and the request log. */
  public RepositoryServer server() {
    return server;
  }

  /** The repository's URL. */
  public URI url() {
    return server.url();
  }

  /** The publisher's credentials, which may also read. */
  public Credentials credentials() {
    return server.credentials();
  }

  /** The publisher's {@code settings.xml}: the server {@link #REPOSITORY_ID} and the repository. */
  public Path settings() {
    return settings;
  }

  /** The SDK deployed into the repository. */
  public SdkArtifacts sdk() {
    return sdk;
  }

  /** The Maven the publisher runs. */
  public Maven maven() {
    return maven;
  }

  /**
   * The version a client resolves for {@code version} of an artifact in the repository: {@code version} itself for
   * a release, the timestamped version of the newest deployment ({@code 0.1.0-20261202.101500-3}) for a snapshot.
   *
   * @throws IllegalStateException if the snapshot has no metadata (was never deployed)
   */
  public String resolvedVersion(String groupId, String artifactId, String version) throws IOException {
    if (!version.endsWith("-SNAPSHOT")) {
      return version;
    }
    Path metadata = server.root().resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version)
        .resolve("maven-metadata.xml");
    if (!Files.isRegularFile(metadata)) {
      throw new IllegalStateException(groupId + ":" + artifactId + ":" + version + " was never deployed: no "
          + metadata);
    }
    String xml = Files.readString(metadata, StandardCharsets.UTF_8);
    Matcher timestamp = Pattern.compile("<timestamp>([0-9.]+)</timestamp>").matcher(xml);
    Matcher build = Pattern.compile("<buildNumber>([0-9]+)</buildNumber>").matcher(xml);
    if (!timestamp.find() || !build.find()) {
      throw new IllegalStateException(metadata + " has no <timestamp> and <buildNumber>");
    }
    return version.substring(0, version.length() - "SNAPSHOT".length()) + timestamp.group(1) + "-" + build.group(1);
  }

  /**
   * The file of an artifact in the repository (a snapshot's newest deployment).
   *
   * @param classifier the classifier, or {@code ""} for none
   */
  public Path deployedFile(String groupId, String artifactId, String version, String classifier, String extension)
      throws IOException {
    String resolved = resolvedVersion(groupId, artifactId, version);
    return server.root().resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version)
        .resolve(artifactId + "-" + resolved + (classifier.isEmpty() ? "" : "-" + classifier) + "." + extension);
  }

  /** Stops the server; the repository folder stays. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "Publisher[" + server + "]";
  }
}
