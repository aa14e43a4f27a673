package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.codexplugin.processor.ProcessorTesting.assertOnlyError;
import static dev.codexplugin.processor.ProcessorTesting.assertOnlyWarning;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ProcessorTesting.resourcePath;
import static dev.codexplugin.processor.ProcessorTesting.source;
import static dev.codexplugin.processor.ProcessorTesting.write;

import com.google.testing.compile.Compilation;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.format.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Negative tests for the existing files a {@code @Plugin} names: {@code localSkills}, {@code mcpConfig} and
 * {@code appConfig}. They are checked by the runtime's readers and rules, and every finding is reported on the
 * attribute that names the file, with the file and field in the message.
 */
class FileBasedDiagnosticsTest {
  @TempDir Path resources;

  /** package-info.java whose {@code @Plugin} names the files, one attribute per line. */
  private static JavaFileObject plugin(String attributes, String... parts) {
    return source("com.acme.package-info", """
        @Plugin(
            name = "team",
            version = "1.0.0",
            description = "d",
        %s)
        %s
        package com.acme;

        import dev.codexplugin.api.App;
        import dev.codexplugin.api.McpServer;
        import dev.codexplugin.api.Plugin;
        """.formatted(attributes, String.join("\n", parts)));
  }

  private Compilation compileIt(JavaFileObject... sources) {
    return compile(List.of(resourcePath(resources)), sources);
  }

  private static final String GOOD_SKILL = """
      ---
      name: "good"
      description: "A good local skill. Use when testing."
      ---
      # Good
      """;

  // ------------------------------------------------------------------------------------------ localSkills

  @Test
  @Covers(FindingCode.MISSING_FILE)
  void localSkillsMustNameAFolder() {
    JavaFileObject file = plugin("""
            localSkills = "/no-such-skills\"""");
    assertOnlyError(compileIt(file), FindingCode.MISSING_FILE, file, "localSkills = \"/no-such-skills\"",
        "@Plugin localSkills " + FindingCode.MISSING_FILE.rule() + "; found \"/no-such-skills\": looked for the folder"
            + " no-such-skills in " + resources + ", the source path", "Fix the path or add the folder.");
  }

  @Test
  @Covers(FindingCode.FRONT_MATTER)
  void aLocalSkillWithoutFrontMatter() {
    write(resources, "skills/good/SKILL.md", GOOD_SKILL);
    write(resources, "skills/bad/SKILL.md", "# Bad\nNo front matter.\n");
    JavaFileObject file = plugin("""
            localSkills = "/skills\"""");
    assertOnlyError(compileIt(file), FindingCode.FRONT_MATTER, file, "localSkills = \"/skills\"",
        "@Plugin localSkills \"/skills\": bad/SKILL.md " + FindingCode.FRONT_MATTER.rule() + ".",
        "Codex skips the skill otherwise");
  }

  @Test
  @Covers(FindingCode.FRONT_MATTER_KEY)
  void aLocalSkillWithAnUnknownFrontMatterKey() {
    write(resources, "skills/tagged/SKILL.md", """
        ---
        name: "tagged"
        description: "Tagged."
        tags: "a b"
        ---
        body
        """);
    JavaFileObject file = plugin("""
            localSkills = "/skills\"""");
    assertOnlyError(compileIt(file), FindingCode.FRONT_MATTER_KEY, file, "localSkills = \"/skills\"",
        "@Plugin localSkills \"/skills\": tagged/SKILL.md tags " + FindingCode.FRONT_MATTER_KEY.rule()
            + ". Move it under metadata:");
  }

  @Test
  @Covers(FindingCode.NAME_MISMATCH)
  void aLocalSkillNamedAfterAnotherFolder() {
    write(resources, "skills/review/SKILL.md", """
        ---
        name: "code-review"
        description: "Review code."
        ---
        body
        """);
    JavaFileObject file = plugin("""
            localSkills = "/skills\"""");
    assertOnlyError(compileIt(file), FindingCode.NAME_MISMATCH, file, "localSkills = \"/skills\"",
        "@Plugin localSkills \"/skills\": review/SKILL.md name must equal its folder name \"review\"; found"
            + " \"code-review\".");
  }

