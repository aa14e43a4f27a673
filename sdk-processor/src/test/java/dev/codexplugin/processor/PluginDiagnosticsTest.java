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
        "@Plugin name \"Team Workflow\"", FindingCode.BAD_NAME.rule(), "rename it to \"team-workflow\"");
    assertThat(message).startsWith("[codexplugin:BadName] @Plugin name");
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
    assertOnlyError(compile(file), FindingCode.BAD_NAME, file, "name = \"team_\"", "rename it to \"team\"");
  }

  @Test
  @Covers(FindingCode.BAD_NAME)
  void pluginNameIsAtMost64Characters() {
    String name = "a".repeat(65);
    JavaFileObject file = plugin("""
            name = "%s",
            version = "1.0.0",
            description = "d\"""".formatted(name));
    assertOnlyError(compile(file), FindingCode.BAD_NAME, file, "name = \"aaa", "@Plugin name \"" + name + "\"",
        FindingCode.BAD_NAME.rule(), "rename it to \"" + "a".repeat(64) + "\"");
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
        "@Plugin version \"" + version + "\"", FindingCode.BAD_VERSION.rule());
  }

  @Test
  @Covers(FindingCode.BAD_VERSION)
  void versionMustBeStrictSemVer() {
    JavaFileObject file = plugin("""
            name = "team",
            version = "v1.0",
            description = "d\"""");
    assertOnlyError(compile(file), FindingCode.BAD_VERSION, file, "version = \"v1.0\"",
        "@Plugin version \"v1.0\"", FindingCode.BAD_VERSION.rule(), "drop the leading \"v\"");
  }

  @Test
  @Covers(FindingCode.MISSING)
  void descriptionMustNotBeEmpty() {
    JavaFileObject file = plugin("""
            name = "team",
            version = "1.0.0",
            description = "\"""");
    assertOnlyError(compile(file), FindingCode.MISSING, file, "description = \"\"",
        "@Plugin description must not be empty", "say what the plugin is for");
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
        "@Plugin name \"team\" must be unique", "another @Plugin in this compilation has the same name");
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
        "@Author name must not be empty", "name the author, or leave out author");
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
        "@Author url \"http://acme.example\"", FindingCode.NOT_HTTPS.rule(), "use \"https://acme.example\"");
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
        "@Plugin " + attribute + " \"ftp://acme.example\"", FindingCode.NOT_HTTPS.rule(), "use a full https:// URL");
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
        "@PluginInterface " + attribute + " \"http://acme.example/x\"", FindingCode.NOT_HTTPS.rule());
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
        "@PluginInterface brandColor \"red\"", FindingCode.BAD_COLOR.rule(), "e.g. \"#4F46E5\"");
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
        "@PluginInterface defaultPrompts (4 entries)", FindingCode.DEFAULT_PROMPTS.rule(), "keep the best three");
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
        "@PluginInterface defaultPrompts (empty)", "remove the empty entry");
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
        "@PluginInterface defaultPrompts (129 characters)", FindingCode.DEFAULT_PROMPTS.rule(), "shorten it");
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
        attribute + " = \"missing.png\"", "@PluginInterface " + attribute + " \"missing.png\"",
        FindingCode.MISSING_FILE.rule(), "looked for com/acme/missing.png in " + resources,
        "a path without a leading / is relative to the package");
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
        "logo = \"../../../logo.png\"", "leaves the resource root");
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
        "\"/shots/two.jpg\"", "@PluginInterface screenshots \"./assets/two.jpg\"", FindingCode.NOT_PNG.rule());
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
        "logo = \"/big.png\"", "@PluginInterface logo \"/big.png\"",
        "must name a file of at most " + Resources.MAX_BYTES + " bytes");
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
        "logoDark = \"/dark/logo.png\"", "@PluginInterface logoDark \"/dark/logo.png\" would be copied to"
            + " assets/logo.png", "rename one of the files");
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
