package dev.codexplugin.runtime.internal;

import dev.codexplugin.runtime.format.FormatFiles;
import dev.codexplugin.runtime.format.BundleIndex;
import dev.codexplugin.runtime.format.Rules;

import dev.codexplugin.runtime.PluginBundle;
import java.io.IOException;
import dev.codexplugin.runtime.format.GuardedFiles;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Java version a bundle's Java code needs, read from the class files that its {@code java} server runs: the
 * jars of {@code lib/} in a plugin folder (as exported or installed), or else the jar (or classes folder) the
 * bundle was loaded from. Class files under {@code META-INF/versions/} (multi-release) are not counted.
 */
public final class ClassVersions {
  /** Class-file major version 45 is Java 1.1; from Java 5 on, the major version is the Java version + 44. */
  private static final int OFFSET = 44;

  /** What the class files need: the highest class-file major version, and where it was found. */
  public record Needed(int classVersion, String where) {
    /** The Java feature version, e.g. 17 for class files of version 61. */
    public int javaVersion() {
      return classVersion - OFFSET;
    }
  }

  private ClassVersions() {}

  /** What the bundle's Java code needs, or empty when it has none the doctor can find. */
  public static Optional<Needed> needed(PluginBundle bundle) {
    boolean java = bundle.mcpServers().stream().anyMatch(s -> s.command().equals("java")
        || s.command().endsWith("/java"));
    if (!java) {
      return Optional.empty();
    }
    String location = bundle.location();
    try {
      int bang = location.indexOf("!/");
      if (bang > 0) {
        return jar(Path.of(location.substring(0, bang)));
      }
      Path folder = Path.of(location);
      if (!Files.isDirectory(folder)) {
        return Optional.empty();
      }
      Optional<Needed> best = Optional.empty();
      for (String file : bundle.files()) {
        if (file.startsWith("lib/") && file.endsWith(".jar")) {
          best = max(best, libJar(folder, file));
        }
      }
      if (best.isEmpty() && bundle.files().contains(FormatFiles.TOOLS_FILE)) {
        int meta = location.replace('\\', '/').indexOf("/" + BundleIndex.ROOT);
        if (meta > 0) {
          best = classes(Path.of(location.substring(0, meta)));
        }
      }
      return best;
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Needed> max(Optional<Needed> a, Optional<Needed> b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isPresent() && b.get().classVersion() > a.get().classVersion() ? b : a;
  }

  /** A jar of {@code lib/}, resolved inside the plugin folder through the guard: never a FIFO, never outside. */
  private static Optional<Needed> libJar(Path folder, String file) {
    try {
      GuardedFiles.file(folder.toRealPath(), file, Long.MAX_VALUE);
    } catch (IOException e) {
      return Optional.empty();
    }
    return jar(folder.resolve(file));
  }

  private static Optional<Needed> jar(Path jar) {
    int best = 0;
    try (ZipFile zip = new ZipFile(GuardedFiles.regular(jar, Long.MAX_VALUE).toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
          try (InputStream in = zip.getInputStream(e)) {
            best = Math.max(best, major(in.readNBytes(8)));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return best == 0 ? Optional.empty() : Optional.of(new Needed(best, jar.toString()));
  }

  private static Optional<Needed> classes(Path folder) {
    int best = 0;
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(folder, 64)) {
      walk.filter(p -> p.toString().endsWith(".class") && !folder.relativize(p).toString().startsWith("META-INF"))
          .forEach(files::add);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    Path real;
    try {
      real = folder.toRealPath();
    } catch (IOException e) {
      return Optional.empty();
    }
    for (Path file : files) {
      try (InputStream in = GuardedFiles.open(real, folder.relativize(file).toString(), Long.MAX_VALUE - 1)) {
        best = Math.max(best, major(in.readNBytes(8)));
      } catch (IOException e) {
        // unreadable: not counted
      }
    }
    return best == 0 ? Optional.empty() : Optional.of(new Needed(best, folder.toString()));
  }

  /** The major version of a class file's header, or 0 when it is not one. */
  static int major(byte[] header) {
    if (header.length < 8 || (header[0] & 0xFF) != 0xCA || (header[1] & 0xFF) != 0xFE || (header[2] & 0xFF) != 0xBA
        || (header[3] & 0xFF) != 0xBE) {
      return 0;
    }
    return ((header[6] & 0xFF) << 8) | (header[7] & 0xFF);
  }
}
