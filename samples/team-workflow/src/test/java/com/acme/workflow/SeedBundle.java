package com.acme.workflow;

import static com.google.common.truth.Truth.assertThat;

import dev.codexplugin.runtime.AppSpec;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginUi;
import dev.codexplugin.runtime.SkillSpec;
import java.util.List;

/** What the seed example shows, asserted on a bundle however it was loaded. */
final class SeedBundle {
  private SeedBundle() {}

  static PluginBundle only(List<PluginBundle> bundles) {
    assertThat(bundles).hasSize(1);
    return bundles.get(0);
  }

  static void assertSeed(PluginBundle bundle) {
    assertThat(bundle.name()).isEqualTo("team-workflow-plugin");
    assertThat(bundle.version()).isEqualTo("1.0.0");
    assertThat(bundle.manifest().description()).isEqualTo("Shared AI workflow for team productivity");

    PluginUi ui = bundle.manifest().ui();
    assertThat(ui.displayName()).isEqualTo("Team Workflow Plugin");
    assertThat(ui.category()).isEqualTo("productivity");
    assertThat(ui.capabilities()).containsExactly("code-review", "testing").inOrder();
    assertThat(ui.brandColor()).isEqualTo("#4F46E5");

    assertThat(bundle.qualifiedSkillNames())
        .containsExactly("team-workflow-plugin:code-review", "team-workflow-plugin:testing").inOrder();
    SkillSpec review = bundle.skill("code-review").orElseThrow();
    assertThat(review.description()).startsWith("Review code changes following team standards.");
    assertThat(review.shortDescription()).isEqualTo("Team code review");
    assertThat(review.requires()).containsExactly("github");
    assertThat(review.instructions()).contains("Check for test coverage");
    assertThat(review.instructions()).contains("Verify naming conventions");
    assertThat(review.instructions()).contains("Flag security concerns");
    assertThat(review.instructions()).contains("Suggest improvements");
    SkillSpec testing = bundle.skill("testing").orElseThrow();
    assertThat(testing.instructions()).startsWith("# Testing Skill\n");

    assertThat(bundle.mcpServers().stream().map(McpServerSpec::name)).containsExactly("github", "slack").inOrder();
    McpServerSpec github = bundle.mcpServer("github").orElseThrow();
    assertThat(github.transport()).isEqualTo(McpServerSpec.Transport.STDIO);
    assertThat(github.command()).isEqualTo("npx");
    assertThat(github.args()).containsExactly("-y", "@modelcontextprotocol/server-github").inOrder();
    assertThat(github.envVars()).containsExactly("GITHUB_PERSONAL_ACCESS_TOKEN");
    McpServerSpec slack = bundle.mcpServer("slack").orElseThrow();
    assertThat(slack.args()).containsExactly("-y", "@modelcontextprotocol/server-slack").inOrder();

    assertThat(bundle.apps().stream().map(AppSpec::key)).containsExactly("jira");
    AppSpec jira = bundle.app("jira").orElseThrow();
    assertThat(jira.id()).isEqualTo("connector_jira");
    assertThat(jira.type()).isEqualTo("issue-tracker");
    assertThat(jira.baseUrl()).isEqualTo("https://your-team.atlassian.net");

    assertThat(bundle.hooks()).isEmpty();
    assertThat(bundle.warnings()).isEmpty();
    assertThat(bundle.files()).containsAtLeast(".codex-plugin/plugin.json", ".mcp.json", ".app.json",
        "skills/code-review/SKILL.md", "skills/code-review/agents/openai.yaml", "skills/testing/SKILL.md");
  }
}
