package dev.codexplugin.runtime.format;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.codexplugin.runtime.FindingCode.ANGLE_BRACKETS;
import static dev.codexplugin.runtime.FindingCode.BAD_COLOR;
import static dev.codexplugin.runtime.FindingCode.BAD_KEY;
import static dev.codexplugin.runtime.FindingCode.BAD_NAME;
import static dev.codexplugin.runtime.FindingCode.BAD_PATH;
import static dev.codexplugin.runtime.FindingCode.BAD_REGEX;
import static dev.codexplugin.runtime.FindingCode.BAD_VERSION;
import static dev.codexplugin.runtime.FindingCode.DEFAULT_PROMPTS;
import static dev.codexplugin.runtime.FindingCode.DUPLICATE;
import static dev.codexplugin.runtime.FindingCode.MISSING;
import static dev.codexplugin.runtime.FindingCode.MISSING_FILE;
import static dev.codexplugin.runtime.FindingCode.NAME_MISMATCH;
import static dev.codexplugin.runtime.FindingCode.NEGATIVE;
import static dev.codexplugin.runtime.FindingCode.NOT_HTTPS;
import static dev.codexplugin.runtime.FindingCode.NOT_PNG;
import static dev.codexplugin.runtime.FindingCode.PLACEHOLDER;
import static dev.codexplugin.runtime.FindingCode.SECRET_LITERAL;
import static dev.codexplugin.runtime.FindingCode.TOO_LONG;
import static dev.codexplugin.runtime.FindingCode.TRANSPORT;
import static dev.codexplugin.runtime.FindingCode.UNKNOWN_EVENT;
import static dev.codexplugin.runtime.FindingCode.UNKNOWN_REQUIREMENT;
import static dev.codexplugin.runtime.Severity.ERROR;
import static dev.codexplugin.runtime.Severity.WARNING;

