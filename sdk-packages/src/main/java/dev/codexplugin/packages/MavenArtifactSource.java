package dev.codexplugin.packages;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.aether.AbstractForwardingRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.ArtifactRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.repository.WorkspaceRepository;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
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
 * corrupted download). Snapshots are resolved only where a snapshot is asked for by name
 * ({@link #artifact(String)}, and the dependencies of a jar on disk, {@link #runtimeDependencies(Path)}).
 */
public final class MavenArtifactSource implements ArtifactSource {
  private final RepositorySystem system;
  private final RepositorySystemSession session;
  private final List<RemoteRepository> repositories;
  private final List<RemoteRepository> withSnapshots;
  private final List<Declaration.Repository> declared;
  private final ResolverErrors.Advice advice;

  /**
   * A source over the declared repositories, releases only (what the package manager locks).
   *
   * @param system the repository system (Maven's own inside a Maven plugin)
   * @param session its session, with the settings' mirrors, proxies, credentials and offline mode
   * @param declared the declaration's repositories, in search order
   */
  public MavenArtifactSource(RepositorySystem system, RepositorySystemSession session,
      List<Declaration.Repository> declared) {
    this(system, session, declared, false, ResolverErrors.PACKAGES);
  }

  private MavenArtifactSource(RepositorySystem system, RepositorySystemSession session,
      List<Declaration.Repository> declared, boolean snapshots, ResolverErrors.Advice advice) {
    this.system = Objects.requireNonNull(system, "system");
    this.session = Objects.requireNonNull(session, "session");
    this.declared = List.copyOf(declared);
    if (this.declared.isEmpty()) {
      throw new IllegalArgumentException("name at least one repository");
    }
    this.advice = advice;
    this.repositories = system.newResolutionRepositories(session, remotes(this.declared, snapshots));
    this.withSnapshots = snapshots ? repositories
        : system.newResolutionRepositories(session, remotes(this.declared, true));
  }

  /**
   * A source over repositories that are not a declaration's (Maven Central and the settings' profiles, for
   * {@code export}): releases and snapshots, and advice that points at the settings.
   */
  static MavenArtifactSource ofSettings(RepositorySystem system, RepositorySystemSession session,
      List<Declaration.Repository> repositories) {
    return new MavenArtifactSource(system, session, repositories, true, new ResolverErrors.Advice(
        "check the repositories (and mirrors) of your Maven settings.xml", "check the repositories and mirrors of"
            + " your Maven settings.xml and the network"));
  }

  private static List<RemoteRepository> remotes(List<Declaration.Repository> declared, boolean snapshots) {
    RepositoryPolicy releases = new RepositoryPolicy(true, RepositoryPolicy.UPDATE_POLICY_ALWAYS,
        RepositoryPolicy.CHECKSUM_POLICY_FAIL);
    RepositoryPolicy snapshotPolicy = new RepositoryPolicy(snapshots, snapshots
        ? RepositoryPolicy.UPDATE_POLICY_ALWAYS : RepositoryPolicy.UPDATE_POLICY_NEVER,
        RepositoryPolicy.CHECKSUM_POLICY_FAIL);
    List<RemoteRepository> remotes = new ArrayList<>();
    for (Declaration.Repository r : declared) {
      remotes.add(new RemoteRepository.Builder(r.id(), "default", r.url())
          .setReleasePolicy(releases).setSnapshotPolicy(snapshotPolicy).build());
    }
    return remotes;
  }

  @Override
  public List<Published> versions(Coordinates id) throws PackageException {
    VersionRangeRequest request = new VersionRangeRequest(
        new DefaultArtifact(id.groupId(), id.artifactId(), "jar", "[0,)"), repositories, null);
    VersionRangeResult result;
    try {
      result = system.resolveVersionRange(session, request);
    } catch (VersionRangeResolutionException e) {
      throw ResolverErrors.failure(id.toString(), e, declared, session.isOffline(), advice);
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
      throw ResolverErrors.failure(artifact.toString(), e, declared, session.isOffline(), advice);
    }
  }

  @Override
  public List<Resolved> runtimeDependencies(Coordinates id, String version) throws PackageException {
    Artifact root = new DefaultArtifact(id.groupId(), id.artifactId(), "jar", version);
    return dependencies(session, repositories, root, root.toString() + " (its runtime dependencies)");
  }

  @Override
  public Resolved artifact(String coordinates) throws PackageException {
    Artifact artifact;
    try {
      artifact = new DefaultArtifact(coordinates);
    } catch (IllegalArgumentException e) {
      throw new PackageException("\"" + coordinates + "\" is not groupId:artifactId:extension[:classifier]:version");
    }
    try {
      ArtifactResult result = system.resolveArtifact(session, new ArtifactRequest(artifact, withSnapshots, null));
      return resolved(result.getArtifact());
    } catch (ArtifactResolutionException e) {
      throw ResolverErrors.failure(coordinates, e, declared, session.isOffline(), advice);
    }
  }

  @Override
  public List<Resolved> runtimeDependencies(Path jar) throws PackageException {
    EmbeddedPom pom = EmbeddedPom.of(jar);
    Path folder = null;
    try {
      folder = Files.createTempDirectory("codexplugin-pom-");
      Path pomFile = folder.resolve(pom.artifactId() + "-" + pom.version() + ".pom");
      Files.write(pomFile, pom.pom());
      Artifact root = new DefaultArtifact(pom.groupId(), pom.artifactId(), "jar", pom.version());
      RepositorySystemSession withJar = new JarSession(session, new JarWorkspace(root, jar, pomFile,
          session.getWorkspaceReader()));
      return dependencies(withJar, withSnapshots, root, jar + ": the runtime dependencies of " + pom.gav()
          + " (its " + pom.entry() + ")");
    } catch (IOException e) {
      throw new PackageException(jar + ": cannot stage its pom.xml (" + e + ")", e);
    } finally {
      if (folder != null) {
        try {
          FileSnapshot.deleteTree(folder);
        } catch (IOException ignored) {
          // a temporary folder left behind
        }
      }
    }
  }

  private List<Resolved> dependencies(RepositorySystemSession s, List<RemoteRepository> remotes, Artifact root,
      String what) throws PackageException {
    CollectRequest collect = new CollectRequest(new Dependency(root, JavaScopes.RUNTIME), remotes);
    DependencyRequest request = new DependencyRequest(collect,
        DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
    DependencyResult result;
    try {
      result = system.resolveDependencies(s, request);
    } catch (DependencyResolutionException e) {
      List<String> missing = missing(e, root);
      throw ResolverErrors.failure(what + (missing.isEmpty() ? "" : ", " + String.join(", ", missing)), e, declared,
          s.isOffline(), advice);
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

  /** The artifacts that did not resolve, or whose pom could not be read: what is missing. */
  private static List<String> missing(DependencyResolutionException e, Artifact root) {
    Set<String> ids = new TreeSet<>();
    DependencyResult result = e.getResult();
    if (result != null) {
      for (ArtifactResult r : result.getArtifactResults()) {
        if (!r.isResolved() && r.getRequest() != null) {
          ids.add(r.getRequest().getArtifact().toString());
        }
      }
      if (result.getCollectExceptions() != null) {
        for (Exception x : result.getCollectExceptions()) {
          if (x instanceof ArtifactDescriptorException d && d.getResult() != null) {
            ids.add(d.getResult().getArtifact().toString() + " (its pom)");
          }
        }
      }
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof DependencyCollectionException c && c.getResult() != null) {
        for (Exception x : c.getResult().getExceptions()) {
          for (Throwable u = x; u != null; u = u.getCause()) {
            if (u instanceof ArtifactDescriptorException d && d.getResult() != null) {
              ids.add(d.getResult().getArtifact().toString() + " (its pom)");
            }
          }
        }
      }
    }
    ids.remove(root.toString());
    return new ArrayList<>(ids);
  }

  /** A session that finds the exported jar and its pom in the workspace, before any repository. */
  private static final class JarSession extends AbstractForwardingRepositorySystemSession {
    private final RepositorySystemSession session;
    private final WorkspaceReader workspace;

    JarSession(RepositorySystemSession session, WorkspaceReader workspace) {
      this.session = session;
      this.workspace = workspace;
    }

    @Override
    protected RepositorySystemSession getSession() {
      return session;
    }

    @Override
    public WorkspaceReader getWorkspaceReader() {
      return workspace;
    }
  }

  /**
   * Serves one jar and its pom as the resolver's workspace (as Maven's reactor serves a module), so that the
   * resolver reads the pom with its own model builder (parent, properties, dependency management) and resolves
   * what it names. Every other artifact goes to the session's own workspace, if any.
   */
  private static final class JarWorkspace implements WorkspaceReader {
    private final WorkspaceRepository repository = new WorkspaceRepository("codexplugin-jar");
    private final Artifact root;
    private final Path jar;
    private final Path pom;
    private final WorkspaceReader next;

    JarWorkspace(Artifact root, Path jar, Path pom, WorkspaceReader next) {
      this.root = root;
      this.jar = jar;
      this.pom = pom;
      this.next = next;
    }

    private boolean isRoot(Artifact a) {
      return a.getGroupId().equals(root.getGroupId()) && a.getArtifactId().equals(root.getArtifactId())
          && a.getBaseVersion().equals(root.getBaseVersion()) && a.getClassifier().isEmpty();
    }

    @Override
    public WorkspaceRepository getRepository() {
      return repository;
    }

    @Override
    public File findArtifact(Artifact artifact) {
      if (isRoot(artifact) && artifact.getExtension().equals("pom")) {
        return pom.toFile();
      }
      if (isRoot(artifact) && artifact.getExtension().equals("jar")) {
        return jar.toFile();
      }
      return next == null ? null : next.findArtifact(artifact);
    }

    @Override
    public List<String> findVersions(Artifact artifact) {
      if (isRoot(artifact)) {
        return List.of(root.getVersion());
      }
      return next == null ? List.of() : next.findVersions(artifact);
    }
  }

  @SuppressWarnings("deprecation") // getFile() is the accessor Resolver 1.9 and 2.x share
  private static Resolved resolved(Artifact a) {
    Path file = a.getFile().toPath();
    return new Resolved(a.toString(), file);
  }
}
