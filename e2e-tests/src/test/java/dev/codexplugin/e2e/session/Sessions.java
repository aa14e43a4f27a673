package dev.codexplugin.e2e.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Folders for session tests: the exported sample marketplaces, and copies of them with test hooks added. */
public final class Sessions {
  /** The hook fixture of the session tests, test resources beside this class. */
  private static final List<String> HOOK_FILES = List.of("hooks.json", "policy.sh");

  private Sessions() {}

  /** {@code samples/<sample>/target/codex-plugin}, the marketplace the reactor exported before the e2e tests. */
  public static Path exportedMarketplace(String sample) {
    Path root = Path.of(System.getProperty("samples.dir"), sample, "target/codex-plugin").toAbsolutePath()
        .normalize();
    if (!Files.isDirectory(root.resolve("plugins"))) {
      throw new AssertionError("no exported marketplace at " + root + "; build the samples first (./mvnw package)");
    }
    return root;
  }

  /** A fresh folder {@code e2e.work/sessions/<name>}. */
  public static Path workDir(String name) throws IOException {
    Path dir = Path.of(System.getProperty("e2e.work"), "sessions", name).toAbsolutePath().normalize();
    deleteRecursively(dir);
    Files.createDirectories(dir);
    return dir;
  }

  /**
   * Copies the marketplace {@code root} to {@code target} and adds the test hooks ({@code hooks/hooks.json} and
   * the shell script {@code hooks/policy.sh}) to its plugin {@code plugin}: the plugin ships hooks exactly as a
   * plugin author would, in the default location both hosts read.
   */
  public static Path withTestHooks(Path root, String plugin, Path target) throws IOException {
    deleteRecursively(target);
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path source : walk.toList()) {
        Files.copy(source, target.resolve(root.relativize(source).toString()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    Path hooks = target.resolve("plugins").resolve(plugin).resolve("hooks");
    Files.createDirectories(hooks);
    for (String file : HOOK_FILES) {
      try (InputStream in = Sessions.class.getResourceAsStream("hooks/" + file)) {
        if (in == null) {
          throw new AssertionError("missing test resource " + file);
        }
        Files.copy(in, hooks.resolve(file));
      }
    }
    if (!hooks.resolve("policy.sh").toFile().setExecutable(true)) {
      throw new IOException("cannot make " + hooks.resolve("policy.sh") + " executable");
    }
    return target;
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
