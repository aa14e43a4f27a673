package dev.codexplugin.processor;

import dev.codexplugin.api.PluginInterface;
import java.util.List;

/** {@link PluginInterface @PluginInterface}, read. */
final class PluginInterfacePrism extends Prism<PluginInterfacePrism.Attr> {
  /** The attributes of {@code @PluginInterface}. */
  enum Attr implements Prism.Attribute {
    DISPLAY_NAME, SHORT_DESCRIPTION, LONG_DESCRIPTION, DEVELOPER_NAME, CATEGORY, CAPABILITIES, WEBSITE_URL,
    PRIVACY_POLICY_URL, TERMS_OF_SERVICE_URL, DEFAULT_PROMPTS, BRAND_COLOR, COMPOSER_ICON, LOGO, LOGO_DARK,
    SCREENSHOTS
  }

  PluginInterfacePrism(AnnotationReader reader) {
    super(reader);
  }

  String displayName() {
    return string(Attr.DISPLAY_NAME);
  }

  String shortDescription() {
    return string(Attr.SHORT_DESCRIPTION);
  }

  String longDescription() {
    return string(Attr.LONG_DESCRIPTION);
  }

  String developerName() {
    return string(Attr.DEVELOPER_NAME);
  }

  String category() {
    return string(Attr.CATEGORY);
  }

  List<String> capabilities() {
    return strings(Attr.CAPABILITIES);
  }

  List<String> defaultPrompts() {
    return strings(Attr.DEFAULT_PROMPTS);
  }

  String websiteUrl() {
    return string(Attr.WEBSITE_URL);
  }

  String privacyPolicyUrl() {
    return string(Attr.PRIVACY_POLICY_URL);
  }

  String termsOfServiceUrl() {
    return string(Attr.TERMS_OF_SERVICE_URL);
  }

  String brandColor() {
    return string(Attr.BRAND_COLOR);
  }

  /** A resource path, or empty. */
  String composerIcon() {
    return string(Attr.COMPOSER_ICON);
  }

  /** A resource path, or empty. */
  String logo() {
    return string(Attr.LOGO);
  }

  /** A resource path, or empty. */
  String logoDark() {
    return string(Attr.LOGO_DARK);
  }

  /** The screenshots' resource paths. */
  List<String> screenshots() {
    return strings(Attr.SCREENSHOTS);
  }
}
