package dev.codexplugin.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a lifecycle hook, written to {@code hooks/hooks.json}: a command the host runs automatically on an
 * {@link #event()}. This is the plugin's execution contract; a user must trust a plugin's hooks before they
 * run. Codex runs the command with {@code PLUGIN_ROOT} and {@code PLUGIN_DATA} set and replaces
 * {@code ${PLUGIN_ROOT}} in it. A script the plugin ships for the hook goes in the folder of
 * {@link Plugin#files() @Plugin(files)}, e.g. {@code hooks/check.sh}.
 *
 * <pre>{@code
 * @Hook(event = HookEvent.PRE_TOOL_USE, matcher = "Bash", command = "${PLUGIN_ROOT}/hooks/check.sh",
 *       timeoutSec = 30, statusMessage = "Checking the command")
 * }</pre>
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Repeatable(Hook.List.class)
public @interface Hook {
  /** When the hook runs. */
  HookEvent event();

  /**
   * Which tools the hook applies to (for tool events); must be a valid regular expression over the tool name;
   * empty matches every tool.
   */
  String matcher() default "";

  /** The shell command to run; must not be empty. */
  String command();

  /** Seconds the host waits for the command; 0 leaves the host's default; must not be negative. */
  int timeoutSec() default 0;

  /** A message shown while the hook runs; optional. */
  String statusMessage() default "";

  /** The container of repeated {@link Hook} annotations. */
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.PACKAGE, ElementType.TYPE})
  @interface List {
    /** The hooks. */
    Hook[] value();
  }
}
