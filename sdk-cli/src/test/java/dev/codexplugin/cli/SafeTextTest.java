package dev.codexplugin.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexplugin.runtime.SafeText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 3: control characters, bidi overrides and newlines from a file or a name are escaped in every
 * human-readable output of the CLI, and exact in its {@code --json} output. Issue 15 item 4: a canary in a file
 * that cannot be parsed never reaches the CLI's output.
 */
class SafeTextTest {
  static final String RLO = "\u202E";
  static final String ESC = "\u001B";
  static final String BEL = "\u0007";
  /** A skill folder (and so a skill name) with a bidi override and a newline that forges an output line. */
  static final String SKILL = "re" + RLO + "view\nMISSING  fake";
  /** A plugin folder name with the same, and an isolate. */
  static final String FOLDER = "evil" + RLO + "\u2066folder\nMISSING  forged";
  static final String DESCRIPTION = "Sets the title " + ESC + "]0;pwned" + BEL + " and\nMISSING  described";

  @TempDir Path tmp;

  static MainTest.Run run(String... args) {
    return MainTest.run(args);
  }

  Path evilPlugin() throws IOException {
    Path root = tmp.resolve(FOLDER);
    write(root.resolve(".codex-plugin/plugin.json"), "{\"name\": \"evil\", \"version\": \"1.0.0\", \"description\": "
        + "\"Sets the title \\u001b]0;pwned\\u0007 and\\nMISSING  described\", \"skills\": \"./skills/\"}\n");
    write(root.resolve("skills").resolve(SKILL).resolve("SKILL.md"),
        "---\ndescription: \"Reviews code " + "\\u202E" + "\"\n---\nbody\n");
    return root;
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** No character a terminal acts on but the line ends, and no line forged by a value. */
  static void safe(String output) {
    List<String> raw = new ArrayList<>();
    output.chars().filter(c -> c != '\n' && SafeText.unsafe(c)).forEach(c -> raw.add(String.format("U+%04X", c)));
    assertWithMessage("raw characters in:\n" + output).that(raw).isEmpty();
    for (String line : output.split("\n")) {
      assertWithMessage("a forged line in:\n" + output).that(line.strip()).doesNotMatch("MISSING .*");
    }
  }

  @Test
  void inspectEscapesNamesAndDescriptionsAndJsonKeepsThemExact() throws Exception {
    Path root = evilPlugin();
    MainTest.Run text = run("inspect", root.toString());
    assertWithMessage(text.out() + text.err()).that(text.exit()).isEqualTo(0);
    safe(text.out());
    safe(text.err());
    assertThat(text.out()).contains("evil:re\\u202Eview\\nMISSING  fake");
    assertThat(text.out()).contains("Sets the title \\u001B]0;pwned\\u0007 and\\nMISSING  described");
    assertThat(text.out()).contains("evil\\u202E\\u2066folder\\nMISSING  forged");

    MainTest.Run json = run("inspect", "--json", root.toString());
    assertThat(json.exit()).isEqualTo(0);
    JsonNode bundle = json.json().path("bundles").get(0);
    assertThat(bundle.path("skills").get(0).path("name").asText()).isEqualTo(SKILL);
    assertThat(bundle.path("skills").get(0).path("qualifiedName").asText()).isEqualTo("evil:" + SKILL);
    assertThat(bundle.path("description").asText()).isEqualTo(DESCRIPTION);
    assertThat(json.out()).doesNotContain(ESC);
  }

  @Test
  void findingsEscapeFileNamesInTextAndKeepThemExactInJson() throws Exception {
    Path root = evilPlugin();
    MainTest.Run text = run("validate", "--strict", root.toString());
    assertWithMessage(text.out() + text.err()).that(text.exit()).isEqualTo(1);
    safe(text.out());
    assertThat(text.out()).contains("skills/re\\u202Eview\\nMISSING  fake/SKILL.md");
    assertThat(text.out()).contains("evil\\u202E\\u2066folder\\nMISSING  forged");

    MainTest.Run json = run("validate", "--json", "--strict", root.toString());
    List<String> files = json.json().path("findings").findValuesAsText("file");
    assertThat(files).contains("skills/" + SKILL + "/SKILL.md");
  }

  @Test
  void everyCommandOnTheEvilFolderPrintsSafeText() throws Exception {
    Path root = evilPlugin();
    for (List<String> args : List.of(List.of("inspect"), List.of("validate"), List.of("list"), List.of("find"),
        List.of("doctor", "--offline", "--no-start"), List.of("diff", root.toString()))) {
      List<String> all = new ArrayList<>(args);
      all.add(root.toString());
      MainTest.Run r = run(all.toArray(String[]::new));
      safe(r.out());
      safe(r.err());
    }
  }

  @Test
  void aNameWindowsCannotHoldIsAWarningInTextAndJson() throws Exception {
    Path root = tmp.resolve("portable");
    write(root.resolve(".codex-plugin/plugin.json"), "{\"name\": \"portable\", \"version\": \"1.0.0\","
        + " \"description\": \"d\"}\n");
    write(root.resolve("assets/NUL.txt"), "x");
    MainTest.Run text = run("validate", root.toString());
    assertWithMessage(text.out()).that(text.exit()).isEqualTo(0);
    assertThat(text.out()).contains("[codexplugin:NotPortable] warning: " + root.resolve("assets/NUL.txt")
        + ": should be a name every operating system can hold");
    assertThat(run("validate", "--strict", root.toString()).exit()).isEqualTo(1);
    JsonNode finding = run("validate", "--json", root.toString()).json().path("findings").get(0);
    assertThat(finding.path("code").asText()).isEqualTo("NotPortable");
    assertThat(finding.path("file").asText()).isEqualTo("assets/NUL.txt");
  }

  @Test
  void theWriterEscapesEverythingButLineEnds() {
    StringWriter sink = new StringWriter();
    PrintWriter out = new PrintWriter(new SafeWriter(sink));
    out.print("a" + ESC + "[2J" + RLO + "b\r\nc\rd\u0085\u2069\n");
    out.print("e\r");
    out.flush();
    assertThat(sink.toString()).isEqualTo("a\\u001B[2J\\u202Eb\r\nc\\rd\\u0085\\u2069\ne\\r");
  }

  @Test
  void aCanaryInAnInvalidFileNeverReachesTheOutput() throws Exception {
    String canary = "SECRET-CANARY-42";
    Map<String, String> files = Map.of(
        ".codex-plugin/plugin.json", "{\"name\": \"canary\", \"version\": \"1.0.0\", \"description\": \"d\","
            + " \"skills\": \"./skills/\"}",
        ".mcp.json", "{\"mcpServers\": {\"a\": \"x\\" + canary + "\"}}",
        "hooks/hooks.json", "{\"hooks\": {\"" + canary,
        "skills/a/SKILL.md", "---\nname: a\ndescription: \"\\q" + canary + "\"\n---\n",
        "skills/b/SKILL.md", "---\nname: b\ndescription:\n\t- " + canary + "\n---\n",
        "skills/c/SKILL.md", "---\nname: c\ndescription: c\n---\n",
        "skills/c/agents/openai.yaml", "interface: x: " + canary);
    Path root = tmp.resolve("canary");
    for (var e : files.entrySet()) {
      write(root.resolve(e.getKey()), e.getValue());
    }
    Path manifest = tmp.resolve("manifest");
    write(manifest.resolve(".codex-plugin/plugin.json"), "{\"name\": " + canary + "}");
    Path binary = tmp.resolve("binary");
    Files.createDirectories(binary.resolve(".codex-plugin"));
    Files.write(binary.resolve(".codex-plugin/plugin.json"),
        ("\u00FF\u00FE" + canary).getBytes(StandardCharsets.ISO_8859_1));
    for (Path p : List.of(root, manifest, binary)) {
      for (List<String> args : List.of(List.of("inspect"), List.of("inspect", "--json"), List.of("validate"),
          List.of("validate", "--json"), List.of("list"), List.of("doctor", "--offline", "--no-start"))) {
        List<String> all = new ArrayList<>(args);
        all.add(p.toString());
        MainTest.Run r = run(all.toArray(String[]::new));
        assertWithMessage(String.join(" ", all)).that(r.out() + r.err()).doesNotContain("SECRET");
      }
    }
    assertThat(run("validate", manifest.toString()).out()).containsMatch("\\.codex-plugin/plugin.json: must be"
        + " valid JSON without duplicate keys; found a syntax error \\(expected a JSON value.*\\) at line 1, column 10");
    assertThat(run("inspect", binary.toString()).out()).contains(".codex-plugin/plugin.json: must be UTF-8 text");
    MainTest.Run v = run("validate", root.toString());
    assertThat(v.out()).containsMatch("\\.mcp\\.json: .* at line 1, column \\d+");
    assertThat(v.out()).containsMatch("hooks/hooks\\.json: .* at line 1, column \\d+");
    assertThat(v.out()).containsMatch("skills/a/SKILL.md: .* at line 3, column \\d+");
    assertThat(v.out()).containsMatch("skills/c/agents/openai.yaml: .* at line 1, column \\d+");
  }
}
