package dev.codexplugin.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The plugin's identity and description, from {@code .codex-plugin/plugin.json} (or
 * {@code .claude-plugin/plugin.json}); see docs/FORMAT.md#plugin-json. Absent text is {@code ""}. Immutable.
 */
public final class PluginManifest {
  private final String name;
  private final String version;
  private final String description;
  private final Optional<PluginAuthor> author;
  private final String homepage;
  private final String repository;
  private final String license;
  private final List<String> keywords;
  private final PluginUi ui;

  private PluginManifest(Builder b) {
    name = Values.text(b.name);
    version = Values.text(b.version);
    description = Values.text(b.description);
    author = Objects.requireNonNullElse(b.author, Optional.empty());
    homepage = Values.text(b.homepage);
    repository = Values.text(b.repository);
    license = Values.text(b.license);
    keywords = Values.list(b.keywords);
    ui = Objects.requireNonNullElse(b.ui, PluginUi.EMPTY);
  }

  /** A builder of a manifest of the plugin {@code name}, with nothing else set. */
  public static Builder builder(String name) {
    return new Builder().name(name);
  }

  /** A builder holding every value of this one. */
  public Builder toBuilder() {
    return new Builder()
        .name(name)
        .version(version)
        .description(description)
        .author(author)
        .homepage(homepage)
        .repository(repository)
        .license(license)
        .keywords(keywords)
        .ui(ui);
  }

  /** The plugin name, e.g. {@code team-workflow-plugin}. */
  public String name() {
    return name;
  }

  /** The version, e.g. {@code 1.0.0}. */
  public String version() {
    return version;
  }

  /** What the plugin is for. */
  public String description() {
    return description;
  }

  /** The author, if any. */
  public Optional<PluginAuthor> author() {
    return author;
  }

  /** The home page URL. */
  public String homepage() {
    return homepage;
  }

  /** The repository URL. */
  public String repository() {
    return repository;
  }

  /** The license, e.g. {@code Apache-2.0}. */
  public String license() {
    return license;
  }

  /** Keywords for search. */
  public List<String> keywords() {
    return keywords;
  }

  /** How hosts present the plugin; {@link PluginUi#EMPTY} when absent. */
  public PluginUi ui() {
    return ui;
  }


  private List<Object> values() {
    return java.util.Arrays.asList(name, version, description, author, homepage, repository, license, keywords, ui);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PluginManifest other && values().equals(other.values());
  }

  @Override
  public int hashCode() {
    return values().hashCode();
  }

  @Override
  public String toString() {
    StringJoiner out = new StringJoiner(", ", "PluginManifest[", "]");
    out.add(name + "@" + version);
    if (!description.isEmpty()) {
      out.add("description=" + Values.abbreviate(description));
    }
    author.ifPresent(a -> out.add("author=" + a.name()));
    if (!license.isEmpty()) {
      out.add("license=" + license);
    }
    if (!keywords.isEmpty()) {
      out.add("keywords=" + keywords);
    }
    if (!ui.isEmpty()) {
      out.add("ui=" + ui);
    }
    return out.toString();
  }

  /** Builds a {@link PluginManifest}; {@code null} means absent everywhere. */
  public static final class Builder {
    private String name;
    private String version;
    private String description;
    private Optional<PluginAuthor> author;
    private String homepage;
    private String repository;
    private String license;
    private List<String> keywords;
    private PluginUi ui;

    private Builder() {}

    /** See {@link PluginManifest#name()}. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** See {@link PluginManifest#version()}. */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /** See {@link PluginManifest#description()}. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** See {@link PluginManifest#author()}. */
    public Builder author(Optional<PluginAuthor> author) {
      this.author = author;
      return this;
    }

    /** See {@link PluginManifest#homepage()}. */
    public Builder homepage(String homepage) {
      this.homepage = homepage;
      return this;
    }

    /** See {@link PluginManifest#repository()}. */
    public Builder repository(String repository) {
      this.repository = repository;
      return this;
    }

    /** See {@link PluginManifest#license()}. */
    public Builder license(String license) {
      this.license = license;
      return this;
    }

    /** See {@link PluginManifest#keywords()}. */
    public Builder keywords(List<String> keywords) {
      this.keywords = keywords;
      return this;
    }

    /** See {@link PluginManifest#ui()}. */
    public Builder ui(PluginUi ui) {
      this.ui = ui;
      return this;
    }

    /** The manifest. */
    public PluginManifest build() {
      return new PluginManifest(this);
    }
  }
}
