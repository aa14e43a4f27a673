package dev.codexplugin.runtime.format;

/**
 * A tiny YAML emitter for the block-style documents the format needs: every string double-quoted, every map
 * and list in block style, so that strict YAML readers accept the output and the same input gives the same
 * bytes.
 */
final class YamlOut {
  private final StringBuilder out = new StringBuilder();

  /** {@code key: "value"} at {@code indent} levels of two spaces. */
  YamlOut string(int indent, String key, String value) {
    indent(indent).append(key).append(": ").append(quote(value)).append('\n');
    return this;
  }

  /** {@code key: true}. */
  YamlOut bool(int indent, String key, boolean value) {
    indent(indent).append(key).append(": ").append(value).append('\n');
    return this;
  }

  /** {@code key:} opening a nested block. */
  YamlOut open(int indent, String key) {
    indent(indent).append(key).append(":\n");
    return this;
  }

  /** {@code - key: "value"}, the first entry of a list item. */
  YamlOut item(int indent, String key, String value) {
    indent(indent).append("- ").append(key).append(": ").append(quote(value)).append('\n');
    return this;
  }

  private StringBuilder indent(int indent) {
    return out.append("  ".repeat(indent));
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** A YAML double-quoted scalar; escapes are the JSON ones, which YAML accepts. */
  static String quote(String value) {
    StringBuilder q = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        case '\t' -> q.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF
              || (c >= 0xD800 && c <= 0xDFFF && !validSurrogate(value, i))) {
            q.append(String.format("\\u%04X", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
