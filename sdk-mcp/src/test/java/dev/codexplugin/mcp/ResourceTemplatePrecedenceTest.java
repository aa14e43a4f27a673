package dev.codexplugin.mcp;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which resource reads a URI that several match, on the real server ({@link McpToolHarness}), for hand-written
 * definitions: the fixed resource of the URI first, then the template with the most literal characters, then,
 * among as many, the one listed first; in every order the definition lists them (the MCP SDK alone tries its
 * templates in the order of a hash map).
 */
class ResourceTemplatePrecedenceTest {
  private static ResourceMethod resource(String uri, String answer) {
    boolean template = uri.contains("{");
    return new ResourceMethod(uri, template, "{\"" + (template ? "uriTemplate" : "uri") + "\":\"" + uri
        + "\",\"name\":\"" + answer + "\"}", request -> answer + " " + request.variables().values().stream()
        .sorted().toList());
  }

  private static ToolServerDefinition server(List<ResourceMethod> resources) {
    return new ToolServerDefinition() {
      @Override
      public String serverName() {
        return "templates";
      }

      @Override
      public String version() {
        return "1.0.0";
      }

      @Override
      public List<ToolMethod> tools() {
        return List.of();
      }

      @Override
      public List<ResourceMethod> resources() {
        return resources;
      }
    };
  }

  private static String read(McpToolHarness harness, String uri) throws Exception {
    String answer = harness.request("resources/read", "{\"uri\":\"" + uri + "\"}");
    int at = answer.indexOf("\"text\":\"");
    return answer.substring(at + 8, answer.indexOf('"', at + 8));
  }

  @Test
  void theMostLiteralCharactersWinInEveryOrder() throws Exception {
    List<ResourceMethod> all = List.of(
        resource("res://x/{b}/{c}", "bc"),
        resource("res://x/{a}/y", "y"),
        resource("res://x/{a}/y/", "slash"),
        resource("res://items/{id}/raw", "raw"),
        resource("res://items/by-name/{name}", "byName"),
        resource("res://files/{name}.txt", "txt"),
        resource("res://files/report-{n}", "report"),
        resource("res://x/fixed/y", "fixed"));
    for (int shift = 0; shift < all.size(); shift++) {
      List<ResourceMethod> order = new ArrayList<>(all.subList(shift, all.size()));
      order.addAll(all.subList(0, shift));
      if (shift % 2 == 1) {
        java.util.Collections.reverse(order);
      }
      try (McpToolHarness harness = McpToolHarness.open(server(order))) {
        assertThat(read(harness, "res://x/1/y")).isEqualTo("y [1]");
        assertThat(read(harness, "res://x/1/z")).isEqualTo("bc [1, z]");
        assertThat(read(harness, "res://x/fixed/y")).isEqualTo("fixed []");
        assertThat(read(harness, "res://items/by-name/raw")).isEqualTo("byName [raw]");
        assertThat(read(harness, "res://items/7/raw")).isEqualTo("raw [7]");
        assertThat(read(harness, "res://files/report-1.txt")).isEqualTo("report [1.txt]");
        assertThat(read(harness, "res://files/a.txt")).isEqualTo("txt [a]");
      }
    }
  }

  @Test
  void amongAsManyLiteralCharactersTheFirstListedWins() throws Exception {
    ResourceMethod a = resource("res://x/{a}/y", "a");
    ResourceMethod b = resource("res://x/y/{b}", "b");
    try (McpToolHarness harness = McpToolHarness.open(server(List.of(a, b)))) {
      assertThat(read(harness, "res://x/y/y")).isEqualTo("a [y]");
    }
    try (McpToolHarness harness = McpToolHarness.open(server(List.of(b, a)))) {
      assertThat(read(harness, "res://x/y/y")).isEqualTo("b [y]");
    }
  }
}