  @Test
  @Covers(FindingCode.BAD_NAME)
  void aLocalSkillWithABadName() {
    write(resources, "skills/Review_Code/SKILL.md", """
        ---
        name: "Review_Code"
        description: "Review code."
        ---
        body
        """);
    JavaFileObject file = plugin("""
            localSkills = "/skills\"""");
    assertOnlyError(compileIt(file), FindingCode.BAD_NAME, file, "localSkills = \"/skills\"",
        "@Plugin localSkills \"/skills\": Review_Code/SKILL.md name " + FindingCode.BAD_NAME.rule()
            + "; found \"Review_Code\".");
  }

  @Test
  @Covers(FindingCode.MISSING)
  void aLocalSkillWithoutDescription() {
    write(resources, "skills/review/SKILL.md", "---\nname: \"review\"\n---\nbody\n");
    JavaFileObject file = plugin("""
            localSkills = "/skills\"""");
    assertOnlyError(compileIt(file), FindingCode.MISSING, file, "localSkills = \"/skills\"",
        "@Plugin localSkills \"/skills\": review/SKILL.md description must not be empty.",
        "Codex skips a skill without one");
  }

  @Test
  @Covers(FindingCode.BAD_ENCODING)
  void aLocalSkillWithAByteOrderMark() {
    write(resources, "skills/review/SKILL.md", "\uFEFF" + GOOD_SKILL.replace("good", "review"));
    JavaFileObject file = plugin("""
            localSkills = "/skills\"""");
    assertOnlyError(compileIt(file), FindingCode.BAD_ENCODING, file, "localSkills = \"/skills\"",
        "@Plugin localSkills \"/skills\": review/SKILL.md " + FindingCode.BAD_ENCODING.rule()
            + "; found a byte-order mark.");
  }

  @Test
  @Covers(FindingCode.WRONG_TYPE)
  void aLocalSkillWithAWrongAgentFile() {
    write(resources, "skills/good/SKILL.md", GOOD_SKILL);
    write(resources, "skills/good/agents/openai.yaml", "interface: \"Good\"\n");
    JavaFileObject file = plugin("""
            localSkills = "/skills\"""");
    assertOnlyError(compileIt(file), FindingCode.WRONG_TYPE, file, "localSkills = \"/skills\"",
        "@Plugin localSkills \"/skills\": good/agents/openai.yaml interface must be a JSON object; found a"
            + " string.");
  }

  @Test
  @Covers(FindingCode.BAD_PATH)
  void aLocalSkillWithAnIconOutsideItsFolder() {
    write(resources, "skills/good/SKILL.md", GOOD_SKILL);
    write(resources, "skills/good/agents/openai.yaml", "interface:\n  icon_small: \"../../logo.png\"\n");
    JavaFileObject file = plugin("""
            localSkills = "/skills\"""");
    assertOnlyError(compileIt(file), FindingCode.BAD_PATH, file, "localSkills = \"/skills\"",
        "@Plugin localSkills \"/skills\": good/agents/openai.yaml interface.icon_small "
            + FindingCode.BAD_PATH.rule() + "; found \"../../logo.png\".");
  }

  @Test
  @Covers(FindingCode.BAD_YAML)
  void aLocalSkillWithAnAgentFileThatIsNotYaml() {
    write(resources, "skills/good/SKILL.md", GOOD_SKILL);
    write(resources, "skills/good/agents/openai.yaml", "interface:\n  display_name: \"Good\"\n  display_name: \"Twice\"\n");
    JavaFileObject file = plugin("""
            localSkills = "/skills\"""");
    assertOnlyError(compileIt(file), FindingCode.BAD_YAML, file, "localSkills = \"/skills\"",
        "@Plugin localSkills \"/skills\": good/agents/openai.yaml " + FindingCode.BAD_YAML.rule() + "; found");
  }

  @Test
  @Covers(FindingCode.UNREACHABLE)
  void aLocalSkillFileCodexWouldNotFind() {
    write(resources, "skills/good/SKILL.md", GOOD_SKILL);
    write(resources, "skills/lower/skill.md", GOOD_SKILL.replace("good", "lower"));
    JavaFileObject file = plugin("""
            localSkills = "/skills\"""");
    assertOnlyError(compileIt(file), FindingCode.UNREACHABLE, file, "localSkills = \"/skills\"",
        "@Plugin localSkills \"/skills\": lower/skill.md " + FindingCode.UNREACHABLE.rule()
            + "; found named skill.md. Rename it to SKILL.md");
  }

