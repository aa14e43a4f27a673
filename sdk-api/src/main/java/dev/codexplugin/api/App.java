package dev.codexplugin.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an app connector the plugin uses, written to {@code .app.json} as
 * {@code {"apps": {"<key>": {"id": ..., "category": ..., "type": ..., "baseUrl": ...}}}}. Codex reads only
 * {@code id}, and resolves apps only for a signed-in account; the other fields describe the app to readers.
 *
 * <pre>{@code
 * @App(key = "jira", id = "connector_jira", category = "project-management")
 * }</pre>
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Repeatable(App.List.class)
public @interface App {
  /**
   * The app key in {@code .app.json}; must be 1-64 characters of letters, digits, _ and -, and must be unique
   * within the plugin.
   */
  String key();

  /** The registered connector id, e.g. {@code connector_jira}; must not be empty. */
  String id();

  /** A category for readers, e.g. {@code project-management}; optional. */
  String category() default "";

  /** The kind of app for readers, e.g. {@code issue-tracker}; optional. */
  String type() default "";

  /** The app's base URL for readers; optional; must be an https:// URL. */
  String baseUrl() default "";

  /** The container of repeated {@link App} annotations. */
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.PACKAGE, ElementType.TYPE})
  @interface List {
    /** The apps. */
    App[] value();
  }
}