import dev.codexplugin.runtime.AppSpec;
import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.HookSpec;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginAuthor;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginManifest;
import dev.codexplugin.runtime.PluginUi;
import dev.codexplugin.runtime.Severity;
import dev.codexplugin.runtime.SkillSpec;
import dev.codexplugin.runtime.SkillUi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The model rules in both modes: {@link FindingCode.Context#COMPILE} (the processor: every rule strict) and
 * {@link FindingCode.Context#LOAD} (the loader: an error only when Codex 0.169.0 rejects the plugin or loses part of
 * it). Each test starts from a valid bundle and breaks one thing.
 */
class RulesTest {
  static final String M = FormatFiles.MANIFEST;

  static PluginManifest manifest(String name, String version, PluginUi ui) {
    return PluginManifest.builder(name)
        .version(version)
        .description("Shared AI workflow")
        .author(Optional.of(new PluginAuthor("Jane", "", "https://example.com")))
        .homepage("https://example.com")
        .repository("https://github.com/acme/team")
        .license("Apache-2.0")
        .keywords(List.of("team"))
        .ui(ui)
        .build();
  }

  static SkillSpec skill(String name, String description) {
    return SkillSpec.builder(name)
        .description(description)
        .allowedTools(List.of("Bash"))
        .metadata(Map.of("short-description", "Short"))
        .instructions("# Body\n")
        .folder("skills/" + name)
        .ui(SkillUi.EMPTY)
        .build();
  }

  static PluginBundle valid() {
    PluginUi ui = PluginUi.builder()
        .displayName("Team")
        .shortDescription("Short")
        .longDescription("Long")
        .developerName("ACME")
        .category("productivity")
        .capabilities(List.of("code-review"))
        .websiteUrl("https://example.com")
        .privacyPolicyUrl("https://example.com/p")
        .termsOfServiceUrl("https://example.com/t")
        .defaultPrompts(List.of("Review my PR"))
        .brandColor("#4F46E5")
        .composerIcon("./assets/icon.png")
        .logo("./assets/logo.png")
        .screenshots(List.of("./assets/shot.png"))
        .build();
    return bundle(manifest("team-workflow-plugin", "1.0.0", ui),
        List.of(skill("code-review", "Review code changes. Use when asked to review a diff.")),
        List.of(McpServerSpec.stdio("github", "npx", List.of("-y", "server-github"))),
        List.of(new AppSpec("jira", "connector_jira", "productivity", "", "")),
        List.of(new HookSpec("PreToolUse", "Bash", "./hooks/check.sh", Optional.of(30), "Checking")));
  }

  static PluginBundle bundle(PluginManifest manifest, List<SkillSpec> skills, List<McpServerSpec> servers,
      List<AppSpec> apps, List<HookSpec> hooks) {
    return PluginBundle.builder(manifest)
        .skills(skills)
        .mcpServers(servers)
        .apps(apps)
        .hooks(hooks)
        .files(List.of(".codex-plugin/plugin.json", "assets/icon.png", "assets/logo.png", "assets/shot.png", "skills/code-review/SKILL.md", "skills/code-review/assets/small.png"))
        .build();
  }

  static List<Finding> check(PluginBundle bundle, FindingCode.Context mode) {
    Report report = new Report(mode, "");
    Rules.check(bundle, M, report);
    return report.findings();
  }

  /** Asserts the single finding of {@code bundle} in each mode: its code, file, field and severities. */
  static void expect(PluginBundle bundle, FindingCode code, String file, String field, Severity publish,
      Severity load) {
    for (FindingCode.Context mode : List.of(FindingCode.Context.COMPILE, FindingCode.Context.LOAD)) {
      List<Finding> findings = check(bundle, mode);
      assertWithMessage(mode + ": " + findings).that(findings).hasSize(1);
      Finding f = findings.get(0);
      assertWithMessage(mode + ": " + f).that(f.code()).isEqualTo(code);
      assertWithMessage(mode + ": " + f).that(f.file()).isEqualTo(file);
      assertWithMessage(mode + ": " + f).that(f.field()).isEqualTo(field);
      assertWithMessage(mode + ": " + f).that(f.severity()).isEqualTo(mode == FindingCode.Context.COMPILE ? publish : load);
    }
  }

  static PluginBundle withUi(UnaryOperator<List<Object>> change) {
    PluginUi ui = valid().manifest().ui();
    List<Object> fields = new ArrayList<>(List.of(ui.displayName(), ui.shortDescription(), ui.longDescription(),
        ui.developerName(), ui.category(), ui.capabilities(), ui.websiteUrl(), ui.privacyPolicyUrl(),
        ui.termsOfServiceUrl(), ui.defaultPrompts(), ui.brandColor(), ui.composerIcon(), ui.logo(), ui.logoDark(),
        ui.screenshots()));
    fields = change.apply(fields);
    @SuppressWarnings("unchecked")
    PluginUi changed = PluginUi.builder()
        .displayName((String) fields.get(0))
        .shortDescription((String) fields.get(1))
        .longDescription((String) fields.get(2))
        .developerName((String) fields.get(3))
        .category((String) fields.get(4))
        .capabilities((List<String>) fields.get(5))
        .websiteUrl((String) fields.get(6))
        .privacyPolicyUrl((String) fields.get(7))
        .termsOfServiceUrl((String) fields.get(8))
        .defaultPrompts((List<String>) fields.get(9))
        .brandColor((String) fields.get(10))
        .composerIcon((String) fields.get(11))
        .logo((String) fields.get(12))
        .logoDark((String) fields.get(13))
        .screenshots((List<String>) fields.get(14))
        .build();
    PluginBundle v = valid();
    return bundle(manifest(v.name(), v.version(), changed), v.skills(), v.mcpServers(), v.apps(), v.hooks());
  }

  static PluginBundle withManifest(String name, String version) {
    PluginBundle v = valid();
    return bundle(manifest(name, version, v.manifest().ui()), v.skills(), v.mcpServers(), v.apps(), v.hooks());
  }

  static PluginBundle withSkill(SkillSpec skill) {
    PluginBundle v = valid();
    return bundle(v.manifest(), List.of(skill), v.mcpServers(), v.apps(), v.hooks());
  }

  static PluginBundle withServer(McpServerSpec server) {
    PluginBundle v = valid();
    return bundle(v.manifest(), v.skills(), List.of(server), v.apps(), v.hooks());
  }

  static PluginBundle withHook(HookSpec hook) {
    PluginBundle v = valid();
    return bundle(v.manifest(), v.skills(), v.mcpServers(), v.apps(), List.of(hook));
  }

  static McpServerSpec server(String command, String url, Map<String, String> env, String cwd,
      List<String> args, Double startupTimeout) {
    return McpServerSpec.builder("github")
        .command(command)
        .args(args)
        .env(env)
        .cwd(cwd)
        .url(url)
        .startupTimeoutSec(startupTimeout == null ? Optional.empty() : Optional.of(startupTimeout))
        .build();
  }

  @Test
  @DisplayName("a valid bundle has no finding in either mode")
  void validBundle() {
    assertThat(check(valid(), FindingCode.Context.COMPILE)).isEmpty();
    assertThat(check(valid(), FindingCode.Context.LOAD)).isEmpty();
  }

  // ---------------------------------------------------------------- manifest

  @Test
  void pluginNames() {
    expect(withManifest("Team Workflow", "1.0.0"), BAD_NAME, M, "name", ERROR, ERROR);
    expect(withManifest("Team_Workflow", "1.0.0"), BAD_NAME, M, "name", ERROR, WARNING);
    expect(withManifest("a".repeat(65), "1.0.0"), BAD_NAME, M, "name", ERROR, WARNING);
    expect(withManifest("", "1.0.0"), MISSING, M, "name", ERROR, WARNING);
    Finding f = check(withManifest("Team Workflow", "1.0.0"), FindingCode.Context.LOAD).get(0);
    assertThat(f.message()).isEqualTo("must be lowercase kebab-case (a-z, 0-9, single hyphens), 1-64 characters;"
        + " found \"Team Workflow\". Rename it to \"team-workflow\".");
  }

  @Test
  void versions() {
    expect(withManifest("team", "1.0"), BAD_VERSION, M, "version", ERROR, WARNING);
    expect(withManifest("team", "v1.0.0"), BAD_VERSION, M, "version", ERROR, WARNING);
    expect(withManifest("team", "1.0 beta"), BAD_VERSION, M, "version", ERROR, ERROR);
    expect(withManifest("team", ".."), BAD_VERSION, M, "version", ERROR, ERROR);
    expect(withManifest("team", ""), MISSING, M, "version", ERROR, WARNING);
    assertThat(check(withManifest("team", "1.2.0-rc.1+build.5"), FindingCode.Context.COMPILE)).isEmpty();
  }

  @Test
  void urlsAndColors() {
    expect(withUi(f -> set(f, 6, "http://example.com")), NOT_HTTPS, M, "interface.websiteURL", ERROR, WARNING);
    expect(withUi(f -> set(f, 10, "red")), BAD_COLOR, M, "interface.brandColor", ERROR, WARNING);
    PluginBundle v = valid();
    PluginManifest noAuthorName = PluginManifest.builder("team")
        .version("1.0.0")
        .description("d")
        .author(Optional.of(new PluginAuthor("", "", "")))
        .homepage("http://example.com")
        .ui(v.manifest().ui())
        .build();
    List<Finding> found = check(bundle(noAuthorName, v.skills(), v.mcpServers(), v.apps(), v.hooks()),
        FindingCode.Context.LOAD);
    assertThat(found.stream().map(Finding::code).toList()).containsExactly(MISSING, NOT_HTTPS).inOrder();
    assertThat(found.stream().map(Finding::severity).toList()).containsExactly(WARNING, WARNING);
  }

  @Test
  void defaultPrompts() {
    expect(withUi(f -> set(f, 9, List.of("a", "b", "c", "d"))), DEFAULT_PROMPTS, M, "interface.defaultPrompt",
        ERROR, WARNING);
    expect(withUi(f -> set(f, 9, List.of("a", " "))), DEFAULT_PROMPTS, M, "interface.defaultPrompt[1]",
        ERROR, WARNING);
    expect(withUi(f -> set(f, 9, List.of("x".repeat(129)))), DEFAULT_PROMPTS, M, "interface.defaultPrompt[0]",
        ERROR, WARNING);
  }

  @Test
  void assets() {
    expect(withUi(f -> set(f, 12, "./assets/missing.png")), MISSING_FILE, M, "interface.logo", ERROR, WARNING);
    expect(withUi(f -> set(f, 12, "assets/logo.png")), BAD_PATH, M, "interface.logo", ERROR, WARNING);
    expect(withUi(f -> set(f, 12, "./../logo.png")), BAD_PATH, M, "interface.logo", ERROR, WARNING);
    expect(withUi(f -> set(f, 14, List.of("./assets/logo.png", "./skills/code-review/SKILL.md"))), NOT_PNG, M,
        "interface.screenshots[1]", ERROR, WARNING);
  }

  // ---------------------------------------------------------------- skills

  @Test
  void skills() {
    expect(withSkill(skill("code-review", "")), MISSING, "skills/code-review/SKILL.md", "description",
        ERROR, ERROR);
    expect(withSkill(skill("code-review", "x".repeat(1025))), TOO_LONG, "skills/code-review/SKILL.md",
        "description", ERROR, WARNING);
    expect(withSkill(skill("code-review", "Use for <html>.")), ANGLE_BRACKETS, "skills/code-review/SKILL.md",
        "description", ERROR, WARNING);
    SkillSpec renamed = SkillSpec.builder("review")
        .description("Review code.")
        .folder("skills/code-review")
        .build();
    expect(withSkill(renamed), NAME_MISMATCH, "skills/code-review/SKILL.md", "name", ERROR, WARNING);
    SkillSpec needs = SkillSpec.builder("code-review")
        .description("Review code.")
        .folder("skills/code-review")
        .requires(List.of("gitlab"))
        .build();
    Finding f = check(withSkill(needs), FindingCode.Context.COMPILE).get(0);
    assertThat(f.code()).isEqualTo(UNKNOWN_REQUIREMENT);
    assertThat(f.message()).contains("known: github, jira");
    expect(withSkill(needs), UNKNOWN_REQUIREMENT, "skills/code-review/SKILL.md", "requires[0]", ERROR, WARNING);
  }

  @Test
  void duplicateSkillsAndServers() {
    PluginBundle v = valid();
    PluginBundle twice = bundle(v.manifest(), List.of(v.skills().get(0), v.skills().get(0)), v.mcpServers(),
        v.apps(), v.hooks());
    expect(twice, DUPLICATE, "skills/code-review/SKILL.md", "name", ERROR, WARNING);
    PluginBundle servers = bundle(v.manifest(), v.skills(), List.of(v.mcpServers().get(0), v.mcpServers().get(0)),
        v.apps(), v.hooks());
    expect(servers, DUPLICATE, ".mcp.json", "mcpServers.github", ERROR, WARNING);
  }

  @Test
  void skillUi() {
    SkillSpec styled = SkillSpec.builder("code-review")
        .description("Review code.")
        .folder("skills/code-review")
        .ui(new SkillUi("Review", "", "p".repeat(129), "blue", "./assets/small.png", "./assets/large.png"))
        .build();
    List<Finding> load = check(withSkill(styled), FindingCode.Context.LOAD);
    assertThat(load.stream().map(f -> f.code() + " " + f.field()).toList()).containsExactly(
        "BAD_COLOR interface.brand_color", "TOO_LONG interface.default_prompt", "MISSING_FILE interface.icon_large")
        .inOrder();
    assertThat(load.stream().allMatch(f -> f.severity() == WARNING)).isTrue();
    assertThat(check(withSkill(styled), FindingCode.Context.COMPILE).stream().allMatch(Finding::isError)).isTrue();
  }

  // ---------------------------------------------------------------- servers, apps, hooks

  @Test
  void servers() {
    String f = ".mcp.json";
    expect(withServer(server("npx", "https://mcp.example.com", null, "", null, null)), TRANSPORT, f,
        "mcpServers.github", ERROR, ERROR);
    expect(withServer(server("", "", null, "", null, null)), TRANSPORT, f, "mcpServers.github", ERROR, ERROR);
    expect(withServer(server("", "http://mcp.example.com", null, "", null, null)), NOT_HTTPS, f,
        "mcpServers.github.url", ERROR, WARNING);
    assertThat(check(withServer(server("", "http://localhost:8080/mcp", null, "", null, null)),
        FindingCode.Context.COMPILE)).isEmpty();
    expect(withServer(server("./bin/run.sh", "", null, "", null, null)), MISSING, f, "mcpServers.github.cwd",
        ERROR, ERROR);
    expect(withServer(server("node", "", null, "../x", null, null)), FindingCode.BAD_CWD, f, "mcpServers.github.cwd",
        ERROR, WARNING);
    expect(withServer(server("node", "", null, "", List.of("${CLAUDE_PLUGIN_ROOT}/a.js"), null)), PLACEHOLDER, f,
        "mcpServers.github.args[0]", WARNING, WARNING);
    expect(withServer(server("node", "", Map.of("GITHUB_TOKEN", "ghp_abcdefghijklmnop1234"), "", null, null)),
        SECRET_LITERAL, f, "mcpServers.github.env.GITHUB_TOKEN", WARNING, WARNING);
    expect(withServer(server("node", "", null, "", null, -1.0)), NEGATIVE, f,
        "mcpServers.github.startup_timeout_sec", ERROR, ERROR);
    expect(withServer(McpServerSpec.builder("git hub").command("node").build()), BAD_KEY, f, "mcpServers.git hub", ERROR, WARNING);
  }

  @Test
  void secretsLookLikeSecrets() {
    assertThat(Rules.looksLikeSecret("X", "ghp_abcdefghijklmnop1234")).isTrue();
    assertThat(Rules.looksLikeSecret("API_KEY", "a1b2c3d4e5")).isTrue();
    assertThat(Rules.looksLikeSecret("API_KEY", "${API_KEY}")).isFalse();
    assertThat(Rules.looksLikeSecret("MODE", "production1")).isFalse();
    assertThat(Rules.looksLikeSecret("TOKEN", "short1")).isFalse();
  }

  @Test
  void apps() {
    PluginBundle v = valid();
    PluginBundle noId = bundle(v.manifest(), v.skills(), v.mcpServers(),
        List.of(new AppSpec("jira", "", "", "", "http://jira.example.com")), v.hooks());
    List<Finding> load = check(noId, FindingCode.Context.LOAD);
    assertThat(load.stream().map(f -> f.code() + " " + f.field() + " " + f.severity()).toList()).containsExactly(
        "MISSING apps.jira.id ERROR", "NOT_HTTPS apps.jira.baseUrl WARNING").inOrder();
  }

  @Test
  void hooks() {
    String f = FormatFiles.HOOKS_FILE;
    expect(withHook(new HookSpec("OnFoo", "", "echo", Optional.empty(), "")), UNKNOWN_EVENT, f, "hooks.OnFoo",
        ERROR, WARNING);
    expect(withHook(new HookSpec("Stop", "Bash(", "echo", Optional.empty(), "")), BAD_REGEX, f,
        "hooks.Stop[0].matcher", ERROR, ERROR);
    expect(withHook(new HookSpec("Stop", "", " ", Optional.empty(), "")), MISSING, f, "hooks.Stop[0].command",
        ERROR, ERROR);
    expect(withHook(new HookSpec("Stop", "", "echo", Optional.of(-1), "")), NEGATIVE, f, "hooks.Stop[0].timeout",
        ERROR, ERROR);
  }

  @Test
  @DisplayName("regexProblem never throws and is deterministic, even for absurd nesting")
  void regexProblem() {
    assertThat(Rules.regexProblem("Edit|Write")).isEmpty();
    assertThat(Rules.regexProblem("")).isEmpty();
    assertThat(Rules.regexProblem("Bash(").get()).contains("Unclosed group");
    String ok = "(".repeat(Rules.MAX_REGEX_NESTING) + "a" + ")".repeat(Rules.MAX_REGEX_NESTING);
    assertThat(Rules.regexProblem(ok)).isEmpty();
    String deep = "(".repeat(Rules.MAX_REGEX_NESTING + 1) + "a" + ")".repeat(Rules.MAX_REGEX_NESTING + 1);
    assertThat(Rules.regexProblem(deep).get()).contains("more than 250 levels");
    assertThat(Rules.regexProblem("[(((]" + "\\(".repeat(300))).isEmpty();
  }

  // ---------------------------------------------------------------- report

  @Test
  @DisplayName("Report: host-fatal is an error in both modes, even for advice-only codes; follow-ons dropped")
  void reportSeverities() {
    for (FindingCode.Context mode : List.of(FindingCode.Context.COMPILE, FindingCode.Context.LOAD)) {
      Report report = new Report(mode, "/x");
      report.problem(FindingCode.UNKNOWN_KEY, "hooks/hooks.json", "foo").dropsPart().report();
      report.problem(FindingCode.UNKNOWN_KEY, "a.json", "bar").report();
      report.problem(FindingCode.BAD_COLOR, "a.json", "color").report();
      report.problem(FindingCode.WRONG_TYPE, "a.json", "version").dropsPart().report();
      report.problem(FindingCode.MISSING, "a.json", "version").report();
      report.problem(FindingCode.WRONG_TYPE, "a.json", "version").dropsPart().report();
      assertThat(report.impactCount()).isEqualTo(3);
      List<String> expected = mode == FindingCode.Context.LOAD
          ? List.of("UNKNOWN_KEY ERROR", "UNKNOWN_KEY WARNING", "BAD_COLOR WARNING", "WRONG_TYPE ERROR")
          // in PUBLISH the MISSING is an error of its own, not a follow-on warning
          : List.of("UNKNOWN_KEY ERROR", "UNKNOWN_KEY WARNING", "BAD_COLOR ERROR", "WRONG_TYPE ERROR",
              "MISSING ERROR");
      assertThat(report.findings().stream().map(f -> f.code() + " " + f.severity()).toList())
          .containsExactlyElementsIn(expected).inOrder();
      List<Boolean> errorsFirst = report.errorsFirst().stream().map(Finding::isError).toList();
      assertThat(errorsFirst).isInOrder(java.util.Comparator.<Boolean>reverseOrder());
      assertThat(errorsFirst).contains(false);
    }
  }

  private static List<Object> set(List<Object> fields, int index, Object value) {
    fields.set(index, value);
    return fields;
  }
}
