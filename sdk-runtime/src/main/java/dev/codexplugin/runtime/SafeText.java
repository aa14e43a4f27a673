package dev.codexplugin.runtime;

/**
 * Text from a file or a name, made safe to show to a person: every character that a terminal or a log viewer
 * would act on instead of showing is written as an escape, so that a description, a folder name or a jar entry
 * cannot move the cursor, set the terminal's title, reverse the line's direction or forge an output line.
 *
 * <p>Escaped: the C0 controls (newline, carriage return and tab as backslash-n, -r and -t, the others as a
 * backslash, {@code u} and four upper-case hex digits, e.g. ESC as backslash-u001B), DEL and the C1 controls
 * (U+007F-U+009F), the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), the
 * invisible direction marks (U+200E, U+200F, U+061C) and the line and paragraph separators (U+2028, U+2029).
 * Everything else, a backslash included, is shown as it is.
 *
 * <p>{@link Finding#toString()} and every human-readable output of the SDK and its CLI go through it; JSON
 * output does not (Jackson escapes what JSON needs, and the values stay exact).
 */
public final class SafeText {
  private SafeText() {}

  /** Whether {@code c} is a character that {@link #escape(String)} writes as an escape. */
  public static boolean unsafe(int c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F)
        || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200E || c == 0x200F || c == 0x061C || c == 0x2028 || c == 0x2029;
  }

  /** Whether {@code text} holds no character that {@link #escape(String)} would change. */
  public static boolean isSafe(String text) {
    return text.chars().noneMatch(SafeText::unsafe);
  }

  /**
   * {@code text} with every unsafe character escaped: a newline as backslash-n, U+202E as backslash-u202E;
   * {@code null} as {@code "null"}.
   */
  public static String escape(String text) {
    if (text == null) {
      return "null";
    }
    if (isSafe(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      appendEscaped(out, text.charAt(i));
    }
    return out.toString();
  }

  /** Appends {@code c}, escaped when it is unsafe. */
  public static void appendEscaped(StringBuilder out, char c) {
    if (!unsafe(c)) {
      out.append(c);
      return;
    }
    switch (c) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> out.append(String.format("\\u%04X", (int) c));
    }
  }

  /** The escape of one unsafe character, e.g. backslash-u202E; the character itself when it is safe. */
  public static String escape(char c) {
    StringBuilder out = new StringBuilder(6);
    appendEscaped(out, c);
    return out.toString();
  }

  /**
   * What a JSON parser's error message (Jackson's {@code getOriginalMessage()}) says was wrong, in fixed words
   * of the SDK, never the bytes it found: Jackson's messages quote the token or character they stopped at, and a
   * file read by mistake may be a secret. A noun phrase for {@code found ...}, e.g. {@code a syntax error
   * (expected a colon after the field name)} or {@code the end of the file inside a string}.
   */
  public static String jsonSyntax(String parserMessage) {
    String m = parserMessage == null ? "" : parserMessage.lines().findFirst().orElse("");
    if (m.startsWith("Unexpected end-of-input")) {
      if (m.contains("closing quote")) {
        return "the end of the file inside a string";
      }
      if (m.contains("close marker for Object") || m.contains("Object entries")) {
        return "the end of the file before the closing } of an object";
      }
      if (m.contains("close marker for Array") || m.contains("Array entries")) {
        return "the end of the file before the closing ] of an array";
      }
      return "the end of the file too early";
    }
    if (m.startsWith("Duplicate field")) {
      return "a key twice";
    }
    String expected = null;
    if (m.contains("double-quote to start field name")) {
      expected = "a field name in double quotes";
    } else if (m.contains("colon to separate field name and value")) {
      expected = "a colon after the field name";
    } else if (m.contains("comma to separate Object entries")) {
      expected = "a comma or } after an object entry";
    } else if (m.contains("comma to separate Array entries")) {
      expected = "a comma or ] after an array element";
    } else if (m.contains("JSON String, Number, Array, Object or token")) {
      expected = "a JSON value: a string, number, array, object, true, false or null";
    } else if (m.startsWith("Unrecognized character escape")) {
      expected = "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX after a backslash";
    } else if (m.contains("hex-digit for character escape")) {
      expected = "four hex digits after \\u";
    } else if (m.startsWith("Illegal unquoted character")) {
      expected = "control characters in a string to be escaped, e.g. \\n";
    } else if (m.contains("Leading zeroes not allowed")) {
      expected = "a number without leading zeroes";
    } else if (m.contains("numeric value") || m.startsWith("Non-standard token")) {
      expected = "a valid JSON number";
    } else if (m.contains("(non-standard) comment")) {
      expected = "no comment (JSON has none)";
    } else if (m.startsWith("Unexpected close marker")) {
      expected = m.contains("expected '}'") ? "} to close the object" : m.contains("expected ']'")
          ? "] to close the array" : "a value before the closing bracket";
    } else if (m.startsWith("Trailing token")) {
      expected = "nothing after the value";
    }
    return expected == null ? "a syntax error" : "a syntax error (expected " + expected + ")";
  }
}
