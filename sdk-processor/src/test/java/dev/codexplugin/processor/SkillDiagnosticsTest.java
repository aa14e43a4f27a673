package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.codexplugin.processor.ProcessorTesting.assertError;
import static dev.codexplugin.processor.ProcessorTesting.assertOnlyError;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ProcessorTesting.fixOf;
import static dev.codexplugin.processor.ProcessorTesting.png;
import static dev.codexplugin.processor.ProcessorTesting.resourcePath;
import static dev.codexplugin.processor.ProcessorTesting.source;
import static dev.codexplugin.processor.ProcessorTesting.write;

import com.google.testing.compile.Compilation;
import dev.codexplugin.runtime.FindingCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Negative tests for {@code @Skill}, repeated {@code @Skill}s and the nested {@code @SkillInterface}. */
class SkillDiagnosticsTest {
  @TempDir Path resources;

  /** The plugin every skill here belongs to; it has a server {@code github} and an app {@code jira}. */
  private static final JavaFileObject PLUGIN = source("com.acme.package-info", """
      @Plugin(name = "team", version = "1.0.0", description = "d")
      @McpServer(name = "github", command = "npx")
      @App(key = "jira", id = "connector_jira")
      package com.acme;

      import dev.codexplugin.api.App;
      import dev.codexplugin.api.McpServer;
      import dev.codexplugin.api.Plugin;
      """);

  /** {@code com.acme.Skills} carrying {@code annotations}. */
  private static JavaFileObject skills(String annotations) {
    return source("com.acme.Skills", """
        package com.acme;

        import dev.codexplugin.api.Skill;
        import dev.codexplugin.api.SkillInterface;
        import dev.codexplugin.api.TriState;

        %s
        final class Skills {}
        """.formatted(annotations));
  }

  private Compilation compileWithResources(JavaFileObject... sources) {
    JavaFileObject[] all = new JavaFileObject[sources.length + 1];
    all[0] = PLUGIN;
    System.arraycopy(sources, 0, all, 1, sources.length);
    return compile(List.of(resourcePath(resources)), all);
  }

  @Test
  @Covers(FindingCode.BAD_NAME)
  void skillNameMustBeKebabCase() {
    JavaFileObject file = skills("""
        @Skill(
            name = "Code Review",
            description = "Review code.",
            instructions = "Review it.")""");
    assertOnlyError(compileWithResources(file), FindingCode.BAD_NAME, file, "name = \"Code Review\"",
        "@Skill name " + FindingCode.BAD_NAME.rule() + "; found \"Code Review\". Rename it to \"code-review\".");
  }

  @Test
  @Covers(FindingCode.MISSING)
  void descriptionMustNotBeEmpty() {
    JavaFileObject file = skills("""
        @Skill(
            name = "review",
            description = " ",
            instructions = "Review it.")""");
    assertOnlyError(compileWithResources(file), FindingCode.MISSING, file, "description = \" \"",
        "@Skill description must not be empty. Say what the skill does and when to use it");
  }

  @Test
  @Covers(FindingCode.TOO_LONG)
  void descriptionIsAtMost1024Characters() {
    JavaFileObject file = skills("""
        @Skill(
            name = "review",
            description = "%s",
            instructions = "Review it.")""".formatted("d".repeat(1025)));
    assertOnlyError(compileWithResources(file), FindingCode.TOO_LONG, file, "description = \"ddd",
        "@Skill description " + FindingCode.TOO_LONG.rule(Map.of("max", 1024)) + "; found 1025 characters. Shorten"
            + " it.");
  }

  @Test
  @Covers(FindingCode.ANGLE_BRACKETS)
  void descriptionHasNoAngleBrackets() {
    JavaFileObject file = skills("""
        @Skill(
            name = "review",
            description = "Review <b>code</b>.",
            instructions = "Review it.")""");
    assertOnlyError(compileWithResources(file), FindingCode.ANGLE_BRACKETS, file, "description = \"Review <b>",
        "@Skill description " + FindingCode.ANGLE_BRACKETS.rule() + "; found \"Review <b>code</b>.\".");
  }

