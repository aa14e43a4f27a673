package dev.codexplugin.api;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The author of a plugin, written to {@code author} in {@code .codex-plugin/plugin.json}.
 *
 * @see Plugin#author()
 */
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Author {
  /** The author's name; must not be empty. */
  String name();

  /** The author's e-mail address; optional. */
  String email() default "";

  /** The author's web page; optional; must be an https:// URL. */
  String url() default "";
}
