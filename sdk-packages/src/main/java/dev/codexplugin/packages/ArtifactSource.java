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
  record Resolved(String id, Path file) {}

  /** Every version the repositories publish of {@code id} (their metadata), in ascending order. */
  List<Published> versions(Coordinates id) throws PackageException;

  /** The jar of {@code id} at {@code version}. */
  Resolved jar(Coordinates id, String version) throws PackageException;

  /** The runtime dependencies of the jar (compile and runtime scope, transitively), sorted by id. */
  List<Resolved> runtimeDependencies(Coordinates id, String version) throws PackageException;
}
