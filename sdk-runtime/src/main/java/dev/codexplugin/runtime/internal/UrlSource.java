package dev.codexplugin.runtime.internal;

import dev.codexplugin.runtime.FindingCode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.util.List;
import java.util.Optional;

/**
 * A bundle on a class path, read through the URL of its index so that every file comes from the same jar or
 * folder as the index, even when several jars hold a bundle of the same name.
 */
public final class UrlSource implements BundleSource {
  private final URL root;
  private final BundleIndex.Entry entry;

  /** {@code index} is the URL of {@code META-INF/codex-plugins/index.json}. */
  public UrlSource(URL index, BundleIndex.Entry entry) throws MalformedURLException {
    this.root = new URL(index, entry.name() + "/");
    this.entry = entry;
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
  public Optional<byte[]> read(String path, int maxBytes, Report report, boolean hostFatal) {
    try {
      URLConnection connection = new URL(root, path).openConnection();
      connection.setUseCaches(false);
      try (InputStream in = connection.getInputStream()) {
        return Sources.readCapped(in, path, maxBytes, report, hostFatal);
      }
    } catch (FileNotFoundException e) {
      FolderSource.problem(report, FindingCode.MISSING_FILE, path, hostFatal)
          .fix("the index lists it but the class path does not hold it; rebuild the jar").report();
    } catch (IOException | RuntimeException e) {
      FolderSource.problem(report, FindingCode.IO, path, hostFatal)
          .found("(" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")").report();
    }
    return Optional.empty();
  }
}
