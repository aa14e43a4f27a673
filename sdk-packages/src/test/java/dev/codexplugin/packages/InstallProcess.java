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

  /**
   * A build started as a background job inherits SIGINT ignored, and the JVM then installs no handler for it (so
   * {@code kill -INT} would do nothing): do what the JVM does by default, as after a terminal's Ctrl-C, through
   * {@code sun.misc.Signal} (jdk.unsupported, read reflectively: the tests compile as the module).
   */
  private static void exitOnSigint() {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Object exit = java.lang.reflect.Proxy.newProxyInstance(InstallProcess.class.getClassLoader(),
          new Class<?>[] {handler}, (proxy, method, arguments) -> switch (method.getName()) {
            case "handle" -> {
              System.exit(130);
              yield null;
            }
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == arguments[0];
            default -> "exit 130 on SIGINT";
          });
      signal.getMethod("handle", signal, handler).invoke(null, signal.getConstructor(String.class).newInstance("INT"),
          exit);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot handle SIGINT", e);
    }
  }

  public static void main(String[] args) {
    exitOnSigint();
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
