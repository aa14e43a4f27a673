package dev.codexplugin.runtime;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.codexplugin.runtime.SeedPlugin.MANIFEST;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15 item 4: a parse error names the file, the line and column and what was expected, but never the bytes
 * it found. Every case puts a canary into a file the loader cannot parse and checks every message the loader
 * gives: each finding, {@link PluginLoadException}'s message, its causes and its stack trace's text.
 */
class NoContentInMessagesTest {
  static final String CANARY = "SECRET-CANARY-42";

  @TempDir Path dir;

  /** Every text the loader shows about {@code path}: findings, the exception of load(), its causes. */
  static String everything(Path path) {
    LoadResult result = PluginLoader.check(path);
    StringBuilder all = new StringBuilder();
    result.findings().forEach(f -> all.append(f).append('\n').append(f.message()).append('\n')
        .append(f.file()).append(' ').append(f.field()).append('\n'));
    try {
      PluginLoader.load(path);
    } catch (PluginLoadException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      all.append(trace);
      for (Throwable t = e; t != null; t = t.getCause()) {
        all.append(t.getMessage()).append('\n').append(t).append('\n');
      }
    }
    return all.toString();
  }

  static void noCanary(String text) {
    assertWithMessage("a message echoes the file's content:\n" + text).that(text).doesNotContain(CANARY);
    assertWithMessage(text).that(text).doesNotContain("SECRET");
  }

  static Stream<Arguments> invalidJson() {
    return Stream.of(
        Arguments.of("an unquoted token as the value", "{\"name\": " + CANARY + "}", 1, 10),
        Arguments.of("an unquoted token as the document", CANARY, 1, 1),
        Arguments.of("an unquoted key", "{" + CANARY + ": 1}", 1, 2),
        Arguments.of("a character after a key", "{\"name\" " + CANARY + "}", 1, 9),
        Arguments.of("a character after a value", "{\"name\": \"x\" " + CANARY + "}", 1, 14),
        Arguments.of("a bad string escape", "{\"name\": \"x\\" + CANARY + "\"}", 1, 13),
        Arguments.of("a bad unicode escape", "{\"name\": \"\\u12" + CANARY + "\"}", 1, 15),
        Arguments.of("a truncated string", "{\"name\": \"" + CANARY, 1, 27),
        Arguments.of("a truncated object", "{\"name\": \"" + CANARY + "\",\n  \"version\": [1,", 2, 17),
        Arguments.of("a token after the document", "{\"name\": \"x\"}\n" + CANARY, 2, 1),
        Arguments.of("a comment", "// " + CANARY + "\n{}", 1, 1),
        Arguments.of("a bad number", "{\"name\": -" + CANARY + "}", 1, 11),
        Arguments.of("a raw newline in a string", "{\"name\": \"" + CANARY + "\n\"}", 1, 27));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidJson")
  @DisplayName("invalid JSON in plugin.json: file, line and column, never the content")
  void invalidJsonInTheManifest(String what, String json, int line, int column) {
    Path root = SeedPlugin.in(dir).file(MANIFEST, json).root();
    String all = everything(root);
    noCanary(all);
    Finding f = PluginLoader.check(root).findings().stream().filter(x -> x.code() == FindingCode.BAD_JSON)
        .findFirst().orElseThrow(() -> new AssertionError(all));
    assertThat(f.file()).isEqualTo(MANIFEST);
    assertThat(f.toString()).contains(MANIFEST);
    assertThat(f.message()).contains("at line " + line + ", column ");
    if (column > 0) {
      assertThat(f.message()).contains("at line " + line + ", column " + column);
    }
  }

  @Test
  @DisplayName("invalid JSON in .mcp.json, hooks.json and the index of a classes folder")
  void invalidJsonInOtherFiles() throws Exception {
    noCanary(everything(SeedPlugin.in(dir, "mcp").file(".mcp.json", "{\"mcpServers\": {\"a\": " + CANARY + "}}")
        .root()));
    noCanary(everything(SeedPlugin.in(dir, "hooks").file("hooks/hooks.json", "{\"hooks\": {\"" + CANARY
        + "\\x\": []}}").root()));
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes.resolve("META-INF/codex-plugins"));
    Files.writeString(classes.resolve("META-INF/codex-plugins/index.json"), "{\"bundles\": [" + CANARY + "]}");
    String all = everything(classes);
    noCanary(all);
    assertThat(all).contains("META-INF/codex-plugins/index.json");
    assertThat(all).contains("at line 1, column 14");
  }

