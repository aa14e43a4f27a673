package dev.codexplugin.cli;

import dev.codexplugin.runtime.SafeText;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * The one gate of everything the CLI prints: every character a terminal would act on ({@link SafeText#unsafe})
 * is written as its escape, e.g. ESC as backslash-u001B and U+202E as backslash-u202E, except the line ends the
 * CLI writes itself ({@code \n}, and {@code \r\n} on Windows). A newline inside a name or value is escaped where
 * the value is put into a line ({@link #text(Object)}), since only there can it be told from a line end.
 *
 * <p>JSON output goes through the same gate and stays exact JSON with the same values: Jackson escapes the C0
 * controls itself, and an escaped U+202E, DEL or C1 control is the JSON escape of the same character.
 */
final class SafeWriter extends FilterWriter {
  /** A carriage return waiting to see whether a line feed follows (a line end) or not (escaped). */
  private boolean pendingReturn;

  SafeWriter(Writer out) {
    super(out);
  }

  /** A value for a line of human output: {@link SafeText#escape}, a newline inside it included. */
  static String text(Object value) {
    return SafeText.escape(String.valueOf(value));
  }

  @Override
  public void write(int c) throws IOException {
    synchronized (lock) {
      if (pendingReturn) {
        pendingReturn = false;
        if (c == '\n') {
          out.write("\r\n");
          return;
        }
        out.write("\\r");
      }
      if (c == '\r') {
        pendingReturn = true;
      } else if (c == '\n' || !SafeText.unsafe(c)) {
        out.write(c);
      } else {
        out.write(SafeText.escape((char) c));
      }
    }
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    synchronized (lock) {
      int end = offset + length;
      int start = offset;
      for (int i = offset; i < end; i++) {
        char c = buffer[i];
        if (!pendingReturn && (c == '\n' || !SafeText.unsafe(c))) {
          continue;
        }
        out.write(buffer, start, i - start);
        write(c);
        start = i + 1;
      }
      out.write(buffer, start, end - start);
    }
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    write(text.toCharArray(), offset, length);
  }

  @Override
  public void flush() throws IOException {
    synchronized (lock) {
      if (pendingReturn) {
        pendingReturn = false;
        out.write("\\r");
      }
      out.flush();
    }
  }

  @Override
  public void close() throws IOException {
    flush();
    out.close();
  }
}
