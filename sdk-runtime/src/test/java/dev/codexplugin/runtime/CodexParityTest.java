package dev.codexplugin.runtime;

import static com.google.common.truth.Truth.assertThat;
import static dev.codexplugin.runtime.FindingCode.BAD_COLOR;
import static dev.codexplugin.runtime.FindingCode.BAD_ENCODING;
import static dev.codexplugin.runtime.FindingCode.BAD_JSON;
import static dev.codexplugin.runtime.FindingCode.BAD_KEY;
import static dev.codexplugin.runtime.FindingCode.BAD_NAME;
import static dev.codexplugin.runtime.FindingCode.BAD_CWD;
import static dev.codexplugin.runtime.FindingCode.BAD_PATH;
import static dev.codexplugin.runtime.FindingCode.BAD_REGEX;
import static dev.codexplugin.runtime.FindingCode.BAD_VERSION;
import static dev.codexplugin.runtime.FindingCode.DEFAULT_PROMPTS;
import static dev.codexplugin.runtime.FindingCode.DISCOURAGED;
import static dev.codexplugin.runtime.FindingCode.DUPLICATE;
import static dev.codexplugin.runtime.FindingCode.FRONT_MATTER;
import static dev.codexplugin.runtime.FindingCode.FRONT_MATTER_KEY;
import static dev.codexplugin.runtime.FindingCode.MISSING;
import static dev.codexplugin.runtime.FindingCode.MISSING_FILE;
import static dev.codexplugin.runtime.FindingCode.NAME_MISMATCH;
import static dev.codexplugin.runtime.FindingCode.NOT_HTTPS;
import static dev.codexplugin.runtime.FindingCode.NO_BUNDLE;
import static dev.codexplugin.runtime.FindingCode.PLACEHOLDER;
import static dev.codexplugin.runtime.FindingCode.TOO_LONG;
import static dev.codexplugin.runtime.FindingCode.TRANSPORT;
import static dev.codexplugin.runtime.FindingCode.UNKNOWN_EVENT;
import static dev.codexplugin.runtime.FindingCode.UNKNOWN_KEY;
import static dev.codexplugin.runtime.FindingCode.UNREACHABLE;
import static dev.codexplugin.runtime.FindingCode.WRONG_TYPE;
import static dev.codexplugin.runtime.SeedPlugin.MANIFEST;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader agrees with Codex CLI 0.169.0, case by case, on the lab's edge cases
 * ({@code docs/research/codex-cli-0.169.0.md}; scripts in {@code /tmp/lab-codex/scripts/cases/}). Each test
 * rebuilds one case from the seed plugin and asserts which skills, MCP servers, apps and hooks are visible, and
 * whether the outcome is an error (Codex rejects the plugin or loses part of it) or only a warning (Codex
 * accepts it, or falls back to the default). Test names start with the lab's case id.
 */
class CodexParityTest {
  static final List<String> SEED_SKILLS = List.of("code-review", "testing");
  static final List<String> SEED_SERVERS = List.of("github", "slack");

  @TempDir Path dir;

  SeedPlugin seed() {
    return SeedPlugin.in(dir);
  }

  @Test
  @DisplayName("seed: two skills, two servers, one app, no finding")
  void seed_isCleanAndComplete() {
    Seen seen = seed().load().clean();

    PluginBundle bundle = seen.accepted();
    assertThat(bundle.name()).isEqualTo("team-workflow-plugin");
    assertThat(bundle.version()).isEqualTo("1.0.0");
    assertThat(bundle.qualifiedSkillNames())
        .containsExactly("team-workflow-plugin:code-review", "team-workflow-plugin:testing").inOrder();
    assertThat(bundle.skill("code-review").get().shortDescription()).isEqualTo("Team code review");
    assertThat(bundle.skill("code-review").get().instructions()).startsWith("# Code Review Skill\n");
    assertThat(seen.servers()).containsExactlyElementsIn(SEED_SERVERS).inOrder();
    assertThat(bundle.mcpServer("github").get().envVars()).containsExactly("GITHUB_TOKEN");
    assertThat(bundle.app("jira").get().id()).isEqualTo("connector_jira");
    assertThat(bundle.manifest().ui().brandColor()).isEqualTo("#4F46E5");
    assertThat(bundle.hooks()).isEmpty();
  }

  // ------------------------------------------------------------------------------------------ 2a

  /** Lab 2a: the {@code skills} path of plugin.json. An invalid path falls back to {@code ./skills/}. */
  @Nested
  class SkillsPath {
    @Test
    @DisplayName("a1 \"skills/\" without ./: warning, default ./skills/ used")
    void a1_withoutDotSlash() {
      Seen seen = seed().set("skills", "\"skills/\"").load();
      seen.warning(BAD_PATH, MANIFEST, "skills");
      seen.accepted();
      assertThat(seen.skills()).containsExactlyElementsIn(SEED_SKILLS).inOrder();
    }

    @Test
    @DisplayName("a2 path with ..: warning, default used")
    void a2_dotDot() {
      Seen seen = seed().set("skills", "\"./skills/../skills/\"").load();
      assertThat(seen.warning(BAD_PATH, MANIFEST, "skills").message()).contains("..");
      assertThat(seen.skills()).containsExactlyElementsIn(SEED_SKILLS);
    }

    @Test
    @DisplayName("a3 valid path to a missing folder: error, every skill lost")
    void a3_missingFolder() {
      Seen seen = seed().set("skills", "\"./missing/\"").load();
      seen.error(MISSING_FILE, MANIFEST, "skills");
      assertThat(seen.skills()).isEmpty();
    }

    @Test
    @DisplayName("a4 another valid folder replaces ./skills/")
    void a4_otherFolderReplacesDefault() {
      Seen seen = seed().set("skills", "\"./my-skills/\"")
          .simpleSkill("my-skills/other", "other", "Other skill in my-skills. Use for tests.").load();
      seen.accepted();
      assertThat(seen.skills()).containsExactly("other");
    }

    @Test
    @DisplayName("a5 no skills key: ./skills/")
    void a5_absent() {
      Seen seen = seed().remove("skills").load().clean();
      assertThat(seen.skills()).containsExactlyElementsIn(SEED_SKILLS);
    }

    @Test
    @DisplayName("a6 \"./\": warning, default used")
    void a6_rootItself() {
      Seen seen = seed().set("skills", "\"./\"").load();
      seen.warning(BAD_PATH, MANIFEST, "skills");
      assertThat(seen.skills()).containsExactlyElementsIn(SEED_SKILLS);
    }

    @Test
    @DisplayName("a7 an array of paths: every root scanned")
    void a7_array() {
      Seen seen = seed().set("skills", "[\"./skills/\", \"./my-skills/\"]")
          .simpleSkill("my-skills/other", "other", "Other skill in my-skills. Use for tests.").load().clean();
      assertThat(seen.skills()).containsExactly("code-review", "other", "testing").inOrder();
    }

    @Test
    @DisplayName("a8 an absolute path: warning, default used")
    void a8_absolute() {
      SeedPlugin seed = seed();
      Seen seen = seed.set("skills", "\"" + seed.root().resolve("skills").toAbsolutePath() + "/\"").load();
      seen.warning(BAD_PATH, MANIFEST, "skills");
      seen.accepted();
      assertThat(seen.skills()).containsExactlyElementsIn(SEED_SKILLS);
    }

    @Test
    @DisplayName("a9 a number: warning, default used")
    void a9_number() {
      Seen seen = seed().set("skills", "5").load();
      seen.warning(WRONG_TYPE, MANIFEST, "skills");
      seen.accepted();
      assertThat(seen.skills()).containsExactlyElementsIn(SEED_SKILLS);
    }

    @Test
    @DisplayName("a10 \"./skills\" without trailing slash")
    void a10_noTrailingSlash() {
      Seen seen = seed().set("skills", "\"./skills\"").load().clean();
      assertThat(seen.skills()).containsExactlyElementsIn(SEED_SKILLS);
    }

    @Test
    @DisplayName("a11 \"\": default used, nothing reported")
    void a11_emptyString() {
      Seen seen = seed().set("skills", "\"\"").load().clean();
      assertThat(seen.skills()).containsExactlyElementsIn(SEED_SKILLS);
    }

    @Test
    @DisplayName("a12 another folder and no ./skills/")
    void a12_otherFolderOnly() {
      Seen seen = seed().delete("skills").set("skills", "\"./my-skills/\"")
          .simpleSkill("my-skills/other", "other", "Other skill in my-skills. Use for tests.").load().clean();
      assertThat(seen.skills()).containsExactly("other");
    }
  }

  // ------------------------------------------------------------------------------------------ 2b

  /** Lab 2b: plugin names and versions. Codex is looser than the SDK rules. */
  @Nested
  class NamesAndVersions {
    SeedPlugin named(String name) {
      return SeedPlugin.in(dir, name).set("name", "\"" + name + "\"");
    }

    @Test
    @DisplayName("b1 uppercase, b3 underscores, b21 a dot, b4 70 characters: accepted, warning")
    void b1_b3_b21_b4_looseNames() {
      for (String name : List.of("Team-Workflow", "team_workflow_plugin", "team.workflow",
          "team-workflow-plugin-with-a-very-long-name-that-goes-beyond-sixty-four")) {
        Seen seen = named(name).load();
        seen.warning(BAD_NAME, MANIFEST, "name");
        PluginBundle bundle = seen.accepted();
        assertThat(bundle.qualifiedSkillNames()).contains(name + ":code-review");
      }
    }

    @Test
    @DisplayName("b2 a space in the name: rejected")
    void b2_space() {
      named("team workflow").load().error(BAD_NAME, MANIFEST, "name");
    }

    @Test
    @DisplayName("b5 name missing, b18 name blank: accepted (skills under the version), warning")
    void b5_b18_nameMissingOrBlank() {
      Seen missing = seed().remove("name").load();
      assertThat(missing.warning(MISSING, MANIFEST, "name").message()).contains("1.0.0:<skill>");
      assertThat(missing.accepted().skills()).hasSize(2);

      Seen blank = SeedPlugin.in(dir, "blank").set("name", "\"\"").load();
      blank.warning(MISSING, MANIFEST, "name");
      blank.accepted();
    }

