package com.acme.release;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codexplugin.mcp.McpToolHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tools through the same JSON path Codex uses (initialize, tools/list, tools/call), in-process: schema
 * validation, argument binding and result writing included.
 */
class VersionToolsTest {
  private static McpToolHarness tools;

  @BeforeAll
  static void open() {
    tools = McpToolHarness.open(new ReleaseToolsMcpServer());
  }

  @AfterAll
  static void close() {
    tools.close();
  }

  @Test
  void oneLineCall() {
    McpToolHarness.Result result =
        McpToolHarness.call(new ReleaseToolsMcpServer(), "bump", "{\"version\":\"1.4.2\",\"level\":\"MINOR\"}");
    assertThat(result.isError()).isFalse();
    assertThat(result.text()).isEqualTo("1.5.0");
  }

  @Test
  void listsEveryTool() {
    assertThat(tools.listTools()).hasSize(5);
    assertThat(String.join("\n", tools.listTools())).contains("\"name\":\"compare\"");
  }

  @Test
  void comparesByPrecedence() {
    McpToolHarness.Result result = tools.call("compare", "{\"a\":\"1.10.0\",\"b\":\"1.9.0\"}");
    assertThat(result.structuredContent()).isEqualTo("{\"order\":1,\"newer\":\"1.10.0\",\"equal\":false}");
    McpToolHarness.Result pre = tools.call("compare", "{\"a\":\"2.0.0-rc.1\",\"b\":\"2.0.0\"}");
    assertThat(pre.structuredContent()).isEqualTo("{\"order\":-1,\"newer\":\"2.0.0\",\"equal\":false}");
  }

  @Test
  void checksRanges() {
    assertThat(tools.call("satisfies", "{\"version\":\"1.5.0\",\"range\":\"^1.2\"}").structuredContent())
        .contains("\"satisfies\":true");
    assertThat(tools.call("satisfies", "{\"version\":\"2.0.0-rc.1\",\"range\":\">=1.0.0\"}").structuredContent())
        .contains("\"satisfies\":false");
    assertThat(tools.call("satisfies",
        "{\"version\":\"2.0.0-rc.1\",\"range\":\">=1.0.0\",\"includePreRelease\":true}").structuredContent())
        .contains("\"satisfies\":true");
  }

  @Test
  void bumpsWithAPreReleaseLabel() {
    assertThat(tools.call("bump", "{\"version\":\"1.4.2\",\"level\":\"MAJOR\",\"preRelease\":\"rc.1\"}").text())
        .isEqualTo("2.0.0-rc.1");
    assertThat(tools.call("bump", "{\"version\":\"2.0.0-rc.1\",\"level\":\"PATCH\"}").text()).isEqualTo("2.0.0");
  }

  @Test
  void sortsAndPicksTheHighestSatisfying() {
    assertThat(tools.call("sort", "{\"versions\":[\"1.10.0\",\"1.2.0\",\"1.2.0-rc.1\"],\"descending\":true}").text())
        .isEqualTo("[\"1.10.0\",\"1.2.0\",\"1.2.0-rc.1\"]");
    assertThat(tools.call("maxSatisfying", "{\"versions\":[\"1.2.0\",\"1.9.3\",\"2.0.0\"],\"range\":\"~1.9\"}")
        .structuredContent()).isEqualTo("{\"result\":\"1.9.3\"}");
  }

  @Test
  void aBadVersionIsAToolErrorThatSaysHowToFixIt() {
    McpToolHarness.Result result = tools.call("compare", "{\"a\":\"1.x\",\"b\":\"1.0.0\"}");
    assertThat(result.isError()).isTrue();
    assertThat(result.text()).contains("\"1.x\" is not a semantic version");
    assertThat(tools.call("satisfies", "{\"version\":\"1.0.0\",\"range\":\"banana\"}").text())
        .contains("is not a version range");
  }

  @Test
  void invalidArgumentsAreAToolErrorTheModelCanRead() {
    // MCP 2025-11-25 (SEP-1303): a tool result with isError, so that the model can correct its call.
    McpToolHarness.Result result = tools.call("bump", "{\"version\":\"1.0.0\",\"level\":\"HUGE\"}");
    assertThat(result.isError()).isTrue();
    assertThat(result.text()).contains("level");
  }

  @Test
  void invalidArgumentsAreAProtocolErrorForOlderClients() {
    try (McpToolHarness older = McpToolHarness.open(new ReleaseToolsMcpServer(), "2025-06-18")) {
      McpToolHarness.ProtocolException e = assertThrows(McpToolHarness.ProtocolException.class,
          () -> older.call("bump", "{\"version\":\"1.0.0\",\"level\":\"HUGE\"}"));
      assertThat(e.code()).isEqualTo(-32602);
      assertThat(e.errorMessage()).contains("level");
    }
  }
}
