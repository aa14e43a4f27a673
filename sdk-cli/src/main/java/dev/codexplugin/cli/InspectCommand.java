package dev.codexplugin.cli;

import dev.codexplugin.runtime.LoadResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code inspect <jar|folder>}: what Codex would see in a bundle, readable or as JSON. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Show the plugin bundles of a jar, a classes folder, a plugin folder (Codex or Claude Code) or"
        + " a marketplace root as Codex would see them.")
final class InspectCommand implements Callable<Integer> {
  @Mixin BundlePath input;

  @Mixin Output output;


  @Override
  public Integer call() {
    PrintWriter out = output.out();
    LoadResult result = input.check();
    if (output.json) {
      out.print(BundleText.json(result));
    } else {
      out.print(BundleText.describe(result));
    }
    out.flush();
    return result.bundles().isEmpty() && result.hasErrors() ? Main.USAGE : Main.OK;
  }
}
