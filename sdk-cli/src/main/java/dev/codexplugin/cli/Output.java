package dev.codexplugin.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --json} and the command's output streams, shared by the commands that print a report. */
final class Output {
  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  /** The command's standard output (escaped by {@link Main}). */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** The command's standard error. */
  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
