package dev.codexplugin.runtime.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.FindingCode.HostImpact;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.ToolSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The two files of a bundle that only the SDK reads (Codex copies them on install and ignores them):
 *
 * <ul>
 *   <li>{@value FormatFiles#TOOLS_FILE}: the Java tools, {@code {"formatVersion": 1, "server": "<server>",
 *       "main": "<class>", "tools": [<descriptor as tools/list returns it>, ...]}};
 *   <li>{@value #FormatFiles.REQUIREMENTS_FILE}: what each MCP server needs on the user's machine, in words,
 *       {@code {"formatVersion": 1, "mcpServers": {"<server>": {"requirements": ["Node.js 18+"]}}}}.
 * </ul>
 *
 * <p>Both are read with the strict JSON reader. Since Codex does not read them, a problem is never host-fatal:
 * a warning when loading, an error when the SDK writes the bundle. Each must name servers of {@code .mcp.json}.
 */
public final class ToolFiles {
  public static final int FORMAT_VERSION = 1;

  private ToolFiles() {}

  /** The tools of {@value FormatFiles#TOOLS_FILE}, sorted by server and name; empty when it is broken. */
  public static List<ToolSpec> tools(byte[] bytes, List<McpServerSpec> servers, Report report) {
    String file = FormatFiles.TOOLS_FILE;
    ReadContext context = report.reading(HostImpact.NONE);
    Optional<JsonFields> root = root(bytes, file, report);
    if (root.isEmpty()) {
      return List.of();
    }
    JsonFields r = root.get();
    String server = r.text("server");
    if (server.isEmpty()) {
      report.problem(FindingCode.MISSING, file, "server")
          .fix("name the MCP server of .mcp.json that serves these tools; rebuild the jar with the processor").report();
      return List.of();
    }
    knownServer(server, servers, file, "server", report);
    JsonNode list = r.raw("tools");
    if (list == null || !list.isArray()) {
      JsonFields.wrongType(context, file, "tools", "an array of tool descriptors", list);
      return List.of();
    }
    List<ToolSpec> tools = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Optional<JsonFields> t = JsonFields.of(list.get(i), file, "tools[" + i + "]", context);
      if (t.isEmpty()) {
        continue;
      }
      Optional<ToolSpec> tool = tool(server, t.get(), report);
      if (tool.isPresent() && !names.add(tool.get().name())) {
        report.problem(FindingCode.DUPLICATE, file, t.get().field("name")).value(tool.get().name())
            .fix("a server lists each tool once; rebuild the jar").report();
        continue;
      }
      tool.ifPresent(tools::add);
    }
    tools.sort(Comparator.comparing(ToolSpec::server).thenComparing(ToolSpec::name));
    return tools;
  }

  private static Optional<ToolSpec> tool(String server, JsonFields t, Report report) {
    String name = t.text("name");
    if (name.isEmpty()) {
      report.problem(FindingCode.MISSING, t.file(), t.field("name")).fix("every tool has a name").report();
      return Optional.empty();
    }
    JsonNode input = t.raw("inputSchema");
    if (input == null || !input.isObject()) {
      JsonFields.wrongType(t.context(), t.file(), t.field("inputSchema"), "a JSON Schema object", input);
      return Optional.empty();
    }
    JsonNode output = t.raw("outputSchema");
    if (output != null && !output.isNull() && !output.isObject()) {
      JsonFields.wrongType(t.context(), t.file(), t.field("outputSchema"), "a JSON Schema object", output);
      output = null;
    }
    Optional<JsonFields> hints = t.object("annotations");
    String title = t.text("title");
    if (title.isEmpty()) {
      title = hints.map(h -> h.text("title")).orElse("");
    }
    return Optional.of(ToolSpec.builder(name)
        .server(server)
        .title(title)
        .description(t.text("description"))
        .inputSchema(Json.compact(input))
        .outputSchema(output == null || output.isNull() ? "" : Json.compact(output))
        .readOnlyHint(hints.flatMap(h -> h.bool("readOnlyHint")))
        .destructiveHint(hints.flatMap(h -> h.bool("destructiveHint")))
        .idempotentHint(hints.flatMap(h -> h.bool("idempotentHint")))
        .openWorldHint(hints.flatMap(h -> h.bool("openWorldHint")))
        .build());
  }

  /**
   * {@value FormatFiles#TOOLS_FILE} for the Java tools that {@code main} serves as MCP server {@code server}:
   * each descriptor as {@code tools/list} returns it, in the order given.
   */
  public static byte[] writeTools(String server, String main, List<? extends JsonNode> descriptors) {
    ObjectNode json = Json.object();
    json.put("formatVersion", FORMAT_VERSION);
    json.put("server", server);
    json.put("main", main);
    ArrayNode list = json.putArray("tools");
    // The descriptors themselves, not copies: the tree only lives to be written, and writing changes nothing.
    descriptors.forEach(list::add);
    return Json.bytes(json);
  }

  /**
   * {@code servers} with the requirements of {@value #FormatFiles.REQUIREMENTS_FILE}; a server the file names that
   * {@code .mcp.json} does not have is reported.
   */
  public static List<McpServerSpec> requirements(byte[] bytes, List<McpServerSpec> servers, Report report) {
    String file = FormatFiles.REQUIREMENTS_FILE;
    Optional<JsonFields> root = root(bytes, file, report);
    Optional<JsonFields> map = root.flatMap(r -> r.object("mcpServers"));
    if (map.isEmpty()) {
      root.filter(r -> !r.has("mcpServers")).ifPresent(r -> report.problem(FindingCode.MISSING, file, "mcpServers")
          .fix("write {\"mcpServers\": {\"<server>\": {\"requirements\": [...]}}}").report());
      return servers;
    }
    Map<String, List<String>> byServer = new LinkedHashMap<>();
    for (String name : map.get().keys()) {
      map.get().object(name).ifPresent(s -> byServer.put(name, s.texts("requirements")));
      knownServer(name, servers, file, map.get().field(name), report);
    }
    List<McpServerSpec> out = new ArrayList<>();
    for (McpServerSpec s : servers) {
      List<String> words = byServer.get(s.name());
      out.add(words == null ? s : s.withRequirements(words));
    }
    return out;
  }

  /** {@value #FormatFiles.REQUIREMENTS_FILE} for {@code servers}, or empty when none states a requirement. */
  public static Optional<byte[]> writeRequirements(List<McpServerSpec> servers) {
    ObjectNode json = Json.object();
    json.put("formatVersion", FORMAT_VERSION);
    ObjectNode map = json.putObject("mcpServers");
    servers.stream().filter(s -> !s.requirements().isEmpty()).sorted(Comparator.comparing(McpServerSpec::name))
        .forEach(s -> {
          ArrayNode list = map.putObject(s.name()).putArray("requirements");
          s.requirements().forEach(list::add);
        });
    return map.isEmpty() ? Optional.empty() : Optional.of(Json.bytes(json));
  }

  private static Optional<JsonFields> root(byte[] bytes, String file, Report report) {
    ReadContext context = report.reading(HostImpact.NONE);
    Optional<JsonFields> root = Json.parse(bytes, file, context)
        .flatMap(node -> JsonFields.of(node, file, "", context));
    if (root.isEmpty()) {
      return root;
    }
    Optional<Integer> version = root.get().integer("formatVersion");
    if (version.isEmpty()) {
      if (!root.get().has("formatVersion")) {
        report.problem(FindingCode.MISSING, file, "formatVersion")
            .fix("write \"formatVersion\": " + FORMAT_VERSION + "; rebuild the jar with the processor").report();
      }
    } else if (version.get() != FORMAT_VERSION) {
      report.problem(FindingCode.WRONG_TYPE, file, "formatVersion").found(String.valueOf(version.get()))
          .arg("type", String.valueOf(FORMAT_VERSION)).fix("this SDK reads format " + FORMAT_VERSION + " only; update the SDK")
          .report();
      return Optional.empty();
    }
    return root;
  }

  private static void knownServer(String name, List<McpServerSpec> servers, String file, String field,
      Report report) {
    if (servers.stream().noneMatch(s -> s.name().equals(name))) {
      TreeSet<String> known = new TreeSet<>();
      servers.forEach(s -> known.add(s.name()));
      report.problem(FindingCode.UNKNOWN_REQUIREMENT, file, field).value(name)
          .fix(".mcp.json has " + (known.isEmpty() ? "no servers" : String.join(", ", known))
              + "; rebuild the jar with the processor").report();
    }
  }
}
