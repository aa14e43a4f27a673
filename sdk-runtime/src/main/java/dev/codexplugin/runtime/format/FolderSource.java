package dev.codexplugin.runtime.format;

import dev.codexplugin.runtime.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
      realRoot = container.toRealPath().resolve(entry.root()).normalize();
    } catch (IOException e) {
      realRoot = container.toAbsolutePath().normalize().resolve(entry.root()).normalize();
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
    Optional<Path> real = FolderWalk.inside(root.resolve(path), realRoot);
    if (real.isEmpty()) {
      context.problem(FindingCode.UNSAFE_PATH, path, "").report();
      return false;
    }
    try (InputStream in = Files.newInputStream(real.get(), LinkOption.NOFOLLOW_LINKS)) {
      return Sources.copyCapped(in, target, path, maxBytes, context);
    }
  }

  @Override
  public Optional<byte[]> read(String path, int maxBytes, ReadContext context) {
    Path file = root.resolve(path);
    Optional<Path> real = FolderWalk.inside(file, realRoot);
    if (real.isEmpty()) {
      context.problem(FindingCode.UNSAFE_PATH, path, "").report();
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(real.get(), LinkOption.NOFOLLOW_LINKS)) {
      return Sources.readCapped(in, path, maxBytes, context);
    } catch (IOException e) {
      context.problem(FindingCode.IO, path, "").found(e.getClass().getSimpleName()).report();
      return Optional.empty();
    }
  }
}
