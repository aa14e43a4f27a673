package dev.codexplugin.runtime.format;

import dev.codexplugin.runtime.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** A bundle inside an open jar, with the files its index lists. */
public final class JarSource implements BundleSource {
  private final ZipFile zip;
  private final String jarName;
  private final BundleIndex.Entry entry;

  public JarSource(ZipFile zip, String jarName, BundleIndex.Entry entry) {
    this.zip = zip;
    this.jarName = jarName;
    this.entry = entry;
  }

  @Override
  public String location() {
    return jarName + "!/" + entry.root();
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
    ZipEntry zipEntry = zip.getEntry(entry.root() + path);
    if (zipEntry == null || zipEntry.isDirectory()) {
      context.problem(FindingCode.MISSING_FILE, path, "")
          .fix("the index lists it but the jar does not hold it; rebuild the jar").report();
      return false;
    }
    try (InputStream in = zip.getInputStream(zipEntry)) {
      return Sources.copyCapped(in, target, path, maxBytes, context);
    }
  }

  @Override
  public Optional<byte[]> read(String path, int maxBytes, ReadContext context) {
    ZipEntry zipEntry = zip.getEntry(entry.root() + path);
    if (zipEntry == null || zipEntry.isDirectory()) {
      context.problem(FindingCode.MISSING_FILE, path, "")
          .fix("the index lists it but the jar does not hold it; rebuild the jar").report();
      return Optional.empty();
    }
    try (InputStream in = zip.getInputStream(zipEntry)) {
      return Sources.readCapped(in, path, maxBytes, context);
    } catch (IOException | RuntimeException e) {
      context.problem(FindingCode.IO, path, "").found(e.getClass().getSimpleName() + ": " + e.getMessage()).report();
      return Optional.empty();
    }
  }
}
