package dev.codexplugin.runtime.format;

import dev.codexplugin.runtime.FindingCode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URISyntaxException;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A bundle on a class path, read through the URL of its index so that every file comes from the same jar or
 * folder as the index, even when several jars hold a bundle of the same name.
 */
public final class UrlSource implements BundleSource {
  /** A folder no file is inside, so that nothing is read (fail closed). */
  private static final Path UNRESOLVED = Path.of("/").resolve("codexplugin-unresolvable-class-path-folder");
  private final URL root;
  private final BundleIndex.Entry entry;
  /** For a class-path folder: the bundle folder with links resolved, which every read must stay inside. */
  private final Optional<Path> realRoot;

  /** {@code index} is the URL of {@code META-INF/codex-plugins/index.json}. */
  public UrlSource(URL index, BundleIndex.Entry entry) throws MalformedURLException {
    this.root = new URL(index, entry.name() + "/");
    this.entry = entry;
    this.realRoot = realFolder(index).map(folder -> {
      try {
        return GuardedFiles.folder(folder, entry.name());
      } catch (IOException e) {
        return UNRESOLVED;
      }
    });
  }

  /**
   * The real path of the folder holding {@code index} when it is a {@code file:} URL; empty for a jar. When
   * the folder cannot be resolved, a path no file can be inside, so that nothing is read (fail closed).
   */
  private static Optional<Path> realFolder(URL index) {
    if (!"file".equals(index.getProtocol())) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(index.toURI()).getParent().toRealPath());
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return Optional.of(UNRESOLVED);
    }
  }

  @Override
  public String location() {
    String url = root.toString();
    if (url.startsWith("jar:file:")) {
      return url.substring("jar:file:".length());
    }
    return url.startsWith("file:") ? url.substring("file:".length()) : url;
  }

  @Override
  public List<String> files() {
    return entry.files();
  }

  @Override
  public Set<String> executableFiles() {
    return entry.executable();
  }

  @Override
  public boolean copyTo(String path, Path target, long maxBytes, ReadContext context) throws IOException {
    return Sources.copyGuarded(this::open, path, target, maxBytes, context);
  }

  @Override
  public Optional<byte[]> read(String path, int maxBytes, ReadContext context) {
    try {
      try (InputStream in = open(path, maxBytes)) {
        return Sources.readCapped(in, path, maxBytes, context);
      }
    } catch (GuardedFiles.RefusedException e) {
      Sources.refused(e, path, maxBytes, context);
    } catch (FileNotFoundException e) {
      context.problem(FindingCode.MISSING_FILE, path, "")
          .fix("the index lists it but the class path does not hold it; rebuild the jar").report();
    } catch (IOException | RuntimeException e) {
      context.problem(FindingCode.IO, path, "").found(e.getClass().getSimpleName() + ": " + e.getMessage()).report();
    }
    return Optional.empty();
  }

  /** A class-path folder's file through the guard; a jar's entry through its URL. */
  private InputStream open(String path, long maxBytes) throws IOException {
    if (realRoot.isPresent()) {
      return GuardedFiles.open(realRoot.get(), path, maxBytes);
    }
    URLConnection connection = new URL(root, path).openConnection();
    connection.setUseCaches(false);
    return connection.getInputStream();
  }
}
