package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.codexplugin.processor.ProcessorTesting.assertOnlyWarning;
import static dev.codexplugin.processor.ProcessorTesting.bundleFile;
import static dev.codexplugin.processor.ProcessorTesting.bundleFiles;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ProcessorTesting.fixOf;
import static dev.codexplugin.processor.ProcessorTesting.source;

import com.google.testing.compile.Compilation;
import dev.codexplugin.runtime.FindingCode;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a server needs on the user's machine ({@code requirements}), and one source of truth for the version. */
class PrerequisiteDiagnosticsTest {
  private static JavaFileObject servers(String annotations) {
    return source("com.acme.package-info", """
        @Plugin(name = "team", version = "1.0.0", description = "d")
        %s
        package com.acme;

        import dev.codexplugin.api.McpServer;
        import dev.codexplugin.api.Plugin;
        """.formatted(annotations));
  }

  private static final JavaFileObject SKILL = source("com.acme.Review", """
      package com.acme;

      @dev.codexplugin.api.Skill(name = "review", description = "Review a diff.", instructions = "Read it.",
          requires = "db")
      final class Review {}
      """);

  @Test
  @Covers(FindingCode.UNDECLARED_PREREQUISITE)
  void aCommandWithoutStatedRequirementsIsAWarning() {
    JavaFileObject file = servers("""
        @McpServer(name = "db",
            command = "docker",
            args = {"run", "-i", "acme/db"})""");
    String message = assertOnlyWarning(compile(file), FindingCode.UNDECLARED_PREREQUISITE, file,
        "command = \"docker\"", "@McpServer command " + FindingCode.UNDECLARED_PREREQUISITE.rule()
            + "; found \"docker\" without requirements. " + fixOf(FindingCode.UNDECLARED_PREREQUISITE),
        "codexplugin doctor");
    assertThat(message).startsWith("[codexplugin:UndeclaredPrerequisite] ");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"java", "npx", "node", "./bin/server", "lib/server.sh", "/opt/acme/server"})
  void commandsTheDoctorChecksItselfNeedNoRequirements(String command) {
    Compilation compilation = compile(servers("""
        @McpServer(name = "db", command = "%s", cwd = ".")""".formatted(command)));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void statedRequirementsReachTheBundleAndTheSkillsDescriptionOfTheServer() {
    JavaFileObject file = servers("""
        @McpServer(name = "db", description = "The team database", command = "docker",
            requirements = {"Docker 24+", "access to registry.acme.example"})""");
    Compilation compilation = compile(file, SKILL);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(bundleFile(compilation, "team/mcp-requirements.json")).isEqualTo("""
        {
          "formatVersion": 1,
          "mcpServers": {
            "db": {
              "requirements": [
                "Docker 24+",
                "access to registry.acme.example"
              ]
            }
          }
        }
        """);
    assertThat(bundleFile(compilation, "team/skills/review/agents/openai.yaml")).contains(
        "description: \"The team database. Requires Docker 24+, access to registry.acme.example.\"");
    assertThat(bundleFile(compilation, "team/.mcp.json")).doesNotContain("Docker");
    assertThat(bundleFile(compilation, "index.json")).contains("\"mcp-requirements.json\"");
  }

  @Test
  void withoutRequirementsThereIsNoRequirementsFile() {
    Compilation compilation = compile(servers("@McpServer(name = \"db\", command = \"npx\")"));
    assertThat(bundleFiles(compilation)).doesNotContainKey("team/mcp-requirements.json");
  }

  @Test
  @Covers(FindingCode.VERSION_MISMATCH)
  void aLiteralVersionThatDiffersFromTheProjectVersionIsAWarning() {
    JavaFileObject file = source("com.acme.package-info", """
        @Plugin(name = "team",
            version = "1.0.0",
            description = "d")
        package com.acme;

        import dev.codexplugin.api.Plugin;
        """);
    Compilation compilation = compile(List.of("-Acodexplugin.version=1.1.0-SNAPSHOT"), file);
    assertOnlyWarning(compilation, FindingCode.VERSION_MISMATCH, file, "version = \"1.0.0\"",
        "@Plugin version " + FindingCode.VERSION_MISMATCH.rule() + "; found \"1.0.0\", and the project version is"
            + " \"1.1.0-SNAPSHOT\". Leave version out of @Plugin");
    // the literal still wins: the warning says so, it does not change the bundle
    assertThat(bundleFile(compilation, "team/.codex-plugin/plugin.json")).contains("\"version\": \"1.0.0\"");
  }

  @Test
  void anEqualLiteralOrNoOptionIsFine() {
    JavaFileObject file = source("com.acme.package-info", """
        @dev.codexplugin.api.Plugin(name = "team", version = "1.0.0", description = "d")
        package com.acme;
        """);
    assertThat(compile(List.of("-Acodexplugin.version=1.0.0"), file)).succeededWithoutWarnings();
    assertThat(compile(file)).succeededWithoutWarnings();
  }
}
