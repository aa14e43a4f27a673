package dev.codexplugin.packages;

import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.LoadResult;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Fetches locked plugins and checks every byte against the lock; or, for a plugin not locked yet, fetches it
 * and computes what the lock records. Jars are read with {@link PluginLoader#check(Path)}, which applies the
 * loader's zip-slip, symbolic-link and size rules.
 */
final class Verifier {
  private final ArtifactSource source;

  Verifier(ArtifactSource source) {
    this.source = source;
  }

  /**
   * Whether the plugin runs a Java hook launcher on its {@code lib/*}: then, as for Java tools, its runtime
   * dependencies ({@code sdk-hooks}, {@code sdk-api}) are locked and installed in {@code lib/}.
   */
  static boolean javaHooks(PluginBundle bundle) {
    return bundle.hooks().stream().anyMatch(h -> ClassDataArchive.hookLauncher(h.command()).isPresent());
  }

  /** Fetches {@code id} at {@code version} and computes its lock entry. */
  Materialized lock(Coordinates id, String version, String repository) throws PackageException {
    ArtifactSource.Resolved jar = source.jar(id, version);
    PluginBundle bundle = bundle(id + ":" + version, jar.file());
    SortedMap<String, String> files = bundleFiles(id + ":" + version, jar.file(), bundle);
    List<Lock.LockedDependency> deps = new ArrayList<>();
    List<Path> libraries = new ArrayList<>();
    if (files.containsKey("mcp-tools.json") || javaHooks(bundle)) {
      for (ArtifactSource.Resolved d : source.runtimeDependencies(id, version)) {
        deps.add(new Lock.LockedDependency(d.id(), sha(d.file())));
        libraries.add(d.file());
      }
    }
    Lock.LockedPlugin locked = new Lock.LockedPlugin(id, version, repository, bundle.name(), sha(jar.file()), deps,
        files);
    return new Materialized(locked, jar.file(), libraries, bundle);
  }

  /** Fetches a locked plugin and checks the jar, the bundle's files and the dependencies against the lock. */
  Materialized verify(Lock.LockedPlugin locked, Path lockFile) throws PackageException {
    String gav = locked.gav();
    ArtifactSource.Resolved jar = source.jar(locked.id(), locked.version());
    String actual = sha(jar.file());
    if (!actual.equals(locked.sha256())) {
      throw new PackageException(gav + ": the jar served (" + jar.file() + ") has sha256 " + actual + ", but " + lockFile
          + " locks sha256 " + locked.sha256() + "; refusing different bytes for a locked version: if the lock is"
          + " right, remove the file from the local repository and ask the repository's administrators; if the lock"
          + " was edited, restore it from version control");
    }
    PluginBundle bundle = bundle(gav, jar.file());
    if (!bundle.name().equals(locked.plugin())) {
      throw new PackageException(lockFile + ": plugins[" + locked.id() + "].plugin is \"" + locked.plugin()
          + "\", but the jar holds plugin \"" + bundle.name() + "\"; the lock was edited: restore it from version"
          + " control");
    }
    SortedMap<String, String> files = bundleFiles(gav, jar.file(), bundle);
    if (!files.equals(locked.files())) {
      String which = difference(locked.files(), files);
      throw new PackageException(lockFile + ": plugins[" + locked.id() + "].files do not match the jar (" + which
          + "); the lock was edited: restore it from version control");
    }
    List<Path> libraries = new ArrayList<>();
    if (locked.hasJavaTools() || javaHooks(bundle)) {
      Map<String, String> want = new HashMap<>();
      locked.dependencies().forEach(d -> want.put(d.id(), d.sha256()));
      List<ArtifactSource.Resolved> got = source.runtimeDependencies(locked.id(), locked.version());
      for (ArtifactSource.Resolved d : got) {
        String lockedSha = want.remove(d.id());
        if (lockedSha == null) {
          throw new PackageException(gav + ": runtime dependency " + d.id() + " is not in " + lockFile
              + "; the lock was edited or made for other dependencies: restore it, or run `codexplugin update "
              + locked.plugin() + "`");
        }
        String sha = sha(d.file());
        if (!sha.equals(lockedSha)) {
          throw new PackageException(d.id() + " (dependency of " + gav + "): the file served (" + d.file()
              + ") has sha256 " + sha + ", but " + lockFile + " locks sha256 " + lockedSha + "; refusing different"
              + " bytes for a locked version");
        }
        libraries.add(d.file());
      }
      if (!want.isEmpty()) {
        throw new PackageException(gav + ": " + lockFile + " locks runtime dependencies the plugin does not have ("
            + String.join(", ", want.keySet()) + "); the lock was edited: restore it from version control");
      }
    }
    return new Materialized(locked, jar.file(), libraries, bundle);
  }

  private static String difference(Map<String, String> locked, Map<String, String> actual) {
    for (Map.Entry<String, String> e : locked.entrySet()) {
      String a = actual.get(e.getKey());
      if (a == null) {
        return e.getKey() + " is locked but not in the jar";
      }
      if (!a.equals(e.getValue())) {
        return e.getKey() + ": locked sha256 " + e.getValue() + ", the jar's " + a;
      }
    }
    for (String k : actual.keySet()) {
      if (!locked.containsKey(k)) {
        return k + " is in the jar but not locked";
      }
    }
    return "they differ";
  }

  /** The single bundle of a jar, read by the loader's rules. */
  static PluginBundle bundle(String gav, Path jar) throws PackageException {
    LoadResult result = PluginLoader.check(jar);
    if (result.hasErrors()) {
      List<Finding> errors = result.errors();
      boolean noBundle = errors.stream().anyMatch(f -> f.toString().startsWith("[codexplugin:NoBundle]"));
      if (noBundle) {
        throw new PackageException(gav + ": " + jar + " holds no plugin bundle (no META-INF/codex-plugins/index.json);"
            + " it is a library, not a plugin: check the coordinates in " + Declaration.FILE
            + ", or build the plugin with the codexplugin annotation processor");
      }
      throw new PackageException(gav + ": " + jar + " is not a valid plugin jar: " + errors.get(0)
          + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more findings; run `codexplugin validate "
              + jar + "`)" : "") + "; ask the plugin's publisher for a fixed version");
    }
    stowaways(gav, jar);
    if (result.bundles().size() != 1) {
      throw new PackageException(gav + ": " + jar + " holds " + result.bundles().size() + " plugin bundles ("
          + result.bundles().stream().map(PluginBundle::name).collect(Collectors.joining(", "))
          + "); the package manager installs jars with exactly one: publish each plugin as its own artifact");
    }
    return result.bundles().get(0);
  }

  /**
   * Refuses a jar with an entry whose name leaves the folder it would be unpacked into ({@code ..}, a leading
   * {@code /}, a drive letter), even one that no bundle lists: the loader reads only what the index lists, and a
   * jar built by a real tool never holds such a name (zip slip).
   */
  static void stowaways(String gav, Path jar) throws PackageException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (var entries = zip.entries(); entries.hasMoreElements(); ) {
        String name = entries.nextElement().getName();
        String path = name.replace('\\', '/');
        boolean leaves = path.startsWith("/") || path.matches("^[A-Za-z]:.*")
            || java.util.Arrays.asList(path.split("/")).contains("..");
        if (leaves) {
          throw new PackageException(gav + ": " + jar + " is not a valid plugin jar: its entry \""
              + dev.codexplugin.runtime.SafeText.escape(name) + "\" leaves the folder it is unpacked into (zip"
              + " slip); ask the plugin's publisher for a fixed version");
        }
      }
    } catch (IOException e) {
      throw new PackageException(gav + ": " + jar + " cannot be read as a jar (" + e.getMessage() + "); remove it from"
          + " the local repository and run the command again", e);
    }
  }

  /** The SHA-256 of every file of the bundle, read from the jar at the bundle's folder. */
  static SortedMap<String, String> bundleFiles(String gav, Path jar, PluginBundle bundle) throws PackageException {
    String location = bundle.location();
    int bang = location.indexOf("!/");
    String prefix = bang < 0 ? "META-INF/codex-plugins/" + bundle.name() + "/" : location.substring(bang + 2);
    if (!prefix.endsWith("/")) {
      prefix += "/";
    }
    SortedMap<String, String> files = new TreeMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (String file : bundle.files()) {
        ZipEntry entry = zip.getEntry(prefix + file);
        if (entry == null) {
          throw new PackageException(gav + ": " + jar + " lists " + prefix + file + " in its bundle but has no such"
              + " entry; ask the plugin's publisher for a fixed version");
        }
        try (InputStream in = zip.getInputStream(entry)) {
          files.put(file, Hashes.sha256(in.readAllBytes()));
        }
      }
    } catch (IOException e) {
      throw new PackageException(gav + ": " + jar + " cannot be read as a jar (" + e.getMessage() + "); remove it from"
          + " the local repository and run the command again", e);
    }
    return files;
  }

  /**
   * The SHA-256 of a file the repositories served: the first read of every jar, so a FIFO, a device or a folder
   * where the local repository should hold a jar is refused here, before anything opens it.
   */
  static String sha(Path file) throws PackageException {
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new PackageException(file + ": is not a regular file (a folder, a named pipe, a device or a socket is"
          + " never opened); remove it from the local repository and run the command again");
    }
    try {
      return Hashes.sha256(file);
    } catch (IOException e) {
      throw new PackageException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }
}
