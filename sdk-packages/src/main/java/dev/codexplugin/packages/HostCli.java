package dev.codexplugin.packages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a host's own command line (codex, claude) with the environment given, and reads its answer. */
final class HostCli {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 180;

  private final String name;
  private final List<String> executable;
  private final Map<String, String> environment;
  private final Path directory;

  HostCli(String name, List<String> executable, Map<String, String> environment, Path directory) {
    this.name = name;
    this.executable = List.copyOf(executable);
    this.environment = Map.copyOf(environment);
    this.directory = directory;
  }

  record Result(List<String> command, int exit, String out, String err) {}

  /** Runs the command and returns what it printed; fails when it cannot start or exits non-zero. */
  Result run(String... args) throws PackageException {
    Result r = runAllowingFailure(args);
    if (r.exit() != 0) {
      String why = firstLine(r.err().isBlank() ? r.out() : r.err());
      throw new PackageException(name + " " + String.join(" ", args) + " failed (exit " + r.exit() + "): " + why
          + "; nothing was changed; fix the cause and run the command again");
    }
    return r;
  }

  Result runAllowingFailure(String... args) throws PackageException {
    List<String> command = new ArrayList<>(executable);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new PackageException(name + ": cannot run " + executable.get(0) + " (" + e.getMessage() + "); install "
          + (name.equals("codex") ? "the Codex CLI (npm install -g @openai/codex)"
              : "Claude Code (npm install -g @anthropic-ai/claude-code)")
          + " and put it on PATH, set CODEXPLUGIN_" + name.toUpperCase(java.util.Locale.ROOT)
          + " to its path, or remove \"" + name + "\" from hosts in " + Declaration.FILE);
    }
    try {
      process.getOutputStream().close();
      CompletableFuture<String> out = drain(process.getInputStream());
      CompletableFuture<String> err = drain(process.getErrorStream());
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new PackageException(name + " " + String.join(" ", args) + " did not finish within "
            + TIMEOUT_SECONDS + " s; nothing was changed; check that " + name + " runs on its own");
      }
      return new Result(command, process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new PackageException(name + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new PackageException(name + " " + String.join(" ", args) + " was interrupted; nothing was changed");
    }
  }

  /** Runs a command that prints JSON (the last JSON line or the whole output). */
  JsonNode json(String... args) throws PackageException {
    Result r = run(args);
    String text = r.out().strip();
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      // Claude's --json prints one result line as the last line.
      List<String> lines = text.lines().toList();
      for (int i = lines.size() - 1; i >= 0; i--) {
        try {
          return JSON.readTree(lines.get(i));
        } catch (IOException ignored) {
          // not this line
        }
      }
      throw new PackageException(name + " " + String.join(" ", args) + " printed no JSON (" + firstLine(text)
          + "); this version of " + name + " is not supported; use the versions docs/research/hosts-install.md"
          + " names");
    }
  }

  private static String firstLine(String text) {
    return text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("(no output)");
  }

  /**
   * Reads a host's stdout or stderr to its end, on a daemon thread of its own. Not on the common pool: there,
   * on JDK 25 with two cores, both reads share one worker, so a host that fills the stderr pipe before it closes
   * stdout would block until the timeout (JDK 17 gave each read its own thread).
   */
  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, task -> {
      Thread t = new Thread(task, "codexplugin-host-output");
      t.setDaemon(true);
      t.start();
    });
  }
}
