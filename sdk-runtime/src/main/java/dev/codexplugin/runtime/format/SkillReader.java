package dev.codexplugin.runtime.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.FindingCode.HostImpact;
import dev.codexplugin.runtime.SkillSpec;
import dev.codexplugin.runtime.SkillUi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one skill folder: {@code SKILL.md} (front matter and body) and the optional
 * {@code agents/openai.yaml}, as Codex 0.169.0 does. A skill Codex would skip yields empty plus a host-fatal
 * finding: no front matter (or a BOM, or a blank line before it), a missing or empty description, a name over
 * 64 characters, {@code metadata} that is not a map, front matter that is unreadable even line by line.
 * What Codex tolerates is read and reported as a warning: front matter that only the line-by-line reading of
 * {@link LooseFrontMatter} understands, numbers or booleans where text belongs, a flow list of
 * {@code allowed-tools}, nested metadata values (left out of the flat map), an empty name (the folder name is
 * used).
 */
public final class SkillReader {
  static final Set<String> FRONT_MATTER_KEYS =
      Set.of("name", "description", "license", "compatibility", "metadata", "allowed-tools");

  private SkillReader() {}

  /**
   * @param folder the skill folder inside the bundle, e.g. {@code skills/code-review}
   * @param skillMd the bytes of {@code SKILL.md}
   * @param agentYaml the bytes of {@code agents/openai.yaml}, or {@code null}
   */
  public static Optional<SkillSpec> read(String folder, byte[] skillMd, byte[] agentYaml, Report report) {
    String file = folder + "/SKILL.md";
    ReadContext context = report.reading(HostImpact.DROPS_PART);
    Optional<String> decoded = Json.decode(skillMd, file, context);
    if (decoded.isEmpty()) {
      return Optional.empty();
    }
    String text = decoded.get().replace("\r\n", "\n");
    Optional<String[]> parts = split(text);
    if (parts.isEmpty()) {
      report.problem(FindingCode.FRONT_MATTER, file, "").dropsPart()
          .fix("start the file with a --- line, then name: and description:, then a --- line"
              + " (Codex skips the skill otherwise)")
          .report();
      return Optional.empty();
    }
    Optional<JsonNode> yaml = frontMatter(parts.get()[0], file, report);
    if (yaml.isEmpty()) {
      return Optional.empty();
    }
    int fatalBefore = report.impactCount();
    JsonFields front = new JsonFields(yaml.get(), file, "", context);
    for (String key : front.keys()) {
      if (!FRONT_MATTER_KEYS.contains(key)) {
        report.problem(FindingCode.FRONT_MATTER_KEY, file, key)
            .fix("move it under metadata: or remove it (Codex ignores it)").report();
      }
    }
    String folderName = folder.substring(folder.lastIndexOf('/') + 1);
    Optional<String> declaredName = scalar(front, "name", true);
    if (declaredName.isPresent() && declaredName.get().isEmpty()) {
      report.problem(FindingCode.MISSING, file, "name")
          .fix("Codex uses the folder name \"" + folderName + "\"; write name: \"" + folderName + "\"").report();
    }
    String name = declaredName.filter(n -> !n.isEmpty()).orElse(folderName);
    if (name.length() > Rules.MAX_NAME) {
      report.problem(FindingCode.BAD_NAME, file, "name").value(name)
          .found(name.length() + " characters")
          .fix("shorten it; Codex skips a skill with a longer name").dropsPart().report();
    }
    int fatalBeforeDescription = report.impactCount();
    String description = scalar(front, "description", true).orElse("");
    if (description.isBlank() && report.impactCount() == fatalBeforeDescription) {
      report.problem(FindingCode.MISSING, file, "description").dropsPart()
          .fix("say what the skill does and when to use it (Codex skips a skill without one)").report();
    }
    Map<String, String> metadata = metadata(front);
    List<String> allowedTools = allowedTools(front);
    String license = scalar(front, "license", false).orElse("");
    String compatibility = scalar(front, "compatibility", false).orElse("");
    if (report.impactCount() > fatalBefore) {
      return Optional.empty();
    }
    Agent agent = agentYaml == null ? Agent.NONE : readAgent(folder, agentYaml, report);
    return Optional.of(SkillSpec.builder(name)
        .description(description)
        .license(license)
        .compatibility(compatibility)
        .allowedTools(allowedTools)
        .metadata(metadata)
        .instructions(parts.get()[1])
        .folder(folder)
        .requires(agent.requires)
        .ui(agent.ui)
        .allowImplicitInvocation(agent.allowImplicit)
        .build());
  }

