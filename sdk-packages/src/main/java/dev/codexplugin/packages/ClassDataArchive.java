package dev.codexplugin.packages;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The class-data archive that makes a plugin's Java tool server start faster, made at install with the user's
 * own {@code java}: a dynamic AppCDS archive ({@code -XX:ArchiveClassesAtExit}) on JDK 13-23, an AOT cache
 * ({@code -XX:AOTMode=record}, then {@code create}) on JDK 24 and later. The training run is one real session:
 * {@code initialize}, {@code tools/list}, then stdin closed, in the folder and with the class path the host
 * runs the server with (the JVM checks the class path and each jar's size and time).
 *
 * <p>{@link #runtimeOptions} are the options put in front of the server's class path. They never write to
 * stdout (which carries JSON-RPC) and never stop the server: {@code -Xlog:disable -Xlog:all=warning:stderr}
 * sends every JVM warning (a stale or missing archive) to stderr, {@code -Xshare:auto} / {@code -XX:AOTMode=auto}
 * fall back to no archive, and {@code -XX:+IgnoreUnrecognizedVMOptions} lets an older JDK run a command made for
 * a newer one.
 */
public final class ClassDataArchive {
  private static final Pattern VERSION = Pattern.compile("version \"(\\d+)(?:\\.(\\d+))?");
  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
      + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"codexplugin-install\","
      + "\"version\":\"1\"}}}";
  private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
  private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

  private ClassDataArchive() {}

  /** The feature version of {@code java} ({@code 17}, {@code 25}), or empty when it does not run. */
  public static Optional<Integer> feature(Path java) {
    try {
      Process p = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
      p.getOutputStream().close();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      Matcher m = VERSION.matcher(text);
      if (!m.find()) {
        return Optional.empty();
      }
      int first = Integer.parseInt(m.group(1));
      return Optional.of(first == 1 && m.group(2) != null ? Integer.parseInt(m.group(2)) : first);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The archive's file name suffix for a JDK: {@code .aot} from 24 on, else {@code .jsa}. */
  public static String suffix(int feature) {
    return feature >= 24 ? ".aot" : ".jsa";
  }

  /**
   * The JVM options that use {@code archive} when it is valid and are silent otherwise; put them right after
   * {@code java}. With them, {@code -XX:TieredStopAtLevel=1}: the server compiles with C1 only, which takes its
   * first {@code tools/list} from 0.44 to 0.28 of the official-SDK server's (BENCHMARKS.md, package manager), for
   * a few per cent of peak throughput ({@code -XX:+UseSerialGC} measured no gain on top).
   */
  public static List<String> runtimeOptions(int feature, Path archive) {
    List<String> options = new ArrayList<>(List.of("-XX:+IgnoreUnrecognizedVMOptions", "-XX:TieredStopAtLevel=1",
        "-Xlog:disable", "-Xlog:all=warning:stderr"));
    if (feature >= 24) {
      options.add("-XX:AOTMode=auto");
      options.add("-XX:AOTCache=" + archive);
    } else {
      options.add("-Xshare:auto");
      options.add("-XX:SharedArchiveFile=" + archive);
    }
    return options;
  }

  /**
   * Makes {@code archive} by running the server once.
   *
   * @param java the {@code java} to run, the one the host will start the server with
   * @param feature its feature version
   * @param folder the working folder the host starts the server in
   * @param serverArgs the server's arguments after {@code java}, e.g. {@code -cp lib/* com.acme.Server}
   * @param archive the archive to write (replaced)
   * @return empty on success, else why the archive could not be made
   */
  public static Optional<String> create(Path java, int feature, Path folder, List<String> serverArgs, Path archive) {
    return create(java, feature, folder, serverArgs, archive, ClassDataArchive::train);
  }

  private static Optional<String> create(Path java, int feature, Path folder, List<String> serverArgs, Path archive,
      Trainer trainer) {
    if (feature < 13) {
      return Optional.of("JDK " + feature + " cannot write a dynamic class-data archive (JDK 13 or later can)");
    }
    try {
      Files.createDirectories(archive.getParent());
      Path temp = archive.resolveSibling(archive.getFileName() + ".tmp");
      Files.deleteIfExists(temp);
      if (feature >= 24) {
        Path config = archive.resolveSibling(archive.getFileName() + ".aotconf");
        Optional<String> record = trainer.run(java, folder, List.of("-XX:AOTMode=record",
            "-XX:AOTConfiguration=" + config), serverArgs);
        if (record.isPresent()) {
          return record;
        }
        List<String> create = new ArrayList<>(List.of(java.toString(), "-XX:AOTMode=create",
            "-XX:AOTConfiguration=" + config, "-XX:AOTCache=" + temp));
        create.addAll(serverArgs);
        Process p = new ProcessBuilder(create).directory(folder.toFile()).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        Files.deleteIfExists(config);
        if (!done || p.exitValue() != 0) {
          p.destroyForcibly();
          return Optional.of("java -XX:AOTMode=create failed");
        }
      } else {
        Optional<String> run = trainer.run(java, folder, List.of("-XX:ArchiveClassesAtExit=" + temp), serverArgs);
        if (run.isPresent()) {
          return run;
        }
      }
      if (!Files.isRegularFile(temp)) {
        return Optional.of("the JVM wrote no archive");
      }
      Files.move(temp, archive, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  /**
   * The JVM flags that start every Java hook command the processor writes ({@code HookCode.JVM_FLAGS}); the
   * archive's options replace them, and include them.
   */
  static final String HOOK_JVM_FLAGS = "java -Xlog:disable -Xlog:all=warning:stderr ";
  /** The class path of a Java hook command, which the host expands with the installed plugin folder. */
  static final String HOOK_CLASS_PATH = "-cp \"${CLAUDE_PLUGIN_ROOT}/lib/*\" ";
  /**
   * The input of the training run of a hook launcher: a real SessionStart event for a handler id no launcher has,
   * so that the launcher reads and parses its input and takes its fail-safe path (exit 1, nothing on stdout)
   * without running any of the plugin's own code.
   */
  static final String HOOK_TRAINING_ID = "codexplugin.install.training";
  static final String HOOK_TRAINING_INPUT = "{\"session_id\":\"codexplugin-install\",\"transcript_path\":null,"
      + "\"cwd\":\".\",\"hook_event_name\":\"SessionStart\",\"source\":\"startup\"}";

  /**
   * A {@code hooks.json} command with the archive's options in place of its JVM options, when it is a Java hook
   * command ({@code java -Xlog:disable -Xlog:all=warning:stderr -cp "${CLAUDE_PLUGIN_ROOT}/lib/*" ...}, as the
   * processor writes it or with options an earlier call put in); any other command as it is. The options are
   * shell words (an archive path with a space is single-quoted).
   */
  public static String hookCommand(String command, List<String> options) {
    int at = command.indexOf(HOOK_CLASS_PATH);
    if (!command.startsWith("java ") || at < 0 || !jvmOptions(command.substring("java ".length(), at))) {
      return command;
    }
    StringBuilder out = new StringBuilder("java ");
    for (String option : options) {
      out.append(option.matches("[A-Za-z0-9_.:=+,/@%-]+") ? option : "'" + option.replace("'", "'\\''") + "'")
          .append(' ');
    }
    return out.append(command.substring(at)).toString();
  }

  /**
   * The options of the processor's Java hook command ({@link #HOOK_JVM_FLAGS}): {@link #hookCommand} with them
   * gives the command back as the processor wrote it.
   */
  public static final List<String> HOOK_BASE_OPTIONS = List.of("-Xlog:disable", "-Xlog:all=warning:stderr");

  /**
   * Whether {@code words} (between {@code java} and the class path) are only JVM options: the processor's flags,
   * or the options an earlier {@link #hookCommand} put there (a copy of an installed folder, which another host's
   * options are replaced in).
   */
  private static boolean jvmOptions(String words) {
    return words.matches("(?:(?:-X[A-Za-z0-9_.:=+,/@%-]*|'-X(?:[^']|'\\\\'')*') )*");
  }

  /** The launcher class of a Java hook command ({@link #hookCommand}), or empty for any other command. */
  public static Optional<String> hookLauncher(String command) {
    int at = command.indexOf(HOOK_CLASS_PATH);
    if (at < 0 || !command.startsWith("java ")) {
      return Optional.empty();
    }
    String rest = command.substring(at + HOOK_CLASS_PATH.length()).trim();
    String launcher = rest.startsWith("'") ? rest.substring(1, Math.max(1, rest.indexOf('\'', 1)))
        : rest.split(" ", 2)[0];
    return launcher.matches("[A-Za-z0-9_.$]+") ? Optional.of(launcher) : Optional.empty();
  }

  /**
   * Makes {@code archive} for a plugin's hook launcher by running it once, as the host does (in the plugin's
   * folder, with its {@code lib/*} as class path), with {@link #HOOK_TRAINING_INPUT} for a handler id that no
   * launcher has: no handler runs.
   *
   * @return empty on success, else why the archive could not be made
   */
  public static Optional<String> createForHooks(Path java, int feature, Path folder, String launcher, Path archive) {
    List<String> args = List.of("-cp", folder.toAbsolutePath().resolve("lib") + "/*", launcher, HOOK_TRAINING_ID);
    return create(java, feature, folder, args, archive, ClassDataArchive::trainHook);
  }

  private interface Trainer {
    Optional<String> run(Path java, Path folder, List<String> options, List<String> args)
        throws IOException, InterruptedException;
  }

  /** Runs the launcher once with the training input; its exit code is the fail-safe's and does not matter. */
  private static Optional<String> trainHook(Path java, Path folder, List<String> options, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(options);
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(folder.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("CLAUDE_PLUGIN_ROOT", folder.toAbsolutePath().toString());
    Process p = pb.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(HOOK_TRAINING_INPUT.getBytes(StandardCharsets.UTF_8));
    }
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return Optional.of("the hook launcher did not exit within 120 s");
    }
    return Optional.empty();
  }

  /** Runs one session: initialize, tools/list, then closes stdin and waits for the server to exit. */
  private static Optional<String> train(Path java, Path folder, List<String> options, List<String> serverArgs)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(options);
    command.addAll(serverArgs);
    Process p = new ProcessBuilder(command).directory(folder.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Duration timeout = Duration.ofMinutes(2);
    try (OutputStream in = p.getOutputStream(); InputStream out = p.getInputStream()) {
      in.write((INITIALIZE + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      if (!readUntil(out, "\"id\":1")) {
        return Optional.of("the server did not answer initialize");
      }
      in.write((INITIALIZED + "\n" + LIST + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      if (!readUntil(out, "\"id\":2")) {
        return Optional.of("the server did not answer tools/list");
      }
    }
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      return Optional.of("the server did not exit within " + timeout.toSeconds() + " s after stdin closed");
    }
    return Optional.empty();
  }

  private static boolean readUntil(InputStream out, String marker) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c; (c = out.read()) >= 0; ) {
      if (c == '\n') {
        if (line.indexOf(marker) >= 0) {
          return true;
        }
        line.setLength(0);
      } else {
        line.append((char) c);
      }
    }
    return false;
  }
}
