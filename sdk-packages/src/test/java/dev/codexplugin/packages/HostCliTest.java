package dev.codexplugin.packages;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the package manager runs a host's command: its stdout and stderr are both read to the end. */
class HostCliTest {
  @TempDir Path work;

  @Test
  void aHostThatFillsStderrBeforeItClosesStdoutIsReadToTheEnd() throws Exception {
    // 1 MiB on stderr before anything on stdout: more than a pipe holds, so stdout and stderr must be read at
    // the same time (on JDK 25 the common pool read them one after the other on two cores, and this blocked)
    Path host = work.resolve("chatty-host");
    Files.writeString(host, "#!/bin/sh\nhead -c 1048576 /dev/zero | tr '\\\\0' x >&2\necho '{\"ok\": true}'\n");
    Files.setPosixFilePermissions(host, PosixFilePermissions.fromString("rwxr-xr-x"));
    HostCli cli = new HostCli("codex", List.of(host.toString()), Map.of("PATH", System.getenv("PATH")), work);

    HostCli.Result result = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> cli.run("plugin"));

    assertThat(result.exit()).isEqualTo(0);
    assertThat(result.err()).hasLength(1 << 20);
    assertThat(result.out().strip()).isEqualTo("{\"ok\": true}");
  }
}
