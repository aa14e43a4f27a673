package dev.codexplugin.e2e;

import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The real Codex CLI, run as a process with a private {@code CODEX_HOME}. */
final class CodexCli {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One finished command. */
  record Result(List<String> command, int exitCode, String stdout, String stderr) {
    JsonNode json() {
      assertWithMessage("%s failed:\n%s", command, stderr).that(exitCode).isEqualTo(0);
      try {
        return JSON.readTree(stdout);
      } catch (IOException e) {
        throw new AssertionError(command + " did not print JSON:\n" + stdout, e);
      }
    }
  }

  private final Path bin;
  private final Path home;

  CodexCli(Path bin, Path home) throws IOException {
    assertWithMessage("the Codex CLI is installed by the e2e profile at %s", bin)
        .that(Files.isExecutable(bin)).isTrue();
    this.bin = bin;
    this.home = home;
    Files.createDirectories(home);
  }

  /** The CLI from the system properties the e2e profile sets, with a fresh home under {@code e2e.work}. */
  static CodexCli fromBuild(String name) throws IOException {
    Path work = Path.of(System.getProperty("e2e.work"));
    Path home = work.resolve("codex-home-" + name);
    deleteRecursively(home);
    return new CodexCli(Path.of(System.getProperty("codex.bin")), home);
  }

  Path home() {
    return home;
  }

  Result run(String... args) {
    return run(Duration.ofMinutes(3), args);
  }

  Result run(Duration timeout, String... args) {
    List<String> command = new ArrayList<>();
    command.add(bin.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("CODEX_HOME", home.toString());
    builder.environment().put("RUST_LOG", "warn");
    builder.environment().remove("OPENAI_API_KEY");
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<String> out = drain(process.getInputStream());
      CompletableFuture<String> err = drain(process.getErrorStream());
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish within " + timeout);
      }
      Result result = new Result(command, process.exitValue(), out.join(), err.join());
      log(args, result);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Echoes the command and its output for the build log; the model prompt only by its skill lines. */
  private static void log(String[] args, Result result) {
    String stdout = result.stdout();
    if (args.length > 1 && args[0].equals("debug") && args[1].equals("prompt-input")) {
      stdout = stdout.lines().flatMap(line -> java.util.Arrays.stream(line.split("\\\\n")))
          .filter(line -> line.trim().startsWith("- ") && line.contains(":") && line.contains("(file: "))
          .map(String::trim)
          .collect(java.util.stream.Collectors.joining("\n", "(skill lines of the prompt)\n", "\n"));
    }
    System.out.println("$ codex " + String.join(" ", args) + "   [exit " + result.exitCode() + "]\n" + stdout
        + (result.stderr().isBlank() ? "" : "[stderr]\n" + result.stderr()));
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, Drains.THREAD_PER_READ);
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
