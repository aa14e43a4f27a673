package dev.codexplugin.runtime;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one catalogue of everything the SDK checks. Codes are stable: tools may match on {@link #id()}. Each code
 * carries its whole message template — the {@linkplain #rule() rule} in the words every message and every
 * annotation's Javadoc use, the default {@linkplain #fix() fix} — and its {@linkplain #severity(Context,
 * HostImpact) severity in each context}. Every message of the SDK is rendered from it in one shape:
 *
 * <pre>{@code
 * [codexplugin:BadColor] <where>: <subject> must be a #RRGGBB hex color; found "red". Use six hex digits, e.g. "#4F46E5".
 * }</pre>
 *
 * <p>The subject is the field of a file ({@code interface.brandColor}) at run time, or the annotation value
 * ({@code @PluginInterface brandColor}) at compile time. A rule may name a number, written {@code {max}} in the
 * template, which each message fills in ({@link #rule(Map)}).
 *
 * <p>Severity: the annotation processor ({@link Context#COMPILE}) writes the bundle itself, so the strict
 * publishing rules are errors. {@link PluginLoader} ({@link Context#LOAD}) reads bundles written by anyone:
 * there a finding is an error only when Codex would reject the plugin or silently lose part of it (its
 * {@link HostImpact}), and a warning otherwise. The exporter and catalogs add the conflicts between plugins,
 * with severities of their own.
 */
public enum FindingCode {
  /** A plugin or skill name breaks the naming rule. */
  BAD_NAME("BadName", "must be lowercase kebab-case (a-z, 0-9, single hyphens), 1-64 characters",
      "use lowercase letters, digits and single hyphens"),
  /** An MCP server name or app key breaks the key rule. */
  BAD_KEY("BadKey", "must be 1-64 characters of letters, digits, _ and -", "use letters, digits, _ and -"),
  /** A version is not strict SemVer. */
  BAD_VERSION("BadVersion",
      "must be a strict Semantic Version 2.0.0 (MAJOR.MINOR.PATCH with optional -pre-release and +build,"
          + " e.g. 1.2.0-rc.1)", "use three numbers, e.g. \"1.0.0\""),
  /** A required value is missing or empty. */
  MISSING("Missing", "must not be empty", "set it"),
  /** A text is longer than its limit. */
  TOO_LONG("TooLong", "must be at most {max} characters", "shorten it"),
  /** A description contains {@code <} or {@code >}. */
  ANGLE_BRACKETS("AngleBrackets", "must not contain < or >",
      "write \"less than\" / \"greater than\" or use other quotes"),
  /** A URL is not https. */
  NOT_HTTPS("NotHttps", "must be an https:// URL", "use a full https:// URL"),
  /** A color is not {@code #RRGGBB}. */
  BAD_COLOR("BadColor", "must be a #RRGGBB hex color", "use six hex digits, e.g. \"#4F46E5\""),
  /** Too many default prompts, or one too long. */
  DEFAULT_PROMPTS("DefaultPrompts", "must have at most 3 entries, each 1-128 characters",
      "keep the best three (Codex drops the rest)"),
  /** A path field breaks the path rule. */
  BAD_PATH("BadPath", "must start with ./, must not be ./ alone, and must not contain .. or an absolute part",
      "write it like \"./assets/logo.png\""),
  /** An MCP server's {@code cwd} that leaves the plugin folder. */
  BAD_CWD("BadCwd", "must be a relative folder inside the plugin, such as \".\"",
      "a plugin is installed in a folder of its own; refer to it with a relative path"),
  /** A path or resource names a file that does not exist. */
  MISSING_FILE("MissingFile", "must name an existing file", "fix the path or add the file"),
  /** A screenshot is not a PNG under {@code ./assets/}. */
  NOT_PNG("NotPng", "must be a .png file under ./assets/", "save the screenshot as PNG in the assets/ folder"),
  /** A skill requires an MCP server or app the plugin does not define. */
  UNKNOWN_REQUIREMENT("UnknownRequirement", "must name an MCP server or app of the same plugin",
      "declare it with @McpServer or @App in this plugin, or remove it"),
  /** A skill, MCP server, app or asset name is defined twice. */
  DUPLICATE("Duplicate", "must be unique", "rename or remove one"),
  /** An MCP server has both or neither of command and url. */
  TRANSPORT("Transport", "exactly one of command and url must be set",
      "a server is either a local command or a remote URL"),
  /** A value relies on a {@code ${...}} placeholder, which Codex does not expand. */
  PLACEHOLDER("Placeholder", "must not rely on ${...} placeholders: Codex does not expand them",
      "use a path relative to the plugin root together with \"cwd\": \".\"", Severity.WARNING),
  /** A literal in env or http headers looks like a secret. */
  SECRET_LITERAL("SecretLiteral", "must never hold a secret: name an environment variable instead",
      "put the variable's name in env_vars (envVars) instead", Severity.WARNING),
  /** A {@code key=value} entry of an annotation is malformed. */
  BAD_ENTRY("BadEntry", "must be key=value with a non-empty key", "write it like \"NAME=value\""),
  /** A skill has both or neither of instructions and instructionsFile. */
  INSTRUCTIONS("Instructions", "exactly one of instructions and instructionsFile must be set",
      "write the Markdown in instructions = \"\"\"...\"\"\" or name a file in instructionsFile"),
  /** A timeout is negative. */
  NEGATIVE("Negative", "must not be negative", "leave it out for the host's default"),
  /** A hook matcher is not a valid regular expression. */
  BAD_REGEX("BadRegex", "must be a valid regular expression", "escape special characters with \\"),
  /** A hook event is not one the host knows. */
  UNKNOWN_EVENT("UnknownEvent",
      "must be one of PreToolUse, PostToolUse, PermissionRequest, SessionStart, SessionEnd,"
          + " UserPromptSubmit, Stop, SubagentStart, SubagentStop, PreCompact, PostCompact, PreModelRequest,"
          + " PostModelRequest, Interrupt", "use one of the listed events (names are case-sensitive)"),
  /** A text file is not UTF-8, or starts with a byte-order mark. */
  BAD_ENCODING("BadEncoding", "must be UTF-8 text without a byte-order mark", "save it as UTF-8 without BOM"),
  /** A JSON file is not valid JSON. */
  BAD_JSON("BadJson", "must be valid JSON without duplicate keys", "fix the syntax"),
  /** A YAML file is not valid YAML. */
  BAD_YAML("BadYaml", "must be valid YAML without duplicate keys", "fix the syntax"),
  /** A JSON or YAML value has the wrong type. */
  WRONG_TYPE("WrongType", "must be {type}", "fix the value"),
  /** A SKILL.md has no valid front matter. */
  FRONT_MATTER("FrontMatter",
      "must begin with a --- line, then YAML front matter (a map) closed by a --- line",
      "start the file with a --- line, then name: and description:, then a --- line"),
  /** A SKILL.md front-matter key outside the Agent Skills spec. */
  FRONT_MATTER_KEY("FrontMatterKey",
      "must be one of name, description, license, compatibility, metadata, allowed-tools",
      "move it under metadata: or remove it (Codex ignores it)"),
  /** A key the host does not read. */
  UNKNOWN_KEY("UnknownKey", "is not a key the host reads", "remove it; the host ignores it", Severity.WARNING),
  /**
   * A name differs from the folder it lives in (or, for a field of an {@code Elicitation.Form<T>}, its
   * {@code @Param(name)} from the record component's JSON name).
   */
  NAME_MISMATCH("NameMismatch", "must equal {expected}", "rename one of them"),
  /** A file is too large or nested too deeply to read safely. */
  TOO_LARGE("TooLarge", "must stay within {limit}", "make it smaller"),
  /** A path leaves the bundle (a {@code ..} entry, an absolute name, a symbolic link pointing outside). */
  UNSAFE_PATH("UnsafePath", "must stay inside the bundle", "keep every file inside the plugin folder"),
  /** A skill that Codex would not find: Codex silently loses it. */
  UNREACHABLE("Unreachable",
      "must be a file named SKILL.md at most 6 folders below the skills root, outside hidden folders",
      "move or rename it"),
  /** Something the publishing rules advise against. */
  DISCOURAGED("Discouraged", "is not allowed by the publishing rules", "remove it"),
  /** No bundle where one was expected. */
  NO_BUNDLE("NoBundle",
      "must hold a plugin: .codex-plugin/plugin.json, .claude-plugin/plugin.json or"
          + " META-INF/codex-plugins/index.json",
      "build the jar with the codexplugin annotation processor (annotationProcessorPaths), or point at a plugin"
          + " folder"),
  /** A bundle given to the exporter or the package manager has errors. */
  INVALID_BUNDLE("InvalidBundle", "must be a plugin bundle without errors", "fix these errors and rebuild it"),
  /** An annotated element belongs to no {@code @Plugin}, or to two. */
  MEMBERSHIP("Membership", "must belong to exactly one @Plugin",
      "put the element in the package of one @Plugin, or annotate its type with @Plugin"),
  /**
   * An {@code @McpTool} parameter or return type that has no JSON Schema; for {@code Elicitation.Form<T>}, a
   * field an elicitation cannot ask for, or {@code @Param(enumNames = true)} where there is no titled
   * single-select enum.
   */
  UNMAPPABLE_TYPE("UnmappableType", "must be a type that maps to JSON Schema",
      "use a record, a POJO, a collection, an enum or a scalar (the mapping table is in the Javadoc of ToolSchemas)"),
  /**
   * A context parameter of an {@code @McpTool} method ({@code ToolContext}, {@code Progress}, {@code McpLog},
   * {@code Cancellation}, {@code Elicitation}, {@code Sampling}, {@code Roots}, {@code ClientInfo}) annotated
   * {@code @Param}, or a second one of the same type.
   */
  CONTEXT_PARAMETER("ContextParameter",
      "must be a parameter of its own, at most one per context type and method, without @Param",
      "remove the @Param (a context parameter is not an argument of the tool), or the second parameter"),
  /**
   * An {@code @Param(defaultValue)} that is not a valid value of its parameter's (or form field's) type, or one
   * beside {@code required = TRUE}.
   */
  BAD_DEFAULT("BadDefault",
      "must be a valid value of the parameter's type: JSON, or plain text for a String or an enum",
      "write a value of the parameter's type"),
  /** An MCP tool name outside the MCP rule. */
  BAD_TOOL_NAME("BadToolName", "must match ^[A-Za-z0-9_.-]{1,128}$", "rename the tool"),
  /** The name a host shows for a tool ({@code mcp__<server>__<tool>}) is longer than models accept. */
  LONG_TOOL_NAME("LongToolName", "should keep mcp__<server>__<tool> within 64 characters",
      "shorten the tool or server name", Severity.WARNING),
  /** An {@code @McpTool} method the generated code cannot call. */
  TOOL_METHOD("ToolMethod",
      "must be a public, non-generic method of a top-level or static nested class that the server can create",
      "make the method public and its class public with a public no-argument constructor, or add an"
          + " @McpToolFactory"),
  /** An {@code @McpToolFactory} method of the wrong shape, or two for one plugin. */
  TOOL_FACTORY("ToolFactory", "must be public static <T> T create(Class<T> type) in a public class, one per plugin",
      "declare it exactly so"),
  /** An {@code @McpResource}, {@code @McpPrompt} or {@code @McpCompletion} method the generated code cannot call. */
  MCP_METHOD("McpMethod",
      "must be a public, non-generic method of a top-level or static nested class that the server can create,"
          + " with the parameters its annotation allows",
      "make the method public and its class public with a public no-argument constructor (or add an"
          + " @McpToolFactory), and give it the parameters its annotation documents"),
  /** A resource, prompt or completion method returns a type the server cannot send. */
  MCP_RETURN_TYPE("McpReturnType",
      "must return what the server can send: String, byte[], ResourceContents or List<ResourceContents> for a"
          + " resource; String, PromptMethod.Message, List<PromptMethod.Message> or PromptMethod.Result for a"
          + " prompt; List<String> or CompletionMethod.Suggestions for a completion",
      "change the return type to one of them"),
  /** The {@code {variables}} of a resource template and the parameters of its method differ. */
  TEMPLATE_VARIABLES("TemplateVariables",
      "must have one String parameter per {variable} of the URI template, named like it, and no other",
      "rename the parameters (or use @Param(name)) so that they match the variables one to one"),
  /** A prompt parameter MCP cannot send: prompt arguments are strings. */
  PROMPT_ARGUMENT("PromptArgument", "must be a String: MCP sends every prompt argument as a string",
      "declare the parameter as String and convert it in the method"),
  /** A completion for a prompt or template the server does not have, or for an argument it does not have. */
  UNKNOWN_COMPLETION("UnknownCompletion",
      "must name exactly one @McpPrompt or @McpResource template of the same server, and one of its arguments",
      "set prompt (or resource) to a prompt name (or URI template) of the server, and argument to one of its"
          + " arguments (or variables)"),
  /** A library the generated code needs is not on the class path. */
  MISSING_DEPENDENCY("MissingDependency", "must be on the compile class path",
      "add dev.codexplugin:sdk-mcp to the dependencies"),
  /** A {@code @HookHandler} method, or its class, that the generated launcher cannot call. */
  HOOK_SIGNATURE("HookSignature",
      "must be a public, non-abstract, non-generic method of a public top-level or static nested class with a"
          + " public no-argument constructor (unless the method is static), throwing only exceptions",
      "make the method and its class public, and give the class a public constructor without parameters"),
  /** A {@code @HookHandler} method whose parameters are not its event's input (and a tool-input record). */
  HOOK_INPUT("HookInput",
      "must take the event's input type first (PreToolUse for PRE_TOOL_USE, ...) and, for PRE_TOOL_USE,"
          + " POST_TOOL_USE and PERMISSION_REQUEST only, a record of the tool's input second",
      "declare the parameters so, e.g. checkBump(PreToolUse call, BumpCall bump)"),
  /** A {@code @HookHandler} method that returns a decision its event cannot have. */
  HOOK_DECISION("HookDecision",
      "must return the event's decision type or void: PreToolUseDecision (PreToolUse), PermissionDecision"
          + " (PermissionRequest), BlockOrContextDecision (PostToolUse, UserPromptSubmit), ContextDecision"
          + " (SessionStart, SubagentStart), StopDecision (Stop, SubagentStop), void only (SessionEnd,"
          + " PreCompact, PostCompact)", "return the event's decision type"),
  /** A {@code @HookHandler} event that not both hosts have. */
  HOOK_EVENT("HookEvent",
      "must be an event both hosts share: PRE_TOOL_USE, POST_TOOL_USE, PERMISSION_REQUEST, USER_PROMPT_SUBMIT,"
          + " SESSION_START, SESSION_END, STOP, SUBAGENT_START, SUBAGENT_STOP, PRE_COMPACT, POST_COMPACT",
      "write a shell @Hook for an event only Codex has"),
  /** A component of a {@code @HookHandler}'s tool-input record that the launcher cannot bind. */
  HOOK_BINDING("HookBinding",
      "must have a type the launcher binds from the tool input: String, boolean, int, long, double, their boxes,"
          + " an enum, Optional of one of these, List<String>, a record of such components, or JsonObject",
      "use one of these types, or JsonObject and read the member yourself"),
  /** A {@code @HookHandler(timeoutSec)} outside 1-600. */
  HOOK_TIMEOUT("HookTimeout", "must be 1-600 seconds (600 is the hosts' default and the launcher's limit)",
      "use a timeout from 1 to 600, e.g. 10"),
  /** A {@code @HookHandler(matcher)} on an event whose hooks both hosts always run. */
  IGNORED_MATCHER("IgnoredMatcher",
      "has no effect on UserPromptSubmit, Stop, SubagentStop and SessionEnd: both hosts run their hooks always",
      "remove the matcher, and check what the handler needs inside it", Severity.WARNING),
  /** A literal {@code @Plugin(version)} that differs from the project version given to the processor. */
  VERSION_MISMATCH("VersionMismatch", "should equal the project version (-Acodexplugin.version)",
      "leave version out of @Plugin so that the bundle takes the project version, or make the two equal",
      Severity.WARNING),
  /**
   * A stdio MCP server whose command needs something on the user's machine that the plugin does not state
   * (the SDK checks {@code java}, {@code npx} and {@code node} itself, and commands shipped in the plugin).
   */
  UNDECLARED_PREREQUISITE("UndeclaredPrerequisite",
      "should state what the command needs on the user's machine in requirements, e.g. \"Docker 24+\"",
      "users see them in the skill's description of the server and in codexplugin doctor, before they install"
          + " the plugin", Severity.WARNING),
  /**
   * One plugin more than once where a host loads one version: at two versions, or the same version from two
   * places. A warning in a catalog (a host keeps one), an error when exporting (a marketplace holds one).
   */
  DUPLICATE_PLUGIN("DuplicatePlugin", "should be present at one version only",
      "remove the others, or pick one with a version range", Severity.ERROR, Severity.WARNING),
  /** Two plugins define an MCP server of the same name; Codex starts only one of them. */
  DUPLICATE_SERVER("DuplicateServer", "must be unique across the plugins a user installs",
      "rename one @McpServer (its name in .mcp.json), or install the plugins separately", Severity.ERROR,
      Severity.ERROR),
  /** Two plugins define a skill of the same name; Codex lists both under their plugin names. */
  DUPLICATE_SKILL("DuplicateSkill", "should be unique across the plugins a user installs",
      "rename one so that users and the model can tell them apart", Severity.WARNING, Severity.WARNING),
  /** Two library jars, or a library jar and a bundle file, would have the same path in {@code lib/}. */
  DUPLICATE_LIBRARY("DuplicateLibrary", "must have a file name of its own in lib/", "remove one of the jars"),
  /** An output folder the exporter did not create, without {@code --force}. */
  NOT_AN_EXPORT("NotAnExport", "must be a folder the exporter created (it holds .codexplugin-export)",
      "choose another output folder, delete it, or replace it with --force (Maven: -Dcodexplugin.force=true)"),
  /** A marketplace name that a host refuses to add from a folder (its own official names and their look-alikes). */
  RESERVED_NAME("ReservedName", "must not be a name a host reserves for itself", "choose a name of your own"),
  /**
   * A plugin, skill or file name that a host cannot install on every operating system: a Windows device name
   * ({@code CON}, {@code PRN}, {@code AUX}, {@code NUL}, {@code COM1}-{@code COM9}, {@code LPT1}-{@code LPT9}, with
   * any extension, in any case), a name ending in a dot or a space (Windows drops them), or two names of one
   * bundle that are equal after Unicode normalisation (NFC) or case folding (macOS and Windows file systems hold
   * only one of them).
   */
  NOT_PORTABLE("NotPortable",
      "should be a name every operating system can hold: not a Windows device name (CON, PRN, AUX, NUL, COM1-9,"
          + " LPT1-9, with any extension), not ending in a dot or a space, and not equal to another name of the"
          + " bundle after Unicode normalisation (NFC) or case folding",
      "rename it", Severity.WARNING),
  /**
   * A Claude Code hook field that Codex ignores ({@code if}, {@code asyncRewake}, {@code rewakeMessage},
   * {@code rewakeSummary}): Codex still runs the hook, without the condition or the rewake.
   */
  IGNORED_HOOK_FIELD("IgnoredHookField", "is a Claude Code hook field that Codex ignores",
      "Codex runs the hook without it; if the hook must only run under a condition, check it in the command",
      Severity.WARNING),
  /**
   * The front matter of a Claude Code agent ({@code agents/*.md}) is YAML that Claude Code cannot parse: Claude
   * loads the agent named after its file and drops every other field (its {@code claude plugin validate} says
   * {@code YAML frontmatter failed to parse}). Codex does not read agents.
   */
  AGENT_FRONT_MATTER("AgentFrontMatter",
      "should be YAML front matter that Claude Code can parse: Claude Code otherwise loads the agent named after"
          + " its file and drops every other field",
      "quote the values that contain \": \", or write a long description as a block scalar (description: |)",
      Severity.WARNING),
  /** A processor option the processor does not know. */
  UNKNOWN_OPTION("UnknownOption", "is not an option of the codexplugin processor", "check the spelling",
      Severity.WARNING),
  /** A file could not be read or written. */
  IO("Io", "must be readable and writable", "check that it exists and that you may read and write it"),
  /** A bug in the SDK. */
  INTERNAL("Internal", "failed inside the SDK; please report it with the stack trace", "");

  /** Who reports a finding, which decides its severity. */
  public enum Context {
    /** The annotation processor, about what it writes: every publishing rule is strict. */
    COMPILE,
    /** {@link PluginLoader}, about any bundle: only what the host loses is an error. */
    LOAD,
    /** {@link MarketplaceExport}, about the plugins it puts into one marketplace. */
    EXPORT,
    /** {@link PluginCatalog}, about plugins a host would load together. */
    CATALOG
  }

  /** What the host does with a plugin that has the problem. */
  public enum HostImpact {
    /** Nothing changes for the host: it ignores the value, or only the SDK reads it. */
    NONE,
    /** The host silently drops a part: a skill, a server, a file of apps or hooks, an image. */
    DROPS_PART,
    /** The host rejects the whole plugin. */
    REJECTS_PLUGIN
  }

  private static final Pattern PLACEHOLDER_PATTERN = Pattern.compile("\\{([a-z]+)}");

  private final String id;
  private final String rule;
  private final String fix;
  private final Severity compile;
  private final Map<Context, Severity> fixed = new EnumMap<>(Context.class);

  FindingCode(String id, String rule, String fix) {
    this(id, rule, fix, Severity.ERROR);
  }

  FindingCode(String id, String rule, String fix, Severity compile) {
    this.id = id;
    this.rule = rule;
    this.fix = fix;
    this.compile = compile;
  }

  /** A conflict between plugins: a fixed severity when exporting and in a catalog, whatever the host impact. */
  FindingCode(String id, String rule, String fix, Severity export, Severity catalog) {
    this(id, rule, fix, Severity.ERROR);
    fixed.put(Context.EXPORT, export);
    fixed.put(Context.CATALOG, catalog);
  }

  /** The stable id, e.g. {@code BadName}. */
  public String id() {
    return id;
  }

  /** The tag that starts every message, e.g. {@code [codexplugin:BadName]}. */
  public String tag() {
    return "[codexplugin:" + id + "]";
  }

  /**
   * The rule in the words every message uses, e.g. {@code must be a #RRGGBB hex color}; a number it needs is a
   * placeholder such as {@code {max}} ({@code must be at most {max} characters}).
   */
  public String rule() {
    return rule;
  }

  /** The rule with its placeholders filled in; one without a value stays as it is. */
  public String rule(Map<String, ?> args) {
    if (args.isEmpty() || rule.indexOf('{') < 0) {
      return rule;
    }
    Matcher m = PLACEHOLDER_PATTERN.matcher(rule);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object value = args.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : String.valueOf(value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The fix when a message names no better one, e.g. {@code shorten it}; {@code ""} for {@link #INTERNAL}. */
  public String fix() {
    return fix;
  }

  /**
   * How serious a finding of this code is when {@code context} reports it about a problem with {@code impact}:
   * an error whenever the host rejects the plugin or loses part of it; otherwise, at compile time and when
   * exporting (where a finding stops the work), an error unless the code is only advice, and a warning when
   * loading and in a catalog. The conflicts between plugins
   * ({@link #DUPLICATE_PLUGIN}, {@link #DUPLICATE_SERVER}, {@link #DUPLICATE_SKILL}) have a severity of their
   * own when exporting and in a catalog.
   */
  public Severity severity(Context context, HostImpact impact) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(impact, "impact");
    Severity own = fixed.get(context);
    if (own != null) {
      return own;
    }
    if (impact != HostImpact.NONE) {
      return Severity.ERROR;
    }
    // The processor and the exporter report what stops them; the loader and catalogs only what the host loses.
    return context == Context.COMPILE || context == Context.EXPORT ? compile : Severity.WARNING;
  }

  /**
   * The message of a finding: the rule (its placeholders filled from {@code args}), what was found, and the
   * fix ({@link #fix()} when {@code fix} is empty), e.g. {@code must be at most 1024 characters; found 1100
   * characters. Shorten it.}
   */
  public String message(Map<String, ?> args, String found, String fix) {
    StringBuilder out = new StringBuilder(rule(args));
    if (found != null && !found.isEmpty()) {
      out.append("; found ").append(found);
    }
    out.append('.');
    String how = fix == null || fix.isEmpty() ? this.fix : fix;
    if (!how.isEmpty()) {
      out.append(' ').append(Character.toUpperCase(how.charAt(0))).append(how, 1, how.length());
      if (!how.endsWith(".")) {
        out.append('.');
      }
    }
    return out.toString();
  }
}