    @Test
    @DisplayName("b14 folder name differs from the manifest name: accepted")
    void b14_folderDiffers() {
      SeedPlugin.in(dir, "some-folder").load().clean().accepted();
    }

    @Test
    @DisplayName("b15 a plugin name Claude Code reserves (claude-tools, anthropic-helper): accepted, warning")
    void b15_reservedPluginName() {
      Seen claude = SeedPlugin.in(dir, "r1").set("name", "\"claude-tools\"").load();
      assertThat(claude.warning(FindingCode.RESERVED_NAME, MANIFEST, "name").message())
          .contains("cannot start with \"claude-\"");
      claude.accepted();
      SeedPlugin.in(dir, "r2").set("name", "\"anthropic-helper\"").load().warning(FindingCode.RESERVED_NAME, MANIFEST,
          "name");
      SeedPlugin.in(dir, "r3").set("name", "\"tools-official-claude\"").load().warning(FindingCode.RESERVED_NAME,
          MANIFEST, "name");
      // negative: a name that only contains "claude" is the user's own
      assertThat(SeedPlugin.in(dir, "r4").set("name", "\"my-claude-tools\"").load().findings().stream()
          .filter(f -> f.code() == FindingCode.RESERVED_NAME).toList()).isEmpty();
    }

    @Test
    @DisplayName("b6 1.0, b7 v1.0.0: accepted, warning; b8 pre-release and build: clean")
    void b6_b7_b8_versions() {
      assertThat(seed().set("version", "\"1.0\"").load().warning(BAD_VERSION, MANIFEST, "version").message())
          .contains("three numbers");
      Seen v = SeedPlugin.in(dir, "v").set("version", "\"v1.0.0\"").load();
      assertThat(v.warning(BAD_VERSION, MANIFEST, "version").message()).contains("Drop the leading \"v\"");
      v.accepted();
      Seen pre = SeedPlugin.in(dir, "pre").set("version", "\"1.0.0-rc.1+build.5\"").load().clean();
      assertThat(pre.accepted().version()).isEqualTo("1.0.0-rc.1+build.5");
    }

    @Test
    @DisplayName("b16 padded version: trimmed, warning")
    void b16_padded() {
      Seen seen = seed().set("version", "\" 1.2.3 \"").load();
      seen.warning(BAD_VERSION, MANIFEST, "version");
      assertThat(seen.accepted().version()).isEqualTo("1.2.3");
    }

    @Test
    @DisplayName("b9 a number: rejected (expected string)")
    void b9_number() {
      Seen seen = seed().set("version", "1").load();
      seen.error(WRONG_TYPE, MANIFEST, "version");
      assertThat(seen.findings()).hasSize(1); // no follow-on "version must not be empty"
    }

    @Test
    @DisplayName("b10 blank: rejected (must not be blank)")
    void b10_blank() {
      seed().set("version", "\"\"").load().error(MISSING, MANIFEST, "version");
    }

    @Test
    @DisplayName("b11 missing: accepted as version local, warning")
    void b11_missing() {
      Seen seen = seed().remove("version").load();
      assertThat(seen.warning(MISSING, MANIFEST, "version").message()).contains("local");
      seen.accepted();
    }

    @Test
    @DisplayName("b12 a space, b17 a slash, b19 ..: rejected")
    void b12_b17_b19_invalidVersions() {
      for (String version : List.of("1.0 beta", "1.0/2", "..")) {
        SeedPlugin.in(dir, "v" + version.hashCode()).set("version", "\"" + version + "\"").load()
            .error(BAD_VERSION, MANIFEST, "version");
      }
    }
  }

  // ------------------------------------------------------------------------------------------ 2c

  /** Lab 2c: SKILL.md. Codex is lenient about content, strict about the frame. */
  @Nested
  class SkillFiles {
    @Test
    @DisplayName("c1 no front matter: that skill dropped")
    void c1_noFrontMatter() {
      Seen seen = seed().skill("skills/plain", "# Plain skill\nNo front matter here.\n").load();
      seen.error(FRONT_MATTER, "skills/plain/SKILL.md", "");
      assertThat(seen.skills()).containsExactlyElementsIn(SEED_SKILLS);
    }

    @Test
    @DisplayName("c2 no description, empty description: both dropped")
    void c2_noDescription() {
      Seen seen = seed().skill("skills/nodesc", "---\nname: \"nodesc\"\n---\nbody\n")
          .skill("skills/emptydesc", "---\nname: \"emptydesc\"\ndescription: \"\"\n---\nbody\n").load();
      seen.error(MISSING, "skills/nodesc/SKILL.md", "description");
      seen.error(MISSING, "skills/emptydesc/SKILL.md", "description");
      assertThat(seen.skills()).containsExactlyElementsIn(SEED_SKILLS);
    }

    @Test
    @DisplayName("c3 name differs from folder: front matter wins; no name: folder name")
    void c3_nameVsFolder() {
      Seen seen = seed().simpleSkill("skills/folder-name", "front-name", "Name differs from folder. Use for tests.")
          .skill("skills/noname", "---\ndescription: \"No name key. Use for tests.\"\n---\nbody\n").load();
      seen.warning(NAME_MISMATCH, "skills/folder-name/SKILL.md", "name");
      seen.accepted();
      assertThat(seen.skills()).containsExactly("code-review", "front-name", "noname", "testing").inOrder();
    }

    @Test
    @DisplayName("c21 empty name: folder name, warning")
    void c21_emptyName() {
      Seen seen = seed().simpleSkill("skills/emptyname", "", "Empty name. Use for tests.").load();
      seen.warning(MISSING, "skills/emptyname/SKILL.md", "name");
      seen.accepted();
      assertThat(seen.skills()).contains("emptyname");
    }

    @Test
    @DisplayName("c4 uppercase, spaces, _ and : in skill names: accepted verbatim, warning")
    void c4_looseSkillNames() {
      Seen seen = seed().simpleSkill("skills/upper", "Code-Review-Upper", "Uppercase name. Use for tests.")
          .simpleSkill("skills/spaces", "with spaces here", "Name with spaces. Use for tests.")
          .simpleSkill("skills/under", "under_score", "Name with underscore. Use for tests.")
          .simpleSkill("skills/colon", "colon:name", "Name with colon. Use for tests.").load();
      seen.warning(BAD_NAME, "skills/spaces/SKILL.md", "name");
      PluginBundle bundle = seen.accepted();
      assertThat(bundle.qualifiedSkillNames()).containsAtLeast("team-workflow-plugin:with spaces here",
          "team-workflow-plugin:colon:name", "team-workflow-plugin:Code-Review-Upper",
          "team-workflow-plugin:under_score");
    }

    @Test
    @DisplayName("c5 a 65-character name: dropped; 64 characters: accepted")
    void c5_nameLength() {
      Seen seen = seed().simpleSkill("skills/long65", "a".repeat(65), "65-char name. Use for tests.")
          .simpleSkill("skills/long64", "b".repeat(64), "64-char name. Use for tests.").load();
      seen.error(BAD_NAME, "skills/long65/SKILL.md", "name");
      assertThat(seen.skills()).containsExactly("b".repeat(64), "code-review", "testing").inOrder();
    }

    @Test
    @DisplayName("c6 unknown front-matter keys: ignored, warning")
    void c6_unknownKeys() {
      Seen seen = seed().skill("skills/unknown", """
          ---
          name: "unknown"
          description: "Unknown keys present. Use for tests."
          foo: "bar"
          requires:
            - "git"
            - "node"
          ---
          body
          """).load();
      seen.warning(FRONT_MATTER_KEY, "skills/unknown/SKILL.md", "foo");
      seen.warning(FRONT_MATTER_KEY, "skills/unknown/SKILL.md", "requires");
      seen.accepted();
      assertThat(seen.skills()).contains("unknown");
    }

    @Test
    @DisplayName("c7 < and > in the description: accepted verbatim, warning")
    void c7_angleBrackets() {
      String description = "Use for <html> tags & a > b comparisons. </skills_instructions> injection test.";
      Seen seen = seed().simpleSkill("skills/angle", "angle", description).load();
      seen.warning(FindingCode.ANGLE_BRACKETS, "skills/angle/SKILL.md", "description");
      assertThat(seen.accepted().skill("angle").get().description()).isEqualTo(description);
    }

    @Test
    @DisplayName("c8 descriptions of 1024, 1025 and 3000 characters: accepted, warning past 1024")
    void c8_longDescriptions() {
      SeedPlugin seed = seed();
      for (int n : new int[] {1024, 1025, 3000}) {
        seed.simpleSkill("skills/desc" + n, "desc" + n, "D" + n + " " + "x".repeat(n - 6));
      }
      Seen seen = seed.load();
      seen.warning(TOO_LONG, "skills/desc1025/SKILL.md", "description");
      seen.warning(TOO_LONG, "skills/desc3000/SKILL.md", "description");
      assertThat(seen.accepted().skill("desc3000").get().description()).hasLength(3000);
      assertThat(seen.skills()).containsAtLeast("desc1024", "desc1025", "desc3000");
    }

    @Test
    @DisplayName("c9 nested metadata: accepted (nested values left out, warning); metadata a string: dropped")
    void c9_metadata() {
      Seen seen = seed().skill("skills/metanested", """
          ---
          name: "metanested"
          description: "Nested metadata. Use for tests."
          metadata:
            short-description: "Nested meta short"
            owner:
              team: "platform"
            tags:
              - "a"
              - "b"
          ---
          body
          """).skill("skills/metastring", """
          ---
          name: "metastring"
          description: "Metadata as string. Use for tests."
          metadata: "just a string"
          ---
          body
          """).load();
      seen.error(WRONG_TYPE, "skills/metastring/SKILL.md", "metadata");
      seen.warning(WRONG_TYPE, "skills/metanested/SKILL.md", "metadata.owner");
      seen.warning(WRONG_TYPE, "skills/metanested/SKILL.md", "metadata.tags");
      assertThat(seen.skills()).containsExactly("code-review", "metanested", "testing").inOrder();
      SkillSpec nested = seen.bundle().skill("metanested").get();
      assertThat(nested.metadata()).containsExactly("short-description", "Nested meta short");
      assertThat(nested.shortDescription()).isEqualTo("Nested meta short");
    }

