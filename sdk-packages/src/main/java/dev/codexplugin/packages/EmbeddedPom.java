package dev.codexplugin.packages;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The pom a jar built by Maven carries: {@code META-INF/maven/<groupId>/<artifactId>/pom.xml}, with the
 * coordinates of {@code pom.properties} next to it. A shaded jar carries the poms of what it shades too: then
 * the jar's own is the one whose {@code <artifactId>-<version>} starts the file name.
 *
 * @param groupId the jar's group id
 * @param artifactId its artifact id
 * @param version its version
 * @param entry the pom's entry in the jar
 * @param pom the pom's bytes
 */
record EmbeddedPom(String groupId, String artifactId, String version, String entry, byte[] pom) {
  private static final Pattern PROPERTIES = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");
  /** Far more than any real pom; a bigger entry is not read. */
  private static final long MAX_SIZE = 4L << 20;

  /** {@code groupId:artifactId:version}. */
  String gav() {
    return groupId + ":" + artifactId + ":" + version;
  }

  /**
   * The jar's own pom.
   *
   * @throws PackageException naming the jar and the fix when it has none, or several and none matches its name
   */
  static EmbeddedPom of(Path jar) throws PackageException {
    List<EmbeddedPom> found = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Matcher m = PROPERTIES.matcher(entry.getName());
        if (!m.matches()) {
          continue;
        }
        Properties properties = new Properties();
        properties.load(new StringReader(new String(read(zip, entry), StandardCharsets.ISO_8859_1)));
        String pomEntry = "META-INF/maven/" + m.group(1) + "/" + m.group(2) + "/pom.xml";
        ZipEntry pom = zip.getEntry(pomEntry);
        String g = properties.getProperty("groupId", "").strip();
        String a = properties.getProperty("artifactId", "").strip();
        String v = properties.getProperty("version", "").strip();
        if (pom == null || g.isEmpty() || a.isEmpty() || v.isEmpty()) {
          continue;
        }
        found.add(new EmbeddedPom(g, a, v, pomEntry, read(zip, pom)));
      }
    } catch (IOException e) {
      throw new PackageException(jar + ": cannot be read as a jar (" + e.getMessage() + ")", e);
    }
    if (found.isEmpty()) {
      throw new PackageException(jar + ": carries no Maven pom (META-INF/maven/<groupId>/<artifactId>/pom.xml with"
          + " pom.properties), so its runtime dependencies are unknown");
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    String name = jar.getFileName().toString();
    List<EmbeddedPom> own = found.stream()
        .filter(p -> name.equals(p.artifactId() + "-" + p.version() + ".jar")
            || name.startsWith(p.artifactId() + "-" + p.version() + "-"))
        .toList();
    if (own.size() == 1) {
      return own.get(0);
    }
    throw new PackageException(jar + ": carries " + found.size() + " Maven poms ("
        + String.join(", ", found.stream().map(EmbeddedPom::gav).toList()) + ") and none is named by the file name"
        + " <artifactId>-<version>.jar, so its own runtime dependencies are unknown");
  }

  private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
    if (entry.getSize() > MAX_SIZE) {
      throw new IOException(entry.getName() + " is larger than " + MAX_SIZE + " bytes");
    }
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] bytes = in.readNBytes((int) MAX_SIZE + 1);
      if (bytes.length > MAX_SIZE) {
        throw new IOException(entry.getName() + " is larger than " + MAX_SIZE + " bytes");
      }
      return bytes;
    }
  }
}
