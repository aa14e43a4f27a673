package dev.codexplugin.runtime.internal;

import dev.codexplugin.runtime.Doctor;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The real machine for {@link Doctor}: {@code PATH} and variables from a map, programs run with a timeout (their
 * output capped), URLs tried with one {@code HEAD} request whose body is never read.
 */
public final class HostEnvironment implements Doctor.Environment {
  private static final int MAX_OUTPUT = 64 * 1024;
  private final Map<String, String> variables;
  private final boolean network;
  private final Duration timeout;

  public HostEnvironment(Map<String, String> variables, boolean network, Duration timeout) {
    // variable names are case-insensitive on Windows
    TreeMap<String, String> copy = new TreeMap<>(windows() ? String.CASE_INSENSITIVE_ORDER : null);
    copy.putAll(variables);
    this.variables = copy;
    this.network = network;
    this.timeout = timeout;
  }

  private static boolean windows() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  }

  @Override
  public Optional<Path> which(String command) {
    String path = variables.getOrDefault("PATH", "");
    List<String> extensions = new ArrayList<>(List.of(""));
    if (windows()) {
      for (String ext : variables.getOrDefault("PATHEXT", ".COM;.EXE;.BAT;.CMD").split(";")) {
        extensions.add(ext.toLowerCase(Locale.ROOT));
      }
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      for (String ext : extensions) {
        try {
          Path candidate = Path.of(dir).resolve(command + ext);
          if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
            return Optional.of(candidate);
          }
        } catch (InvalidPathException e) {
          // not a folder of this file system
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> variable(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  @Override
  public Optional<String> run(Path program, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(program.toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(variables);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      Thread reader = new Thread(() -> {
        try (InputStream in = process.getInputStream()) {
          output.write(in.readNBytes(MAX_OUTPUT));
          in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
          // the process went away; what was read is kept
        }
      }, "codexplugin-doctor-output");
      reader.setDaemon(true);
      reader.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      reader.join(timeout.toMillis());
      synchronized (output) {
        return Optional.of(output.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public Optional<String> reach(URI url) {
    if (!network) {
      return Optional.of(NOT_CHECKED);
    }
    if (url.getScheme() == null || !(url.getScheme().equals("https") || url.getScheme().equals("http"))
        || url.getHost() == null) {
      return Optional.of("not an http(s) URL");
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
    try {
      client.send(request, HttpResponse.BodyHandlers.discarding());
      return Optional.empty();
    } catch (IOException e) {
      String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      return Optional.of(reason);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    } catch (IllegalArgumentException e) {
      return Optional.of("not a valid URL");
    }
  }
}