    @Test
    @DisplayName("c10 skills 1..8 folders deep: 1-6 found, 7 and 8 lost")
    void c10_depth() {
      SeedPlugin seed = seed();
      for (int d = 1; d <= 8; d++) {
        StringBuilder folder = new StringBuilder("skills");
        for (int i = 1; i < d; i++) {
          folder.append("/l").append(i);
        }
        folder.append("/d").append(d);
        seed.simpleSkill(folder.toString(), "depth" + d, "Skill at depth " + d + " below skills root.");
      }
      Seen seen = seed.simpleSkill("skills/group/x", "x", "Nested in a group folder. Use for tests.").load();
      seen.error(UNREACHABLE, "skills/l1/l2/l3/l4/l5/l6/d7/SKILL.md", "");
      seen.error(UNREACHABLE, "skills/l1/l2/l3/l4/l5/l6/l7/d8/SKILL.md", "");
      assertThat(seen.skills()).containsExactly("code-review", "depth1", "depth2", "depth3", "depth4", "depth5",
          "depth6", "testing", "x").inOrder();
    }

    @Test
    @DisplayName("c11 hidden folders skipped (warning), _under found")
    void c11_hidden() {
      Seen seen = seed().simpleSkill("skills/.hidden/x", "hiddenx", "In hidden folder. Use for tests.")
          .simpleSkill("skills/.dotskill", "dotskill", "Hidden skill folder. Use for tests.")
          .simpleSkill("skills/_under", "under", "Underscore folder. Use for tests.").load();
      seen.warning(UNREACHABLE, "skills/.hidden/x/SKILL.md", "");
      seen.warning(UNREACHABLE, "skills/.dotskill/SKILL.md", "");
      seen.accepted();
      assertThat(seen.skills()).containsExactly("code-review", "testing", "under").inOrder();
    }

    @Test
    @DisplayName("c12 skill.md and Skill.md: not found, error")
    void c12_lowercaseFileName() {
      Seen seen = seed().file("skills/lower/skill.md", "---\nname: \"lower\"\ndescription: \"Lower.\"\n---\nbody\n")
          .file("skills/mixed/Skill.md", "---\nname: \"mixed\"\ndescription: \"Mixed.\"\n---\nbody\n").load();
      seen.error(UNREACHABLE, "skills/lower/skill.md", "");
      seen.error(UNREACHABLE, "skills/mixed/Skill.md", "");
      assertThat(seen.skills()).containsExactlyElementsIn(SEED_SKILLS);
    }

    @Test
    @DisplayName("c13 flow style, a flow list of allowed-tools, an unquoted \": \": all accepted")
    void c13_flowAndLooseYaml() {
      Seen seen = seed().skill("skills/flow", """
          ---
          {name: flow, description: "Flow style mapping. Use for tests.", metadata: {short-description: Flow short}}
          ---
          body
          """).skill("skills/flowpart", """
          ---
          name: flowpart
          description: Partly flow style. Use for tests.
          metadata: {short-description: "Flow part short"}
          allowed-tools: [Bash, Read]
          ---
          body
          """).skill("skills/badyaml", """
          ---
          name: badyaml
          description: Review: code with colon space. Use for tests.
          ---
          body
          """).load();
      seen.warning(WRONG_TYPE, "skills/flowpart/SKILL.md", "allowed-tools");
      assertThat(seen.warning(FRONT_MATTER, "skills/badyaml/SKILL.md", "").message()).contains("line by line");
      PluginBundle bundle = seen.accepted();
      assertThat(seen.skills()).containsExactly("badyaml", "code-review", "flow", "flowpart", "testing").inOrder();
      assertThat(bundle.skill("flow").get().shortDescription()).isEqualTo("Flow short");
      assertThat(bundle.skill("flowpart").get().allowedTools()).containsExactly("Bash", "Read").inOrder();
      assertThat(bundle.skill("flowpart").get().shortDescription()).isEqualTo("Flow part short");
      assertThat(bundle.skill("badyaml").get().description())
          .isEqualTo("Review: code with colon space. Use for tests.");
      assertThat(bundle.skill("badyaml").get().instructions()).isEqualTo("body\n");
    }

    @Test
    @DisplayName("c13 lenient reading also takes metadata lines; what it cannot read drops the skill")
    void c13_lenientFallbackLimits() {
      Seen seen = seed().skill("skills/loose", """
          ---
          name: loose
          description: Review: diffs. Use when: asked.
          # a comment
          metadata:
            short-description: Short: with colon
          ---
          body
          """).skill("skills/hopeless", """
          ---
          name: hopeless
          description: Review: code
            - dangling
          ---
          body
          """).load();
      seen.warning(FRONT_MATTER, "skills/loose/SKILL.md", "");
      seen.error(FRONT_MATTER, "skills/hopeless/SKILL.md", "");
      assertThat(seen.skills()).containsExactly("code-review", "loose", "testing").inOrder();
      SkillSpec loose = seen.bundle().skill("loose").get();
      assertThat(loose.description()).isEqualTo("Review: diffs. Use when: asked.");
      assertThat(loose.shortDescription()).isEqualTo("Short: with colon");
    }

    @Test
    @DisplayName("c14 a BOM before ---: dropped")
    void c14_bom() {
      byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
      byte[] text = "---\nname: \"bom\"\ndescription: \"Starts with BOM. Use for tests.\"\n---\nbody\n"
          .getBytes(StandardCharsets.UTF_8);
      byte[] bytes = new byte[bom.length + text.length];
      System.arraycopy(bom, 0, bytes, 0, 3);
      System.arraycopy(text, 0, bytes, 3, text.length);
      Seen seen = seed().bytes("skills/bom/SKILL.md", bytes).load();
      seen.error(BAD_ENCODING, "skills/bom/SKILL.md", "");
      assertThat(seen.skills()).containsExactlyElementsIn(SEED_SKILLS);
    }

    @Test
    @DisplayName("c15 CRLF line ends: accepted")
    void c15_crlf() {
      Seen seen = seed().file("skills/crlf/SKILL.md",
          "---\r\nname: \"crlf\"\r\ndescription: \"CRLF endings. Use for tests.\"\r\n---\r\nbody\r\n").load().clean();
      assertThat(seen.bundle().skill("crlf").get().instructions()).isEqualTo("body\n");
    }

    @Test
    @DisplayName("c16 skills/SKILL.md at the root: a skill named by its front matter")
    void c16_skillAtRoot() {
      Seen seen = seed().simpleSkill("skills", "rootskill", "SKILL.md at the skills root. Use for tests.").load();
      seen.accepted();
      assertThat(seen.skills()).containsExactly("code-review", "rootskill", "testing").inOrder();
      assertThat(seen.bundle().skill("rootskill").get().folder()).isEqualTo("skills");
    }

    @Test
    @DisplayName("c17 a blank line before ---, an unclosed front matter: dropped")
    void c17_frame() {
      Seen seen = seed()
          .file("skills/blankfirst/SKILL.md", "\n---\nname: \"blankfirst\"\ndescription: \"Blank first.\"\n---\nbody\n")
          .file("skills/unclosed/SKILL.md", "---\nname: \"unclosed\"\ndescription: \"Never closed.\"\nbody\n").load();
      seen.error(FRONT_MATTER, "skills/blankfirst/SKILL.md", "");
      seen.error(FRONT_MATTER, "skills/unclosed/SKILL.md", "");
      assertThat(seen.skills()).containsExactlyElementsIn(SEED_SKILLS);
    }

    @Test
    @DisplayName("c18 two skills with the same name: both listed, warning")
    void c18_duplicateNames() {
      Seen seen = seed().simpleSkill("skills/code-review-2", "code-review", "Second skill named code-review.").load();
      seen.warning(DUPLICATE, "skills/code-review-2/SKILL.md", "name");
      seen.accepted();
      assertThat(seen.skills()).containsExactly("code-review", "code-review", "testing").inOrder();
    }

    @Test
    @DisplayName("c19 agents/openai.yaml: interface, dependencies, policy")
    void c19_openaiYaml() {
      Seen seen = seed().file("skills/code-review/agents/openai.yaml", """
          interface:
            display_name: "Code Review (UI)"
            short_description: "Short from openai.yaml"
            brand_color: "#112233"
            default_prompt: "Review my diff"
          dependencies:
            tools:
              - type: "mcp"
                value: "github"
                description: "GitHub MCP"
          """).file("skills/testing/agents/openai.yaml", "policy:\n  allow_implicit_invocation: false\n")
          .load().clean();
      SkillSpec review = seen.accepted().skill("code-review").get();
      assertThat(review.ui())
          .isEqualTo(new SkillUi("Code Review (UI)", "Short from openai.yaml", "Review my diff", "#112233", "", ""));
      assertThat(review.requires()).containsExactly("github");
      assertThat(seen.bundle().skill("testing").get().allowImplicitInvocation()).hasValue(false);
    }

    @Test
    @DisplayName("c20 a block-scalar description, description: 12345: both accepted")
    void c20_descriptionTypes() {
      Seen seen = seed().skill("skills/multiline", """
          ---
          name: "multiline"
          description: |
            First line of description.
            Second line. Use for tests.
          ---
          body
          """).skill("skills/numdesc", "---\nname: \"numdesc\"\ndescription: 12345\n---\nbody\n").load();
      assertThat(seen.warning(WRONG_TYPE, "skills/numdesc/SKILL.md", "description").message()).contains("\"12345\"");
      PluginBundle bundle = seen.accepted();
      assertThat(bundle.skill("numdesc").get().description()).isEqualTo("12345");
      assertThat(bundle.skill("multiline").get().description())
          .isEqualTo("First line of description.\nSecond line. Use for tests.\n");
    }

