package dev.codexplugin.packages;

import static com.google.common.truth.Truth.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Issue 15 item 3: a name in the package manager's output is one line, escaped, whatever it holds. */
class SafeLinesTest {
  @Test
  void everyPrintedLineStaysOneLineWithoutRawControls() {
    StringWriter sink = new StringWriter();
    PrintWriter out = new SafeLines(new PrintWriter(sink));
    out.println("installed team\u202E\nMISSING  fake 1.0.0");
    out.println((Object) "title \u001B]0;x\u0007");
    out.printf("%-6s %s%n", "a\u2066", "b\rc");
    out.print("two\nlines\u0085\n");
    out.flush();
    assertThat(sink.toString()).isEqualTo("installed team\\u202E\\nMISSING  fake 1.0.0" + System.lineSeparator()
        + "title \\u001B]0;x\\u0007" + System.lineSeparator()
        + "a\\u2066     b\\rc" + System.lineSeparator()
        + "two\nlines\\u0085\n");
  }
}
