package dev.codexplugin.e2e.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real Claude Code CLI with private homes under one folder ({@code home/} as {@code HOME}, {@code config/}
 * as {@code CLAUDE_CONFIG_DIR}, {@code work/} as the session's working directory), whose model is a
 * {@link ScriptedModelServer}: {@code ANTHROPIC_BASE_URL} names the server and {@code ANTHROPIC_API_KEY} is a
 * dummy key.
 *
 * <p>{@code ENABLE_TOOL_SEARCH=false}: otherwise Claude Code 2.1.328 offers MCP tools only behind its
 * {@code ToolSearch} tool ({@code defer_loading}), and the model would first have to search for them.
 * {@code MCP_CONNECTION_NONBLOCKING=0}: otherwise it may send the first model request before a slow MCP server
 * (a JVM) has connected, offering a {@code WaitForMcpServers} tool instead of the server's tools.
 * {@code CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1}, {@code DISABLE_AUTOUPDATER=1} and {@code DISABLE_TELEMETRY=1}
 * keep it from calling anything but the model.
 */
public final class ClaudeSession {
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private final Path bin;
  private final Path home;
  private final Path config;
  private final Path work;
  private final Map<String, String> env = new LinkedHashMap<>();

  private ClaudeSession(Path bin, Path dir, ScriptedModelServer model) {
    this.bin = bin;
    this.home = dir.resolve("home");
    this.config = dir.resolve("config");
    this.work = dir.resolve("work");
    env.put("HOME", home.toString());
    env.put("CLAUDE_CONFIG_DIR", config.toString());
    env.put("ANTHROPIC_BASE_URL", model.baseUrl().toString());
    env.put("ANTHROPIC_API_KEY", "sk-ant-scripted-model");
    env.put("ENABLE_TOOL_SEARCH", "false");
    env.put("MCP_CONNECTION_NONBLOCKING", "0");
    env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
    env.put("DISABLE_AUTOUPDATER", "1");
    env.put("DISABLE_TELEMETRY", "1");
    env.put("GIT_CEILING_DIRECTORIES", dir.toString());
  }

  /**
   * A session in {@code dir} (see {@link Sessions#workDir}) for the CLI {@code bin}, wired to {@code model}; its
   * folders are created inside {@code dir}, beside whatever the test keeps there.
   */
  public static ClaudeSession create(Path bin, Path dir, ScriptedModelServer model) throws IOException {
    ClaudeSession session = new ClaudeSession(bin, dir, model);
    Files.createDirectories(session.home);
    Files.createDirectories(session.config);
    Files.createDirectories(session.work);
    return session;
  }

  /** Adds {@code NAME=value} to the environment of every command (hooks and MCP servers inherit it). */
  public ClaudeSession env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** The session's working directory. */
  public Path work() {
    return work;
  }

  /** Runs {@code claude <args>} in the working directory. */
  public HostRun run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(bin.toString());
    command.addAll(List.of(args));
    return HostRun.run(command, env, work, TIMEOUT);
  }

  /** {@code claude plugin marketplace add <root>} and {@code claude plugin install} of each of {@code plugins}. */
  public ClaudeSession install(Path root, String... plugins) {
    run("plugin", "marketplace", "add", root.toString()).assertSuccess();
    for (String plugin : plugins) {
      run("plugin", "install", plugin, "--json").assertSuccess();
    }
    return this;
  }

  /**
   * {@code claude -p <prompt> --output-format stream-json --verbose <flags>}: one non-interactive turn; stdout is
   * one JSON message a line ({@code system}/{@code init}, {@code assistant}, {@code user} with tool results,
   * {@code result}). A tool call runs only with permission: pass {@code --allowedTools <names>} (or
   * {@code --permission-mode bypassPermissions}); without it the call is refused with "Claude requested
   * permissions to use ..., but you haven't granted it yet."
   */
  public HostRun print(String prompt, String... flags) {
    List<String> args = new ArrayList<>(List.of("-p", prompt, "--output-format", "stream-json", "--verbose"));
    args.addAll(List.of(flags));
    return run(args.toArray(String[]::new));
  }
}
