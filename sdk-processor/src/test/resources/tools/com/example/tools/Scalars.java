package com.example.tools;

import dev.codexplugin.api.McpTool;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Primitives, boxes, text and big numbers. */
public class Scalars {
  @McpTool(description = "primitives")
  public void primitives(boolean flag, byte tiny, short small, int count, long big, float ratio, double value,
      char letter) {}

  @McpTool(description = "boxes")
  public void boxes(Boolean flag, Byte tiny, Short small, Integer count, Long big, Float ratio, Double value,
      Character letter) {}

  @McpTool(description = "text and big numbers")
  public void text(String text, char[] chars, byte[] bytes, Byte[] boxedBytes, BigDecimal amount,
      BigInteger huge) {}

  @McpTool(description = "no parameters")
  public void ping() {}

  /**
   * Counts.
   *
   * @return how many there are
   */
  @McpTool(description = "an int result is wrapped", structuredOutput = true)
  public int count() {
    return 0;
  }

  @McpTool(description = "a String result is wrapped", structuredOutput = true)
  public String greet(String name) {
    return "";
  }

  @McpTool(description = "void has no output schema", structuredOutput = true)
  public void nothing() {}

  @McpTool(description = "byte[] and char results", structuredOutput = true)
  public byte[] bytes(char letter) {
    return new byte[0];
  }
}
