package dev.codexplugin.runtime;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands and agents read as the hosts do, on the real plugins of the e2e corpus and on small cases. */
class CommandsAndAgentsTest {
  private static final Path CORPUS = Path.of("../e2e-tests/src/test/corpus");

  @TempDir Path tmp;

  private static PluginBundle corpus(String plugin) throws PluginLoadException {
    return PluginLoader.load(CORPUS.resolve(plugin)).get(0);
  }

  private static List<String> codexSkills(PluginBundle b) {
    return b.commands().stream().map(CommandSpec::codexSkill).filter(s -> !s.isEmpty()).toList();
  }

  private static <T> List<String> map(List<T> items, Function<T, String> f) {
    return items.stream().map(f).toList();
  }

  private static List<Finding> agentFindings(PluginBundle b) {
    return b.warnings().stream().filter(f -> f.code() == FindingCode.AGENT_FRONT_MATTER).toList();
  }

  @Test
  void hookifyCommandsAreSkillsInClaudeAndTwoOfThemInCodex() throws Exception {
    PluginBundle hookify = corpus("anthropics-claude-code/plugins/hookify");
    assertThat(map(hookify.commands(), CommandSpec::claudeSkill))
        .containsExactly("configure", "help", "hookify", "list").inOrder();
    // help.md would give a SKILL.md over 4,000 bytes; hookify.md uses $ARGUMENTS.
    assertThat(codexSkills(hookify)).containsExactly("source-command-configure", "source-command-list").inOrder();
    CommandSpec hook = hookify.commands().get(2);
    assertThat(hook.file()).isEqualTo("commands/hookify.md");
    assertThat(hook.argumentHint()).isEqualTo("Optional specific behavior to address");
    assertThat(hook.allowedTools().subList(0, 2)).containsExactly("Read", "Write").inOrder();
    assertThat(map(hookify.agents(), AgentSpec::name)).containsExactly("conversation-analyzer");
    assertThat(hookify.agents().get(0).frontMatterRead()).isTrue();
    assertThat(hookify.agents().get(0).description()).isNotEmpty();
  }

  @Test
  void theCommandsCodexMigratesInTheCorpus() throws Exception {
    assertThat(codexSkills(corpus("anthropics-claude-code/plugins/ralph-wiggum")))
        .containsExactly("source-command-cancel-ralph", "source-command-help").inOrder();
    assertThat(codexSkills(corpus("anthropics-claude-plugins-official/plugins/claude-md-management")))
        .containsExactly("source-command-revise-claude-md");
    assertThat(codexSkills(corpus("anthropics-claude-plugins-official/plugins/cwc-makers")))
        .containsExactly("source-command-maker-setup");
    assertThat(codexSkills(corpus("anthropics-claude-code/plugins/commit-commands"))).isEmpty();
    assertThat(codexSkills(corpus("anthropics-claude-code/plugins/code-review"))).isEmpty();
    List<String> zoom = codexSkills(corpus("openai-plugins/plugins/zoom"));
    // Every command but _conventions.md (no front matter); docs/research/fidelity-2026-12.md §4 counts 24.
    assertThat(zoom).hasSize(25);
    assertThat(zoom).contains("source-command-build-zoom-bot");
    // allowed-tools as one comma-separated text, commas inside parentheses kept
    CommandSpec review = corpus("anthropics-claude-code/plugins/code-review").commands().get(0);
    assertThat(review.allowedTools().get(0)).isEqualTo("Bash(gh issue view:*)");
  }

