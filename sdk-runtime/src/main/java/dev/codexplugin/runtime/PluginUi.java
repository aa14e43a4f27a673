package dev.codexplugin.runtime;

import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * How a host presents a plugin: the {@code interface} object of {@code plugin.json}
 * (docs/FORMAT.md#plugin-json). Absent text is {@code ""}, absent lists are empty. Asset paths are bundle paths
 * such as {@code ./assets/logo.png}. Immutable.
 */
public final class PluginUi {
  private final String displayName;
  private final String shortDescription;
  private final String longDescription;
  private final String developerName;
  private final String category;
  private final List<String> capabilities;
  private final String websiteUrl;
  private final String privacyPolicyUrl;
  private final String termsOfServiceUrl;
  private final List<String> defaultPrompts;
  private final String brandColor;
  private final String composerIcon;
  private final String logo;
  private final String logoDark;
  private final List<String> screenshots;

  private PluginUi(Builder b) {
    displayName = Values.text(b.displayName);
    shortDescription = Values.text(b.shortDescription);
    longDescription = Values.text(b.longDescription);
    developerName = Values.text(b.developerName);
    category = Values.text(b.category);
    capabilities = Values.list(b.capabilities);
    websiteUrl = Values.text(b.websiteUrl);
    privacyPolicyUrl = Values.text(b.privacyPolicyUrl);
    termsOfServiceUrl = Values.text(b.termsOfServiceUrl);
    defaultPrompts = Values.list(b.defaultPrompts);
    brandColor = Values.text(b.brandColor);
    composerIcon = Values.text(b.composerIcon);
    logo = Values.text(b.logo);
    logoDark = Values.text(b.logoDark);
    screenshots = Values.list(b.screenshots);
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding every value of this one. */
  public Builder toBuilder() {
    return new Builder()
        .displayName(displayName)
        .shortDescription(shortDescription)
        .longDescription(longDescription)
        .developerName(developerName)
        .category(category)
        .capabilities(capabilities)
        .websiteUrl(websiteUrl)
        .privacyPolicyUrl(privacyPolicyUrl)
        .termsOfServiceUrl(termsOfServiceUrl)
        .defaultPrompts(defaultPrompts)
        .brandColor(brandColor)
        .composerIcon(composerIcon)
        .logo(logo)
        .logoDark(logoDark)
        .screenshots(screenshots);
  }

  /** The name shown to users. */
  public String displayName() {
    return displayName;
  }

  /** A one-line summary. */
  public String shortDescription() {
    return shortDescription;
  }

  /** A longer description. */
  public String longDescription() {
    return longDescription;
  }

  /** Who publishes the plugin. */
  public String developerName() {
    return developerName;
  }

  /** The marketplace category. */
  public String category() {
    return category;
  }

  /** What the plugin can do. */
  public List<String> capabilities() {
    return capabilities;
  }

  /** {@code websiteURL}. */
  public String websiteUrl() {
    return websiteUrl;
  }

  /** {@code privacyPolicyURL}. */
  public String privacyPolicyUrl() {
    return privacyPolicyUrl;
  }

  /** {@code termsOfServiceURL}. */
  public String termsOfServiceUrl() {
    return termsOfServiceUrl;
  }

  /** {@code defaultPrompt}: prompts offered to start with. */
  public List<String> defaultPrompts() {
    return defaultPrompts;
  }

  /** The {@code #RRGGBB} brand color. */
  public String brandColor() {
    return brandColor;
  }

  /** The composer icon path. */
  public String composerIcon() {
    return composerIcon;
  }

  /** The logo path. */
  public String logo() {
    return logo;
  }

  /** The dark-theme logo path. */
  public String logoDark() {
    return logoDark;
  }

  /** Screenshot paths. */
  public List<String> screenshots() {
    return screenshots;
  }

  /** An interface with nothing set. */
  public static final PluginUi EMPTY = builder().build();

  /** Whether nothing is set, so the manifest carries no {@code interface}. */
  public boolean isEmpty() {
    return equals(EMPTY);
  }

  private List<Object> values() {
    return java.util.Arrays.asList(displayName, shortDescription, longDescription, developerName, category, capabilities, websiteUrl, privacyPolicyUrl, termsOfServiceUrl, defaultPrompts, brandColor, composerIcon, logo, logoDark, screenshots);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PluginUi other && values().equals(other.values());
  }

  @Override
  public int hashCode() {
    return values().hashCode();
  }

  @Override
  public String toString() {
    StringJoiner out = new StringJoiner(", ", "PluginUi[", "]");
    String[] names = {"displayName", "shortDescription", "longDescription", "developerName", "category",
        "capabilities", "websiteUrl", "privacyPolicyUrl", "termsOfServiceUrl", "defaultPrompts", "brandColor",
        "composerIcon", "logo", "logoDark", "screenshots"};
    List<Object> values = values();
    for (int i = 0; i < names.length; i++) {
      Object value = values.get(i);
      boolean empty = value instanceof String s ? s.isEmpty() : ((List<?>) value).isEmpty();
      if (!empty) {
        out.add(names[i] + "=" + (value instanceof String s ? Values.abbreviate(s) : value));
      }
    }
    return out.toString();
  }

  /** Builds a {@link PluginUi}; {@code null} means absent everywhere. */
  public static final class Builder {
    private String displayName;
    private String shortDescription;
    private String longDescription;
    private String developerName;
    private String category;
    private List<String> capabilities;
    private String websiteUrl;
    private String privacyPolicyUrl;
    private String termsOfServiceUrl;
    private List<String> defaultPrompts;
    private String brandColor;
    private String composerIcon;
    private String logo;
    private String logoDark;
    private List<String> screenshots;

    private Builder() {}

    /** See {@link PluginUi#displayName()}. */
    public Builder displayName(String displayName) {
      this.displayName = displayName;
      return this;
    }

    /** See {@link PluginUi#shortDescription()}. */
    public Builder shortDescription(String shortDescription) {
      this.shortDescription = shortDescription;
      return this;
    }

    /** See {@link PluginUi#longDescription()}. */
    public Builder longDescription(String longDescription) {
      this.longDescription = longDescription;
      return this;
    }

    /** See {@link PluginUi#developerName()}. */
    public Builder developerName(String developerName) {
      this.developerName = developerName;
      return this;
    }

    /** See {@link PluginUi#category()}. */
    public Builder category(String category) {
      this.category = category;
      return this;
    }

    /** See {@link PluginUi#capabilities()}. */
    public Builder capabilities(List<String> capabilities) {
      this.capabilities = capabilities;
      return this;
    }

    /** See {@link PluginUi#websiteUrl()}. */
    public Builder websiteUrl(String websiteUrl) {
      this.websiteUrl = websiteUrl;
      return this;
    }

    /** See {@link PluginUi#privacyPolicyUrl()}. */
    public Builder privacyPolicyUrl(String privacyPolicyUrl) {
      this.privacyPolicyUrl = privacyPolicyUrl;
      return this;
    }

    /** See {@link PluginUi#termsOfServiceUrl()}. */
    public Builder termsOfServiceUrl(String termsOfServiceUrl) {
      this.termsOfServiceUrl = termsOfServiceUrl;
      return this;
    }

    /** See {@link PluginUi#defaultPrompts()}. */
    public Builder defaultPrompts(List<String> defaultPrompts) {
      this.defaultPrompts = defaultPrompts;
      return this;
    }

    /** See {@link PluginUi#brandColor()}. */
    public Builder brandColor(String brandColor) {
      this.brandColor = brandColor;
      return this;
    }

    /** See {@link PluginUi#composerIcon()}. */
    public Builder composerIcon(String composerIcon) {
      this.composerIcon = composerIcon;
      return this;
    }

    /** See {@link PluginUi#logo()}. */
    public Builder logo(String logo) {
      this.logo = logo;
      return this;
    }

    /** See {@link PluginUi#logoDark()}. */
    public Builder logoDark(String logoDark) {
      this.logoDark = logoDark;
      return this;
    }

    /** See {@link PluginUi#screenshots()}. */
    public Builder screenshots(List<String> screenshots) {
      this.screenshots = screenshots;
      return this;
    }

    /** The interface. */
    public PluginUi build() {
      return new PluginUi(this);
    }
  }
}
