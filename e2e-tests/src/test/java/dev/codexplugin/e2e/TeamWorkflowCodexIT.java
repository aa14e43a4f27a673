package dev.codexplugin.e2e;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sample's marketplace, exported by sdk-maven-plugin at package next to its jar
 * ({@code target/codex-plugin/}), installed by the real Codex CLI with the sequence of docs/FORMAT.md#marketplace and a
 * private CODEX_HOME.
 */
class TeamWorkflowCodexIT {
  private static final String PLUGIN = "team-workflow-plugin";
  private static final String MARKETPLACE = "team-tools";

  @Test
  void codexInstallsTheSampleBundle() throws Exception {
    Path root = Path.of(System.getProperty("team-workflow.jar")).resolveSibling("codex-plugin");
    CodexCli codex = CodexCli.fromBuild("team-workflow");

    JsonNode added = codex.run("plugin", "marketplace", "add", root.toString(), "--json").json();
    assertThat(added.path("marketplaceName").asText()).isEqualTo(MARKETPLACE);

    JsonNode installed = codex.run("plugin", "add", PLUGIN + "@" + MARKETPLACE, "--json").json();
    assertThat(installed.path("name").asText()).isEqualTo(PLUGIN);
    assertThat(installed.path("version").asText()).isEqualTo("1.0.0");
    assertThat(installed.path("installedPath").asText()).endsWith("/" + PLUGIN + "/1.0.0");

    JsonNode list = codex.run("plugin", "list", "--json").json();
    JsonNode entry = only(list.path("installed"), PLUGIN);
    assertThat(entry.path("installed").asBoolean()).isTrue();
    assertThat(entry.path("enabled").asBoolean()).isTrue();
    assertThat(entry.path("version").asText()).isEqualTo("1.0.0");

    JsonNode servers = codex.run("mcp", "list", "--json").json();
    List<String> names = new ArrayList<>();
    servers.forEach(s -> names.add(s.path("name").asText()));
    assertThat(names).containsAtLeast("github", "slack");
    JsonNode github = only(servers, "github");
    assertThat(github.path("transport").path("command").asText()).isEqualTo("npx");
    assertThat(github.path("transport").path("env_vars").get(0).asText()).isEqualTo("GITHUB_PERSONAL_ACCESS_TOKEN");

    CodexCli.Result prompt = codex.run("debug", "prompt-input", "hi");
    assertThat(prompt.exitCode()).isEqualTo(0);
    assertThat(prompt.stdout()).contains("- " + PLUGIN + ":code-review: Review code changes following team standards.");
    assertThat(prompt.stdout()).contains("- " + PLUGIN + ":testing: Write and run tests following team conventions.");
  }

  private static JsonNode only(JsonNode array, String name) {
    List<JsonNode> matches = new ArrayList<>();
    array.forEach(n -> {
      if (name.equals(n.path("name").asText())) {
        matches.add(n);
      }
    });
    assertThat(matches).hasSize(1);
    return matches.get(0);
  }
}
