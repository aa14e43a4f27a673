package dev.codexplugin.runtime;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every classification of the breaking-change check, each in both directions, and the verdict. */
class BundleDiffTest {
  private static final String INPUT = """
      {"type": "object", "properties": {
        "version": {"type": "string", "description": "the version"},
        "level": {"type": "string", "enum": ["MAJOR", "MINOR", "PATCH"]},
        "count": {"type": "integer", "minimum": 1},
        "options": {"type": "object", "properties": {"strict": {"type": "boolean"}}}},
       "required": ["version", "level"], "additionalProperties": false}""";
  private static final String OUTPUT = """
      {"type": "object", "properties": {"next": {"type": "string"}, "order": {"type": "integer"}},
       "required": ["next", "order"]}""";

  private static ToolSpec tool(String name, String input, String output) {
    return ToolSpec.builder(name)
        .server("versions")
        .title("Bump")
        .description("Bump a version")
        .inputSchema(compact(input))
        .outputSchema(compact(output))
        .readOnlyHint(Optional.of(true))
        .build();
  }

  private static String compact(String json) {
    return json.replaceAll("\\s*\\n\\s*", "");
  }

  private static PluginBundle bundle(String version, List<ToolSpec> tools) {
    PluginBundle team = ExportFixtures.team("team-workflow-plugin", version, "github", "tracker");
    List<McpServerSpec> servers = new ArrayList<>(team.mcpServers());
    servers.add(McpServerSpec.builder("versions")
        .command("java")
        .args(List.of("-cp", "lib/*", "Main"))
        .cwd(".")
        .build());
    return PluginBundle.builder(team.manifest())
        .skills(team.skills())
        .mcpServers(servers)
        .apps(team.apps())
        .tools(tools)
        .build();
  }

  private static final PluginBundle BASE = bundle("1.0.0", List.of(tool("bump", INPUT, OUTPUT),
      tool("sort", "{\"type\": \"object\"}", "")));

  /** The base with {@code edit} applied to the text of the bump tool's input schema. */
  private static PluginBundle input(UnaryOperator<String> edit) {
    return bundle("1.0.0", List.of(tool("bump", edit.apply(INPUT), OUTPUT), BASE.tool("sort").orElseThrow()));
  }

  private static PluginBundle output(UnaryOperator<String> edit) {
    return bundle("1.0.0", List.of(tool("bump", INPUT, edit.apply(OUTPUT)), BASE.tool("sort").orElseThrow()));
  }

  private static List<String> changes(PluginBundle before, PluginBundle after) {
    return BundleDiff.compare(before, after).changes().stream().map(BundleChange::toString).toList();
  }

  /** {@code edit} turns the base into a changed bundle: forward needs {@code forward}, back needs {@code back}. */
  private static void both(PluginBundle changed, String forward, String back) {
    assertThat(changes(BASE, changed)).containsExactly(forward);
    assertThat(changes(changed, BASE)).containsExactly(back);
  }

  private static final String BUMP = "tool \"bump\" (server \"versions\"): ";

  @Test
  void aNewRequiredParameterIsMajorAndRemovingItToo() {
    both(input(s -> s.replace("\"required\": [\"version\", \"level\"]", "\"required\": [\"version\", \"level\", \"why\"]")
            .replace("\"count\":", "\"why\": {\"type\": \"string\"}, \"count\":")),
        "MAJOR " + BUMP + "input: new required parameter \"why\"",
        "MAJOR " + BUMP + "input: parameter \"why\" removed");
  }

  @Test
  void aNewOptionalParameterIsMinorAndRemovingItMajor() {
    both(input(s -> s.replace("\"count\":", "\"dryRun\": {\"type\": \"boolean\"}, \"count\":")),
        "MINOR " + BUMP + "input: new optional parameter \"dryRun\"",
        "MAJOR " + BUMP + "input: parameter \"dryRun\" removed");
  }

  @Test
  void anOptionalParameterMadeRequiredIsMajorAndTheReverseMinor() {
    both(input(s -> s.replace("[\"version\", \"level\"]", "[\"version\", \"level\", \"count\"]")),
        "MAJOR " + BUMP + "input: parameter \"count\" is now required",
        "MINOR " + BUMP + "input: parameter \"count\" is now optional");
  }

