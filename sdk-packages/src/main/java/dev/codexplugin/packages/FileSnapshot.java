package dev.codexplugin.packages;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * A copy of some files and folders taken before a host's command changes them, put back when the command
 * (or a later step) fails: the undo of host changes. Paths that did not exist are deleted on restore.
 */
final class FileSnapshot {
  private record Entry(Path original, Path copy) {}

  private final Path store;
  private final List<Entry> entries = new ArrayList<>();

  private FileSnapshot(Path store) {
    this.store = store;
  }

  static FileSnapshot take(Path store, List<Path> paths) throws IOException {
    Files.createDirectories(store);
    FileSnapshot s = new FileSnapshot(store);
    int i = 0;
    for (Path p : paths) {
      Path copy = null;
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        copy = store.resolve(Integer.toString(i++));
        copyTree(p, copy);
      }
      s.entries.add(new Entry(p, copy));
    }
    return s;
  }

  /** Puts every path back as it was. */
  void restore() throws IOException {
    IOException first = null;
    for (Entry e : entries) {
      try {
        deleteTree(e.original());
        if (e.copy() != null) {
          Files.createDirectories(e.original().getParent());
          copyTree(e.copy(), e.original());
        }
      } catch (IOException x) {
        if (first == null) {
          first = x;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  void discard() throws IOException {
    deleteTree(store);
  }

  /**
   * Copies a tree, links as links. A FIFO, device or socket is left out: copying one opens it, and opening a
   * FIFO blocks until a writer comes (none belongs in a plugin's folder, and the undo does not bring it back).
   */
  static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (attrs.isOther()) {
          return FileVisitResult.CONTINUE;
        }
        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
            StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /**
   * Deletes {@code path} and everything below it. Another thread may delete or add entries meanwhile (the undo
   * hook of a Ctrl-C runs beside the interrupted command): a vanished entry is no error, and the walk is repeated
   * until nothing is left (three times at most).
   */
  static void deleteTree(Path path) throws IOException {
    for (int attempt = 0; attempt < 3 && Files.exists(path, LinkOption.NOFOLLOW_LINKS); attempt++) {
      try {
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
            if (exc instanceof java.nio.file.NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw exc;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            if (exc != null && !(exc instanceof java.nio.file.NoSuchFileException)) {
              throw exc;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
      } catch (java.nio.file.NoSuchFileException | java.nio.file.DirectoryNotEmptyException e) {
        // an entry vanished or appeared under the walk: walk again
      }
    }
    if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new java.nio.file.DirectoryNotEmptyException(path.toString());
    }
  }
}
