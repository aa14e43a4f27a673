package dev.codexplugin.runtime;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a marketplace entry says beside its plugin, and what each host shows of it (issue 12 item 4). */
class MarketplaceEntryTest {
  @TempDir Path tmp;

  @Test
  void claudeShowsTheEntrysDescriptionOverTheManifestsAndCodexTheManifests() throws IOException {
    Files.createDirectories(tmp.resolve(".claude-plugin"));
    Files.writeString(tmp.resolve(".claude-plugin/marketplace.json"), """
        {"name": "lab", "owner": {"name": "Lab"}, "plugins": [
          {"name": "commit-commands", "source": "./plugins/commit", "version": "1.0.0",
           "description": "Commands for git commit workflows"},
          {"name": "quiet", "source": "./plugins/quiet"}]}
        """);
    for (String[] p : new String[][] {{"commit", "commit-commands", "Streamline your git workflow"},
        {"quiet", "quiet", "Its own words"}}) {
      Path manifest = tmp.resolve("plugins").resolve(p[0]).resolve(".claude-plugin/plugin.json");
      Files.createDirectories(manifest.getParent());
      Files.writeString(manifest, "{\"name\": \"" + p[1] + "\", \"version\": \"1.0.0\", \"description\": \"" + p[2]
          + "\"}");
      Path skill = manifest.getParent().resolveSibling("skills/s/SKILL.md");
      Files.createDirectories(skill.getParent());
      Files.writeString(skill, "---\nname: s\ndescription: Do it. Use when asked.\n---\n# S\n");
    }
    Marketplace market = Marketplace.read(tmp);
    Marketplace.Entry commit = market.files().get(0).entries().get(0);
    assertThat(commit.description()).isEqualTo("Commands for git commit workflows");
    assertThat(commit.version()).isEqualTo("1.0.0");
    assertThat(commit.claudeDescription()).isEqualTo("Commands for git commit workflows");
    assertThat(commit.bundle().orElseThrow().manifest().description()).isEqualTo("Streamline your git workflow");
    // negative: an entry without a description shows the plugin's own
    Marketplace.Entry quiet = market.files().get(0).entries().get(1);
    assertThat(quiet.description()).isEmpty();
    assertThat(quiet.claudeDescription()).isEqualTo("Its own words");
  }
}
