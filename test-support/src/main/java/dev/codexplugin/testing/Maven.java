package dev.codexplugin.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs the repository's own Maven wrapper ({@code ./mvnw}) as a separate process, the way a user runs Maven:
 * batch mode, no transfer progress, a private local repository under {@code target/} in front of the shared one.
 *
 * <p>The private local repository takes everything the run downloads or resolves from a test repository, so a
 * test never writes to {@code ~/.m2}; the shared one is only read, as Maven's {@code maven.repo.local.tail}, for
 * the plugins and libraries that are already there. Nothing here ever runs {@code install} into {@code ~/.m2}.
 *
 * <p>Immutable: each option returns a new value.
 */
public final class Maven {
  private static final long TIMEOUT_MINUTES = 10;

  private final Path wrapper;
  private final Path localRepository;
  private final Path tail;
  private final Path settings;

  private Maven(Path wrapper, Path localRepository, Path tail, Path settings) {
    this.wrapper = wrapper;
    this.localRepository = localRepository;
    this.tail = tail;
    this.settings = settings;
  }

  /**
   * The wrapper of the repository at {@code root}: {@code mvnw} ({@code mvnw.cmd} on Windows), with
   * {@code localRepository} as its local repository and the shared local repository
   * ({@link #sharedLocalRepository()}) as the read-only tail.
   */
  public static Maven wrapper(Path root, Path localRepository) {
    Path wrapper = root.resolve(isWindows() ? "mvnw.cmd" : "mvnw").toAbsolutePath();
    if (!Files.isRegularFile(wrapper)) {
      throw new IllegalArgumentException("no Maven wrapper at " + wrapper);
    }
    return new Maven(wrapper, localRepository.toAbsolutePath(), sharedLocalRepository(), null);
  }

  /**
   * The local repository the outer build reads: the system property {@code maven.repo.local} if set (a consumer's
   * surefire configuration may pass {@code ${settings.localRepository}}), else {@code ~/.m2/repository}.
   */
  public static Path sharedLocalRepository() {
    String configured = System.getProperty("maven.repo.local");
    return configured != null && !configured.isBlank()
        ? Path.of(configured).toAbsolutePath()
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  /** Uses {@code settings} as the user settings ({@code -s}). */
  public Maven settings(Path settings) {
    return new Maven(wrapper, localRepository, tail, settings.toAbsolutePath());
  }

  /** Reads no shared local repository: everything comes from the configured repositories. */
  public Maven withoutTail() {
    return new Maven(wrapper, localRepository, null, settings);
  }

  /** The private local repository of the runs. */
  public Path localRepository() {
    return localRepository;
  }

  /**
   * Runs Maven in {@code dir} with {@code args} and returns its exit code and output (standard output and error
   * together).
   */
  public Result run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(wrapper.toString());
    command.add("-B");
    command.add("--no-transfer-progress");
    command.add("-Dmaven.repo.local=" + localRepository);
    if (tail != null) {
      command.add("-Dmaven.repo.local.tail=" + tail);
    }
    if (settings != null) {
      command.add("-s");
      command.add(settings.toString());
    }
    command.addAll(List.of(args));
    Files.createDirectories(localRepository);
    Path log = Files.createTempFile(localRepository.getParent(), "maven-", ".log");
    try {
      Process process = new ProcessBuilder(command)
          .directory(dir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
          .start();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly().waitFor();
        throw new IOException("Maven did not finish in " + TIMEOUT_MINUTES + " minutes: " + String.join(" ", command));
      }
      return new Result(command, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /**
   * Runs Maven like {@link #run} and returns its output.
   *
   * @throws IllegalStateException if Maven failed, with the command and the end of its output
   */
  public String runOrFail(Path dir, String... args) throws IOException, InterruptedException {
    Result result = run(dir, args);
    if (result.exitCode() != 0) {
      throw new IllegalStateException(result.describe());
    }
    return result.output();
  }

  @Override
  public String toString() {
    return "Maven[" + wrapper + ", local repository " + localRepository + "]";
  }

  /**
   * One run of Maven.
   *
   * @param command the command line
   * @param exitCode its exit code
   * @param output standard output and error
   */
  public record Result(List<String> command, int exitCode, String output) {
    /** Checks the parts. */
    public Result {
      command = List.copyOf(command);
      Objects.requireNonNull(output, "output");
    }

    /** The command, its exit code and the last 80 lines of its output. */
    public String describe() {
      List<String> lines = output.lines().toList();
      return String.join(" ", command) + "\nexited with " + exitCode + "; last lines of its output:\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }
  }

  private static boolean isWindows() {
    return System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
  }

  private static java.io.File nullDevice() {
    return new java.io.File(isWindows() ? "NUL" : "/dev/null");
  }
}