  @Test
  @Covers(FindingCode.TOO_LONG)
  void compatibilityIsAtMost500Characters() {
    JavaFileObject file = skills("""
        @Skill(
            name = "review",
            description = "Review code.",
            compatibility = "%s",
            instructions = "Review it.")""".formatted("c".repeat(501)));
    assertOnlyError(compileWithResources(file), FindingCode.TOO_LONG, file, "compatibility = ",
        "@Skill compatibility " + FindingCode.TOO_LONG.rule(Map.of("max", 500)) + "; found 501 characters.");
  }

  @Test
  @Covers(FindingCode.INSTRUCTIONS)
  void neitherInstructionsNorAFileIsReportedOnTheAnnotation() {
    JavaFileObject file = skills("""
        @Skill(name = "review",
            description = "Review code.")""");
    assertOnlyError(compileWithResources(file), FindingCode.INSTRUCTIONS, file, "@Skill(name = \"review\",",
        "@Skill \"review\" " + FindingCode.INSTRUCTIONS.rule() + "; found neither. " + fixOf(FindingCode.INSTRUCTIONS));
  }

  @Test
  @Covers(FindingCode.INSTRUCTIONS)
  void bothInstructionsAndAFileAreReportedOnTheFile() {
    write(resources, "com/acme/review.md", "# Review\n");
    JavaFileObject file = skills("""
        @Skill(
            name = "review",
            description = "Review code.",
            instructions = "Review it.",
            instructionsFile = "review.md")""");
    assertOnlyError(compileWithResources(file), FindingCode.INSTRUCTIONS, file, "instructionsFile = \"review.md\"",
        "@Skill \"review\" " + FindingCode.INSTRUCTIONS.rule() + "; found both. Remove one of them.");
  }

  @Test
  @Covers(FindingCode.MISSING_FILE)
  void theInstructionsFileMustExist() {
    JavaFileObject file = skills("""
        @Skill(
            name = "review",
            description = "Review code.",
            instructionsFile = "/docs/review.md")""");
    assertOnlyError(compileWithResources(file), FindingCode.MISSING_FILE, file, "instructionsFile = ",
        "@Skill instructionsFile " + FindingCode.MISSING_FILE.rule() + "; found \"/docs/review.md\": looked for"
            + " docs/review.md in " + resources);
  }

  @Test
  @Covers(FindingCode.BAD_ENCODING)
  void theInstructionsFileMustBeUtf8() {
    write(resources, "docs/review.md", "# R\u00e9vision\n".getBytes(StandardCharsets.ISO_8859_1));
    JavaFileObject file = skills("""
        @Skill(
            name = "review",
            description = "Review code.",
            instructionsFile = "/docs/review.md")""");
    assertOnlyError(compileWithResources(file), FindingCode.BAD_ENCODING, file, "instructionsFile = ",
        "@Skill instructionsFile " + FindingCode.BAD_ENCODING.rule() + "; found \"/docs/review.md\", which has bytes"
            + " that are not UTF-8.");
  }

  @Test
  @Covers(FindingCode.BAD_ENCODING)
  void theInstructionsFileHasNoByteOrderMark() {
    write(resources, "docs/review.md", "\uFEFF# Review\n");
    JavaFileObject file = skills("""
        @Skill(
            name = "review",
            description = "Review code.",
            instructionsFile = "/docs/review.md")""");
    assertOnlyError(compileWithResources(file), FindingCode.BAD_ENCODING, file, "instructionsFile = ",
        "@Skill instructionsFile " + FindingCode.BAD_ENCODING.rule() + "; found \"/docs/review.md\", which starts"
            + " with a byte-order mark.");
  }

  @Test
  @Covers(FindingCode.TOO_LARGE)
  void theInstructionsFileIsAtMostOneMebibyte() {
    write(resources, "docs/review.md", "x".repeat(dev.codexplugin.runtime.format.Limits.MAX_TEXT_BYTES + 1));
    JavaFileObject file = skills("""
        @Skill(
            name = "review",
            description = "Review code.",
            instructionsFile = "/docs/review.md")""");
    assertOnlyError(compileWithResources(file), FindingCode.TOO_LARGE, file, "instructionsFile = ",
        "@Skill instructionsFile " + FindingCode.TOO_LARGE.rule(Map.of("limit",
            (dev.codexplugin.runtime.format.Limits.MAX_TEXT_BYTES >> 20) + " MiB")) + "; found \"/docs/review.md\","
            + " a larger file.");
  }

