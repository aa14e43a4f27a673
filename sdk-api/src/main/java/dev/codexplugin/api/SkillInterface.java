package dev.codexplugin.api;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How Codex presents a skill: the {@code interface} of {@code skills/<name>/agents/openai.yaml}. Every
 * attribute is optional; an empty value is left out.
 *
 * @see Skill#ui()
 */
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface SkillInterface {
  /** The name shown to users. */
  String displayName() default "";

  /** A one-line summary shown to users. */
  String shortDescription() default "";

  /** A prompt offered to start with; must be at most 128 characters. */
  String defaultPrompt() default "";

  /** The brand color; must be a #RRGGBB hex color. */
  String brandColor() default "";

  /** A resource path of a small icon; must name an existing file. */
  String iconSmall() default "";

  /** A resource path of a large icon; must name an existing file. */
  String iconLarge() default "";
}
