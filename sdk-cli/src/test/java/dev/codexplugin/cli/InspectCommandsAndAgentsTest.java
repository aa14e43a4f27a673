package dev.codexplugin.cli;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code inspect} lists the Claude Code commands and agents of real plugins and what each host makes of them. */
class InspectCommandsAndAgentsTest {
  private static final Path CORPUS = Path.of("../e2e-tests/src/test/corpus");

  @Test
  void hookifyAsText() {
    MainTest.Run text = MainTest.run("inspect", CORPUS.resolve("anthropics-claude-code/plugins/hookify").toString());
    assertThat(text.exit()).isEqualTo(0);
    assertThat(text.out()).contains("  commands (4):");
    assertThat(text.out()).contains("Codex: skill hookify:source-command-configure; Claude Code: skill configure");
    assertThat(text.out()).contains("Codex: no skill (uses arguments or shell interpolation, or is over 4,000 bytes"
        + " as a skill); Claude Code: skill hookify");
    assertThat(text.out()).contains("  agents (1):  Claude Code agents (Codex does not read them)");
    assertThat(text.out()).contains("    conversation-analyzer  ");
  }

  @Test
  void hookifyAndABrokenAgentAsJson() throws Exception {
    MainTest.Run json = MainTest.run("inspect", "--json",
        CORPUS.resolve("anthropics-claude-code/plugins/hookify").toString());
    JsonNode bundle = json.json().path("bundles").get(0);
    JsonNode configure = bundle.path("commands").get(0);
    assertThat(configure.path("name").asText()).isEqualTo("configure");
    assertThat(configure.path("file").asText()).isEqualTo("commands/configure.md");
    assertThat(configure.path("codexSkill").asText()).isEqualTo("hookify:source-command-configure");
    assertThat(configure.path("claudeSkill").asText()).isEqualTo("configure");
    assertThat(configure.path("allowedTools").get(0).asText()).isEqualTo("Glob");
    assertThat(bundle.path("commands").get(1).path("codexSkill").asText()).isEmpty();
    assertThat(bundle.path("agents").get(0).path("name").asText()).isEqualTo("conversation-analyzer");

    MainTest.Run toolkit = MainTest.run("inspect", "--json",
        CORPUS.resolve("anthropics-claude-code/plugins/pr-review-toolkit").toString());
    assertThat(toolkit.exit()).isEqualTo(0);
    JsonNode agents = toolkit.json().path("bundles").get(0).path("agents");
    JsonNode simplifier = null;
    for (JsonNode a : agents) {
      if (a.path("file").asText().equals("agents/code-simplifier.md")) {
        simplifier = a;
      }
    }
    assertThat(simplifier).isNotNull();
    assertThat(simplifier.path("frontMatterRead").asBoolean()).isFalse();
    assertThat(toolkit.out()).contains("AgentFrontMatter");
  }
}
