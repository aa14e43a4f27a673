package dev.codexplugin.processor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.StandardLocation;

/**
 * Finds the files that annotations name (instructions, assets, local skills, shipped files, existing config
 * files). A resource path is resolved like {@link Class#getResource(String)}: relative to a package, or from the
 * root when it starts with {@code /}. It is looked up in the folders of {@code -Acodexplugin.resourcePath}, on
 * the source path (the source folder of the annotated element), then in the class output (where Maven has already
 * copied {@code src/main/resources}).
 *
 * <p>javac's {@link Filer#getResource} finds no folder: it refuses one in an output location ("directories not
 * supported") and finds only existing files on the source path. A folder is therefore found through files the
 * Filer does find: on the source path, the annotated element's own source file (its package's folders lead back
 * to the source root); in the class output, a name inside the folder, which an output location resolves whether
 * it exists or not.
 */
final class Resources {
  /** The largest file the processor copies into a bundle. */
  static final int MAX_BYTES = 16 << 20;

  /** A file over the size limit of what it is used for. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int limit;

    TooLargeException(String name, int limit) {
      super(name + " is larger than " + limit + " bytes");
      this.limit = limit;
    }

    /** The limit in bytes. */
    int limit() {
      return limit;
    }
  }

  private static final JavaFileManager.Location[] LOCATIONS = {
      StandardLocation.SOURCE_PATH, StandardLocation.CLASS_OUTPUT
  };

  private final Filer filer;
  private final Elements elements;
  private final List<Path> folders;

  Resources(Filer filer, Elements elements, List<Path> folders) {
    this.filer = filer;
    this.elements = elements;
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

  /**
   * The file's bytes; empty when no location has it. Throws {@link TooLargeException} when it is larger than
   * {@code limit} bytes, another {@link IOException} when it exists but cannot be read. {@code owner} is the
   * annotated element, whose source folder is searched.
   */
  Optional<byte[]> read(String name, Element owner, int limit) throws IOException {
    Optional<Path> path = find(name, owner, false);
    if (path.isPresent()) {
      return Optional.of(readCapped(Files.newInputStream(path.get()), name, limit));
    }
    for (JavaFileManager.Location location : LOCATIONS) {
      FileObject file = resource(location, name);
      if (file != null && !"file".equals(file.toUri().getScheme())) {
        byte[] bytes;
        try (InputStream in = file.openInputStream()) {
          bytes = in.readNBytes(limit + 1);
        } catch (IOException | IllegalStateException e) {
          continue; // not in this location
        }
        if (bytes.length > limit) {
          throw new TooLargeException(name, limit);
        }
        return Optional.of(bytes);
      }
    }
    return Optional.empty();
  }

  /** A folder on the file system; empty when no location has it. */
  Optional<Path> folder(String name, Element owner) {
    return find(name, owner, true);
  }

  private Optional<Path> find(String name, Element owner, boolean folder) {
    List<Path> candidates = new ArrayList<>();
    try {
      for (Path f : folders) {
        candidates.add(f.resolve(name));
      }
      sourceRoot(owner).ifPresent(root -> candidates.add(root.resolve(name)));
    } catch (InvalidPathException e) {
      return Optional.empty(); // a name no file system holds (a NUL character, ...)
    }
    for (JavaFileManager.Location location : LOCATIONS) {
      // In an output location a name inside the folder resolves; the folder itself is refused.
      String lookup = folder && location.isOutputLocation() ? name + "/" + PROBE : name;
      path(resource(location, lookup)).map(p -> folder && location.isOutputLocation() ? p.getParent() : p)
          .ifPresent(candidates::add);
    }
    for (Path candidate : candidates) {
      if (folder ? Files.isDirectory(candidate) : Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** A name inside a folder of an output location, never read: it only leads to the folder. */
  private static final String PROBE = "codexplugin-folder-probe";

  /**
   * The source folder of {@code owner}'s source file: the file the Filer finds on the source path, less the
   * folders of its package. Empty without a source path, or for a source that is not a file.
   */
  private Optional<Path> sourceRoot(Element owner) {
    if (owner == null) {
      return Optional.empty();
    }
    String pkg = elements.getPackageOf(owner).getQualifiedName().toString();
    String fileName = "package-info.java";
    if (owner.getKind() != ElementKind.PACKAGE) {
      Element top = owner;
      while (top.getEnclosingElement() != null && top.getEnclosingElement().getKind() != ElementKind.PACKAGE) {
        top = top.getEnclosingElement();
      }
      fileName = top.getSimpleName() + ".java";
    }
    FileObject source;
    try {
      source = filer.getResource(StandardLocation.SOURCE_PATH, pkg, fileName);
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      return Optional.empty();
    }
    Optional<Path> file = path(source);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    Path root = file.get().getParent();
    for (int i = pkg.isEmpty() ? 0 : pkg.split("\\.").length; i > 0 && root != null; i--) {
      root = root.getParent();
    }
    return Optional.ofNullable(root);
  }

  /** The file system path of a file object, when it has one. */
  private static Optional<Path> path(FileObject file) {
    if (file == null) {
      return Optional.empty();
    }
    URI uri = file.toUri();
    if (!"file".equals(uri.getScheme())) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(uri));
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return Optional.empty(); // not a path of the default file system
    }
  }

  private FileObject resource(JavaFileManager.Location location, String name) {
    try {
      return filer.getResource(location, "", name);
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      return null;
    }
  }

  /** Reads at most {@code limit} bytes; throws {@link TooLargeException} for a longer stream. */
  static byte[] readCapped(InputStream stream, String name, int limit) throws IOException {
    try (InputStream in = stream) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw new TooLargeException(name, limit);
      }
      return bytes;
    }
  }
}