  @Test
  void aChangedTypeIsMajorUnlessItWidens() {
    both(input(s -> s.replace("{\"type\": \"string\", \"description\": \"the version\"}",
            "{\"type\": \"integer\", \"description\": \"the version\"}")),
        "MAJOR " + BUMP + "input: the type of \"version\" changed from string to integer",
        "MAJOR " + BUMP + "input: the type of \"version\" changed from integer to string");
    both(input(s -> s.replace("{\"type\": \"integer\", \"minimum\": 1}", "{\"type\": \"number\", \"minimum\": 1}")),
        "MINOR " + BUMP + "input: the type of \"count\" changed from integer to number",
        "MAJOR " + BUMP + "input: the type of \"count\" changed from number to integer");
  }

  @Test
  void aRemovedEnumValueIsMajorAndAnAddedOneMinor() {
    both(input(s -> s.replace("[\"MAJOR\", \"MINOR\", \"PATCH\"]", "[\"MAJOR\", \"MINOR\"]")),
        "MAJOR " + BUMP + "input: enum value \"PATCH\" of \"level\" removed",
        "MINOR " + BUMP + "input: enum value \"PATCH\" of \"level\" added");
  }

  @Test
  void aTighterBoundIsMajorAndALooserOneMinor() {
    both(input(s -> s.replace("\"minimum\": 1", "\"minimum\": 5")),
        "MAJOR " + BUMP + "input: minimum of \"count\" changed from 1 to 5",
        "MINOR " + BUMP + "input: minimum of \"count\" changed from 5 to 1");
  }

  @Test
  void closingOtherPropertiesIsMajorAndOpeningThemMinor() {
    both(input(s -> s.replace(", \"additionalProperties\": false", "")),
        "MINOR " + BUMP + "input: other properties are now allowed",
        "MAJOR " + BUMP + "input: other properties are no longer allowed");
  }

  @Test
  void nestedParametersAreComparedToo() {
    both(input(s -> s.replace("{\"strict\": {\"type\": \"boolean\"}}",
            "{\"strict\": {\"type\": \"boolean\"}, \"depth\": {\"type\": \"integer\"}}, \"required\": [\"depth\"]")),
        "MAJOR " + BUMP + "input: new required parameter \"options.depth\"",
        "MAJOR " + BUMP + "input: parameter \"options.depth\" removed");
  }

  @Test
  void theOutputIsComparedTheOtherWayRound() {
    both(output(s -> s.replace(", \"order\": {\"type\": \"integer\"}", "").replace(", \"order\"", "")),
        "MAJOR " + BUMP + "output: property \"order\" removed",
        "MINOR " + BUMP + "output: new property \"order\"");
    both(output(s -> s.replace("[\"next\", \"order\"]", "[\"next\"]")),
        "MAJOR " + BUMP + "output: property \"order\" is now optional",
        "MINOR " + BUMP + "output: property \"order\" is now required");
    both(bundle("1.0.0", List.of(tool("bump", INPUT, ""), BASE.tool("sort").orElseThrow())),
        "MAJOR " + BUMP + "output: no longer returns structured output",
        "MINOR " + BUMP + "output: now returns structured output");
  }

  @Test
  void aSchemaChangeTheCheckCannotProveIsMajor() {
    PluginBundle anyOf = input(s -> s.replace("\"count\": {\"type\": \"integer\", \"minimum\": 1}",
        "\"count\": {\"anyOf\": [{\"type\": \"integer\"}, {\"type\": \"string\"}]}"));
    String line = "MAJOR " + BUMP + "input: anyOf of \"count\" changed in a way the check cannot prove compatible;"
        + " review it";
    assertThat(changes(BASE, anyOf)).contains(line);
    assertThat(changes(anyOf, BASE)).contains(line);
    assertThat(BundleDiff.compare(BASE, anyOf).required()).isEqualTo(Bump.MAJOR);
    assertThat(BundleDiff.compare(anyOf, BASE).required()).isEqualTo(Bump.MAJOR);
  }

  @Test
  void descriptionsAreText() {
    both(input(s -> s.replace("the version", "the current version")),
        "PATCH " + BUMP + "input: the description of \"version\" changed",
        "PATCH " + BUMP + "input: the description of \"version\" changed");
    PluginBundle retitled = bundle("1.0.0", List.of(ToolSpec.builder("bump")
        .server("versions")
        .title("Bump it")
        .description("Bump a version")
        .inputSchema(compact(INPUT))
        .outputSchema(compact(OUTPUT))
        .readOnlyHint(Optional.of(true))
        .build(),
        BASE.tool("sort").orElseThrow()));
    both(retitled, "PATCH " + BUMP + "title changed", "PATCH " + BUMP + "title changed");
  }

