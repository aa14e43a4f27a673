package dev.codexplugin.runtime.format;

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

import dev.codexplugin.runtime.AppSpec;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.FindingCode.HostImpact;
import dev.codexplugin.runtime.HookSpec;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginManifest;
import dev.codexplugin.runtime.PluginUi;
import dev.codexplugin.runtime.SkillSpec;
import dev.codexplugin.runtime.SkillUi;
import dev.codexplugin.runtime.ToolSpec;
import java.net.URI;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Every rule of the format that can be checked on the model. The processor runs it on what it is about to
 * write ({@link FindingCode.Context#COMPILE}); the loader runs it on what it read ({@link FindingCode.Context#LOAD}). The
 * parsers add the checks only they can make (JSON syntax and types, front matter, path resolution).
 */
public final class Rules {
  public static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  public static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  /** The regular expression of semver.org, anchored. */
  public static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
          + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
          + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");
  /** What Codex 0.169.0 itself accepts as a version (it becomes a folder name). */
  public static final Pattern HOST_VERSION = Pattern.compile("[A-Za-z0-9.+_-]+");
  public static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
  /** The hook events Codex 0.169.0 runs; it silently ignores any other name. */
  public static final Set<String> HOOK_EVENTS = Set.of("PreToolUse", "PostToolUse", "PermissionRequest",
      "SessionStart", "SessionEnd", "UserPromptSubmit", "Stop", "SubagentStart", "SubagentStop", "PreCompact",
      "PostCompact", "PreModelRequest", "PostModelRequest", "Interrupt");
  /** What Codex 0.169.0 itself accepts as a plugin name. */
  public static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]+");

  /** The MCP rule for tool names. */
  public static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
  /** The longest tool name a model accepts, as Codex shows it: {@code mcp__<server>__<tool>}. */
  public static final int MAX_QUALIFIED_TOOL_NAME = 64;

  public static final int MAX_NAME = 64;
  public static final int MAX_SKILL_DESCRIPTION = 1024;
  public static final int MAX_COMPATIBILITY = 500;
  public static final int MAX_PROMPTS = 3;
  public static final int MAX_PROMPT = 128;


  private static final Pattern SECRET_SHAPES = Pattern.compile(
      "(ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|glpat-|xox[abprs]-|sk-|sk_live_|rk_live_|AKIA|ASIA|AIza|ya29\\.|"
          + "eyJ)[A-Za-z0-9_\\-.]{8,}|(?i:bearer|basic|token)\\s+[A-Za-z0-9_\\-.=+/]{12,}");
  private static final Pattern SECRET_NAMES =
      Pattern.compile("(?i).*(token|secret|password|passwd|api[_-]?key|apikey|auth|credential|private).*");

  private final Report report;
  private final String manifestFile;

  private Rules(Report report, String manifestFile) {
    this.report = report;
    this.manifestFile = manifestFile;
  }

  /** Checks every model rule of {@code bundle}; {@code manifestFile} names its manifest in findings. */
  public static void check(PluginBundle bundle, String manifestFile, Report report) {
    Rules rules = new Rules(report, manifestFile);
    rules.manifest(bundle.manifest(), bundle.files());
    Set<String> skillNames = new HashSet<>();
    for (SkillSpec skill : bundle.skills()) {
      rules.skill(skill, bundle, skillNames);
    }
    Set<String> serverNames = new HashSet<>();
    for (McpServerSpec server : bundle.mcpServers()) {
      rules.server(server);
      if (!serverNames.add(server.name())) {
        rules.duplicate(FormatFiles.MCP_FILE, "mcpServers." + server.name(), server.name(), "MCP server");
      }
    }
    Set<String> appKeys = new HashSet<>();
    for (AppSpec app : bundle.apps()) {
      rules.app(app);
      if (!appKeys.add(app.key())) {
        rules.duplicate(FormatFiles.APP_FILE, "apps." + app.key(), app.key(), "app");
      }
    }
    List<HookSpec> hooks = bundle.hooks();
    for (int i = 0; i < hooks.size(); i++) {
      rules.hook(hooks.get(i), i);
    }
    List<ToolSpec> tools = bundle.tools();
    for (int i = 0; i < tools.size(); i++) {
      rules.tool(tools.get(i), i);
    }
    rules.portable(bundle);
  }

  // ---------------------------------------------------------------- names every operating system can hold

  /** A name Windows reserves for a device, with or without an extension, in any case. */
  private static final Pattern WINDOWS_DEVICE =
      Pattern.compile("(?i)(con|prn|aux|nul|com[1-9\u00B9\u00B2\u00B3]|lpt[1-9\u00B9\u00B2\u00B3])(\\..*)?");

  /**
   * What keeps {@code name} (one file or folder name, or a plugin name) from being created on every operating
   * system, as a "found" phrase; empty when nothing does.
   */
  public static Optional<String> unportable(String name) {
    if (WINDOWS_DEVICE.matcher(name).matches()) {
      return Optional.of(Text.quote(name) + ", a name Windows reserves for a device");
    }
    if (name.endsWith(".") && !name.equals(".") && !name.equals("..")) {
      return Optional.of(Text.quote(name) + ", which ends in a dot that Windows drops");
    }
    if (name.endsWith(" ")) {
      return Optional.of(Text.quote(name) + ", which ends in a space that Windows drops");
    }
    return Optional.empty();
  }

  /** The form two names share when a file system would hold only one of them: NFC, then case folded. */
  static String folded(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }

  /**
   * {@link FindingCode#NOT_PORTABLE}: the plugin name (the folder a host installs it in), every folder and file of
   * the bundle, and the skill names, each against the others of the bundle.
   */
  private void portable(PluginBundle bundle) {
    String name = bundle.manifest().name();
    if (!name.isEmpty()) {
      unportable(name).ifPresent(found -> report.problem(FindingCode.NOT_PORTABLE, manifestFile, "name")
          .found(found).fix("rename the plugin; a host installs it in a folder of this name").report());
    }
    // Every folder and file, each once, parents first: "skills/a", then "skills/a/SKILL.md".
    Set<String> paths = new TreeSet<>();
    for (String file : bundle.files()) {
      for (int slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) {
        paths.add(file.substring(0, slash));
      }
      paths.add(file);
    }
    Set<String> flagged = new HashSet<>();
    Map<String, String> firstOfForm = new LinkedHashMap<>();
    for (String path : paths) {
      int slash = path.lastIndexOf('/');
      String parent = slash < 0 ? "" : path.substring(0, slash);
      if (flagged.contains(parent)) {
        flagged.add(path);
        continue;
      }
      Optional<String> found = unportable(path.substring(slash + 1));
      if (found.isPresent()) {
        flagged.add(path);
        report.problem(FindingCode.NOT_PORTABLE, path, "").found(found.get())
            .fix("rename it; Windows cannot create it, so the plugin does not install there").report();
        continue;
      }
      String form = folded(path);
      String first = firstOfForm.putIfAbsent(form, path);
      if (first != null) {
        flagged.add(path);
        report.problem(FindingCode.NOT_PORTABLE, path, "").found(twin(path, first))
            .fix("rename one; macOS and Windows hold only one of the two, so a host installs one in place of both")
            .report();
      }
    }
    Map<String, String> skills = new LinkedHashMap<>();
    for (SkillSpec skill : bundle.skills()) {
      String first = skills.putIfAbsent(folded(skill.name()), skill.name());
      if (first != null && !first.equals(skill.name()) && !flagged.contains(skill.folder())) {
        report.problem(FindingCode.NOT_PORTABLE, skill.skillFile(), "name").found(twin(skill.name(), first))
            .fix("rename one so that users, the model and every file system can tell them apart").report();
      }
    }
  }

  private static String twin(String name, String first) {
    boolean normalisation = Normalizer.normalize(name, Normalizer.Form.NFC)
        .equals(Normalizer.normalize(first, Normalizer.Form.NFC));
    return Text.quote(name) + ", equal to " + Text.quote(first)
        + (normalisation ? " after Unicode normalisation (NFC)" : " when case is ignored");
  }

  // ---------------------------------------------------------------- tools

  /** A tool of {@code mcp-tools.json}: its name, and the name a host shows the model. */
  private void tool(ToolSpec tool, int index) {
    Place place = new Place(FormatFiles.TOOLS_FILE, "tools[" + index + "].name");
    toolNameProblem(tool.name()).ifPresent(fix -> report.problem(FindingCode.BAD_TOOL_NAME, place)
        .value(tool.name()).fix(fix + "; rebuild the jar with the processor").report());
    longToolName(tool.server(), tool.name()).ifPresent(found -> report.problem(FindingCode.LONG_TOOL_NAME, place)
        .found(found).report());
  }

  /** What is wrong with {@code name} as an MCP tool name ({@link FindingCode#BAD_TOOL_NAME}), as a fix. */
  public static Optional<String> toolNameProblem(String name) {
    if (TOOL_NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    if (name.length() > 128) {
      return Optional.of("it has " + name.length() + " characters; shorten it");
    }
    return Optional.of("rename it, e.g. " + Text.quote(name.isEmpty() ? "tool" : name.replaceAll("[^A-Za-z0-9_.-]+", "_")));
  }

  /**
   * The name a host shows the model for {@code tool} of {@code server}, {@code mcp__<server>__<tool>}, when it is
   * longer than models accept ({@link FindingCode#LONG_TOOL_NAME}): what was found, for the message.
   */
  public static Optional<String> longToolName(String server, String tool) {
    String qualified = "mcp__" + server + "__" + tool;
    return qualified.length() <= MAX_QUALIFIED_TOOL_NAME ? Optional.empty()
        : Optional.of(Text.quote(qualified) + " (" + qualified.length() + " characters)");
  }

  // ---------------------------------------------------------------- manifest

  private void manifest(PluginManifest m, List<String> files) {
    String f = manifestFile;
    if (m.name().isEmpty()) {
      // Codex installs it (docs/FORMAT.md), but shows the skills as "<version>:<skill>".
      report.problem(MISSING, f, "name")
          .fix("without a name Codex shows every skill under the version, e.g. \"1.0.0:<skill>\"; set \"name\"")
          .report();
    } else {
      name(f, "name", m.name(), HOST_NAME.matcher(m.name()).matches() ? HostImpact.NONE : HostImpact.REJECTS_PLUGIN);
      if (claudeReservedPluginName(m.name())) {
        report.problem(FindingCode.RESERVED_NAME, f, "name").value(m.name())
            .fix("`claude plugin validate` refuses it for a third party's plugin (it passes as one of Anthropic's own:"
                + " a name cannot start with \"claude-\", \"anthropic-\", \"anthropics-\" or \"cc-plugin-\", be"
                + " \"claude\", \"anthropic\", \"anthropics\", \"claude-code\" or \"claude-mods\", or put"
                + " \"official\" beside \"claude\" or \"anthropic\"), though both hosts install it; name it for what"
                + " it does")
            .report();
      }
    }
    version(f, "version", m.version());
    if (m.description().isBlank()) {
      report.problem(MISSING, f, "description").fix("say what the plugin is for").report();
    }
    m.author().ifPresent(a -> {
      if (a.name().isBlank()) {
        report.problem(MISSING, f, "author.name").fix("name the author, or leave out author").report();
      }
      https(f, "author.url", a.url());
    });
    https(f, "homepage", m.homepage());
    https(f, "repository", m.repository());
    ui(m.ui(), files);
  }

  private void ui(PluginUi ui, List<String> files) {
    String f = manifestFile;
    https(f, "interface.websiteURL", ui.websiteUrl());
    https(f, "interface.privacyPolicyURL", ui.privacyPolicyUrl());
    https(f, "interface.termsOfServiceURL", ui.termsOfServiceUrl());
    prompts(f, "interface.defaultPrompt", ui.defaultPrompts());
    color(f, "interface.brandColor", ui.brandColor());
    asset(f, "interface.composerIcon", ui.composerIcon(), "", files);
    asset(f, "interface.logo", ui.logo(), "", files);
    asset(f, "interface.logoDark", ui.logoDark(), "", files);
    List<String> shots = ui.screenshots();
    for (int i = 0; i < shots.size(); i++) {
      String field = "interface.screenshots[" + i + "]";
      if (asset(f, field, shots.get(i), "", files)
          && !(shots.get(i).startsWith("./assets/") && shots.get(i).toLowerCase(Locale.ROOT).endsWith(".png"))) {
        report.problem(NOT_PNG, f, field).value(shots.get(i))
            .fix("save the screenshot as PNG in the assets/ folder").report();
      }
    }
  }

  // ---------------------------------------------------------------- skills

  private void skill(SkillSpec s, PluginBundle bundle, Set<String> seen) {
    String f = s.skillFile();
    if (s.name().isEmpty()) {
      report.problem(MISSING, f, "name").fix("name the skill after its folder").report();
    } else {
      name(f, "name", s.name(), s.name().length() > MAX_NAME ? HostImpact.DROPS_PART : HostImpact.NONE);
      if (!seen.add(s.name())) {
        report.problem(DUPLICATE, f, "name").value(s.name())
            .fix("another skill of this plugin has the same name, and Codex lists both; rename one").report();
      }
      String folderName = s.folder().substring(s.folder().lastIndexOf('/') + 1);
      if (!folderName.equals(s.name())) {
        report.problem(NAME_MISMATCH, f, "name").value(s.name())
            .arg("expected", "its folder name \"" + folderName + "\"")
            .fix("rename the folder or the skill").report();
      }
    }
    if (s.description().isBlank()) {
      report.problem(MISSING, f, "description").dropsPart()
          .fix("say what the skill does and when to use it (Codex skips a skill without one)").report();
    } else {
      if (s.description().length() > MAX_SKILL_DESCRIPTION) {
        report.problem(TOO_LONG, f, "description")
            .found(s.description().length() + " characters")
            .arg("max", MAX_SKILL_DESCRIPTION).report();
      }
      noAngleBrackets(f, "description", s.description());
    }
    if (s.compatibility().length() > MAX_COMPATIBILITY) {
      report.problem(TOO_LONG, f, "compatibility").found(s.compatibility().length() + " characters")
          .arg("max", MAX_COMPATIBILITY).report();
    }
    for (int i = 0; i < s.requires().size(); i++) {
      String required = s.requires().get(i);
      boolean known = bundle.mcpServer(required).isPresent() || bundle.app(required).isPresent();
      if (!known) {
        report.problem(UNKNOWN_REQUIREMENT, f, "requires[" + i + "]").value(required)
            .fix("declare it with @McpServer or @App in this plugin, or remove it; known: "
                + known(bundle))
            .report();
      }
    }
    SkillUi ui = s.ui();
    if (!ui.isEmpty()) {
      String agent = s.folder() + "/agents/openai.yaml";
      color(agent, "interface.brand_color", ui.brandColor());
      if (ui.defaultPrompt().length() > MAX_PROMPT) {
        report.problem(TOO_LONG, agent, "interface.default_prompt")
            .found(ui.defaultPrompt().length() + " characters")
            .arg("max", MAX_PROMPT).report();
      }
      asset(agent, "interface.icon_small", ui.iconSmall(), s.folder(), bundle.files());
      asset(agent, "interface.icon_large", ui.iconLarge(), s.folder(), bundle.files());
    }
  }

  private static String known(PluginBundle bundle) {
    TreeSet<String> names = new TreeSet<>();
    bundle.mcpServers().forEach(s -> names.add(s.name()));
    bundle.apps().forEach(a -> names.add(a.key()));
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  // ---------------------------------------------------------------- MCP servers

  private void server(McpServerSpec s) {
    String f = FormatFiles.MCP_FILE;
    String p = "mcpServers." + s.name();
    key(f, p, s.name());
    boolean stdio = !s.command().isEmpty();
    boolean http = !s.url().isEmpty();
    if (stdio == http) {
      report.problem(TRANSPORT, f, p).found(stdio ? "(both are set)" : "(neither is set)")
          .fix(stdio ? "a server is either a local command or a remote URL; keep one"
              : "set command (stdio) or url (HTTP)")
          .dropsPart().report();
    }
    if (http) {
      url(f, p + ".url", s.url());
    }
    s.env().forEach((k, v) -> {
      secret(f, p + ".env." + k, k, v, "put the variable's name in env_vars (envVars) instead");
      placeholder(f, p + ".env." + k, v, "forward the variable with env_vars (envVars) instead");
    });
    s.httpHeaders().forEach((k, v) -> {
      secret(f, p + ".http_headers." + k, k, v,
          "read it from a variable with env_http_headers (envHttpHeaders) or bearer_token_env_var instead");
      placeholder(f, p + ".http_headers." + k, v, "use env_http_headers (envHttpHeaders) instead");
    });
    for (int i = 0; i < s.args().size(); i++) {
      placeholder(f, p + ".args[" + i + "]", s.args().get(i),
          "use a path relative to the plugin root together with \"cwd\": \".\"");
    }
    placeholder(f, p + ".command", s.command(), "use a path relative to the plugin root with \"cwd\": \".\"");
    placeholder(f, p + ".cwd", s.cwd(), "use \".\" for the plugin root");
    cwd(f, p, s);
    s.startupTimeoutSec().ifPresent(t -> notNegative(f, p + ".startup_timeout_sec", t));
    s.toolTimeoutSec().ifPresent(t -> notNegative(f, p + ".tool_timeout_sec", t));
  }

  /**
   * Codex joins a relative cwd to the installed plugin folder without normalizing it and starts a server
   * without cwd in the user's session folder: a bundled server needs {@code "cwd": "."}.
   */
  private void cwd(String f, String p, McpServerSpec s) {
    String cwd = s.cwd();
    if (!cwd.isEmpty()) {
      boolean absolute = cwd.startsWith("/") || cwd.startsWith("\\") || cwd.matches("[A-Za-z]:.*");
      boolean escapes = java.util.Arrays.asList(cwd.split("[/\\\\]")).contains("..");
      if (absolute || escapes) {
        report.problem(FindingCode.BAD_CWD, f, p + ".cwd").value(cwd).report();
      }
    } else if (s.command().startsWith("./") || s.command().startsWith("lib/")) {
      report.problem(MISSING, f, p + ".cwd")
          .fix("the command is relative to the plugin, but without cwd Codex starts the server in the user's"
              + " folder; set \"cwd\": \".\"")
          .dropsPart().report();
    }
  }

  // ---------------------------------------------------------------- apps

  private void app(AppSpec a) {
    String f = FormatFiles.APP_FILE;
    String p = "apps." + a.key();
    key(f, p, a.key());
    if (a.id().isBlank()) {
      report.problem(MISSING, f, p + ".id").dropsPart()
          .fix("set the registered connector id, e.g. \"connector_...\"; Codex reads only id").report();
    }
    https(f, p + ".baseUrl", a.baseUrl());
  }

  // ---------------------------------------------------------------- hooks

  private void hook(HookSpec h, int index) {
    String f = FormatFiles.HOOKS_FILE;
    String p = "hooks." + h.event() + "[" + index + "]";
    if (!HOOK_EVENTS.contains(h.event())) {
      report.problem(UNKNOWN_EVENT, f, "hooks." + h.event()).value(h.event())
          .fix("Codex ignores the hooks of any other event; use one of the listed events").report();
    }
    if (!h.matcher().isEmpty()) {
      regexProblem(h.matcher()).ifPresent(problem -> report.problem(BAD_REGEX, f, p + ".matcher")
          .value(h.matcher()).fix(problem).dropsPart().report());
    }
    if (h.command().isBlank()) {
      report.problem(MISSING, f, p + ".command").dropsPart().fix("set the shell command to run").report();
    }
    h.timeoutSec().ifPresent(t -> notNegative(f, p + ".timeout", t));
  }

  /** How deeply a hook matcher may nest groups; the Rust regex engine of Codex stops at 250 as well. */
  static final int MAX_REGEX_NESTING = 250;

  /**
   * What is wrong with {@code regex} as a hook matcher, or empty when it compiles. Never throws, and gives the
   * same answer every time: groups nested deeper than {@value #MAX_REGEX_NESTING} levels are refused before
   * compiling (Java would otherwise overflow its stack, at a depth that varies from run to run).
   */
  public static Optional<String> regexProblem(String regex) {
    if (regex.isEmpty()) {
      return Optional.empty();
    }
    if (groupNesting(regex) > MAX_REGEX_NESTING) {
      return Optional.of("it nests groups more than " + MAX_REGEX_NESTING + " levels deep; simplify it");
    }
    try {
      Pattern.compile(regex);
      return Optional.empty();
    } catch (PatternSyntaxException e) {
      return Optional.of(e.getDescription() + " at index " + e.getIndex()
          + "; escape special characters with \\");
    } catch (StackOverflowError e) {
      return Optional.of("it is nested too deeply to compile; simplify it");
    }
  }

  /** The deepest nesting of unescaped parentheses outside character classes. */
  private static int groupNesting(String regex) {
    int depth = 0;
    int max = 0;
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        max = Math.max(max, ++depth);
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      }
    }
    return max;
  }

  private static final Pattern CLAUDE_RESERVED_PLUGIN = Pattern.compile(
      "^(claude|anthropics?|cc-plugin)-.*|^(claude|anthropics?|claude-code|claude-mods)$"
          + "|official[^a-z0-9]*(claude|anthropic)|(claude|anthropic)[^a-z0-9]*official", Pattern.CASE_INSENSITIVE);

  /**
   * Whether Claude Code's {@code claude plugin validate} refuses {@code name} for a third party's plugin (Claude
   * Code 2.1.328 / 2.1.332; Anthropic's own marketplace is exempt, and both hosts install such a plugin anyway).
   */
  public static boolean claudeReservedPluginName(String name) {
    return CLAUDE_RESERVED_PLUGIN.matcher(name).find();
  }

  // ---------------------------------------------------------------- single-value rules

  /** The name rule for plugin and skill names. */
  public void name(String file, String field, String value, HostImpact impact) {
    if (value.length() <= MAX_NAME && NAME.matcher(value).matches()) {
      return;
    }
    String suggestion = Text.kebab(value);
    report.problem(BAD_NAME, file, field).value(value).impact(impact)
        .fix(suggestion.isEmpty() ? "use letters and digits" : "rename it to \"" + suggestion + "\"").report();
  }

  private void key(String file, String field, String value) {
    if (!KEY.matcher(value).matches()) {
      String suggestion = value.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
      if (suggestion.length() > 64) {
        suggestion = suggestion.substring(0, 64);
      }
      report.problem(BAD_KEY, file, field).value(value)
          .fix(suggestion.isEmpty() ? "use letters and digits" : "rename it to \"" + suggestion + "\"").report();
    }
  }

  private void version(String file, String field, String value) {
    if (value.isBlank()) {
      // Codex installs a plugin without a version as "local" (docs/FORMAT.md); the manifest reader reports a blank
      // string, which Codex rejects (docs/FORMAT.md), as host-fatal under the same code and field.
      report.problem(MISSING, file, field)
          .fix("set a version such as \"1.0.0\"; Codex names the install folder after it (\"local\" without one)")
          .report();
      return;
    }
    if (!SEMVER.matcher(value).matches()) {
      Report.Problem p = report.problem(BAD_VERSION, file, field).value(value)
          .fix(value.startsWith("v") || value.startsWith("V")
              ? "drop the leading \"" + value.charAt(0) + "\""
              : "use three numbers, e.g. \"1.0.0\"");
      if (!HOST_VERSION.matcher(value).matches() || value.equals(".") || value.equals("..")) {
        p.rejectsPlugin();
      }
      p.report();
    }
  }

  private void https(String file, String field, String value) {
    if (value.isEmpty()) {
      return;
    }
    if (!isHttps(value)) {
      report.problem(NOT_HTTPS, file, field).value(value)
          .fix(value.startsWith("http://") ? "use \"https://" + value.substring(7) + "\"" : "use a full https:// URL")
          .report();
    }
  }

  private void url(String file, String field, String value) {
    if (isHttps(value) || isLocalHttp(value)) {
      return;
    }
    report.problem(NOT_HTTPS, file, field).value(value)
        .fix("use https:// (plain http:// is accepted only for localhost)").report();
  }

  /** Whether {@code value} is an absolute https URL with a host. */
  public static boolean isHttps(String value) {
    return value.startsWith("https://") && hasHost(value);
  }

  private static boolean isLocalHttp(String value) {
    if (!value.startsWith("http://") || !hasHost(value)) {
      return false;
    }
    String host = URI.create(value).getHost();
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
  }

  private static boolean hasHost(String value) {
    try {
      URI uri = new URI(value);
      return uri.getHost() != null && !uri.getHost().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private void color(String file, String field, String value) {
    if (!value.isEmpty() && !COLOR.matcher(value).matches()) {
      report.problem(BAD_COLOR, file, field).value(value).fix("use six hex digits, e.g. \"#4F46E5\"").report();
    }
  }

  private void prompts(String file, String field, List<String> prompts) {
    // Codex 0.169.0 keeps the first three non-blank prompts and only warns (docs/FORMAT.md).
    if (prompts.size() > MAX_PROMPTS) {
      report.problem(DEFAULT_PROMPTS, file, field).found(prompts.size() + " entries")
          .fix("keep the best three (Codex drops the rest)").report();
    }
    for (int i = 0; i < prompts.size(); i++) {
      String prompt = prompts.get(i);
      if (prompt.isBlank()) {
        report.problem(DEFAULT_PROMPTS, file, field + "[" + i + "]").found("empty")
            .fix("remove the empty entry (Codex drops it)").report();
      } else if (prompt.length() > MAX_PROMPT) {
        report.problem(DEFAULT_PROMPTS, file, field + "[" + i + "]").found(prompt.length() + " characters")
            .fix("shorten it").report();
      }
    }
  }

  /**
   * Checks a path field; {@code base} is the folder it is relative to. Returns whether it is fine. Codex keeps
   * a missing asset and drops one with a bad path without losing anything else (docs/FORMAT.md): warnings on load.
   */
  private boolean asset(String file, String field, String value, String base, List<String> files) {
    if (value.isEmpty()) {
      return false;
    }
    var problem = BundlePaths.problem(value);
    if (problem.isPresent()) {
      report.problem(BAD_PATH, file, field).value(value)
          .fix(problem.get() + "; write it like \"./assets/logo.png\" (Codex ignores it)").report();
      return false;
    }
    String relative = BundlePaths.relative(value);
    String resolved = base.isEmpty() ? relative : base + "/" + relative;
    if (!BundlePaths.exists(files, resolved)) {
      report.problem(MISSING_FILE, file, field).value(value)
          .fix("add " + resolved + " to the bundle or fix the path (Codex shows no image)").report();
      return false;
    }
    return true;
  }

  private void noAngleBrackets(String file, String field, String value) {
    if (value.indexOf('<') >= 0 || value.indexOf('>') >= 0) {
      report.problem(ANGLE_BRACKETS, file, field).value(value)
          .fix("write \"less than\" / \"greater than\" or use other quotes").report();
    }
  }

  private void notNegative(String file, String field, double value) {
    if (value < 0) {
      report.problem(NEGATIVE, file, field).found(value == Math.rint(value) ? String.valueOf((long) value)
              : String.valueOf(value))
          .fix("leave it out for the host's default (Codex rejects a negative value)").dropsPart().report();
    }
  }

  private void secret(String file, String field, String key, String value, String fix) {
    if (looksLikeSecret(key, value)) {
      report.problem(SECRET_LITERAL, file, field).found("a literal that looks like a secret")
          .fix(fix).report();
    }
  }

  private void placeholder(String file, String field, String value, String fix) {
    if (value.contains("${")) {
      report.problem(PLACEHOLDER, file, field).value(value).fix(fix).report();
    }
  }

  /** Whether a literal value, stored under {@code key}, looks like a credential. */
  public static boolean looksLikeSecret(String key, String value) {
    if (value.contains("${")) {
      return false;
    }
    if (SECRET_SHAPES.matcher(value).find()) {
      return true;
    }
    boolean secretName = SECRET_NAMES.matcher(key).matches();
    return secretName && value.length() >= 8 && !value.contains(" ")
        && value.chars().anyMatch(Character::isDigit) && value.chars().anyMatch(Character::isLetter);
  }

  private void duplicate(String file, String field, String name, String what) {
    report.problem(DUPLICATE, file, field).value(name)
        .fix("this " + what + " name is defined twice; rename or remove one").report();
  }
}
