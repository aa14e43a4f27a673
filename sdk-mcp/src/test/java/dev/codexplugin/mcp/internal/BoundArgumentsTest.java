package dev.codexplugin.mcp.internal;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.mcp.Types;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Binding of validated arguments into the Java types generated code names. */
class BoundArgumentsTest {
  enum Part { MAJOR, MINOR }

  record Release(String name, LocalDate date, Optional<String> notes) {}

  private final ObjectMapper mapper = Json.newMapper();

  /** Arguments of a closed schema that declares every name used below. */
  private BoundArguments arguments(String json) throws Exception {
    String schema = "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{"
        + "\"s\":{},\"i\":{},\"l\":{},\"d\":{},\"b\":{},\"c\":{},\"o\":{},\"oi\":{},\"ol\":{},\"od\":{},"
        + "\"money\":{},\"list\":{},\"map\":{},\"array\":{},\"part\":{},\"release\":{},\"releases\":{},"
        + "\"date\":{},\"duration\":{},\"instant\":{},\"offset\":{},\"numbers\":{}}}";
    ToolSchema compiled = ToolSchema.compile(ToolSchema.newRegistry(), mapper.readTree(schema));
    return new BoundArguments("t", (ObjectNode) mapper.readTree(json), compiled, mapper, null);
  }

  @Test
  void absentArgumentsTakeTheEmptyValueOfTheirType() throws Exception {
    BoundArguments args = arguments("{}");

    assertThat((Object) args.get("s", String.class)).isNull();
    assertThat((Object) args.get("i", int.class)).isEqualTo(0);
    assertThat((Object) args.get("l", long.class)).isEqualTo(0L);
    assertThat((Object) args.get("d", double.class)).isEqualTo(0d);
    assertThat((Object) args.get("b", boolean.class)).isEqualTo(false);
    assertThat((Object) args.get("c", char.class)).isEqualTo('\0');
    assertThat((Object) args.get("i", Integer.class)).isNull();
    assertThat((Object) args.get("o", Types.parameterized(Optional.class, String.class))).isEqualTo(Optional.empty());
    assertThat((Object) args.get("o", Optional.class)).isEqualTo(Optional.empty());
    assertThat((Object) args.get("oi", OptionalInt.class)).isEqualTo(OptionalInt.empty());
    assertThat((Object) args.get("ol", OptionalLong.class)).isEqualTo(OptionalLong.empty());
    assertThat((Object) args.get("od", OptionalDouble.class)).isEqualTo(OptionalDouble.empty());
  }

  @Test
  void nullIsTreatedAsAbsent() throws Exception {
    BoundArguments args = arguments("{\"s\":null,\"i\":null,\"o\":null}");

    assertThat((Object) args.get("s", String.class)).isNull();
    assertThat((Object) args.get("i", int.class)).isEqualTo(0);
    assertThat((Object) args.get("o", Types.parameterized(Optional.class, String.class))).isEqualTo(Optional.empty());
    assertThat((Object) args.get("s", String.class, "\"fallback\"")).isEqualTo("fallback");
  }

  @Test
  void defaultJsonAppliesOnlyWhenAbsentOrNull() throws Exception {
    BoundArguments args = arguments("{\"i\":7}");

    assertThat((Object) args.get("i", int.class, "3")).isEqualTo(7);
    assertThat((Object) args.get("l", long.class, "3")).isEqualTo(3L);
    assertThat((Object) args.get("list", Types.parameterized(List.class, String.class), "[\"a\",\"b\"]"))
        .isEqualTo(List.of("a", "b"));
    assertThat((Object) args.get("part", Part.class, "\"MINOR\"")).isEqualTo(Part.MINOR);
    assertThat((Object) args.get("oi", OptionalInt.class, "4")).isEqualTo(OptionalInt.of(4));
  }

  @Test
  void presentValuesBindIntoTheirTypes() throws Exception {
    BoundArguments args = arguments("{\"o\":\"x\",\"oi\":5,\"ol\":6,\"od\":1.5,\"part\":\"MAJOR\","
        + "\"list\":[{\"a\":1},{\"b\":2}],\"map\":{\"k\":[1,2]},\"array\":[\"p\",\"q\"],\"numbers\":[1,2.5],"
        + "\"release\":{\"name\":\"r\",\"date\":\"2026-03-01\",\"notes\":\"n\",\"extra\":true}}");

    assertThat((Object) args.get("o", Types.parameterized(Optional.class, String.class))).isEqualTo(Optional.of("x"));
    assertThat((Object) args.get("oi", OptionalInt.class)).isEqualTo(OptionalInt.of(5));
    assertThat((Object) args.get("ol", OptionalLong.class)).isEqualTo(OptionalLong.of(6));
    assertThat((Object) args.get("od", OptionalDouble.class)).isEqualTo(OptionalDouble.of(1.5));
    assertThat((Object) args.get("part", Part.class)).isEqualTo(Part.MAJOR);
    assertThat((Object) args.get("list",
        Types.parameterized(List.class, Types.parameterized(Map.class, String.class, Integer.class))))
        .isEqualTo(List.of(Map.of("a", 1), Map.of("b", 2)));
    assertThat((Object) args.get("map",
        Types.parameterized(Map.class, String.class, Types.parameterized(List.class, Long.class))))
        .isEqualTo(Map.of("k", List.of(1L, 2L)));
    String[] array = args.get("array", Types.arrayOf(String.class));
    assertThat(array).asList().containsExactly("p", "q").inOrder();
    List<? extends Number> numbers = args.get("numbers", Types.parameterized(List.class, Types.subtypeOf(Number.class)));
    assertThat(numbers).hasSize(2);
    assertThat((Object) args.get("release", Release.class))
        .isEqualTo(new Release("r", LocalDate.of(2026, 3, 1), Optional.of("n")));
  }

