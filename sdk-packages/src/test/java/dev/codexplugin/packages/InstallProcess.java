package dev.codexplugin.packages;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code install} in a process of its own, for a test that interrupts it: the arguments are the project folder,
 * the settings file, the local repository and the host's home, and optionally the codex command (one executable):
 * with it, Codex is installed into; without it, no host. Prints the one-line error and exits with 1 on a failure.
 */
final class InstallProcess {
  private InstallProcess() {}

  public static void main(String[] args) {
    Path project = Path.of(args[0]);
    try (StandaloneResolver r = StandaloneResolver.open(StandaloneResolver.Options.defaults()
        .withSettings(Path.of(args[1])).withLocalRepository(Path.of(args[2])).withEnvironment(Map.of()))) {
      PackageManager.builder(project).source(r::source).out(new PrintWriter(System.out, true))
          .environment(Map.of("PATH", System.getenv("PATH"), "CODEX_HOME", args[3]))
          .userHome(project.resolveSibling("home")).codexCommand(List.of(args.length > 4 ? args[4] : project.resolveSibling("no-codex").toString()))
          .classDataArchives(false).hosts(args.length > 4).build().install();
    } catch (PackageException e) {
      System.out.println(e.getMessage());
      System.exit(1);
    }
  }
}