  @Test
  void agentFrontMatterClaudeCannotParseIsAWarning() throws Exception {
    LoadResult result = PluginLoader.check(CORPUS.resolve("anthropics-claude-code/plugins/pr-review-toolkit"));
    PluginBundle toolkit = result.bundles().get(0);
    AgentSpec simplifier = toolkit.agents().stream().filter(a -> a.file().equals("agents/code-simplifier.md"))
        .findFirst().orElseThrow();
    assertThat(simplifier.name()).isEqualTo("code-simplifier");
    assertThat(simplifier.frontMatterRead()).isFalse();
    assertThat(simplifier.description()).isEmpty();
    List<Finding> findings = agentFindings(toolkit);
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.file()).isEqualTo("agents/code-simplifier.md");
    assertThat(f.toString()).contains("[codexplugin:AgentFrontMatter]");
    assertThat(f.toString()).contains("block scalar");
    assertThat(result.hasErrors()).isFalse();
    // The official copy writes the description as a block scalar: Claude reads it.
    PluginBundle official = corpus("anthropics-claude-plugins-official/plugins/pr-review-toolkit");
    assertThat(agentFindings(official)).isEmpty();
    assertThat(official.agents().stream().allMatch(AgentSpec::frontMatterRead)).isTrue();
  }

  @Test
  void brokenAgentYamlNamesTheFileAndKeepsTheAgent() throws Exception {
    Path plugin = tmp.resolve("p");
    write(plugin.resolve(".claude-plugin/plugin.json"), "{\"name\": \"p\", \"version\": \"1.0.0\", \"description\": \"d\"}");
    write(plugin.resolve("agents/broken.md"), "---\nname: broken\ndescription: says: \"hi\" <x>\n  user: y\n---\nBody\n");
    write(plugin.resolve("agents/good.md"), "---\nname: reviewer\ndescription: Reviews\ntools: Read, Grep\n"
        + "model: sonnet\ncolor: blue\n---\nBody\n");
    write(plugin.resolve("commands/sub/Nested_One.md"), "---\ndescription: nested\n---\n\nDo it.\n");
    write(plugin.resolve("commands/args.md"), "---\ndescription: a\n---\nUse $1 now\n");
    write(plugin.resolve("commands/nofront.md"), "Just text\n");
    write(plugin.resolve("skills/s/SKILL.md"), "---\nname: s\ndescription: skill\n---\nBody\n");
    LoadResult result = PluginLoader.check(plugin);
    assertThat(result.hasErrors()).isFalse();
    PluginBundle b = result.bundles().get(0);
    List<Finding> findings = agentFindings(b);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).file()).isEqualTo("agents/broken.md");
    assertThat(findings.get(0).message()).doesNotContain("hi");
    assertThat(map(b.agents(), AgentSpec::name)).containsExactly("broken", "reviewer").inOrder();
    AgentSpec good = b.agents().get(1);
    assertThat(good.tools()).containsExactly("Read", "Grep").inOrder();
    assertThat(List.of(good.model(), good.color())).containsExactly("sonnet", "blue").inOrder();
    assertThat(map(b.commands(), CommandSpec::name)).containsExactly("args", "nofront", "sub/Nested_One").inOrder();
    assertThat(map(b.commands(), CommandSpec::codexSkill))
        .containsExactly("", "", "source-command-sub-nested-one").inOrder();
    assertThat(map(b.commands(), CommandSpec::claudeSkill)).containsExactly("args", "nofront", "").inOrder();
  }

  @Test
  void codexSkipsACommandWhoseSkillWouldExceed4000Bytes() throws Exception {
    Path plugin = tmp.resolve("big");
    write(plugin.resolve(".claude-plugin/plugin.json"), "{\"name\": \"big\", \"version\": \"1.0.0\", \"description\": \"d\"}");
    write(plugin.resolve("commands/small.md"), "---\ndescription: x\n---\n" + "a".repeat(3000) + "\n");
    write(plugin.resolve("commands/large.md"), "---\ndescription: x\n---\n" + "a".repeat(4000) + "\n");
    PluginBundle b = PluginLoader.load(plugin).get(0);
    assertThat(map(b.commands(), CommandSpec::codexSkill)).containsExactly("", "source-command-small").inOrder();
  }

  @Test
  void theExporterKeepsCommandsAndAgentsAsPlainFiles() throws Exception {
    Map<String, String> extra = new TreeMap<>(Map.of(
        "commands/hello.md", "---\ndescription: Say hello\n---\n\nSay hello.\n",
        "agents/helper.md", "---\nname: helper\ndescription: Helps\n---\nHelp.\n"));
    Path jar = ExportFixtures.jar(tmp.resolve("p.jar"),
        Map.of("team-workflow-plugin", ExportFixtures.files(ExportFixtures.team(), extra)));
    MarketplaceExport.builder().marketplaceName("team-tools").addJar(jar).build().exportTo(tmp.resolve("out"));
    Path exported = tmp.resolve("out/plugins/team-workflow-plugin");
    assertThat(Files.readString(exported.resolve("commands/hello.md"))).isEqualTo(extra.get("commands/hello.md"));
    assertThat(Files.readString(exported.resolve("agents/helper.md"))).isEqualTo(extra.get("agents/helper.md"));
    PluginBundle b = PluginLoader.load(exported).get(0);
    assertThat(map(b.commands(), CommandSpec::codexSkill)).containsExactly("source-command-hello");
    assertThat(map(b.agents(), AgentSpec::name)).containsExactly("helper");
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
