package dev.codexplugin.processor;

import dev.codexplugin.api.SkillInterface;

/** {@link SkillInterface @SkillInterface}, read. */
final class SkillInterfacePrism extends Prism<SkillInterfacePrism.Attr> {
  /** The attributes of {@code @SkillInterface}. */
  enum Attr implements Prism.Attribute {
    DISPLAY_NAME, SHORT_DESCRIPTION, DEFAULT_PROMPT, BRAND_COLOR, ICON_SMALL, ICON_LARGE
  }

  SkillInterfacePrism(AnnotationReader reader) {
    super(reader);
  }

  String displayName() {
    return string(Attr.DISPLAY_NAME);
  }

  String shortDescription() {
    return string(Attr.SHORT_DESCRIPTION);
  }

  String defaultPrompt() {
    return string(Attr.DEFAULT_PROMPT);
  }

  String brandColor() {
    return string(Attr.BRAND_COLOR);
  }

  /** A resource path, or empty. */
  String iconSmall() {
    return string(Attr.ICON_SMALL);
  }

  /** A resource path, or empty. */
  String iconLarge() {
    return string(Attr.ICON_LARGE);
  }
}
