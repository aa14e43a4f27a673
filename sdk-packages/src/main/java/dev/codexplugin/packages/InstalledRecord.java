package dev.codexplugin.packages;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The installed record {@value #FILE}: what lets the CLI answer a no-op {@code install} before it loads anything
 * but a few classes of {@code java.base} ({@link #upToDate}; no Jackson, no Maven Resolver, not even
 * {@code MessageDigest}, whose providers cost more than the rest of the check).
 *
 * <p>The record holds exact copies of the declaration's, the lock's and {@code installed.json}'s bytes (compared
 * byte for byte), the environment the hosts' folders depend on ({@code CODEX_HOME}, {@code CLAUDE_CONFIG_DIR},
 * {@code user.home}), the line the full no-op prints, and per installed tree its <b>listing</b>: every entry's
 * relative path in order, and for a file its size, modification time (ms), executable bit and, up to 64 KiB
 * (manifests, skills, configuration; not the jars of {@code lib/}), the CRC-32 of its bytes. It is written only
 * after an install with the hosts whose trees were just hashed (or verified) in full with SHA-256
 * ({@link Hashes#tree}, recorded in {@code installed.json}), and deleted before any command changes anything.
 * Anything that does not match exactly (a missing or unreadable file, another format, a path with a line break)
 * means "not known to be up to date": the full command runs and decides. A change to a large file that keeps its
 * size and time to the millisecond is only caught by that full check ({@code status}, or
 * {@code CODEXPLUGIN_FULL_CHECK=1 codexplugin install}).
 *
 * <p>The format, UTF-8, {@code \n}: the line {@value #MAGIC}; {@code env CODEX_HOME=<value>} (or
 * {@code env CODEX_HOME} when it is not set), the same for {@code CLAUDE_CONFIG_DIR}; {@code home <user.home>},
 * {@code message <line>}; per copied file {@code file <name> <bytes>}, a line break, the bytes and a line break;
 * per tree {@code tree <lines> <path>} and that many listing lines; {@code end}.
 */
public final class InstalledRecord {
  /** The record's file, in {@value PackageManager#MANAGED}/. */
  public static final String FILE = "installed.txt";
  private static final String MAGIC = "codexplugin installed record 2";
  /** The environment variables the installed folders depend on. */
  static final List<String> ENVIRONMENT = List.of("CODEX_HOME", "CLAUDE_CONFIG_DIR");
  /** Files up to this size get a CRC-32 in the listing, larger ones (jars) only size and time. */
  private static final long SMALL = 64 * 1024;
  /** Larger records are not ours. */
  private static final int MAX_RECORD = 16 << 20;

  private InstalledRecord() {}

  /** The files whose exact bytes the record copies, relative to the project folder. */
  private static String[] copied() {
    return new String[] {Declaration.FILE, Lock.FILE, PackageManager.MANAGED + "/" + PackageManager.STATE_FILE};
  }

  // ------------------------------------------------------------------------------------------ the fast check

  /**
   * The line a no-op {@code install} of {@code project} prints, when the record says that nothing changed since
   * the last install: the declaration, the lock and {@code installed.json} hold the recorded bytes, the
   * environment is the recorded one, and every installed tree has the recorded listing. Empty on any difference
   * or doubt (including any error): then run the full command.
   *
   * @param project the project folder (of {@code codexplugin.json})
   * @param environment the environment the command runs with ({@code CODEX_HOME}, {@code CLAUDE_CONFIG_DIR})
   * @param userHome the user's home folder (the {@code user.home} the command runs with)
   */
  public static Optional<String> upToDate(Path project, Map<String, String> environment, String userHome) {
    return upToDate(project.toFile(), environment, userHome);
  }

  /** {@link #upToDate(Path, Map, String)} with a {@link File}, for a caller that has not loaded NIO's paths. */
  public static Optional<String> upToDate(File project, Map<String, String> environment, String userHome) {
    try {
      File dir = project.getAbsoluteFile();
      byte[] bytes = read(new File(new File(dir, PackageManager.MANAGED), FILE), MAX_RECORD);
      if (bytes == null) {
        return Optional.empty();
      }
      Cursor in = new Cursor(bytes);
      if (!MAGIC.equals(in.line())) {
        return Optional.empty();
      }
      for (String name : ENVIRONMENT) {
        String value = environment.get(name);
        // unset and empty differ: CODEX_HOME= names the current folder, no CODEX_HOME ~/.codex
        if (!(value == null ? join("env ", name, "", "") : join("env ", name, "=", value)).equals(in.line())) {
          return Optional.empty();
        }
      }
      if (!join("home ", userHome, "", "").equals(in.line())) {
        return Optional.empty();
      }
      String message = in.line();
      if (message == null || !message.startsWith("message ")) {
        return Optional.empty();
      }
      for (String name : copied()) {
        String header = in.line();
        String prefix = join("file ", name, " ", "");
        if (header == null || !header.startsWith(prefix)) {
          return Optional.empty();
        }
        int length = Integer.parseInt(header.substring(prefix.length()));
        byte[] now = read(new File(dir, name), MAX_RECORD);
        if (now == null || now.length != length || !in.matches(now) || !"".equals(in.line())) {
          return Optional.empty();
        }
      }
      int trees = 0;
      StringBuilder listing = new StringBuilder(4096);
      for (String line = in.line(); !"end".equals(line); line = in.line()) {
        if (line == null || !line.startsWith("tree ")) {
          return Optional.empty();
        }
        int space = line.indexOf(' ', 5);
        int count = Integer.parseInt(line.substring(5, space));
        File tree = new File(line.substring(space + 1));
        listing.setLength(0);
        if (!tree.isAbsolute() || !listing(tree, listing)) {
          return Optional.empty();
        }
        int lines = 0;
        int start = 0;
        for (int nl; (nl = listing.indexOf("\n", start)) >= 0; start = nl + 1) {
          if (!listing.substring(start, nl).equals(in.line())) {
            return Optional.empty();
          }
          lines++;
        }
        if (lines != count) {
          return Optional.empty();
        }
        trees++;
      }
      return trees == 0 || in.line() != null ? Optional.empty()
          : Optional.of(message.substring("message ".length()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The record's text for the current files, or empty when it cannot be written faithfully (a path or value with
   * a line break, a missing file).
   */
  static Optional<byte[]> render(Path project, Map<String, String> environment, String userHome, String message,
      List<Path> trees) throws IOException {
    File dir = project.toFile();
    if (trees.isEmpty() || breaks(message) || breaks(userHome)) {
      return Optional.empty();
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    StringBuilder text = new StringBuilder(MAGIC).append('\n');
    for (String name : ENVIRONMENT) {
      String value = environment.get(name);
      if (value != null && breaks(value)) {
        return Optional.empty();
      }
      text.append("env ").append(name);
      if (value != null) {
        text.append('=').append(value);
      }
      text.append('\n');
    }
    text.append("home ").append(userHome).append('\n').append("message ").append(message).append('\n');
    for (String name : copied()) {
      byte[] bytes = read(new File(dir, name), MAX_RECORD);
      if (bytes == null) {
        return Optional.empty();
      }
      text.append("file ").append(name).append(' ').append(bytes.length).append('\n');
      out.write(text.toString().getBytes(StandardCharsets.UTF_8));
      out.write(bytes);
      text.setLength(0);
      text.append('\n');
    }
    for (Path tree : trees) {
      String path = tree.toAbsolutePath().normalize().toString();
      StringBuilder listing = new StringBuilder();
      if (breaks(path) || !listing(new File(path), listing)) {
        return Optional.empty();
      }
      long lines = listing.chars().filter(c -> c == '\n').count();
      text.append("tree ").append(lines).append(' ').append(path).append('\n').append(listing);
    }
    text.append("end\n");
    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    return Optional.of(out.toByteArray());
  }

  /**
   * {@code a + b + c + d} without the {@code invokedynamic} string concatenation javac compiles {@code +} to, whose
   * bootstrap costs the fast path more than its work.
   */
  private static String join(String a, String b, String c, String d) {
    return new StringBuilder(a.length() + b.length() + c.length() + d.length()).append(a).append(b).append(c)
        .append(d).toString();
  }

  private static boolean breaks(String s) {
    return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
  }

  /**
   * Appends the listing of a tree: one line per entry in path order ({@code d <path>}, or {@code f <path> <size>
   * <mtime ms> x|-} and, up to 64 KiB, the CRC-32 of the bytes); false when {@code tree} is not a folder or a
   * name holds a line break.
   */
  static boolean listing(File tree, StringBuilder out) throws IOException {
    return tree.isDirectory() && walk(tree, tree.getCanonicalPath(), "", out, new byte[(int) SMALL]);
  }

  /**
   * Lists {@code dir}, whose path with every link resolved is {@code real}. An entry whose resolved path is not
   * {@code real/<name>} is a symbolic link, and one that is neither a folder nor a file is a FIFO, a device or a
   * socket: the walk stops there (false: the full check decides, which reads links as links and never opens a
   * special file), so it never reads outside the tree and never blocks on a FIFO.
   */
  private static boolean walk(File dir, String real, String prefix, StringBuilder out, byte[] buffer)
      throws IOException {
    String[] names = dir.list();
    if (names == null) {
      return false;
    }
    Arrays.sort(names);
    for (String name : names) {
      if (breaks(name)) {
        return false;
      }
      File f = new File(dir, name);
      String rel = join(prefix, name, "", "");
      String resolved = join(real, "/", name, "");
      if (!f.getCanonicalPath().equals(resolved)) {
        return false;
      }
      if (f.isDirectory()) {
        out.append("d ").append(rel).append('\n');
        if (!walk(f, resolved, join(rel, "/", "", ""), out, buffer)) {
          return false;
        }
      } else if (!f.isFile()) {
        return false;
      } else {
        long length = f.length();
        out.append("f ").append(rel).append(' ').append(length).append(' ').append(f.lastModified())
            .append(f.canExecute() ? " x" : " -");
        if (length <= SMALL) {
          // Small files (manifests, skills, configuration) are checked by content too: an edit that keeps the
          // size and the time shows.
          CRC32 crc = new CRC32();
          try (InputStream in = new FileInputStream(f)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
              crc.update(buffer, 0, n);
            }
          }
          out.append(' ').append(Long.toHexString(crc.getValue()));
        }
        out.append('\n');
      }
    }
    return true;
  }

  // ------------------------------------------------------------------------------------------ helpers

  /** A file's bytes, {@code null} when it is missing, not a plain file or larger than {@code max}. */
  private static byte[] read(File file, int max) throws IOException {
    if (!file.isFile() || file.length() > max) {
      return null;
    }
    try (InputStream in = new FileInputStream(file)) {
      return in.readNBytes(max);
    }
  }

  /** Reads the record: lines, and runs of bytes. */
  private static final class Cursor {
    private final byte[] bytes;
    private int at;

    Cursor(byte[] bytes) {
      this.bytes = bytes;
    }

    /** The next line without its {@code \n}; {@code null} at the end. */
    String line() {
      if (at >= bytes.length) {
        return null;
      }
      int start = at;
      while (at < bytes.length && bytes[at] != '\n') {
        at++;
      }
      String line = new String(bytes, start, at - start, StandardCharsets.UTF_8);
      at++;
      return line;
    }

    /** Whether the next bytes are {@code expected}; moves past them. */
    boolean matches(byte[] expected) {
      if (bytes.length - at < expected.length
          || !Arrays.equals(bytes, at, at + expected.length, expected, 0, expected.length)) {
        return false;
      }
      at += expected.length;
      return true;
    }
  }
}
