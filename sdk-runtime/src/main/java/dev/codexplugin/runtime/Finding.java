package dev.codexplugin.runtime;

import java.util.Objects;

/**
 * One problem found in a plugin bundle: a stable {@link FindingCode}, how serious it is, where it is and how
 * to fix it.
 *
 * <p>{@link #toString()} renders it the way the SDK prints it everywhere, with {@link SafeText} escaping any
 * control character, bidi override or newline of a name or value (the components stay exact):
 * {@code [codexplugin:BadColor] /work/team.jar!/META-INF/codex-plugins/team/.codex-plugin/plugin.json:
 * interface.brandColor must be a #RRGGBB hex color; found "red". Use six hex digits, e.g. "#4F46E5".}
 *
 * @param code the stable code
 * @param severity error or warning
 * @param location the bundle's location (a folder, or {@code jar!/entry}), or {@code ""}
 * @param file the file inside the bundle, e.g. {@code .codex-plugin/plugin.json}, or {@code ""}
 * @param field the field inside the file, e.g. {@code interface.brandColor}, or {@code ""}
 * @param message the rule, what was found and the fix, e.g. {@code must be ...; found ... Use ...}
 */
public record Finding(
    FindingCode code, Severity severity, String location, String file, String field, String message) {

  /** Checks that nothing is {@code null}. */
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    location = Values.text(location);
    file = Values.text(file);
    field = Values.text(field);
    Objects.requireNonNull(message, "message");
  }

  /** Whether this is an {@link Severity#ERROR error}. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** Where the finding is: the location and the file, joined as a path. */
  public String where() {
    if (location.isEmpty()) {
      return file;
    }
    if (file.isEmpty()) {
      return location;
    }
    return location.endsWith("/") ? location + file : location + "/" + file;
  }

  /** This finding with {@code location} as its location. */
  public Finding at(String location) {
    return new Finding(code, severity, location, file, field, message);
  }

  @Override
  public String toString() {
    String where = where();
    String subject = field.isEmpty() ? message : field + " " + message;
    // The one rendering of a finding for people: names and values from files are escaped (SafeText), so that
    // a control character, a bidi override or a newline in a file or folder name cannot act on the terminal.
    return code.tag() + " " + (severity == Severity.WARNING ? "warning: " : "")
        + SafeText.escape((where.isEmpty() ? "" : where + ": ") + subject);
  }
}
