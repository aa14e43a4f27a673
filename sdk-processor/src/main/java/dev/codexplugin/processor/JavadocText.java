package dev.codexplugin.processor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a Javadoc comment that become schema descriptions: the main text, the {@code @param} texts and
 * the {@code @return} text, as one line each. Inline tags keep their text ({@code {@code x}} becomes {@code x},
 * {@code {@link Foo#bar label}} becomes {@code label}); white space collapses to single spaces.
 */
final class JavadocText {
  private static final JavadocText EMPTY = new JavadocText(null, Map.of(), null);
  private static final Pattern INLINE = Pattern.compile("\\{@(\\w+)\\s*([^}]*)}");

  private final String main;
  private final Map<String, String> params;
  private final String returns;

  private JavadocText(String main, Map<String, String> params, String returns) {
    this.main = main;
    this.params = params;
    this.returns = returns;
  }

  /** Parses what {@link javax.lang.model.util.Elements#getDocComment} returned; {@code null} is no comment. */
  static JavadocText parse(String comment) {
    if (comment == null || comment.isBlank()) {
      return EMPTY;
    }
    Map<String, String> params = new LinkedHashMap<>();
    String returns = null;
    String main = null;
    String tag = "";
    StringBuilder text = new StringBuilder();
    for (String line : (comment + "\n@end").split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("@")) {
        if ("@param".equals(tag)) {
          String body = text.toString().strip();
          int space = body.indexOf(' ');
          String name = space < 0 ? body : body.substring(0, space);
          if (!name.startsWith("<")) {
            params.putIfAbsent(name, clean(space < 0 ? "" : body.substring(space + 1)));
          }
        } else if ("@return".equals(tag) && returns == null) {
          returns = clean(text.toString());
        } else if (tag.isEmpty()) {
          main = clean(text.toString());
        }
        int end = trimmed.indexOf(' ');
        tag = end < 0 ? trimmed : trimmed.substring(0, end);
        text.setLength(0);
        text.append(end < 0 ? "" : collapse(trimmed.substring(end + 1))).append(' ');
      } else {
        text.append(trimmed).append(' ');
      }
    }
    return new JavadocText(main == null || main.isEmpty() ? null : main, params,
        returns == null || returns.isEmpty() ? null : returns);
  }

  /** The text before the first block tag, if not empty. */
  Optional<String> main() {
    return Optional.ofNullable(main);
  }

  /** The text of {@code @param name}, if present and not empty. */
  Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name)).filter(s -> !s.isEmpty());
  }

  /** The text of {@code @return}, if present and not empty. */
  Optional<String> returns() {
    return Optional.ofNullable(returns);
  }

  private static String clean(String text) {
    if (text.indexOf("{@") < 0) {
      return collapse(text).strip();
    }
    Matcher m = INLINE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String body = m.group(2).strip();
      String replacement = body;
      if (m.group(1).startsWith("link")) {
        int space = body.indexOf(' ');
        String target = body.startsWith("#") ? body.substring(1) : body.replace('#', '.');
        replacement = space < 0 ? target : body.substring(space + 1).strip();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return collapse(out.toString()).strip();
  }

  /**
   * {@code text.replaceAll("\\s+", " ")} without a regular expression: each run of {@code \s} (space, tab, line
   * feed, vertical tab, form feed, carriage return) becomes one space; the same string when there is none to
   * replace.
   */
  static String collapse(String text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (isSpace(c) && (c != ' ' || (i + 1 < n && isSpace(text.charAt(i + 1))))) {
        break;
      }
      i++;
    }
    if (i == n) {
      return text;
    }
    StringBuilder out = new StringBuilder(n).append(text, 0, i);
    while (i < n) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        out.append(' ');
        while (i < n && isSpace(text.charAt(i))) {
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
