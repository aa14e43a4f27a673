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
    Path marker = folder.resolve(FormatFiles.EXPORT_MARKER);
    if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(marker, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes(Limits.MAX_TEXT_BYTES + 1);
    } catch (IOException e) {
      return false;
    }
    if (bytes.length > Limits.MAX_TEXT_BYTES) {
      return false;
    }
    Report quiet = new Report(FindingCode.Context.LOAD, folder.toString());
    Optional<JsonNode> json = Json.parse(bytes, FormatFiles.EXPORT_MARKER, quiet.reading(FindingCode.HostImpact.NONE));
    return json.filter(JsonNode::isObject).map(j -> CREATED_BY.equals(j.path("createdBy").asText(null)))
        .orElse(false);
  }
}