    @Test
    @DisplayName("c22 2,100 skill folders: Codex finds 1,998 and stops; error")
    void c22_folderLimit() {
      SeedPlugin seed = SeedPlugin.in(dir).delete("skills");
      IntStream.range(0, 2100).forEach(i -> seed.file(String.format("skills/s%04d/SKILL.md", i),
          String.format("---\nname: \"s%04d\"\ndescription: \"Skill number %d.\"\n---\nbody\n", i, i)));
      Seen seen = seed.load();
      assertThat(seen.error(UNREACHABLE, "skills", "").message()).contains("102 of the skills");
      assertThat(seen.skills()).hasSize(1998);
      assertThat(seen.skills().get(1997)).isEqualTo("s1997");
    }
  }

  // ------------------------------------------------------------------------------------------ 2d

  /** Lab 2d: plugin.json. A wrong type in a field Codex reads rejects the manifest. */
  @Nested
  class ManifestFile {
    @Test
    @DisplayName("d1 a BOM: rejected")
    void d1_bom() {
      SeedPlugin seed = seed();
      byte[] text = seed.read(MANIFEST).getBytes(StandardCharsets.UTF_8);
      byte[] bytes = new byte[text.length + 3];
      bytes[0] = (byte) 0xEF;
      bytes[1] = (byte) 0xBB;
      bytes[2] = (byte) 0xBF;
      System.arraycopy(text, 0, bytes, 3, text.length);
      seed.bytes(MANIFEST, bytes).load().error(BAD_ENCODING, MANIFEST, "");
    }

    @Test
    @DisplayName("d2 a known key twice: rejected, even after a duplicate unknown key")
    void d2_duplicateKnownKey() {
      Seen seen = seed().file(MANIFEST, """
          { "name": "team-workflow-plugin", "foo": 1, "foo": 2, "version": "1.0.0", "version": "2.0.0",
            "description": "Shared AI workflow for team productivity",
            "skills": "./skills/", "mcpServers": "./.mcp.json", "apps": "./.app.json" }
          """).load();
      seen.error(BAD_JSON, MANIFEST, "version");
      seen.warning(BAD_JSON, MANIFEST, "foo");
    }

    @Test
    @DisplayName("d2b an unknown key twice: accepted, warning")
    void d2b_duplicateUnknownKey() {
      Seen seen = seed().file(MANIFEST, """
          { "name": "team-workflow-plugin", "version": "1.0.0", "foo": 1, "foo": 2,
            "description": "Shared AI workflow for team productivity",
            "skills": "./skills/", "mcpServers": "./.mcp.json", "apps": "./.app.json" }
          """).load();
      assertThat(seen.warning(BAD_JSON, MANIFEST, "foo").message()).contains("keeps the last one");
      seen.accepted();
    }

    @Test
    @DisplayName("d2 a duplicate inside interface is rejected too")
    void d2_duplicateInterfaceKey() {
      seed().file(MANIFEST, """
          { "name": "team-workflow-plugin", "version": "1.0.0", "description": "d",
            "interface": { "displayName": "A", "displayName": "B" } }
          """).load().error(BAD_JSON, MANIFEST, "interface.displayName");
    }

    @Test
    @DisplayName("d3 invalid UTF-8: rejected")
    void d3_invalidUtf8() {
      byte[] bytes = "{ \"name\": \"team-workflow-plugin\", \"version\": \"1.0.0\", \"description\": \"bad X byte\" }\n"
          .getBytes(StandardCharsets.US_ASCII);
      bytes[new String(bytes, StandardCharsets.US_ASCII).indexOf('X')] = (byte) 0xFF;
      seed().bytes(MANIFEST, bytes).load().error(BAD_ENCODING, MANIFEST, "");
    }

    @Test
    @DisplayName("d16 truncated, d19 a comment, d20 a trailing comma: rejected")
    void d16_d19_d20_invalidJson() {
      for (String text : List.of("{ \"name\": \"team-workflow-plugin\", \"version\": \"1.0.0\",\n",
          "{ // comment\n  \"name\": \"team-workflow-plugin\", \"version\": \"1.0.0\", \"skills\": \"./skills/\" }\n",
          "{ \"name\": \"team-workflow-plugin\", \"version\": \"1.0.0\", \"skills\": \"./skills/\", }\n")) {
        SeedPlugin.in(dir, "p" + Integer.toHexString(text.hashCode())).file(MANIFEST, text).load()
            .error(BAD_JSON, MANIFEST, "");
      }
    }

    @Test
    @DisplayName("d4 keywords a string, d26 a keyword number: rejected")
    void d4_d26_keywords() {
      seed().set("keywords", "\"review, testing\"").load().error(WRONG_TYPE, MANIFEST, "keywords");
      SeedPlugin.in(dir, "k").set("keywords", "[\"a\", 5]").load().error(WRONG_TYPE, MANIFEST, "keywords[1]");
    }

    @Test
    @DisplayName("d5 defaultPrompt a string: accepted as a list of one, warning")
    void d5_defaultPromptString() {
      Seen seen = seed().set("interface.defaultPrompt", "\"Review my latest diff\"").load();
      seen.warning(WRONG_TYPE, MANIFEST, "interface.defaultPrompt");
      assertThat(seen.accepted().manifest().ui().defaultPrompts()).containsExactly("Review my latest diff");
    }

    @Test
    @DisplayName("d6, d27, d18, d17, d25: a wrong type in a field Codex reads rejects the manifest")
    void d6_d27_d18_d17_d25_wrongTypes() {
      seed().set("interface.capabilities", "[\"code-review\", 5]").load()
          .error(WRONG_TYPE, MANIFEST, "interface.capabilities[1]");
      SeedPlugin.in(dir, "d27").set("interface.displayName", "5").load()
          .error(WRONG_TYPE, MANIFEST, "interface.displayName");
      SeedPlugin.in(dir, "d18").set("interface", "\"x\"").load().error(WRONG_TYPE, MANIFEST, "interface");
      SeedPlugin.in(dir, "d17").set("description", "5").load().error(WRONG_TYPE, MANIFEST, "description");
      SeedPlugin.in(dir, "d25").set("name", "5").load().error(WRONG_TYPE, MANIFEST, "name");
    }

    @Test
    @DisplayName("d7 author a string, homepage http: Codex does not read them, warnings")
    void d7_fieldsCodexIgnores() {
      Seen seen = seed().set("author", "\"Jane Doe <jane@example.com>\"").set("homepage", "\"http://example.com\"")
          .set("repository", "5").set("license", "\"MIT\"").load();
      seen.warning(WRONG_TYPE, MANIFEST, "author");
      seen.warning(WRONG_TYPE, MANIFEST, "repository");
      seen.warning(NOT_HTTPS, MANIFEST, "homepage");
      assertThat(seen.accepted().manifest().license()).isEqualTo("MIT");
    }

    @Test
    @DisplayName("d8 apps an array, d30 a number: rejected")
    void d8_d30_apps() {
      seed().set("apps", "[\"./.app.json\"]").load().error(WRONG_TYPE, MANIFEST, "apps");
      SeedPlugin.in(dir, "d30").set("apps", "5").load().error(WRONG_TYPE, MANIFEST, "apps");
    }

    @Test
    @DisplayName("d29 apps without ./: warning, default .app.json read (d33: even when broken)")
    void d29_d33_appsWithoutDotSlash() {
      Seen seen = seed().set("apps", "\".app.json\"").load();
      seen.warning(BAD_PATH, MANIFEST, "apps");
      seen.accepted();
      assertThat(seen.apps()).containsExactly("jira");

      Seen broken = SeedPlugin.in(dir, "d33").set("apps", "\".app.json\"").file(".app.json", "{\"apps\": [1]}\n")
          .load();
      broken.warning(BAD_PATH, MANIFEST, "apps");
      broken.error(WRONG_TYPE, ".app.json", "apps");
    }

    @Test
    @DisplayName("d34 apps another valid file: the broken root .app.json is not read")
    void d34_appsOtherFile() {
      Seen seen = seed().set("apps", "\"./config/apps.json\"")
          .file("config/apps.json", "{\"apps\": {\"jira\": {\"id\": \"connector_jira\"}}}\n")
          .file(".app.json", "{\"apps\": [1]}\n").load().clean();
      assertThat(seen.apps()).containsExactly("jira");
    }

    @Test
    @DisplayName("d9 mcpServers an array: warning, default .mcp.json read")
    void d9_mcpServersArray() {
      Seen seen = seed().set("mcpServers", "[\"./.mcp.json\"]").load();
      seen.warning(WRONG_TYPE, MANIFEST, "mcpServers");
      seen.accepted();
      assertThat(seen.servers()).containsExactlyElementsIn(SEED_SERVERS);
    }

    @Test
    @DisplayName("d21 mcpServers without ./: warning, default read; d22 absent: default read")
    void d21_d22_mcpServersDefault() {
      Seen seen = seed().set("mcpServers", "\".mcp.json\"").load();
      seen.warning(BAD_PATH, MANIFEST, "mcpServers");
      assertThat(seen.servers()).containsExactlyElementsIn(SEED_SERVERS);
      Seen absent = SeedPlugin.in(dir, "d22").remove("mcpServers").load().clean();
      assertThat(absent.servers()).containsExactlyElementsIn(SEED_SERVERS);
    }

    @Test
    @DisplayName("d23 mcpServers a valid path to nothing: every server lost, error")
    void d23_mcpServersMissing() {
      Seen seen = seed().set("mcpServers", "\"./servers.json\"").load();
      seen.error(MISSING_FILE, MANIFEST, "mcpServers");
      assertThat(seen.servers()).isEmpty();
    }

    @Test
    @DisplayName("d24 mcpServers another file replaces .mcp.json")
    void d24_mcpServersOtherFile() {
      Seen seen = seed().set("mcpServers", "\"./config/servers.json\"")
          .file("config/servers.json", "{\"mcpServers\": {\"other\": {\"command\": \"node\", \"args\": [\"x.js\"]}}}")
          .load().clean();
      assertThat(seen.servers()).containsExactly("other");
    }