  @Test
  @Covers(FindingCode.UNSAFE_PATH)
  void aLocalSkillLinkingOutOfTheFolder() throws IOException {
    write(resources, "skills/good/SKILL.md", GOOD_SKILL);
    Path secret = write(resources, "outside/credentials.txt", "not for the bundle");
    Files.createDirectories(resources.resolve("skills/good/references"));
    Files.createSymbolicLink(resources.resolve("skills/good/references/credentials.txt"), secret);
    JavaFileObject file = plugin("""
            localSkills = "/skills\"""");
    assertOnlyError(compileIt(file), FindingCode.UNSAFE_PATH, file, "localSkills = \"/skills\"",
        "@Plugin localSkills \"/skills\": good/references/credentials.txt " + FindingCode.UNSAFE_PATH.rule()
            + "; found a symbolic link to " + secret + ". Copy the file into the folder");
  }

  @Test
  @Covers(FindingCode.TOO_LARGE)
  void aLocalSkillFileOverTheTextLimit() {
    write(resources, "skills/good/SKILL.md", GOOD_SKILL + "x".repeat(Limits.MAX_TEXT_BYTES));
    JavaFileObject file = plugin("""
            localSkills = "/skills\"""");
    assertOnlyError(compileIt(file), FindingCode.TOO_LARGE, file, "localSkills = \"/skills\"",
        "@Plugin localSkills \"/skills\": good/SKILL.md "
            + FindingCode.TOO_LARGE.rule(Map.of("limit", (Limits.MAX_TEXT_BYTES >> 20) + " MiB"))
            + "; found a larger file. Make it smaller.");
  }

  @Test
  @Covers(FindingCode.DUPLICATE)
  void aLocalSkillAndAnAnnotatedSkillOfTheSameName() {
    write(resources, "skills/good/SKILL.md", GOOD_SKILL);
    JavaFileObject file = plugin("""
            localSkills = "/skills\"""");
    JavaFileObject skill = source("com.acme.Good", """
        package com.acme;

        @dev.codexplugin.api.Skill(
            name = "good",
            description = "Also good.",
            instructions = "Body.")
        final class Good {}
        """);
    assertOnlyError(compileIt(file, skill), FindingCode.DUPLICATE, skill, "name = \"good\"",
        "@Skill name must be unique; found \"good\".");
  }

  // ------------------------------------------------------------------------------------------ mcpConfig

  @Test
  @Covers(FindingCode.MISSING_FILE)
  void mcpConfigMustExist() {
    JavaFileObject file = plugin("""
            mcpConfig = "/mcp.json\"""");
    assertOnlyError(compileIt(file), FindingCode.MISSING_FILE, file, "mcpConfig = \"/mcp.json\"",
        "@Plugin mcpConfig " + FindingCode.MISSING_FILE.rule() + "; found \"/mcp.json\": looked for mcp.json in "
            + resources);
  }

  @Test
  @Covers(FindingCode.NOT_HTTPS)
  void aServerOfMcpConfigWithAPlainHttpUrl() {
    write(resources, "mcp.json", """
        {"mcpServers": {
          "github": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"]},
          "tracker": {"url": "http://mcp.acme.example/mcp"}
        }}
        """);
    JavaFileObject file = plugin("""
            mcpConfig = "/mcp.json\"""");
    assertOnlyError(compileIt(file), FindingCode.NOT_HTTPS, file, "mcpConfig = \"/mcp.json\"",
        "@Plugin mcpConfig \"/mcp.json\": mcpServers.tracker.url " + FindingCode.NOT_HTTPS.rule()
            + "; found \"http://mcp.acme.example/mcp\".");
  }

  @Test
  @Covers(FindingCode.DUPLICATE)
  void aServerDefinedInMcpConfigAndByAnnotation() {
    write(resources, "mcp.json", "{\"mcpServers\": {\"github\": {\"command\": \"npx\"}}}");
    JavaFileObject file = plugin("""
            mcpConfig = "/mcp.json\"""", """
        @McpServer(
            name = "github",
            command = "docker",
            requirements = "Docker 24+")""");
    assertOnlyError(compileIt(file), FindingCode.DUPLICATE, file, "name = \"github\"",
        "@McpServer name must be unique; found \"github\".", "defined twice");
  }

  @Test
  @Covers(FindingCode.BAD_JSON)
  void aServerNameTwiceInsideMcpConfig() {
    write(resources, "mcp.json", """
        {"mcpServers": {
          "github": {"command": "npx"},
          "github": {"command": "docker"}
        }}
        """);
    JavaFileObject file = plugin("""
            mcpConfig = "/mcp.json\"""");
    assertOnlyError(compileIt(file), FindingCode.BAD_JSON, file, "mcpConfig = \"/mcp.json\"",
        "@Plugin mcpConfig \"/mcp.json\": mcpServers.github " + FindingCode.BAD_JSON.rule()
            + "; found the key twice at line 3");
  }

