package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.codexplugin.processor.ProcessorTesting.assertOnlyError;
import static dev.codexplugin.processor.ProcessorTesting.bundleFile;
import static dev.codexplugin.processor.ProcessorTesting.bundleFiles;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ProcessorTesting.png;
import static dev.codexplugin.processor.ProcessorTesting.resourcePath;
import static dev.codexplugin.processor.ProcessorTesting.source;
import static dev.codexplugin.processor.ProcessorTesting.write;

import com.google.testing.compile.Compilation;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.format.BundleIndex;
import dev.codexplugin.runtime.format.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code @Plugin(files)}: a resource folder shipped at the bundle root as it is, with the executable bits of the
 * files the processor reads, and {@code localSkills}' executable scripts.
 */
class ShippedFilesTest {
  @TempDir Path resources;
  @TempDir Path build;

  private static JavaFileObject plugin(String attributes) {
    return source("com.acme.package-info", """
        @Plugin(
            name = "kit",
            version = "1.0.0",
            description = "d",
        %s)
        package com.acme;

        import dev.codexplugin.api.Plugin;
        import dev.codexplugin.api.PluginInterface;
        """.formatted(attributes));
  }

  private Compilation compileIt(JavaFileObject file) {
    return compile(List.of(resourcePath(resources)), file);
  }

  @Test
  @Covers(FindingCode.MISSING_FILE)
  void filesMustNameAFolder() {
    JavaFileObject file = plugin("""
            files = "/no-such-files\"""");
    assertOnlyError(compileIt(file), FindingCode.MISSING_FILE, file, "files = \"/no-such-files\"",
        "@Plugin files " + FindingCode.MISSING_FILE.rule() + "; found \"/no-such-files\": looked for the folder"
            + " no-such-files in " + resources, "Fix the path or add the folder.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"hooks/hooks.json", "mcp-tools.json", "mcp-requirements.json", "plugin.json",
      "skills/review/SKILL.md", "skills/review/agents/openai.yaml"})
  @Covers(FindingCode.DUPLICATE)
  void aFileAtAPathTheProcessorWritesIsADuplicate(String path) {
    write(resources, "files/" + path, "{}\n");
    JavaFileObject file = plugin("""
            files = "/files\"""");
    String message = assertOnlyError(compileIt(file), FindingCode.DUPLICATE, file, "files = \"/files\"",
        "@Plugin files \"/files\": " + path + " " + FindingCode.DUPLICATE.rule() + "; found a file the processor"
            + " writes from @");
    assertThat(message).contains(". Declare it with @");
  }

  @Test
  @Covers(FindingCode.DUPLICATE)
  void aFileWhereAnAssetGoesIsADuplicate() {
    write(resources, "logo.png", png(1, 32));
    write(resources, "files/assets/logo.png", png(2, 32));
    JavaFileObject file = plugin("""
            ui = @PluginInterface(logo = "/logo.png"),
            files = "/files\"""");
    assertOnlyError(compileIt(file), FindingCode.DUPLICATE, file, "files = \"/files\"",
        "@Plugin files \"/files\": assets/logo.png " + FindingCode.DUPLICATE.rule() + "; found \"/files/assets/logo.png\","
            + " which would be copied to assets/logo.png, where \"/logo.png\" is already. Rename one of the files.");
  }

  @Test
  @Covers(FindingCode.UNSAFE_PATH)
  void aLinkOutOfTheFolderIsUnsafe() throws IOException {
    Path secret = write(resources, "outside/token.txt", "not for the bundle");
    Files.createDirectories(resources.resolve("files/bin"));
    Files.createSymbolicLink(resources.resolve("files/bin/token.txt"), secret);
    JavaFileObject file = plugin("""
            files = "/files\"""");
    assertOnlyError(compileIt(file), FindingCode.UNSAFE_PATH, file, "files = \"/files\"",
        "@Plugin files \"/files\": bin/token.txt " + FindingCode.UNSAFE_PATH.rule() + "; found a symbolic link to "
            + secret + ". Copy the file into the folder instead of linking outside it.");
  }

