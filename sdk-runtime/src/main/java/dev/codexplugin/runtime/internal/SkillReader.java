package dev.codexplugin.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexplugin.runtime.FindingCode;
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
 * {@code agents/openai.yaml}, as Codex does. A skill Codex would skip (no front matter, no description)
 * yields empty plus a host-fatal finding.
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
    Optional<String> decoded = Json.decode(skillMd, file, report, true);
    if (decoded.isEmpty()) {
      return Optional.empty();
    }
    String text = decoded.get().replace("\r\n", "\n");
    Optional<String[]> parts = split(text);
    if (parts.isEmpty()) {
      report.problem(FindingCode.FRONT_MATTER, file, "").hostFatal()
          .fix("start the file with a --- line, then name: and description:, then a --- line"
              + " (Codex skips the skill otherwise)")
          .report();
      return Optional.empty();
    }
    Optional<JsonNode> yaml = Yaml.parse(parts.get()[0], file, FindingCode.FRONT_MATTER, report, true);
    if (yaml.isEmpty() || !yaml.get().isObject()) {
      if (yaml.isPresent()) {
        report.problem(FindingCode.FRONT_MATTER, file, "").hostFatal()
            .found("(" + JsonFields.describe(yaml.get()) + ")")
            .fix("write key: value lines between the --- lines (Codex skips the skill otherwise)").report();
      }
      return Optional.empty();
    }
    JsonFields front = new JsonFields(yaml.get(), file, "", report, true);
    for (String key : front.keys()) {
      if (!FRONT_MATTER_KEYS.contains(key)) {
        report.problem(FindingCode.FRONT_MATTER_KEY, file, key)
            .fix("move it under metadata: or remove it").report();
      }
    }
    String folderName = folder.substring(folder.lastIndexOf('/') + 1);
    String name = front.optText("name").orElse(folderName);
    String description = front.text("description");
    Map<String, String> metadata = new LinkedHashMap<>();
    front.object("metadata").ifPresent(m -> {
      for (String key : m.keys()) {
        JsonNode value = m.raw(key);
        if (value.isTextual()) {
          metadata.put(key, value.textValue());
        } else if (value.isValueNode() && !value.isNull()) {
          report.problem(FindingCode.WRONG_TYPE, file, "metadata." + key).found("(" + JsonFields.describe(value) + ")")
              .rule("must be a string").fix("quote the value").report();
          metadata.put(key, value.asText());
        } else {
          JsonFields.wrongType(report, file, "metadata." + key, "a string (metadata is a flat map)", value, false);
        }
      }
    });
    String tools = front.text("allowed-tools");
    List<String> allowedTools = tools.isBlank() ? List.of() : Arrays.asList(tools.trim().split("\\s+"));

    Agent agent = agentYaml == null ? Agent.NONE : readAgent(folder, agentYaml, report);
    return Optional.of(new SkillSpec(name, description, front.text("license"), front.text("compatibility"),
        allowedTools, metadata, parts.get()[1], folder, agent.requires, agent.ui, agent.allowImplicit));
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
    Optional<String> text = Json.decode(bytes, file, report, false);
    if (text.isEmpty()) {
      return Agent.NONE;
    }
    Optional<JsonNode> yaml = Yaml.parse(text.get(), file, FindingCode.WRONG_TYPE, report, false);
    if (yaml.isEmpty()) {
      return Agent.NONE;
    }
    Optional<JsonFields> root = JsonFields.of(yaml.get(), file, "", report, false);
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
        JsonFields.wrongType(report, file, "dependencies.tools", "a list", tools, false);
        return;
      }
      for (int i = 0; i < tools.size(); i++) {
        JsonFields.of(tools.get(i), file, "dependencies.tools[" + i + "]", report, false).ifPresent(tool -> {
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
