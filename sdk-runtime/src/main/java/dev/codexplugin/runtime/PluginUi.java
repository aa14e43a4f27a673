package dev.codexplugin.runtime;

import java.util.List;

/**
 * How a host presents a plugin: the {@code interface} object of {@code plugin.json}. Absent text is
 * {@code ""}, absent lists are empty. Asset paths are bundle paths such as {@code ./assets/logo.png}.
 *
 * @param displayName the name shown to users
 * @param shortDescription a one-line summary
 * @param longDescription a longer description
 * @param developerName who publishes the plugin
 * @param category the marketplace category
 * @param capabilities what the plugin can do
 * @param websiteUrl {@code websiteURL}
 * @param privacyPolicyUrl {@code privacyPolicyURL}
 * @param termsOfServiceUrl {@code termsOfServiceURL}
 * @param defaultPrompts {@code defaultPrompt}: prompts offered to start with
 * @param brandColor the {@code #RRGGBB} brand color
 * @param composerIcon the composer icon path
 * @param logo the logo path
 * @param logoDark the dark-theme logo path
 * @param screenshots screenshot paths
 */
public record PluginUi(
    String displayName,
    String shortDescription,
    String longDescription,
    String developerName,
    String category,
    List<String> capabilities,
    String websiteUrl,
    String privacyPolicyUrl,
    String termsOfServiceUrl,
    List<String> defaultPrompts,
    String brandColor,
    String composerIcon,
    String logo,
    String logoDark,
    List<String> screenshots) {

  /** An interface with nothing set. */
  public static final PluginUi EMPTY =
      new PluginUi("", "", "", "", "", List.of(), "", "", "", List.of(), "", "", "", "", List.of());

  /** Normalizes {@code null} to empty values and copies the lists. */
  public PluginUi {
    displayName = Values.text(displayName);
    shortDescription = Values.text(shortDescription);
    longDescription = Values.text(longDescription);
    developerName = Values.text(developerName);
    category = Values.text(category);
    capabilities = Values.list(capabilities);
    websiteUrl = Values.text(websiteUrl);
    privacyPolicyUrl = Values.text(privacyPolicyUrl);
    termsOfServiceUrl = Values.text(termsOfServiceUrl);
    defaultPrompts = Values.list(defaultPrompts);
    brandColor = Values.text(brandColor);
    composerIcon = Values.text(composerIcon);
    logo = Values.text(logo);
    logoDark = Values.text(logoDark);
    screenshots = Values.list(screenshots);
  }

  /** Whether nothing is set, so the manifest carries no {@code interface}. */
  public boolean isEmpty() {
    return equals(EMPTY);
  }
}
