package dev.codexplugin.processor;

import dev.codexplugin.processor.McpServerPrism.Attr;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.format.ConfigReader;
import dev.codexplugin.runtime.format.FormatFiles;
import dev.codexplugin.runtime.format.Place;
import dev.codexplugin.runtime.format.Text;
import dev.codexplugin.runtime.format.ToolFiles;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MCP servers of a plugin: those of {@code @Plugin(mcpConfig)}, each {@code @McpServer}, and the server of
 * the plugin's {@code @McpTool} methods with its tools file.
 */
final class ServerMapper {
  private static final Place MCP = Place.of(FormatFiles.MCP_FILE);
  /** The fields of a server in {@code .mcp.json} and the {@code @McpServer} attribute each comes from. */
  private static final Map<String, Attr> FIELDS = Map.of("command", Attr.COMMAND, "cwd", Attr.CWD, "url", Attr.URL,
      "startup_timeout_sec", Attr.STARTUP_TIMEOUT_SEC, "tool_timeout_sec", Attr.TOOL_TIMEOUT_SEC,
      "bearer_token_env_var", Attr.BEARER_TOKEN_ENV_VAR);

  private final Assembly assembly;

  ServerMapper(Assembly assembly) {
    this.assembly = assembly;
  }

  /** The servers of {@code @Plugin(mcpConfig)}. */
  List<McpServerSpec> configServers() {
    return assembly.configFile(PluginPrism.Attr.MCP_CONFIG, assembly.prism().mcpConfig(), FormatFiles.MCP_FILE,
        ConfigReader::mcpServers, s -> field(s.name()).field());
  }

  McpServerSpec server(McpServerPrism s) {
    String name = s.name();
    Place p = field(name);
    Origins origins = assembly.origins();
    origins.put(p, s.origin().labeled(s.title()));
    origins.put(FindingCode.BAD_KEY, p, s.origin(Attr.NAME));
    origins.put(FindingCode.DUPLICATE, p, s.origin(Attr.NAME));
    FIELDS.forEach((key, attr) -> origins.put(p.child(key), s.origin(attr)));
    List<String> args = s.args();
    for (int i = 0; i < args.size(); i++) {
      origins.put(p.child("args").index(i), s.origin(Attr.ARGS, i));
    }
    Map<String, String> env = assembly.entries(s, Attr.ENV, s.env(), p.child("env"));
    Map<String, String> headers = assembly.entries(s, Attr.HTTP_HEADERS, s.httpHeaders(), p.child("http_headers"));
    Map<String, String> envHeaders = assembly.entries(s, Attr.ENV_HTTP_HEADERS, s.envHttpHeaders(),
        p.child("env_http_headers"));
    String command = s.command();
    if (!command.isEmpty() && s.requirements().isEmpty() && !Prerequisites.selfChecked(command)) {
      assembly.findings().problem(FindingCode.UNDECLARED_PREREQUISITE, s.origin(Attr.COMMAND))
          .found(Text.quote(command) + " without requirements").report();
    }
    return McpServerSpec.builder(name)
        .description(s.description())
        .command(command)
        .args(args)
        .env(env)
        .envVars(s.envVars())
        .cwd(s.cwd())
        .url(s.url())
        .bearerTokenEnvVar(s.bearerTokenEnvVar())
        .httpHeaders(headers)
        .envHttpHeaders(envHeaders)
        .enabled(s.enabled())
        .required(s.required())
        .startupTimeoutSec(seconds(s.startupTimeoutSec()))
        .toolTimeoutSec(seconds(s.toolTimeoutSec()))
        .enabledTools(s.enabledTools())
        .disabledTools(s.disabledTools())
        .requirements(s.requirements())
        .build();
  }

  /**
   * Sends what the JVM itself prints (a {@code kill -3} thread dump, VM warnings) to stderr: on stdout it would
   * break the MCP protocol stream (ThreadDumpTest shows both).
   */
  static final String STDERR_VM_OUTPUT = "-XX:+DisplayVMOutputToStderr";

  /**
   * The server of the plugin's Java tools: {@code java -XX:+DisplayVMOutputToStderr -cp "lib/*" <main>} started
   * in the plugin folder (Codex expands no placeholders, so the class path is relative with {@code "cwd": "."}),
   * and the tools file {@code mcp-tools.json} with every tool's descriptor.
   */
  McpServerSpec toolServer(ToolRound.PluginTools tools) {
    PluginPrism p = assembly.prism();
    Place field = field(tools.serverName());
    // The rules' messages about the server name are about this attribute: "@Plugin toolServer must be ..."
    Origin origin = p.origin(PluginPrism.Attr.TOOL_SERVER);
    assembly.origins().put(field, origin);
    if (!tools.explicitServerName()) {
      // The plugin's own name: one outside the key rule is outside the name rule too, reported as BadName.
      assembly.findings().suppress(FindingCode.BAD_KEY, field);
    }
    if (!tools.failed()) {
      byte[] file = ToolFiles.writeTools(tools.serverName(), tools.mainClass(),
          tools.tools().stream().map(ToolRound.Tool::descriptor).toList());
      assembly.packer().pack(FormatFiles.TOOLS_FILE, file, "@McpTool methods", origin);
    }
    String names = String.join(", ", tools.tools().stream().map(ToolRound.Tool::name).toList());
    return McpServerSpec.builder(tools.serverName())
        .description(names.isEmpty() ? "Java MCP server of " + p.name() : "Java tools of " + p.name() + ": " + names)
        .command("java")
        .args(List.of(STDERR_VM_OUTPUT, "-cp", FormatFiles.LIB + "*", tools.mainClass()))
        .cwd(".")
        .build();
  }

  /**
   * The tool server's name must not be taken by an {@code @McpServer} or a server of {@code mcpConfig}: reported
   * here on {@code toolServer}, where the fix is, rather than by the rules on whichever server comes second.
   */
  void toolServerIsUnique(ToolRound.PluginTools tools, List<McpServerSpec> servers) {
    String name = tools.serverName();
    if (servers.stream().filter(s -> s.name().equals(name)).count() < 2) {
      return;
    }
    assembly.findings().suppress(FindingCode.DUPLICATE, field(name));
    var problem = assembly.findings().problem(FindingCode.DUPLICATE,
        assembly.prism().origin(PluginPrism.Attr.TOOL_SERVER));
    if (tools.explicitServerName()) {
      problem.found(Text.quote(name) + ", the name of an @McpServer or a server of the mcpConfig file too")
          .fix("set @Plugin(toolServer = \"...\") to another name, or rename the other server");
    } else {
      problem.found("it empty, so the tool server takes the plugin name " + Text.quote(name)
              + ", which an @McpServer or a server of the mcpConfig file has too")
          .fix("name the tool server with @Plugin(toolServer = \"...\"), or rename the other server");
    }
    problem.report();
  }

  /** The place of server {@code name} in {@code .mcp.json}. */
  private static Place field(String name) {
    return MCP.child("mcpServers").child(name);
  }

  private static Optional<Double> seconds(int value) {
    return value == 0 ? Optional.empty() : Optional.of((double) value);
  }
}
