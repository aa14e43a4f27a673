package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;

import com.palantir.javapoet.CodeBlock;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pieces of generated code that do not need a compilation. */
class ToolCodeTest {
  @Test
  void aStringLiteralIsWhatJavaPoetWrites() {
    String alphabet = "aZ09 {}[]:,\"'\\\b\t\n\f\r\u0000\u0001\u001f\u007f\u0080\u009f\u00a0é€\ud83d\ude00\ud800";
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(16); n > 0; n--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = text.toString();
      assertThat(ToolCode.stringLiteral(s).toString()).isEqualTo(CodeBlock.of("$S", s).toString());
    }
  }

  @Test
  void aLongLiteralIsJoinedFromPiecesThatFitAClassFile() {
    String text = "\"x\"".repeat(ToolCode.CHUNK);
    String code = ToolCode.literal(text).toString();
    assertThat(code).startsWith("java.lang.String.join(\"\",\n");
    assertThat(code.lines().count()).isEqualTo(4);
  }
}
