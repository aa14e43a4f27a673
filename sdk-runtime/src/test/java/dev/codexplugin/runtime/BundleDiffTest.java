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
    return new ToolSpec("versions", name, "Bump", "Bump a version", compact(input), compact(output),
        Optional.of(true), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static String compact(String json) {
    return json.replaceAll("\\s*\\n\\s*", "");
  }

  private static PluginBundle bundle(String version, List<ToolSpec> tools) {
    PluginBundle team = ExportFixtures.team("team-workflow-plugin", version, "github", "tracker");
    List<McpServerSpec> servers = new ArrayList<>(team.mcpServers());
    servers.add(new McpServerSpec("versions", "", "java", List.of("-cp", "lib/*", "Main"), null, null, ".", "", "",
        null, null, null, null, null, null, null, null));
    return new PluginBundle(team.manifest(), team.skills(), servers, team.apps(), List.of(), tools, List.of(), "",
        List.of());
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
    PluginBundle retitled = bundle("1.0.0", List.of(new ToolSpec("versions", "bump", "Bump it", "Bump a version",
        compact(INPUT), compact(OUTPUT), Optional.of(true), Optional.empty(), Optional.empty(), Optional.empty()),
        BASE.tool("sort").orElseThrow()));
    both(retitled, "PATCH " + BUMP + "title changed", "PATCH " + BUMP + "title changed");
  }

  @Test
  void removingAToolIsMajorAndAddingOneMinor() {
    both(bundle("1.0.0", List.of(BASE.tool("bump").orElseThrow())),
        "MAJOR tool \"sort\": removed", "MINOR tool \"sort\": added");
    ToolSpec sort = BASE.tool("sort").orElseThrow();
    both(bundle("1.0.0", List.of(BASE.tool("bump").orElseThrow(), new ToolSpec("other", "sort", sort.title(),
            sort.description(), sort.inputSchema(), "", sort.readOnlyHint(), null, null, null))),
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
    McpServerSpec http = McpServerSpec.http("github", "https://github.example.com/mcp");
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
    McpServerSpec more = new McpServerSpec(g.name(), "", g.command(), g.args(), null,
        List.of("GITHUB_TOKEN", "GITHUB_ORG"), "", "", "", null, null, null, null, null, null, null, null);
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
    return new McpServerSpec(s.name(), "", s.command(), s.args(), null, List.of("GITHUB_TOKEN"), "", "", "", null,
        null, null, null, null, null, null, null);
  }

  @Test
  void skillTextIsAPatchAndItsBehaviourMinor() {
    PluginBundle b = BASE;
    SkillSpec s = b.skills().get(1);
    SkillSpec reworded = new SkillSpec(s.name(), s.description() + " Also fixes flaky tests.", s.license(),
        s.compatibility(), s.allowedTools(), s.metadata(), s.instructions() + "Run them twice.\n", s.folder(),
        s.requires(), s.ui(), s.allowImplicitInvocation());
    PluginBundle text = with(b, List.of(b.skills().get(0), reworded), b.mcpServers(), b.apps());
    assertThat(changes(b, text)).containsExactly("PATCH skill \"testing\": description changed",
        "PATCH skill \"testing\": instructions changed");
    assertThat(changes(text, b)).containsExactly("PATCH skill \"testing\": description changed",
        "PATCH skill \"testing\": instructions changed");
    SkillSpec needsGithub = new SkillSpec(s.name(), s.description(), s.license(), s.compatibility(),
        s.allowedTools(), s.metadata(), s.instructions(), s.folder(), List.of("github"), s.ui(),
        s.allowImplicitInvocation());
    both(with(b, List.of(b.skills().get(0), needsGithub), b.mcpServers(), b.apps()),
        "MINOR skill \"testing\": requires changed from [] to [github]",
        "MINOR skill \"testing\": requires changed from [github] to []");
  }

  private static PluginBundle with(PluginBundle b, List<SkillSpec> skills, List<McpServerSpec> servers,
      List<AppSpec> apps) {
    return new PluginBundle(b.manifest(), skills, servers, apps, b.hooks(), b.tools(), b.files(), "", List.of());
  }

  @Test
  void instructionsAloneAreAPatch() {
    PluginBundle b = BASE;
    SkillSpec s = b.skills().get(0);
    SkillSpec edited = new SkillSpec(s.name(), s.description(), s.license(), s.compatibility(), s.allowedTools(),
        Map.of("short-description", "Better review"), "# Review\nNew steps.\n", s.folder(), s.requires(), s.ui(),
        s.allowImplicitInvocation());
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
    PluginBundle renamed = new PluginBundle(new PluginManifest("team-plugin", "1.0.0",
        BASE.manifest().description(), BASE.manifest().author(), BASE.manifest().homepage(),
        BASE.manifest().repository(), BASE.manifest().license(), BASE.manifest().keywords(), BASE.manifest().ui()),
        BASE.skills(), BASE.mcpServers(), BASE.apps(), List.of(), BASE.tools(), List.of(), "", List.of());
    assertThat(changes(BASE, renamed)).containsExactly("MAJOR plugin \"team-plugin\": renamed from"
        + " \"team-workflow-plugin\"; every skill is shown under the new name and users install it anew");
  }
}