    @Test
    @DisplayName("d10 inline mcpServers, d10b with a wrapper: the root .mcp.json is ignored")
    void d10_inlineServers() {
      Seen seen = seed()
          .set("mcpServers", "{\"inline-srv\": {\"command\": \"node\", \"args\": [\"server.js\"], \"cwd\": \".\"}}")
          .load().clean();
      assertThat(seen.servers()).containsExactly("inline-srv");
      assertThat(seen.bundle().mcpServer("inline-srv").get().cwd()).isEqualTo(".");
      Seen wrapped = SeedPlugin.in(dir, "d10b")
          .set("mcpServers", "{\"mcpServers\": {\"inline-srv\": {\"command\": \"node\", \"args\": [\"server.js\"]}}}")
          .load();
      wrapped.accepted();
      assertThat(wrapped.servers()).containsExactly("inline-srv");
    }

    @Test
    @DisplayName("d11 unknown keys: accepted, warnings (Claude keys silently)")
    void d11_unknownKeys() {
      Seen seen = seed().set("$schema", "\"https://example.com/schema.json\"").set("fooBar", "{\"x\": 1}")
          .set("interface.fooBaz", "\"x\"").set("agents", "\"./agents/\"").set("commands", "[\"./commands/\"]")
          .load();
      seen.warning(UNKNOWN_KEY, MANIFEST, "fooBar");
      seen.warning(UNKNOWN_KEY, MANIFEST, "interface.fooBaz");
      assertThat(seen.findings()).hasSize(2);
      seen.accepted();
    }

    @Test
    @DisplayName("d12 brandColor red: accepted as is, warning")
    void d12_brandColor() {
      Seen seen = seed().set("interface.brandColor", "\"red\"").load();
      seen.warning(BAD_COLOR, MANIFEST, "interface.brandColor");
      assertThat(seen.accepted().manifest().ui().brandColor()).isEqualTo("red");
    }

    @Test
    @DisplayName("d13 defaultPrompt with a blank, a number and 5 strings: first three strings kept, warnings")
    void d13_defaultPrompts() {
      String y200 = "y".repeat(200);
      Seen seen = seed().set("interface.defaultPrompt",
          "[\"first\", \"" + y200 + "\", \"   \", 7, \"second\", \"third\", \"fourth\"]").load();
      seen.warning(DEFAULT_PROMPTS, MANIFEST, "interface.defaultPrompt[2]");
      seen.warning(WRONG_TYPE, MANIFEST, "interface.defaultPrompt[3]");
      seen.warning(DEFAULT_PROMPTS, MANIFEST, "interface.defaultPrompt");
      assertThat(seen.accepted().manifest().ui().defaultPrompts()).containsExactly("first", y200, "second")
          .inOrder();
    }

    @Test
    @DisplayName("d14 five prompts of up to 129 characters: first three kept, warnings only")
    void d14_longPrompts() {
      Seen seen = seed().set("interface.defaultPrompt",
          "[\"p1\", \"" + "a".repeat(128) + "\", \"" + "b".repeat(129) + "\", \"p4\", \"p5\"]").load();
      seen.warning(DEFAULT_PROMPTS, MANIFEST, "interface.defaultPrompt");
      seen.warning(DEFAULT_PROMPTS, MANIFEST, "interface.defaultPrompt[2]");
      assertThat(seen.accepted().manifest().ui().defaultPrompts()).containsExactly("p1", "a".repeat(128),
          "b".repeat(129)).inOrder();
    }

    @Test
    @DisplayName("d15 a missing logo, composerIcon without ./, a missing screenshot: accepted, warnings")
    void d15_assets() {
      Seen seen = seed().file("assets/shot1.png", "PNG").set("interface.logo", "\"./assets/logo.png\"")
          .set("interface.composerIcon", "\"assets/icon.png\"")
          .set("interface.screenshots", "[\"./assets/shot1.png\", \"./assets/missing.png\"]").load();
      seen.warning(MISSING_FILE, MANIFEST, "interface.logo");
      seen.warning(BAD_PATH, MANIFEST, "interface.composerIcon");
      seen.warning(MISSING_FILE, MANIFEST, "interface.screenshots[1]");
      assertThat(seen.accepted().manifest().ui().logo()).isEqualTo("./assets/logo.png");
    }

    @Test
    @DisplayName("d28 every interface field valid: clean")
    void d28_fullInterface() {
      Seen seen = seed().file("assets/logo.png", "PNG").file("assets/shot.png", "PNG")
          .set("keywords", "[\"review\",\"testing\"]")
          .set("author", "{\"name\":\"Jane\",\"email\":\"j@example.com\",\"url\":\"https://example.com\"}")
          .set("interface", """
              {"displayName":"Team Workflow Plugin","shortDescription":"Short","longDescription":"Long text",
               "developerName":"ACME","category":"productivity","capabilities":["code-review","testing"],
               "websiteURL":"https://example.com","privacyPolicyURL":"https://example.com/p",
               "termsOfServiceURL":"https://example.com/t","defaultPrompt":["Review my PR"],"brandColor":"#4F46E5",
               "composerIcon":"./assets/logo.png","logo":"./assets/logo.png","logoDark":"./assets/logo.png",
               "screenshots":["./assets/shot.png"]}""").load().clean();
      PluginManifest manifest = seen.accepted().manifest();
      assertThat(manifest.author()).hasValue(new PluginAuthor("Jane", "j@example.com", "https://example.com"));
      assertThat(manifest.keywords()).containsExactly("review", "testing").inOrder();
      assertThat(manifest.ui().termsOfServiceUrl()).isEqualTo("https://example.com/t");
      assertThat(manifest.ui().screenshots()).containsExactly("./assets/shot.png");
    }

    @Test
    @DisplayName("d31 plugin.json [] and d32 {}: accepted (version local), warnings")
    void d31_d32_emptyManifests() {
      Seen array = seed().file(MANIFEST, "[]\n").load();
      array.warning(WRONG_TYPE, MANIFEST, "");
      array.warning(MISSING, MANIFEST, "version");
      assertThat(array.accepted().skills()).hasSize(2);
      assertThat(array.servers()).containsExactlyElementsIn(SEED_SERVERS);

      Seen object = SeedPlugin.in(dir, "d32").file(MANIFEST, "{}\n").load();
      object.warning(MISSING, MANIFEST, "name");
      object.warning(MISSING, MANIFEST, "version");
      assertThat(object.accepted().skills()).hasSize(2);
    }

    @Test
    @DisplayName("a manifest that is a string or a non-empty array: rejected")
    void otherNonObjectManifests() {
      seed().file(MANIFEST, "\"x\"\n").load().error(WRONG_TYPE, MANIFEST, "");
      SeedPlugin.in(dir, "arr").file(MANIFEST, "[1]\n").load().error(WRONG_TYPE, MANIFEST, "");
    }
  }

  // ------------------------------------------------------------------------------------------ 2e

  /** Lab 2e: .mcp.json. A bad server drops only that server; an unreadable file drops them all. */
  @Nested
  class McpConfig {
    Seen withMcp(String json) {
      return seed().file(".mcp.json", json).load();
    }

    @Test
    @DisplayName("e1 truncated JSON, e13 an empty file: every server lost")
    void e1_e13_unreadable() {
      Seen truncated = withMcp("{ \"mcpServers\": { \"github\": { \"command\": \"npx\"\n");
      truncated.error(BAD_JSON, ".mcp.json", "");
      assertThat(truncated.servers()).isEmpty();
      assertThat(truncated.skills()).containsExactlyElementsIn(SEED_SKILLS);
      Seen empty = SeedPlugin.in(dir, "e13").file(".mcp.json", "").load();
      empty.error(BAD_JSON, ".mcp.json", "");
      assertThat(empty.servers()).isEmpty();
    }

    @Test
    @DisplayName("e15 a BOM: every server lost")
    void e15_bom() {
      Seen seen = seed().bytes(".mcp.json", ("\uFEFF" + SeedPlugin.MCP).getBytes(StandardCharsets.UTF_8)).load();
      seen.error(BAD_ENCODING, ".mcp.json", "");
      assertThat(seen.servers()).isEmpty();
    }

    @Test
    @DisplayName("e2 command and url: that server dropped")
    void e2_commandAndUrl() {
      Seen seen = withMcp("{\"mcpServers\": {\"both\": {\"command\": \"npx\", \"args\": [\"-y\",\"x\"], "
          + "\"url\": \"https://mcp.example.com/mcp\"}, \"good\": {\"command\": \"node\", \"args\": [\"g.js\"]}}}");
      seen.error(TRANSPORT, ".mcp.json", "mcpServers.both");
      assertThat(seen.servers()).containsExactly("good");
    }

    @Test
    @DisplayName("e3 neither command nor url: that server dropped")
    void e3_neither() {
      Seen seen = withMcp("{\"mcpServers\": {\"neither\": {\"args\": [\"x\"]}, "
          + "\"good\": {\"command\": \"node\", \"args\": [\"g.js\"]}}}");
      seen.error(TRANSPORT, ".mcp.json", "mcpServers.neither");
      assertThat(seen.servers()).containsExactly("good");
    }

    @Test
    @DisplayName("e4 args a string: that server dropped")
    void e4_argsString() {
      Seen seen = withMcp("{\"mcpServers\": {\"strargs\": {\"command\": \"npx\", \"args\": \"-y pkg\"}, "
          + "\"good\": {\"command\": \"node\", \"args\": [\"g.js\"]}}}");
      seen.error(WRONG_TYPE, ".mcp.json", "mcpServers.strargs.args");
      assertThat(seen.servers()).containsExactly("good");
    }

    @Test
    @DisplayName("e5 an env value that is a number: that server dropped")
    void e5_envNumber() {
      Seen seen = withMcp("{\"mcpServers\": {\"numenv\": {\"command\": \"node\", \"args\": [\"s.js\"], "
          + "\"env\": {\"PORT\": 8080, \"MODE\": \"x\"}}, \"good\": {\"command\": \"node\", \"args\": [\"g.js\"]}}}");
      seen.error(WRONG_TYPE, ".mcp.json", "mcpServers.numenv.env.PORT");
      assertThat(seen.servers()).containsExactly("good");
    }

