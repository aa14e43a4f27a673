package dev.codexplugin.runtime.format;

import dev.codexplugin.runtime.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A bundle in a folder. Symbolic links are followed only when they stay inside the folder; one that points
 * outside is reported as {@link FindingCode#UNSAFE_PATH} and never read. A link that stays inside is read, with
 * a warning: Codex drops symbolic links when it installs a plugin (docs/FORMAT.md#install).
 */
public final class FolderSource implements BundleSource {
  /** A folder no file is inside: every read of a bundle whose folder cannot be resolved is refused. */
  private static final Path UNRESOLVED = Path.of("/").resolve("codexplugin-unresolvable-bundle-folder");
  private final Path root;
  private final Path realRoot;
  private final List<String> files;
  private final Set<String> executable;

  private FolderSource(Path root, Path realRoot, List<String> files, Set<String> executable) {
    this.root = root;
    this.realRoot = realRoot;
    this.files = files;
    this.executable = Set.copyOf(executable);
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
      realRoot = GuardedFiles.folder(container.toRealPath(), entry.root());
    } catch (IOException e) {
      // fail closed: a bundle folder that leaves the container, or cannot be resolved, gives nothing to read
      realRoot = UNRESOLVED;
    }
    return new FolderSource(root, realRoot, entry.files(), entry.executable());
  }

  /** Lists the files under {@code root} ({@link FolderWalk}); problems are reported on {@code report}. */
  public static FolderSource open(Path root, Report report) throws IOException {
    FolderWalk.Walked walked = FolderWalk.walk(root, FolderWalk.Hidden.INCLUDE, report);
    return new FolderSource(root, walked.realRoot(), List.copyOf(walked.files().keySet()), walked.executable());
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
  public Set<String> executableFiles() {
    return executable;
  }

  @Override
  public boolean copyTo(String path, Path target, long maxBytes, ReadContext context) throws IOException {
    if (realRoot == UNRESOLVED) {
      context.problem(FindingCode.UNSAFE_PATH, path, "").found("a bundle folder that leads outside the container")
          .report();
      return false;
    }
    return Sources.copyGuarded((file, max) -> GuardedFiles.open(realRoot, file, max), path, target, maxBytes, context);
  }

  @Override
  public Optional<byte[]> read(String path, int maxBytes, ReadContext context) {
    if (realRoot == UNRESOLVED) {
      context.problem(FindingCode.UNSAFE_PATH, path, "").found("a bundle folder that leads outside the container")
          .fix("keep the bundle folder inside the classes folder; it must not be a symbolic link to elsewhere")
          .report();
      return Optional.empty();
    }
    try (InputStream in = GuardedFiles.open(realRoot, path, maxBytes)) {
      return Sources.readCapped(in, path, maxBytes, context);
    } catch (GuardedFiles.RefusedException e) {
      Sources.refused(e, path, maxBytes, context);
      return Optional.empty();
    } catch (IOException e) {
      context.problem(FindingCode.IO, path, "").found(e.getClass().getSimpleName()).report();
      return Optional.empty();
    }
  }
}