  @Test
  void removingAToolIsMajorAndAddingOneMinor() {
    both(bundle("1.0.0", List.of(BASE.tool("bump").orElseThrow())),
        "MAJOR tool \"sort\": removed", "MINOR tool \"sort\": added");
    ToolSpec sort = BASE.tool("sort").orElseThrow();
    both(bundle("1.0.0", List.of(BASE.tool("bump").orElseThrow(), ToolSpec.builder("sort")
        .server("other")
        .title(sort.title())
        .description(sort.description())
        .inputSchema(sort.inputSchema())
        .readOnlyHint(sort.readOnlyHint())
        .build())),
        "MAJOR tool \"sort\" (server \"other\"): moved from server \"versions\"; hosts call it mcp__other__sort"
            + " now, not mcp__versions__sort",
        "MAJOR tool \"sort\" (server \"versions\"): moved from server \"other\"; hosts call it mcp__versions__sort"
            + " now, not mcp__other__sort");
  }

  @Test
  void removingASkillServerOrAppIsMajorAndAddingOneMinor() {
    PluginBundle b = BASE;
    both(with(b, b.skills().subList(0, 1), b.mcpServers(), b.apps()),
        "MAJOR skill \"testing\": removed", "MINOR skill \"testing\": added");
    both(with(b, b.skills(), List.of(b.mcpServers().get(0), b.mcpServers().get(2)), b.apps()),
        "MAJOR MCP server \"tracker\": removed", "MINOR MCP server \"tracker\": added");
    both(with(b, b.skills(), b.mcpServers(), List.of()), "MAJOR app \"jira\": removed", "MINOR app \"jira\": added");
    both(with(b, b.skills(), b.mcpServers(), List.of(new AppSpec("jira", "connector_jira2", "productivity", "", ""))),
        "MAJOR app \"jira\": connector id changed from connector_jira to connector_jira2; it is another app",
        "MAJOR app \"jira\": connector id changed from connector_jira2 to connector_jira; it is another app");
  }

  @Test
  void aServersTransportChangeIsMajorInBothDirections() {
    PluginBundle b = BASE;
    McpServerSpec http = McpServerSpec.http("github", "https://github.example.com/mcp").build();
    both(with(b, b.skills(), List.of(http, b.mcpServers().get(1), b.mcpServers().get(2)), b.apps()),
        "MAJOR MCP server \"github\": transport changed from STDIO to HTTP; clients configured for the old one"
            + " cannot reach it",
        "MAJOR MCP server \"github\": transport changed from HTTP to STDIO; clients configured for the old one"
            + " cannot reach it");
  }

  @Test
  void aNewEnvironmentVariableIsMajorAndDroppingOneMinor() {
    PluginBundle b = BASE;
    McpServerSpec g = b.mcpServers().get(0);
    McpServerSpec more = McpServerSpec.builder(g.name())
        .command(g.command())
        .args(g.args())
        .envVars(List.of("GITHUB_TOKEN", "GITHUB_ORG"))
        .build();
    both(with(b, b.skills(), List.of(more, b.mcpServers().get(1), b.mcpServers().get(2)), b.apps()),
        "MAJOR MCP server \"github\": needs the environment variable GITHUB_ORG; installations without it stop"
            + " working",
        "MINOR MCP server \"github\": no longer needs GITHUB_ORG");
    McpServerSpec args = McpServerSpec.stdio("github", "npx", List.of("-y", "@modelcontextprotocol/server-github@2"));
    assertThat(changes(b, with(b, b.skills(), List.of(withEnv(args), b.mcpServers().get(1), b.mcpServers().get(2)),
        b.apps()))).containsExactly("MINOR MCP server \"github\": args changed from [-y,"
        + " @modelcontextprotocol/server-github] to [-y, @modelcontextprotocol/server-github@2]");
    McpServerSpec stated = g.withRequirements(List.of("Node.js 20+"));
    both(with(b, b.skills(), List.of(stated, b.mcpServers().get(1), b.mcpServers().get(2)), b.apps()),
        "PATCH MCP server \"github\": requirements changed", "PATCH MCP server \"github\": requirements changed");
  }

  private static McpServerSpec withEnv(McpServerSpec s) {
    return McpServerSpec.builder(s.name())
        .command(s.command())
        .args(s.args())
        .envVars(List.of("GITHUB_TOKEN"))
        .build();
  }

