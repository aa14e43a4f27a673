package dev.codexplugin.runtime.format;

import java.util.Objects;

/**
 * A place in a bundle that a finding is about: a file, relative to the bundle root, and a field inside it as a
 * dotted path ({@code interface.brandColor}, {@code mcpServers.github.args[0]}); {@code ""} for the whole file
 * or the whole bundle.
 *
 * @param file the file, e.g. {@code .codex-plugin/plugin.json}, or {@code ""}
 * @param field the field, or {@code ""}
 */
public record Place(String file, String field) {
  /** The whole bundle. */
  public static final Place BUNDLE = new Place("", "");

  /** Checks that nothing is {@code null}. */
  public Place {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(field, "field");
  }

  /** The whole of {@code file}. */
  public static Place of(String file) {
    return new Place(file, "");
  }

  /** A field of the same file: {@code key} below this field. */
  public Place child(String key) {
    return new Place(file, field.isEmpty() ? key : field + "." + key);
  }

  /** An element of the array at this field: {@code field[index]}. */
  public Place index(int index) {
    return new Place(file, field + "[" + index + "]");
  }

  /**
   * The enclosing field: {@code mcpServers.github} for {@code mcpServers.github.env}, {@code hooks.Stop} for
   * {@code hooks.Stop[0]}, the whole file for a top-level field.
   */
  public Place parent() {
    int cut = Math.max(field.lastIndexOf('.'), field.lastIndexOf('['));
    return new Place(file, cut < 0 ? "" : field.substring(0, cut));
  }

  @Override
  public String toString() {
    return field.isEmpty() ? file : file + "#" + field;
  }
}
