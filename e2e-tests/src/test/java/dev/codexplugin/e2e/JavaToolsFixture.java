package dev.codexplugin.e2e;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexplugin.e2e.fixture.EchoToolServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
    String root = "META-INF/codex-plugins/" + PLUGIN + "/";
    Map<String, String> bundle = new TreeMap<>();
    bundle.put(".codex-plugin/plugin.json", """
        {
          "name": "%s",
          "version": "1.0.0",
          "description": "Echo tools written in Java",
          "author": {
            "name": "Codex Plugin SDK e2e"
          },
          "skills": "./skills/",
          "mcpServers": "./.mcp.json",
          "interface": {
            "displayName": "Echo Tools",
            "category": "developer-tools"
          }
        }
        """.formatted(PLUGIN));
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
    StringBuilder files = new StringBuilder();
    for (String f : bundle.keySet()) {
      files.append(files.length() == 0 ? "" : ", ").append('"').append(f).append('"');
    }
    Map<String, byte[]> entries = new TreeMap<>();
    entries.put("META-INF/codex-plugins/index.json", ("{\"formatVersion\": 1, \"bundles\": [{\"name\": \"" + PLUGIN
        + "\", \"version\": \"1.0.0\", \"files\": [" + files + "]}]}\n").getBytes(StandardCharsets.UTF_8));
    bundle.forEach((path, text) -> entries.put(root + path, text.getBytes(StandardCharsets.UTF_8)));
    String classFile = main.replace('.', '/') + ".class";
    try (var in = EchoToolServer.class.getClassLoader().getResourceAsStream(classFile)) {
      entries.put(classFile, in.readAllBytes());
    }
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setLastModifiedTime(FileTime.fromMillis(1_767_225_600_000L));
        zip.putNextEntry(entry);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return file;
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
