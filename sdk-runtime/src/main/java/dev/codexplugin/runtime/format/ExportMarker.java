package dev.codexplugin.runtime.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@value FormatFiles#EXPORT_MARKER}, the file that marks a marketplace folder as the exporter's own, so that
 * the next export may replace it without {@code --force}:
 * {@code {"createdBy": "codexplugin MarketplaceExport", "formatVersion": 1, "marketplace", "format", "plugins"}}.
 * A file of that name that is not such a marker (empty, another tool's, a link) does not count.
 */
public final class ExportMarker {
  /** The value of {@code createdBy}. */
  public static final String CREATED_BY = "codexplugin MarketplaceExport";
  public static final int FORMAT_VERSION = 1;

  private ExportMarker() {}

  /** The marker of an export of {@code plugins} as {@code marketplace} in {@code format}. */
  public static byte[] write(String marketplace, String format, Collection<String> plugins) {
    ObjectNode json = Json.object();
    json.put("createdBy", CREATED_BY);
    json.put("formatVersion", FORMAT_VERSION);
    json.put("marketplace", marketplace);
    json.put("format", format);
    json.set("plugins", Json.strings(new TreeSet<>(plugins)));
    return Json.bytes(json);
  }

  /**
   * Whether {@code folder} holds the exporter's marker: a regular file (not a link) of at most
   * {@value Limits#MAX_TEXT_BYTES} bytes with the exporter's {@code createdBy}.
   */
  public static boolean isPresent(Path folder) {
    return read(folder).isPresent();
  }

  /**
   * Whether {@code folder} is, as far as can be seen, what an export wrote: its marker is present
   * ({@link #isPresent}) with {@code formatVersion} {@value #FORMAT_VERSION}, a known {@code format} and the
   * {@code plugins} it lists, and the folder holds nothing the marker does not account for: at its root only the
   * marker, {@code plugins/} (holding exactly the listed plugin folders) and the marketplace files of the format.
   * A marker copied into another folder, or a folder with extra files beside a marker, is not the exporter's own.
   */
  public static boolean isOwnExport(Path folder) {
    Optional<JsonNode> marker = read(folder);
    if (marker.isEmpty()) {
      return false;
    }
    JsonNode json = marker.get();
    if (json.path("formatVersion").asInt(-1) != FORMAT_VERSION || !json.path("plugins").isArray()
        || !json.path("marketplace").isTextual()) {
      return false;
    }
    String format = json.path("format").asText("");
    boolean codex = format.equals("codex") || format.equals("both");
    boolean claude = format.equals("claude") || format.equals("both");
    if (!codex && !claude) {
      return false;
    }
    java.util.Set<String> plugins = new TreeSet<>();
    for (JsonNode p : json.path("plugins")) {
      if (!p.isTextual() || !BundlePaths.isSafeEntry(p.textValue()) || p.textValue().contains("/")) {
        return false;
      }
      plugins.add(p.textValue());
    }
    java.util.Set<String> root = new TreeSet<>(java.util.List.of(FormatFiles.EXPORT_MARKER, "plugins"));
    if (codex) {
      root.add(FormatFiles.CODEX_MARKETPLACE.substring(0, FormatFiles.CODEX_MARKETPLACE.indexOf('/')));
    }
    if (claude) {
      root.add(FormatFiles.CLAUDE_MARKETPLACE.substring(0, FormatFiles.CLAUDE_MARKETPLACE.indexOf('/')));
    }
    try {
      if (!names(folder).equals(root)
          || (codex && !Files.isRegularFile(folder.resolve(FormatFiles.CODEX_MARKETPLACE), LinkOption.NOFOLLOW_LINKS))
          || (claude && !Files.isRegularFile(folder.resolve(FormatFiles.CLAUDE_MARKETPLACE),
              LinkOption.NOFOLLOW_LINKS))
          || !Files.isDirectory(folder.resolve("plugins"), LinkOption.NOFOLLOW_LINKS)
          || !names(folder.resolve("plugins")).equals(plugins)) {
        return false;
      }
      for (String p : plugins) {
        if (!Files.isDirectory(folder.resolve("plugins").resolve(p), LinkOption.NOFOLLOW_LINKS)) {
          return false;
        }
      }
    } catch (IOException e) {
      return false;
    }
    return true;
  }

  private static java.util.Set<String> names(Path folder) throws IOException {
    try (var entries = Files.list(folder)) {
      return entries.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  private static Optional<JsonNode> read(Path folder) {
    Path marker = folder.resolve(FormatFiles.EXPORT_MARKER);
    if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(marker, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes(Limits.MAX_TEXT_BYTES + 1);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (bytes.length > Limits.MAX_TEXT_BYTES) {
      return Optional.empty();
    }
    Report quiet = new Report(FindingCode.Context.LOAD, folder.toString());
    Optional<JsonNode> json = Json.parse(bytes, FormatFiles.EXPORT_MARKER, quiet.reading(FindingCode.HostImpact.NONE));
    return json.filter(JsonNode::isObject).filter(j -> CREATED_BY.equals(j.path("createdBy").asText(null)));
  }
}
