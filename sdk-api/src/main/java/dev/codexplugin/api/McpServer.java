package dev.codexplugin.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an MCP server that the plugin brings, written to {@code .mcp.json} (Codex dialect, snake_case keys).
 * A server is either <em>stdio</em> ({@link #command()} with {@link #args()}, {@link #env()},
 * {@link #envVars()}, {@link #cwd()}) or <em>HTTP</em> ({@link #url()} with {@link #bearerTokenEnvVar()},
 * {@link #httpHeaders()}, {@link #envHttpHeaders()}); exactly one of {@code command} and {@code url} must be
 * set.
 *
 * <pre>{@code
 * @McpServer(name = "github", command = "npx", args = {"-y", "@modelcontextprotocol/server-github"},
 *            envVars = "GITHUB_PERSONAL_ACCESS_TOKEN")
 * }</pre>
 *
 * <p>Never put a secret in {@link #env()} or {@link #httpHeaders()}: name an environment variable instead
 * ({@link #envVars()}, {@link #bearerTokenEnvVar()}, {@link #envHttpHeaders()}). A literal that looks like a
 * secret is a warning. Codex does not expand {@code ${...}} placeholders in any of these values.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Repeatable(McpServer.List.class)
public @interface McpServer {
  /**
   * The server name, the key in {@code .mcp.json}; must be 1-64 characters of letters, digits, _ and -.
   * It must be unique across every plugin a user installs: Codex silently skips a second server of the same
   * name.
   */
  String name();

  /** What the server offers, for readers of the bundle; optional. */
  String description() default "";

  /**
   * stdio: the program to launch, e.g. {@code npx}; exactly one of command and url must be set. It must not rely
   * on ${...} placeholders: Codex does not expand them. A command other than {@code java}, {@code npx},
   * {@code node} or one shipped in the plugin should state what the command needs on the user's machine in
   * requirements, e.g. "Docker 24+" (a warning otherwise).
   */
  String command() default "";

  /**
   * stdio: the program's arguments; they must not rely on ${...} placeholders: Codex does not expand them (use a
   * path relative to the plugin with {@code cwd = "."}).
   */
  String[] args() default {};

  /**
   * stdio: environment entries as {@code "NAME=value"}; each must be {@code key=value} with a non-empty key, each
   * key must be unique, and a value must not rely on ${...} placeholders: Codex does not expand them. A value
   * must never hold a secret: name an environment variable instead, in {@link #envVars()}; a literal that looks
   * like a secret is a warning.
   */
  String[] env() default {};

  /** stdio: names of environment variables forwarded from the user's environment, e.g. {@code GITHUB_TOKEN}. */
  String[] envVars() default {};

  /**
   * stdio: the working directory; Codex resolves a relative path against the installed plugin folder, so
   * {@code "."} is the plugin root. It must be a relative folder inside the plugin, such as ".", must not be
   * empty when the command is inside the plugin ({@code ./...} or {@code lib/...}), and must not rely on ${...}
   * placeholders: Codex does not expand them.
   */
  String cwd() default "";

  /**
   * HTTP: the server's URL (streamable HTTP); must be an https:// URL (http:// only for localhost); exactly one
   * of command and url must be set.
   */
  String url() default "";

  /** HTTP: the environment variable holding the bearer token. */
  String bearerTokenEnvVar() default "";

  /**
   * HTTP: static headers as {@code "Header=value"}; each must be {@code key=value} with a non-empty key, each key
   * must be unique, and a value must not rely on ${...} placeholders: Codex does not expand them. A value must
   * never hold a secret: name an environment variable instead, in {@link #envHttpHeaders()} or
   * {@link #bearerTokenEnvVar()}; a literal that looks like a secret is a warning.
   */
  String[] httpHeaders() default {};

  /**
   * HTTP: headers filled from environment variables, as {@code "Header=ENV_VAR"}; each must be {@code key=value}
   * with a non-empty key, and each key must be unique.
   */
  String[] envHttpHeaders() default {};

  /** Whether the server is enabled; unset leaves the host's default (enabled). */
  TriState enabled() default TriState.UNSET;

  /** Whether Codex must fail when the server cannot start; unset leaves the host's default. */
  TriState required() default TriState.UNSET;

  /** Seconds Codex waits for the server to start; 0 leaves the host's default; must not be negative. */
  int startupTimeoutSec() default 0;

  /** Seconds Codex waits for one tool call; 0 leaves the host's default; must not be negative. */
  int toolTimeoutSec() default 0;

  /** Only these tools are exposed; empty exposes all. */
  String[] enabledTools() default {};

  /** These tools are hidden. */
  String[] disabledTools() default {};

  /**
   * What the server needs on the user's machine, in words, e.g. {@code "Node.js 20+"}, {@code "Docker 24+"},
   * {@code "a GitHub account"}; optional. They are written to the bundle's {@code mcp-requirements.json} (Codex
   * ignores that file), appended to the description of the server in each skill's {@code agents/openai.yaml},
   * and listed by {@code codexplugin doctor}, which checks {@code "Node.js N+"} and {@code "Java N+"} itself.
   * The SDK knows what {@code java} (the Java version of the bundle's class files), {@code npx} and {@code node}
   * (Node.js 18+) need; for any other command, state it here.
   */
  String[] requirements() default {};

  /** The container of repeated {@link McpServer} annotations. */
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.PACKAGE, ElementType.TYPE})
  @interface List {
    /** The servers. */
    McpServer[] value();
  }
}
