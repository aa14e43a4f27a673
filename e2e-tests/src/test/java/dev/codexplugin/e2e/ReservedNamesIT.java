package dev.codexplugin.e2e;

import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.MarketplaceExport;
import dev.codexplugin.runtime.MarketplaceExportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exporter refuses exactly the marketplace names the real hosts refuse to add from a folder (issue 12, item
 * 6): for each name below, {@link MarketplaceExport} with the host's format and {@code marketplace add} of the
 * real host must agree.
 */
class ReservedNamesIT {
  /** Names to ask about: the hosts' reserved names, look-alikes, case variants and names that are fine. */
  static final List<String> NAMES = List.of(
      "claude-code-marketplace", "claude-code-plugins", "claude-plugins-official", "anthropic-marketplace",
      "anthropic-plugins", "agent-skills", "anthropic-agent-skills", "life-sciences", "knowledge-work-plugins",
      "claude-for-legal", "claude-for-financial-services", "financial-services-plugins", "first-party-plugins",
      "claude-tag-plugins", "claude-community", "claude-plugins-community", "healthcare",
      "anthropic-plugin-directory", "claude-plugin-directory", "Claude-Plugins-Official",
      "inline", "builtin", "skills-dir", "synced", "claude-plugin-test",
      "claude-plugins-official-corpus", "claude-plugins", "official-claude", "claude-official", "anthropic_official",
      "claude-marketplace", "anthropic-directories",
      "openai-curated", "openai-bundled", "openai-api-curated", "OpenAI-Curated", "openai-curated-x",
      "corpus-claude-plugins-official", "claude-tools", "claude-market", "anthropic-tools", "anthropics",
      "my-official", "team-tools");

  @Test
  void theExporterRefusesWhatTheHostsRefuse() throws Exception {
    Path work = Path.of(System.getProperty("e2e.work")).resolve("reserved-names");
    Path jar = Path.of(System.getProperty("team-workflow.jar"));
    Path probe = MarketplaceExport.builder().marketplaceName("names-probe").format(MarketplaceExport.Format.BOTH)
        .addJar(jar).force(true).build().exportTo(work.resolve("probe")).root();
    List<String> disagreements = new ArrayList<>();
    int i = 0;
    for (String name : NAMES) {
      i++;
      rename(probe, name);
      boolean codexAdds = CodexCli.fromBuild("names-" + i).run("plugin", "marketplace", "add", probe.toString(),
          "--json").exitCode() == 0;
      boolean claudeAdds = ClaudeCli.fromBuild("names-" + i).run("plugin", "marketplace", "add", probe.toString())
          .exitCode() == 0;
      boolean sdkCodex = exports(jar, name, MarketplaceExport.Format.CODEX, work.resolve("out-" + i));
      boolean sdkClaude = exports(jar, name, MarketplaceExport.Format.CLAUDE, work.resolve("out-" + i));
      if (codexAdds != sdkCodex) {
        disagreements.add(name + ": codex " + (codexAdds ? "adds" : "refuses") + " it, the Codex export "
            + (sdkCodex ? "writes" : "refuses") + " it");
      }
      if (claudeAdds != sdkClaude) {
        disagreements.add(name + ": claude " + (claudeAdds ? "adds" : "refuses") + " it, the Claude export "
            + (sdkClaude ? "writes" : "refuses") + " it");
      }
    }
    assertWithMessage("the exporter and the hosts disagree on reserved marketplace names")
        .that(disagreements).isEmpty();
  }

  private static void rename(Path root, String name) throws Exception {
    for (String file : List.of(Corpus.CODEX_FILE, Corpus.CLAUDE_FILE)) {
      Path path = root.resolve(file);
      ObjectNode json = (ObjectNode) CodexCli.JSON.readTree(path.toFile());
      json.put("name", name);
      Files.writeString(path, json.toPrettyString() + "\n");
    }
  }

  private static boolean exports(Path jar, String name, MarketplaceExport.Format format, Path out) throws Exception {
    try {
      MarketplaceExport.builder().marketplaceName(name).format(format).addJar(jar).force(true).build().exportTo(out);
      return true;
    } catch (MarketplaceExportException e) {
      if (e.code() != dev.codexplugin.runtime.FindingCode.RESERVED_NAME) {
        throw e;
      }
      System.out.println(e.getMessage());
      return false;
    }
  }
}