  @Test
  void aLinkToAFileInsideIsShippedAsACopyAndHiddenEntriesAreLeftOut() throws IOException {
    Path script = write(resources, "files/bin/run.sh", "#!/bin/sh\necho run\n");
    Fixtures.executable(script);
    Files.createSymbolicLink(resources.resolve("files/bin/start"), Path.of("run.sh"));
    write(resources, "files/.env", "SECRET=1");
    write(resources, "files/bin/.cache/x", "hidden folder");
    JavaFileObject file = plugin("""
            files = "/files\"""");
    Compilation compilation = compileIt(file);
    assertThat(compilation.diagnostics()).isEmpty();
    assertThat(bundleFiles(compilation).keySet()).containsExactly("index.json", "kit/.codex-plugin/plugin.json",
        "kit/bin/run.sh", "kit/bin/start").inOrder();
    assertThat(bundleFile(compilation, "kit/bin/start")).isEqualTo("#!/bin/sh\necho run\n");
    // A link is read as the file it points at, executable bit included.
    assertThat(index(compilation).executable()).containsExactly("bin/run.sh", "bin/start");
  }

  @Test
  void onlyTheFilesTheFileSystemCallsExecutableAreListed() {
    Fixtures.executable(write(resources, "skills/check/scripts/check.sh", "#!/bin/sh\nexit 0\n"));
    write(resources, "skills/check/SKILL.md", "---\nname: check\ndescription: Check. Use always.\n---\nRun it.\n");
    write(resources, "skills/check/scripts/notes.txt", "not a script");
    Fixtures.executable(write(resources, "files/bin/tool", "#!/bin/sh\n"));
    write(resources, "files/bin/tool.conf", "mode 644");
    JavaFileObject file = plugin("""
            localSkills = "/skills",
            files = "/files\"""");
    Compilation compilation = compileIt(file);
    assertThat(compilation.diagnostics()).isEmpty();
    assertThat(index(compilation).executable()).containsExactly("bin/tool", "skills/check/scripts/check.sh");
  }

  /**
   * The mode comes from the file the processor reads, on real javac with real folders: a folder on the source
   * path wins over the copy in the class output, and a copy alone keeps whatever mode the build tool gave it
   * (maven-resources-plugin 3.x keeps the executable bit; a copy without it has no executable file), as the
   * Javadoc of {@code @Plugin(files)} says. Before javac's Filer was worked around, a folder was found only in
   * the folders of {@code -Acodexplugin.resourcePath}.
   */
  @Test
  void theModeComesFromTheSourceFolderBeforeTheCopyInTheClassOutput() throws IOException {
    Map<String, String> sources = Map.of("com/acme/package-info.java", """
        @dev.codexplugin.api.Plugin(name = "kit", version = "1.0.0", description = "d", files = "files")
        package com.acme;
        """);
    Path copy = write(build.resolve("out"), "com/acme/files/bin/tool", "#!/bin/sh\n");
    Fixtures.executable(copy);
    DiskCompiler.Result copyWithMode = DiskCompiler.compile(build, new CodexPluginProcessor(), List.of(), sources);
    assertWithMessage("%s", copyWithMode.diagnostics()).that(copyWithMode.success()).isTrue();
    assertThat(indexOnDisk(copyWithMode).executable()).containsExactly("bin/tool");

    // A copy made without the mode.
    Files.setPosixFilePermissions(copy, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    Path src = build.resolve("src");
    DiskCompiler.Result copyOnly = DiskCompiler.compile(build, new CodexPluginProcessor(), List.of(), sources);
    assertWithMessage("%s", copyOnly.diagnostics()).that(copyOnly.success()).isTrue();
    assertThat(indexOnDisk(copyOnly).executable()).isEmpty();

    Fixtures.executable(write(src, "com/acme/files/bin/tool", "#!/bin/sh\n"));
    DiskCompiler.Result withSource = DiskCompiler.compile(build, new CodexPluginProcessor(),
        List.of("-sourcepath", src.toString()), sources);
    assertWithMessage("%s", withSource.diagnostics()).that(withSource.success()).isTrue();
    assertThat(indexOnDisk(withSource).executable()).containsExactly("bin/tool");
  }

  private static BundleIndex.Entry index(Compilation compilation) {
    return read(bundleFiles(compilation).get("index.json"));
  }

  private static BundleIndex.Entry indexOnDisk(DiskCompiler.Result result) throws IOException {
    return read(Files.readAllBytes(result.out().resolve("META-INF/codex-plugins/index.json")));
  }

  private static BundleIndex.Entry read(byte[] index) {
    Report report = new Report(FindingCode.Context.LOAD, "");
    List<BundleIndex.Entry> entries = BundleIndex.read(index, report).orElseThrow();
    assertThat(report.findings()).isEmpty();
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }
}
