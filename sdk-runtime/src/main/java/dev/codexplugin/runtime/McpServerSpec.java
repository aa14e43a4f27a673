package dev.codexplugin.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Map;

/**
 * One MCP server of {@code .mcp.json} (Codex dialect). A server is stdio ({@link #command()} set) or HTTP
 * ({@link #url()} set). Absent text is {@code ""}, absent numbers and flags are empty.
 *
 * @param name the server name, the key in {@code mcpServers}
 * @param description what the server offers (a reader's note; Codex ignores it)
 * @param command stdio: the program
 * @param args stdio: its arguments, in order
 * @param env stdio: {@code env}, sorted by name
 * @param envVars stdio: {@code env_vars}, names forwarded from the parent environment
 * @param cwd stdio: {@code cwd}; relative paths resolve against the installed plugin folder
 * @param url HTTP: {@code url}
 * @param bearerTokenEnvVar HTTP: {@code bearer_token_env_var}
 * @param httpHeaders HTTP: {@code http_headers}
 * @param envHttpHeaders HTTP: {@code env_http_headers}, header to variable name
 * @param enabled {@code enabled}
 * @param required {@code required}
 * @param startupTimeoutSec {@code startup_timeout_sec}
 * @param toolTimeoutSec {@code tool_timeout_sec}
 * @param enabledTools {@code enabled_tools}
 * @param disabledTools {@code disabled_tools}
 * @param requirements what the server needs on the user's machine, in words (e.g. {@code Node.js 18+}), from
 *     {@code mcp-requirements.json}; Codex does not read them, {@code Doctor} prints them
 */
public record McpServerSpec(
    String name,
    String description,
    String command,
    List<String> args,
    Map<String, String> env,
    List<String> envVars,
    String cwd,
    String url,
    String bearerTokenEnvVar,
    Map<String, String> httpHeaders,
    Map<String, String> envHttpHeaders,
    Optional<Boolean> enabled,
    Optional<Boolean> required,
    Optional<Double> startupTimeoutSec,
    Optional<Double> toolTimeoutSec,
    List<String> enabledTools,
    List<String> disabledTools,
    List<String> requirements) {

  /** How a host talks to the server. */
  public enum Transport {
    /** A local process speaking MCP on stdin/stdout. */
    STDIO,
    /** A remote server speaking streamable HTTP. */
    HTTP
  }

  /** Normalizes {@code null} to empty values and copies the collections. */
  public McpServerSpec {
    name = Values.text(name);
    description = Values.text(description);
    command = Values.text(command);
    args = Values.list(args);
    env = Values.map(env);
    envVars = Values.list(envVars);
    cwd = Values.text(cwd);
    url = Values.text(url);
    bearerTokenEnvVar = Values.text(bearerTokenEnvVar);
    httpHeaders = Values.map(httpHeaders);
    envHttpHeaders = Values.map(envHttpHeaders);
    enabled = Objects.requireNonNullElse(enabled, Optional.empty());
    required = Objects.requireNonNullElse(required, Optional.empty());
    startupTimeoutSec = Objects.requireNonNullElse(startupTimeoutSec, Optional.empty());
    toolTimeoutSec = Objects.requireNonNullElse(toolTimeoutSec, Optional.empty());
    enabledTools = Values.list(enabledTools);
    disabledTools = Values.list(disabledTools);
    requirements = Values.list(requirements);
  }

  /** A server without stated requirements. */
  public McpServerSpec(String name, String description, String command, List<String> args, Map<String, String> env,
      List<String> envVars, String cwd, String url, String bearerTokenEnvVar, Map<String, String> httpHeaders,
      Map<String, String> envHttpHeaders, Optional<Boolean> enabled, Optional<Boolean> required,
      Optional<Double> startupTimeoutSec, Optional<Double> toolTimeoutSec, List<String> enabledTools,
      List<String> disabledTools) {
    this(name, description, command, args, env, envVars, cwd, url, bearerTokenEnvVar, httpHeaders, envHttpHeaders,
        enabled, required, startupTimeoutSec, toolTimeoutSec, enabledTools, disabledTools, List.of());
  }

  /** This server with {@code requirements} instead of its own. */
  public McpServerSpec withRequirements(List<String> requirements) {
    return new McpServerSpec(name, description, command, args, env, envVars, cwd, url, bearerTokenEnvVar,
        httpHeaders, envHttpHeaders, enabled, required, startupTimeoutSec, toolTimeoutSec, enabledTools,
        disabledTools, requirements);
  }

  /** A stdio server launching {@code command} with {@code args}. */
  public static McpServerSpec stdio(String name, String command, List<String> args) {
    return new McpServerSpec(name, "", command, args, null, null, "", "", "", null, null,
        null, null, null, null, null, null);
  }

  /** An HTTP server at {@code url}. */
  public static McpServerSpec http(String name, String url) {
    return new McpServerSpec(name, "", "", null, null, null, "", url, "", null, null,
        null, null, null, null, null, null);
  }

  /** {@link Transport#HTTP} when a URL is set, else {@link Transport#STDIO}. */
  public Transport transport() {
    return url.isEmpty() ? Transport.STDIO : Transport.HTTP;
  }

  /** Every environment variable the server reads from the user's environment, sorted. */
  public List<String> requiredEnvironment() {
    java.util.TreeSet<String> names = new java.util.TreeSet<>(envVars);
    if (!bearerTokenEnvVar.isEmpty()) {
      names.add(bearerTokenEnvVar);
    }
    names.addAll(envHttpHeaders.values());
    return List.copyOf(names);
  }
}