  @Test
  void skillTextIsAPatchAndItsBehaviourMinor() {
    PluginBundle b = BASE;
    SkillSpec s = b.skills().get(1);
    SkillSpec reworded = SkillSpec.builder(s.name())
        .description(s.description() + " Also fixes flaky tests.")
        .license(s.license())
        .compatibility(s.compatibility())
        .allowedTools(s.allowedTools())
        .metadata(s.metadata())
        .instructions(s.instructions() + "Run them twice.\n")
        .folder(s.folder())
        .requires(s.requires())
        .ui(s.ui())
        .allowImplicitInvocation(s.allowImplicitInvocation())
        .build();
    PluginBundle text = with(b, List.of(b.skills().get(0), reworded), b.mcpServers(), b.apps());
    assertThat(changes(b, text)).containsExactly("PATCH skill \"testing\": description changed",
        "PATCH skill \"testing\": instructions changed");
    assertThat(changes(text, b)).containsExactly("PATCH skill \"testing\": description changed",
        "PATCH skill \"testing\": instructions changed");
    SkillSpec needsGithub = SkillSpec.builder(s.name())
        .description(s.description())
        .license(s.license())
        .compatibility(s.compatibility())
        .allowedTools(s.allowedTools())
        .metadata(s.metadata())
        .instructions(s.instructions())
        .folder(s.folder())
        .requires(List.of("github"))
        .ui(s.ui())
        .allowImplicitInvocation(s.allowImplicitInvocation())
        .build();
    both(with(b, List.of(b.skills().get(0), needsGithub), b.mcpServers(), b.apps()),
        "MINOR skill \"testing\": requires changed from [] to [github]",
        "MINOR skill \"testing\": requires changed from [github] to []");
  }

  private static PluginBundle with(PluginBundle b, List<SkillSpec> skills, List<McpServerSpec> servers,
      List<AppSpec> apps) {
    return PluginBundle.builder(b.manifest())
        .skills(skills)
        .mcpServers(servers)
        .apps(apps)
        .hooks(b.hooks())
        .tools(b.tools())
        .files(b.files())
        .build();
  }

  @Test
  void instructionsAloneAreAPatch() {
    PluginBundle b = BASE;
    SkillSpec s = b.skills().get(0);
    SkillSpec edited = SkillSpec.builder(s.name())
        .description(s.description())
        .license(s.license())
        .compatibility(s.compatibility())
        .allowedTools(s.allowedTools())
        .metadata(Map.of("short-description", "Better review"))
        .instructions("# Review\nNew steps.\n")
        .folder(s.folder())
        .requires(s.requires())
        .ui(s.ui())
        .allowImplicitInvocation(s.allowImplicitInvocation())
        .build();
    assertThat(changes(b, with(b, List.of(edited, b.skills().get(1)), b.mcpServers(), b.apps()))).containsExactly(
        "PATCH skill \"code-review\": instructions changed", "PATCH skill \"code-review\": metadata changed");
  }

  // ------------------------------------------------------------------------------------------ the verdict

  @Test
  void aPatchReleaseThatRemovesAToolFailsAndSaysWhichChangeNeedsWhichBump() {
    PluginBundle next = bundle("1.0.1", List.of(BASE.tool("bump").orElseThrow()));
    BundleDiff diff = BundleDiff.compare(BASE, next);
    assertThat(diff.required()).isEqualTo(Bump.MAJOR);
    assertThat(diff.declared()).hasValue(Bump.PATCH);
    assertThat(diff.compatible()).isFalse();
    assertThat(diff.unannounced().stream().map(BundleChange::toString).toList())
        .containsExactly("MAJOR tool \"sort\": removed");
    assertThat(diff.verdict()).isEqualTo("team-workflow-plugin 1.0.0 -> 1.0.1 declares a PATCH bump, but the"
        + " changes need MAJOR; bump the version to at least 2.0.0");
    assertThat(diff.report()).contains("\n  ! MAJOR tool \"sort\": removed\n");

    BundleDiff major = BundleDiff.compare(BASE, bundle("2.0.0", List.of(BASE.tool("bump").orElseThrow())));
    assertThat(major.compatible()).isTrue();
    assertThat(major.unannounced()).isEmpty();
    assertThat(major.verdict()).endsWith("declares a MAJOR bump; the changes need MAJOR: compatible");
  }

