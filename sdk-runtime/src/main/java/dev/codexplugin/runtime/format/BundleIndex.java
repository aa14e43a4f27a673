package dev.codexplugin.runtime.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.FindingCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The index resource {@code META-INF/codex-plugins/index.json}: every bundle of a jar and its files, so that
 * readers never list jar directories (a class loader cannot).
 *
 * <pre>{@code
 * {"formatVersion": 1, "bundles": [{"name": "team-workflow-plugin", "version": "1.0.0",
 *   "files": [".app.json", ".codex-plugin/plugin.json", ...]}]}
 * }</pre>
 */
public final class BundleIndex {
  /** Where bundles live inside a jar. */
  public static final String ROOT = "META-INF/codex-plugins/";
  /** The index resource. */
  public static final String RESOURCE = ROOT + "index.json";
  public static final int FORMAT_VERSION = 1;

  /** One bundle of the index. */
  public record Entry(String name, String version, List<String> files) {
    public Entry {
      files = List.copyOf(files);
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
    });
    return Json.bytes(json);
  }

  /**
   * Reads an index. Every name and file is checked: a file that is not a plain relative path (a {@code ..}
   * segment, an absolute name) is {@link FindingCode#UNSAFE_PATH} and the index is rejected.
   */
  public static Optional<List<Entry>> read(byte[] bytes, Report report) {
    String file = RESOURCE;
    Optional<JsonNode> json = Json.parse(bytes, file, report, true);
    if (json.isEmpty()) {
      return Optional.empty();
    }
    Optional<JsonFields> root = JsonFields.of(json.get(), file, "", report, true);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    int before = report.errors().size();
    Optional<Integer> version = root.get().integer("formatVersion");
    if (version.isPresent() && version.get() > FORMAT_VERSION) {
      report.problem(FindingCode.WRONG_TYPE, file, "formatVersion").found("(" + version.get() + ")")
          .rule("must be at most " + FORMAT_VERSION).fix("read this jar with a newer SDK").hostFatal().report();
      return Optional.empty();
    }
    JsonNode bundles = root.get().raw("bundles");
    if (bundles == null || !bundles.isArray()) {
      JsonFields.wrongType(report, file, "bundles", "an array", bundles, true);
      return Optional.empty();
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < bundles.size(); i++) {
      String path = "bundles[" + i + "]";
      Optional<JsonFields> bundle = JsonFields.of(bundles.get(i), file, path, report, true);
      if (bundle.isEmpty()) {
        continue;
      }
      String name = bundle.get().text("name");
      if (!BundlePaths.isSafeEntry(name) || name.contains("/")) {
        report.problem(FindingCode.UNSAFE_PATH, file, path + ".name").value(name)
            .fix("a bundle name is one folder name").hostFatal().report();
        continue;
      }
      List<String> files = bundle.get().texts("files");
      if (files.size() > Limits.MAX_FILES) {
        report.problem(FindingCode.TOO_LARGE, file, path + ".files").found("(" + files.size() + " files)")
            .rule("must list at most " + Limits.MAX_FILES + " files").hostFatal().report();
        continue;
      }
      for (String f : files) {
        if (!BundlePaths.isSafeEntry(f)) {
          report.problem(FindingCode.UNSAFE_PATH, file, path + ".files").value(f)
              .fix("list files as plain relative paths without .. or a leading /").hostFatal().report();
        }
      }
      entries.add(new Entry(name, bundle.get().text("version"), files));
    }
    return report.errors().size() > before ? Optional.empty() : Optional.of(entries);
  }
}
