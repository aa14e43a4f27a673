package dev.codexplugin.runtime.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexplugin.runtime.AppSpec;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.FindingCode.HostImpact;
import dev.codexplugin.runtime.HookSpec;
import dev.codexplugin.runtime.McpServerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code .mcp.json}, {@code .app.json} and {@code hooks/hooks.json} as Codex 0.169.0 does, keeping
 * exactly the parts Codex keeps (docs/FORMAT.md#mcp-json, #app-json, #hooks):
 *
 * <ul>
 *   <li>{@code .mcp.json}: each server is read on its own; one with a host-fatal problem (command and url, or
 *       neither; {@code args} that is not a list; an {@code env} value that is not a string) is dropped, the
 *       others stay;
 *   <li>{@code .app.json}: one bad entry (no {@code id}, an {@code id} that is not a string) drops every app;
 *   <li>{@code hooks.json}: a schema error (an unknown top-level key, an unknown handler type, a missing
 *       {@code command}, a {@code timeout} that is not a whole number) drops the whole file; an unknown event,
 *       an invalid matcher or a {@code prompt}/{@code agent} handler drops only that event, group or handler.
 * </ul>
 */
public final class ConfigReader {
  static final Set<String> SERVER_KEYS = Set.of("command", "args", "env", "env_vars", "cwd", "url",
      "bearer_token_env_var", "http_headers", "env_http_headers", "enabled", "required", "startup_timeout_sec",
      "tool_timeout_sec", "enabled_tools", "disabled_tools");

  private ConfigReader() {}

  /** The servers of a {@code .mcp.json} file that Codex keeps, sorted by name. */
  public static List<McpServerSpec> mcpServers(byte[] bytes, String file, Report report) {
    ReadContext context = report.reading(HostImpact.DROPS_PART);
    Optional<JsonFields> root = rootObject(bytes, file, context);
    if (root.isEmpty()) {
      return List.of();
    }
    if (!root.get().has("mcpServers")) {
      // Codex also reads a bare map of servers.
      report.problem(FindingCode.DISCOURAGED, file, "").found("no \"mcpServers\" wrapper")
          .fix("wrap the servers in {\"mcpServers\": {...}}").report();
      return mcpServers(root.get(), report);
    }
    return root.get().object("mcpServers").map(map -> mcpServers(map, report)).orElse(List.of());
  }

  /**
   * The servers of an {@code mcpServers} object (a file's, or one inline in {@code plugin.json}) that Codex
   * keeps, sorted by name: a server with a host-fatal problem is reported and left out.
   */
  public static List<McpServerSpec> mcpServers(JsonFields map, Report report) {
    List<McpServerSpec> servers = new ArrayList<>();
    for (String name : map.keys()) {
      int fatalBefore = report.impactCount();
      Optional<McpServerSpec> server =
          JsonFields.of(map.raw(name), map.file(), map.field(name), map.context()).map(s -> server(name, s));
      if (server.isPresent() && report.impactCount() == fatalBefore) {
        servers.add(server.get());
      }
    }
    servers.sort((a, b) -> a.name().compareTo(b.name()));
    return servers;
  }

  private static McpServerSpec server(String name, JsonFields s) {
    s.unknownKeys(SERVER_KEYS, "Codex reads " + String.join(", ", new TreeSet<>(SERVER_KEYS)));
    McpServerSpec spec = McpServerSpec.builder(name)
        .command(s.text("command"))
        .args(s.texts("args"))
        .env(s.textMap("env"))
        .envVars(envVars(s))
        .cwd(s.text("cwd"))
        .url(s.text("url"))
        .bearerTokenEnvVar(s.text("bearer_token_env_var"))
        .httpHeaders(s.textMap("http_headers"))
        .envHttpHeaders(s.textMap("env_http_headers"))
        .enabled(s.bool("enabled"))
        .required(s.bool("required"))
        .startupTimeoutSec(s.number("startup_timeout_sec"))
        .toolTimeoutSec(s.number("tool_timeout_sec"))
        .enabledTools(s.texts("enabled_tools"))
        .disabledTools(s.texts("disabled_tools"))
        .build();
    boolean stdio = s.has("command");
    boolean http = s.has("url");
    if (stdio == http) {
      s.context().problem(FindingCode.TRANSPORT, s.file(), s.path()).found(stdio ? "both" : "neither")
          .fix((stdio ? "a server is either a local command or a remote URL; keep one"
              : "set command (stdio) or url (HTTP)") + "; Codex drops this server")
          .report();
    }
    return spec;
  }

  /**
   * {@code env_vars}: names, or objects with a {@code name} (Codex 0.169.0 accepts both, docs/FORMAT.md#mcp-json; the SDK
   * keeps the names and warns about the objects).
   */
  private static List<String> envVars(JsonFields s) {
    JsonNode value = s.raw("env_vars");
    if (value == null || value.isNull() || !value.isArray()) {
      return s.texts("env_vars");
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      String field = s.field("env_vars") + "[" + i + "]";
      if (item.isTextual()) {
        names.add(item.textValue());
      } else if (item.isObject() && item.path("name").isTextual()) {
        s.context().report().problem(FindingCode.WRONG_TYPE, s.file(), field).found("an object").arg("type", "a string")
            .fix("write the variable name \"" + item.get("name").textValue() + "\" as a string").report();
        names.add(item.get("name").textValue());
      } else {
        JsonFields.wrongType(s.context(), s.file(), field, "a variable name", item);
      }
    }
    return names;
  }

  /**
   * The apps of a {@code .app.json} file, sorted by key; none at all when one entry is broken, since Codex
   * then discards the whole file (docs/FORMAT.md).
   */
  public static List<AppSpec> apps(byte[] bytes, String file, Report report) {
    ReadContext context = report.reading(HostImpact.DROPS_PART);
    Optional<JsonFields> root = rootObject(bytes, file, context);
    if (root.isEmpty()) {
      return List.of();
    }
    if (!root.get().has("apps")) {
      report.problem(FindingCode.MISSING, file, "apps").dropsPart()
          .fix("wrap the apps in {\"apps\": {...}}; Codex reads no app otherwise").report();
      return List.of();
    }
    int fatalBefore = report.impactCount();
    List<AppSpec> apps = new ArrayList<>();
    root.get().object("apps").ifPresent(map -> {
      for (String key : map.keys()) {
        JsonFields.of(map.raw(key), file, map.field(key), context).ifPresent(a -> {
          if (!a.has("id")) {
            report.problem(FindingCode.MISSING, file, a.field("id")).dropsPart()
                .fix("set the registered connector id, e.g. \"connector_...\"; without it Codex discards every"
                    + " app of the file")
                .report();
          }
          String id = a.text("id");
          // Codex reads only id: a wrong type elsewhere is only a warning.
          JsonFields rest = new JsonFields(map.raw(key), file, map.field(key), report.reading(HostImpact.NONE));
          apps.add(new AppSpec(key, id, rest.text("category"), rest.text("type"), rest.text("baseUrl")));
        });
      }
    });
    if (report.impactCount() > fatalBefore) {
      return List.of();
    }
    apps.sort((a, b) -> a.key().compareTo(b.key()));
    return apps;
  }

  /** The command hooks of a {@code hooks/hooks.json} file that Codex runs, in file order. */
  public static List<HookSpec> hooks(byte[] bytes, String file, Report report) {
    ReadContext context = report.reading(HostImpact.DROPS_PART);
    return rootObject(bytes, file, context).map(root -> hooks(root, report)).orElse(List.of());
  }

  /** The file's top-level object; empty (reported) when it is no JSON or no object. */
  private static Optional<JsonFields> rootObject(byte[] bytes, String file, ReadContext context) {
    return Json.parse(bytes, file, context).flatMap(json -> JsonFields.of(json, file, "", context));
  }

  /**
   * The command hooks of a parsed hooks object ({@code {"hooks": {...}}}) that Codex runs, in file order.
   * Codex discards the whole file on any schema error (an unknown top-level key, an unknown handler type, a
   * missing command, a timeout that is not a whole number); it silently ignores events it does not know,
   * drops a matcher group whose regular expression is invalid, and skips {@code prompt} and {@code agent}
   * handlers. An unknown event is only a warning: such hooks are written for another host (Claude Code has
   * events Codex lacks), and Codex keeps the rest of the plugin; every other problem drops a part.
   */
  public static List<HookSpec> hooks(JsonFields root, Report report) {
    String file = root.file();
    ReadContext context = root.context();
    int fatalBefore = report.impactCount();
    int partsDropped = 0;
    for (String key : root.keys()) {
      if (!key.equals("hooks") && !key.equals("description")) {
        report.problem(FindingCode.UNKNOWN_KEY, file, root.field(key)).dropsPart()
            .fix("Codex accepts only description and hooks here and discards the whole file otherwise").report();
      }
    }
    List<HookSpec> hooks = new ArrayList<>();
    Optional<JsonFields> events = root.object("hooks");
    for (String event : events.map(JsonFields::keys).orElse(List.of())) {
      JsonFields map = events.get();
      if (!Rules.HOOK_EVENTS.contains(event)) {
        report.problem(FindingCode.UNKNOWN_EVENT, file, map.field(event)).value(event)
            .fix("Codex ignores the hooks of this event and keeps the others; for Codex, use one of the listed"
                + " events (names are case-sensitive)").report();
        continue;
      }
      JsonNode groups = map.raw(event);
      if (!groups.isArray()) {
        JsonFields.wrongType(context, file, map.field(event), "an array of matcher groups", groups);
        continue;
      }
      for (int g = 0; g < groups.size(); g++) {
        Optional<JsonFields> group = JsonFields.of(groups.get(g), file, map.field(event) + "[" + g + "]", context);
        if (group.isEmpty()) {
          continue;
        }
        String matcher = group.get().text("matcher");
        Optional<String> badMatcher = Rules.regexProblem(matcher);
        if (badMatcher.isPresent()) {
          report.problem(FindingCode.BAD_REGEX, file, group.get().field("matcher")).value(matcher)
              .fix(badMatcher.get() + "; Codex drops this matcher group").dropsPart().report();
          partsDropped++;
        }
        JsonNode commands = group.get().raw("hooks");
        if (commands == null || !commands.isArray()) {
          JsonFields.wrongType(context, file, group.get().field("hooks"), "an array of hooks", commands);
          continue;
        }
        for (int h = 0; h < commands.size(); h++) {
          Optional<JsonFields> handler =
              JsonFields.of(commands.get(h), file, group.get().field("hooks") + "[" + h + "]", context);
          if (handler.isEmpty()) {
            continue;
          }
          Handler read = handler(event, matcher, handler.get(), report);
          partsDropped += read.dropped() ? 1 : 0;
          if (badMatcher.isEmpty()) {
            read.hook().ifPresent(hooks::add);
          }
        }
      }
    }
    if (report.impactCount() - fatalBefore > partsDropped) {
      return List.of();
    }
    return hooks;
  }

  /** Claude Code hook fields that Codex 0.169.0 / 0.171.0 ignore, in the order they are reported. */
  private static final List<String> CLAUDE_ONLY_HOOK_FIELDS =
      List.of("if", "asyncRewake", "rewakeMessage", "rewakeSummary");

  /** One handler: the hook the SDK models, and whether Codex drops this handler on its own. */
  private record Handler(Optional<HookSpec> hook, boolean dropped) {}

  private static Handler handler(String event, String matcher, JsonFields command, Report report) {
    String type = command.text("type");
    switch (type) {
      case "command" -> {
        if (!command.has("command")) {
          report.problem(FindingCode.MISSING, command.file(), command.field("command")).dropsPart()
              .fix("set the shell command; Codex discards the whole file without it").report();
        }
        Optional<Integer> timeout = command.integer("timeout");
        if (timeout.isPresent() && timeout.get() < 0) {
          report.problem(FindingCode.NEGATIVE, command.file(), command.field("timeout"))
              .found(String.valueOf(timeout.get())).fix("Codex discards the whole file; leave it out for 600 seconds")
              .dropsPart().report();
        }
        for (String field : CLAUDE_ONLY_HOOK_FIELDS) {
          if (command.has(field)) {
            report.problem(FindingCode.IGNORED_HOOK_FIELD, command.file(), command.field(field))
                .found("it on the " + event + (matcher.isEmpty() ? "" : "[" + matcher + "]") + " hook "
                    + Text.quote(command.text("command")))
                .fix(field.equals("if")
                    ? "Codex drops the condition and runs this hook on every " + event + (matcher.isEmpty() ? ""
                        : " matching " + Text.quote(matcher)) + "; check the condition in the command itself"
                    : "Codex drops it and runs this hook without the rewake")
                .report();
          }
        }
        return new Handler(Optional.of(new HookSpec(event, matcher, command.text("command"), timeout,
            command.text("statusMessage"))), false);
      }
      case "mcp_tool" -> {
        report.problem(FindingCode.UNKNOWN_KEY, command.file(), command.field("type")).value(type)
            .fix("Codex runs it, but the SDK models command hooks only and leaves it out").report();
        return new Handler(Optional.empty(), false);
      }
      case "prompt", "agent" -> {
        report.problem(FindingCode.WRONG_TYPE, command.file(), command.field("type")).value(type)
            .arg("type", "\"command\" or \"mcp_tool\"")
            .fix("Codex 0.169.0 skips " + type + " hooks (not supported yet)").dropsPart().report();
        return new Handler(Optional.empty(), true);
      }
      default -> {
        report.problem(FindingCode.WRONG_TYPE, command.file(), command.field("type")).value(type)
            .arg("type", "\"command\"").fix("Codex discards the whole hooks file on an unknown type").dropsPart()
            .report();
        return new Handler(Optional.empty(), false);
      }
    }
  }
}
