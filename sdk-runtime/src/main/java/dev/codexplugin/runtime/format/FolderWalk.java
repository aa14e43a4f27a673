package dev.codexplugin.runtime.format;

import dev.codexplugin.runtime.FindingCode;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one walk of a folder of the format: a plugin folder the loader reads, or a resource folder the processor
 * packages (local skills, shipped files). What it keeps, and what it reports:
 *
 * <ul>
 *   <li>regular files, at most {@value Limits#MAX_FOLDER_DEPTH} folders deep and {@value Limits#MAX_FILES} in
 *       all ({@link FindingCode#TOO_LARGE} beyond);
 *   <li>a symbolic link to a file inside the folder, read as that file, with a warning (Codex drops symbolic
 *       links when it installs a plugin); a link to a folder inside is not followed; a link that leads out of the
 *       folder is {@link FindingCode#UNSAFE_PATH} and never read;
 *   <li>with {@link Hidden#SKIP}, no entry whose name starts with {@code .} (what the processor packages);
 *   <li>which files are executable, as the file system says (the owner's execute bit).
 * </ul>
 */
public final class FolderWalk {
  /** Whether entries whose name starts with {@code .} are walked. */
  public enum Hidden {
    /** Every entry: a plugin folder as it is. */
    INCLUDE,
    /** Leave them out, as the processor does for the resource folders it packages. */
    SKIP
  }

  /**
   * The files of a walked folder.
   *
   * @param realRoot the folder with links resolved
   * @param files each file by its relative, {@code /}-separated path, with the real file to read
   * @param executable the paths of {@code files} that are executable
   */
  public record Walked(Path realRoot, SortedMap<String, Path> files, Set<String> executable) {
    public Walked {
      files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
      executable = Set.copyOf(executable);
    }
  }

  private FolderWalk() {}

  /** Walks {@code root}; problems go to {@code report}, named by their path relative to {@code root}. */
  public static Walked walk(Path root, Hidden hidden, Report report) throws IOException {
    Path realRoot = root.toRealPath();
    SortedMap<String, Path> files = new TreeMap<>();
    Set<String> executable = new HashSet<>();
    Files.walkFileTree(realRoot, EnumSet.noneOf(FileVisitOption.class), Limits.MAX_FOLDER_DEPTH,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return hidden == Hidden.SKIP && !dir.equals(realRoot) && isHidden(dir)
                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (hidden == Hidden.SKIP && isHidden(file)) {
              return FileVisitResult.CONTINUE;
            }
            String rel = relative(realRoot, file);
            Path read = file;
            if (attrs.isSymbolicLink()) {
              Optional<Path> target = inside(file, realRoot);
              if (target.isEmpty()) {
                report.problem(FindingCode.UNSAFE_PATH, rel, "").dropsPart()
                    .found("a symbolic link to " + describeTarget(file))
                    .fix("copy the file into the folder instead of linking outside it").report();
                return FileVisitResult.CONTINUE;
              }
              boolean folder = Files.isDirectory(target.get());
              report.problem(FindingCode.DISCOURAGED, rel, "").found("a symbolic link to " + describeTarget(file))
                  .fix("Codex drops symbolic links when it installs the plugin" + (folder
                      ? ", and the SDK does not follow this one either" : "") + "; copy the "
                      + (folder ? "folder" : "file") + " instead")
                  .report();
              if (GuardedFiles.isSpecial(target.get())) {
                special(rel);
                return FileVisitResult.CONTINUE;
              }
              if (folder || !Files.isRegularFile(target.get())) {
                return FileVisitResult.CONTINUE;
              }
              read = target.get();
            } else if (!attrs.isRegularFile()) {
              if (attrs.isOther()) {
                special(rel);
              }
              return FileVisitResult.CONTINUE;
            }
            if (files.size() >= Limits.MAX_FILES) {
              report.problem(FindingCode.TOO_LARGE, "", "").rejectsPlugin().arg("limit", Limits.MAX_FILES + " files")
                  .found("more than " + Limits.MAX_FILES + " files").fix("package fewer files").report();
              return FileVisitResult.TERMINATE;
            }
            files.put(rel, read);
            if (isExecutable(read)) {
              executable.add(rel);
            }
            return FileVisitResult.CONTINUE;
          }

          /** A FIFO, device or socket: never opened (a FIFO blocks its reader), and never silently dropped. */
          private void special(String rel) {
            report.problem(FindingCode.UNSAFE_PATH, rel, "").dropsPart()
                .found(GuardedFiles.Refusal.SPECIAL.found()).fix("replace it by a regular file").report();
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            report.problem(FindingCode.IO, relative(realRoot, file), "").found(e.getClass().getSimpleName()).report();
            return FileVisitResult.CONTINUE;
          }
        });
    return new Walked(realRoot, files, executable);
  }

  /** Whether the owner may execute {@code file}, as the file system says; never on a file system without modes. */
  public static boolean isExecutable(Path file) {
    try {
      return Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_EXECUTE);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** The real path of {@code file} when it stays inside {@code realRoot} once every link is resolved. */
  static Optional<Path> inside(Path file, Path realRoot) {
    try {
      Path real = file.toRealPath();
      return real.startsWith(realRoot) ? Optional.of(real) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean isHidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private static String describeTarget(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "a missing file";
    }
  }
}
