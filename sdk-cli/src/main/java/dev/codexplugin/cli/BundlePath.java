package dev.codexplugin.cli;

import dev.codexplugin.runtime.LoadResult;
import dev.codexplugin.runtime.PluginLoader;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The {@code <jar|folder>} argument of the commands that read bundles ({@code inspect}, {@code validate}, ...). */
final class BundlePath {
  @Parameters(paramLabel = "<jar|folder>",
      description = "A jar holding bundles, a classes folder, a plugin folder, or a marketplace root.")
  Path path;

  /** The bundles at the path and every finding, as {@link PluginLoader#check(Path)} reads them. */
  LoadResult check() {
    return PluginLoader.check(path);
  }
}