  @Test
  @DisplayName("a binary file where plugin.json belongs: BadEncoding, no byte of it in a message")
  void binaryManifest() {
    byte[] canary = CANARY.getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[canary.length + 8];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    bytes[2] = 0;
    bytes[3] = 0x1B;
    System.arraycopy(canary, 0, bytes, 4, canary.length);
    Path root = SeedPlugin.in(dir).bytes(MANIFEST, bytes).root();
    String all = everything(root);
    noCanary(all);
    assertThat(all).contains("[codexplugin:BadEncoding]");
    assertThat(all).contains(MANIFEST);
  }

  static Stream<Arguments> invalidFrontMatter() {
    return Stream.of(
        Arguments.of("a mapping value in a plain scalar", "name: x\ndescription: x: " + CANARY, 3, 15),
        Arguments.of("an unclosed quote", "name: x\ndescription: '" + CANARY, 4, 1),
        Arguments.of("an unknown escape", "name: x\ndescription: \"\\q" + CANARY + "\"", 3, 0),
        Arguments.of("a tab for indentation", "name: x\ndescription:\n\t- " + CANARY, 4, 1),
        Arguments.of("an @ at the start", "name: x\ndescription: @" + CANARY, 3, 0),
        Arguments.of("an unclosed flow sequence", "name: x\ndescription: [" + CANARY + ", {a", 4, 1),
        Arguments.of("a bad hex escape", "name: x\ndescription: \"\\x4" + CANARY + "\"", 3, 0),
        Arguments.of("a duplicate key", "name: x\ndescription: a\ndescription: " + CANARY, 4, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFrontMatter")
  @DisplayName("invalid YAML front matter in SKILL.md: the file's line and column, never the content")
  void invalidFrontMatter(String what, String yaml, int line, int column) {
    Path root = SeedPlugin.in(dir).skill("skills/broken", "---\n" + yaml + "\n---\nbody\n").root();
    String all = everything(root);
    noCanary(all);
    assertThat(all).contains("skills/broken/SKILL.md");
    assertThat(all).containsMatch("at line " + line + ", column " + (column > 0 ? column : "\\d+"));
  }

  @Test
  @DisplayName("invalid agents/openai.yaml: BadYaml with line and column, never the content")
  void invalidOpenaiYaml() {
    for (String yaml : List.of("interface:\n  display_name: [" + CANARY, "interface: x: " + CANARY,
        "interface:\n  display_name: \"\\q" + CANARY + "\"", "@" + CANARY, "interface:\n\t" + CANARY)) {
      Path root = SeedPlugin.in(dir, "p" + Integer.toHexString(yaml.hashCode()))
          .file("skills/code-review/agents/openai.yaml", yaml).root();
      String all = everything(root);
      noCanary(all);
      assertThat(all).contains("[codexplugin:BadYaml] warning: ");
      assertThat(all).contains("skills/code-review/agents/openai.yaml");
      assertThat(all).containsMatch("at line \\d+, column \\d+");
    }
  }

  @Test
  @DisplayName("the JSON description keeps what was expected, in the SDK's words")
  void jsonSyntaxSaysWhatWasExpected() {
    Map<String, String> cases = Map.of(
        "Unexpected character ('S' (code 83)): was expecting comma to separate Object entries",
        "a syntax error (expected a comma or } after an object entry)",
        "Unrecognized token 'SECRET': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or"
            + " 'false')", "a syntax error (expected a JSON value: a string, number, array, object, true, false or"
            + " null)",
        "Unexpected end-of-input: was expecting closing quote for a string value",
        "the end of the file inside a string",
        "Unrecognized character escape 'S' (code 83)",
        "a syntax error (expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX after a backslash)",
        "Something new 'SECRET'", "a syntax error");
    List<String> wrong = new ArrayList<>();
    cases.forEach((message, expected) -> {
      if (!SafeText.jsonSyntax(message).equals(expected)) {
        wrong.add(message + " -> " + SafeText.jsonSyntax(message));
      }
    });
    assertThat(wrong).isEmpty();
  }
}
