package dev.codexplugin.runtime.internal;

import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.format.BundlePaths;
import dev.codexplugin.runtime.format.Report;
import dev.codexplugin.runtime.format.Text;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writing the export safely: every path is checked to stay inside the folder being written, folders are
 * swapped into place by renaming, and deleting never follows a symbolic link.
 */
final class OutputFolder {
  private OutputFolder() {}

  /** A relative path that would leave the output folder. */
  static final class UnsafeEntryException extends IOException {
    private static final long serialVersionUID = 1L;

    UnsafeEntryException(String message) {
      super(message);
    }
  }

  /**
   * The file {@code relative} inside {@code root}, after checking that it is a plain relative path (no
   * {@code ..}, no absolute part, no empty segment) that resolves inside {@code root}.
   */
  static Path resolveInside(Path root, String relative) throws UnsafeEntryException {
    if (!BundlePaths.isSafeEntry(relative)) {
      throw new UnsafeEntryException("the path " + Text.quote(relative) + " would leave the output folder "
          + root + "; only plain relative paths are written");
    }
    Path target = root.resolve(relative).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw new UnsafeEntryException("the path " + Text.quote(relative) + " resolves to " + target
          + ", outside the output folder " + root);
    }
    return target;
  }

  /** The new folder is in place, but the old copy renamed aside could not be deleted. */
  static final class OldCopyLeftException extends IOException {
    private static final long serialVersionUID = 1L;

    OldCopyLeftException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A bundle file that could not be copied out of its source: the findings say why. */
  static final class UnreadableFileException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient List<Finding> findings;

    UnreadableFileException(String path, List<Finding> findings) {
      super("cannot copy " + path);
      this.findings = List.copyOf(findings);
    }

    List<Finding> findings() {
      return findings;
    }
  }

  /**
   * Writes one file: regular files get mode {@code 0644}, executable bundle files {@code 0755}, whatever the
   * umask, so that the folder and its zip are the same on every machine.
   */
  static void write(Path root, String relative, ExportEngine.Content content) throws IOException {
    Path target = resolveInside(root, relative);
    Path parent = target.getParent();
    Files.createDirectories(parent);
    // A folder created by an earlier write could only be a link if something raced us: refuse to follow it.
    if (!parent.toRealPath().startsWith(root.toRealPath())) {
      throw new UnsafeEntryException("the folder of " + Text.quote(relative) + " resolves outside " + root);
    }
    boolean executable = false;
    if (content instanceof ExportEngine.Content.Bytes bytes) {
      Files.write(target, bytes.bytes(), StandardOpenOption.CREATE_NEW);
    } else if (content instanceof ExportEngine.Content.Copy copy) {
      Files.copy(copy.file(), target);
    } else if (content instanceof ExportEngine.Content.FromBundle file) {
      Report report = new Report(FindingCode.Context.EXPORT, file.source().location());
      if (!file.source().copyTo(file.path(), target, ExportEngine.MAX_COPY_BYTES,
          report.reading(FindingCode.HostImpact.DROPS_PART))) {
        throw new UnreadableFileException(file.path(), report.errors());
      }
      executable = file.executable();
    }
    setMode(target, executable);
  }

  /** {@code rw-r--r--}, or {@code rwxr-xr-x} for an executable file; nothing on a file system without modes. */
  static void setMode(Path file, boolean executable) throws IOException {
    PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class,
        LinkOption.NOFOLLOW_LINKS);
    if (posix != null) {
      posix.setPermissions(PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    }
  }

  /** Gives a folder created with owner-only permissions the usual {@code rwxr-xr-x}. */
  static void makeReadable(Path folder) throws IOException {
    PosixFileAttributeView posix = Files.getFileAttributeView(folder, PosixFileAttributeView.class);
    if (posix != null) {
      posix.setPermissions(PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /**
   * The lock of one output (a folder or a zip): an exclusive {@link FileChannel#tryLock() file lock} on
   * {@code .<name>.lock} beside it, held while the output is checked, written and swapped into place. The lock file
   * itself stays (deleting it would let two exports lock two different files); it is empty.
   */
  static final class Lock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private Lock(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    static Path file(Path target) {
      return target.resolveSibling("." + target.getFileName() + ".lock");
    }

    /** The lock, or empty when another export (in this or another process) holds it. */
    static Optional<Lock> tryLock(Path target) throws IOException {
      Path file = file(target);
      if (Files.isSymbolicLink(file)) {
        throw new IOException("the lock file " + file + " is a symbolic link");
      }
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
      try {
        FileLock lock = channel.tryLock();
        if (lock == null) {
          channel.close();
          return Optional.empty();
        }
        return Optional.of(new Lock(channel, lock));
      } catch (OverlappingFileLockException e) {
        channel.close(); // held by another thread of this JVM
        return Optional.empty();
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    }

    @Override
    public void close() {
      try {
        lock.release();
      } catch (IOException ignored) {
        // closing the channel releases it too
      }
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing left to do
      }
    }
  }

  /**
   * Deletes what an earlier export of {@code target} that crashed may have left beside it: staged folders
   * ({@code .<name>.export-*}), old copies ({@code .<name>.old-*}) and temporary zips ({@code .<name>.*.tmp}).
   * Called with the lock held, so no export is writing them.
   */
  static void cleanLeftovers(Path target, boolean folder) throws IOException {
    String name = "." + target.getFileName() + ".";
    try (var siblings = Files.list(target.getParent())) {
      for (Path p : (Iterable<Path>) siblings::iterator) {
        String n = p.getFileName().toString();
        if (!n.startsWith(name)) {
          continue;
        }
        String rest = n.substring(name.length());
        if (folder ? rest.startsWith("export-") || rest.startsWith("old-") : rest.matches("[0-9]+\\.tmp")) {
          delete(p);
        }
      }
    }
  }

  /**
   * Moves the finished {@code temp} folder to {@code out}. An existing {@code out} is first renamed aside and
   * deleted only after the new folder is in place; if moving the new folder fails, the old one is renamed back.
   * Nothing is left beside {@code out}: on a failure {@code temp} is deleted, and an old copy that cannot be
   * deleted is an error that names it.
   */
  static void swap(Path temp, Path out) throws IOException {
    Path backup = null;
    if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      backup = out.resolveSibling("." + out.getFileName() + ".old-" + UUID.randomUUID());
      move(out, backup);
    }
    try {
      move(temp, out);
    } catch (IOException | RuntimeException e) {
      if (backup != null) {
        try {
          move(backup, out);
        } catch (IOException again) {
          e.addSuppressed(again);
        }
      }
      throw e;
    }
    if (backup != null) {
      try {
        delete(backup);
      } catch (IOException e) {
        throw new OldCopyLeftException("the new export is in place at " + out + ", but its old copy " + backup
            + " could not be deleted (" + e + "); delete it by hand", e);
      }
    }
  }

  /** Replaces {@code target} with the file {@code temp}. */
  static void replaceFile(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Deletes a folder tree; symbolic links are deleted, never followed. Errors are ignored. */
  static void deleteQuietly(Path root) {
    try {
      delete(root);
    } catch (IOException ignored) {
      // best effort: a leftover temporary folder is harmless
    }
  }

  static void delete(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
