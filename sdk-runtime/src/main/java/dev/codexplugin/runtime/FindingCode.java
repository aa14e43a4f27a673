package dev.codexplugin.runtime;

/**
 * The catalogue of everything the SDK checks. Codes are stable: tools may match on {@link #id()}. Each code
 * carries its rule in the words every message and every annotation's Javadoc use.
 *
 * <p>The annotation processor reports each code with its {@link #publishSeverity()}: it writes the bundle
 * itself, so the strict publishing rules are errors. {@link PluginLoader} reads bundles written by anyone:
 * there a finding is an error only when Codex 0.169.0 would reject the plugin or silently lose part of it,
 * and a warning otherwise.
 */
public enum FindingCode {
  /** A plugin or skill name breaks the naming rule. */
  BAD_NAME("BadName", "must be lowercase kebab-case (a-z, 0-9, single hyphens), 1-64 characters"),
  /** An MCP server name or app key breaks the key rule. */
  BAD_KEY("BadKey", "must be 1-64 characters of letters, digits, _ and -"),
  /** A version is not strict SemVer. */
  BAD_VERSION("BadVersion",
      "must be a strict Semantic Version 2.0.0 (MAJOR.MINOR.PATCH with optional -pre-release and +build,"
          + " e.g. 1.2.0-rc.1)"),
  /** A required value is missing or empty. */
  MISSING("Missing", "must not be empty"),
  /** A text is longer than its limit. */
  TOO_LONG("TooLong", "must be at most N characters"),
  /** A description contains {@code <} or {@code >}. */
  ANGLE_BRACKETS("AngleBrackets", "must not contain < or >"),
  /** A URL is not https. */
  NOT_HTTPS("NotHttps", "must be an https:// URL"),
  /** A color is not {@code #RRGGBB}. */
  BAD_COLOR("BadColor", "must be a #RRGGBB hex color"),
  /** Too many default prompts, or one too long. */
  DEFAULT_PROMPTS("DefaultPrompts", "must have at most 3 entries, each 1-128 characters"),
  /** A path field breaks the path rule. */
  BAD_PATH("BadPath",
      "must start with ./, must not be ./ alone, and must not contain .. or an absolute part"),
  /** A path or resource names a file that does not exist. */
  MISSING_FILE("MissingFile", "must name an existing file"),
  /** A screenshot is not a PNG under {@code ./assets/}. */
  NOT_PNG("NotPng", "must be a .png file under ./assets/"),
  /** A skill requires an MCP server or app the plugin does not define. */
  UNKNOWN_REQUIREMENT("UnknownRequirement", "must name an MCP server or app of the same plugin"),
  /** A skill, MCP server, app or asset name is defined twice. */
  DUPLICATE("Duplicate", "must be unique"),
  /** An MCP server has both or neither of command and url. */
  TRANSPORT("Transport", "exactly one of command and url must be set"),
  /** A value relies on a {@code ${...}} placeholder, which Codex does not expand. */
  PLACEHOLDER("Placeholder", "must not rely on ${...} placeholders: Codex does not expand them",
      Severity.WARNING),
  /** A literal in env or http headers looks like a secret. */
  SECRET_LITERAL("SecretLiteral", "must never hold a secret: name an environment variable instead",
      Severity.WARNING),
  /** A {@code key=value} entry of an annotation is malformed. */
  BAD_ENTRY("BadEntry", "must be key=value with a non-empty key"),
  /** A skill has both or neither of instructions and instructionsFile. */
  INSTRUCTIONS("Instructions", "exactly one of instructions and instructionsFile must be set"),
  /** A timeout is negative. */
  NEGATIVE("Negative", "must not be negative"),
  /** A hook matcher is not a valid regular expression. */
  BAD_REGEX("BadRegex", "must be a valid regular expression"),
  /** A hook event is not one the host knows. */
  UNKNOWN_EVENT("UnknownEvent",
      "must be one of PreToolUse, PostToolUse, PermissionRequest, SessionStart, SessionEnd,"
          + " UserPromptSubmit, Stop, SubagentStart, SubagentStop, PreCompact, PostCompact, PreModelRequest,"
          + " PostModelRequest, Interrupt"),
  /** A text file is not UTF-8, or starts with a byte-order mark. */
  BAD_ENCODING("BadEncoding", "must be UTF-8 text without a byte-order mark"),
  /** A JSON file is not valid JSON. */
  BAD_JSON("BadJson", "must be valid JSON without duplicate keys"),
  /** A YAML file is not valid YAML. */
  BAD_YAML("BadYaml", "must be valid YAML without duplicate keys"),
  /** A JSON or YAML value has the wrong type. */
  WRONG_TYPE("WrongType", "must be of the documented type"),
  /** A SKILL.md has no valid front matter. */
  FRONT_MATTER("FrontMatter",
      "must begin with a --- line, then YAML front matter (a map) closed by a --- line"),
  /** A SKILL.md front-matter key outside the Agent Skills spec. */
  FRONT_MATTER_KEY("FrontMatterKey",
      "must be one of name, description, license, compatibility, metadata, allowed-tools"),
  /** A key the host does not read. */
  UNKNOWN_KEY("UnknownKey", "is not a key the host reads", Severity.WARNING),
  /** A name differs from the folder it lives in. */
  NAME_MISMATCH("NameMismatch", "must equal its folder name"),
  /** A file is too large or nested too deeply to read safely. */
  TOO_LARGE("TooLarge", "must stay within the reader's size and nesting limits"),
  /** A path leaves the bundle (a {@code ..} entry, an absolute name, a symbolic link pointing outside). */
  UNSAFE_PATH("UnsafePath", "must stay inside the bundle"),
  /** A skill that Codex would not find: Codex silently loses it. */
  UNREACHABLE("Unreachable",
      "must be a file named SKILL.md at most 6 folders below the skills root, outside hidden folders"),
  /** Something the publishing rules advise against. */
  DISCOURAGED("Discouraged", "is not allowed by the publishing rules"),
  /** No bundle where one was expected. */
  NO_BUNDLE("NoBundle",
      "must hold a plugin: .codex-plugin/plugin.json, .claude-plugin/plugin.json or"
          + " META-INF/codex-plugins/index.json"),
  /** An annotated element belongs to no {@code @Plugin}, or to two. */
  MEMBERSHIP("Membership", "must belong to exactly one @Plugin"),
  /** An {@code @McpTool} parameter or return type that has no JSON Schema. */
  UNMAPPABLE_TYPE("UnmappableType", "must be a type that maps to JSON Schema"),
  /** An {@code @Param(defaultValue)} that is not a valid value of its parameter's type. */
  BAD_DEFAULT("BadDefault",
      "must be a valid value of the parameter's type: JSON, or plain text for a String or an enum"),
  /** An MCP tool name outside the MCP rule. */
  BAD_TOOL_NAME("BadToolName", "must match ^[A-Za-z0-9_.-]{1,128}$"),
  /** The name a host shows for a tool ({@code mcp__<server>__<tool>}) is longer than models accept. */
  LONG_TOOL_NAME("LongToolName", "should keep mcp__<server>__<tool> within 64 characters", Severity.WARNING),
  /** An {@code @McpTool} method the generated code cannot call. */
  TOOL_METHOD("ToolMethod",
      "must be a public, non-generic method of a top-level or static nested class that the server can create"),
  /** An {@code @McpToolFactory} method of the wrong shape, or two for one plugin. */
  TOOL_FACTORY("ToolFactory", "must be public static <T> T create(Class<T> type) in a public class, one per plugin"),
  /** A library the generated code needs is not on the class path. */
  MISSING_DEPENDENCY("MissingDependency", "must be on the compile class path"),
  /** A literal {@code @Plugin(version)} that differs from the project version given to the processor. */
  VERSION_MISMATCH("VersionMismatch", "should equal the project version (-Acodexplugin.version)",
      Severity.WARNING),
  /**
   * A stdio MCP server whose command needs something on the user's machine that the plugin does not state
   * (the SDK checks {@code java}, {@code npx} and {@code node} itself, and commands shipped in the plugin).
   */
  UNDECLARED_PREREQUISITE("UndeclaredPrerequisite",
      "should state what the command needs on the user's machine in requirements, e.g. \"Docker 24+\"",
      Severity.WARNING),
  /** A catalog holds one plugin more than once: at two versions, or the same version from two places. */
  DUPLICATE_PLUGIN("DuplicatePlugin", "should be present at one version only", Severity.WARNING),
  /** Two plugins of a catalog define an MCP server of the same name; Codex starts only one of them. */
  DUPLICATE_SERVER("DuplicateServer", "must be unique across the plugins a user installs"),
  /** Two plugins of a catalog define a skill of the same name; Codex lists both under their plugin names. */
  DUPLICATE_SKILL("DuplicateSkill", "should be unique across the plugins a user installs", Severity.WARNING),
  /** A processor option the processor does not know. */
  UNKNOWN_OPTION("UnknownOption", "is not an option of the codexplugin processor", Severity.WARNING),
  /** A file could not be read. */
  IO("Io", "must be readable"),
  /** A bug in the SDK. */
  INTERNAL("Internal", "failed inside the SDK; please report it with the stack trace");

  private final String id;
  private final String rule;
  private final Severity publishSeverity;

  FindingCode(String id, String rule) {
    this(id, rule, Severity.ERROR);
  }

  FindingCode(String id, String rule, Severity publishSeverity) {
    this.id = id;
    this.rule = rule;
    this.publishSeverity = publishSeverity;
  }

  /** The stable id, e.g. {@code BadName}. */
  public String id() {
    return id;
  }

  /** The tag that starts every message, e.g. {@code [codexplugin:BadName]}. */
  public String tag() {
    return "[codexplugin:" + id + "]";
  }

  /** The rule in the words every message uses, e.g. {@code must be a #RRGGBB hex color}. */
  public String rule() {
    return rule;
  }

  /** The severity when the SDK writes the bundle itself (the annotation processor). */
  public Severity publishSeverity() {
    return publishSeverity;
  }
}
