package dev.codexplugin.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the SDK's own build is: its root folder, with {@code mvnw} and the modules' {@code target/} folders. */
public final class Reactor {
  private Reactor() {}

  /**
   * The root of the SDK's repository: the system property {@code codexplugin.reactor.root} if set, else the first
   * folder, from the working directory up, that holds {@code mvnw} and {@code .mvn/} (a module's tests run in
   * the module's folder).
   *
   * @throws IllegalStateException if there is none
   */
  public static Path root() {
    String configured = System.getProperty("codexplugin.reactor.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve(".mvn"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no folder with mvnw and .mvn/ from " + start + " up; run the tests inside the"
        + " SDK's repository or set -Dcodexplugin.reactor.root");
  }
}
