package dev.codexplugin.cli;

import dev.codexplugin.runtime.PluginCatalog;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Where {@code list} and {@code find} read plugins: a path ({@link PluginCatalog#open}: a jar, a folder of jars, a
 * marketplace root, a Codex home or cache), {@code --class-path}, or {@code --codex-home} (the plugins a user
 * installed with Codex).
 */
final class CatalogSource {
  @Parameters(index = "0", arity = "0..1", paramLabel = "<source>",
      description = "A jar, a folder of jars, a marketplace root, or a Codex home or plugin cache.")
  Path path;

  @Option(names = "--class-path", paramLabel = "<path>",
      description = "Read the bundles on this class path (jars and folders, separated by the path separator).")
  String classPath;

  @Option(names = "--codex-home", arity = "0..1", paramLabel = "<dir>", fallbackValue = "",
      description = "Read the plugins installed with Codex: <dir>/plugins/cache (default: $CODEX_HOME, else ~/.codex).")
  String codexHome;

  /** What was named, for messages. */
  String describe() {
    if (classPath != null) {
      return "class path " + classPath;
    }
    if (codexHome != null) {
      return "Codex home " + home();
    }
    return String.valueOf(path);
  }

  /** Whether exactly one source was named. */
  boolean valid() {
    int named = (path == null ? 0 : 1) + (classPath == null ? 0 : 1) + (codexHome == null ? 0 : 1);
    return named == 1;
  }

  Path home() {
    if (codexHome != null && !codexHome.isEmpty()) {
      return Path.of(codexHome);
    }
    String env = System.getenv("CODEX_HOME");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".codex");
  }

  PluginCatalog open() throws IOException {
    if (classPath != null) {
      List<URL> urls = new ArrayList<>();
      for (String part : classPath.split(File.pathSeparator)) {
        if (!part.isBlank()) {
          urls.add(url(Path.of(part.trim())));
        }
      }
      try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), null)) {
        return PluginCatalog.fromClassPath(loader);
      }
    }
    if (codexHome != null) {
      return PluginCatalog.fromCodexHome(home());
    }
    return PluginCatalog.open(path);
  }

  /** Whether the named source exists at all. */
  boolean exists() {
    if (classPath != null) {
      return true;
    }
    return Files.exists(codexHome != null ? home() : path);
  }

  private static URL url(Path p) throws MalformedURLException {
    return p.toAbsolutePath().toUri().toURL();
  }
}
