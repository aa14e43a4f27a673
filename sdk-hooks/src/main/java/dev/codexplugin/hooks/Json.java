package dev.codexplugin.hooks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON (RFC 8259) reader and a compact writer, for the one object a hook reads and the one it writes.
 *
 * <p>Hand-written rather than Jackson: a hook is a new JVM for every tool call, and creating Jackson's
 * {@code ObjectMapper} loads several hundred classes before the first byte is parsed. The reader accepts only
 * what RFC 8259 allows, refuses duplicate keys and nesting deeper than {@value #MAX_DEPTH}, and reports the
 * offset of the first problem. Values are {@code String}, {@code Boolean}, {@code Long} (integers that fit),
 * {@code Double} (every other number), {@link JsonObject}, {@code List<Object>} (unmodifiable) and {@code null}.
 */
final class Json {
  static final int MAX_DEPTH = 256;

  private final String text;
  private int at;

  private Json(String text) {
    this.text = text;
  }

  /** Parses {@code text}, which must be one JSON object and nothing else but white space. */
  static JsonObject parseObject(String text, String path) {
    Json json = new Json(text);
    json.space();
    if (json.at >= text.length() || text.charAt(json.at) != '{') {
      throw json.error("must be a JSON object");
    }
    JsonObject value = json.object(path, 0);
    json.space();
    if (json.at < text.length()) {
      throw json.error("must end after the object");
    }
    return value;
  }

  private Object value(String path, int depth) {
    if (depth > MAX_DEPTH) {
      throw error("must not nest deeper than " + MAX_DEPTH + " levels");
    }
    space();
    if (at >= text.length()) {
      throw error("ends where a value should be");
    }
    char c = text.charAt(at);
    switch (c) {
      case '{':
        return object(path, depth);
      case '[':
        return array(path, depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("has an unexpected character where a value should be");
    }
  }

  private JsonObject object(String path, int depth) {
    at++; // {
    Map<String, Object> members = new LinkedHashMap<>();
    space();
    if (peek() == '}') {
      at++;
      return new JsonObject(path, members);
    }
    while (true) {
      space();
      if (peek() != '"') {
        throw error("must have a quoted member name");
      }
      String name = string();
      space();
      if (peek() != ':') {
        throw error("must have ':' after member name " + quote(name));
      }
      at++;
      String childPath = path.isEmpty() ? name : path + "." + name;
      Object value = value(childPath, depth + 1);
      if (members.containsKey(name)) {
        throw error("must not repeat member " + quote(name));
      }
      members.put(name, value);
      space();
      char c = peek();
      at++;
      if (c == '}') {
        return new JsonObject(path, members);
      }
      if (c != ',') {
        at--;
        throw error("must have ',' or '}' after a member");
      }
    }
  }

  private List<Object> array(String path, int depth) {
    at++; // [
    List<Object> items = new ArrayList<>();
    space();
    if (peek() == ']') {
      at++;
      return Collections.unmodifiableList(items);
    }
    while (true) {
      items.add(value(path + "[" + items.size() + "]", depth + 1));
      space();
      char c = peek();
      at++;
      if (c == ']') {
        return Collections.unmodifiableList(items);
      }
      if (c != ',') {
        at--;
        throw error("must have ',' or ']' after an element");
      }
    }
  }

  private String string() {
    at++; // "
    StringBuilder out = null;
    int start = at;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '"') {
        String result = out == null ? text.substring(start, at) : out.append(text, start, at).toString();
        at++;
        return result;
      }
      if (c < 0x20) {
        throw error("must not hold the control character " + describe(c) + " unescaped in a string");
      }
      if (c == '\\') {
        if (out == null) {
          out = new StringBuilder();
        }
        out.append(text, start, at);
        at++;
        if (at >= text.length()) {
          break;
        }
        char e = text.charAt(at);
        switch (e) {
          case '"':
          case '\\':
          case '/':
            out.append(e);
            break;
          case 'b':
            out.append('\b');
            break;
          case 'f':
            out.append('\f');
            break;
          case 'n':
            out.append('\n');
            break;
          case 'r':
            out.append('\r');
            break;
          case 't':
            out.append('\t');
            break;
          case 'u':
            if (at + 4 >= text.length()) {
              throw error("has a short \\u escape");
            }
            int code = 0;
            for (int i = 1; i <= 4; i++) {
              int digit = Character.digit(text.charAt(at + i), 16);
              if (digit < 0) {
                throw error("has a bad \\u escape");
              }
              code = code * 16 + digit;
            }
            out.append((char) code);
            at += 4;
            break;
          default:
            throw error("has an unknown escape; use one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        }
        at++;
        start = at;
      } else {
        at++;
      }
    }
    throw error("has a string that is not closed");
  }

  private Object number() {
    int start = at;
    if (peek() == '-') {
      at++;
    }
    if (peek() == '0') {
      at++;
    } else if (digit()) {
      while (digit()) {
        at++;
      }
    } else {
      throw error("has a number without digits");
    }
    boolean integral = true;
    if (peek() == '.') {
      integral = false;
      at++;
      if (!digit()) {
        throw error("has a number without digits after '.'");
      }
      while (digit()) {
        at++;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      at++;
      if (peek() == '+' || peek() == '-') {
        at++;
      }
      if (!digit()) {
        throw error("has a number without exponent digits");
      }
      while (digit()) {
        at++;
      }
    }
    String literal = text.substring(start, at);
    if (integral && literal.length() < 19) {
      return Long.valueOf(Long.parseLong(literal));
    }
    if (integral) {
      try {
        return Long.valueOf(Long.parseLong(literal));
      } catch (NumberFormatException tooLarge) {
        return Double.valueOf(Double.parseDouble(literal));
      }
    }
    return Double.valueOf(Double.parseDouble(literal));
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw error("has an unexpected word; expected " + word);
    }
    at += word.length();
    return value;
  }

  private boolean digit() {
    char c = peek();
    return c >= '0' && c <= '9';
  }

  private char peek() {
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private void space() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      at++;
    }
  }

  private HookInputException error(String problem) {
    return new HookInputException("the hook input " + problem + " (at offset " + at + ")");
  }

  private static String describe(char c) {
    return c < 0x20 || c > 0x7e ? "U+" + hex4(c) : "'" + c + "'";
  }

  private static String hex4(int c) {
    String hex = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
    return "0000".substring(hex.length()) + hex;
  }

  // ---------------------------------------------------------------------------------------------- writing

  /** Appends {@code value} as compact JSON. */
  static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String) {
      quote(out, (String) value);
    } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
      out.append(value);
    } else if (value instanceof Double) {
      double d = (Double) value;
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        out.append("null");
      } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        out.append((long) d);
      } else {
        out.append(d);
      }
    } else if (value instanceof JsonObject) {
      writeObject(out, ((JsonObject) value).members());
    } else if (value instanceof Map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) value;
      writeObject(out, map);
    } else if (value instanceof List) {
      out.append('[');
      boolean first = true;
      for (Object item : (List<?>) value) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(out, item);
      }
      out.append(']');
    } else {
      quote(out, value.toString());
    }
  }

  private static void writeObject(StringBuilder out, Map<String, Object> members) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> member : members.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      quote(out, member.getKey());
      out.append(':');
      write(out, member.getValue());
    }
    out.append('}');
  }

  /** Appends {@code s} as a JSON string: quotes, backslashes and control characters escaped. */
  static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append("\\u").append(hex4(c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  /** {@code s} as a JSON string. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    quote(out, s);
    return out.toString();
  }
}
