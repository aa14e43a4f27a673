package dev.codexplugin.packages;

import dev.codexplugin.runtime.SafeText;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The package manager's output: every line it prints is one line, whatever the names in it hold. A control
 * character, a bidi override or a newline of a plugin name, a version or a path read from a jar or a repository
 * is escaped ({@link SafeText}), so that it cannot act on the terminal or forge a line of a CI log.
 */
final class SafeLines extends PrintWriter {
  SafeLines(Writer out) {
    super(out, true);
  }

  @Override
  public void println(String line) {
    super.println(SafeText.escape(line));
  }

  @Override
  public void println(Object line) {
    println(String.valueOf(line));
  }

  @Override
  public void print(String text) {
    // Text printed without its own line end is escaped but for the line ends it carries.
    StringBuilder out = new StringBuilder(text == null ? 4 : text.length());
    String value = String.valueOf(text);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\n' || (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n')) {
        out.append(c);
      } else {
        SafeText.appendEscaped(out, c);
      }
    }
    super.print(out.toString());
  }

  @Override
  public PrintWriter format(String format, Object... args) {
    print(String.format(format, args));
    flush();
    return this;
  }

  @Override
  public PrintWriter format(java.util.Locale locale, String format, Object... args) {
    print(String.format(locale, format, args));
    flush();
    return this;
  }
}