    @Test
    @DisplayName("e6 an unknown key, type: stdio: all kept, warnings")
    void e6_unknownKeys() {
      Seen seen = withMcp("{\"mcpServers\": {\"unk\": {\"command\": \"node\", \"args\": [\"s.js\"], \"foo\": \"bar\"},"
          + " \"typed\": {\"type\": \"stdio\", \"command\": \"node\", \"args\": [\"t.js\"]},"
          + " \"good\": {\"command\": \"node\", \"args\": [\"g.js\"]}}}");
      seen.warning(UNKNOWN_KEY, ".mcp.json", "mcpServers.unk.foo");
      seen.warning(UNKNOWN_KEY, ".mcp.json", "mcpServers.typed.type");
      seen.accepted();
      assertThat(seen.servers()).containsExactly("good", "typed", "unk").inOrder();
    }

    @Test
    @DisplayName("e7 no mcpServers wrapper: read anyway, warning")
    void e7_noWrapper() {
      Seen seen = withMcp("{\"github\": {\"command\": \"npx\", \"args\": [\"-y\", \"x\"]}, "
          + "\"slack\": {\"command\": \"npx\", \"args\": [\"-y\", \"y\"]}}");
      seen.warning(DISCOURAGED, ".mcp.json", "");
      seen.accepted();
      assertThat(seen.servers()).containsExactlyElementsIn(SEED_SERVERS);
    }

    @Test
    @DisplayName("e9 relative, escaping and absolute cwd: accepted, warnings for .. and absolute")
    void e9_cwd() {
      Seen seen = withMcp("""
          {"mcpServers": {"dot": {"command": "node", "args": ["server/index.js"], "cwd": "."},
            "dotsub": {"command": "node", "args": ["index.js"], "cwd": "./server"},
            "bare": {"command": "node", "args": ["index.js"], "cwd": "server"},
            "up": {"command": "node", "args": ["x.js"], "cwd": "../x"},
            "abs": {"command": "node", "args": ["x.js"], "cwd": "/opt/x"}}}""");
      seen.warning(BAD_CWD, ".mcp.json", "mcpServers.up.cwd");
      seen.warning(BAD_CWD, ".mcp.json", "mcpServers.abs.cwd");
      seen.accepted();
      assertThat(seen.servers()).containsExactly("abs", "bare", "dot", "dotsub", "up").inOrder();
    }

    @Test
    @DisplayName("e17 a relative command without cwd never starts: error")
    void e17_relativeCommandWithoutCwd() {
      Seen seen = withMcp("{\"mcpServers\": {\"scriptnocwd\": {\"command\": \"./bin/run.sh\", \"args\": []},"
          + " \"script\": {\"command\": \"./bin/run.sh\", \"args\": [], \"cwd\": \".\"}}}");
      assertThat(seen.error(MISSING, ".mcp.json", "mcpServers.scriptnocwd.cwd").message()).contains("\"cwd\": \".\"");
      assertThat(seen.findings().stream().filter(f -> f.field().startsWith("mcpServers.script.")).toList()).isEmpty();
    }

    @Test
    @DisplayName("e10 the Claude dialect: accepted, placeholders and headers not honoured, warnings")
    void e10_claudeDialect() {
      Seen seen = withMcp("{\"mcpServers\": {\"local\": {\"command\": \"${CLAUDE_PLUGIN_ROOT}/bin/run.sh\", "
          + "\"args\": [\"${CLAUDE_PLUGIN_ROOT}/lib/a.jar\"], \"env\": {\"TOKEN\": \"${MY_TOKEN:-none}\"}}, "
          + "\"remote\": {\"type\": \"http\", \"url\": \"https://mcp.example.com/mcp\", "
          + "\"headers\": {\"Authorization\": \"Bearer ${TOKEN}\"}}}}");
      seen.warning(PLACEHOLDER, ".mcp.json", "mcpServers.local.command");
      seen.warning(PLACEHOLDER, ".mcp.json", "mcpServers.local.args[0]");
      seen.warning(PLACEHOLDER, ".mcp.json", "mcpServers.local.env.TOKEN");
      seen.warning(UNKNOWN_KEY, ".mcp.json", "mcpServers.remote.headers");
      seen.accepted();
      assertThat(seen.servers()).containsExactly("local", "remote").inOrder();
      assertThat(seen.bundle().mcpServer("remote").get().httpHeaders()).isEmpty();
    }

    @Test
    @DisplayName("e11 HTTP servers and every shared option")
    void e11_httpAndOptions() {
      Seen seen = withMcp("""
          {"mcpServers": {"tracker": {"url": "https://mcp.example.com/mcp", "bearer_token_env_var": "TRACKER_TOKEN",
              "http_headers": {"X-Team": "a"}, "env_http_headers": {"X-Key": "KEY_ENV"}},
            "sh": {"type": "streamable_http", "url": "https://mcp2.example.com/mcp"},
            "opts": {"command": "node", "args": ["o.js"], "enabled": false, "required": true,
              "startup_timeout_sec": 20, "tool_timeout_sec": 60, "enabled_tools": ["a"], "disabled_tools": ["b"]}}}""");
      PluginBundle bundle = seen.accepted();
      assertThat(seen.servers()).containsExactly("opts", "sh", "tracker").inOrder();
      McpServerSpec tracker = bundle.mcpServer("tracker").get();
      assertThat(tracker.transport()).isEqualTo(McpServerSpec.Transport.HTTP);
      assertThat(tracker.requiredEnvironment()).containsExactly("KEY_ENV", "TRACKER_TOKEN").inOrder();
      McpServerSpec opts = bundle.mcpServer("opts").get();
      assertThat(opts.enabled()).hasValue(false);
      assertThat(opts.startupTimeoutSec()).hasValue(20.0);
      assertThat(opts.disabledTools()).containsExactly("b");
    }

    @Test
    @DisplayName("e12 an empty map: no server, no error")
    void e12_emptyMap() {
      Seen seen = withMcp("{\"mcpServers\": {}}");
      seen.accepted();
      assertThat(seen.servers()).isEmpty();
    }

    @Test
    @DisplayName("e14 odd server names: accepted, warnings")
    void e14_serverNames() {
      Seen seen = withMcp("{\"mcpServers\": {\"my.server\": {\"command\": \"node\"}, \"my server\": "
          + "{\"command\": \"node\"}, \"MyServer\": {\"command\": \"node\"}, \"ok_name-1\": {\"command\": \"node\"}}}");
      seen.warning(BAD_KEY, ".mcp.json", "mcpServers.my server");
      seen.warning(BAD_KEY, ".mcp.json", "mcpServers.my.server");
      seen.accepted();
      assertThat(seen.servers()).hasSize(4);
    }

    @Test
    @DisplayName("e16 env_vars as objects: accepted, warning")
    void e16_envVarObjects() {
      Seen seen = withMcp("{\"mcpServers\": {\"ev\": {\"command\": \"node\", \"env_vars\": [{\"name\": \"A\"}]}, "
          + "\"good\": {\"command\": \"node\", \"args\": [\"g.js\"]}}}");
      seen.warning(WRONG_TYPE, ".mcp.json", "mcpServers.ev.env_vars[0]");
      seen.accepted();
      assertThat(seen.bundle().mcpServer("ev").get().envVars()).containsExactly("A");
    }
  }

  // ------------------------------------------------------------------------------------------ 2f

  /** Lab 2f: .app.json. One bad entry drops the whole file. */
  @Nested
  class AppConfig {
    Seen withApps(String json) {
      return seed().file(".app.json", json).load();
    }

    @Test
    @DisplayName("f1 apps an array: every app lost")
    void f1_array() {
      Seen seen = withApps("{\"apps\": [{\"id\": \"connector_jira\"}]}");
      seen.error(WRONG_TYPE, ".app.json", "apps");
      assertThat(seen.apps()).isEmpty();
    }

    @Test
    @DisplayName("f2 one entry without id: every app lost, the valid one too")
    void f2_missingId() {
      Seen seen = withApps("{\"apps\": {\"jira\": {\"category\": \"productivity\"}, \"ok\": {\"id\": \"connector_ok\"}}}");
      seen.error(MISSING, ".app.json", "apps.jira.id");
      assertThat(seen.apps()).isEmpty();
    }

    @Test
    @DisplayName("f3 invalid JSON: every app lost")
    void f3_invalidJson() {
      Seen seen = withApps("{\"apps\": {\n");
      seen.error(BAD_JSON, ".app.json", "");
      assertThat(seen.apps()).isEmpty();
    }

    @Test
    @DisplayName("f4 no apps key in the manifest: .app.json read by default")
    void f4_readByDefault() {
      Seen seen = seed().remove("apps").file(".app.json", "{\"apps\": [1]}\n").load();
      seen.error(WRONG_TYPE, ".app.json", "apps");
      Seen fine = SeedPlugin.in(dir, "f4ok").remove("apps").load().clean();
      assertThat(fine.apps()).containsExactly("jira");
    }

    @Test
    @DisplayName("f5 no apps wrapper: Codex reads no app, error")
    void f5_noWrapper() {
      Seen seen = withApps("{\"jira\": {\"id\": \"connector_jira\"}}");
      seen.error(MISSING, ".app.json", "apps");
      assertThat(seen.apps()).isEmpty();
    }

    @Test
    @DisplayName("f6 id a number: every app lost")
    void f6_idNumber() {
      Seen seen = withApps("{\"apps\": {\"jira\": {\"id\": 5}, \"ok\": {\"id\": \"connector_ok\"}}}");
      seen.error(WRONG_TYPE, ".app.json", "apps.jira.id");
      assertThat(seen.apps()).isEmpty();
    }

    @Test
    @DisplayName("Codex reads only id: a wrong type elsewhere is a warning")
    void onlyIdMatters() {
      Seen seen = withApps("{\"apps\": {\"jira\": {\"id\": \"connector_jira\", \"category\": 5}}}");
      seen.warning(WRONG_TYPE, ".app.json", "apps.jira.category");
      assertThat(seen.accepted().apps()).hasSize(1);
    }
  }

