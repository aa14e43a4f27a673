package dev.codexplugin.runtime.format;

import dev.codexplugin.runtime.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
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
  public Optional<byte[]> read(String path, int maxBytes, Report report, boolean hostFatal) {
    ZipEntry zipEntry = zip.getEntry(entry.root() + path);
    if (zipEntry == null || zipEntry.isDirectory()) {
      FolderSource.problem(report, FindingCode.MISSING_FILE, path, hostFatal)
          .fix("the index lists it but the jar does not hold it; rebuild the jar").report();
      return Optional.empty();
    }
    try (InputStream in = zip.getInputStream(zipEntry)) {
      return Sources.readCapped(in, path, maxBytes, report, hostFatal);
    } catch (IOException | RuntimeException e) {
      FolderSource.problem(report, FindingCode.IO, path, hostFatal)
          .found("(" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")").report();
      return Optional.empty();
    }
  }
}