  @Test
  @Covers(FindingCode.BAD_JSON)
  void mcpConfigThatIsNotJson() {
    write(resources, "mcp.json", "{\"mcpServers\": {");
    JavaFileObject file = plugin("""
            mcpConfig = "/mcp.json\"""");
    assertOnlyError(compileIt(file), FindingCode.BAD_JSON, file, "mcpConfig = \"/mcp.json\"",
        "@Plugin mcpConfig \"/mcp.json\" " + FindingCode.BAD_JSON.rule() + "; found the end of the file before the"
            + " closing } of an object at line 1, column 17", "Fix the syntax.");
  }

  @Test
  @Covers(FindingCode.WRONG_TYPE)
  void aServerOfMcpConfigWithArgsOfTheWrongType() {
    write(resources, "mcp.json", "{\"mcpServers\": {\"github\": {\"command\": \"npx\", \"args\": \"-y\"}}}");
    JavaFileObject file = plugin("""
            mcpConfig = "/mcp.json\"""");
    assertOnlyError(compileIt(file), FindingCode.WRONG_TYPE, file, "mcpConfig = \"/mcp.json\"",
        "@Plugin mcpConfig \"/mcp.json\": mcpServers.github.args must be an array of strings; found a string.");
  }

  @Test
  @Covers(FindingCode.DISCOURAGED)
  void mcpConfigWithoutTheMcpServersWrapper() {
    write(resources, "mcp.json", "{\"github\": {\"command\": \"npx\"}}");
    JavaFileObject file = plugin("""
            mcpConfig = "/mcp.json\"""");
    assertOnlyError(compileIt(file), FindingCode.DISCOURAGED, file, "mcpConfig = \"/mcp.json\"",
        "@Plugin mcpConfig \"/mcp.json\" " + FindingCode.DISCOURAGED.rule() + "; found no \"mcpServers\" wrapper.");
  }

  @Test
  @Covers(FindingCode.UNKNOWN_KEY)
  void aServerOfMcpConfigWithAKeyCodexDoesNotRead() {
    write(resources, "mcp.json", "{\"mcpServers\": {\"github\": {\"command\": \"npx\", \"type\": \"stdio\"}}}");
    JavaFileObject file = plugin("""
            mcpConfig = "/mcp.json\"""");
    assertOnlyWarning(compileIt(file), FindingCode.UNKNOWN_KEY, file, "mcpConfig = \"/mcp.json\"",
        "@Plugin mcpConfig \"/mcp.json\": mcpServers.github.type " + FindingCode.UNKNOWN_KEY.rule());
  }

  @Test
  @Covers(FindingCode.SECRET_LITERAL)
  void aSecretInMcpConfig() {
    write(resources, "mcp.json",
        "{\"mcpServers\": {\"github\": {\"command\": \"npx\","
            + " \"env\": {\"GITHUB_TOKEN\": \"ghp_0123456789abcdef\"}}}}");
    JavaFileObject file = plugin("""
            mcpConfig = "/mcp.json\"""");
    String message = assertOnlyWarning(compileIt(file), FindingCode.SECRET_LITERAL, file,
        "mcpConfig = \"/mcp.json\"", "@Plugin mcpConfig \"/mcp.json\": mcpServers.github.env.GITHUB_TOKEN "
            + FindingCode.SECRET_LITERAL.rule() + "; found a literal that looks like a secret.");
    assertThat(message).doesNotContain("ghp_0123456789abcdef");
  }

  @Test
  @Covers(FindingCode.TOO_LARGE)
  void mcpConfigNestedTooDeeply() {
    write(resources, "mcp.json",
        "{\"mcpServers\": {\"a\": {\"args\": " + "[".repeat(70) + "]".repeat(70) + "}}}");
    JavaFileObject file = plugin("""
            mcpConfig = "/mcp.json\"""");
    assertOnlyError(compileIt(file), FindingCode.TOO_LARGE, file, "mcpConfig = \"/mcp.json\"",
        "@Plugin mcpConfig \"/mcp.json\" " + FindingCode.TOO_LARGE.rule(Map.of("limit", "64 levels of nesting"))
            + "; found", "No file of the format needs more than 64 levels of nesting");
  }

