package dev.codexplugin.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code codexplugin} command line.
 *
 * <pre>
 * java -jar sdk-cli-all.jar inspect target/my-plugin.jar
 * java -jar sdk-cli-all.jar validate path/to/plugin-folder
 * java -jar sdk-cli-all.jar export target/my-plugin.jar --out target/codex-plugin --format both
 * java -jar sdk-cli-all.jar list target/codex-plugin
 * java -jar sdk-cli-all.jar find ~/.m2/repository/com/acme --name team-workflow-plugin --range ^1.2 --latest
 * java -jar sdk-cli-all.jar diff team-1.0.0.jar team-1.0.1.jar
 * java -jar sdk-cli-all.jar doctor target/my-plugin.jar
 * java -jar sdk-cli-all.jar install          (the team's plugins of codexplugin.json, exactly as locked)
 * </pre>
 *
 * <p>Exit codes: 0 success; 1 findings ({@code validate}, {@code list}), no match ({@code find}), a version bump
 * smaller than the changes need ({@code diff}), something missing ({@code doctor}) or a failed export; 2 bad usage
 * or unreadable input.
 */
@Command(name = "codexplugin", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Inspect, validate and export Codex plugin bundles; install a team's plugins from Maven repositories.",
    subcommands = {InspectCommand.class, ValidateCommand.class, ExportCommand.class, ListCommand.class,
        FindCommand.class, DiffCommand.class, DoctorCommand.class, PackageCommands.Init.class,
        PackageCommands.Add.class, PackageCommands.Install.class, PackageCommands.Update.class,
        PackageCommands.Outdated.class, PackageCommands.Remove.class, PackageCommands.Rollback.class,
        PackageCommands.Status.class})
public final class Main implements Runnable {
  /** Exit code: everything is fine. */
  static final int OK = 0;
  /** Exit code: the bundle has findings (validate, list), or the export failed. */
  static final int FINDINGS = 1;
  /** Exit code: bad usage, or the input cannot be read at all. */
  static final int USAGE = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * Runs the command line and exits with its code. Success returns normally instead of calling
   * {@code System.exit(0)}, so that running {@code main} inside another JVM (e.g. Maven's {@code exec:java})
   * does not end that JVM. A no-op {@code install} is answered before anything heavy is loaded
   * ({@link NoOpInstall}).
   */
  public static void main(String[] args) {
    if (NoOpInstall.answered(args)) {
      return;
    }
    int code = run(args);
    if (code != OK) {
      System.exit(code);
    }
  }

  /** Runs the command line and returns its exit code; for tests and embedding. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /**
   * Runs the command line with the given output streams and returns its exit code. Both streams go through
   * {@link SafeWriter}: no control character or bidi override of a file or a name reaches the terminal.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return execute(new PrintWriter(new SafeWriter(out), true), new PrintWriter(new SafeWriter(err), true), args);
  }

  private static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExitCodeExceptionMapper(e -> USAGE);
    cli.setExecutionExceptionHandler((e, command, parsed) -> {
      command.getErr().println("codexplugin: " + SafeWriter.text(e.getMessage()));
      return USAGE;
    });
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: inspect, validate, export, list, find, diff, doctor, init, add, install, update, outdated, remove, rollback or status");
  }

  /** The SDK version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"codexplugin " + (version == null ? "(development)" : version)};
    }
  }
}
