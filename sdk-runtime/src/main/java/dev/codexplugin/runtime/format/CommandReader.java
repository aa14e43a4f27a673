package dev.codexplugin.runtime.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.codexplugin.runtime.AgentSpec;
import dev.codexplugin.runtime.CommandSpec;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.FindingCode.HostImpact;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the Claude Code parts Codex does not load itself: commands ({@code commands/**}{@code /*.md}) and agents
 * ({@code agents/*.md}), with the front-matter splitting and YAML reading of {@link SkillReader} and
 * {@link Yaml}. For each command it works out the skill Codex makes of it at install (docs/FORMAT.md §3b); for
 * each agent it checks the front matter as Claude Code does ({@link FindingCode#AGENT_FRONT_MATTER}).
 */
public final class CommandReader {
  static final String COMMANDS = "commands/";
  static final String AGENTS = "agents/";
  /** Codex does not write a migrated skill whose SKILL.md would be larger (measured: 4,000 written, 4,001 not). */
  static final int CODEX_SKILL_MAX_BYTES = 4000;
  static final String CODEX_SKILL_PREFIX = "source-command-";

  private static final Set<String> COMMAND_KEYS =
      Set.of("description", "argument-hint", "allowed-tools", "model", "disable-model-invocation", "name");
  private static final Set<String> AGENT_KEYS = Set.of("name", "description", "tools", "model", "color");
  /** What makes Codex skip a command: arguments, positional parameters, shell interpolation, mustache. */
  private static final Pattern CODEX_SKIPS = Pattern.compile("\\$ARGUMENTS|\\$[0-9]|![ \\t]*`|\\{\\{");

  private static final Pattern TOP_LEVEL_PAIR = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*):[ \\t]+(.*)");

  private CommandReader() {}

  /** Whether {@code file} is a command file: a {@code .md} file anywhere under {@code commands/}. */
  static boolean isCommand(String file) {
    return file.startsWith(COMMANDS) && file.endsWith(".md");
  }

  /** Whether {@code file} is an agent file: a {@code .md} file directly in {@code agents/}. */
  static boolean isAgent(String file) {
    return file.startsWith(AGENTS) && file.endsWith(".md") && file.indexOf('/', AGENTS.length()) < 0;
  }

  /** The command of {@code file}; unreadable text is reported (no host loses anything over it). */
  public static Optional<CommandSpec> command(String file, byte[] bytes, Report report) {
    Optional<String> decoded = Json.decode(bytes, file, report.reading(HostImpact.NONE));
    if (decoded.isEmpty()) {
      return Optional.empty();
    }
    String name = file.substring(COMMANDS.length(), file.length() - ".md".length());
    String text = decoded.get().replace("\r\n", "\n");
    Optional<String[]> parts = SkillReader.split(text);
    Optional<JsonNode> front = parts.flatMap(p -> frontMatter(p[0], COMMAND_KEYS));
    String description = front.map(f -> text(f, "description")).orElse("");
    String body = parts.map(p -> p[1]).orElse(text);
    String codexSkill = front.isPresent() ? codexSkill(name, description, body) : "";
    return Optional.of(new CommandSpec(name, file, description,
        front.map(f -> text(f, "argument-hint")).orElse(""),
        front.map(f -> list(f, "allowed-tools")).orElse(List.of()),
        front.map(f -> text(f, "model")).orElse(""),
        codexSkill));
  }

  /**
   * The agent of {@code file}. Front matter that strict YAML cannot read is an
   * {@link FindingCode#AGENT_FRONT_MATTER} warning, and the agent keeps only its file name, as in Claude Code.
   */
  public static Optional<AgentSpec> agent(String file, byte[] bytes, Report report) {
    Optional<String> decoded = Json.decode(bytes, file, report.reading(HostImpact.NONE));
    if (decoded.isEmpty()) {
      return Optional.empty();
    }
    String fileName = file.substring(AGENTS.length(), file.length() - ".md".length());
    String text = decoded.get().replace("\r\n", "\n");
    Optional<String[]> parts = SkillReader.split(text);
    if (parts.isEmpty()) {
      return Optional.of(new AgentSpec(fileName, file, "", List.of(), "", "", true));
    }
    Yaml.Parsed parsed = Yaml.read(parts.get()[0], 1);
    if (parsed.node().isEmpty() && !parsed.tooLarge()) {
      Yaml.Parsed quoted = Yaml.read(quoteValues(parts.get()[0]), 1);
      if (quoted.node().isPresent()) {
        parsed = quoted;
      }
    }
    if (parsed.node().isEmpty() || !(parsed.node().get().isObject() || parsed.node().get().isNull())) {
      report.problem(FindingCode.AGENT_FRONT_MATTER, file, "")
          .found(parsed.node().isEmpty() ? parsed.error() : JsonFields.describe(parsed.node().get()))
          .report();
      return Optional.of(new AgentSpec(fileName, file, "", List.of(), "", "", false));
    }
    JsonNode front = parsed.node().get().isNull() ? JsonNodeFactory.instance.objectNode() : parsed.node().get();
    String name = text(front, "name");
    return Optional.of(new AgentSpec(name.isBlank() ? fileName : name, file, text(front, "description"),
        list(front, "tools"), text(front, "model"), text(front, "color"), true));
  }

  /**
   * The skill Codex 0.169.0 / 0.171.0 writes for a command at install, or {@code ""}: none without a
   * description, or when the body holds {@code $ARGUMENTS}, {@code $0}-{@code $9}, {@code !`} or {@code {{}, or
   * when the SKILL.md it would write exceeds 4,000 bytes.
   */
  static String codexSkill(String name, String description, String body) {
    if (description.isBlank() || CODEX_SKIPS.matcher(body).find()) {
      return "";
    }
    String skill = CODEX_SKILL_PREFIX + name.toLowerCase(Locale.ROOT).replace('/', '-').replace('_', '-');
    String skillMd = "---\nname: " + JsonNodeFactory.instance.textNode(skill) + "\ndescription: "
        + JsonNodeFactory.instance.textNode(description) + "\n---\n\n# " + skill + "\n\n"
        + "Use this skill when the user asks to run the migrated source command `" + name + "`.\n\n"
        + "## Command Template\n\n" + body.strip() + "\n";
    return skillMd.getBytes(StandardCharsets.UTF_8).length > CODEX_SKILL_MAX_BYTES ? "" : skill;
  }

  /**
   * The front matter with each unquoted one-line {@code key: value} value put in double quotes: Claude Code
   * reads a one-line description holding {@code ": "} (five claude-code pr-review-toolkit agents), and rejects
   * a value that runs over several unindented lines ({@code code-simplifier.md}); this second reading gives
   * that outcome on the corpus (the exact rule inside Claude Code is inferred, docs/FORMAT.md §3b).
   */
  static String quoteValues(String yaml) {
    StringBuilder out = new StringBuilder();
    for (String line : yaml.split("\n", -1)) {
      java.util.regex.Matcher m = TOP_LEVEL_PAIR.matcher(line);
      if (m.matches() && !m.group(2).isEmpty() && "\"'|>[{&*!#".indexOf(m.group(2).charAt(0)) < 0) {
        String value = m.group(2).strip().replace("\\", "\\\\").replace("\"", "\\\"");
        out.append(m.group(1)).append(": \"").append(value).append('"');
      } else {
        out.append(line);
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** Strict YAML, else the line-by-line reading Codex accepts; empty when neither reads a map. */
  private static Optional<JsonNode> frontMatter(String yaml, Set<String> keys) {
    Yaml.Parsed strict = Yaml.read(yaml, 1);
    if (strict.node().isPresent()) {
      JsonNode node = strict.node().get();
      return node.isNull() ? Optional.of(JsonNodeFactory.instance.objectNode())
          : node.isObject() ? Optional.of(node) : Optional.empty();
    }
    return strict.tooLarge() ? Optional.empty() : LooseFrontMatter.read(yaml, keys).map(n -> n);
  }

  private static String text(JsonNode front, String key) {
    JsonNode value = front.get(key);
    return value != null && value.isValueNode() && !value.isNull() ? value.asText().strip() : "";
  }

  /** A list, or one text of comma-separated items (commas inside parentheses belong to the item). */
  private static List<String> list(JsonNode front, String key) {
    JsonNode value = front.get(key);
    List<String> items = new ArrayList<>();
    if (value == null || value.isNull()) {
      return items;
    }
    if (value.isArray()) {
      value.forEach(v -> {
        if (v.isValueNode() && !v.asText().isBlank()) {
          items.add(v.asText().strip());
        }
      });
      return items;
    }
    if (!value.isValueNode()) {
      return items;
    }
    String s = value.asText();
    int depth = 0;
    StringBuilder item = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
      }
      if (c == ',' && depth == 0) {
        add(items, item);
      } else {
        item.append(c);
      }
    }
    add(items, item);
    return items;
  }

  private static void add(List<String> items, StringBuilder item) {
    String s = item.toString().strip();
    if (!s.isEmpty()) {
      items.add(s);
    }
    item.setLength(0);
  }
}