  /**
   * The front matter as an object: strict YAML first, then {@link LooseFrontMatter} (a warning, as Codex
   * accepts it); empty, with a host-fatal finding, when neither can read it.
   */
  private static Optional<JsonNode> frontMatter(String yaml, String file, Report report) {
    Yaml.Parsed strict = Yaml.read(yaml, 1);
    if (strict.node().isPresent()) {
      JsonNode node = strict.node().get();
      if (node.isNull()) {
        return Optional.of(JsonNodeFactory.instance.objectNode());
      }
      if (!node.isObject()) {
        report.problem(FindingCode.FRONT_MATTER, file, "").dropsPart()
            .found(JsonFields.describe(node))
            .fix("write key: value lines between the --- lines (Codex skips the skill otherwise)").report();
        return Optional.empty();
      }
      return Optional.of(node);
    }
    if (strict.tooLarge()) {
      report.problem(FindingCode.TOO_LARGE, file, "").dropsPart().arg("limit", "the YAML reader's size and nesting limits")
          .found(strict.error())
          .fix("simplify the front matter").report();
      return Optional.empty();
    }
    Optional<ObjectNode> loose = LooseFrontMatter.read(yaml, FRONT_MATTER_KEYS);
    if (loose.isEmpty()) {
      report.problem(FindingCode.FRONT_MATTER, file, "").dropsPart().found(strict.error())
          .fix("fix the YAML; quote values that contain \": \" (Codex skips the skill otherwise)").report();
      return Optional.empty();
    }
    report.problem(FindingCode.FRONT_MATTER, file, "").found(strict.error())
        .fix("Codex reads it line by line and accepts it, strict YAML readers do not;"
            + " quote values that contain \": \"")
        .report();
    return Optional.of(loose.get());
  }

  /**
   * A text field of the front matter. Codex reads a number or boolean as its text (docs/FORMAT.md,
   * {@code description: 12345}): a warning. A list or map is host-fatal when {@code required} (Codex cannot read
   * the field, and skips the skill), else a warning and ignored.
   */
  private static Optional<String> scalar(JsonFields front, String key, boolean required) {
    JsonNode value = front.raw(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isTextual()) {
      return Optional.of(value.textValue());
    }
    if (value.isValueNode()) {
      front.context().report().problem(FindingCode.WRONG_TYPE, front.file(), key).found(JsonFields.describe(value))
          .arg("type", "a string").fix("quote it; Codex reads it as the text " + Text.quote(value.asText()))
          .report();
      return Optional.of(value.asText());
    }
    JsonFields.wrongType(front.context().with(required ? HostImpact.DROPS_PART : HostImpact.NONE), front.file(), key,
        "a string", value);
    return Optional.empty();
  }

  /** The flat {@code metadata} map; a {@code metadata} that is not a map makes Codex skip the skill. */
  private static Map<String, String> metadata(JsonFields front) {
    Map<String, String> metadata = new LinkedHashMap<>();
    JsonNode node = front.raw("metadata");
    if (node == null || node.isNull()) {
      return metadata;
    }
    if (!node.isObject()) {
      front.context().problem(FindingCode.WRONG_TYPE, front.file(), "metadata")
          .found(JsonFields.describe(node)).arg("type", "a map of key: value lines")
          .fix("indent key: value lines under metadata: (Codex skips the skill otherwise)").dropsPart().report();
      return metadata;
    }
    JsonFields m = new JsonFields(node, front.file(), "metadata", front.context().with(HostImpact.NONE));
    for (String key : m.keys()) {
      JsonNode value = m.raw(key);
      if (value.isTextual()) {
        metadata.put(key, value.textValue());
      } else if (value.isValueNode() && !value.isNull()) {
        front.context().report().problem(FindingCode.WRONG_TYPE, front.file(), m.field(key))
            .found(JsonFields.describe(value)).arg("type", "a string").fix("quote the value").report();
        metadata.put(key, value.asText());
      } else {
        front.context().report().problem(FindingCode.WRONG_TYPE, front.file(), m.field(key))
            .found(JsonFields.describe(value)).arg("type", "a string (metadata is a flat map)")
            .fix("Codex accepts it, but the SDK leaves it out of the metadata map; flatten it").report();
      }
    }
    return metadata;
  }

