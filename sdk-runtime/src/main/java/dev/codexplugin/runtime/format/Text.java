package dev.codexplugin.runtime.format;

import dev.codexplugin.runtime.SafeText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Strict UTF-8 decoding and quoting for messages. */
public final class Text {
  private Text() {}

  /** Whether {@code bytes} starts with the UTF-8 byte-order mark. */
  public static boolean hasBom(byte[] bytes) {
    return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF;
  }

  /** Decodes strict UTF-8, or empty when a byte sequence is malformed. */
  public static Optional<String> decodeUtf8(byte[] bytes) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * The value in double quotes, control characters, bidi overrides and newlines escaped ({@link SafeText}),
   * shortened past 80 characters.
   */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    int limit = Math.min(value.length(), 80);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> SafeText.appendEscaped(out, c);
      }
    }
    if (value.length() > limit) {
      out.append("...");
    }
    return out.append('"').toString();
  }

  /** Turns any text into kebab-case, for "rename it to ..." suggestions; may return "". */
  public static String kebab(String value) {
    StringBuilder out = new StringBuilder();
    boolean hyphen = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(value.charAt(i - 1))) {
        hyphen = true;
      }
      char lower = Character.toLowerCase(c);
      if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
        if (hyphen && out.length() > 0) {
          out.append('-');
        }
        out.append(lower);
        hyphen = false;
      } else {
        hyphen = true;
      }
    }
    return out.length() > 64 ? out.substring(0, 64).replaceAll("-+$", "") : out.toString();
  }
}
