package dev.codexplugin.runtime;

import dev.codexplugin.runtime.format.BundleIndex;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/** Real jars and exploded class folders holding bundles, written with {@code java.util.jar}. */
final class Jars {
  private Jars() {}

  /** A bundle to put into a jar: its name and files (relative to the bundle root). */
  record Bundle(String name, String version, SortedMap<String, byte[]> files) {}

  /** Writes {@code entries} (name to bytes, in order) into a new jar at {@code jar}. */
  static Path write(Path jar, Map<String, byte[]> entries) {
    try {
      Files.createDirectories(jar.getParent());
      try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
          zip.putNextEntry(new ZipEntry(e.getKey()));
          zip.write(e.getValue());
          zip.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The entries of a jar holding {@code bundles} and an index listing them. */
  static Map<String, byte[]> entries(Bundle... bundles) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    List<BundleIndex.Entry> index = new ArrayList<>();
    for (Bundle bundle : bundles) {
      index.add(new BundleIndex.Entry(bundle.name(), bundle.version(), List.copyOf(bundle.files().keySet())));
      bundle.files().forEach((path, bytes) -> entries.put(BundleIndex.ROOT + bundle.name() + "/" + path, bytes));
    }
    entries.put(BundleIndex.RESOURCE, BundleIndex.write(index));
    return entries;
  }

  /** A jar holding {@code bundles}. */
  static Path jar(Path jar, Bundle... bundles) {
    return write(jar, entries(bundles));
  }

  /** An exploded classes folder holding {@code bundles}. */
  static Path folder(Path classes, Bundle... bundles) {
    entries(bundles).forEach((name, bytes) -> {
      try {
        Path file = classes.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return classes;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
