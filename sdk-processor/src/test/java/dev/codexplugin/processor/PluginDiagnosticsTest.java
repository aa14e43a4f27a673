package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.codexplugin.processor.ProcessorTesting.assertError;
import static dev.codexplugin.processor.ProcessorTesting.assertOnlyError;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ProcessorTesting.png;
import static dev.codexplugin.processor.ProcessorTesting.resourcePath;
import static dev.codexplugin.processor.ProcessorTesting.source;
import static dev.codexplugin.processor.ProcessorTesting.write;

import com.google.testing.compile.Compilation;
import dev.codexplugin.runtime.FindingCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Negative tests for {@code @Plugin}, its nested {@code @Author} and {@code @PluginInterface}, and assets. */
class PluginDiagnosticsTest {
  @TempDir Path resources;

  /** A package-info.java with {@code @Plugin(<attributes>)}, each attribute line as given. */
  private static JavaFileObject plugin(String attributes) {
    return source("com.acme.package-info", """
        @Plugin(
        %s)
        package com.acme;

        import dev.codexplugin.api.Author;
        import dev.codexplugin.api.Plugin;
        import dev.codexplugin.api.PluginInterface;
        """.formatted(attributes));
  }

  @Test
  @Covers(FindingCode.BAD_NAME)
  void pluginNameMustBeKebabCase() {
    JavaFileObject file = plugin("""
            name = "Team Workflow",
            version = "1.0.0",
            description = "d\"""");
    String message = assertOnlyError(compile(file), FindingCode.BAD_NAME, file, "name = \"Team Workflow\"",
        "@Plugin name " + FindingCode.BAD_NAME.rule() + "; found \"Team Workflow\". Rename it to \"team-workflow\".");
    assertThat(message).startsWith("[codexplugin:BadName] @Plugin name");
  }

  @Test
  @Covers(FindingCode.NOT_PORTABLE)
  void aPluginNamedLikeAWindowsDeviceIsAWarning() {
    JavaFileObject file = plugin("""
            name = "aux",
            version = "1.0.0",
            description = "d\"""");
    String message = ProcessorTesting.assertOnlyWarning(compile(file), FindingCode.NOT_PORTABLE, file,
        "name = \"aux\"", "@Plugin name " + FindingCode.NOT_PORTABLE.rule() + "; found \"aux\", a name Windows"
            + " reserves for a device. Rename the plugin");
    assertThat(message).startsWith("[codexplugin:NotPortable] @Plugin name");
  }

  @Test
  @Covers(FindingCode.BAD_NAME)
  void pluginOnATypeIsCheckedToo() {
    JavaFileObject file = source("com.acme.Team", """
        package com.acme;

        import dev.codexplugin.api.Plugin;

        @Plugin(
            name = "team_",
            version = "1.0.0",
            description = "d")
        final class Team {}
        """);
    assertOnlyError(compile(file), FindingCode.BAD_NAME, file, "name = \"team_\"",
        "; found \"team_\". Rename it to \"team\".");
  }