  /** {@code allowed-tools}: a space-separated string; a flow list is accepted by Codex (docs/FORMAT.md), a warning. */
  private static List<String> allowedTools(JsonFields front) {
    JsonNode node = front.raw("allowed-tools");
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (node.isTextual()) {
      String tools = node.textValue();
      return tools.isBlank() ? List.of() : Arrays.asList(tools.trim().split("\\s+"));
    }
    if (node.isArray() && allScalars(node)) {
      List<String> tools = new ArrayList<>();
      node.forEach(n -> tools.add(n.asText()));
      front.context().report().problem(FindingCode.WRONG_TYPE, front.file(), "allowed-tools").found("a list")
          .arg("type", "a space-separated string").fix("write allowed-tools: \"" + String.join(" ", tools) + "\"")
          .report();
      return tools;
    }
    JsonFields.wrongType(front.context().with(HostImpact.NONE), front.file(), "allowed-tools",
        "a space-separated string", node);
    return List.of();
  }

  private static boolean allScalars(JsonNode array) {
    for (JsonNode n : array) {
      if (!n.isValueNode() || n.isNull()) {
        return false;
      }
    }
    return true;
  }

  /** Front matter and body, or empty when the text does not start with a front-matter block. */
  static Optional<String[]> split(String text) {
    if (!text.startsWith("---\n") && !text.equals("---")) {
      return Optional.empty();
    }
    int start = 4;
    int at = start;
    while (at <= text.length()) {
      int end = text.indexOf('\n', at);
      String line = end < 0 ? text.substring(at) : text.substring(at, end);
      if (line.stripTrailing().equals("---")) {
        String yaml = text.substring(start, at);
        String body = end < 0 ? "" : text.substring(end + 1);
        return Optional.of(new String[] {yaml, body});
      }
      if (end < 0) {
        break;
      }
      at = end + 1;
    }
    return Optional.empty();
  }

  private record Agent(SkillUi ui, List<String> requires, Optional<Boolean> allowImplicit) {
    static final Agent NONE = new Agent(SkillUi.EMPTY, List.of(), Optional.empty());
  }

  private static Agent readAgent(String folder, byte[] bytes, Report report) {
    String file = folder + "/agents/openai.yaml";
    ReadContext context = report.reading(HostImpact.NONE);
    Optional<String> text = Json.decode(bytes, file, context);
    if (text.isEmpty()) {
      return Agent.NONE;
    }
    Optional<JsonNode> yaml = Yaml.parse(text.get(), file, FindingCode.BAD_YAML, context);
    if (yaml.isEmpty()) {
      return Agent.NONE;
    }
    Optional<JsonFields> root = JsonFields.of(yaml.get(), file, "", context);
    if (root.isEmpty()) {
      return Agent.NONE;
    }
    SkillUi ui = root.get().object("interface").map(i -> new SkillUi(i.text("display_name"),
        i.text("short_description"), i.text("default_prompt"), i.text("brand_color"), i.text("icon_small"),
        i.text("icon_large"))).orElse(SkillUi.EMPTY);
    List<String> requires = new ArrayList<>();
    root.get().object("dependencies").ifPresent(d -> {
      JsonNode tools = d.raw("tools");
      if (tools == null || tools.isNull()) {
        return;
      }
      if (!tools.isArray()) {
        JsonFields.wrongType(context, file, "dependencies.tools", "a list", tools);
        return;
      }
      for (int i = 0; i < tools.size(); i++) {
        JsonFields.of(tools.get(i), file, "dependencies.tools[" + i + "]", context).ifPresent(tool -> {
          if (tool.text("type").equals("mcp") && !tool.text("value").isEmpty()) {
            requires.add(tool.text("value"));
          }
        });
      }
    });
    Optional<Boolean> allow = root.get().object("policy").flatMap(p -> p.bool("allow_implicit_invocation"));
    return new Agent(ui, requires, allow);
  }
}
