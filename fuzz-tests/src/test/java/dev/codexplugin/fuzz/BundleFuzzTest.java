package dev.codexplugin.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.codexplugin.runtime.ExportSummary;
import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.LoadResult;
import dev.codexplugin.runtime.MarketplaceExport;
import dev.codexplugin.runtime.MarketplaceExportException;
import dev.codexplugin.runtime.PluginLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Timeout;

/**
 * The loader over whole bundles and the export of what loads. The input is a {@link Tree} (text: a header line
 * per file, folder, symbolic link or FIFO); the {@link FuzzedDataProvider} chooses hostile extras on top.
 *
 * <ul>
 *   <li>{@link #jar}: the tree's files and folders as the entries of a jar (names as given: {@code ..},
 *       absolute names, odd bytes), read by {@link PluginLoader#check(Path)};
 *   <li>{@link #folder}: the tree written as a folder, with symbolic links (inside, leaving the root, to an
 *       absolute path, loops) and FIFOs, read by {@link PluginLoader#check(Path)};
 *   <li>{@link #export}: the jar exported with {@link MarketplaceExport} into a fresh {@code out}.
 * </ul>
 *
 * Findings: any exception but the SDK's own; a finding or message that carries the canary of the file beside
 * the root (a read outside it); an input over the 5 s limit (a FIFO read blocks forever); an export that writes
 * anything beside {@code out} (but its empty lock file), leaves a link or FIFO in it, or writes more than {@link #bound} bytes.
 * Seeds: {@code BundleFuzzTestInputs/<method>/}, from the samples and e2e-tests/src/test/corpus.
 */
class BundleFuzzTest {
  /** The content of the file beside the root that no message may ever show. */
  static final String CANARY = "OUTSIDECANARY";
  private static final int MAX_ENTRIES = 64;

  /** One work folder per JVM, emptied after each input. */
  private static final Path WORK = Folders.create("fuzz-bundle");
  private static final Path OUTSIDE = WORK.resolve("outside");
  /** FIFOs made once and moved in and out of the trees: {@code mkfifo} per input would halve the rate. */
  private static final Path FIFOS = WORK.resolve("fifos");
  private static final Deque<Path> POOL = new ArrayDeque<>();
  private static final AtomicLong NAMES = new AtomicLong();