  @Test
  void anAdditionNeedsAMinorReleaseAndTextAPatch() {
    PluginBundle added = bundle("1.0.1", List.of(BASE.tool("bump").orElseThrow(), BASE.tool("sort").orElseThrow(),
        tool("compare", "{\"type\": \"object\"}", "")));
    assertThat(BundleDiff.compare(BASE, added).compatible()).isFalse();
    assertThat(BundleDiff.compare(BASE, added).verdict()).endsWith("bump the version to at least 1.1.0");
    PluginBundle minor = bundle("1.1.0", added.tools());
    assertThat(BundleDiff.compare(BASE, minor).compatible()).isTrue();
    PluginBundle same = bundle("1.0.0", BASE.tools());
    BundleDiff nothing = BundleDiff.compare(BASE, same);
    assertThat(nothing.changes()).isEmpty();
    assertThat(nothing.required()).isEqualTo(Bump.NONE);
    assertThat(nothing.compatible()).isTrue();
    assertThat(nothing.report()).contains("no changes");
  }

  @ParameterizedTest(name = "{0} -> {1} declares {2}")
  @CsvSource({
      "1.0.0, 1.0.1, PATCH", "1.0.0, 1.1.0, MINOR", "1.4.2, 2.0.0, MAJOR", "1.0.0, 1.0.0, NONE",
      "0.1.0, 0.1.1, MINOR", "0.1.0, 0.2.0, MAJOR", "0.0.1, 0.0.2, MAJOR", "1.0.0-rc.1, 1.0.0, MAJOR",
      "1.0.0-rc.1, 1.0.0-rc.2, MAJOR", "1.0.0, 1.0.1-rc.1, PATCH", "1.0.0, 1.0.0+build.2, NONE"})
  void theDeclaredBumpFollowsTheCaret(String from, String to, Bump bump) {
    assertThat(BundleDiff.compare(bundle(from, BASE.tools()), bundle(to, BASE.tools())).declared()).hasValue(bump);
  }

  @Test
  void aLowerOrInvalidVersionDeclaresNothing() {
    BundleDiff lower = BundleDiff.compare(bundle("1.2.0", BASE.tools()), bundle("1.1.0", BASE.tools()));
    assertThat(lower.declared()).isEmpty();
    assertThat(lower.compatible()).isFalse();
    assertThat(lower.verdict()).contains("the new version is lower than the old one");
    BundleDiff local = BundleDiff.compare(bundle("1.0.0", BASE.tools()), bundle("local", BASE.tools()));
    assertThat(local.compatible()).isFalse();
    assertThat(local.verdict()).contains("must both be strict SemVer 2.0.0");
  }

  @Test
  void buildsWithSeveralBundlesArePairedByName() {
    PluginBundle ops = CatalogFixtures.ops("1.0.0");
    PluginBundle opsNext = CatalogFixtures.ops("1.1.0");
    List<BundleDiff> diffs = BundleDiff.compareAll(List.of(BASE, ops), List.of(opsNext));
    assertThat(diffs.stream().map(BundleDiff::plugin).toList()).containsExactly("team-workflow-plugin", "ops-plugin")
        .inOrder();
    // a plugin gone from the new build: everything in it is removed, and no version announces that
    assertThat(diffs.get(0).required()).isEqualTo(Bump.MAJOR);
    assertThat(diffs.get(0).compatible()).isFalse();
    assertThat(diffs.get(1).changes()).isEmpty();
    assertThat(diffs.get(1).compatible()).isTrue();
    // one bundle on each side: compared whatever their names
    assertThat(BundleDiff.compareAll(List.of(ops), List.of(BASE)).get(0).plugin()).isEqualTo("team-workflow-plugin");
  }

  @Test
  void aRenamedPluginIsMajor() {
    PluginBundle renamed = PluginBundle.builder(PluginManifest.builder("team-plugin")
        .version("1.0.0")
        .description(BASE.manifest().description())
        .author(BASE.manifest().author())
        .homepage(BASE.manifest().homepage())
        .repository(BASE.manifest().repository())
        .license(BASE.manifest().license())
        .keywords(BASE.manifest().keywords())
        .ui(BASE.manifest().ui())
        .build())
        .skills(BASE.skills())
        .mcpServers(BASE.mcpServers())
        .apps(BASE.apps())
        .tools(BASE.tools())
        .build();
    assertThat(changes(BASE, renamed)).containsExactly("MAJOR plugin \"team-plugin\": renamed from"
        + " \"team-workflow-plugin\"; every skill is shown under the new name and users install it anew");
  }
}
