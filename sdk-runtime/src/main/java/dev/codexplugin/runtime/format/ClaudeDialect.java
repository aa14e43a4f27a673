package dev.codexplugin.runtime.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginManifest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Claude Code side of an export (docs/FORMAT.md#claude-code, checked with Claude Code 2.1.328):
 * {@code .claude-plugin/plugin.json} with only the keys Claude knows (its strict validation rejects
 * {@code interface} and {@code apps}), and a root {@code .mcp.json} in Claude's dialect.
 *
 * <p>Server translation: stdio {@code env_vars} become {@code env} entries {@code "NAME": "${NAME}"}; HTTP
 * servers get {@code "type": "http"} and {@code headers} (static headers as they are,
 * {@code env_http_headers} as {@code "${VAR}"}, {@code bearer_token_env_var} as
 * {@code "Authorization": "Bearer ${VAR}"}). Claude Code has no {@code cwd}: for a server that runs in the
 * plugin folder ({@code "cwd": "."} or {@code "./sub"}), a command or argument naming a file or folder there
 * ({@code ./x}, or a path whose first segment exists, like {@code lib/*}) is prefixed with
 * {@code ${CLAUDE_PLUGIN_ROOT}/}, which Claude expands; so are the parts of a {@code :}-separated class path
 * and the value of a {@code -name=value} argument.
 */
public final class ClaudeDialect {
  static final String ROOT = "${CLAUDE_PLUGIN_ROOT}";

  private ClaudeDialect() {}

  /** {@code .claude-plugin/plugin.json}: name, version, description, author, homepage, repository, license, keywords. */
  public static ObjectNode manifest(PluginManifest m) {
    ObjectNode json = Json.object();
    json.put("name", m.name());
    BundleWriter.putText(json, "version", m.version());
    BundleWriter.putText(json, "description", m.description());
    m.author().filter(a -> !a.name().isEmpty()).ifPresent(a -> BundleWriter.author(json, a));
    BundleWriter.provenance(json, m);
    return json;
  }

  /**
   * The root {@code .mcp.json} in Claude's dialect. {@code files} are the plugin folder's files after export
   * (to tell paths from other arguments); what cannot be carried over is added to {@code warnings}.
   */
  public static ObjectNode mcpConfig(String plugin, List<McpServerSpec> servers, Collection<String> files,
      List<String> warnings) {
    ObjectNode json = Json.object();
    ObjectNode map = json.putObject("mcpServers");
    for (McpServerSpec s : servers) {
      String where = plugin + ": .mcp.json mcpServers." + s.name();
      if (s.enabled().isPresent() && !s.enabled().get()) {
        warnings.add(where + " is disabled (\"enabled\": false) and Claude Code has no such switch; it is left"
            + " out of the Claude Code .mcp.json");
        continue;
      }
      List<String> dropped = new ArrayList<>();
      s.required().ifPresent(v -> dropped.add("required"));
      s.startupTimeoutSec().ifPresent(v -> dropped.add("startup_timeout_sec"));
      s.toolTimeoutSec().ifPresent(v -> dropped.add("tool_timeout_sec"));
      if (!s.enabledTools().isEmpty()) {
        dropped.add("enabled_tools");
      }
      if (!s.disabledTools().isEmpty()) {
        dropped.add("disabled_tools");
      }
      if (!dropped.isEmpty()) {
        warnings.add(where + ": Claude Code has no " + String.join(", ", dropped) + "; left out for Claude Code");
      }
      map.set(s.name(), s.transport() == McpServerSpec.Transport.HTTP ? http(s, where, warnings)
          : stdio(s, files, where, warnings));
    }
    return json;
  }

  private static ObjectNode http(McpServerSpec s, String where, List<String> warnings) {
    ObjectNode json = Json.object();
    json.put("type", "http");
    json.put("url", s.url());
    Map<String, String> headers = new LinkedHashMap<>(s.httpHeaders());
    s.envHttpHeaders().forEach((header, variable) -> headers.put(header, "${" + variable + "}"));
    if (!s.bearerTokenEnvVar().isEmpty()) {
      String previous = headers.put("Authorization", "Bearer ${" + s.bearerTokenEnvVar() + "}");
      if (previous != null) {
        warnings.add(where + ": bearer_token_env_var replaces the Authorization header " + Text.quote(previous)
            + " for Claude Code");
      }
    }
    if (!headers.isEmpty()) {
      json.set("headers", Json.stringMap(new java.util.TreeMap<>(headers)));
    }
    return json;
  }

  private static ObjectNode stdio(McpServerSpec s, Collection<String> files, String where, List<String> warnings) {
    PathRewriter paths = PathRewriter.of(s.cwd(), files, where, warnings);
    ObjectNode json = Json.object();
    json.put("command", paths.token(s.command()));
    if (!s.args().isEmpty()) {
      json.set("args", Json.strings(s.args().stream().map(paths::token).toList()));
    }
    Map<String, String> env = new java.util.TreeMap<>();
    s.envVars().forEach(name -> env.put(name, "${" + name + "}"));
    env.putAll(s.env());
    if (!env.isEmpty()) {
      json.set("env", Json.stringMap(env));
    }
    return json;
  }

  /** Prefixes the paths a server resolves against its {@code cwd} with {@code ${CLAUDE_PLUGIN_ROOT}}. */
  static final class PathRewriter {
    private final String base;
    private final Set<String> entries;

    private PathRewriter(String base, Set<String> entries) {
      this.base = base;
      this.entries = entries;
    }

    static PathRewriter of(String cwd, Collection<String> files, String where, List<String> warnings) {
      if (cwd.isEmpty()) {
        return new PathRewriter(null, Set.of());
      }
      String relative = cwd.equals(".") ? "" : cwd.startsWith("./") ? cwd.substring(2) : cwd;
      while (relative.endsWith("/")) {
        relative = relative.substring(0, relative.length() - 1);
      }
      if (cwd.startsWith("/") || cwd.contains("\\") || cwd.contains(":")
          || (!relative.isEmpty() && !BundlePaths.isSafeEntry(relative))) {
        warnings.add(where + ": Claude Code has no cwd, and \"cwd\": " + Text.quote(cwd) + " is not a folder of"
            + " the plugin; the server starts in the session folder under Claude Code");
        return new PathRewriter(null, Set.of());
      }
      Set<String> entries = new TreeSet<>();
      String prefix = relative.isEmpty() ? "" : relative + "/";
      for (String file : files) {
        if (file.startsWith(prefix)) {
          String rest = file.substring(prefix.length());
          int slash = rest.indexOf('/');
          entries.add(slash < 0 ? rest : rest.substring(0, slash));
        }
      }
      return new PathRewriter(relative.isEmpty() ? ROOT : ROOT + "/" + relative, entries);
    }

    String token(String token) {
      if (base == null || token.isEmpty() || token.contains("://")) {
        return token;
      }
      if (token.startsWith("-")) {
        int eq = token.indexOf('=');
        return eq < 0 ? token : token.substring(0, eq + 1) + list(token.substring(eq + 1));
      }
      return list(token);
    }

    private String list(String value) {
      if (!value.contains(":")) {
        return path(value);
      }
      List<String> parts = new ArrayList<>();
      for (String part : value.split(":", -1)) {
        parts.add(path(part));
      }
      return String.join(":", parts);
    }

    private String path(String value) {
      if (value.startsWith("./")) {
        return base + "/" + value.substring(2);
      }
      if (value.isEmpty() || value.startsWith("/") || value.startsWith("$") || value.startsWith("../")) {
        return value;
      }
      int slash = value.indexOf('/');
      String first = slash < 0 ? value : value.substring(0, slash);
      return entries.contains(first) ? base + "/" + value : value;
    }
  }
}
