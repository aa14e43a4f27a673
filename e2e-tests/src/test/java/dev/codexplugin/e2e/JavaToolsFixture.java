package dev.codexplugin.e2e;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexplugin.e2e.fixture.EchoToolServer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plugin jar with Java tools, laid out as the SDK writes one: the bundle with {@code mcp-tools.json} and a
 * {@code java -cp lib/* <main>} server with {@code "cwd": "."}, and the server's class; its runtime
 * dependencies are the Jackson jars.
 */
final class JavaToolsFixture {
  static final String PLUGIN = "echo-tools-plugin";
  static final String SERVER = "echo-tools";

  private JavaToolsFixture() {}

  static Path jar(Path file) throws IOException {
    String main = EchoToolServer.class.getName();
    Map<String, String> bundle = new TreeMap<>();
    bundle.put(".codex-plugin/plugin.json", BundleJar.manifest(PLUGIN, "Echo tools written in Java", "Echo Tools"));
    bundle.put(".mcp.json", """
        {
          "mcpServers": {
            "%s": {
              "command": "java",
              "args": [
                "-cp",
                "lib/*",
                "%s"
              ],
              "cwd": "."
            }
          }
        }
        """.formatted(SERVER, main));
    bundle.put("mcp-tools.json", """
        {
          "tools": [
            {
              "name": "echo",
              "description": "Echo the text back"
            }
          ]
        }
        """);
    bundle.put("skills/echo/SKILL.md", """
        ---
        name: "echo"
        description: "Echo text with the echo tool. Use when asked to repeat something exactly."
        ---
        # Echo
        Call the `echo` tool of the echo-tools MCP server.
        """);
    String classFile = main.replace('.', '/') + ".class";
    try (var in = EchoToolServer.class.getClassLoader().getResourceAsStream(classFile)) {
      return BundleJar.write(file, PLUGIN, bundle, Map.of(classFile, in.readAllBytes()));
    }
  }

  /** The server's runtime dependencies: the Jackson jars on this test's class path. */
  static List<Path> libraries() {
    return List.of(jarOf(ObjectMapper.class), jarOf(JsonFactory.class), jarOf(JsonProperty.class));
  }

  private static Path jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
