package dev.codexplugin.e2e;

import static com.google.common.truth.Truth.assertThat;

import dev.codexplugin.packages.Declaration;
import dev.codexplugin.packages.WrapperFiles;
import dev.codexplugin.testing.Publisher;
import dev.codexplugin.testing.Reactor;
import dev.codexplugin.testing.SdkArtifacts;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The committed wrapper with the real CLI: this build's {@code sdk-cli} {@code -all} jar deployed into the
 * authenticated repository, fetched by {@code ./codexplugin} from a fresh {@code HOME}, verified, cached and run.
 */
class WrapperIT {
  @Test
  void freshMachineFetchesVerifiesCachesAndRunsTheRealCli() throws Exception {
    Path work = Path.of(System.getProperty("e2e.work"), "wrapper-it");
    PublisherIT.deleteRecursively(work);
    try (Publisher publisher = Publisher.start(Reactor.root(), work,
        Path.of(System.getProperty("publisher.localRepository")))) {
      String version = publisher.sdk().version();
      Path deployed = publisher.deployedFile(SdkArtifacts.GROUP_ID, "sdk-cli", version, "all", "jar");
      String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(Files.readAllBytes(deployed)));
      WrapperFiles.Pin pin = new WrapperFiles.Pin(SdkArtifacts.GROUP_ID, "sdk-cli", "all",
          publisher.resolvedVersion(SdkArtifacts.GROUP_ID, "sdk-cli", version), sha256,
          List.of(new Declaration.Repository(Publisher.REPOSITORY_ID, publisher.url().toString())));
      Path project = work.resolve("project");
      for (Map.Entry<String, String> file : WrapperFiles.render(pin).entrySet()) {
        Files.createDirectories(project.resolve(file.getKey()).getParent());
        Files.writeString(project.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
      }
      Files.setPosixFilePermissions(project.resolve(WrapperFiles.SCRIPT), PosixFilePermissions.fromString("rwxr-xr-x"));
      Path home = Files.createDirectories(work.resolve("home"));
      Map<String, String> credentials = Map.of(
          "CODEXPLUGIN_REPO_TEAM_USERNAME", publisher.credentials().username(),
          "CODEXPLUGIN_REPO_TEAM_PASSWORD", publisher.credentials().password());
      String expected = run(List.of(javaBin(), "-jar", deployed.toString(), "--version"), project, home, Map.of())
          .out();
      publisher.server().clearRequests();

      Run first = run(List.of(project.resolve("codexplugin").toString(), "--version"), project, home, credentials);

      System.out.println("first run: exit " + first.exit() + "\nstdout: " + first.out() + "stderr: " + first.err());
      assertThat(first.exit()).isEqualTo(0);
      assertThat(first.out()).isEqualTo(expected);
      assertThat(first.err()).isEqualTo("codexplugin wrapper: fetched " + pin.coordinates()
          + " from team, sha256 verified\n");
      Path cached = home.resolve(".codexplugin/wrapper/dists/" + sha256 + ".jar");
      assertThat(Files.readAllBytes(cached)).isEqualTo(Files.readAllBytes(deployed));
      assertThat(publisher.server().requests()).hasSize(1);

      // A tampered re-release (consistent checksums) on a second fresh machine: refused, nothing cached.
      publisher.server().rerelease(publisher.server().root().relativize(deployed).toString(),
          Files.readAllBytes(publisher.sdk().modules().get(0).jar()));
      Path otherHome = Files.createDirectories(work.resolve("other-home"));
      Run tampered = run(List.of(project.resolve("codexplugin").toString(), "--version"), project, otherHome,
          credentials);
      System.out.println("tampered: exit " + tampered.exit() + "\nstderr: " + tampered.err());
      assertThat(tampered.exit()).isEqualTo(1);
      assertThat(tampered.out()).isEmpty();
      assertThat(tampered.err()).contains("but the wrapper pins " + sha256);
      assertThat(Files.exists(otherHome.resolve(".codexplugin/wrapper/dists/" + sha256 + ".jar"))).isFalse();

      // The first machine runs from its cache, with the repository gone.
      publisher.close();
      Run cachedRun = run(List.of(project.resolve("codexplugin").toString(), "--version"), project, home, Map.of());
      assertThat(cachedRun.exit()).isEqualTo(0);
      assertThat(cachedRun.out()).isEqualTo(expected);
      assertThat(cachedRun.err()).isEmpty();
    }
  }

  record Run(int exit, String out, String err) {}

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Run run(List<String> command, Path dir, Path home, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("CODEXPLUGIN_"));
    builder.environment().put("HOME", home.toString());
    builder.environment().putAll(env);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("did not finish in 3 minutes: " + command);
    }
    Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return run;
  }
}
