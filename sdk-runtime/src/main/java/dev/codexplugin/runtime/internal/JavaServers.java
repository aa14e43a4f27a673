package dev.codexplugin.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.format.FormatFiles;
import java.util.ArrayList;
import java.util.List;

/** The Java tool server a plugin bundles ({@code java -cp lib/* <main>}), and JVM options for it. */
final class JavaServers {
  private JavaServers() {}

  /** Whether {@code server} runs a Java class path of the plugin's {@code lib/}. */
  static boolean isBundledJava(McpServerSpec server) {
    return server.command().equals("java") && server.args().stream().anyMatch(JavaServers::isLibArg);
  }

  private static boolean isLibArg(String arg) {
    return arg.startsWith(FormatFiles.LIB) || arg.contains(":" + FormatFiles.LIB);
  }

  /** {@code server} with {@code options} first among its arguments, when it is the bundled Java server. */
  static McpServerSpec withOptions(McpServerSpec server, List<String> options) {
    if (options.isEmpty() || !isBundledJava(server)) {
      return server;
    }
    List<String> args = new ArrayList<>(options);
    args.addAll(server.args());
    return server.toBuilder().args(args).build();
  }

  /** The same for a server entry of a Codex {@code mcpServers} object, edited in place. */
  static void withOptions(JsonNode entry, List<String> options) {
    if (!(entry instanceof ObjectNode server) || !"java".equals(server.path("command").asText())
        || !(server.get("args") instanceof ArrayNode args)) {
      return;
    }
    boolean bundled = false;
    for (JsonNode arg : args) {
      bundled |= arg.isTextual() && isLibArg(arg.textValue());
    }
    if (!bundled) {
      return;
    }
    for (int i = options.size() - 1; i >= 0; i--) {
      args.insert(0, options.get(i));
    }
  }
}
