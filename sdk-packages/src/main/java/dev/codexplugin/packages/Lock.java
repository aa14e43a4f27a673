package dev.codexplugin.packages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The exact versions and hashes a declaration resolved to, committed as {@value #FILE}: per plugin the
 * version, the repository it came from, the SHA-256 of its jar, of each runtime dependency (plugins with Java
 * tools) and of each file of its bundle; plus the {@linkplain Declaration#sha256() hash of the declaration} it
 * was made for. Immutable; plugins sorted by coordinates, dependencies by their coordinates, files by path. The
 * same declaration resolved against the same repository gives a byte-identical file.
 *
 * @param declarationSha256 {@link Declaration#sha256()} of the declaration the lock was made for
 * @param plugins the locked plugins
 */
public record Lock(String declarationSha256, List<LockedPlugin> plugins) {
  /** The file name, next to {@value Declaration#FILE}. */
  public static final String FILE = "codexplugin-lock.json";
  /** The format version written in the file. */
  public static final int VERSION = 1;

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final String FIX = "restore it from version control, or delete it and run `codexplugin install`"
      + " to lock the declaration again";

  /**
   * One locked plugin.
   *
   * @param id the artifact's coordinates
   * @param version the exact version
   * @param repository the id of the declared repository it was resolved from
   * @param plugin the name of the plugin bundle in the jar (what hosts show)
   * @param sha256 the SHA-256 of the jar
   * @param dependencies the runtime dependencies of a plugin with Java tools (empty otherwise), sorted
   * @param files every file of the bundle (relative path to SHA-256), sorted
   */
  public record LockedPlugin(Coordinates id, String version, String repository, String plugin, String sha256,
      List<LockedDependency> dependencies, SortedMap<String, String> files) {
    /** Copies and sorts. */
    public LockedPlugin {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(repository, "repository");
      Objects.requireNonNull(plugin, "plugin");
      Objects.requireNonNull(sha256, "sha256");
      dependencies = dependencies.stream().sorted(Comparator.comparing(LockedDependency::id)).toList();
      files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** {@code groupId:artifactId:version}. */
    public String gav() {
      return id + ":" + version;
    }

    /** Whether the plugin has Java tools, and so locked runtime dependencies or {@code mcp-tools.json}. */
    public boolean hasJavaTools() {
      return files.containsKey("mcp-tools.json");
    }
  }

  /**
   * One runtime dependency of a plugin with Java tools.
   *
   * @param id {@code groupId:artifactId:extension[:classifier]:version}
   * @param sha256 the SHA-256 of its file
   */
  public record LockedDependency(String id, String sha256) {
    /** Checks both. */
    public LockedDependency {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(sha256, "sha256");
    }
  }

  /** Copies and sorts. */
  public Lock {
    Objects.requireNonNull(declarationSha256, "declarationSha256");
    plugins = plugins.stream().sorted(Comparator.comparing(LockedPlugin::id)).toList();
  }

  /** The locked plugin of an artifact. */
  public Optional<LockedPlugin> plugin(Coordinates id) {
    return plugins.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The file's text, in its fixed layout. */
  public String toJson() {
    ObjectNode o = JsonFiles.object();
    o.put("lockVersion", VERSION);
    o.put("declarationSha256", declarationSha256);
    ArrayNode a = o.putArray("plugins");
    for (LockedPlugin p : plugins) {
      ObjectNode n = a.addObject();
      n.put("id", p.id().toString());
      n.put("version", p.version());
      n.put("repository", p.repository());
      n.put("plugin", p.plugin());
      n.put("sha256", p.sha256());
      ArrayNode deps = n.putArray("dependencies");
      for (LockedDependency d : p.dependencies()) {
        deps.addObject().put("id", d.id()).put("sha256", d.sha256());
      }
      ObjectNode files = n.putObject("files");
      p.files().forEach(files::put);
    }
    return JsonFiles.text(o);
  }

  /** Reads a lock, or empty when {@code file} does not exist. */
  public static Optional<Lock> read(Path file) throws PackageException {
    Optional<ObjectNode> read = JsonFiles.readObject(file, FIX);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode o = read.get();
    JsonFiles.onlyKeys(o, file, "", List.of("lockVersion", "declarationSha256", "plugins"));
    JsonNode version = o.get("lockVersion");
    if (version == null || !version.isInt() || version.intValue() != VERSION) {
      throw new PackageException(file + ": lockVersion must be " + VERSION + ", found " + version
          + "; a newer codexplugin wrote it, so update the CLI, or " + FIX);
    }
    String declaration = sha(o, "declarationSha256", file, "");
    List<LockedPlugin> plugins = new ArrayList<>();
    Set<Coordinates> seen = new HashSet<>();
    for (ObjectNode p : JsonFiles.objects(o, "plugins", file, "", FIX)) {
      JsonFiles.onlyKeys(p, file, "plugins: ",
          List.of("id", "version", "repository", "plugin", "sha256", "dependencies", "files"));
      Coordinates id;
      try {
        id = Coordinates.parse(JsonFiles.text(p, "id", file, "plugins: ", FIX));
      } catch (IllegalArgumentException e) {
        throw new PackageException(file + ": plugins: id " + e.getMessage() + "; " + FIX);
      }
      if (!seen.add(id)) {
        throw new PackageException(file + ": plugins: " + id + " is locked twice; " + FIX);
      }
      String where = "plugins[" + id + "].";
      String v = JsonFiles.text(p, "version", file, where, FIX);
      String repository = JsonFiles.text(p, "repository", file, where, FIX);
      String plugin = JsonFiles.text(p, "plugin", file, where, FIX);
      String sha = sha(p, "sha256", file, where);
      List<LockedDependency> deps = new ArrayList<>();
      for (ObjectNode d : JsonFiles.objects(p, "dependencies", file, where, FIX)) {
        JsonFiles.onlyKeys(d, file, where + "dependencies: ", List.of("id", "sha256"));
        deps.add(new LockedDependency(JsonFiles.text(d, "id", file, where + "dependencies: ", FIX),
            sha(d, "sha256", file, where + "dependencies: ")));
      }
      SortedMap<String, String> files = new TreeMap<>();
      JsonNode f = p.get("files");
      if (f == null || !f.isObject()) {
        throw new PackageException(file + ": " + where + "files must be an object of path to SHA-256; " + FIX);
      }
      for (Map.Entry<String, JsonNode> e : f.properties()) {
        if (!e.getValue().isTextual() || !SHA256.matcher(e.getValue().textValue()).matches()) {
          throw new PackageException(file + ": " + where + "files[" + e.getKey() + "] must be a SHA-256 (64"
              + " lower-case hex digits); " + FIX);
        }
        files.put(e.getKey(), e.getValue().textValue());
      }
      plugins.add(new LockedPlugin(id, v, repository, plugin, sha, deps, files));
    }
    return Optional.of(new Lock(declaration, plugins));
  }

  private static String sha(ObjectNode o, String field, Path file, String where) throws PackageException {
    String text = JsonFiles.text(o, field, file, where, FIX);
    if (!SHA256.matcher(text).matches()) {
      throw new PackageException(file + ": " + where + field + " must be a SHA-256 (64 lower-case hex digits),"
          + " found \"" + text + "\"; " + FIX);
    }
    return text;
  }
}
