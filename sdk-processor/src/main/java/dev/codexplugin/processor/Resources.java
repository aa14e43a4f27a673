package dev.codexplugin.processor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.StandardLocation;

/**
 * Finds the files that annotations name (instructions, assets, local skills, existing config files). A
 * resource path is resolved like {@link Class#getResource(String)}: relative to a package, or from the root
 * when it starts with {@code /}. It is looked up in the folders of {@code -Acodexplugin.resourcePath}, on the
 * source path, then in the class output (where Maven has already copied {@code src/main/resources}).
 */
final class Resources {
  /** The largest file the processor copies into a bundle. */
  static final int MAX_BYTES = 16 << 20;

  private static final JavaFileManager.Location[] LOCATIONS = {
      StandardLocation.SOURCE_PATH, StandardLocation.CLASS_OUTPUT
  };

  private final Filer filer;
  private final List<Path> folders;

  Resources(Filer filer, List<Path> folders) {
    this.filer = filer;
    this.folders = List.copyOf(folders);
  }

  /**
   * The resource name of {@code path} seen from package {@code pkg}, normalized; empty when {@code ..} leaves
   * the root.
   */
  static Optional<String> name(String pkg, String path) {
    String full = path.startsWith("/") ? path.substring(1)
        : (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + path;
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : full.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (segments.isEmpty()) {
          return Optional.empty();
        }
        segments.removeLast();
      } else {
        segments.addLast(segment);
      }
    }
    return segments.isEmpty() ? Optional.empty() : Optional.of(String.join("/", segments));
  }

  /** Where the processor looked, for "not found" messages. */
  String searched() {
    List<String> places = new ArrayList<>();
    folders.forEach(f -> places.add(f.toString()));
    places.add("the source path");
    places.add("the class output (src/main/resources in Maven)");
    return String.join(", ", places);
  }

  /** The file's bytes; empty when no location has it. Throws when it exists but cannot be read. */
  Optional<byte[]> read(String name) throws IOException {
    Optional<Path> path = find(name, false);
    if (path.isPresent()) {
      return Optional.of(readCapped(Files.newInputStream(path.get()), name));
    }
    for (JavaFileManager.Location location : LOCATIONS) {
      FileObject file = resource(location, name);
      if (file != null && !"file".equals(file.toUri().getScheme())) {
        try (InputStream in = file.openInputStream()) {
          return Optional.of(readCapped(in, name));
        } catch (IOException | IllegalStateException e) {
          // not in this location
        }
      }
    }
    return Optional.empty();
  }

  /** A folder on the file system; empty when no location has it. */
  Optional<Path> folder(String name) {
    return find(name, true);
  }

  private Optional<Path> find(String name, boolean folder) {
    List<Path> candidates = new ArrayList<>();
    folders.forEach(f -> candidates.add(f.resolve(name)));
    for (JavaFileManager.Location location : LOCATIONS) {
      FileObject file = resource(location, name);
      if (file != null) {
        URI uri = file.toUri();
        if ("file".equals(uri.getScheme())) {
          candidates.add(Path.of(uri));
        }
      }
    }
    for (Path candidate : candidates) {
      if (folder ? Files.isDirectory(candidate) : Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private FileObject resource(JavaFileManager.Location location, String name) {
    try {
      return filer.getResource(location, "", name);
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      return null;
    }
  }

  static byte[] readCapped(InputStream stream, String name) throws IOException {
    try (InputStream in = stream) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IOException(name + " is larger than " + (MAX_BYTES >> 20) + " MiB");
      }
      return bytes;
    }
  }
}
