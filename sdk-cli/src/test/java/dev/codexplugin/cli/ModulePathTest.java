package dev.codexplugin.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI runs on the module path ({@code java -p ... -m dev.codexplugin.cli/...}), so the module boundaries are
 * real: it reads nothing but the runtime's exported API. On the class path an import of an internal package
 * would work; here it fails with an {@code IllegalAccessError}.
 */
class ModulePathTest {
  private static final Pattern MAVEN_3_SPLIT =
      Pattern.compile("maven-(artifact|model|model-builder|repository-metadata|resolver-provider)-3");

  @TempDir Path tmp;

  @Test
  void inspectAndValidateRunOnTheModulePath() throws Exception {
    Path jar = PluginJars.compile(tmp, "team-1.0.0.jar", PluginJars.plugin("com.acme.team", "team-plugin", "github"));
    Result inspect = run("inspect", "--json", jar.toString());
    assertWithMessage(inspect.err()).that(inspect.exit()).isEqualTo(0);
    assertThat(inspect.out()).contains("\"name\": \"team-plugin\"");
    Result validate = run("validate", jar.toString());
    assertWithMessage(validate.err()).that(validate.exit()).isEqualTo(0);
    assertThat(validate.out()).contains("valid: 1 bundle(s)");
    Result list = run("export", jar.toString(), "--out", tmp.resolve("market").toString(), "--format", "both");
    assertWithMessage(list.err()).that(list.exit()).isEqualTo(0);
    assertThat(run("list", tmp.resolve("market").toString()).out()).contains("team-plugin 1.0.0");
  }

  private record Result(int exit, String out, String err) {}

  private Result run(String... args) throws IOException, InterruptedException {
    Path classes = Path.of("target/classes").toAbsolutePath();
    String dependencies = Files.readString(Path.of("target/runtime-class-path.txt"), StandardCharsets.UTF_8).strip();
    // Maven 3 is not made for the module path: maven-artifact, maven-model, maven-model-builder and
    // maven-repository-metadata (which Maven Resolver's supplier brings through maven-resolver-provider) split
    // packages among themselves, so as modules they cannot share one module path. Those jars go on the class
    // path, where the automatic modules of Maven that need them still read them. Our modules stay on the module
    // path, so their boundaries are the ones enforced.
    List<String> modulePath = new ArrayList<>(List.of(classes.toString()));
    List<String> classPath = new ArrayList<>();
    for (String jar : dependencies.split(File.pathSeparator)) {
      (MAVEN_3_SPLIT.matcher(Path.of(jar).getFileName().toString()).lookingAt() ? classPath : modulePath).add(jar);
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-p");
    command.add(String.join(File.pathSeparator, modulePath));
    if (!classPath.isEmpty()) {
      command.add("-cp");
      command.add(String.join(File.pathSeparator, classPath));
    }
    command.add("-m");
    command.add("dev.codexplugin.cli/dev.codexplugin.cli.Main");
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectOutput(tmp.resolve("out").toFile())
        .redirectError(tmp.resolve("err").toFile()).start();
    assertWithMessage("the CLI finished").that(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), Files.readString(tmp.resolve("out")), Files.readString(tmp.resolve("err")));
  }
}
