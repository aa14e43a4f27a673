package dev.codexplugin.runtime.format;

/** Caps that keep a hostile bundle from exhausting memory or time. */
public final class Limits {
  private Limits() {}

  /** The largest JSON, YAML or Markdown file the loader reads. */
  public static final int MAX_TEXT_BYTES = 1 << 20;
  /** The largest index resource. */
  public static final int MAX_INDEX_BYTES = 4 << 20;
  /** The most files a bundle may list. */
  public static final int MAX_FILES = 20_000;
  /** The deepest folder nesting walked in a plugin folder. */
  public static final int MAX_FOLDER_DEPTH = 32;
  /** Codex scans a skills root at most this many folders deep. */
  public static final int SKILL_SCAN_DEPTH = 6;
  /** Codex scans at most this many folders of a skills root. */
  public static final int SKILL_SCAN_FOLDERS = 2_000;
}
