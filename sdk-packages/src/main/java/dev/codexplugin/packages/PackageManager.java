package dev.codexplugin.packages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.BundleDiff;
import dev.codexplugin.runtime.Doctor;
import dev.codexplugin.runtime.DoctorReport;
import dev.codexplugin.runtime.ExportSummary;
import dev.codexplugin.runtime.MarketplaceExport;
import dev.codexplugin.runtime.MarketplaceExportException;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginLoader;
import dev.codexplugin.runtime.VersionRange;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The package manager's commands, the one implementation behind the CLI ({@code codexplugin init|add|install|
 * update|outdated|remove|rollback|status}) and the Maven goals. A project folder holds the committed
 * declaration ({@value Declaration#FILE}) and lock ({@value Lock#FILE}); the tool's own files are in
 * {@value #MANAGED}/ (the marketplace the hosts install from, a short history of locks, the record of what was
 * installed), which is never committed.
 *
 * <p>Every command that changes anything is atomic: it fetches and verifies everything and exports the
 * marketplace into a staging folder first; only then, holding {@value #MANAGED}/lock against concurrent runs,
 * it moves the marketplace into place, drives the hosts' own commands and writes the lock, undoing each step in
 * reverse order when a later one fails (or the process is interrupted): files, lock and host state are then as
 * before.
 *
 * <pre>{@code
 * PackageManager pm = PackageManager.builder(Path.of("."))
 *     .source(repositories -> resolver.source(repositories))
 *     .build();
 * pm.install();
 * }</pre>
 */
public final class PackageManager {
  /** The folder of the tool's own files, inside the project folder. */
  public static final String MANAGED = ".codexplugin";
  /** The CLI that the wrapper runs: its runnable jar, {@code groupId:artifactId:extension:classifier}. */
  public static final String CLI = "dev.codexplugin:sdk-cli:jar:all";
  /** How many earlier locks {@code rollback} can return to. */
  public static final int HISTORY = 10;
  /** The record of the last install, in {@value #MANAGED}/. */
  static final String STATE_FILE = "installed.json";

  /** Opens the artifact source for the declared repositories, when a command needs one. */
  @FunctionalInterface
  public interface SourceFactory {
    /** A source over {@code repositories}. */
    ArtifactSource open(List<Declaration.Repository> repositories) throws PackageException;
  }

  private final Path project;
  private final SourceFactory sources;
  private final PrintWriter out;
  private final Map<String, String> environment;
  private final Path userHome;
  private final List<String> codex;
  private final List<String> claude;
  private final Path java;
  private final boolean force;
  private final boolean offline;
  private final boolean classData;
  private final boolean hostsOn;

  private PackageManager(Builder b) {
    this.project = b.project.toAbsolutePath().normalize();
    this.sources = Objects.requireNonNull(b.sources, "source");
    this.out = b.out;
    this.environment = Map.copyOf(b.environment);
    this.userHome = b.userHome;
    this.codex = b.codex;
    this.claude = b.claude;
    this.java = b.java;
    this.force = b.force;
    this.offline = b.offline;
    this.classData = b.classData;
    this.hostsOn = b.hosts;
  }

  /** A builder for the project folder {@code project}. */
  public static Builder builder(Path project) {
    return new Builder(project);
  }

  /** The declaration file. */
  public Path declarationFile() {
    return project.resolve(Declaration.FILE);
  }

  /** The lock file. */
  public Path lockFile() {
    return project.resolve(Lock.FILE);
  }

  /** The managed folder. */
  public Path managed() {
    return project.resolve(MANAGED);
  }

  /** The managed marketplace folder the hosts install from. */
  public Path marketplaceFolder() {
    return managed().resolve("marketplace");
  }

  // ---------------------------------------------------------------------------------------------- init

  /**
   * Writes a new declaration, an empty lock and the managed folder's {@code .gitignore}, without a wrapper.
   *
   * @throws PackageException when a declaration already exists, or a name is invalid
   */
  public void init(String marketplace, List<Declaration.Repository> repositories, List<Declaration.Host> hosts,
      Declaration.Scope scope) throws PackageException {
    init(marketplace, repositories, hosts, scope, Optional.empty());
  }

  /**
   * Writes a new declaration, an empty lock, the managed folder's {@code .gitignore} and, with
   * {@code wrapperVersion}, the wrapper a team commits ({@link WrapperFiles}): {@value WrapperFiles#SCRIPT}
   * (executable), {@value WrapperFiles#WINDOWS_SCRIPT} and {@value WrapperFiles#FOLDER}/, pinned to the CLI
   * {@value #CLI}{@code :<wrapperVersion>} as the declared repositories serve it: its exact version (a
   * snapshot's timestamped one) and the SHA-256 of those bytes.
   *
   * @param wrapperVersion the CLI version the wrapper runs (the running CLI's own, usually); empty for no wrapper
   * @throws PackageException when a declaration already exists, a name is invalid, or the CLI cannot be pinned
   *     (not in the repositories, or a snapshot only installed locally)
   */
  public void init(String marketplace, List<Declaration.Repository> repositories, List<Declaration.Host> hosts,
      Declaration.Scope scope, Optional<String> wrapperVersion) throws PackageException {
    if (Files.exists(declarationFile())) {
      throw new PackageException(declarationFile() + ": already exists; edit it, or use `codexplugin add`");
    }
    for (Declaration.Repository r : repositories) {
      Declaration.checkUrl(declarationFile(), r.id(), r.url());
    }
    Declaration declaration;
    try {
      declaration = new Declaration(marketplace, scope, hosts, repositories, List.of());
    } catch (IllegalArgumentException e) {
      throw new PackageException(declarationFile() + ": " + e.getMessage());
    }
    if (hosts.isEmpty() || repositories.isEmpty()) {
      throw new PackageException(declarationFile() + ": name at least one host (--host codex --host claude) and one"
          + " repository (--repository id=url)");
    }
    try (Session s = lock()) {
      Optional<WrapperFiles.Pin> pin = wrapperVersion.isEmpty() ? Optional.empty()
          : Optional.of(pin(declaration.repositories(), wrapperVersion.get()));
      Transaction tx = new Transaction();
      try {
        tx.write(declarationFile(), declaration.toJson());
        tx.write(lockFile(), new Lock(declaration.sha256(), List.of()).toJson());
        if (pin.isPresent()) {
          for (Map.Entry<String, String> file : WrapperFiles.render(pin.get()).entrySet()) {
            tx.write(project.resolve(file.getKey()), file.getValue());
          }
          Path script = project.resolve(WrapperFiles.SCRIPT);
          if (Files.getFileStore(script).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
          }
        }
        tx.commit();
      } catch (IOException | RuntimeException e) {
        tx.undo();
        throw failed("init", e);
      }
      out.println("wrote " + declarationFile() + " and " + lockFile() + pin.map(p -> ", and the wrapper "
          + WrapperFiles.SCRIPT + ", " + WrapperFiles.WINDOWS_SCRIPT + " and " + WrapperFiles.FOLDER + "/ running "
          + p.coordinates() + " (sha256 " + p.sha256() + ")").orElse("") + "; add plugins with `codexplugin add"
          + " <groupId:artifactId[@range]>`" + (pin.isPresent() ? ", and commit all of them" : ""));
    }
  }

  /** The wrapper's pin: the CLI's runnable jar as the repositories serve it. */
  private WrapperFiles.Pin pin(List<Declaration.Repository> repositories, String version) throws PackageException {
    Path properties = project.resolve(WrapperFiles.PROPERTIES);
    String fix = "; or name another CLI version for the wrapper (--wrapper-version <version>,"
        + " -Dcodexplugin.wrapperVersion in Maven), or write none (--no-wrapper, -Dcodexplugin.noWrapper)";
    ArtifactSource.Resolved cli;
    try {
      cli = sources.open(repositories).artifact(CLI + ":" + version);
    } catch (PackageException e) {
      throw new PackageException(properties + ": the wrapper runs the CLI " + CLI + ":" + version + " from "
          + Declaration.FILE + "'s repositories, but " + e.getMessage() + "; deploy it there (or proxy Maven Central)"
          + fix, e);
    }
    String[] parts = CLI.split(":");
    try {
      return new WrapperFiles.Pin(parts[0], parts[1], parts[3], cli.version(), Verifier.sha(cli.file()),
          repositories);
    } catch (IllegalArgumentException e) {
      throw new PackageException(properties + ": cannot pin " + cli.id() + " (" + cli.file() + "): " + e.getMessage()
          + "; deploy the CLI into a declared repository" + fix);
    }
  }

  // ---------------------------------------------------------------------------------------------- add

  /**
   * Declares a plugin ({@code groupId:artifactId[@range]}; without a range, {@code ^<newest version>}), locks
   * its newest version in range and installs.
   */
  public void add(String spec, boolean preReleases) throws PackageException {
    Declaration declaration = Declaration.read(declarationFile());
    String coordinates = spec;
    String range = null;
    int at = spec.indexOf('@');
    if (at >= 0) {
      coordinates = spec.substring(0, at);
      range = spec.substring(at + 1);
    }
    Coordinates id;
    try {
      id = Coordinates.parse(coordinates);
      if (range != null) {
        VersionRange.parse(range);
      }
    } catch (IllegalArgumentException e) {
      throw new PackageException("codexplugin add " + spec + ": " + e.getMessage());
    }
    try (Session s = lock()) {
      Lock current = currentLock(declaration);
      ArtifactSource source = sources.open(declaration.repositories());
      List<ArtifactSource.Published> published = published(source, id);
      if (range == null) {
        VersionRange any = preReleases ? VersionRange.any().includingPreReleases() : VersionRange.any();
        String newest = newest(published, any).map(ArtifactSource.Published::version).orElseThrow(() ->
            new PackageException(id + ": publishes no release version (" + versions(published) + "); add a range"
                + " with pre-releases, e.g. `codexplugin add " + id + "@^1.0.0-rc --pre`"));
        range = "^" + newest;
      }
      Declaration.Requirement requirement = new Declaration.Requirement(id, range, preReleases);
      Declaration next = declaration.with(requirement);
      ArtifactSource.Published chosen = newest(published, requirement.versionRange()).orElseThrow(() ->
          new PackageException(id + ": no published version matches " + requirement.range() + " (published: "
              + versions(published) + "); widen the range"));
      Verifier verifier = new Verifier(source);
      List<Lock.LockedPlugin> plugins = new ArrayList<>(current.plugins());
      plugins.removeIf(p -> p.id().equals(id));
      Materialized added = verifier.lock(id, chosen.version(), chosen.repository());
      plugins.add(added.locked());
      Lock lock = new Lock(next.sha256(), plugins);
      List<Materialized> all = materialize(verifier, lock, Map.of(id, added));
      commit(next, lock, all, true);
      out.println("added " + id + "@" + range + ": " + added.locked().plugin() + " " + chosen.version());
    }
  }

  // ---------------------------------------------------------------------------------------------- install

  /** Installs exactly the lock; locks the declaration first when there is no lock. */
  public void install() throws PackageException {
    Declaration declaration = Declaration.read(declarationFile());
    try (Session s = lock()) {
      Optional<Lock> existing = Lock.read(lockFile());
      if (existing.isPresent()) {
        Lock lock = existing.get();
        checkMatches(declaration, lock);
        if (upToDate(declaration, lock)) {
          String message = "up to date: " + summary(lock);
          record(message);
          out.println(message);
          return;
        }
        Verifier verifier = new Verifier(sources.open(declaration.repositories()));
        commit(declaration, lock, materialize(verifier, lock, Map.of()), false);
        out.println("installed " + summary(lock) + " " + into(declaration));
      } else {
        ArtifactSource source = sources.open(declaration.repositories());
        Verifier verifier = new Verifier(source);
        Map<Coordinates, Materialized> fresh = new LinkedHashMap<>();
        List<Lock.LockedPlugin> plugins = new ArrayList<>();
        for (Declaration.Requirement r : declaration.plugins()) {
          List<ArtifactSource.Published> published = published(source, r.id());
          ArtifactSource.Published chosen = newest(published, r.versionRange()).orElseThrow(() ->
              new PackageException(declarationFile() + ": plugins[" + r.id() + "].range " + r.range()
                  + " matches no published version (" + versions(published) + "); widen the range"));
          Materialized m = verifier.lock(r.id(), chosen.version(), chosen.repository());
          fresh.put(r.id(), m);
          plugins.add(m.locked());
        }
        Lock lock = new Lock(declaration.sha256(), plugins);
        commit(declaration, lock, materialize(verifier, lock, fresh), true);
        out.println("locked and installed " + summary(lock) + " " + into(declaration));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- update

  /**
   * Moves the named plugin (or every plugin) to the newest version in its range whose changes its version number
   * announces; prints the {@link BundleDiff} verdict of each candidate.
   *
   * @return 0 when nothing was refused, 1 when a newer version in range was refused
   */
  public int update(Optional<String> name) throws PackageException {
    Declaration declaration = Declaration.read(declarationFile());
    try (Session s = lock()) {
      Lock current = Lock.read(lockFile()).orElseThrow(() -> new PackageException(lockFile()
          + ": not found; run `codexplugin install` first"));
      List<Declaration.Requirement> targets = name.isPresent()
          ? List.of(requirement(declaration, current, name.get())) : declaration.plugins();
      ArtifactSource source = sources.open(declaration.repositories());
      Verifier verifier = new Verifier(source);
      Map<Coordinates, Materialized> chosen = new LinkedHashMap<>();
      List<Lock.LockedPlugin> plugins = new ArrayList<>(current.plugins());
      boolean refused = false;
      for (Declaration.Requirement r : targets) {
        Optional<Lock.LockedPlugin> locked = current.plugin(r.id());
        List<ArtifactSource.Published> published = published(source, r.id());
        List<ArtifactSource.Published> candidates = new ArrayList<>(published.stream()
            .filter(p -> r.versionRange().matches(p.version())).toList());
        Collections.reverse(candidates);
        if (locked.isEmpty() || !r.versionRange().matches(locked.get().version())) {
          // Not locked yet, or the range no longer holds the locked version: take the newest in range.
          ArtifactSource.Published newest = candidates.stream().findFirst().orElseThrow(() ->
              new PackageException(declarationFile() + ": plugins[" + r.id() + "].range " + r.range()
                  + " matches no published version (" + versions(published) + "); widen the range"));
          Materialized m = verifier.lock(r.id(), newest.version(), newest.repository());
          chosen.put(r.id(), m);
          out.println(m.locked().plugin() + ": " + locked.map(Lock.LockedPlugin::version).orElse("(none)") + " -> "
              + newest.version() + " (newest in " + r.range() + ")");
          continue;
        }
        Materialized old = verifier.verify(locked.get(), lockFile());
        boolean taken = false;
        for (ArtifactSource.Published candidate : candidates) {
          if (!newer(candidate.version(), locked.get().version())) {
            break;
          }
          Materialized next = verifier.lock(r.id(), candidate.version(), candidate.repository());
          BundleDiff diff = BundleDiff.compare(old.bundle(), next.bundle());
          if (diff.compatible()) {
            out.println(diff.verdict());
            chosen.put(r.id(), next);
            taken = true;
            break;
          }
          refused = true;
          out.println("refused " + diff.verdict());
          for (var change : diff.unannounced()) {
            out.println("  ! " + change);
          }
        }
        if (!taken) {
          out.println(old.locked().plugin() + " " + locked.get().version() + ": stays (no newer version in "
              + r.range() + " announces its changes)");
        }
      }
      if (!chosen.isEmpty()) {
        plugins.removeIf(p -> chosen.containsKey(p.id()));
        chosen.values().forEach(m -> plugins.add(m.locked()));
        List<Lock.LockedPlugin> kept = plugins.stream()
            .filter(p -> declaration.requirement(p.id()).isPresent()).toList();
        Lock lock = new Lock(declaration.sha256(), kept);
        commit(declaration, lock, materialize(verifier, lock, chosen), true);
        out.println("updated: " + summary(lock));
      } else if (!current.declarationSha256().equals(declaration.sha256())) {
        List<Lock.LockedPlugin> kept = plugins.stream()
            .filter(p -> declaration.requirement(p.id()).isPresent()).toList();
        Lock lock = new Lock(declaration.sha256(), kept);
        commit(declaration, lock, materialize(verifier, lock, Map.of()), true);
        out.println("locked the declaration again: " + summary(lock));
      }
      return refused ? 1 : 0;
    }
  }

  // ---------------------------------------------------------------------------------------------- outdated

  /** Prints, per plugin, the locked version, the newest in range, the newest of all and the bumps they need. */
  public void outdated() throws PackageException {
    Declaration declaration = Declaration.read(declarationFile());
    Lock current = Lock.read(lockFile()).orElseThrow(() -> new PackageException(lockFile()
        + ": not found; run `codexplugin install` first"));
    ArtifactSource source = sources.open(declaration.repositories());
    Verifier verifier = new Verifier(source);
    out.printf("%-28s %-10s %-10s %-10s %s%n", "plugin", "current", "wanted", "latest", "verdict");
    for (Declaration.Requirement r : declaration.plugins()) {
      List<ArtifactSource.Published> published = published(source, r.id());
      Optional<Lock.LockedPlugin> locked = current.plugin(r.id());
      String wanted = newest(published, r.versionRange()).map(ArtifactSource.Published::version).orElse("-");
      VersionRange any = r.preReleases() ? VersionRange.any().includingPreReleases() : VersionRange.any();
      String latest = newest(published, any).map(ArtifactSource.Published::version).orElse("-");
      String name = locked.map(Lock.LockedPlugin::plugin).orElse(r.id().toString());
      out.printf("%-28s %-10s %-10s %-10s %s%n", name, locked.map(Lock.LockedPlugin::version).orElse("-"), wanted,
          latest, locked.isEmpty() ? "not locked" : "");
      if (locked.isEmpty()) {
        continue;
      }
      Materialized old = verifier.verify(locked.get(), lockFile());
      for (ArtifactSource.Published p : published) {
        if (!any.matches(p.version()) || !newer(p.version(), locked.get().version())) {
          continue;
        }
        Materialized next = verifier.lock(r.id(), p.version(), p.repository());
        BundleDiff diff = BundleDiff.compare(old.bundle(), next.bundle());
        out.println("  " + p.version() + (r.versionRange().matches(p.version()) ? " (in range)  " : " (out of range) ")
            + "needs " + diff.required() + ": " + diff.verdict());
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- remove

  /** Removes a plugin from the declaration, the lock and the hosts. */
  public void remove(String name) throws PackageException {
    Declaration declaration = Declaration.read(declarationFile());
    try (Session s = lock()) {
      Lock current = currentLock(declaration);
      Declaration.Requirement r = requirement(declaration, current, name);
      Declaration next = declaration.without(r.id());
      List<Lock.LockedPlugin> plugins = new ArrayList<>(current.plugins());
      plugins.removeIf(p -> p.id().equals(r.id()));
      Lock lock = new Lock(next.sha256(), plugins);
      Verifier verifier = next.plugins().isEmpty() ? null : new Verifier(sources.open(next.repositories()));
      commit(next, lock, verifier == null ? List.of() : materialize(verifier, lock, Map.of()), true);
      out.println("removed " + r.id() + "; " + summary(lock));
    }
  }

  // ---------------------------------------------------------------------------------------------- rollback

  /** Returns to the declaration and lock before the last change, and installs them. */
  public void rollback() throws PackageException {
    try (Session s = lock()) {
      List<Path> history = history();
      if (history.isEmpty()) {
        throw new PackageException(managed().resolve("history") + ": no earlier lock to return to; `rollback` undoes"
            + " add, update and remove of this machine (at most " + HISTORY + " steps)");
      }
      Path entry = history.get(history.size() - 1);
      Declaration declaration = Declaration.read(entry.resolve(Declaration.FILE));
      Lock lock = Lock.read(entry.resolve(Lock.FILE)).orElseThrow(() ->
          new PackageException(entry + ": has no lock; delete the folder"));
      Optional<Lock> before = Lock.read(lockFile());
      Verifier verifier = declaration.plugins().isEmpty() ? null
          : new Verifier(sources.open(declaration.repositories()));
      commit(declaration, lock, verifier == null ? List.of() : materialize(verifier, lock, Map.of()), false);
      try {
        FileSnapshot.deleteTree(entry);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.println("rolled back " + before.map(PackageManager::summary).orElse("(no lock)") + " -> " + summary(lock));
    }
  }

  // ---------------------------------------------------------------------------------------------- status

  /**
   * Prints declared, locked and installed versions per host, and drift.
   *
   * @return 0 without drift, 1 with drift (or nothing installed yet)
   */
  public int status() throws PackageException {
    Declaration declaration = Declaration.read(declarationFile());
    Optional<Lock> lock = Lock.read(lockFile());
    boolean drift = false;
    if (lock.isPresent() && !lock.get().declarationSha256().equals(declaration.sha256())) {
      out.println("drift: " + lockFile() + " was made for another declaration; run `codexplugin update`");
      drift = true;
    }
    Map<Declaration.Host, List<HostAdapter.Installed>> installed = new TreeMap<>();
    for (HostAdapter host : hostsOn ? hostAdapters(declaration) : List.<HostAdapter>of()) {
      installed.put(host.host(), host.list());
    }
    if (!hostsOn) {
      out.println("hosts not checked (" + hosts(declaration) + "): run without --no-hosts to compare them");
    }
    Optional<State> state = State.read(managed().resolve(STATE_FILE));
    if (lock.isPresent() && state.isPresent()) {
      for (Tree t : changed(state.get().trees())) {
        String what = t.host().equals(MARKETPLACE_TREE) ? "the managed marketplace " + t.path()
            + (declaration.hosts().contains(Declaration.Host.CLAUDE) ? " (Claude Code loads the plugins from it)" : "")
            : t.host() + "'s copy of " + t.plugin() + " (" + t.path() + ")";
        out.println("drift: " + what + " has files changed or removed since codexplugin installed it; run"
            + " `codexplugin install` to install it again");
        drift = true;
      }
    }
    StringBuilder header = new StringBuilder(String.format("%-28s %-10s %-10s", "plugin", "declared", "locked"));
    installed.keySet().forEach(h -> header.append(String.format(" %-10s", h.id())));
    out.println(header);
    String m = declaration.marketplace();
    for (Declaration.Requirement r : declaration.plugins()) {
      Optional<Lock.LockedPlugin> l = lock.flatMap(x -> x.plugin(r.id()));
      String name = l.map(Lock.LockedPlugin::plugin).orElse(r.id().toString());
      StringBuilder line = new StringBuilder(String.format("%-28s %-10s %-10s", name, r.range(),
          l.map(Lock.LockedPlugin::version).orElse("-")));
      for (Map.Entry<Declaration.Host, List<HostAdapter.Installed>> e : installed.entrySet()) {
        Optional<HostAdapter.Installed> i = e.getValue().stream().filter(x -> x.id().equals(name + "@" + m))
            .findFirst();
        line.append(String.format(" %-10s", i.map(HostAdapter.Installed::version).orElse("-")));
      }
      out.println(line);
      if (l.isEmpty()) {
        out.println("  drift: " + r.id() + " is declared but not locked; run `codexplugin install`");
        drift = true;
        continue;
      }
      for (Map.Entry<Declaration.Host, List<HostAdapter.Installed>> e : installed.entrySet()) {
        Optional<HostAdapter.Installed> i = e.getValue().stream().filter(x -> x.id().equals(name + "@" + m))
            .findFirst();
        if (i.isEmpty()) {
          out.println("  drift: " + e.getKey().id() + " does not hold " + name + "@" + m
              + "; run `codexplugin install`");
          drift = true;
        } else if (!i.get().version().equals(l.get().version())) {
          out.println("  drift: " + e.getKey().id() + " holds " + name + " " + i.get().version() + ", the lock "
              + l.get().version() + "; run `codexplugin install`");
          drift = true;
        } else if (!i.get().enabled()) {
          out.println("  drift: " + e.getKey().id() + " has " + name + "@" + m + " disabled");
          drift = true;
        }
        for (HostAdapter.Installed other : e.getValue()) {
          if (other.plugin().equals(name) && !other.marketplace().equals(m)) {
            out.println("  drift: " + e.getKey().id() + " also holds " + other.id() + " " + other.version()
                + ", which codexplugin did not install; remove it with the host's own command");
            drift = true;
          }
        }
      }
    }
    for (Map.Entry<Declaration.Host, List<HostAdapter.Installed>> e : installed.entrySet()) {
      for (HostAdapter.Installed i : e.getValue()) {
        boolean locked = lock.isPresent() && lock.get().plugins().stream()
            .anyMatch(p -> (p.plugin() + "@" + m).equals(i.id()));
        if (i.marketplace().equals(m) && !locked) {
          out.println("drift: " + e.getKey().id() + " holds " + i.id() + " " + i.version() + ", which is not in the"
              + " lock; run `codexplugin install` to remove it");
          drift = true;
        }
      }
    }
    out.println(drift ? "drift found" : "no drift");
    return drift ? 1 : 0;
  }

  // ---------------------------------------------------------------------------------------------- the core

  private Lock currentLock(Declaration declaration) throws PackageException {
    Optional<Lock> lock = Lock.read(lockFile());
    if (lock.isEmpty()) {
      return new Lock(declaration.sha256(), List.of());
    }
    checkMatches(declaration, lock.get());
    return lock.get();
  }

  private void checkMatches(Declaration declaration, Lock lock) throws PackageException {
    if (!lock.declarationSha256().equals(declaration.sha256())) {
      throw new PackageException(lockFile() + ": was made for another declaration (its declarationSha256 "
          + lock.declarationSha256() + ", " + Declaration.FILE + " now " + declaration.sha256() + "); run `codexplugin"
          + " update` to lock the declaration again, or restore the declaration that belongs to the lock");
    }
    for (Lock.LockedPlugin p : lock.plugins()) {
      Optional<Declaration.Requirement> r = declaration.requirement(p.id());
      if (r.isEmpty() || !r.get().versionRange().matches(p.version())) {
        throw new PackageException(lockFile() + ": plugins[" + p.id() + "] locks " + p.version() + ", which "
            + declarationFile().getFileName() + (r.isEmpty() ? " does not declare"
                : " range " + r.get().range() + " excludes") + "; the lock was edited: restore it from version"
            + " control, or run `codexplugin update`");
      }
    }
    for (Declaration.Requirement r : declaration.plugins()) {
      if (lock.plugin(r.id()).isEmpty()) {
        throw new PackageException(lockFile() + ": does not lock " + r.id() + " that " + Declaration.FILE
            + " declares; the lock was edited: restore it, or run `codexplugin update`");
      }
    }
  }

  private List<Materialized> materialize(Verifier verifier, Lock lock, Map<Coordinates, Materialized> fresh)
      throws PackageException {
    List<Materialized> all = new ArrayList<>();
    for (Lock.LockedPlugin p : lock.plugins()) {
      Materialized m = fresh.get(p.id());
      all.add(m != null ? m : verifier.verify(p, lockFile()));
    }
    return all;
  }

  /**
   * Stages the marketplace, runs the doctor, then moves it into place, drives the hosts and writes the files;
   * undone in reverse on any failure.
   */
  private void commit(Declaration declaration, Lock lock, List<Materialized> plugins, boolean remember)
      throws PackageException {
    Path staging = managed().resolve("staging");
    Path work = staging.resolve(Long.toString(System.nanoTime(), 36));
    Transaction tx = new Transaction();
    // On Ctrl-C the JVM halts once the hooks are done, maybe before this thread reaches its finally: the hook
    // removes the staging folder too.
    Thread hook = new Thread(() -> {
      tx.undo();
      try {
        FileSnapshot.deleteTree(work);
      } catch (IOException ignored) {
        // a staging folder left behind is removed by the next command
      }
    }, "codexplugin-undo");
    boolean hooked = false;
    try {
      Files.createDirectories(work);
      Path staged = work.resolve("marketplace");
      Optional<Integer> feature = Optional.empty();
      if (!plugins.isEmpty()) {
        feature = classData && hostsOn && plugins.stream().anyMatch(p -> p.locked().hasJavaTools() || javaHooks(p))
            ? ClassDataArchive.feature(java) : Optional.empty();
        export(declaration, plugins, feature, staged);
        doctor(staged, plugins);
      }
      // The installed record says "up to date" without any check the CLI could not make in a few milliseconds:
      // it goes before anything changes, and is written again once everything has been installed.
      Optional<State> state = State.read(managed().resolve(STATE_FILE));
      Map<String, Set<String>> reinstall = reinstall(declaration, plugins, state);
      Runtime.getRuntime().addShutdownHook(hook);
      hooked = true;
      Path record = managed().resolve(InstalledRecord.FILE);
      if (Files.exists(record)) {
        // Moved aside, not copied: undone on a full disk, everything is as the record says again.
        Path savedRecord = work.resolve("record");
        move(record, savedRecord);
        tx.onUndo(() -> move(savedRecord, record));
      }
      // 1. the marketplace folder
      Path target = marketplaceFolder();
      if (Files.exists(target)) {
        Path previous = work.resolve("previous");
        move(target, previous);
        tx.onUndo(() -> {
          FileSnapshot.deleteTree(target);
          move(previous, target);
        });
      }
      if (!plugins.isEmpty()) {
        move(staged, target);
        tx.onUndo(() -> FileSnapshot.deleteTree(target));
      }
      // 2. the hosts, each snapshotted first
      Map<Declaration.Host, Map<String, Path>> folders = new TreeMap<>();
      Map<String, String> wanted = new TreeMap<>();
      plugins.forEach(p -> wanted.put(p.locked().plugin(), p.locked().version()));
      List<HostAdapter> hosts = hostsOn ? hostAdapters(declaration) : List.of();
      for (HostAdapter host : hosts) {
        FileSnapshot snapshot = FileSnapshot.take(work.resolve("undo-" + host.host().id()),
            host.touched(declaration.marketplace()));
        tx.onUndo(snapshot::restore);
        Map<String, Path> applied = host.apply(target, declaration.marketplace(), wanted,
            reinstall.getOrDefault(host.host().id(), Set.of()));
        folders.put(host.host(), applied);
        // Each host runs the hooks of its own folder (Codex its cache copy, Claude Code the marketplace folder in
        // place): each folder's hooks.json names that host's archive, made from that folder's jars.
        hostHookOptions(host.host(), plugins, applied, feature);
      }
      // A host dropped from the declaration, or another marketplace name: remove what this tool installed there.
      if (hostsOn && state.isPresent()) {
        for (Map.Entry<String, String> old : state.get().hosts().entrySet()) {
          boolean same = old.getValue().equals(declaration.marketplace())
              && declaration.hosts().stream().anyMatch(h -> h.id().equals(old.getKey()));
          Optional<Declaration.Host> h = Declaration.Host.of(old.getKey());
          if (!same && h.isPresent()) {
            HostAdapter adapter = adapter(h.get(), state.get().scope(), declaration);
            FileSnapshot snapshot = FileSnapshot.take(work.resolve("undo-old-" + old.getKey()),
                adapter.touched(old.getValue()));
            tx.onUndo(snapshot::restore);
            adapter.apply(target, old.getValue(), Map.of(), Set.of());
          }
        }
      }
      // 3. the committed files and the history
      String lockText = lock.toJson();
      String declarationText = declaration.toJson();
      Optional<String> oldLock = read(lockFile());
      Optional<String> oldDeclaration = read(declarationFile());
      if (remember && oldLock.isPresent() && !oldLock.get().equals(lockText)) {
        Path entry = pushHistory(oldDeclaration.orElse(declarationText), oldLock.get());
        tx.onUndo(() -> dropHistoryEntry(entry));
      }
      if (!oldDeclaration.equals(Optional.of(declarationText))) {
        tx.write(declarationFile(), declarationText);
      }
      if (!oldLock.equals(Optional.of(lockText))) {
        tx.write(lockFile(), lockText);
      }
      tx.write(managed().resolve(STATE_FILE), state(declaration, lockText, state, trees(folders)).toJson());
      tx.commit();
      pruneHistory();
      // 4. start-up archives: a failure here is reported and leaves the plugins working without one.
      if (feature.isPresent()) {
        archives(plugins, folders, feature.get());
      }
      record("up to date: " + summary(lock));
    } catch (PackageException e) {
      tx.undo();
      throw e;
    } catch (IOException | RuntimeException e) {
      tx.undo();
      throw failed("install", e);
    } finally {
      if (hooked) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook runs (or ran) the undo
        }
      }
      try {
        FileSnapshot.deleteTree(work);
      } catch (IOException ignored) {
        // a staging folder left behind is removed by the next command
      }
    }
  }

  /**
   * What to record as installed. Without the hosts: no host when none was installed before; otherwise the hosts
   * of the last install with an empty lock hash, so that the next install with the hosts installs (and cleans
   * up) them instead of taking them for up to date.
   */
  private State state(Declaration declaration, String lockText, Optional<State> before, List<Tree> trees) {
    String sha = Hashes.sha256(lockText.getBytes(StandardCharsets.UTF_8));
    if (hostsOn) {
      return new State(sha, declaration.scope(), hostMap(declaration), trees);
    }
    if (before.isPresent() && !before.get().hosts().isEmpty()) {
      return new State("", before.get().scope(), before.get().hosts(), trees);
    }
    return new State(sha, declaration.scope(), Map.of(), trees);
  }

  /**
   * Per host, the locked plugins to install again although the host holds their version: their recorded tree
   * changed, or (Codex) their cache folder is gone.
   */
  private Map<String, Set<String>> reinstall(Declaration declaration, List<Materialized> plugins,
      Optional<State> state) {
    Map<String, Set<String>> reinstall = new TreeMap<>();
    if (!hostsOn) {
      return reinstall;
    }
    for (Tree t : state.map(State::trees).map(PackageManager::changed).orElse(List.of())) {
      if (!t.host().equals(MARKETPLACE_TREE)) {
        reinstall.computeIfAbsent(t.host(), h -> new TreeSet<>()).add(t.plugin());
      }
    }
    if (declaration.hosts().contains(Declaration.Host.CODEX)) {
      for (Materialized p : plugins) {
        if (!Files.isDirectory(codexFolder(declaration, p.locked().plugin(), p.locked().version()))) {
          reinstall.computeIfAbsent(Declaration.Host.CODEX.id(), h -> new TreeSet<>())
              .add(p.locked().plugin());
        }
      }
    }
    return reinstall;
  }

  private Map<String, String> hostMap(Declaration declaration) {
    Map<String, String> map = new TreeMap<>();
    declaration.hosts().forEach(h -> map.put(h.id(), declaration.marketplace()));
    return map;
  }

  /**
   * Exports the plugins into {@code staged}; with a class-data {@code feature} release, each Java tool server is
   * given the options of the archive that {@link #archives} makes for it once it is installed.
   */
  private void export(Declaration declaration, List<Materialized> plugins, Optional<Integer> feature, Path staged)
      throws PackageException {
    boolean codex = declaration.hosts().contains(Declaration.Host.CODEX);
    boolean claudeHost = declaration.hosts().contains(Declaration.Host.CLAUDE);
    MarketplaceExport.Format format = codex && claudeHost ? MarketplaceExport.Format.BOTH
        : codex ? MarketplaceExport.Format.CODEX : MarketplaceExport.Format.CLAUDE;
    MarketplaceExport.Builder builder = MarketplaceExport.builder()
        .marketplaceName(declaration.marketplace())
        .description("The plugins of " + Declaration.FILE + ", installed by codexplugin")
        .format(format);
    for (Materialized p : plugins) {
      builder.addJar(p.jar(), p.libraries());
      if (feature.isPresent() && p.locked().hasJavaTools()) {
        int release = feature.get();
        builder.javaServerOptions(p.locked().plugin(), MarketplaceExport.Format.CODEX,
            ClassDataArchive.runtimeOptions(release, archive(Declaration.Host.CODEX, p, release)));
        builder.javaServerOptions(p.locked().plugin(), MarketplaceExport.Format.CLAUDE,
            ClassDataArchive.runtimeOptions(release, archive(Declaration.Host.CLAUDE, p, release)));
      }
    }
    try {
      ExportSummary summary = builder.build().exportTo(staged);
      summary.warnings().forEach(w -> out.println("warning: " + w));
      if (feature.isPresent()) {
        // The marketplace folder is the one Claude Code runs in place; Codex's copy is given its own archive
        // once Codex has made it (hostHookOptions).
        Declaration.Host inPlace = claudeHost ? Declaration.Host.CLAUDE : Declaration.Host.CODEX;
        for (Materialized p : plugins) {
          if (javaHooks(p)) {
            hookOptions(staged.resolve("plugins").resolve(p.locked().plugin()).resolve("hooks/hooks.json"),
                ClassDataArchive.runtimeOptions(feature.get(), hookArchive(inPlace, p, feature.get())));
          }
        }
      }
    } catch (IOException e) {
      if (diskFull(e)) {
        throw diskFullError(e);
      }
      throw new PackageException("cannot write the hooks of the marketplace: " + e.getMessage()
          + "; nothing was changed");
    } catch (MarketplaceExportException e) {
      if (diskFull(e)) {
        throw diskFullError(e);
      }
      throw new PackageException("cannot write the marketplace: " + e.getMessage().lines().findFirst().orElse("")
          + "; nothing was changed");
    }
  }

  private void doctor(Path staged, List<Materialized> plugins) throws PackageException {
    Doctor.Environment env = Doctor.Environment.of(environment);
    if (offline) {
      env = env.offline();
    }
    List<String> missing = new ArrayList<>();
    for (Materialized p : plugins) {
      PluginBundle bundle;
      try {
        bundle = PluginLoader.load(staged.resolve("plugins").resolve(p.locked().plugin())).get(0);
      } catch (dev.codexplugin.runtime.PluginLoadException e) {
        bundle = p.bundle();
      }
      DoctorReport report = Doctor.check(bundle, env);
      for (DoctorReport.Check c : report.missing()) {
        missing.add(p.locked().plugin() + " " + p.locked().version() + ": " + c);
      }
    }
    if (!missing.isEmpty()) {
      if (!force) {
        throw new PackageException("the doctor found what the plugins need on this machine: " + String.join("; ",
            missing) + "; fix it, or run again with --force to install anyway; nothing was changed");
      }
      missing.forEach(m -> out.println("warning (--force): " + m));
    }
  }

  private Path archive(Declaration.Host host, Materialized p, int feature) {
    return managed().resolve("cds").resolve(host.id()).resolve(p.locked().plugin() + "-" + p.locked().version()
        + ClassDataArchive.suffix(feature));
  }

  /** Whether the plugin has a Java hook: a hooks.json command running a launcher on its {@code lib/*}. */
  private static boolean javaHooks(Materialized p) {
    return Verifier.javaHooks(p.bundle());
  }

  /**
   * The archive of a plugin's hook launcher in one host: each host runs the hooks of its own copy of the plugin
   * (Codex {@code $CODEX_HOME/plugins/cache/<m>/<p>/<v>}, Claude Code the managed marketplace's folder, in place),
   * with that copy's absolute {@code lib/*} as class path ({@code ${CLAUDE_PLUGIN_ROOT}} is the copy) and that
   * copy's jars (Codex does not keep their modification times), so an archive is valid for one copy only.
   */
  private Path hookArchive(Declaration.Host host, Materialized p, int feature) {
    return managed().resolve("cds").resolve(host.id()).resolve(p.locked().plugin() + "-" + p.locked().version()
        + "-hooks" + ClassDataArchive.suffix(feature));
  }

  /**
   * Gives the Java hook commands of {@code host}'s folders that host's archive options, or (without an archive)
   * the processor's JVM flags back; before the installed trees are recorded, so that the record holds the
   * rewritten {@code hooks.json}.
   */
  private void hostHookOptions(Declaration.Host host, List<Materialized> plugins, Map<String, Path> applied,
      Optional<Integer> feature) throws IOException {
    for (Materialized p : plugins) {
      Path folder = applied.get(p.locked().plugin());
      if (folder == null || !javaHooks(p)) {
        continue;
      }
      hookOptions(folder.resolve("hooks/hooks.json"), feature
          .map(f -> ClassDataArchive.runtimeOptions(f, hookArchive(host, p, f)))
          .orElse(ClassDataArchive.HOOK_BASE_OPTIONS));
    }
  }

  /** Puts the archive's options into every Java hook command of {@code hooksJson}. */
  private static void hookOptions(Path hooksJson, List<String> options) throws IOException {
    if (!Files.isRegularFile(hooksJson)) {
      return;
    }
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    JsonNode root = json.readTree(hooksJson.toFile());
    boolean changed = false;
    for (JsonNode groups : root.path("hooks")) {
      for (JsonNode group : groups) {
        for (JsonNode hook : group.path("hooks")) {
          String command = hook.path("command").asText("");
          String with = ClassDataArchive.hookCommand(command, options);
          if (!with.equals(command) && hook instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            o.put("command", with);
            changed = true;
          }
        }
      }
    }
    if (changed) {
      Files.write(hooksJson, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }
  }

  /**
   * Makes the start-up archives: first those of the Java hooks, then those of the Java tool servers, for every
   * host's folder of every plugin that has one of that kind, and prints a line for each (a note when one failed).
   */
  private void archives(List<Materialized> plugins, Map<Declaration.Host, Map<String, Path>> folders, int feature) {
    makeArchives(plugins, folders, feature, "the hooks of ", "the hooks start without one", (host, p, folder) -> {
      Optional<String> launcher = p.bundle().hooks().stream()
          .flatMap(h -> ClassDataArchive.hookLauncher(h.command()).stream()).findFirst();
      if (launcher.isEmpty()) {
        return Optional.empty();
      }
      Path archive = hookArchive(host, p, feature);
      return Optional.of(new ArchiveJob(archive,
          () -> ClassDataArchive.createForHooks(java, feature, folder, launcher.get(), archive)));
    });
    makeArchives(plugins, folders, feature, "", "the server starts without one", (host, p, folder) -> {
      if (!p.locked().hasJavaTools()) {
        return Optional.empty();
      }
      Optional<List<String>> args = serverArgs(folder, host);
      if (args.isEmpty()) {
        return Optional.empty();
      }
      Path archive = archive(host, p, feature);
      return Optional.of(new ArchiveJob(archive,
          () -> ClassDataArchive.create(java, feature, folder, args.get(), archive)));
    });
  }

  /** One start-up archive to make: where it goes, and the step that makes it (empty, or why it failed). */
  private record ArchiveJob(Path archive, Supplier<Optional<String>> make) {}

  /** One kind of start-up archive. */
  @FunctionalInterface
  private interface ArchiveKind {
    /** The archive of this kind for {@code p} installed in {@code host}'s {@code folder}, empty when it has none. */
    Optional<ArchiveJob> job(Declaration.Host host, Materialized p, Path folder);
  }

  /**
   * Per host, per plugin installed there: makes the archive {@code kind} gives and prints where it went, or a note
   * why there is none for {@code what} the plugin and that {@code without}: a failure leaves the plugin working.
   */
  private void makeArchives(List<Materialized> plugins, Map<Declaration.Host, Map<String, Path>> folders,
      int feature, String what, String without, ArchiveKind kind) {
    for (Map.Entry<Declaration.Host, Map<String, Path>> host : folders.entrySet()) {
      for (Materialized p : plugins) {
        Path folder = host.getValue().get(p.locked().plugin());
        Optional<ArchiveJob> job = folder == null ? Optional.empty() : kind.job(host.getKey(), p, folder);
        if (job.isEmpty()) {
          continue;
        }
        long start = System.nanoTime();
        Optional<String> failure = job.get().make().get();
        long ms = (System.nanoTime() - start) / 1_000_000;
        String of = what + p.locked().plugin() + " in " + host.getKey().id();
        out.println(failure.map(f -> "note: no start-up archive for " + of + " (" + f + "); " + without)
            .orElse("start-up archive for " + of + ": " + job.get().archive() + " (JDK " + feature + ", " + ms
                + " ms)"));
      }
    }
  }

  /** The installed server's arguments after {@code java} and its options, e.g. {@code -cp lib/* Main}. */
  private static Optional<List<String>> serverArgs(Path folder, Declaration.Host host) {
    try {
      Path manifest = folder.resolve(".codex-plugin/plugin.json");
      Path mcp = folder.resolve(".mcp.json");
      List<JsonNode> servers = new ArrayList<>();
      com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
      if (host == Declaration.Host.CODEX && Files.isRegularFile(manifest)
          && json.readTree(manifest.toFile()).path("mcpServers").isObject()) {
        json.readTree(manifest.toFile()).path("mcpServers").forEach(servers::add);
      } else if (Files.isRegularFile(mcp)) {
        json.readTree(mcp.toFile()).path("mcpServers").forEach(servers::add);
      }
      for (JsonNode s : servers) {
        if (!"java".equals(s.path("command").asText())) {
          continue;
        }
        List<String> args = new ArrayList<>();
        boolean seenClassPath = false;
        for (JsonNode a : s.path("args")) {
          String text = a.asText().replace("${CLAUDE_PLUGIN_ROOT}", folder.toString());
          seenClassPath |= text.equals("-cp") || text.equals("-classpath");
          if (seenClassPath) {
            args.add(text);
          }
        }
        if (seenClassPath) {
          return Optional.of(args);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private boolean upToDate(Declaration declaration, Lock lock) throws PackageException {
    Optional<State> state = State.read(managed().resolve(STATE_FILE));
    if (state.isEmpty() || !Files.isDirectory(marketplaceFolder())) {
      return false;
    }
    String sha = Hashes.sha256(lock.toJson().getBytes(StandardCharsets.UTF_8));
    if (!state.get().lockSha256().equals(sha) || !state.get().hosts().equals(hostsOn ? hostMap(declaration) : Map.of())
        || state.get().scope() != declaration.scope()) {
      return false;
    }
    for (Lock.LockedPlugin p : lock.plugins()) {
      if (!Files.isDirectory(marketplaceFolder().resolve("plugins").resolve(p.plugin()))) {
        return false;
      }
      if (hostsOn && declaration.hosts().contains(Declaration.Host.CODEX) && !Files.isDirectory(codexFolder(
          declaration, p.plugin(), p.version()))) {
        return false;
      }
    }
    if (!lock.plugins().isEmpty()) {
      // The installed trees must hold what this tool installed: an edited, added or deleted file is reinstalled.
      List<Tree> trees = state.get().trees();
      if (trees.stream().noneMatch(t -> t.host().equals(MARKETPLACE_TREE))) {
        return false;
      }
      if (hostsOn && declaration.hosts().contains(Declaration.Host.CODEX)) {
        for (Lock.LockedPlugin p : lock.plugins()) {
          if (trees.stream().noneMatch(t -> t.host().equals(Declaration.Host.CODEX.id())
              && t.plugin().equals(p.plugin()))) {
            return false;
          }
        }
      }
      return changed(trees).isEmpty();
    }
    return true;
  }

  /** The host's name of the managed marketplace's tree in {@link State#trees()}. */
  private static final String MARKETPLACE_TREE = "marketplace";

  /** The recorded trees whose content is no longer what was installed (or that are gone). */
  private static List<Tree> changed(List<Tree> trees) {
    List<Tree> changed = new ArrayList<>();
    for (Tree t : trees) {
      try {
        if (!Hashes.tree(Path.of(t.path())).equals(Optional.of(t.sha256()))) {
          changed.add(t);
        }
      } catch (IOException | RuntimeException e) {
        changed.add(t);
      }
    }
    return changed;
  }

  private Path codexFolder(Declaration declaration, String plugin, String version) {
    return codexHome().resolve("plugins/cache").resolve(declaration.marketplace()).resolve(plugin).resolve(version);
  }

  /**
   * The installed trees after a commit: the managed marketplace (where Claude Code loads directory marketplaces
   * from in place) and each host's folder of each plugin outside it (Codex's cache copy).
   */
  private List<Tree> trees(Map<Declaration.Host, Map<String, Path>> folders) throws IOException {
    List<Tree> trees = new ArrayList<>();
    Path market = marketplaceFolder();
    Optional<String> sha = Hashes.tree(market);
    if (sha.isEmpty()) {
      return trees;
    }
    trees.add(new Tree(MARKETPLACE_TREE, "", market.toString(), sha.get()));
    for (Map.Entry<Declaration.Host, Map<String, Path>> host : folders.entrySet()) {
      for (Map.Entry<String, Path> plugin : host.getValue().entrySet()) {
        Path folder = plugin.getValue().toAbsolutePath().normalize();
        if (folder.startsWith(market)) {
          continue;
        }
        Optional<String> h = Hashes.tree(folder);
        if (h.isPresent()) {
          trees.add(new Tree(host.getKey().id(), plugin.getKey(), folder.toString(), h.get()));
        }
      }
    }
    return trees;
  }

  /**
   * Writes the installed record ({@link InstalledRecord}) for the state just installed or verified, when the
   * hosts are on; an error leaves no record (the next install then runs the full check).
   */
  private void record(String message) {
    Path file = managed().resolve(InstalledRecord.FILE);
    try {
      Optional<State> state = hostsOn ? State.read(managed().resolve(STATE_FILE)) : Optional.empty();
      Optional<byte[]> text = state.isEmpty() ? Optional.empty() : InstalledRecord.render(project, environment,
          userHome.toString(), message, state.get().trees().stream().map(t -> Path.of(t.path())).toList());
      if (text.isEmpty()) {
        Files.deleteIfExists(file);
        return;
      }
      if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), text.get())) {
        return;
      }
      Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
      Files.write(temp, text.get());
      move(temp, file);
    } catch (IOException | PackageException | RuntimeException e) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // the record's fingerprints will not match then either
      }
    }
  }

  private List<HostAdapter> hostAdapters(Declaration declaration) {
    List<HostAdapter> list = new ArrayList<>();
    for (Declaration.Host h : declaration.hosts()) {
      list.add(adapter(h, declaration.scope(), declaration));
    }
    return list;
  }

  private HostAdapter adapter(Declaration.Host host, Declaration.Scope scope, Declaration declaration) {
    return switch (host) {
      case CODEX -> new CodexHost(new HostCli("codex", codex, environment, project), codexHome());
      case CLAUDE -> {
        String configured = environment.get("CLAUDE_CONFIG_DIR");
        Path config = configured != null ? Path.of(configured) : userHome.resolve(".claude");
        yield new ClaudeHost(new HostCli("claude", claude, environment, project), config, configured != null,
            userHome, scope, project);
      }
    };
  }

  private Path codexHome() {
    String configured = environment.get("CODEX_HOME");
    return configured != null ? Path.of(configured) : userHome.resolve(".codex");
  }

  private Declaration.Requirement requirement(Declaration declaration, Lock lock, String name)
      throws PackageException {
    for (Declaration.Requirement r : declaration.plugins()) {
      Optional<Lock.LockedPlugin> l = lock.plugin(r.id());
      if (r.id().toString().equals(name) || r.id().artifactId().equals(name)
          || l.map(p -> p.plugin().equals(name)).orElse(false)) {
        return r;
      }
    }
    throw new PackageException(declarationFile() + ": declares no plugin \"" + name + "\"; name one of "
        + declaration.plugins().stream().map(r -> r.id().toString()).toList() + " (groupId:artifactId, artifactId or"
        + " the plugin's name)");
  }

  private List<Path> history() {
    Path dir = managed().resolve("history");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path pushHistory(String declarationText, String lockText) throws IOException {
    List<Path> history = history();
    int next = history.isEmpty() ? 1 : Integer.parseInt(history.get(history.size() - 1).getFileName().toString()) + 1;
    Path entry = managed().resolve("history").resolve(String.format("%06d", next));
    try {
      Files.createDirectories(entry);
      Files.writeString(entry.resolve(Declaration.FILE), declarationText);
      Files.writeString(entry.resolve(Lock.FILE), lockText);
    } catch (IOException | RuntimeException e) {
      // a full disk: no half-written entry
      dropHistoryEntry(entry);
      throw e;
    }
    return entry;
  }

  /** Removes a history entry, and the history folder when that leaves it empty (as it was before the first). */
  private static void dropHistoryEntry(Path entry) throws IOException {
    FileSnapshot.deleteTree(entry);
    Path folder = entry.getParent();
    if (Files.isDirectory(folder)) {
      try (Stream<Path> list = Files.list(folder)) {
        if (list.findAny().isPresent()) {
          return;
        }
      }
      Files.delete(folder);
    }
  }

  /** Drops the entries beyond the newest {@value #HISTORY}, once the command has committed (undone, it keeps them). */
  private void pruneHistory() {
    try {
      List<Path> history = history();
      for (int i = 0; i < history.size() - HISTORY; i++) {
        FileSnapshot.deleteTree(history.get(i));
      }
    } catch (IOException | RuntimeException ignored) {
      // the next command prunes them
    }
  }

  private static Optional<String> read(Path file) throws IOException {
    return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
  }

  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /**
   * What the repositories publish of {@code id}, in SemVer order ({@link VersionRange#comparator()}), not in the
   * repository's own (Maven's order differs for pre-releases: it puts {@code 1.1.0-preview} after {@code 1.1.0}).
   */
  private static List<ArtifactSource.Published> published(ArtifactSource source, Coordinates id)
      throws PackageException {
    List<ArtifactSource.Published> published = new ArrayList<>(source.versions(id));
    published.sort(Comparator.comparing(ArtifactSource.Published::version, VersionRange.comparator()));
    return published;
  }

  /** The newest published version that {@code range} matches. */
  private static Optional<ArtifactSource.Published> newest(List<ArtifactSource.Published> published,
      VersionRange range) {
    return published.stream().filter(p -> range.matches(p.version()))
        .max(Comparator.comparing(ArtifactSource.Published::version, VersionRange.comparator()));
  }

  /** Whether {@code version} is newer than {@code than} by SemVer precedence. */
  private static boolean newer(String version, String than) {
    return VersionRange.comparator().compare(version, than) > 0;
  }

  private static String versions(List<ArtifactSource.Published> published) {
    return published.isEmpty() ? "none" : String.join(", ", published.stream().map(ArtifactSource.Published::version)
        .toList());
  }

  private static String summary(Lock lock) {
    if (lock.plugins().isEmpty()) {
      return "no plugins";
    }
    return String.join(", ", lock.plugins().stream().map(p -> p.plugin() + " " + p.version()).toList());
  }

  /** Where a command installed: the hosts, or only the managed marketplace when the hosts are off. */
  private String into(Declaration declaration) {
    return hostsOn ? "into " + hosts(declaration)
        : "into " + marketplaceFolder() + " (no host command run: --no-hosts)";
  }

  private static String hosts(Declaration declaration) {
    return String.join(" and ", declaration.hosts().stream().map(Declaration.Host::id).toList());
  }

  /** Whether {@code e} or one of its causes is the system's "no space left" (ENOSPC) or "quota exceeded". */
  static boolean diskFull(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage();
      if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
        return true;
      }
    }
    return false;
  }

  /** The one-line error of a full disk: the folder, that nothing was changed, the fix. */
  private PackageException diskFullError(Throwable e) {
    return new PackageException(managed() + ": the disk is full (No space left on device) while installing into "
        + project + "; nothing was changed; free some space there and run the command again", e);
  }

  private PackageException failed(String what, Exception e) {
    if (diskFull(e)) {
      return diskFullError(e);
    }
    String why = e instanceof java.nio.file.FileSystemException fse
        ? fse.getFile() + ": " + (fse.getReason() == null ? e.getClass().getSimpleName() : fse.getReason())
        : e.toString();
    return new PackageException(what + " failed (" + why + "); nothing was changed; fix the cause (disk space,"
        + " permissions) and run the command again", e);
  }

  private Session lock() throws PackageException {
    try {
      Files.createDirectories(managed());
      Path ignore = managed().resolve(".gitignore");
      if (!Files.exists(ignore)) {
        Files.writeString(ignore, "# codexplugin's own files: never committed\n*\n");
      }
      FileChannel channel = FileChannel.open(managed().resolve("lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new PackageException(managed().resolve("lock") + ": another codexplugin command is running in "
            + project + "; wait for it to finish and run the command again");
      }
      FileSnapshot.deleteTree(managed().resolve("staging"));
      return new Session(channel, lock);
    } catch (IOException e) {
      throw new PackageException(managed() + ": cannot be written (" + e + "); check the permissions of " + project);
    }
  }

  /** The held file lock of one command. */
  private record Session(FileChannel channel, FileLock lock) implements AutoCloseable {
    @Override
    public void close() {
      try {
        lock.release();
        channel.close();
      } catch (IOException ignored) {
        // closing the channel releases the lock
      }
    }
  }

  /** Undo actions, run in reverse order unless committed; at most once. */
  private static final class Transaction {
    interface Undo {
      void run() throws IOException;
    }

    private final Deque<Undo> undo = new ArrayDeque<>();
    private final List<Path> backups = new ArrayList<>();
    private boolean done;

    synchronized void onUndo(Undo u) {
      undo.push(u);
    }

    /**
     * Writes a file through a temporary file and an atomic rename; undone by renaming back a hard link to what was
     * there (no space needed on a full disk), or where links are not supported by writing back its bytes. A
     * temporary file that could not be written in full is removed.
     */
    void write(Path file, String text) throws IOException {
      Files.createDirectories(file.getParent());
      Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
      try {
        Files.writeString(temp, text, StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(temp);
        throw e;
      }
      Path backup = file.resolveSibling("." + file.getFileName() + ".undo");
      boolean saved;
      synchronized (this) {
        saved = backups.contains(backup);
      }
      if (saved) {
        // written before in this transaction: its undo gives back the first content
      } else if (Files.exists(file)) {
        Optional<byte[]> before = Optional.empty();
        try {
          Files.deleteIfExists(backup);
          Files.createLink(backup, file);
          synchronized (this) {
            backups.add(backup);
          }
        } catch (IOException | UnsupportedOperationException e) {
          Files.deleteIfExists(backup);
          before = Optional.of(Files.readAllBytes(file));
        }
        Optional<byte[]> bytes = before;
        onUndo(() -> {
          if (bytes.isEmpty()) {
            move(backup, file);
          } else {
            Path t = file.resolveSibling("." + file.getFileName() + ".undo");
            Files.write(t, bytes.get());
            move(t, file);
          }
        });
      } else {
        onUndo(() -> Files.deleteIfExists(file));
      }
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(temp);
        throw e;
      }
    }

    synchronized void commit() {
      done = true;
      undo.clear();
      dropBackups();
    }

    private void dropBackups() {
      for (Path b : backups) {
        try {
          Files.deleteIfExists(b);
        } catch (IOException ignored) {
          // a hidden leftover, replaced by the next write
        }
      }
      backups.clear();
    }

    synchronized void undo() {
      if (done) {
        return;
      }
      done = true;
      while (!undo.isEmpty()) {
        try {
          undo.pop().run();
        } catch (IOException | RuntimeException e) {
          System.err.println("codexplugin: could not undo a step: " + e);
        }
      }
    }
  }

  /**
   * An installed tree and its content hash ({@link Hashes#tree}).
   *
   * @param host {@value #MARKETPLACE_TREE} for the managed marketplace, else the host whose folder it is
   * @param plugin the plugin (empty for the marketplace)
   * @param path the absolute folder
   */
  record Tree(String host, String plugin, String path, String sha256) {}

  /**
   * What this tool installed last: the lock's hash, the scope, the marketplace per host and the installed trees
   * with their content hashes.
   */
  record State(String lockSha256, Declaration.Scope scope, Map<String, String> hosts, List<Tree> trees) {
    static final String FILE = STATE_FILE;

    String toJson() {
      ObjectNode o = JsonFiles.object();
      o.put("lockSha256", lockSha256);
      o.put("scope", scope.id());
      ObjectNode h = o.putObject("hosts");
      hosts.forEach(h::put);
      var list = o.putArray("trees");
      for (Tree t : trees) {
        ObjectNode e = list.addObject();
        e.put("host", t.host());
        e.put("plugin", t.plugin());
        e.put("path", t.path());
        e.put("sha256", t.sha256());
      }
      return JsonFiles.text(o);
    }

    static Optional<State> read(Path file) throws PackageException {
      Optional<ObjectNode> o = JsonFiles.readObject(file, "delete it; the next install writes it again");
      if (o.isEmpty()) {
        return Optional.empty();
      }
      Map<String, String> hosts = new TreeMap<>();
      o.get().path("hosts").properties().forEach(e -> hosts.put(e.getKey(), e.getValue().asText()));
      Declaration.Scope scope = "user".equals(o.get().path("scope").asText()) ? Declaration.Scope.USER
          : Declaration.Scope.PROJECT;
      List<Tree> trees = new ArrayList<>();
      for (JsonNode t : o.get().path("trees")) {
        trees.add(new Tree(t.path("host").asText(), t.path("plugin").asText(), t.path("path").asText(),
            t.path("sha256").asText()));
      }
      return Optional.of(new State(o.get().path("lockSha256").asText(), scope, hosts, trees));
    }
  }

  /** Collects the settings of a package manager. */
  public static final class Builder {
    private final Path project;
    private SourceFactory sources;
    private PrintWriter out = new SafeLines(new PrintWriter(System.out, true));
    private Map<String, String> environment = System.getenv();
    private Path userHome = Path.of(System.getProperty("user.home"));
    private List<String> codex = List.of("codex");
    private List<String> claude = List.of("claude");
    private Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private boolean force;
    private boolean offline;
    private boolean classData = true;
    private boolean hosts = true;

    private Builder(Path project) {
      this.project = Objects.requireNonNull(project, "project");
    }

    /** Where artifacts come from (required). */
    public Builder source(SourceFactory value) {
      this.sources = Objects.requireNonNull(value, "source");
      return this;
    }

    /** Where the commands print; standard output by default. */
    public Builder out(PrintWriter value) {
      this.out = new SafeLines(Objects.requireNonNull(value, "out"));
      return this;
    }

    /**
     * The environment the hosts' commands run with and the doctor checks ({@code PATH}, {@code CODEX_HOME},
     * {@code CLAUDE_CONFIG_DIR}, ...); this process's by default.
     */
    public Builder environment(Map<String, String> value) {
      this.environment = Map.copyOf(value);
      return this;
    }

    /** The user's home folder ({@code ~/.codex}, {@code ~/.claude} when the environment names none). */
    public Builder userHome(Path value) {
      this.userHome = Objects.requireNonNull(value, "userHome");
      return this;
    }

    /** The Codex command line, {@code codex} on {@code PATH} by default. */
    public Builder codexCommand(List<String> value) {
      this.codex = List.copyOf(value);
      return this;
    }

    /** The Claude Code command line, {@code claude} on {@code PATH} by default. */
    public Builder claudeCommand(List<String> value) {
      this.claude = List.copyOf(value);
      return this;
    }

    /** The {@code java} that makes start-up archives: the one the hosts start servers with. */
    public Builder java(Path value) {
      this.java = Objects.requireNonNull(value, "java");
      return this;
    }

    /** Install although the doctor finds something missing. */
    public Builder force(boolean value) {
      this.force = value;
      return this;
    }

    /** The doctor checks no URL (the resolver's offline mode is the source's). */
    public Builder offline(boolean value) {
      this.offline = value;
      return this;
    }

    /** Make start-up archives for Java tool servers (on by default). */
    public Builder classDataArchives(boolean value) {
      this.classData = value;
      return this;
    }

    /**
     * Drive the hosts (on by default). Off, a command locks, fetches, verifies and writes the managed marketplace
     * as always but runs no host command, and {@code status} compares declaration and lock only: for a machine
     * without Codex or Claude Code, or to install into the hosts by hand from {@link #marketplaceFolder()}.
     */
    public Builder hosts(boolean value) {
      this.hosts = value;
      return this;
    }

    /** The package manager. */
    public PackageManager build() {
      return new PackageManager(this);
    }
  }
}
