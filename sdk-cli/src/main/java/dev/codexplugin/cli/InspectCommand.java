package dev.codexplugin.cli;

import dev.codexplugin.runtime.LoadResult;
import dev.codexplugin.runtime.PluginLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code inspect <jar|folder>}: what Codex would see in a bundle, readable or as JSON. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Show the plugin bundles of a jar, a classes folder, a plugin folder (Codex or Claude Code) or"
        + " a marketplace root as Codex would see them.")
final class InspectCommand implements Callable<Integer> {
  @Parameters(paramLabel = "<jar|folder>",
      description = "A jar holding bundles, a classes folder, a plugin folder, or a marketplace root.")
  Path path;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    LoadResult result = PluginLoader.check(path);
    if (json) {
      out.print(BundleText.json(result));
    } else {
      out.print(BundleText.describe(result));
    }
    out.flush();
    return result.bundles().isEmpty() && result.hasErrors() ? Main.USAGE : Main.OK;
  }
}
