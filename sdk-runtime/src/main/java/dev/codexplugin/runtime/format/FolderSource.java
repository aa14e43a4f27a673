package dev.codexplugin.runtime.format;

import dev.codexplugin.runtime.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * A bundle in a folder. Symbolic links are followed only when they stay inside the folder; one that points
 * outside is reported as {@link FindingCode#UNSAFE_PATH} and never read. A link that stays inside is read, with
 * a warning: Codex drops symbolic links when it installs a plugin (lab x1).
 */
public final class FolderSource implements BundleSource {
  private final Path root;
  private final Path realRoot;
  private final List<String> files;

  private FolderSource(Path root, Path realRoot, List<String> files) {
    this.root = root;
    this.realRoot = realRoot;
    this.files = files;
  }

  /**
   * A bundle of an exploded classes folder, whose files its index lists; nothing is listed from the disk.
   * Every read must stay inside {@code container}/{@code entry.root()} once links are resolved, so a bundle
   * folder that is itself a link to elsewhere is never read.
   */
  public static FolderSource indexed(Path container, BundleIndex.Entry entry) {
    Path root = container.resolve(entry.root());
    Path realRoot;
    try {
      realRoot = container.toRealPath().resolve(entry.root()).normalize();
    } catch (IOException e) {
      realRoot = container.toAbsolutePath().normalize().resolve(entry.root()).normalize();
    }
    return new FolderSource(root, realRoot, entry.files());
  }

  /** Lists the files under {@code root}; problems are reported on {@code report}. */
  public static FolderSource open(Path root, Report report) throws IOException {
    Path realRoot = root.toRealPath();
    List<String> files = new ArrayList<>();
    Files.walkFileTree(realRoot, EnumSet.noneOf(FileVisitOption.class), Limits.MAX_FOLDER_DEPTH,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            String rel = realRoot.relativize(file).toString().replace('\\', '/');
            if (attrs.isSymbolicLink()) {
              Optional<Path> target = inside(file, realRoot);
              if (target.isEmpty()) {
                report.problem(FindingCode.UNSAFE_PATH, rel, "").hostFatal()
                    .found("(a symbolic link to " + describeTarget(file) + ")")
                    .fix("copy the file into the plugin folder instead of linking outside it").report();
                return FileVisitResult.CONTINUE;
              }
              boolean folder = Files.isDirectory(target.get());
              report.problem(FindingCode.DISCOURAGED, rel, "").found("(a symbolic link to " + describeTarget(file) + ")")
                  .fix("Codex drops symbolic links when it installs the plugin" + (folder
                      ? ", and the SDK does not follow this one either" : "") + "; copy the "
                      + (folder ? "folder" : "file") + " instead")
                  .report();
              if (folder) {
                return FileVisitResult.CONTINUE;
              }
            } else if (!attrs.isRegularFile()) {
              return FileVisitResult.CONTINUE;
            }
            if (files.size() >= Limits.MAX_FILES) {
              report.problem(FindingCode.TOO_LARGE, "", "").hostFatal()
                  .found("(more than " + Limits.MAX_FILES + " files)")
                  .rule("must hold at most " + Limits.MAX_FILES + " files").report();
              return FileVisitResult.TERMINATE;
            }
            files.add(rel);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            report.problem(FindingCode.IO, realRoot.relativize(file).toString().replace('\\', '/'), "")
                .found("(" + e.getClass().getSimpleName() + ")").report();
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(null);
    return new FolderSource(root, realRoot, List.copyOf(files));
  }

  private static Optional<Path> inside(Path file, Path realRoot) {
    try {
      Path real = file.toRealPath();
      return real.startsWith(realRoot) ? Optional.of(real) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String describeTarget(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "a missing file";
    }
  }

  @Override
  public String location() {
    return root.toString();
  }

  @Override
  public List<String> files() {
    return files;
  }

  @Override
  public Optional<byte[]> read(String path, int maxBytes, Report report, boolean hostFatal) {
    Path file = root.resolve(path);
    Optional<Path> real = inside(file, realRoot);
    if (real.isEmpty()) {
      problem(report, FindingCode.UNSAFE_PATH, path, hostFatal).fix("keep every file inside the plugin folder")
          .report();
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(real.get(), LinkOption.NOFOLLOW_LINKS)) {
      return Sources.readCapped(in, path, maxBytes, report, hostFatal);
    } catch (IOException e) {
      problem(report, FindingCode.IO, path, hostFatal).found("(" + e.getClass().getSimpleName() + ")").report();
      return Optional.empty();
    }
  }

  static Report.Problem problem(Report report, FindingCode code, String path, boolean hostFatal) {
    Report.Problem p = report.problem(code, path, "");
    return hostFatal ? p.hostFatal() : p;
  }
}
