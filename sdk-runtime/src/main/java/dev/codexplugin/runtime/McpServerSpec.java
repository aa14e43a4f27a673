package dev.codexplugin.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * One MCP server of {@code .mcp.json} (Codex dialect, docs/FORMAT.md#mcp-json). A server is stdio
 * ({@link #command()} set) or HTTP ({@link #url()} set). Absent text is {@code ""}, absent numbers and flags are
 * empty, absent lists and maps are empty; maps are sorted by key. Immutable.
 *
 * <pre>{@code
 * McpServerSpec github = McpServerSpec.stdio("github", "npx")
 *     .args(List.of("-y", "@modelcontextprotocol/server-github"))
 *     .envVars(List.of("GITHUB_PERSONAL_ACCESS_TOKEN"))
 *     .build();
 * McpServerSpec tracker = McpServerSpec.http("tracker", "https://mcp.example.com/mcp")
 *     .bearerTokenEnvVar("TRACKER_TOKEN").build();
 * }</pre>
 *
 * <p>A spec can hold both a command and a URL, or neither: the readers keep what a file says so that the rules
 * can report it ({@link FindingCode#TRANSPORT}).
 */
public final class McpServerSpec {
  /** How a host talks to the server. */
  public enum Transport {
    /** A local process speaking MCP on stdin/stdout. */
    STDIO,
    /** A remote server speaking streamable HTTP. */
    HTTP
  }

  private final String name;
  private final String description;
  private final String command;
  private final List<String> args;
  private final Map<String, String> env;
  private final List<String> envVars;
  private final String cwd;
  private final String url;
  private final String bearerTokenEnvVar;
  private final Map<String, String> httpHeaders;
  private final Map<String, String> envHttpHeaders;
  private final Optional<Boolean> enabled;
  private final Optional<Boolean> required;
  private final Optional<Double> startupTimeoutSec;
  private final Optional<Double> toolTimeoutSec;
  private final List<String> enabledTools;
  private final List<String> disabledTools;
  private final List<String> requirements;

  private McpServerSpec(Builder b) {
    name = Values.text(b.name);
    description = Values.text(b.description);
    command = Values.text(b.command);
    args = Values.list(b.args);
    env = Values.map(b.env);
    envVars = Values.list(b.envVars);
    cwd = Values.text(b.cwd);
    url = Values.text(b.url);
    bearerTokenEnvVar = Values.text(b.bearerTokenEnvVar);
    httpHeaders = Values.map(b.httpHeaders);
    envHttpHeaders = Values.map(b.envHttpHeaders);
    enabled = Objects.requireNonNullElse(b.enabled, Optional.empty());
    required = Objects.requireNonNullElse(b.required, Optional.empty());
    startupTimeoutSec = Objects.requireNonNullElse(b.startupTimeoutSec, Optional.empty());
    toolTimeoutSec = Objects.requireNonNullElse(b.toolTimeoutSec, Optional.empty());
    enabledTools = Values.list(b.enabledTools);
    disabledTools = Values.list(b.disabledTools);
    requirements = Values.list(b.requirements);
  }

  /** A builder of a server called {@code name}, with nothing else set. */
  public static Builder builder(String name) {
    return new Builder().name(name);
  }

  /** A builder of a stdio server launching {@code command}. */
  public static Builder stdio(String name, String command) {
    return builder(name).command(command);
  }

  /** A stdio server launching {@code command} with {@code args}. */
  public static McpServerSpec stdio(String name, String command, List<String> args) {
    return stdio(name, command).args(args).build();
  }

  /** A builder of an HTTP server at {@code url}. */
  public static Builder http(String name, String url) {
    return builder(name).url(url);
  }

  /** A builder holding every value of this server. */
  public Builder toBuilder() {
    return new Builder().name(name).description(description).command(command).args(args).env(env)
        .envVars(envVars).cwd(cwd).url(url).bearerTokenEnvVar(bearerTokenEnvVar).httpHeaders(httpHeaders)
        .envHttpHeaders(envHttpHeaders).enabled(enabled).required(required).startupTimeoutSec(startupTimeoutSec)
        .toolTimeoutSec(toolTimeoutSec).enabledTools(enabledTools).disabledTools(disabledTools)
        .requirements(requirements);
  }

  /** The server name, the key in {@code mcpServers}. */
  public String name() {
    return name;
  }

  /** What the server offers (a reader's note; Codex ignores it). */
  public String description() {
    return description;
  }

  /** stdio: the program. */
  public String command() {
    return command;
  }

  /** stdio: its arguments, in order. */
  public List<String> args() {
    return args;
  }

  /** stdio: {@code env}, sorted by name. */
  public Map<String, String> env() {
    return env;
  }

  /** stdio: {@code env_vars}, names forwarded from the parent environment. */
  public List<String> envVars() {
    return envVars;
  }

  /** stdio: {@code cwd}; relative paths resolve against the installed plugin folder. */
  public String cwd() {
    return cwd;
  }

  /** HTTP: {@code url}. */
  public String url() {
    return url;
  }

  /** HTTP: {@code bearer_token_env_var}. */
  public String bearerTokenEnvVar() {
    return bearerTokenEnvVar;
  }

  /** HTTP: {@code http_headers}, sorted by header. */
  public Map<String, String> httpHeaders() {
    return httpHeaders;
  }

  /** HTTP: {@code env_http_headers}, header to variable name, sorted by header. */
  public Map<String, String> envHttpHeaders() {
    return envHttpHeaders;
  }

  /** {@code enabled}, when set. */
  public Optional<Boolean> enabled() {
    return enabled;
  }

  /** {@code required}, when set. */
  public Optional<Boolean> required() {
    return required;
  }

  /** {@code startup_timeout_sec}, when set. */
  public Optional<Double> startupTimeoutSec() {
    return startupTimeoutSec;
  }

  /** {@code tool_timeout_sec}, when set. */
  public Optional<Double> toolTimeoutSec() {
    return toolTimeoutSec;
  }

  /** {@code enabled_tools}. */
  public List<String> enabledTools() {
    return enabledTools;
  }

  /** {@code disabled_tools}. */
  public List<String> disabledTools() {
    return disabledTools;
  }

  /**
   * What the server needs on the user's machine, in words (e.g. {@code Node.js 18+}), from
   * {@code mcp-requirements.json}; Codex does not read them, {@link Doctor} prints them.
   */
  public List<String> requirements() {
    return requirements;
  }

  /** This server with {@code requirements} instead of its own. */
  public McpServerSpec withRequirements(List<String> requirements) {
    return toBuilder().requirements(requirements).build();
  }

  /** {@link Transport#HTTP} when a URL is set, else {@link Transport#STDIO}. */
  public Transport transport() {
    return url.isEmpty() ? Transport.STDIO : Transport.HTTP;
  }

  /** Every environment variable the server reads from the user's environment, sorted. */
  public List<String> requiredEnvironment() {
    TreeSet<String> names = new TreeSet<>(envVars);
    if (!bearerTokenEnvVar.isEmpty()) {
      names.add(bearerTokenEnvVar);
    }
    names.addAll(envHttpHeaders.values());
    return List.copyOf(names);
  }

  private List<Object> values() {
    List<Object> values = new ArrayList<>();
    values.add(name);
    values.add(description);
    values.add(command);
    values.add(args);
    values.add(env);
    values.add(envVars);
    values.add(cwd);
    values.add(url);
    values.add(bearerTokenEnvVar);
    values.add(httpHeaders);
    values.add(envHttpHeaders);
    values.add(enabled);
    values.add(required);
    values.add(startupTimeoutSec);
    values.add(toolTimeoutSec);
    values.add(enabledTools);
    values.add(disabledTools);
    values.add(requirements);
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof McpServerSpec other && values().equals(other.values());
  }

  @Override
  public int hashCode() {
    return values().hashCode();
  }

  /** The name, the transport and the values that are set, e.g. {@code McpServerSpec[github, stdio: npx -y ...]}. */
  @Override
  public String toString() {
    StringJoiner out = new StringJoiner(", ", "McpServerSpec[", "]");
    out.add(name);
    if (!command.isEmpty()) {
      out.add("stdio: " + String.join(" ", command, String.join(" ", args)).strip());
    }
    if (!url.isEmpty()) {
      out.add("http: " + url);
    }
    if (!cwd.isEmpty()) {
      out.add("cwd=" + cwd);
    }
    if (!envVars.isEmpty()) {
      out.add("envVars=" + envVars);
    }
    if (!env.isEmpty()) {
      out.add("env=" + env.keySet());
    }
    if (!bearerTokenEnvVar.isEmpty()) {
      out.add("bearerTokenEnvVar=" + bearerTokenEnvVar);
    }
    if (!httpHeaders.isEmpty()) {
      out.add("httpHeaders=" + httpHeaders.keySet());
    }
    if (!envHttpHeaders.isEmpty()) {
      out.add("envHttpHeaders=" + envHttpHeaders);
    }
    enabled.ifPresent(v -> out.add("enabled=" + v));
    required.ifPresent(v -> out.add("required=" + v));
    startupTimeoutSec.ifPresent(v -> out.add("startupTimeoutSec=" + v));
    toolTimeoutSec.ifPresent(v -> out.add("toolTimeoutSec=" + v));
    if (!enabledTools.isEmpty()) {
      out.add("enabledTools=" + enabledTools);
    }
    if (!disabledTools.isEmpty()) {
      out.add("disabledTools=" + disabledTools);
    }
    if (!requirements.isEmpty()) {
      out.add("requirements=" + requirements);
    }
    return out.toString();
  }

  /** Builds a {@link McpServerSpec}; {@code null} means absent everywhere. */
  public static final class Builder {
    private String name;
    private String description;
    private String command;
    private List<String> args;
    private Map<String, String> env;
    private List<String> envVars;
    private String cwd;
    private String url;
    private String bearerTokenEnvVar;
    private Map<String, String> httpHeaders;
    private Map<String, String> envHttpHeaders;
    private Optional<Boolean> enabled;
    private Optional<Boolean> required;
    private Optional<Double> startupTimeoutSec;
    private Optional<Double> toolTimeoutSec;
    private List<String> enabledTools;
    private List<String> disabledTools;
    private List<String> requirements;

    private Builder() {}

    /** See {@link McpServerSpec#name()}. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** See {@link McpServerSpec#description()}. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** See {@link McpServerSpec#command()}. */
    public Builder command(String command) {
      this.command = command;
      return this;
    }

    /** See {@link McpServerSpec#args()}. */
    public Builder args(List<String> args) {
      this.args = args;
      return this;
    }

    /** See {@link McpServerSpec#env()}. */
    public Builder env(Map<String, String> env) {
      this.env = env;
      return this;
    }

    /** See {@link McpServerSpec#envVars()}. */
    public Builder envVars(List<String> envVars) {
      this.envVars = envVars;
      return this;
    }

    /** See {@link McpServerSpec#cwd()}. */
    public Builder cwd(String cwd) {
      this.cwd = cwd;
      return this;
    }

    /** See {@link McpServerSpec#url()}. */
    public Builder url(String url) {
      this.url = url;
      return this;
    }

    /** See {@link McpServerSpec#bearerTokenEnvVar()}. */
    public Builder bearerTokenEnvVar(String bearerTokenEnvVar) {
      this.bearerTokenEnvVar = bearerTokenEnvVar;
      return this;
    }

    /** See {@link McpServerSpec#httpHeaders()}. */
    public Builder httpHeaders(Map<String, String> httpHeaders) {
      this.httpHeaders = httpHeaders;
      return this;
    }

    /** See {@link McpServerSpec#envHttpHeaders()}. */
    public Builder envHttpHeaders(Map<String, String> envHttpHeaders) {
      this.envHttpHeaders = envHttpHeaders;
      return this;
    }

    /** See {@link McpServerSpec#enabled()}. */
    public Builder enabled(Optional<Boolean> enabled) {
      this.enabled = enabled;
      return this;
    }

    /** See {@link McpServerSpec#required()}. */
    public Builder required(Optional<Boolean> required) {
      this.required = required;
      return this;
    }

    /** See {@link McpServerSpec#startupTimeoutSec()}. */
    public Builder startupTimeoutSec(Optional<Double> startupTimeoutSec) {
      this.startupTimeoutSec = startupTimeoutSec;
      return this;
    }

    /** See {@link McpServerSpec#toolTimeoutSec()}. */
    public Builder toolTimeoutSec(Optional<Double> toolTimeoutSec) {
      this.toolTimeoutSec = toolTimeoutSec;
      return this;
    }

    /** See {@link McpServerSpec#enabledTools()}. */
    public Builder enabledTools(List<String> enabledTools) {
      this.enabledTools = enabledTools;
      return this;
    }

    /** See {@link McpServerSpec#disabledTools()}. */
    public Builder disabledTools(List<String> disabledTools) {
      this.disabledTools = disabledTools;
      return this;
    }

    /** See {@link McpServerSpec#requirements()}. */
    public Builder requirements(List<String> requirements) {
      this.requirements = requirements;
      return this;
    }

    /** The server. */
    public McpServerSpec build() {
      return new McpServerSpec(this);
    }
  }
}