  @Test
  @Covers(FindingCode.BAD_ENCODING)
  void mcpConfigInLatin1() {
    write(resources, "mcp.json",
        "{\"mcpServers\": {\"caf\u00e9\": {\"command\": \"npx\"}}}".getBytes(StandardCharsets.ISO_8859_1));
    JavaFileObject file = plugin("""
            mcpConfig = "/mcp.json\"""");
    assertOnlyError(compileIt(file), FindingCode.BAD_ENCODING, file, "mcpConfig = \"/mcp.json\"",
        "@Plugin mcpConfig \"/mcp.json\" " + FindingCode.BAD_ENCODING.rule() + "; found bytes that are not UTF-8.");
  }

  @Test
  void aBrokenMcpConfigCausesNoFollowOnUnknownRequirement() {
    write(resources, "mcp.json", "{\"mcpServers\": {\"github\": {\"command\": \"npx\"},}}");
    JavaFileObject file = plugin("""
            mcpConfig = "/mcp.json\"""");
    JavaFileObject skill = source("com.acme.Review", """
        package com.acme;

        @dev.codexplugin.api.Skill(name = "review", description = "Review.", instructions = "Go.",
            requires = {"github", "jira"})
        final class Review {}
        """);
    assertOnlyError(compileIt(file, skill), FindingCode.BAD_JSON, file, "mcpConfig = \"/mcp.json\"",
        "@Plugin mcpConfig \"/mcp.json\" " + FindingCode.BAD_JSON.rule() + "; found a syntax error", "Fix the syntax.");
  }

  @Test
  void aMissingAppConfigCausesNoFollowOnUnknownRequirement() {
    JavaFileObject file = plugin("""
            appConfig = "/app.json\"""");
    JavaFileObject skill = source("com.acme.Review", """
        package com.acme;

        @dev.codexplugin.api.Skill(name = "review", description = "Review.", instructions = "Go.",
            requires = "jira")
        final class Review {}
        """);
    assertOnlyError(compileIt(file, skill), FindingCode.MISSING_FILE, file, "appConfig = \"/app.json\"",
        "@Plugin appConfig " + FindingCode.MISSING_FILE.rule() + "; found \"/app.json\": looked for app.json in "
            + resources);
  }

  // ------------------------------------------------------------------------------------------ appConfig

  @Test
  @Covers(FindingCode.MISSING)
  void anAppOfAppConfigWithoutId() {
    write(resources, "app.json", "{\"apps\": {\"jira\": {\"category\": \"project-management\"}}}");
    JavaFileObject file = plugin("""
            appConfig = "/app.json\"""");
    assertOnlyError(compileIt(file), FindingCode.MISSING, file, "appConfig = \"/app.json\"",
        "@Plugin appConfig \"/app.json\": apps.jira.id must not be empty.", "Codex discards every app of the file");
  }

  @Test
  @Covers(FindingCode.MISSING)
  void appConfigWithoutTheAppsWrapper() {
    write(resources, "app.json", "{\"jira\": {\"id\": \"connector_jira\"}}");
    JavaFileObject file = plugin("""
            appConfig = "/app.json\"""");
    assertOnlyError(compileIt(file), FindingCode.MISSING, file, "appConfig = \"/app.json\"",
        "@Plugin appConfig \"/app.json\": apps must not be empty. Wrap the apps in {\"apps\": {...}}");
  }

  @Test
  @Covers(FindingCode.DUPLICATE)
  void anAppDefinedInAppConfigAndByAnnotation() {
    write(resources, "app.json", "{\"apps\": {\"jira\": {\"id\": \"connector_jira\"}}}");
    JavaFileObject file = plugin("""
            appConfig = "/app.json\"""", """
        @App(
            key = "jira",
            id = "connector_jira2")""");
    assertOnlyError(compileIt(file), FindingCode.DUPLICATE, file, "key = \"jira\"",
        "@App key must be unique; found \"jira\".");
  }

  @Test
  @Covers(FindingCode.MISSING_FILE)
  void appConfigIsRelativeToThePackage() {
    write(resources, "app.json", "{\"apps\": {}}");
    JavaFileObject file = plugin("""
            appConfig = "app.json\"""");
    assertOnlyError(compileIt(file), FindingCode.MISSING_FILE, file, "appConfig = \"app.json\"",
        "@Plugin appConfig " + FindingCode.MISSING_FILE.rule() + "; found \"app.json\": looked for com/acme/app.json"
            + " in",
        "(a path without a leading / is relative to the package).");
  }
}
