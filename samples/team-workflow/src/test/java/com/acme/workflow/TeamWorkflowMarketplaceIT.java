package com.acme.workflow;

import static com.google.common.truth.Truth.assertThat;

import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The marketplace sdk-maven-plugin exported at package, as Codex and Claude Code receive it. */
class TeamWorkflowMarketplaceIT {
  @Test
  void packageExportsAMarketplaceForBothHosts() throws Exception {
    Path root = Path.of(System.getProperty("sample.marketplace"));
    Path jar = Path.of(System.getProperty("sample.jar"));
    String codex = Files.readString(root.resolve(".agents/plugins/marketplace.json"));
    assertThat(codex).contains("\"name\": \"team-tools\"");
    assertThat(codex).contains("\"path\": \"./plugins/team-workflow-plugin\"");
    String claude = Files.readString(root.resolve(".claude-plugin/marketplace.json"));
    assertThat(claude).contains("\"source\": \"./plugins/team-workflow-plugin\"");
    assertThat(claude).contains("\"description\": \"Shared AI workflow for team productivity\"");
    assertThat(Files.readString(root.resolve("plugins/team-workflow-plugin/.claude-plugin/plugin.json")))
        .contains("\"name\": \"Acme Platform Team\"");

    // What Codex installs from the folder is the bundle of the jar, servers now inline in plugin.json
    PluginBundle exported = SeedBundle.only(PluginLoader.load(root.resolve("plugins/team-workflow-plugin")));
    SeedBundle.assertSeed(exported);
    PluginBundle fromJar = SeedBundle.only(PluginLoader.load(jar));
    assertThat(exported.mcpServers()).isEqualTo(fromJar.mcpServers());
    assertThat(exported.skills()).isEqualTo(fromJar.skills());
    assertThat(Files.readAllBytes(root.resolve("plugins/team-workflow-plugin/skills/code-review/SKILL.md")))
        .isEqualTo(Files.readAllBytes(Path.of(jar.getParent().toString(), "classes/META-INF/codex-plugins/"
            + "team-workflow-plugin/skills/code-review/SKILL.md")));
    assertThat(Files.isRegularFile(root.resolveSibling("codex-plugin.zip"))).isTrue();
  }
}
