package dev.codexplugin.runtime.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The files of one bundle, wherever they are: a plugin folder, a jar, a class loader. Paths are relative to
 * the bundle root, {@code /}-separated and checked to be plain relative paths.
 */
public interface BundleSource {
  /** Where the bundle is, for messages: a folder, or {@code /x/app.jar!/META-INF/codex-plugins/name/}. */
  String location();

  /**
   * The name of the bundle's folder, e.g. {@code team-workflow-plugin}: the name Codex gives a plugin without a
   * manifest.
   */
  default String folderName() {
    String location = location().replace('\\', '/');
    while (location.endsWith("/")) {
      location = location.substring(0, location.length() - 1);
    }
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /** Every file of the bundle, sorted. */
  List<String> files();

  /**
   * The files of {@link #files()} that are executable: what the file system says in a folder, what the index
   * records for a jar or a class path.
   */
  Set<String> executableFiles();

  /**
   * The bytes of {@code path}, at most {@code maxBytes}. Problems (missing, too large, unreadable) are reported
   * in {@code context} and give empty.
   */
  Optional<byte[]> read(String path, int maxBytes, ReadContext context);

  /**
   * Copies {@code path} to the new file {@code target} without holding it in memory, at most {@code maxBytes};
   * problems are reported in {@code context} and give {@code false}, with no file left at {@code target}.
   *
   * @throws IOException when {@code target} cannot be written
   */
  boolean copyTo(String path, Path target, long maxBytes, ReadContext context) throws IOException;
}
