package dev.codexplugin.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The plugin's identity and description, from {@code .codex-plugin/plugin.json} (or
 * {@code .claude-plugin/plugin.json}). Absent text is {@code ""}.
 *
 * @param name the plugin name, e.g. {@code team-workflow-plugin}
 * @param version the version, e.g. {@code 1.0.0}
 * @param description what the plugin is for
 * @param author the author, if any
 * @param homepage the home page URL
 * @param repository the repository URL
 * @param license the license, e.g. {@code Apache-2.0}
 * @param keywords keywords for search
 * @param ui how hosts present the plugin; {@link PluginUi#EMPTY} when absent
 */
public record PluginManifest(
    String name,
    String version,
    String description,
    Optional<PluginAuthor> author,
    String homepage,
    String repository,
    String license,
    List<String> keywords,
    PluginUi ui) {

  /** Normalizes {@code null} to empty values and copies the lists. */
  public PluginManifest {
    name = Values.text(name);
    version = Values.text(version);
    description = Values.text(description);
    author = Objects.requireNonNullElse(author, Optional.empty());
    homepage = Values.text(homepage);
    repository = Values.text(repository);
    license = Values.text(license);
    keywords = Values.list(keywords);
    ui = Objects.requireNonNullElse(ui, PluginUi.EMPTY);
  }
}