  static {
    Folders.write(OUTSIDE.resolve("secret.json"), ("{\"" + CANARY + "\": 1}\n" + CANARY + "\n").getBytes(UTF_8));
    Folders.write(OUTSIDE.resolve("SKILL.md"), ("---\nname: " + CANARY + "\n---\n" + CANARY + "\n").getBytes(UTF_8));
    Folders.write(OUTSIDE.resolve("index.json"), ("{\"formatVersion\":1,\"bundles\":[{\"name\":\"" + CANARY
        + "\",\"version\":\"1.0.0\",\"files\":[\"" + CANARY + "\"]}]}").getBytes(UTF_8));
    try {
      Files.createDirectories(FIFOS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] warm = ("""
        @@ file META-INF/codex-plugins/index.json
        {"formatVersion":1,"bundles":[{"name":"warm","version":"1.0.0","files":[".codex-plugin/plugin.json"]}]}
        @@ file META-INF/codex-plugins/warm/.codex-plugin/plugin.json
        {"name":"warm","version":"1.0.0","description":"Warm-up."}
        @@ file .codex-plugin/plugin.json
        {"name":"warm","version":"1.0.0","description":"Warm-up."}
        """).getBytes(UTF_8);
    Inputs.warmUp(() -> {
      jar(warm);
      folder(15, warm);
      export(warm);
    });
  }

  @Timeout(Inputs.LIMIT_SECONDS)
  @FuzzTest(maxDuration = "30s")
  void jar(FuzzedDataProvider data) throws IOException {
    jar(data.consumeRemainingAsBytes());
  }

  private static void jar(byte[] input) throws IOException {
    Path jar = WORK.resolve("fuzz.jar");
    try {
      writeJar(jar, inside(Tree.parse(input)));
      rendered(PluginLoader.check(jar));
    } finally {
      Files.deleteIfExists(jar);
    }
  }

  @Timeout(Inputs.LIMIT_SECONDS)
  @FuzzTest(maxDuration = "30s")
  void folder(FuzzedDataProvider data) throws IOException {
    int extras = data.consumeInt(0, 15);
    folder(extras, data.consumeRemainingAsBytes());
  }

  private static void folder(int extras, byte[] input) throws IOException {
    Path root = WORK.resolve("tree");
    try {
      List<Tree.Entry> entries = new java.util.ArrayList<>(inside(Tree.parse(input)));
      if ((extras & 1) != 0) { // a loop of links and a link to itself
        entries.add(new Tree.Entry(Tree.Kind.LINK, "skills/loop-a", "loop-b", null));
        entries.add(new Tree.Entry(Tree.Kind.LINK, "skills/loop-b", "loop-a", null));
        entries.add(new Tree.Entry(Tree.Kind.LINK, "loop", "loop", null));
      }
      if ((extras & 2) != 0) { // a FIFO named like a format file
        entries.add(new Tree.Entry(Tree.Kind.FIFO, ".codex-plugin/plugin.json", null, null));
        entries.add(new Tree.Entry(Tree.Kind.FIFO, "META-INF/codex-plugins/index.json", null, null));
      }
      if ((extras & 4) != 0) { // links leaving the root: relative, hard to see, absolute, a folder
        entries.add(new Tree.Entry(Tree.Kind.LINK, ".mcp.json", "../outside/secret.json", null));
        entries.add(new Tree.Entry(Tree.Kind.LINK, "hooks/hooks.json", "../a/../../outside/secret.json", null));
        entries.add(new Tree.Entry(Tree.Kind.LINK, "skills/out", OUTSIDE.toString(), null));
      }
      if ((extras & 8) != 0) { // a symlinked folder on the way to a file, inside the root
        entries.add(new Tree.Entry(Tree.Kind.DIR, "real", null, null));
        entries.add(new Tree.Entry(Tree.Kind.FILE, "real/SKILL.md", null,
            "---\nname: real\ndescription: Through a linked folder.\n---\nx\n".getBytes(UTF_8)));
        entries.add(new Tree.Entry(Tree.Kind.LINK, "skills/linked", "../real", null));
      }
      writeFolder(root, entries);
      rendered(PluginLoader.check(root));
    } finally {
      clear(root);
    }
  }

  @Timeout(Inputs.LIMIT_SECONDS)
  @FuzzTest(maxDuration = "30s")
  void export(FuzzedDataProvider data) throws IOException {
    export(data.consumeRemainingAsBytes());
  }

  private static void export(byte[] input) throws IOException {
    Path jar = WORK.resolve("fuzz.jar");
    Path out = WORK.resolve("out");
    try {
      long size = writeJar(jar, inside(Tree.parse(input)));
      try {
        ExportSummary summary = MarketplaceExport.builder().marketplaceName("fuzz").addJar(jar).build()
            .exportTo(out);
        noCanary(String.valueOf(summary));
      } catch (MarketplaceExportException e) {
        noCanary(e.getMessage());
        e.findings().forEach(f -> noCanary(f.toString()));
      }
      Set<String> beside = new TreeSet<>();
      try (Stream<Path> list = Files.list(WORK)) {
        list.forEach(p -> beside.add(p.getFileName().toString()));
      }
      beside.removeAll(Set.of("fuzz.jar", "out", "outside", "fifos"));
      // The exporter's lock stays by design (OutputFolder.Lock), empty.
      Path lock = WORK.resolve(".out.lock");
      if (Files.isRegularFile(lock, LinkOption.NOFOLLOW_LINKS) && Files.size(lock) == 0) {
        beside.remove(".out.lock");
      }
      if (!beside.isEmpty()) {
        throw new AssertionError("the export wrote beside its --out: " + beside);
      }
      long written = checkOut(out);
      if (written > bound(size)) {
        throw new AssertionError("the export wrote " + written + " bytes for a jar of " + size
            + " uncompressed bytes (bound " + bound(size) + ")");
      }
    } finally {
      Files.deleteIfExists(jar);
      clear(out);
    }
  }

  /** The most an export may write: the plugins' files a few times over, and the marketplace files. */
  static long bound(long uncompressed) {
    return 8 * uncompressed + (16 << 20);
  }

  private static void rendered(LoadResult result) {
    if (result == null) {
      throw new AssertionError("PluginLoader.check returned null");
    }
    for (Finding finding : result.findings()) {
      noCanary(finding.toString());
    }
    result.bundles().forEach(b -> noCanary(b.toString()));
  }

  /**
   * The fuzzed entries without those that name the canary themselves (in a path, a link target or the bytes):
   * the fuzzer learns the string from the comparison in {@link #noCanary} and puts it into names inside the
   * root, which a message may name. The canary then no longer tells a read outside the root.
   */
  static List<Tree.Entry> inside(List<Tree.Entry> entries) {
    byte[] canary = CANARY.getBytes(UTF_8);
    return entries.stream()
        .filter(e -> !e.path().contains(CANARY) && (e.target() == null || !e.target().contains(CANARY))
            && (e.content() == null || indexOf(e.content(), canary) < 0))
        .toList();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static void noCanary(String text) {
    if (text != null && text.contains(CANARY)) {
      throw new AssertionError("a message shows the content or name of a file outside the root: " + text);
    }
  }

  /** The files and folders of {@code entries} as a jar; returns the sum of the entries' sizes. */
  private static long writeJar(Path jar, List<Tree.Entry> entries) throws IOException {
    long size = 0;
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
      int count = 0;
      for (Tree.Entry entry : entries) {
        if (count++ == MAX_ENTRIES || entry.kind() == Tree.Kind.LINK || entry.kind() == Tree.Kind.FIFO) {
          continue;
        }
        String name = entry.kind() == Tree.Kind.DIR && !entry.path().endsWith("/") ? entry.path() + "/"
            : entry.path();
        try {
          zip.putNextEntry(new ZipEntry(name));
        } catch (ZipException | IllegalArgumentException duplicateOrTooLong) {
          continue;
        }
        if (entry.kind() == Tree.Kind.FILE) {
          zip.write(entry.content());
          size += entry.content().length;
        }
        zip.closeEntry();
      }
    }
    return size;
  }

  /**
   * Writes {@code entries} under {@code root}, never outside it: a path that leaves the root, or whose way
   * passes through a link or a file, is skipped; a path that exists already is skipped (the first entry wins).
   */
  private static void writeFolder(Path root, List<Tree.Entry> entries) throws IOException {
    Files.createDirectories(root);
    int count = 0;
    for (Tree.Entry entry : entries) {
      if (count++ == MAX_ENTRIES) {
        break;
      }
      Path path;
      try {
        path = root.resolve(entry.path()).normalize();
      } catch (InvalidPathException e) {
        continue;
      }
      if (!path.startsWith(root) || path.equals(root) || !plainWayTo(root, path.getParent())
          || Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try {
        Files.createDirectories(path.getParent());
        switch (entry.kind()) {
          case FILE -> Files.write(path, entry.content(), StandardOpenOption.CREATE_NEW);
          case DIR -> Files.createDirectory(path);
          case FIFO -> fifo(path);
          case LINK -> Files.createSymbolicLink(path, Path.of(entry.target().length() > 512 ? "x" : entry.target()));
        }
      } catch (FileSystemException | InvalidPathException | UnsupportedOperationException e) {
        // a name too long, a target not a path on this platform: the entry is skipped
      }
    }
  }

  /** Whether every component from {@code root} to {@code folder} is missing or a real folder (no link). */
  private static boolean plainWayTo(Path root, Path folder) {
    Path at = root;
    for (Path name : root.relativize(folder)) {
      at = at.resolve(name);
      if (Files.isSymbolicLink(at)
          || (Files.exists(at, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(at, LinkOption.NOFOLLOW_LINKS))) {
        return false;
      }
    }
    return true;
  }

  private static void fifo(Path path) throws IOException {
    Path spare = POOL.poll();
    if (spare == null) {
      spare = FIFOS.resolve("fifo-" + NAMES.incrementAndGet());
      try {
        Process mkfifo = new ProcessBuilder("mkfifo", spare.toString()).inheritIO().start();
        if (mkfifo.waitFor() != 0) {
          throw new IOException("mkfifo failed");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
    try {
      Files.move(spare, path);
    } catch (IOException e) {
      POOL.add(spare);
      throw e;
    }
  }

  /** Deletes {@code root} without following links; its FIFOs go back to the pool. */
  private static void clear(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (attrs.isOther()) {
          Path spare = FIFOS.resolve("fifo-" + NAMES.incrementAndGet());
          Files.move(file, spare);
          POOL.add(spare);
        } else {
          Files.delete(file);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** The bytes under {@code out}; a link or a FIFO there is a finding. */
  private static long checkOut(Path out) throws IOException {
    if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    long[] total = {0};
    Files.walkFileTree(out, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (!attrs.isRegularFile()) {
          throw new AssertionError("the export left a link or special file in --out: " + out.relativize(file));
        }
        total[0] += attrs.size();
        return FileVisitResult.CONTINUE;
      }
    });
    return total[0];
  }
}
