package dev.codexplugin.packages;

import java.nio.file.Path;
import java.util.List;

/**
 * Where plugin artifacts come from: the seam between the package manager and Maven Resolver. The CLI uses a
 * repository system of its own ({@link StandaloneResolver}); the Maven goals use the one Maven injects; both
 * through {@link MavenArtifactSource}. Every method fails with a one-line {@link PackageException} naming the
 * artifact and the repository.
 */
public interface ArtifactSource {
  /**
   * One published version.
   *
   * @param version the version as published
   * @param repository the id of the first declared repository that publishes it
   */
  record Published(String version, String repository) {}

  /**
   * A resolved file.
   *
   * @param id {@code groupId:artifactId:extension[:classifier]:version}
   * @param file the file, in the local repository
   */
  record Resolved(String id, Path file) {
    /** The version part of the id: for a snapshot, the timestamped version the repository served. */
    public String version() {
      return id.substring(id.lastIndexOf(':') + 1);
    }
  }

  /** Every version the repositories publish of {@code id} (their metadata), in ascending order. */
  List<Published> versions(Coordinates id) throws PackageException;

  /** The jar of {@code id} at {@code version}. */
  Resolved jar(Coordinates id, String version) throws PackageException;

  /** The runtime dependencies of the jar (compile and runtime scope, transitively), sorted by id. */
  List<Resolved> runtimeDependencies(Coordinates id, String version) throws PackageException;

  /**
   * Any artifact, a snapshot too: {@code groupId:artifactId:extension[:classifier]:version}. For a
   * {@code -SNAPSHOT} version the result's {@link Resolved#version()} is the timestamped version the repository
   * serves (the base version when the snapshot was only installed locally).
   */
  Resolved artifact(String coordinates) throws PackageException;

  /**
   * The runtime dependencies (compile and runtime scope, transitively, sorted by id) of a jar that Maven built,
   * read from the {@code META-INF/maven/<groupId>/<artifactId>/pom.xml} it carries; the jar itself is not
   * among them. Its parent and dependencies come from the repositories, snapshots included.
   *
   * @throws PackageException naming the jar when it carries no pom (or several, none of them its own), or what
   *     does not resolve
   */
  List<Resolved> runtimeDependencies(Path jar) throws PackageException;
}
