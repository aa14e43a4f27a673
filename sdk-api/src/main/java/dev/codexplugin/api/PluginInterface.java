package dev.codexplugin.api;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a host presents the plugin: the {@code interface} object of {@code .codex-plugin/plugin.json}.
 * Every attribute is optional; an empty value is left out of the manifest.
 *
 * <p>Asset attributes ({@link #composerIcon()}, {@link #logo()}, {@link #logoDark()}, {@link #screenshots()})
 * are resource paths (see the package documentation); each file is copied into the bundle's {@code assets/}
 * folder and the manifest points at {@code ./assets/<file name>}.
 *
 * @see Plugin#ui()
 */
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface PluginInterface {
  /** The name shown to users, e.g. {@code "Team Workflow Plugin"}. */
  String displayName() default "";

  /** A one-line summary. */
  String shortDescription() default "";

  /** A longer description. */
  String longDescription() default "";

  /** Who publishes the plugin. */
  String developerName() default "";

  /** The marketplace category, e.g. {@code "productivity"}. */
  String category() default "";

  /** What the plugin can do, e.g. {@code {"code-review", "testing"}}. */
  String[] capabilities() default {};

  /** The website; must be an https:// URL. Written as {@code websiteURL}. */
  String websiteUrl() default "";

  /** The privacy policy; must be an https:// URL. Written as {@code privacyPolicyURL}. */
  String privacyPolicyUrl() default "";

  /** The terms of service; must be an https:// URL. Written as {@code termsOfServiceURL}. */
  String termsOfServiceUrl() default "";

  /** Prompts offered to start with; must have at most 3 entries, each 1-128 characters. */
  String[] defaultPrompts() default {};

  /** The brand color; must be a #RRGGBB hex color, e.g. {@code "#4F46E5"}. */
  String brandColor() default "";

  /** A resource path of the composer icon; must name an existing file. */
  String composerIcon() default "";

  /** A resource path of the logo; must name an existing file. */
  String logo() default "";

  /** A resource path of the logo for dark themes; must name an existing file. */
  String logoDark() default "";

  /**
   * Resource paths of screenshots, copied to {@code ./assets/}; each must name an existing file and must be a
   * .png file under ./assets/.
   */
  String[] screenshots() default {};
}