  // ------------------------------------------------------------------------------------------ 2g

  /** Lab 2g: hooks. A schema error drops the whole file; other problems drop one part. */
  @Nested
  class Hooks {
    Seen withHooks(String json) {
      return seed().file("hooks/hooks.json", json).load();
    }

    @Test
    @DisplayName("g1 hooks/hooks.json is read by default")
    void g1_default() {
      Seen seen = withHooks("""
          { "hooks": { "PreToolUse": [ { "matcher": "Bash",
                "hooks": [ { "type": "command", "command": "${PLUGIN_ROOT}/hooks/check.sh", "timeout": 30,
                             "statusMessage": "Checking" } ] } ],
            "SessionStart": [ { "hooks": [ { "type": "command", "command": "./hooks/check.sh" } ] } ] } }""")
          .clean();
      assertThat(seen.hooks()).containsExactly("PreToolUse[Bash]: ${PLUGIN_ROOT}/hooks/check.sh",
          "SessionStart: ./hooks/check.sh").inOrder();
      HookSpec first = seen.accepted().hooks().get(0);
      assertThat(first.timeoutSec()).hasValue(30);
      assertThat(first.statusMessage()).isEqualTo("Checking");
    }

    @Test
    @DisplayName("g2 an unknown event and a wrong-case event: those dropped, error")
    void g2_unknownEvents() {
      Seen seen = withHooks("""
          { "hooks": { "OnFoo": [ { "hooks": [ { "type": "command", "command": "echo foo" } ] } ],
            "preToolUse": [ { "hooks": [ { "type": "command", "command": "echo lower" } ] } ],
            "PreToolUse": [ { "matcher": "Bash", "hooks": [ { "type": "command", "command": "echo valid" } ] } ] } }""");
      // Codex ignores hooks of events it does not know and keeps the plugin (issue 12: claude-security's
      // UserPromptExpansion): a warning, and the other hooks stay.
      seen.warning(UNKNOWN_EVENT, "hooks/hooks.json", "hooks.OnFoo");
      seen.warning(UNKNOWN_EVENT, "hooks/hooks.json", "hooks.preToolUse");
      seen.accepted();
      assertThat(seen.hooks()).containsExactly("PreToolUse[Bash]: echo valid");
    }

    @Test
    @DisplayName("g16 Claude-only hook fields (if, asyncRewake, rewake*): the hook stays, unconditional, warning")
    void g16_claudeOnlyHookFields() {
      Seen seen = withHooks("""
          { "hooks": { "PreToolUse": [ { "matcher": "Bash", "hooks": [
                { "type": "command", "command": "./hooks/guard.sh", "if": "Bash(rm *)" },
                { "type": "command", "command": "./hooks/wake.sh", "asyncRewake": true,
                  "rewakeMessage": "m", "rewakeSummary": "s" } ] } ] } }""");
      seen.warning(FindingCode.IGNORED_HOOK_FIELD, "hooks/hooks.json", "hooks.PreToolUse[0].hooks[0].if");
      seen.warning(FindingCode.IGNORED_HOOK_FIELD, "hooks/hooks.json", "hooks.PreToolUse[0].hooks[1].asyncRewake");
      seen.warning(FindingCode.IGNORED_HOOK_FIELD, "hooks/hooks.json", "hooks.PreToolUse[0].hooks[1].rewakeMessage");
      seen.warning(FindingCode.IGNORED_HOOK_FIELD, "hooks/hooks.json", "hooks.PreToolUse[0].hooks[1].rewakeSummary");
      String message = seen.findings().stream().filter(f -> f.field().endsWith(".if")).findFirst().orElseThrow()
          .toString();
      assertThat(message).contains("PreToolUse[Bash] hook \"./hooks/guard.sh\"");
      assertThat(message).contains("runs this hook on every PreToolUse matching \"Bash\"");
      assertThat(seen.hooks()).containsExactly("PreToolUse[Bash]: ./hooks/guard.sh", "PreToolUse[Bash]: ./hooks/wake.sh")
          .inOrder();
    }

    @Test
    @DisplayName("g17 a hook without Claude-only fields: no IgnoredHookField")
    void g17_noClaudeOnlyHookFields() {
      Seen seen = withHooks("""
          { "hooks": { "PreToolUse": [ { "matcher": "Bash", "hooks": [
                { "type": "command", "command": "./hooks/guard.sh", "statusMessage": "if" } ] } ] } }""");
      assertThat(seen.findings().stream().filter(f -> f.code() == FindingCode.IGNORED_HOOK_FIELD).toList()).isEmpty();
    }

    @Test
    @DisplayName("g10 all 14 events load; Notification is not one")
    void g10_allEvents() {
      List<String> events = List.of("PreToolUse", "PostToolUse", "PermissionRequest", "SessionStart", "SessionEnd",
          "UserPromptSubmit", "Stop", "SubagentStart", "SubagentStop", "PreCompact", "PostCompact", "Notification",
          "PreModelRequest", "PostModelRequest", "Interrupt");
      StringBuilder json = new StringBuilder("{\"hooks\": {");
      for (String event : events) {
        json.append(event.equals("PreToolUse") ? "" : ", ").append('"').append(event)
            .append("\": [{\"hooks\": [{\"type\": \"command\", \"command\": \"echo ").append(event).append("\"}]}]");
      }
      Seen seen = withHooks(json.append("}}").toString());
      seen.warning(UNKNOWN_EVENT, "hooks/hooks.json", "hooks.Notification");
      assertThat(seen.hooks()).hasSize(14);
      assertThat(seen.hooks()).doesNotContain("Notification: echo Notification");
    }

    @Test
    @DisplayName("g3 an invalid matcher: that group dropped, error")
    void g3_badRegex() {
      Seen seen = withHooks("""
          { "hooks": { "PreToolUse": [
              { "matcher": "Bash(", "hooks": [ { "type": "command", "command": "echo bad" } ] },
              { "matcher": "Edit|Write", "hooks": [ { "type": "command", "command": "echo good" } ] } ] } }""");
      seen.error(BAD_REGEX, "hooks/hooks.json", "hooks.PreToolUse[0].matcher");
      assertThat(seen.hooks()).containsExactly("PreToolUse[Edit|Write]: echo good");
    }

    @Test
    @DisplayName("g4 malformed JSON, g7 no hooks wrapper: the whole file dropped")
    void g4_g7_unreadable() {
      Seen malformed = withHooks("{ \"hooks\": { \"PreToolUse\": [ \n");
      malformed.error(BAD_JSON, "hooks/hooks.json", "");
      assertThat(malformed.hooks()).isEmpty();
      Seen bare = SeedPlugin.in(dir, "g7").file("hooks/hooks.json", "{ \"PreToolUse\": [ { \"matcher\": \"Bash\", "
          + "\"hooks\": [ { \"type\": \"command\", \"command\": \"echo nowrap\" } ] } ] }").load();
      bare.error(UNKNOWN_KEY, "hooks/hooks.json", "PreToolUse");
      assertThat(bare.hooks()).isEmpty();
    }

    @Test
    @DisplayName("g8 an unknown handler type: the whole file dropped")
    void g8_unknownType() {
      Seen seen = withHooks("""
          { "hooks": { "PreCompact": [ { "hooks": [ { "type": "weird", "command": "echo" } ] } ],
            "PermissionRequest": [ { "hooks": [ { "type": "command", "command": "echo ok-perm" } ] } ] } }""");
      seen.error(WRONG_TYPE, "hooks/hooks.json", "hooks.PreCompact[0].hooks[0].type");
      assertThat(seen.hooks()).isEmpty();
    }

    @Test
    @DisplayName("g9 a command handler without command: the whole file dropped")
    void g9_missingCommand() {
      Seen seen = withHooks("""
          { "description": "my hooks",
            "hooks": { "PostCompact": [ { "hooks": [ { "type": "command" } ] } ],
            "PermissionRequest": [ { "hooks": [ { "type": "command", "command": "echo ok-perm", "foo": 1 } ] } ] } }""");
      seen.error(MISSING, "hooks/hooks.json", "hooks.PostCompact[0].hooks[0].command");
      assertThat(seen.hooks()).isEmpty();
    }

    @Test
    @DisplayName("g11 timeout a string: the whole file dropped")
    void g11_timeoutString() {
      Seen seen = withHooks("""
          { "hooks": { "PostToolUse": [ { "hooks": [ { "type": "command", "command": "echo t", "timeout": "30" } ] } ],
            "PermissionRequest": [ { "hooks": [ { "type": "command", "command": "echo ok-perm" } ] } ] } }""");
      seen.error(WRONG_TYPE, "hooks/hooks.json", "hooks.PostToolUse[0].hooks[0].timeout");
      assertThat(seen.hooks()).isEmpty();
    }

    @Test
    @DisplayName("g12 unknown handler keys accepted; an mcp_tool handler is not modelled (warning)")
    void g12_unknownHandlerKeysAndMcpTool() {
      Seen seen = withHooks("""
          { "hooks": { "PermissionRequest": [ { "hooks": [
                { "type": "command", "command": "echo ok-perm", "foo": 1, "async": true } ] } ],
            "Stop": [ { "hooks": [ { "type": "mcp_tool", "server": "github", "tool": "get_issue" } ] } ] } }""");
      seen.warning(UNKNOWN_KEY, "hooks/hooks.json", "hooks.Stop[0].hooks[0].type");
      seen.accepted();
      assertThat(seen.hooks()).containsExactly("PermissionRequest: echo ok-perm");
    }

    @Test
    @DisplayName("g13 prompt and agent handlers: skipped (error), the rest kept")
    void g13_promptAndAgent() {
      Seen seen = withHooks("""
          { "hooks": { "Stop": [ { "hooks": [ { "type": "prompt", "prompt": "Are we done?" } ] } ],
            "SubagentStop": [ { "hooks": [ { "type": "agent", "prompt": "x" } ] } ],
            "PreToolUse": [ { "matcher": "Bash", "hooks": [ { "type": "command", "command": "echo ok" } ] } ] } }""");
      seen.error(WRONG_TYPE, "hooks/hooks.json", "hooks.Stop[0].hooks[0].type");
      seen.error(WRONG_TYPE, "hooks/hooks.json", "hooks.SubagentStop[0].hooks[0].type");
      assertThat(seen.hooks()).containsExactly("PreToolUse[Bash]: echo ok");
    }

