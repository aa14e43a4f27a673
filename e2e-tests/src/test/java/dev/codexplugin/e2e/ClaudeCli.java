package dev.codexplugin.e2e;

import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
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

/** The real Claude Code CLI, run as a process with a private {@code CLAUDE_CONFIG_DIR}. */
final class ClaudeCli {
  private final Path bin;
  private final Path config;

  private ClaudeCli(Path bin, Path config) throws IOException {
    assertWithMessage("Claude Code is installed by the e2e profile at %s", bin).that(Files.isExecutable(bin)).isTrue();
    this.bin = bin;
    this.config = config;
    Files.createDirectories(config);
  }

  /** The CLI from the system properties the e2e profile sets, with a fresh config folder under {@code e2e.work}. */
  static ClaudeCli fromBuild(String name) throws IOException {
    Path config = Path.of(System.getProperty("e2e.work")).resolve("claude-config-" + name);
    CodexCli.deleteRecursively(config);
    return new ClaudeCli(Path.of(System.getProperty("claude.bin")), config);
  }

  CodexCli.Result run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(bin.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("CLAUDE_CONFIG_DIR", config.toString());
    builder.environment().put("DISABLE_AUTOUPDATER", "1");
    builder.environment().put("DISABLE_TELEMETRY", "1");
    builder.environment().put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
    builder.environment().remove("ANTHROPIC_API_KEY");
    builder.directory(config.toFile());
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<String> out = drain(process.getInputStream());
      CompletableFuture<String> err = drain(process.getErrorStream());
      Duration timeout = Duration.ofMinutes(3);
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish within " + timeout);
      }
      CodexCli.Result result = new CodexCli.Result(command, process.exitValue(), out.join(), err.join());
      System.out.println("$ claude " + String.join(" ", args) + "   [exit " + result.exitCode() + "]\n"
          + result.stdout() + (result.stderr().isBlank() ? "" : "[stderr]\n" + result.stderr()));
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Runs a command that must succeed and print JSON. */
  JsonNode json(String... args) {
    return run(args).json();
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
}
