package dev.codexplugin.packages;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What one {@code install} left behind, in two forms: the <b>content hash</b> of an installed tree (every file's
 * path, executable bit and SHA-256; {@link #contentSha256}), which {@code installed.json} records per tree and the
 * no-op check of {@link PackageManager#install()} compares, so that an installed plugin edited or pruned by hand is
 * installed again; and the <b>installed record</b> {@value #FILE}, a plain-text file that lets the CLI answer a
 * no-op {@code install} before it loads anything but {@code java.base} ({@link #upToDate}).
 *
 * <p>The record holds the SHA-256 of the declaration's and the lock's bytes, of {@code installed.json}, the
 * environment the hosts' folders depend on ({@code CODEX_HOME}, {@code CLAUDE_CONFIG_DIR}, {@code user.home}),
 * the line the full no-op prints, and per installed tree a <b>fingerprint</b>: the SHA-256 of its sorted file list
 * with each file's size, modification time (ms) and executable bit, and the SHA-256 of each file up to 64 KiB
 * (manifests, skills, configuration; not the jars of {@code lib/}). It is written only after an install with the
 * hosts whose trees were just hashed (or verified) in full, and deleted before any command changes anything.
 * Anything that does not match exactly (a missing or unreadable file, another format, a path with a line break)
 * means "not known to be up to date": the full command runs and decides. A change to a large file that keeps its size
 * and time to the millisecond is only caught by that full check ({@code status}, or any install after the record is
 * gone).
 *
 * <p>This class uses {@code java.base} only (no Jackson), so that the CLI's fast path stays cheap.
 */
public final class InstalledRecord {
  /** The record's file, in {@value PackageManager#MANAGED}/. */
  public static final String FILE = "installed.txt";
  private static final String MAGIC = "codexplugin installed record 1";
  /** The environment variables the installed folders depend on. */
  static final List<String> ENVIRONMENT = List.of("CODEX_HOME", "CLAUDE_CONFIG_DIR");

  /** Files up to this size are hashed by the fingerprint, larger ones (jars) only compared by size and time. */
  private static final long SMALL = 64 * 1024;

  private InstalledRecord() {}

  // ------------------------------------------------------------------------------------------ the fast check

  /**
   * The line a no-op {@code install} of {@code project} prints, when the record says that nothing changed since
   * the last install: the declaration, the lock and {@code installed.json} hold the recorded bytes, the
   * environment is the recorded one, and every installed tree has the recorded fingerprint. Empty on any
   * difference or doubt (including any error): then run the full command.
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
      File managed = new File(dir, PackageManager.MANAGED);
      byte[] bytes = read(new File(managed, FILE), 1 << 20);
      if (bytes == null) {
        return Optional.empty();
      }
      String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
      if (lines.length < 8 || !lines[0].equals(MAGIC) || !lines[lines.length - 1].isEmpty()
          || !lines[lines.length - 2].equals("end")) {
        return Optional.empty();
      }
      int i = 1;
      if (!lines[i++].equals("declaration " + sha256(new File(dir, Declaration.FILE)))
          || !lines[i++].equals("lock " + sha256(new File(dir, Lock.FILE)))
          || !lines[i++].equals("state " + sha256(new File(managed, PackageManager.STATE_FILE)))) {
        return Optional.empty();
      }
      for (String name : ENVIRONMENT) {
        if (!lines[i++].equals("env " + name + "=" + environment.getOrDefault(name, ""))) {
          return Optional.empty();
        }
      }
      if (!lines[i++].equals("home " + userHome)) {
        return Optional.empty();
      }
      String message = lines[i++];
      if (!message.startsWith("message ")) {
        return Optional.empty();
      }
      int trees = 0;
      for (; i < lines.length - 2; i++) {
        String line = lines[i];
        if (!line.startsWith("tree ") || line.length() < 5 + 64 + 2) {
          return Optional.empty();
        }
        String fingerprint = line.substring(5, 5 + 64);
        File tree = new File(line.substring(5 + 64 + 1));
        if (!tree.isAbsolute() || !fingerprint.equals(fingerprint(tree))) {
          return Optional.empty();
        }
        trees++;
      }
      return trees == 0 ? Optional.empty() : Optional.of(message.substring("message ".length()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The record's text for the current files, or empty when it cannot be written faithfully (a path with a line
   * break, a missing file).
   */
  static Optional<String> render(Path project, Map<String, String> environment, String userHome, String message,
      List<Path> trees) throws IOException {
    File dir = project.toFile();
    File managed = new File(dir, PackageManager.MANAGED);
    String declaration = sha256(new File(dir, Declaration.FILE));
    String lock = sha256(new File(dir, Lock.FILE));
    String state = sha256(new File(managed, PackageManager.STATE_FILE));
    if (declaration == null || lock == null || state == null || trees.isEmpty() || breaks(message)
        || breaks(userHome)) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder(MAGIC).append('\n')
        .append("declaration ").append(declaration).append('\n')
        .append("lock ").append(lock).append('\n')
        .append("state ").append(state).append('\n');
    for (String name : ENVIRONMENT) {
      String value = environment.getOrDefault(name, "");
      if (breaks(value)) {
        return Optional.empty();
      }
      text.append("env ").append(name).append('=').append(value).append('\n');
    }
    text.append("home ").append(userHome).append('\n').append("message ").append(message).append('\n');
    for (Path tree : trees) {
      String path = tree.toAbsolutePath().normalize().toString();
      String fingerprint = fingerprint(new File(path));
      if (fingerprint == null || breaks(path)) {
        return Optional.empty();
      }
      text.append("tree ").append(fingerprint).append(' ').append(path).append('\n');
    }
    return Optional.of(text.append("end\n").toString());
  }

  private static boolean breaks(String s) {
    return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
  }

  /**
   * The fingerprint of a tree: SHA-256 of every entry's relative path (sorted), kind, and for a file its size,
   * modification time in milliseconds and executable bit (and its SHA-256 up to 64 KiB). {@code null} when {@code tree} is not a folder.
   */
  static String fingerprint(File tree) {
    if (!tree.isDirectory()) {
      return null;
    }
    MessageDigest md = digest();
    StringBuilder line = new StringBuilder(128);
    walk(tree, "", md, line);
    return HexFormat.of().formatHex(md.digest());
  }

  private static void walk(File dir, String prefix, MessageDigest md, StringBuilder line) {
    String[] names = dir.list();
    if (names == null) {
      md.update((byte) '!');
      return;
    }
    Arrays.sort(names);
    for (String name : names) {
      File f = new File(dir, name);
      String rel = prefix + name;
      line.setLength(0);
      if (f.isDirectory()) {
        line.append("d ").append(rel).append('\n');
        md.update(line.toString().getBytes(StandardCharsets.UTF_8));
        walk(f, rel + "/", md, line);
      } else {
        long length = f.length();
        line.append("f ").append(rel).append(' ').append(length).append(' ').append(f.lastModified())
            .append(f.canExecute() ? " x" : " -");
        if (length <= SMALL) {
          // Small files (manifests, skills, configuration) are hashed too: an edit that keeps size and time shows.
          try {
            line.append(' ').append(sha256(f));
          } catch (IOException e) {
            line.append(" !");
          }
        }
        md.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  // ------------------------------------------------------------------------------------------ content hashes

  /**
   * The content hash of an installed tree: SHA-256 over its entries in path order, each its relative path, kind
   * and, for a regular file, its executable bit and SHA-256, for a symbolic link its target. Empty when
   * {@code tree} is not a folder.
   */
  static Optional<String> contentSha256(Path tree) throws IOException {
    if (!Files.isDirectory(tree, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    MessageDigest md = digest();
    List<Path> entries;
    try (Stream<Path> walk = Files.walk(tree)) {
      entries = new ArrayList<>(walk.filter(p -> !p.equals(tree)).toList());
    }
    List<String[]> sorted = new ArrayList<>();
    for (Path p : entries) {
      sorted.add(new String[] {tree.relativize(p).toString().replace(File.separatorChar, '/'), p.toString()});
    }
    sorted.sort((a, b) -> a[0].compareTo(b[0]));
    for (String[] e : sorted) {
      Path p = Path.of(e[1]);
      String line;
      if (Files.isSymbolicLink(p)) {
        line = "l " + e[0] + " " + Files.readSymbolicLink(p);
      } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        line = "d " + e[0];
      } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        line = "f " + e[0] + " " + (Files.isExecutable(p) ? "x " : "- ") + Hashes.sha256(p);
      } else {
        line = "o " + e[0];
      }
      md.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return Optional.of(HexFormat.of().formatHex(md.digest()));
  }

  // ------------------------------------------------------------------------------------------ helpers

  /** SHA-256 of a file's bytes, {@code null} when it is missing or not a plain file. */
  private static String sha256(File file) throws IOException {
    if (!file.isFile()) {
      return null;
    }
    MessageDigest md = digest();
    try (InputStream in = new java.io.FileInputStream(file)) {
      byte[] buffer = new byte[16 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        md.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static byte[] read(File file, int max) throws IOException {
    if (!file.isFile() || file.length() > max) {
      return null;
    }
    try (InputStream in = new java.io.FileInputStream(file)) {
      return in.readNBytes(max);
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
