package dev.codexplugin.runtime.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.FindingCode.HostImpact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The index resource {@code META-INF/codex-plugins/index.json} (docs/FORMAT.md#jar-bundle): every bundle of a
 * jar and its files, so that readers never list jar directories (a class loader cannot), and which of them are
 * executable (a jar entry carries no file mode the loader could trust).
 *
 * <pre>{@code
 * {"formatVersion": 1, "bundles": [{"name": "team-workflow-plugin", "version": "1.0.0",
 *   "files": [".app.json", ".codex-plugin/plugin.json", "skills/x/scripts/check.sh", ...],
 *   "executable": ["skills/x/scripts/check.sh"]}]}
 * }</pre>
 *
 * <p>{@code executable} is left out when no file is executable, so older readers see the same file.
 */
public final class BundleIndex {
  /** Where bundles live inside a jar. */
  public static final String ROOT = "META-INF/codex-plugins/";
  /** The index resource. */
  public static final String RESOURCE = ROOT + "index.json";
  public static final int FORMAT_VERSION = 1;

  /**
   * One bundle of the index.
   *
   * @param name the bundle's folder name, its plugin name
   * @param version the plugin version
   * @param files every file, relative to the bundle folder
   * @param executable the files that are executable, a subset of {@code files}
   */
  public record Entry(String name, String version, List<String> files, Set<String> executable) {
    public Entry {
      files = List.copyOf(files);
      executable = Set.copyOf(executable);
    }

    /** A bundle without executable files. */
    public Entry(String name, String version, List<String> files) {
      this(name, version, files, Set.of());
    }

    /** The bundle's folder inside the jar, e.g. {@code META-INF/codex-plugins/team/}. */
    public String root() {
      return ROOT + name + "/";
    }
  }

  private BundleIndex() {}

  public static byte[] write(List<Entry> entries) {
    ObjectNode json = Json.object();
    json.put("formatVersion", FORMAT_VERSION);
    ArrayNode bundles = json.putArray("bundles");
    entries.stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(e -> {
      ObjectNode bundle = bundles.addObject();
      bundle.put("name", e.name());
      bundle.put("version", e.version());
      bundle.set("files", Json.strings(e.files().stream().sorted().toList()));
      if (!e.executable().isEmpty()) {
        bundle.set("executable", Json.strings(new TreeSet<>(e.executable())));
      }
    });
    return Json.bytes(json);
  }

  /**
   * Reads an index. Every name and file is checked: a file that is not a plain relative path (a {@code ..}
   * segment, an absolute name) is {@link FindingCode#UNSAFE_PATH} and the index is rejected; an executable file
   * the bundle does not list is ignored, with a warning.
   */
  public static Optional<List<Entry>> read(byte[] bytes, Report report) {
    String file = RESOURCE;
    ReadContext context = report.reading(HostImpact.REJECTS_PLUGIN);
    Optional<JsonNode> json = Json.parse(bytes, file, context);
    if (json.isEmpty()) {
      return Optional.empty();
    }
    Optional<JsonFields> root = JsonFields.of(json.get(), file, "", context);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    int before = report.errors().size();
    Optional<Integer> version = root.get().integer("formatVersion");
    if (version.isPresent() && version.get() > FORMAT_VERSION) {
      context.problem(FindingCode.WRONG_TYPE, file, "formatVersion").arg("type", "at most " + FORMAT_VERSION)
          .found(String.valueOf(version.get())).fix("read this jar with a newer SDK").report();
      return Optional.empty();
    }
    JsonNode bundles = root.get().raw("bundles");
    if (bundles == null || !bundles.isArray()) {
      JsonFields.wrongType(context, file, "bundles", "an array", bundles);
      return Optional.empty();
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < bundles.size(); i++) {
      String path = "bundles[" + i + "]";
      Optional<JsonFields> bundle = JsonFields.of(bundles.get(i), file, path, context);
      if (bundle.isEmpty()) {
        continue;
      }
      String name = bundle.get().text("name");
      if (!BundlePaths.isSafeEntry(name) || name.contains("/")) {
        context.problem(FindingCode.UNSAFE_PATH, file, path + ".name").value(name)
            .fix("a bundle name is one folder name").report();
        continue;
      }
      List<String> files = bundle.get().texts("files");
      if (files.size() > Limits.MAX_FILES) {
        context.problem(FindingCode.TOO_LARGE, file, path + ".files").arg("limit", Limits.MAX_FILES + " files")
            .found(files.size() + " files").fix("package fewer files").report();
        continue;
      }
      for (String f : files) {
        if (!BundlePaths.isSafeEntry(f)) {
          context.problem(FindingCode.UNSAFE_PATH, file, path + ".files").value(f)
              .fix("list files as plain relative paths without .. or a leading /").report();
        }
      }
      Set<String> listed = new HashSet<>(files);
      Set<String> executable = new HashSet<>();
      JsonFields lenient = bundle.get().with(HostImpact.NONE);
      for (String f : lenient.texts("executable")) {
        if (listed.contains(f)) {
          executable.add(f);
        } else {
          report.problem(FindingCode.MISSING_FILE, file, path + ".executable").value(f)
              .fix("list only files of the bundle as executable; rebuild the jar").report();
        }
      }
      entries.add(new Entry(name, bundle.get().text("version"), files, executable));
    }
    return report.errors().size() > before ? Optional.empty() : Optional.of(entries);
  }
}
