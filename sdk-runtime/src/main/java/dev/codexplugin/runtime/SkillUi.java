package dev.codexplugin.runtime;

/**
 * How Codex presents a skill: the {@code interface} of {@code skills/<name>/agents/openai.yaml}. Absent text
 * is {@code ""}; icon paths are relative to the skill folder, e.g. {@code ./assets/icon.png}.
 *
 * @param displayName {@code display_name}
 * @param shortDescription {@code short_description}
 * @param defaultPrompt {@code default_prompt}
 * @param brandColor {@code brand_color}, {@code #RRGGBB}
 * @param iconSmall {@code icon_small}
 * @param iconLarge {@code icon_large}
 */
public record SkillUi(
    String displayName,
    String shortDescription,
    String defaultPrompt,
    String brandColor,
    String iconSmall,
    String iconLarge) {

  /** An interface with nothing set. */
  public static final SkillUi EMPTY = new SkillUi("", "", "", "", "", "");

  /** Normalizes {@code null} to {@code ""}. */
  public SkillUi {
    displayName = Values.text(displayName);
    shortDescription = Values.text(shortDescription);
    defaultPrompt = Values.text(defaultPrompt);
    brandColor = Values.text(brandColor);
    iconSmall = Values.text(iconSmall);
    iconLarge = Values.text(iconLarge);
  }

  /** Whether nothing is set. */
  public boolean isEmpty() {
    return equals(EMPTY);
  }
}
