package dev.codexplugin.runtime;

/** How much a version must grow for a change, in Semantic Versioning terms; ordered from none to major. */
public enum Bump {
  /** Nothing changed. */
  NONE,
  /** Text only: descriptions, titles, instructions, interface text. */
  PATCH,
  /** Something was added or widened; everything that worked still works. */
  MINOR,
  /** Something was removed or narrowed; what worked before may fail now. */
  MAJOR;

  /** Whether this bump is at least {@code other}. */
  public boolean covers(Bump other) {
    return compareTo(other) >= 0;
  }
}