  @Test
  @Covers(FindingCode.UNKNOWN_REQUIREMENT)
  void theSecondRequirementIsUnknown() {
    JavaFileObject file = skills("""
        @Skill(
            name = "review",
            description = "Review code.",
            instructions = "Review it.",
            requires = {
                "github",
                "gitlab",
                "jira"})""");
    assertOnlyError(compileWithResources(file), FindingCode.UNKNOWN_REQUIREMENT, file, "\"gitlab\"",
        "@Skill requires " + FindingCode.UNKNOWN_REQUIREMENT.rule() + "; found \"gitlab\".", "known: github, jira");
  }

  @Test
  @Covers(FindingCode.BAD_ENTRY)
  void aMetadataEntryWithoutKey() {
    JavaFileObject file = skills("""
        @Skill(
            name = "review",
            description = "Review code.",
            instructions = "Review it.",
            metadata = {
                "team=platform",
                "=orphan"})""");
    assertOnlyError(compileWithResources(file), FindingCode.BAD_ENTRY, file, "\"=orphan\"",
        "@Skill metadata " + FindingCode.BAD_ENTRY.rule() + "; found \"=orphan\". Write it like \"NAME=value\".");
  }

  @Test
  @Covers(FindingCode.DUPLICATE)
  void aMetadataKeyTwice() {
    JavaFileObject file = skills("""
        @Skill(
            name = "review",
            description = "Review code.",
            instructions = "Review it.",
            metadata = {
                "team=platform",
                "team=web"})""");
    assertOnlyError(compileWithResources(file), FindingCode.DUPLICATE, file, "\"team=web\"",
        "@Skill metadata must be unique; found the key \"team\" twice.");
  }

  @Test
  @Covers(FindingCode.DUPLICATE)
  void shortDescriptionAndItsMetadataEntry() {
    JavaFileObject file = skills("""
        @Skill(
            name = "review",
            description = "Review code.",
            instructions = "Review it.",
            metadata = "short-description=Review",
            shortDescription = "Code review")""");
    assertOnlyError(compileWithResources(file), FindingCode.DUPLICATE, file, "shortDescription = ",
        "@Skill shortDescription must be unique; found \"Code review\" and metadata short-description too. Keep one"
            + " of them.");
  }

  @Test
  @Covers(FindingCode.DUPLICATE)
  void twoSkillsOfTheSameNameOnTwoClasses() {
    JavaFileObject first = source("com.acme.A", """
        package com.acme;

        @dev.codexplugin.api.Skill(name = "review", description = "First.", instructions = "One.")
        final class A {}
        """);
    JavaFileObject second = source("com.acme.B", """
        package com.acme;

        @dev.codexplugin.api.Skill(
            name = "review",
            description = "Second.",
            instructions = "Two.")
        final class B {}
        """);
    assertOnlyError(compileWithResources(first, second), FindingCode.DUPLICATE, second, "name = \"review\"",
        "@Skill name must be unique; found \"review\". Another skill of this plugin has the same name");
  }

  // ------------------------------------------------------------------------------------------ repeated @Skill

  @Test
  @Covers({FindingCode.DUPLICATE, FindingCode.MISSING})
  void repeatedSkillsAreEachAnchoredOnTheirOwnValues() {
    JavaFileObject file = skills("""
        @Skill(
            name = "review",
            description = "",
            instructions = "One.")
        @Skill(
            name = "testing",
            description = "Write tests.",
            instructions = "Two.")
        @Skill(
            name = "review", // the second one
            description = "Again.",
            instructions = "Three.")""");
    Compilation compilation = compileWithResources(file);
    assertThat(compilation.errors()).hasSize(2);
    assertError(compilation, FindingCode.MISSING, file, "description = \"\"", "@Skill description");
    // The rules see the second "review" in a folder of its own: the finding lands on it, and no NameMismatch.
    assertError(compilation, FindingCode.DUPLICATE, file, "the second one",
        "@Skill name must be unique; found \"review\".");
  }