  @Test
  @Covers(FindingCode.BAD_NAME)
  void pluginNameIsAtMost64Characters() {
    String name = "a".repeat(65);
    JavaFileObject file = plugin("""
            name = "%s",
            version = "1.0.0",
            description = "d\"""".formatted(name));
    assertOnlyError(compile(file), FindingCode.BAD_NAME, file, "name = \"aaa",
        "@Plugin name " + FindingCode.BAD_NAME.rule() + "; found \"" + name + "\". Rename it to \"" + "a".repeat(64)
            + "\".");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "01.0.0", "1.0.0-01", "1.0.0+", "1.0.0-rc..1", "1.0.0 ", "latest"})
  @Covers(FindingCode.BAD_VERSION)
  void versionsThatAreNotStrictSemVer(String version) {
    JavaFileObject file = plugin("""
            name = "team",
            version = "%s",
            description = "d\"""".formatted(version));
    assertOnlyError(compile(file), FindingCode.BAD_VERSION, file, "version = ",
        "@Plugin version " + FindingCode.BAD_VERSION.rule() + "; found \"" + version + "\".");
  }

  @Test
  @Covers(FindingCode.BAD_VERSION)
  void versionMustBeStrictSemVer() {
    JavaFileObject file = plugin("""
            name = "team",
            version = "v1.0",
            description = "d\"""");
    assertOnlyError(compile(file), FindingCode.BAD_VERSION, file, "version = \"v1.0\"",
        "@Plugin version " + FindingCode.BAD_VERSION.rule() + "; found \"v1.0\". Drop the leading \"v\".");
  }

  @Test
  @Covers(FindingCode.MISSING)
  void descriptionMustNotBeEmpty() {
    JavaFileObject file = plugin("""
            name = "team",
            version = "1.0.0",
            description = "\"""");
    assertOnlyError(compile(file), FindingCode.MISSING, file, "description = \"\"",
        "@Plugin description must not be empty. Say what the plugin is for.");
  }

  @Test
  @Covers(FindingCode.DUPLICATE)
  void twoPluginsMustNotShareAName() {
    JavaFileObject first = source("com.a.package-info", """
        @Plugin(name = "team", version = "1.0.0", description = "first")
        package com.a;

        import dev.codexplugin.api.Plugin;
        """);
    JavaFileObject second = source("com.b.package-info", """
        @Plugin(
            name = "team",
            version = "1.0.0",
            description = "second")
        package com.b;

        import dev.codexplugin.api.Plugin;
        """);
    assertOnlyError(compile(first, second), FindingCode.DUPLICATE, second, "name = \"team\"",
        "@Plugin name must be unique; found \"team\", which another @Plugin in this compilation has too. Rename one"
            + " of them.");
  }

  // ------------------------------------------------------------------------------------------ @Author

  @Test
  @Covers(FindingCode.MISSING)
  void authorNameMustNotBeEmptyWhenAnAuthorIsGiven() {
    JavaFileObject file = plugin("""
            name = "team",
            version = "1.0.0",
            description = "d",
            author = @Author(
                name = "",
                email = "dev@acme.example")""");
    assertOnlyError(compile(file), FindingCode.MISSING, file, "name = \"\"",
        "@Author name must not be empty. Name the author, or leave out author.");
  }

  @Test
  @Covers(FindingCode.NOT_HTTPS)
  void authorUrlMustBeHttps() {
    JavaFileObject file = plugin("""
            name = "team",
            version = "1.0.0",
            description = "d",
            author = @Author(
                name = "Acme",
                url = "http://acme.example")""");
    assertOnlyError(compile(file), FindingCode.NOT_HTTPS, file, "url = \"http://acme.example\"",
        "@Author url " + FindingCode.NOT_HTTPS.rule() + "; found \"http://acme.example\". Use"
            + " \"https://acme.example\".");
  }

  @ParameterizedTest
  @ValueSource(strings = {"homepage", "repository"})
  @Covers(FindingCode.NOT_HTTPS)
  void pluginUrlsMustBeHttps(String attribute) {
    JavaFileObject file = plugin("""
            name = "team",
            version = "1.0.0",
            description = "d",
            %s = "ftp://acme.example\"""".formatted(attribute));
    assertOnlyError(compile(file), FindingCode.NOT_HTTPS, file, attribute + " = ",
        "@Plugin " + attribute + " " + FindingCode.NOT_HTTPS.rule() + "; found \"ftp://acme.example\". Use a full"
            + " https:// URL.");
  }

  // ------------------------------------------------------------------------------------------ @PluginInterface

  @ParameterizedTest
  @ValueSource(strings = {"websiteUrl", "privacyPolicyUrl", "termsOfServiceUrl"})
  @Covers(FindingCode.NOT_HTTPS)
  void interfaceUrlsMustBeHttps(String attribute) {
    JavaFileObject file = plugin("""
            name = "team",
            version = "1.0.0",
            description = "d",
            ui = @PluginInterface(
                displayName = "Team",
                %s = "http://acme.example/x")""".formatted(attribute));
    assertOnlyError(compile(file), FindingCode.NOT_HTTPS, file, attribute + " = ",
        "@PluginInterface " + attribute + " " + FindingCode.NOT_HTTPS.rule() + "; found \"http://acme.example/x\".");
  }

  @Test
  @Covers(FindingCode.BAD_COLOR)
  void brandColorMustBeRrggbb() {
    JavaFileObject file = plugin("""
            name = "team",
            version = "1.0.0",
            description = "d",
            ui = @PluginInterface(
                displayName = "Team",
                brandColor = "red",
                category = "productivity")""");
    assertOnlyError(compile(file), FindingCode.BAD_COLOR, file, "brandColor = \"red\"",
        "@PluginInterface brandColor " + FindingCode.BAD_COLOR.rule() + "; found \"red\". Use six hex digits, e.g."
            + " \"#4F46E5\".");
  }

  @Test
  @Covers(FindingCode.DEFAULT_PROMPTS)
  void atMostThreeDefaultPrompts() {
    JavaFileObject file = plugin("""
            name = "team",
            version = "1.0.0",
            description = "d",
            ui = @PluginInterface(
                defaultPrompts = {
                    "Review my diff",
                    "Write tests",
                    "Plan the release",
                    "Summarize the sprint"})""");
    assertOnlyError(compile(file), FindingCode.DEFAULT_PROMPTS, file, "defaultPrompts = {",
        "@PluginInterface defaultPrompts " + FindingCode.DEFAULT_PROMPTS.rule() + "; found 4 entries. Keep the best"
            + " three");
  }

  @Test
  @Covers(FindingCode.DEFAULT_PROMPTS)
  void anEmptyDefaultPromptIsReportedOnItsEntry() {
    JavaFileObject file = plugin("""
            name = "team",
            version = "1.0.0",
            description = "d",
            ui = @PluginInterface(
                defaultPrompts = {
                    "Review my diff",
                    "",
                    "Plan the release"})""");
    assertOnlyError(compile(file), FindingCode.DEFAULT_PROMPTS, file, "\"\",",
        "@PluginInterface defaultPrompts " + FindingCode.DEFAULT_PROMPTS.rule() + "; found empty. Remove the empty"
            + " entry");
  }

  @Test
  @Covers(FindingCode.DEFAULT_PROMPTS)
  void aDefaultPromptOver128CharactersIsReportedOnItsEntry() {
    String tooLong = "p".repeat(129);
    JavaFileObject file = plugin("""
            name = "team",
            version = "1.0.0",
            description = "d",
            ui = @PluginInterface(
                defaultPrompts = {
                    "Review my diff",
                    "%s"})""".formatted(tooLong));
    assertOnlyError(compile(file), FindingCode.DEFAULT_PROMPTS, file, tooLong,
        "@PluginInterface defaultPrompts " + FindingCode.DEFAULT_PROMPTS.rule() + "; found 129 characters. Shorten"
            + " it.");
  }

  // ------------------------------------------------------------------------------------------ assets

  @ParameterizedTest
  @ValueSource(strings = {"composerIcon", "logo", "logoDark"})
  @Covers(FindingCode.MISSING_FILE)
  void anAssetMustExist(String attribute) {
    JavaFileObject file = plugin("""
            name = "team",
            version = "1.0.0",
            description = "d",
            ui = @PluginInterface(
                displayName = "Team",
                %s = "missing.png")""".formatted(attribute));
    assertOnlyError(compile(List.of(resourcePath(resources)), file), FindingCode.MISSING_FILE, file,
        attribute + " = \"missing.png\"", "@PluginInterface " + attribute + " " + FindingCode.MISSING_FILE.rule()
            + "; found \"missing.png\": looked for com/acme/missing.png in " + resources + ", the source path,",
        "Fix the path or add the file (a path without a leading / is relative to the package).");
  }

  @Test
  @Covers(FindingCode.MISSING_FILE)
  void anAssetPathMustNotLeaveTheResourceRoot() {
    JavaFileObject file = plugin("""
            name = "team",
            version = "1.0.0",
            description = "d",
            ui = @PluginInterface(
                logo = "../../../logo.png")""");
    assertOnlyError(compile(List.of(resourcePath(resources)), file), FindingCode.MISSING_FILE, file,
        "logo = \"../../../logo.png\"", "@PluginInterface logo " + FindingCode.MISSING_FILE.rule()
            + "; found \"../../../logo.png\", a path whose .. leaves the resource root. Start it with / or drop the"
            + " .. segments.");
  }

  @Test
  @Covers(FindingCode.NOT_PNG)
  void theSecondScreenshotIsNotAPng() {
    write(resources, "shots/one.png", png(1, 32));
    write(resources, "shots/two.jpg", png(2, 32));
    JavaFileObject file = plugin("""
            name = "team",
            version = "1.0.0",
            description = "d",
            ui = @PluginInterface(
                screenshots = {
                    "/shots/one.png",
                    "/shots/two.jpg"})""");
    assertOnlyError(compile(List.of(resourcePath(resources)), file), FindingCode.NOT_PNG, file,
        "\"/shots/two.jpg\"", "@PluginInterface screenshots " + FindingCode.NOT_PNG.rule()
            + "; found \"./assets/two.jpg\".");
  }

  @Test
  @Covers(FindingCode.TOO_LARGE)
  void anAssetOverTheSizeCapIsTooLarge() {
    write(resources, "big.png", png(3, Resources.MAX_BYTES + 1));
    JavaFileObject file = plugin("""
            name = "team",
            version = "1.0.0",
            description = "d",
            ui = @PluginInterface(
                displayName = "Team",
                logo = "/big.png")""");
    assertOnlyError(compile(List.of(resourcePath(resources)), file), FindingCode.TOO_LARGE, file,
        "logo = \"/big.png\"", "@PluginInterface logo "
            + FindingCode.TOO_LARGE.rule(Map.of("limit", (Resources.MAX_BYTES >> 20) + " MiB"))
            + "; found \"/big.png\", a larger file. Make it smaller.");
  }

  @Test
  @Covers(FindingCode.DUPLICATE)
  void twoDifferentAssetsMustNotLandOnTheSameFile() {
    write(resources, "light/logo.png", png(4, 32));
    write(resources, "dark/logo.png", png(5, 32));
    JavaFileObject file = plugin("""
            name = "team",
            version = "1.0.0",
            description = "d",
            ui = @PluginInterface(
                logo = "/light/logo.png",
                logoDark = "/dark/logo.png")""");
    assertOnlyError(compile(List.of(resourcePath(resources)), file), FindingCode.DUPLICATE, file,
        "logoDark = \"/dark/logo.png\"", "@PluginInterface logoDark must be unique; found \"/dark/logo.png\", which"
            + " would be copied to assets/logo.png, where \"/light/logo.png\" is already. Rename one of the files.");
  }

  @Test
  void everyProblemOfOnePluginIsReportedInOneBuild() {
    JavaFileObject file = plugin("""
            name = "Team",
            version = "one",
            description = "",
            ui = @PluginInterface(
                brandColor = "red")""");
    Compilation compilation = compile(file);
    assertThat(compilation.errors()).hasSize(4);
    assertError(compilation, FindingCode.BAD_NAME, file, "name = \"Team\"");
    assertError(compilation, FindingCode.BAD_VERSION, file, "version = \"one\"");
    assertError(compilation, FindingCode.MISSING, file, "description = \"\"");
    assertError(compilation, FindingCode.BAD_COLOR, file, "brandColor = \"red\"");
  }
}
