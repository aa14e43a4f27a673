package dev.codexplugin.e2e.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexplugin.e2e.Drains;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One finished run of a host's command line: the command, its exit code and what it printed.
 *
 * @param command the command line
 * @param exitCode the exit code
 * @param stdout everything printed on stdout
 * @param stderr everything printed on stderr
 */
public record HostRun(List<String> command, int exitCode, String stdout, String stderr) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The lines of stdout that are JSON objects, parsed: the events of {@code codex exec --json} and of
   * {@code claude -p --output-format stream-json}.
   */
  public List<JsonNode> jsonLines() {
    List<JsonNode> events = new ArrayList<>();
    for (String line : stdout.lines().toList()) {
      if (line.startsWith("{")) {
        try {
          events.add(JSON.readTree(line));
        } catch (IOException notJson) {
          // a line of text that happens to start with a brace
        }
      }
    }
    return events;
  }

  /** Fails with the whole output unless the command exited with 0. */
  public HostRun assertSuccess() {
    if (exitCode != 0) {
      throw new AssertionError(this);
    }
    return this;
  }

  @Override
  public String toString() {
    return "$ " + String.join(" ", command) + "   [exit " + exitCode + "]\n" + stdout
        + (stderr.isBlank() ? "" : "[stderr]\n" + stderr);
  }

  /**
   * Runs {@code command} in {@code cwd} with the current environment, less the variables that would reach a real
   * model or account or tell a host that it runs inside another agent's session, plus {@code env}; stdin is
   * closed at once. A command still running after {@code timeout} is killed, with its children, and fails the
   * test.
   */
  static HostRun run(List<String> command, Map<String, String> env, Path cwd, Duration timeout) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
    for (String leak : List.of("OPENAI_API_KEY", "CODEX_API_KEY", "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN",
        "ANTHROPIC_BASE_URL", "CLAUDE_CODE_OAUTH_TOKEN", "CLAUDECODE", "CODEX_SANDBOX")) {
      builder.environment().remove(leak);
    }
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<String> out = drain(process.getInputStream());
      CompletableFuture<String> err = drain(process.getErrorStream());
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish within " + timeout);
      }
      HostRun run = new HostRun(List.copyOf(command), process.exitValue(), out.join(), err.join());
      System.out.println(run);
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
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
