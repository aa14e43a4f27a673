package dev.codexplugin.packages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.ArtifactRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.version.Version;

/**
 * {@link ArtifactSource} on a Maven Resolver {@link RepositorySystem} and session. Uses only the resolver API
 * that Resolver 1.9 (Maven 3.9's core, which a Maven plugin must use) and Resolver 2.x (the CLI) share.
 *
 * <p>The declared repositories get the session's mirrors, proxies and credentials
 * ({@link RepositorySystem#newResolutionRepositories}), releases only, metadata checked on every call (so that
 * a new release is seen at once and a failed request is retried), and the checksum policy {@code fail}: a
 * transfer whose bytes do not match the repository's own {@code .sha1}/{@code .md5} is refused (a truncated or
 * corrupted download).
 */
public final class MavenArtifactSource implements ArtifactSource {
  private final RepositorySystem system;
  private final RepositorySystemSession session;
  private final List<RemoteRepository> repositories;
  private final List<Declaration.Repository> declared;

  /**
   * A source over the declared repositories.
   *
   * @param system the repository system (Maven's own inside a Maven plugin)
   * @param session its session, with the settings' mirrors, proxies, credentials and offline mode
   * @param declared the declaration's repositories, in search order
   */
  public MavenArtifactSource(RepositorySystem system, RepositorySystemSession session,
      List<Declaration.Repository> declared) {
    this.system = Objects.requireNonNull(system, "system");
    this.session = Objects.requireNonNull(session, "session");
    this.declared = List.copyOf(declared);
    RepositoryPolicy releases = new RepositoryPolicy(true, RepositoryPolicy.UPDATE_POLICY_ALWAYS,
        RepositoryPolicy.CHECKSUM_POLICY_FAIL);
    RepositoryPolicy snapshots = new RepositoryPolicy(false, RepositoryPolicy.UPDATE_POLICY_NEVER,
        RepositoryPolicy.CHECKSUM_POLICY_FAIL);
    List<RemoteRepository> remotes = new ArrayList<>();
    for (Declaration.Repository r : this.declared) {
      remotes.add(new RemoteRepository.Builder(r.id(), "default", r.url())
          .setReleasePolicy(releases).setSnapshotPolicy(snapshots).build());
    }
    this.repositories = system.newResolutionRepositories(session, remotes);
  }

  @Override
  public List<Published> versions(Coordinates id) throws PackageException {
    VersionRangeRequest request = new VersionRangeRequest(
        new DefaultArtifact(id.groupId(), id.artifactId(), "jar", "[0,)"), repositories, null);
    VersionRangeResult result;
    try {
      result = system.resolveVersionRange(session, request);
    } catch (VersionRangeResolutionException e) {
      throw ResolverErrors.failure(id.toString(), e, declared, session.isOffline());
    }
    if (result.getVersions().isEmpty()) {
      throw ResolverErrors.noVersions(id, result.getExceptions(), declared, session.isOffline());
    }
    List<Published> out = new ArrayList<>();
    for (Version v : result.getVersions()) {
      ArtifactRepository repository = result.getRepository(v);
      out.add(new Published(v.toString(), repositoryId(repository)));
    }
    return out;
  }

  /** The declared id behind a (possibly mirrored) repository: the first declared one the mirror stands for. */
  private String repositoryId(ArtifactRepository repository) {
    if (repository instanceof RemoteRepository remote) {
      for (Declaration.Repository d : declared) {
        if (d.id().equals(remote.getId())) {
          return d.id();
        }
      }
      for (RemoteRepository mirrored : remote.getMirroredRepositories()) {
        for (Declaration.Repository d : declared) {
          if (d.id().equals(mirrored.getId())) {
            return d.id();
          }
        }
      }
      return remote.getId();
    }
    // The local repository answers offline; the version was cached from the first declared repository.
    return declared.get(0).id();
  }

  @Override
  public Resolved jar(Coordinates id, String version) throws PackageException {
    Artifact artifact = new DefaultArtifact(id.groupId(), id.artifactId(), "jar", version);
    try {
      ArtifactResult result = system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null));
      return resolved(result.getArtifact());
    } catch (ArtifactResolutionException e) {
      throw ResolverErrors.failure(artifact.toString(), e, declared, session.isOffline());
    }
  }

  @Override
  public List<Resolved> runtimeDependencies(Coordinates id, String version) throws PackageException {
    Artifact root = new DefaultArtifact(id.groupId(), id.artifactId(), "jar", version);
    CollectRequest collect = new CollectRequest(new Dependency(root, JavaScopes.RUNTIME), repositories);
    DependencyRequest request = new DependencyRequest(collect,
        DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
    DependencyResult result;
    try {
      result = system.resolveDependencies(session, request);
    } catch (DependencyResolutionException e) {
      throw ResolverErrors.failure(root + " (its runtime dependencies)", e, declared, session.isOffline());
    }
    String rootKey = root.getGroupId() + ":" + root.getArtifactId();
    return result.getArtifactResults().stream()
        .map(ArtifactResult::getArtifact)
        .filter(a -> !(a.getGroupId() + ":" + a.getArtifactId()).equals(rootKey) || !a.getClassifier().isEmpty())
        .map(MavenArtifactSource::resolved)
        .collect(Collectors.toMap(Resolved::id, r -> r, (a, b) -> a))
        .values().stream()
        .sorted(Comparator.comparing(Resolved::id))
        .toList();
  }

  @SuppressWarnings("deprecation") // getFile() is the accessor Resolver 1.9 and 2.x share
  private static Resolved resolved(Artifact a) {
    Path file = a.getFile().toPath();
    return new Resolved(a.toString(), file);
  }
}
