package dev.codexplugin.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexplugin.runtime.AppSpec;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.HookSpec;
import dev.codexplugin.runtime.McpServerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads {@code .mcp.json}, {@code .app.json} and {@code hooks/hooks.json} as Codex does. */
public final class ConfigReader {
  static final Set<String> SERVER_KEYS = Set.of("command", "args", "env", "env_vars", "cwd", "url",
      "bearer_token_env_var", "http_headers", "env_http_headers", "enabled", "required", "startup_timeout_sec",
      "tool_timeout_sec", "enabled_tools", "disabled_tools");

  private ConfigReader() {}

  /** The servers of a {@code .mcp.json} file, sorted by name. */
  public static List<McpServerSpec> mcpServers(byte[] bytes, String file, Report report) {
    Optional<JsonNode> json = Json.parse(bytes, file, report, true);
    if (json.isEmpty()) {
      return List.of();
    }
    Optional<JsonFields> root = JsonFields.of(json.get(), file, "", report, true);
    if (root.isEmpty()) {
      return List.of();
    }
    if (!root.get().has("mcpServers")) {
      // Codex also reads a bare map of servers.
      report.problem(FindingCode.DISCOURAGED, file, "").found("(no \"mcpServers\" wrapper)")
          .fix("wrap the servers in {\"mcpServers\": {...}}").report();
      return mcpServers(root.get(), report);
    }
    return root.get().object("mcpServers").map(map -> mcpServers(map, report)).orElse(List.of());
  }

  /** The servers of an {@code mcpServers} object, e.g. one inline in {@code plugin.json}; sorted by name. */
  public static List<McpServerSpec> mcpServers(JsonFields map, Report report) {
    List<McpServerSpec> servers = new ArrayList<>();
    for (String name : map.keys()) {
      JsonFields.of(map.raw(name), map.file(), map.field(name), report, true)
          .ifPresent(s -> servers.add(server(name, s)));
    }
    servers.sort((a, b) -> a.name().compareTo(b.name()));
    return servers;
  }

  private static Optional<HookSpec> handler(String event, String matcher, JsonFields command, Report report) {
    String type = command.text("type");
    switch (type) {
      case "command" -> {
        if (!command.has("command")) {
          report.problem(FindingCode.MISSING, command.file(), command.field("command")).hostFatal()
              .fix("set the shell command; Codex discards the whole file without it").report();
        }
        return Optional.of(new HookSpec(event, matcher, command.text("command"), command.integer("timeout"),
            command.text("statusMessage")));
      }
      case "mcp_tool" -> report.problem(FindingCode.UNKNOWN_KEY, command.file(), command.field("type")).value(type)
          .fix("Codex runs it, but the SDK models command hooks only and leaves it out").report();
      case "prompt", "agent" -> report.problem(FindingCode.WRONG_TYPE, command.file(), command.field("type"))
          .value(type).rule("must be \"command\" or \"mcp_tool\"")
          .fix("Codex 0.169.0 skips " + type + " hooks (not supported yet)").hostFatal().report();
      default -> report.problem(FindingCode.WRONG_TYPE, command.file(), command.field("type")).value(type)
          .rule("must be \"command\"").fix("Codex discards the whole hooks file on an unknown type").hostFatal()
          .report();
    }
    return Optional.empty();
  }

  private static McpServerSpec server(String name, JsonFields s) {
    s.unknownKeys(SERVER_KEYS, "Codex reads " + String.join(", ", new java.util.TreeSet<>(SERVER_KEYS)));
    return new McpServerSpec(name, "", s.text("command"), s.texts("args"), s.textMap("env"),
        s.texts("env_vars"), s.text("cwd"), s.text("url"), s.text("bearer_token_env_var"),
        s.textMap("http_headers"), s.textMap("env_http_headers"), s.bool("enabled"), s.bool("required"),
        s.number("startup_timeout_sec"), s.number("tool_timeout_sec"), s.texts("enabled_tools"),
        s.texts("disabled_tools"));
  }

  /** The apps of a {@code .app.json} file, sorted by key. */
  public static List<AppSpec> apps(byte[] bytes, String file, Report report) {
    Optional<JsonNode> json = Json.parse(bytes, file, report, true);
    if (json.isEmpty()) {
      return List.of();
    }
    Optional<JsonFields> root = JsonFields.of(json.get(), file, "", report, true);
    if (root.isEmpty()) {
      return List.of();
    }
    if (!root.get().has("apps")) {
      report.problem(FindingCode.MISSING, file, "apps").hostFatal()
          .fix("wrap the apps in {\"apps\": {...}}").report();
      return List.of();
    }
    List<AppSpec> apps = new ArrayList<>();
    root.get().object("apps").ifPresent(map -> {
      for (String key : map.keys()) {
        JsonFields.of(map.raw(key), file, map.field(key), report, true).ifPresent(a -> apps.add(
            new AppSpec(key, a.text("id"), a.text("category"), a.text("type"), a.text("baseUrl"))));
      }
    });
    apps.sort((a, b) -> a.key().compareTo(b.key()));
    return apps;
  }

  /** The command hooks of a {@code hooks/hooks.json} file, in file order. */
  public static List<HookSpec> hooks(byte[] bytes, String file, Report report) {
    Optional<JsonNode> json = Json.parse(bytes, file, report, true);
    if (json.isEmpty()) {
      return List.of();
    }
    return JsonFields.of(json.get(), file, "", report, true).map(root -> hooks(root, report)).orElse(List.of());
  }

  /**
   * The command hooks of a parsed hooks object ({@code {"hooks": {...}}}), in file order. Codex discards the
   * whole file on any schema error (an unknown top-level key, an unknown handler type, a missing command, a
   * timeout that is not a whole number), so those are host-fatal.
   */
  public static List<HookSpec> hooks(JsonFields root, Report report) {
    String file = root.file();
    for (String key : root.keys()) {
      if (!key.equals("hooks") && !key.equals("description")) {
        report.problem(FindingCode.UNKNOWN_KEY, file, root.field(key)).hostFatal()
            .fix("Codex accepts only description and hooks here and discards the whole file otherwise").report();
      }
    }
    List<HookSpec> hooks = new ArrayList<>();
    root.object("hooks").ifPresent(events -> {
      for (String event : events.keys()) {
        JsonNode groups = events.raw(event);
        if (!groups.isArray()) {
          JsonFields.wrongType(report, file, events.field(event), "an array of matcher groups", groups, true);
          continue;
        }
        for (int g = 0; g < groups.size(); g++) {
          String groupPath = events.field(event) + "[" + g + "]";
          JsonFields.of(groups.get(g), file, groupPath, report, true).ifPresent(group -> {
            String matcher = group.text("matcher");
            JsonNode commands = group.raw("hooks");
            if (commands == null || !commands.isArray()) {
              JsonFields.wrongType(report, file, group.field("hooks"), "an array of hooks", commands, true);
              return;
            }
            for (int h = 0; h < commands.size(); h++) {
              JsonFields.of(commands.get(h), file, group.field("hooks") + "[" + h + "]", report, true)
                  .ifPresent(command -> handler(event, matcher, command, report).ifPresent(hooks::add));
            }
          });
        }
      }
    });
    return hooks;
  }
}
