package dev.codexplugin.mcp;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexplugin.mcp.McpToolHarness.ProtocolException;
import dev.codexplugin.mcp.McpToolHarness.Result;
import dev.codexplugin.mcp.fixtures.LedgerToolsMcpServer;
import dev.codexplugin.mcp.fixtures.ReleaseTools;
import dev.codexplugin.mcp.fixtures.ReleaseToolsMcpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tools of hand-written definitions, called through the harness: the JSON path a client uses. */
class McpToolHarnessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static McpToolHarness release;
  private static McpToolHarness ledger;
  /** A client of protocol 2025-06-18, before SEP-1303: invalid arguments are a -32602 error. */
  private static McpToolHarness older;

  @BeforeAll
  static void open() {
    release = McpToolHarness.open(new ReleaseToolsMcpServer());
    older = McpToolHarness.open(new ReleaseToolsMcpServer(), "2025-06-18");
    ledger = McpToolHarness.open(new LedgerToolsMcpServer());
  }

  @AfterAll
  static void close() {
    release.close();
    older.close();
    ledger.close();
  }

  @Test
  void listToolsReturnsExactlyTheDescriptorsInOrder() {
    List<String> descriptors = new ArrayList<>();
    new ReleaseToolsMcpServer().tools().forEach(tool -> descriptors.add(tool.descriptor()));

    // compact descriptors with the fields in MCP's order are served byte for byte, key order included
    assertThat(release.listTools()).containsExactlyElementsIn(descriptors).inOrder();
  }

  @Test
  void listToolsOfTextBlockDescriptorsIsTheSameJson() throws Exception {
    List<ToolMethod> methods = new LedgerToolsMcpServer().tools();
    List<String> listed = ledger.listTools();

    assertThat(listed).hasSize(methods.size());
    for (int i = 0; i < methods.size(); i++) {
      assertThat(JSON.readTree(listed.get(i))).isEqualTo(JSON.readTree(methods.get(i).descriptor()));
    }
  }

  @Test
  void unstructuredResultIsCompactJsonText() {
    Result result = release.call("compare", "{\"a\":\"1.0.0\",\"b\":\"2.0.0\"}");

    assertThat(result).isEqualTo(new Result(false, "-1", null));
  }

  @Test
  void oneLineCallOpensCallsAndCloses() {
    Result result = McpToolHarness.call(new ReleaseToolsMcpServer(), "compare", "{\"a\":\"2.0.0\",\"b\":\"2.0.0\"}");

    assertThat(result.text()).isEqualTo("0");
  }

  @Test
  void structuredRecordIsStructuredContentAndTheSameJsonAsText() throws Exception {
    Result result = release.call("bump", "{\"version\":{\"major\":1,\"minor\":2,\"patch\":3},\"part\":\"MINOR\"}");

    assertThat(result.isError()).isFalse();
    assertThat(result.structuredContent()).isEqualTo("{\"major\":1,\"minor\":3,\"patch\":0}");
    assertThat(result.text()).isEqualTo(result.structuredContent());
  }

  @Test
  void absentOptionalIsAnAbsentPropertyAndPresentOneIsItsValue() {
    String version = "\"version\":{\"major\":1,\"minor\":0,\"patch\":0}";

    Result without = release.call("plan", "{" + version + ",\"date\":\"2026-01-31\"}");
    Result with = release.call("plan", "{" + version + ",\"date\":\"2026-01-31\",\"notes\":\"first\"}");

    assertThat(without.structuredContent())
        .isEqualTo("{\"version\":{\"major\":1,\"minor\":0,\"patch\":0},\"date\":\"2026-01-31\"}");
    assertThat(with.structuredContent()).isEqualTo(
        "{\"version\":{\"major\":1,\"minor\":0,\"patch\":0},\"date\":\"2026-01-31\",\"notes\":\"first\"}");
  }

  @Test
  void valueThatIsNoJsonObjectIsWrappedAsResult() {
    Result result = release.call("tags", "{\"names\":[\"a\",\"b\"],\"limit\":5,\"prefix\":\"r\"}");

    assertThat(result.structuredContent()).isEqualTo("{\"result\":[\"ra\",\"rb\"]}");
    assertThat(result.text()).isEqualTo("{\"result\":[\"ra\",\"rb\"]}");
  }

  @Test
  void defaultsApplyWhenAbsentAndWhenNullWhereTheSchemaAllowsNull() {
    Result absent = release.call("tags", "{\"names\":[\"a\",\"b\",\"c\",\"d\"]}");
    Result nullPrefix = release.call("tags", "{\"names\":[\"a\",\"b\"],\"prefix\":null}");

    assertThat(absent.structuredContent()).isEqualTo("{\"result\":[\"va\",\"vb\",\"vc\"]}");
    assertThat(nullPrefix.structuredContent()).isEqualTo("{\"result\":[\"va\",\"vb\"]}");
  }

  @Test
  void nullForAnOptionalArgumentMeansLeftOutButNullForARequiredOneIsInvalid() {
    Result leftOut = release.call("tags", "{\"names\":[\"a\"]}");
    Result givenNull = release.call("tags", "{\"names\":[\"a\"],\"limit\":null}");
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> older.call("tags", "{\"names\":null,\"limit\":1}"));

    assertThat(givenNull).isEqualTo(leftOut);
    assertThat(e.code()).isEqualTo(-32602);
    assertThat(e.errorMessage()).contains("/names: null found, array expected");
  }

  @Test
  void javaTimeBindsFromIsoStringsAndKeepsTheOffset() {
    Result result = release.call("schedule",
        "{\"start\":\"2026-01-01\",\"every\":\"P7D\",\"times\":3,\"notBefore\":\"2026-01-01T10:00:00+02:00\"}");
    Result noOffset = release.call("schedule", "{\"start\":\"2026-01-01\",\"every\":\"P1D\",\"times\":2}");

    assertThat(result.text()).isEqualTo("2026-01-01,2026-01-08,2026-01-15 not before 2026-01-01T10:00+02:00");
    assertThat(noOffset.text()).isEqualTo("2026-01-01,2026-01-02");
  }

  @Test
  void voidToolAnswersWithNoContent() {
    int before = ReleaseTools.RESETS.get();

    Result result = release.call("reset", "{}");

    assertThat(result).isEqualTo(new Result(false, "", null));
    assertThat(ReleaseTools.RESETS.get()).isEqualTo(before + 1);
  }

  @Test
  void throwingToolIsAnErrorResultWithItsMessageAndTheServerGoesOn() {
    Result failed = release.call("fail", "{\"message\":\"boom\"}");
    Result next = release.call("compare", "{\"a\":\"1.0.0\",\"b\":\"0.9.0\"}");

    assertThat(failed).isEqualTo(new Result(true, "boom", null));
    assertThat(next).isEqualTo(new Result(false, "1", null));
  }

  @Test
  void exceptionWithoutMessageIsNamedBySimpleClassName() {
    assertThat(release.call("fail", "{}")).isEqualTo(new Result(true, "IllegalStateException", null));
  }

  @Test
  void illegalArgumentExceptionOfTheToolIsAToolErrorNotInvalidParams() {
    Result result = release.call("compare", "{\"a\":\"one\",\"b\":\"1.0.0\"}");

    assertThat(result).isEqualTo(new Result(true, "not a semantic version: one", null));
  }

  @Test
  void invalidArgumentsAreInvalidParamsNamingEveryProblem() {
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> older.call("compare", "{\"a\":1,\"c\":true}"));

    assertThat(e.code()).isEqualTo(-32602);
    assertThat(e.errorMessage()).startsWith("Invalid arguments for tool 'compare': ");
    assertThat(e.errorMessage()).contains("/a: integer found, string expected");
    assertThat(e.errorMessage()).contains("required property 'b' not found");
    assertThat(e.errorMessage()).contains("property 'c' is not defined in the schema");
  }

  @Test
  void from20251125InvalidArgumentsAreAToolResultTheModelCanRead() {
    Result result = release.call("compare", "{\"a\":1,\"c\":true}");
    Result unbound = release.call("plan",
        "{\"version\":{\"major\":1,\"minor\":0,\"patch\":0},\"date\":\"2026-02-30\"}");

    assertThat(result.isError()).isTrue();
    assertThat(result.text()).startsWith("Invalid arguments for tool 'compare': ");
    assertThat(result.text()).contains("/a: integer found, string expected");
    assertThat(result.text()).contains("required property 'b' not found");
    assertThat(unbound.isError()).isTrue();
    assertThat(unbound.text()).startsWith("Invalid arguments for tool 'plan': /date: ");
  }

  @Test
  void nestedInvalidArgumentsNameTheirPath() {
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> older.call("bump", "{\"version\":{\"major\":1,\"minor\":\"2\",\"patch\":3},\"part\":\"major\"}"));

    assertThat(e.code()).isEqualTo(-32602);
    assertThat(e.errorMessage()).contains("/version/minor: string found, integer expected");
    assertThat(e.errorMessage()).contains("/part: does not have a value in the enumeration");
  }

  @Test
  void missingArgumentsAreValidatedAsAnEmptyObject() {
    ProtocolException e = assertThrows(ProtocolException.class, () -> older.call("compare", null));

    assertThat(e.code()).isEqualTo(-32602);
    assertThat(e.errorMessage()).contains("required property 'a' not found");
  }

  @Test
  void valueThatValidatesButDoesNotBindIsInvalidParams() {
    ProtocolException date = assertThrows(ProtocolException.class, () -> older.call("plan",
        "{\"version\":{\"major\":1,\"minor\":0,\"patch\":0},\"date\":\"2026-02-30\"}"));
    ProtocolException overflow = assertThrows(ProtocolException.class, () -> older.call("bump",
        "{\"version\":{\"major\":99999999999,\"minor\":0,\"patch\":0},\"part\":\"MAJOR\"}"));

    assertThat(date.code()).isEqualTo(-32602);
    assertThat(date.errorMessage()).startsWith("Invalid arguments for tool 'plan': /date: ");
    assertThat(date.errorMessage()).contains("2026-02-30");
    assertThat(overflow.code()).isEqualTo(-32602);
    assertThat(overflow.errorMessage()).contains("/version/major: ");
    assertThat(overflow.errorMessage()).contains("out of range of int");
  }

  @Test
  void mcpErrorOfTheToolPassesThroughAsProtocolError() {
    ProtocolException e = assertThrows(ProtocolException.class, () -> release.call("reject", "{}"));

    assertThat(e.code()).isEqualTo(-32001);
    assertThat(e.errorMessage()).isEqualTo("custom rejection");
    assertThat(e.data()).isEqualTo("{\"k\":\"v\"}");
  }

  @Test
  void unknownToolIsInvalidParams() {
    ProtocolException e = assertThrows(ProtocolException.class, () -> release.call("nope", "{}"));

    assertThat(e.code()).isEqualTo(-32602);
    assertThat(e.data()).contains("nope");
  }

  @Test
  void printingToSystemOutDoesNotTouchTheProtocol() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    Result result;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      result = release.call("announce", "{\"text\":\"hello\"}");
    } finally {
      System.setOut(original);
    }

    assertThat(result).isEqualTo(new Result(false, "announced hello", null));
    assertThat(captured.toString(StandardCharsets.UTF_8)).contains("ANNOUNCE hello");
  }

  @Test
  void bigDecimalArgumentsArriveExactlyWithTheirScale() {
    Result result = ledger.call("total", "{\"amounts\":[0.10,0.20,12345678901234567890.123456789]}");

    assertThat(result.text()).isEqualTo("12345678901234567890.423456789");
  }

  @Test
  void optionalIntAbsentAndPresentAndInstantAsIsoString() {
    Result plain = ledger.call("summarize", "{\"amounts\":[1.005,2]}");
    Result scaled = ledger.call("summarize", "{\"amounts\":[1.005,2],\"scale\":2,\"asOf\":\"2026-01-01T10:00:00Z\"}");

    assertThat(plain.structuredContent()).isEqualTo("{\"currency\":\"EUR\",\"total\":3.005,\"count\":2}");
    assertThat(scaled.structuredContent())
        .isEqualTo("{\"currency\":\"EUR\",\"total\":3.00,\"count\":2,\"asOf\":\"2026-01-01T10:00:00Z\"}");
  }

  @Test
  void genericMapsArraysAndAbsentPrimitiveBoolean() {
    Result result = ledger.call("counts", "{\"groups\":{\"x\":[1,2],\"y\":[]},\"weights\":[3,4,5]}");

    assertThat(result.structuredContent()).isEqualTo("{\"weights\":3,\"x\":2,\"y\":0}");
  }

  @Test
  void primitiveDefaultAndWrappedNumber() {
    assertThat(ledger.call("ratio", "{\"a\":3}").structuredContent()).isEqualTo("{\"result\":3.0}");
    assertThat(ledger.call("ratio", "{\"a\":3,\"b\":2}").structuredContent()).isEqualTo("{\"result\":1.5}");
  }

  @Test
  void generatedCodeReadingAnUndeclaredArgumentIsAnInternalError() {
    ProtocolException e = assertThrows(ProtocolException.class, () -> ledger.call("ghost", "{\"a\":1}"));

    assertThat(e.code()).isEqualTo(-32603);
    assertThat(e.errorMessage()).contains("tool 'ghost' reads argument 'divisor'");
  }

  @Test
  void defaultThatIsNotJsonIsAnInternalError() {
    ProtocolException e = assertThrows(ProtocolException.class, () -> ledger.call("badDefault", "{\"a\":1}"));

    assertThat(e.code()).isEqualTo(-32603);
    assertThat(e.errorMessage()).contains("default for argument 'b' that is not JSON: one");
  }

  @Test
  void argumentsMustBeAJsonObject() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> release.call("compare", "[1]"));

    assertThat(e).hasMessageThat().contains("must be a JSON object");
  }

  @Test
  void closedHarnessRefusesCalls() {
    McpToolHarness harness = McpToolHarness.open(new ReleaseToolsMcpServer());
    harness.close();
    harness.close();

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> harness.call("compare", "{\"a\":\"1.0.0\",\"b\":\"1.0.0\"}"));
    assertThat(e).hasMessageThat().contains("closed");
  }

  @Test
  void concurrentCallersAreServedInTurn() throws Exception {
    List<Thread> threads = new ArrayList<>();
    List<Result> results = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 8; i++) {
      Thread t = new Thread(() -> results.add(release.call("sleep", "{\"millis\":20}")));
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }

    assertThat(results).hasSize(8);
    for (Result r : results) {
      assertThat(r.text()).isEqualTo("slept 20");
    }
  }
}
