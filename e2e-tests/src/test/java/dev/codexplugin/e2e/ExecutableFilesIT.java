package dev.codexplugin.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codexplugin.runtime.MarketplaceExport;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 7: executable files survive annotation → jar → loader → export → zip → install. A plugin with a
 * local skill whose {@code scripts/check.sh} is executable and a shipped hook script {@code hooks/guard.sh}
 * ({@code @Plugin(files)}) is compiled by the real processor with the real {@code javac}; the jar (which cannot
 * hold a mode) carries it in the bundle index; the loader reports the executable files; the exported folder has
 * them {@code 0755} and the zip stores the mode; the real Codex CLI and Claude Code install the plugin, and the
 * scripts are executable in each host's installed cache while {@code SKILL.md} is not.
 */
class ExecutableFilesIT {
  private static final String PLUGIN = "exec-files-plugin";
  private static final String MARKETPLACE = "exec-files";
  private static final Set<PosixFilePermission> RWXR_XR_X = PosixFilePermissions.fromString("rwxr-xr-x");
  private static final Set<PosixFilePermission> RW_R__R__ = PosixFilePermissions.fromString("rw-r--r--");

  private static Path work;
  private static Path jar;
  private static Path exported;

  @BeforeAll
  static void buildAndExport() throws Exception {
    work = Path.of(System.getProperty("e2e.work"), "executable-files-it");
    CodexCli.deleteRecursively(work);
    Path src = Files.createDirectories(work.resolve("src"));
    Path pkg = Files.createDirectories(src.resolve("com/acme/exec"));
    Files.writeString(pkg.resolve("package-info.java"), """
        @Plugin(name = "%s", version = "1.0.0", description = "Scripts that must stay executable",
            author = @Author(name = "Codex Plugin SDK e2e"), localSkills = "skills", files = "shipped")
        package com.acme.exec;

        import dev.codexplugin.api.Author;
        import dev.codexplugin.api.Plugin;
        """.formatted(PLUGIN));
    Path skill = Files.createDirectories(pkg.resolve("skills/check"));
    Files.writeString(skill.resolve("SKILL.md"), """
        ---
        name: check
        description: Run the team's checks with scripts/check.sh. Use when asked to check the workspace.
        ---

        Run `scripts/check.sh` from this skill's folder and report its output.
        """);
    script(Files.createDirectories(skill.resolve("scripts")).resolve("check.sh"), "echo checks passed");
    script(Files.createDirectories(pkg.resolve("shipped/hooks")).resolve("guard.sh"), "exit 0");

    Path classes = Files.createDirectories(work.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> options = List.of("-d", classes.toString(), "-sourcepath", src.toString(),
        "-classpath", System.getProperty("java.class.path"),
        "-processorpath", System.getProperty("java.class.path"),
        "-processor", "dev.codexplugin.processor.CodexPluginProcessor", "-Werror");
    List<String> args = new ArrayList<>(options);
    args.add(pkg.resolve("package-info.java").toString());
    java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
    int exit = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
    assertWithMessage("javac with the processor:\n%s", diagnostics.toString(StandardCharsets.UTF_8))
        .that(exit).isEqualTo(0);

    jar = work.resolve(PLUGIN + "-1.0.0.jar");
    jar(classes, jar);
    exported = work.resolve(MARKETPLACE);
    MarketplaceExport.builder().marketplaceName(MARKETPLACE).format(MarketplaceExport.Format.BOTH)
        .addJar(jar).build().exportTo(exported);
  }

  @Test
  void theLoaderReportsTheExecutableFilesOfTheJar() throws Exception {
    PluginBundle bundle = PluginLoader.load(jar).get(0);
    assertThat(bundle.executableFiles()).containsExactly("hooks/guard.sh", "skills/check/scripts/check.sh");
  }

  @Test
  void theExportAndItsZipKeepTheModes() throws Exception {
    Path plugin = exported.resolve("plugins").resolve(PLUGIN);
    assertThat(Files.getPosixFilePermissions(plugin.resolve("skills/check/scripts/check.sh"))).isEqualTo(RWXR_XR_X);
    assertThat(Files.getPosixFilePermissions(plugin.resolve("hooks/guard.sh"))).isEqualTo(RWXR_XR_X);
    assertThat(Files.getPosixFilePermissions(plugin.resolve("skills/check/SKILL.md"))).isEqualTo(RW_R__R__);

    Path zip = MarketplaceExport.zip(exported, work.resolve(MARKETPLACE + ".zip"));
    try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
      Path root = fs.getPath("/");
      Path script = find(root, "check.sh");
      assertWithMessage("mode of %s in the zip", script).that(Files.getPosixFilePermissions(script))
          .isEqualTo(RWXR_XR_X);
      assertThat(Files.getPosixFilePermissions(find(root, "guard.sh"))).isEqualTo(RWXR_XR_X);
      assertThat(Files.getPosixFilePermissions(find(root, "SKILL.md"))).isEqualTo(RW_R__R__);
    }
  }

  @Test
  void theRealCodexCliInstallsThemExecutable() throws Exception {
    InstallChecks.codex(exported, "exec-files");
    Path cache = Path.of(System.getProperty("e2e.work"), "codex-home-exec-files", "plugins", "cache", MARKETPLACE,
        PLUGIN, "1.0.0");
    assertInstalledExecutable(cache);
  }

  @Test
  void claudeCodeInstallsThemExecutable() throws Exception {
    InstallChecks.claude(exported, "exec-files");
    Path config = Path.of(System.getProperty("e2e.work"), "claude-config-exec-files");
    Path script = find(config, "check.sh");
    assertInstalledExecutable(script.getParent().getParent().getParent().getParent());
  }

  private static void assertInstalledExecutable(Path installed) throws IOException {
    assertWithMessage("installed plugin at %s", installed).that(Files.isDirectory(installed)).isTrue();
    Path check = installed.resolve("skills/check/scripts/check.sh");
    Path guard = installed.resolve("hooks/guard.sh");
    assertWithMessage("%s is executable", check).that(Files.isExecutable(check)).isTrue();
    assertWithMessage("%s is executable", guard).that(Files.isExecutable(guard)).isTrue();
    assertWithMessage("SKILL.md is not executable").that(Files.isExecutable(installed.resolve("skills/check/SKILL.md")))
        .isFalse();
    Process run = new ProcessBuilder(check.toString()).redirectErrorStream(true).start();
    assertThat(new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("checks passed\n");
  }

  private static void script(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, RWXR_XR_X);
  }

  private static Path find(Path root, String name) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.getFileName() != null && p.getFileName().toString().equals(name))
          .filter(p -> p.toString().contains(PLUGIN) || p.toString().contains(MARKETPLACE))
          .sorted().findFirst()
          .orElseThrow(() -> new AssertionError("no " + name + " under " + root));
    }
  }

  private static void jar(Path classes, Path jar) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Path file : files) {
        ZipEntry entry = new ZipEntry(classes.relativize(file).toString().replace('\\', '/'));
        entry.setLastModifiedTime(FileTime.fromMillis(0));
        zip.putNextEntry(entry);
        Files.copy(file, zip);
        zip.closeEntry();
      }
    }
  }
}