  @Test
  @Covers(FindingCode.BAD_NAME)
  void theSecondOfTwoRepeatedSkillsIsPinned() {
    JavaFileObject file = skills("""
        @Skill(
            name = "review",
            description = "Review code.",
            instructions = "One.")
        @Skill(
            name = "Testing",
            description = "Write tests.",
            instructions = "Two.")""");
    assertOnlyError(compileWithResources(file), FindingCode.BAD_NAME, file, "name = \"Testing\"",
        "@Skill name " + FindingCode.BAD_NAME.rule() + "; found \"Testing\".");
  }

  @Test
  @Covers(FindingCode.BAD_NAME)
  void anExplicitContainerIsPinnedToo() {
    JavaFileObject file = skills("""
        @Skill.List({
            @Skill(name = "review", description = "Review code.", instructions = "One."),
            @Skill(
                name = "Testing",
                description = "Write tests.",
                instructions = "Two.")})""");
    assertOnlyError(compileWithResources(file), FindingCode.BAD_NAME, file, "name = \"Testing\"",
        "@Skill name " + FindingCode.BAD_NAME.rule() + "; found \"Testing\".");
  }

  // ------------------------------------------------------------------------------------------ @SkillInterface

  @Test
  @Covers(FindingCode.BAD_COLOR)
  void brandColorInsideARepeatedSkill() {
    JavaFileObject file = skills("""
        @Skill(name = "review", description = "Review code.", instructions = "One.")
        @Skill(
            name = "testing",
            description = "Write tests.",
            instructions = "Two.",
            ui = @SkillInterface(
                displayName = "Testing",
                brandColor = "#12345"))""");
    assertOnlyError(compileWithResources(file), FindingCode.BAD_COLOR, file, "brandColor = \"#12345\"",
        "@SkillInterface brandColor " + FindingCode.BAD_COLOR.rule() + "; found \"#12345\".");
  }

  @Test
  @Covers(FindingCode.TOO_LONG)
  void defaultPromptIsAtMost128Characters() {
    JavaFileObject file = skills("""
        @Skill(
            name = "review",
            description = "Review code.",
            instructions = "One.",
            ui = @SkillInterface(
                defaultPrompt = "%s"))""".formatted("p".repeat(129)));
    assertOnlyError(compileWithResources(file), FindingCode.TOO_LONG, file, "defaultPrompt = ",
        "@SkillInterface defaultPrompt " + FindingCode.TOO_LONG.rule(Map.of("max", 128)) + "; found 129 characters.");
  }

  @Test
  @Covers(FindingCode.MISSING_FILE)
  void aSkillIconMustExist() {
    write(resources, "com/acme/small.png", png(1, 16));
    JavaFileObject file = skills("""
        @Skill(
            name = "review",
            description = "Review code.",
            instructions = "One.",
            ui = @SkillInterface(
                iconSmall = "small.png",
                iconLarge = "large.png"))""");
    assertOnlyError(compileWithResources(file), FindingCode.MISSING_FILE, file, "iconLarge = \"large.png\"",
        "@SkillInterface iconLarge " + FindingCode.MISSING_FILE.rule() + "; found \"large.png\": looked for"
            + " com/acme/large.png");
  }

  @Test
  void aSkillWithoutInstructionsStillHasItsOtherProblemsReported() {
    JavaFileObject file = skills("""
        @Skill(
            name = "Review",
            description = "Review <code>.",
            instructionsFile = "missing.md")""");
    Compilation compilation = compileWithResources(file);
    assertThat(compilation.errors()).hasSize(3);
    assertError(compilation, FindingCode.MISSING_FILE, file, "instructionsFile = ");
    assertError(compilation, FindingCode.BAD_NAME, file, "name = \"Review\"");
    assertError(compilation, FindingCode.ANGLE_BRACKETS, file, "description = ");
  }
}