  @Test
  void bigDecimalKeepsItsScaleAndDigits() throws Exception {
    BoundArguments args = arguments("{\"money\":12345678901234567890.10}");

    BigDecimal money = args.get("money", BigDecimal.class);

    assertThat(money.toPlainString()).isEqualTo("12345678901234567890.10");
  }

  @Test
  void javaTimeBindsFromIsoStringsWithoutMovingTheOffset() throws Exception {
    BoundArguments args = arguments("{\"date\":\"2026-01-31\",\"duration\":\"PT1H30M\","
        + "\"instant\":\"2026-01-31T10:00:00Z\",\"offset\":\"2026-01-31T10:00:00+05:30\"}");

    assertThat((Object) args.get("date", LocalDate.class)).isEqualTo(LocalDate.of(2026, 1, 31));
    assertThat((Object) args.get("duration", Duration.class)).isEqualTo(Duration.ofMinutes(90));
    assertThat((Object) args.get("instant", Instant.class)).isEqualTo(Instant.parse("2026-01-31T10:00:00Z"));
    OffsetDateTime offset = args.get("offset", OffsetDateTime.class);
    assertThat(offset.getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
  }

  @Test
  void valueThatCannotBeBoundIsAnInvalidValueNamingItsPath() throws Exception {
    BoundArguments args = arguments("{\"i\":99999999999,\"releases\":[{\"name\":\"a\",\"date\":\"2026-01-01\"},"
        + "{\"name\":\"b\",\"date\":\"soon\"}],\"part\":\"HUGE\"}");

    ArgumentException overflow = assertThrows(ArgumentException.class, () -> args.get("i", int.class));
    ArgumentException nested = assertThrows(ArgumentException.class,
        () -> args.get("releases", Types.parameterized(List.class, Release.class)));
    ArgumentException enumValue = assertThrows(ArgumentException.class, () -> args.get("part", Part.class));

    assertThat(overflow.kind()).isEqualTo(ArgumentException.Kind.INVALID_VALUE);
    assertThat(overflow.source()).isSameInstanceAs(args);
    assertThat(overflow).hasMessageThat().startsWith("/i: ");
    assertThat(overflow).hasMessageThat().contains("out of range of int");
    assertThat(nested).hasMessageThat().startsWith("/releases/1/date: ");
    assertThat(enumValue).hasMessageThat().startsWith("/part: ");
    assertThat(enumValue).hasMessageThat().contains("HUGE");
  }

  @Test
  void undeclaredArgumentOfAClosedSchemaIsAContractError() throws Exception {
    BoundArguments args = arguments("{}");

    ArgumentException e = assertThrows(ArgumentException.class, () -> args.get("nope", String.class));

    assertThat(e.kind()).isEqualTo(ArgumentException.Kind.CONTRACT);
    assertThat(e).hasMessageThat().isEqualTo("tool 't' reads argument 'nope', which its input schema does not declare");
  }

  @Test
  void anyArgumentOfAnOpenSchemaCanBeRead() throws Exception {
    ToolSchema open = ToolSchema.compile(ToolSchema.newRegistry(), mapper.readTree("{\"type\":\"object\"}"));
    BoundArguments args = new BoundArguments("t", (ObjectNode) mapper.readTree("{\"x\":1}"), open, mapper, null);

    assertThat((Object) args.get("x", int.class)).isEqualTo(1);
    assertThat((Object) args.get("y", String.class)).isNull();
  }

  @Test
  void defaultThatIsNotJsonOrDoesNotBindIsAContractError() throws Exception {
    BoundArguments args = arguments("{}");

    ArgumentException notJson = assertThrows(ArgumentException.class, () -> args.get("s", String.class, "plain"));
    ArgumentException wrongType = assertThrows(ArgumentException.class, () -> args.get("i", int.class, "\"x\""));

    assertThat(notJson.kind()).isEqualTo(ArgumentException.Kind.CONTRACT);
    assertThat(notJson).hasMessageThat().contains("default for argument 's' that is not JSON: plain");
    assertThat(wrongType.kind()).isEqualTo(ArgumentException.Kind.CONTRACT);
    assertThat(wrongType).hasMessageThat().contains("default for argument 'i' that does not bind to int");
  }
}
