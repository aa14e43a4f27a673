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
   * Copies the marketplace {@code root} to {@code target} and adds a hook fixture (test resources beside this
   * class: {@code hooks/} holds {@code hooks.json} and the shell script {@code policy.sh}, {@code outcome-hooks/}
   * holds {@code hooks.json} and {@code outcome.sh}) as the {@code hooks/} folder of its plugin {@code plugin}, in
   * place of the hooks the plugin ships: the plugin ships hooks exactly as a plugin author would, in the default
   * location both hosts read.
   */
  public static Path withHooks(Path root, String plugin, String fixture, Path target) throws IOException {
    List<String> files = switch (fixture) {
      case "hooks" -> List.of("hooks.json", "policy.sh");
      case "outcome-hooks" -> List.of("hooks.json", "outcome.sh");
      default -> throw new IllegalArgumentException("no hook fixture " + fixture);
    };
    deleteRecursively(target);
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path source : walk.toList()) {
        Files.copy(source, target.resolve(root.relativize(source).toString()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    // the fixture replaces the hooks the plugin ships (release-tools ships Java hooks; see JavaHooksIT)
    Path hooks = target.resolve("plugins").resolve(plugin).resolve("hooks");
    deleteRecursively(hooks);
    Files.createDirectories(hooks);
    for (String file : files) {
      try (InputStream in = Sessions.class.getResourceAsStream(fixture + "/" + file)) {
        if (in == null) {
          throw new AssertionError("missing test resource " + fixture + "/" + file);
        }
        Files.copy(in, hooks.resolve(file));
      }
      if (file.endsWith(".sh") && !hooks.resolve(file).toFile().setExecutable(true)) {
        throw new IOException("cannot make " + hooks.resolve(file) + " executable");
      }
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
