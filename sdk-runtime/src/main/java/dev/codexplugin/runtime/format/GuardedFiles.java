package dev.codexplugin.runtime.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The one guarded way to open a file of a bundle, used by every reader of a folder (plugin folder, classes
 * folder and its index, marketplace root and its entries, class-path folder, the doctor's class-file scan, the
 * package manager's files). A path inside a root is resolved one component at a time, without ever following a
 * link that leaves the root: a symbolic link on the way (not only the last component) is read and its target
 * resolved again inside the root; {@code ..} never climbs above the root; a loop is refused after
 * {@value #MAX_LINKS} links. The file found must be a regular file: a FIFO, a device or a socket is refused
 * without being opened (opening a FIFO for reading blocks until a writer comes). Sizes are checked before
 * reading, and the stream returned stops at the cap in case the file grows.
 */
public final class GuardedFiles {
  /** The most symbolic links followed while resolving one path, as a kernel would before {@code ELOOP}. */
  public static final int MAX_LINKS = 40;

  private GuardedFiles() {}

  /** Why a file was not opened. */
  public enum Refusal {
    /** Nothing at the path. */
    MISSING("nothing"),
    /** A link, or {@code ..}, that leads out of the root. */
    OUTSIDE("a path that leads outside the folder (through a symbolic link or ..)"),
    /** Links that never end. */
    LOOP("a loop of symbolic links"),
    /** A FIFO, a device or a socket. */
    SPECIAL("a named pipe, device or socket, which is never opened"),
    /** A folder where a file was expected, or a file where a folder was. */
    WRONG_KIND("a folder where a file belongs, or a file where a folder belongs"),
    /** Larger than the cap. */
    TOO_LARGE("a file larger than the limit");

    private final String found;

    Refusal(String found) {
      this.found = found;
    }

    /** What was found, for a finding's "found" part: fixed words, never the path's content. */
    public String found() {
      return found;
    }
  }

  /** A file that is not opened, and why. The message names the path, never its content. */
  public static final class RefusedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final Refusal refusal;

    RefusedException(Refusal refusal, String path) {
      super(path + ": " + refusal.found());
      this.refusal = refusal;
    }

    /** Why the file was refused. */
    public Refusal refusal() {
      return refusal;
    }
  }

  /**
   * The real path of the regular file {@code relative} inside {@code realRoot}.
   *
   * @param realRoot a folder with links already resolved ({@link Path#toRealPath})
   * @param relative a {@code /}-separated path
   * @throws RefusedException when it leaves the root, loops, is missing, is not a regular file, or is larger
   *     than {@code maxBytes}
   */
  public static Path file(Path realRoot, String relative, long maxBytes) throws IOException {
    Path file = resolve(realRoot, relative);
    BasicFileAttributes attrs = attributes(file, relative);
    check(attrs, relative, false);
    if (attrs.size() > maxBytes) {
      throw new RefusedException(Refusal.TOO_LARGE, relative);
    }
    return file;
  }

  /** The real path of the folder {@code relative} inside {@code realRoot}, resolved as {@link #file} does. */
  public static Path folder(Path realRoot, String relative) throws IOException {
    Path folder = resolve(realRoot, relative);
    check(attributes(folder, relative), relative, true);
    return folder;
  }

  /** Opens {@code relative} inside {@code realRoot} ({@link #file}); the stream ends after {@code maxBytes}+1. */
  public static InputStream open(Path realRoot, String relative, long maxBytes) throws IOException {
    Path file = file(realRoot, relative, maxBytes);
    return capped(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), maxBytes);
  }

  /** The bytes of {@code relative} inside {@code realRoot} ({@link #file}). */
  public static byte[] read(Path realRoot, String relative, int maxBytes) throws IOException {
    try (InputStream in = open(realRoot, relative, maxBytes)) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new RefusedException(Refusal.TOO_LARGE, relative);
      }
      return bytes;
    }
  }

  /**
   * Checks a file named directly (a path argument, a lock file, a jar of a folder of jars): links are followed,
   * as the user named it, but it must be a regular file no larger than {@code maxBytes}; a FIFO, device or
   * socket is refused without being opened.
   */
  public static Path regular(Path file, long maxBytes) throws IOException {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new RefusedException(Refusal.MISSING, file.toString());
    } catch (java.nio.file.FileSystemException e) {
      if (isLoop(e)) {
        throw new RefusedException(Refusal.LOOP, file.toString());
      }
      throw e;
    }
    check(attrs, file.toString(), false);
    if (attrs.size() > maxBytes) {
      throw new RefusedException(Refusal.TOO_LARGE, file.toString());
    }
    return file;
  }

  /** The bytes of a file named directly ({@link #regular}). */
  public static byte[] readRegular(Path file, int maxBytes) throws IOException {
    regular(file, maxBytes);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new RefusedException(Refusal.TOO_LARGE, file.toString());
      }
      return bytes;
    }
  }

  /** Whether {@code path} is a FIFO, device or socket, without following a last link. */
  public static boolean isSpecial(Path path) {
    try {
      BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return attrs.isOther();
    } catch (IOException e) {
      return false;
    }
  }

  private static void check(BasicFileAttributes attrs, String path, boolean folder) throws RefusedException {
    if (attrs.isOther()) {
      throw new RefusedException(Refusal.SPECIAL, path);
    }
    if (folder ? !attrs.isDirectory() : !attrs.isRegularFile()) {
      throw new RefusedException(Refusal.WRONG_KIND, path);
    }
  }

  private static BasicFileAttributes attributes(Path real, String relative) throws IOException {
    try {
      return Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new RefusedException(Refusal.MISSING, relative);
    }
  }

  /**
   * Resolves {@code relative} inside {@code realRoot} one component at a time; every link met is replaced by
   * its target, which must stay inside the root.
   */
  static Path resolve(Path realRoot, String relative) throws IOException {
    Deque<String> todo = new ArrayDeque<>(parts(relative.replace('\\', '/')));
    Path current = realRoot;
    int links = 0;
    while (!todo.isEmpty()) {
      String part = todo.pop();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (current.equals(realRoot)) {
          throw new RefusedException(Refusal.OUTSIDE, relative);
        }
        current = current.getParent();
        continue;
      }
      Path next = current.resolve(part);
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(next, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        throw new RefusedException(Refusal.MISSING, relative);
      }
      if (!attrs.isSymbolicLink()) {
        if (!todo.isEmpty() && !attrs.isDirectory()) {
          throw new RefusedException(attrs.isOther() ? Refusal.SPECIAL : Refusal.MISSING, relative);
        }
        current = next;
        continue;
      }
      if (++links > MAX_LINKS) {
        throw new RefusedException(Refusal.LOOP, relative);
      }
      Path target = Files.readSymbolicLink(next);
      List<String> replacement;
      if (target.isAbsolute()) {
        Path normal = target.normalize();
        if (!normal.startsWith(realRoot)) {
          throw new RefusedException(Refusal.OUTSIDE, relative);
        }
        replacement = parts(realRoot.relativize(normal).toString().replace('\\', '/'));
        current = realRoot;
      } else {
        replacement = parts(target.toString().replace('\\', '/'));
      }
      for (int i = replacement.size() - 1; i >= 0; i--) {
        todo.push(replacement.get(i));
      }
    }
    return current;
  }

  private static List<String> parts(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/", -1)) {
      parts.add(part);
    }
    return parts;
  }

  private static boolean isLoop(java.nio.file.FileSystemException e) {
    String reason = e.getReason();
    return reason != null && reason.toLowerCase(java.util.Locale.ROOT).contains("levels of symbolic links");
  }

  private static InputStream capped(InputStream in, long maxBytes) {
    return new InputStream() {
      private long left = maxBytes + 1;

      @Override
      public int read() throws IOException {
        if (left <= 0) {
          return -1;
        }
        int b = in.read();
        if (b >= 0) {
          left--;
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (left <= 0) {
          return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, left));
        if (n > 0) {
          left -= n;
        }
        return n;
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }
}
