package dev.codexplugin.cli;

import dev.codexplugin.packages.InstalledRecord;
import java.io.File;
import java.util.Optional;

/**
 * The fast path of a no-op {@code codexplugin install}: before picocli, Jackson or Maven Resolver are loaded,
 * {@link InstalledRecord#upToDate(File, java.util.Map, String)} compares the installed record with the declaration,
 * the lock, the environment and the installed trees, with {@code java.base} alone. Only the bare command
 * {@code install} in the project folder takes it (any option may change what install does); on any difference or
 * doubt the full command runs, which decides, prints the same line when nothing changed, and writes the record
 * again. {@code CODEXPLUGIN_FULL_CHECK=1} turns the fast path off.
 */
final class NoOpInstall {
  private NoOpInstall() {}

  /** Whether the command was a no-op install, answered here (its line printed). */
  static boolean answered(String[] args) {
    if (args.length != 1 || !"install".equals(args[0]) || System.getenv("CODEXPLUGIN_FULL_CHECK") != null) {
      return false;
    }
    Optional<String> line = InstalledRecord.upToDate(new File("."), System.getenv(),
        System.getProperty("user.home"));
    if (line.isEmpty()) {
      return false;
    }
    System.out.println(line.get());
    System.out.flush();
    return true;
  }
}