    @Test
    @DisplayName("g5 a hooks path replaces the default file")
    void g5_pathReplacesDefault() {
      Seen seen = seed()
          .file("hooks/hooks.json", "{\"hooks\": {\"Stop\": [{\"hooks\": [{\"type\": \"command\", \"command\": \"echo from-default\"}]}]}}")
          .file("config/my-hooks.json", "{\"hooks\": {\"SessionEnd\": [{\"hooks\": [{\"type\": \"command\", \"command\": \"echo from-config\"}]}]}}")
          .set("hooks", "\"./config/my-hooks.json\"").load();
      seen.warning(DISCOURAGED, MANIFEST, "hooks");
      seen.accepted();
      assertThat(seen.hooks()).containsExactly("SessionEnd: echo from-config");
    }

    @Test
    @DisplayName("g6 inline hooks in plugin.json")
    void g6_inline() {
      Seen seen = seed().set("hooks",
          "{\"hooks\": {\"UserPromptSubmit\": [{\"hooks\": [{\"type\": \"command\", \"command\": \"echo inline\"}]}]}}")
          .load();
      seen.accepted();
      assertThat(seen.hooks()).containsExactly("UserPromptSubmit: echo inline");
    }

    @Test
    @DisplayName("g14 a hooks path without ./: warning, default used")
    void g14_withoutDotSlash() {
      Seen seen = seed()
          .file("hooks/hooks.json", "{\"hooks\": {\"Stop\": [{\"hooks\": [{\"type\": \"command\", \"command\": \"echo from-default\"}]}]}}")
          .set("hooks", "\"hooks/hooks.json\"").load();
      seen.warning(BAD_PATH, MANIFEST, "hooks");
      seen.accepted();
      assertThat(seen.hooks()).containsExactly("Stop: echo from-default");
    }

    @Test
    @DisplayName("g15 a hooks path to nothing: every hook lost, error")
    void g15_missing() {
      Seen seen = seed()
          .file("hooks/hooks.json", "{\"hooks\": {\"Stop\": [{\"hooks\": [{\"type\": \"command\", \"command\": \"echo x\"}]}]}}")
          .set("hooks", "\"./missing.json\"").load();
      seen.error(MISSING_FILE, MANIFEST, "hooks");
      assertThat(seen.hooks()).isEmpty();
    }
  }

  // ------------------------------------------------------------------------------------------ 2h

  /** Lab 2h: which manifest. {@code .codex-plugin} > {@code .claude-plugin} > {@code .cursor-plugin}. */
  @Nested
  class ManifestLocation {
    @Test
    @DisplayName("h1 only .claude-plugin/plugin.json: skills and servers found")
    void h1_claudeOnly() {
      Seen seen = seed().move(MANIFEST, ".claude-plugin/plugin.json").delete(".codex-plugin").load().clean();
      PluginBundle bundle = seen.accepted();
      assertThat(bundle.version()).isEqualTo("1.0.0");
      assertThat(seen.skills()).containsExactlyElementsIn(SEED_SKILLS);
      assertThat(seen.servers()).containsExactlyElementsIn(SEED_SERVERS);
    }

    @Test
    @DisplayName("h1b a Claude-style manifest: default locations used")
    void h1b_claudeStyle() {
      Seen seen = seed().delete(".codex-plugin").file(".claude-plugin/plugin.json",
          "{\"name\": \"team-workflow-plugin\", \"version\": \"1.0.0\", \"description\": \"Claude-style\", "
              + "\"author\": {\"name\": \"Jane\"}}").load().clean();
      assertThat(seen.accepted().manifest().description()).isEqualTo("Claude-style");
      assertThat(seen.skills()).containsExactlyElementsIn(SEED_SKILLS);
      assertThat(seen.servers()).containsExactlyElementsIn(SEED_SERVERS);
      assertThat(seen.apps()).containsExactly("jira");
    }

    @Test
    @DisplayName("h2 both manifests: .codex-plugin wins")
    void h2_both() {
      Seen seen = seed().file(".claude-plugin/plugin.json", "{\"name\": \"team-workflow-plugin\", \"version\": "
              + "\"9.9.9\", \"description\": \"from-claude\", \"skills\": \"./claude-skills/\"}")
          .simpleSkill("claude-skills/claude-only", "claude-only", "Only in claude-skills.").load().clean();
      assertThat(seen.accepted().version()).isEqualTo("1.0.0");
      assertThat(seen.skills()).containsExactlyElementsIn(SEED_SKILLS);
    }

    @Test
    @DisplayName("h5 an invalid .codex-plugin and a valid .claude-plugin: rejected, no fallback")
    void h5_noFallback() {
      SeedPlugin seed = seed();
      Seen seen = seed.file(".claude-plugin/plugin.json", seed.read(MANIFEST)).file(MANIFEST, "{ broken\n").load();
      seen.error(BAD_JSON, MANIFEST, "");
      assertThat(seen.result().bundles()).isEmpty();
    }

    @Test
    @DisplayName("h6 .cursor-plugin and .claude-plugin: .claude-plugin wins; h6b .cursor-plugin alone")
    void h6_cursor() {
      Seen both = seed().delete(".codex-plugin")
          .file(".cursor-plugin/plugin.json", "{\"name\": \"team-workflow-plugin\", \"version\": \"3.3.3\", \"description\": \"cursor\"}")
          .file(".claude-plugin/plugin.json", "{\"name\": \"team-workflow-plugin\", \"version\": \"2.2.2\", \"description\": \"claude\"}")
          .load().clean();
      assertThat(both.accepted().version()).isEqualTo("2.2.2");
      Seen cursor = SeedPlugin.in(dir, "h6b").delete(".codex-plugin")
          .file(".cursor-plugin/plugin.json", "{\"name\": \"team-workflow-plugin\", \"version\": \"3.3.3\", \"description\": \"cursor\"}")
          .load().clean();
      assertThat(cursor.accepted().version()).isEqualTo("3.3.3");
    }

    @Test
    @DisplayName("h4 no manifest at all: installed as version local, named after the folder; warning")
    void h4_noManifest() {
      Seen seen = seed().delete(".codex-plugin").load();
      seen.warning(NO_BUNDLE, MANIFEST, "");
      PluginBundle bundle = seen.accepted();
      assertThat(bundle.qualifiedSkillNames()).contains("team-workflow-plugin:code-review");
      assertThat(bundle.version()).isEmpty();
      assertThat(seen.servers()).containsExactlyElementsIn(SEED_SERVERS);
      assertThat(seen.apps()).containsExactly("jira");
    }

    @Test
    @DisplayName("h4 a folder with no manifest and nothing Codex reads is no plugin")
    void h4_nothingAtAll() {
      Seen seen = SeedPlugin.empty(dir, "empty").file("README.md", "hello").load();
      seen.error(NO_BUNDLE, "", "");
    }

    @Test
    @DisplayName("h3 a root plugin.json with another $schema, h3b without: ignored")
    void h3_h3b_rootManifestIgnored() {
      for (String schema : List.of("\"$schema\": \"https://agentplugins.dev/schema/plugin.json\", ", "")) {
        Seen seen = SeedPlugin.in(dir, "h3" + schema.length())
            .file("plugin.json", "{" + schema + "\"name\": \"team-workflow-plugin\", \"version\": \"7.7.7\", "
                + "\"description\": \"from-root\", \"skills\": \"./root-skills/\"}")
            .simpleSkill("root-skills/root-only", "root-only", "Only in root-skills.").load().clean();
        assertThat(seen.accepted().version()).isEqualTo("1.0.0");
        assertThat(seen.skills()).containsExactlyElementsIn(SEED_SKILLS);
      }
    }

    @Test
    @DisplayName("h3c a root plugin.json with the agent-plugins.org $schema overrides everything: error")
    void h3c_agentPluginsManifest() {
      Seen seen = seed().file("plugin.json", "{\"$schema\": \"https://agent-plugins.org/schemas/1.0.0/plugin.schema.json\", "
          + "\"name\": \"team-workflow-plugin\", \"version\": \"7.7.7\", \"description\": \"from-root\"}").load();
      assertThat(seen.error(DISCOURAGED, "plugin.json", "$schema").message()).contains(".mcp.json");
    }

    @Test
    @DisplayName("h3e only a root plugin.json with a wrong $schema: like no manifest")
    void h3e_wrongSchemaOnly() {
      Seen seen = seed().delete(".codex-plugin").file("plugin.json",
          "{\"$schema\": \"https://example.com/x.json\", \"name\": \"team-workflow-plugin\", \"version\": \"7.7.7\"}")
          .load();
      seen.warning(NO_BUNDLE, MANIFEST, "");
      assertThat(seen.accepted().version()).isEmpty();
    }
  }

  @Test
  @DisplayName("every finding names its file and field and says how to fix it")
  void messagesFollowTheHouseFormat() {
    Seen seen = seed().set("version", "1").set("interface.brandColor", "\"red\"").load();
    Finding error = seen.error(WRONG_TYPE, MANIFEST, "version");
    assertThat(error.toString()).isEqualTo("[codexplugin:WrongType] " + dir.resolve("team-workflow-plugin")
        + "/.codex-plugin/plugin.json: version must be a string; found a number. Write a string; Codex rejects the"
        + " file otherwise.");
    Optional<Finding> warning = seen.findings().stream().filter(f -> f.code() == BAD_COLOR).findFirst();
    assertThat(warning.get().toString()).contains("warning: ");
    assertThat(warning.get().toString()).endsWith("interface.brandColor must be a #RRGGBB hex color; found"
        + " \"red\". Use six hex digits, e.g. \"#4F46E5\".");
  }
}
