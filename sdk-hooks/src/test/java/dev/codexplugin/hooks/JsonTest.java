package dev.codexplugin.hooks;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written JSON reader and writer against the grammar, and against Jackson on the same text. */
class JsonTest {
  @Test
  void readsEveryKindOfValueAndWritesItBackCompactInOrder() throws Exception {
    String text = " {\"s\":\"a\\\"b\\\\c\\n\\u00e9\\u2028/\\/\",\"t\":true,\"f\":false,\"n\":null,\"i\":-12,"
        + "\"big\":12345678901234567890,\"d\":1.5e3,\"z\":0,\"a\":[1,[],{}],\"o\":{\"k\":\"v\"}} \n";
    JsonObject json = JsonObject.parse(text);

    assertThat(json.names()).containsExactly("s", "t", "f", "n", "i", "big", "d", "z", "a", "o").inOrder();
    assertThat(json.string("s")).isEqualTo("a\"b\\c\né\u2028//");
    assertThat(json.bool("t")).isTrue();
    assertThat(json.has("n")).isTrue();
    assertThat(json.isPresent("n")).isFalse();
    assertThat(json.longValue("i")).isEqualTo(-12);
    assertThat(json.get("big")).isEqualTo(1.2345678901234567e19);
    assertThat(json.doubleValue("d")).isEqualTo(1500.0);
    assertThat(json.array("a")).hasSize(3);
    assertThat(json.object("o").string("k")).isEqualTo("v");
    assertThat(json.object("o").path()).isEqualTo("o");
    // Jackson reads what we write as the same tree
    ObjectMapper jackson = new ObjectMapper();
    assertThat(jackson.readTree(json.toString())).isEqualTo(jackson.readTree(
        "{\"s\":\"a\\\"b\\\\c\\né\\u2028//\",\"t\":true,\"f\":false,\"n\":null,\"i\":-12,"
            + "\"big\":1.2345678901234567E19,\"d\":1500,\"z\":0,\"a\":[1,[],{}],\"o\":{\"k\":\"v\"}}"));
    assertThat(json.toString()).startsWith("{\"s\":\"a\\\"b\\\\c\\né\\u2028//\",\"t\":true");
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', value = {
      "''                       | must be a JSON object (at offset 0)",
      "[1]                      | must be a JSON object (at offset 0)",
      "{\"a\":1}x               | must end after the object (at offset 7)",
      "{\"a\":1,\"a\":2}        | must not repeat member \"a\"",
      "{\"a\":01}               | must have ',' or '}' after a member",
      "{\"a\":tru}              | has an unexpected word; expected true",
      "{\"a\":\"x\\q\"}         | has an unknown escape; use one of",
      "{\"a\":\"x\\u12\"}       | has a bad \\u escape",
      "{\"a\":\"tab\there\"}    | must not hold the control character U+0009 unescaped in a string",
      "{\"a\":\"open}           | has a string that is not closed",
      "{a:1}                    | must have a quoted member name",
      "{\"a\" 1}                | must have ':' after member name \"a\"",
      "{\"a\":[1 2]}            | must have ',' or ']' after an element",
      "{\"a\":-}                | has a number without digits",
      "{\"a\":1.}               | has a number without digits after '.'",
      "{\"a\":1e}               | has a number without exponent digits",
      "{\"a\":}                 | has an unexpected character where a value should be (at offset 5)"})
  void refusesWhatRfc8259Refuses(String text, String problem) {
    String input = text.replace("\\t", "\t");
    HookInputException e = assertThrows(HookInputException.class, () -> JsonObject.parse(input));
    assertThat(e).hasMessageThat().startsWith("the hook input ");
    assertThat(e).hasMessageThat().contains(problem);
  }

  /** Issue 15 item 4: a parse error says where and what was expected, never the text it found. */
  @ParameterizedTest
  @ValueSource(strings = {"{\"a\": SECRET-CANARY-42}", "{\"a\": \"x\\SECRET-CANARY-42\"}", "SECRET-CANARY-42",
      "{SECRET-CANARY-42: 1}", "{\"a\": 1 SECRET-CANARY-42}", "{\"a\": \"SECRET-CANARY-42", "{\"a\": tSECRET-CANARY-42}",
      "{\"a\": -SECRET-CANARY-42}", "{\"a\": \"\\uSECR\"}"})
  void aParseErrorNeverEchoesTheInput(String input) {
    HookInputException e = assertThrows(HookInputException.class, () -> JsonObject.parse(input));
    assertThat(e).hasMessageThat().doesNotContain("SECR");
    assertThat(e).hasMessageThat().containsMatch("\\(at offset \\d+\\)");
  }

  @Test
  void refusesDeepNestingWithoutOverflowingTheStack() {
    String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    HookInputException e = assertThrows(HookInputException.class, () -> JsonObject.parse(deep));
    assertThat(e).hasMessageThat().contains("must not nest deeper than 256 levels");
  }

  @Test
  void typedGettersNameThePathAndWhatWasFound() {
    JsonObject input = JsonObject.parse("{\"tool_input\":{\"level\":\"HUGE\",\"n\":3.5,\"list\":[\"a\",2],"
        + "\"nothing\":null,\"big\":4294967296}}").object("tool_input");

    assertThat(assertThrows(HookInputException.class, () -> input.string("version")))
        .hasMessageThat().isEqualTo("tool_input.version is missing");
    assertThat(assertThrows(HookInputException.class, () -> input.string("nothing")))
        .hasMessageThat().isEqualTo("tool_input.nothing must not be null");
    assertThat(assertThrows(HookInputException.class, () -> input.bool("level")))
        .hasMessageThat().isEqualTo("tool_input.level must be true or false; found \"HUGE\"");
    assertThat(assertThrows(HookInputException.class, () -> input.longValue("n")))
        .hasMessageThat().isEqualTo("tool_input.n must be an integer; found 3.5");
    assertThat(assertThrows(HookInputException.class, () -> input.intValue("big")))
        .hasMessageThat().isEqualTo("tool_input.big must be an integer from -2147483648 to 2147483647; found"
            + " 4294967296");
    assertThat(assertThrows(HookInputException.class, () -> input.strings("list")))
        .hasMessageThat().isEqualTo("tool_input.list[1] must be a string; found 2");
    assertThat(assertThrows(HookInputException.class, () -> input.object("level")))
        .hasMessageThat().isEqualTo("tool_input.level must be a JSON object; found \"HUGE\"");
    assertThat(assertThrows(HookInputException.class, () -> input.enumValue("level", Thread.State.class)))
        .hasMessageThat().isEqualTo("tool_input.level must be one of NEW, RUNNABLE, BLOCKED, WAITING,"
            + " TIMED_WAITING, TERMINATED; found \"HUGE\"");
    assertThat(input.optionalString("nothing")).isEmpty();
    assertThat(input.optionalString("absent")).isEmpty();
    assertThat(input.doubleValue("n")).isEqualTo(3.5);
    assertThat(input.array("list")).isEqualTo(List.of("a", 2L));
  }

  @Test
  void writesControlCharactersAndLineSeparatorsEscaped() {
    assertThat(Json.quote("a\u0001b\u2029\r\t")).isEqualTo("\"a\\u0001b\\u2029\\r\\t\"");
  }
}
