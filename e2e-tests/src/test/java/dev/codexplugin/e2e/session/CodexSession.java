package dev.codexplugin.e2e.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.e2e.AppServerClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real Codex CLI with private homes under one folder ({@code home/} as {@code HOME}, {@code codex-home/} as
 * {@code CODEX_HOME}, {@code work/} as the session's working directory), whose model is a
 * {@link ScriptedModelServer}.
 *
 * <p>{@code config.toml} names the server as a custom model provider ({@code wire_api = "responses"}, the only
 * wire API 0.169.0 and 0.171.0 accept: {@code "chat"} is refused), runs sessions with
 * {@code approval_policy = "never"} and {@code sandbox_mode = "read-only"} (what {@code codex exec} uses anyway:
 * an MCP tool call then runs without asking), and sets {@code mcp_optional_startup_grace_ms}: without it Codex
 * sends the first model request before a slow MCP server (a JVM) has listed its tools, and the model is not
 * offered them.
 */
public final class CodexSession {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private final Path bin;
  private final Path home;
  private final Path codexHome;
  private final Path work;
  private final Map<String, String> env = new LinkedHashMap<>();

  private CodexSession(Path bin, Path dir) {
    this.bin = bin;
    this.home = dir.resolve("home");
    this.codexHome = dir.resolve("codex-home");
    this.work = dir.resolve("work");
    env.put("HOME", home.toString());
    env.put("CODEX_HOME", codexHome.toString());
    env.put("RUST_LOG", "warn");
    // git looks no further up than the session folder, so the session sees no repository around it
    env.put("GIT_CEILING_DIRECTORIES", dir.toString());
  }

  /**
   * A session in {@code dir} (see {@link Sessions#workDir}) for the CLI {@code bin}, wired to {@code model}; its
   * folders are created inside {@code dir}, beside whatever the test keeps there.
   */
  public static CodexSession create(Path bin, Path dir, ScriptedModelServer model) throws IOException {
    CodexSession session = new CodexSession(bin, dir);
    Files.createDirectories(session.home);
    Files.createDirectories(session.codexHome);
    Files.createDirectories(session.work);
    Files.writeString(session.codexHome.resolve("config.toml"), """
        model = "scripted-model"
        model_provider = "scripted"
        approval_policy = "never"
        sandbox_mode = "read-only"
        mcp_optional_startup_grace_ms = 60000

        [model_providers.scripted]
        name = "Scripted model"
        base_url = "%s"
        wire_api = "responses"
        """.formatted(model.openAiBaseUrl()), StandardCharsets.UTF_8);
    return session;
  }

  /** Adds {@code NAME=value} to the environment of every command (hooks and MCP servers inherit it). */
  public CodexSession env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** The session's working directory. */
  public Path work() {
    return work;
  }

  /** {@code CODEX_HOME}. */
  public Path codexHome() {
    return codexHome;
  }

  /** Runs {@code codex <args>} in the working directory. */
  public HostRun run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(bin.toString());
    command.addAll(List.of(args));
    return HostRun.run(command, env, work, TIMEOUT);
  }

  /** {@code codex plugin marketplace add <root>} and {@code codex plugin add} of each of {@code plugins}. */
  public CodexSession install(Path root, String... plugins) {
    run("plugin", "marketplace", "add", root.toString(), "--json").assertSuccess();
    for (String plugin : plugins) {
      run("plugin", "add", plugin, "--json").assertSuccess();
    }
    return this;
  }

  /**
   * {@code codex exec --json --skip-git-repo-check <prompt>}: one non-interactive turn; stdout is one JSON event
   * a line ({@code thread.started}, {@code item.completed} with {@code mcp_tool_call} and {@code agent_message}
   * items, {@code turn.completed}).
   */
  public HostRun exec(String prompt, String... flags) {
    List<String> args = new ArrayList<>(List.of("exec", "--json", "--skip-git-repo-check"));
    args.addAll(List.of(flags));
    args.add(prompt);
    return run(args.toArray(String[]::new));
  }

  /**
   * The hooks Codex discovers for the working directory, from {@code codex app-server}'s {@code hooks/list}:
   * each with {@code key}, {@code eventName}, {@code pluginId}, {@code currentHash} and {@code trustStatus}
   * ({@code untrusted}, {@code trusted} or {@code modified}).
   */
  public List<JsonNode> hooks() throws IOException, InterruptedException {
    ObjectNode params = JSON.createObjectNode();
    params.putArray("cwds").add(work.toString());
    List<JsonNode> hooks = new ArrayList<>();
    try (AppServerClient appServer = AppServerClient.start(bin, codexHome)) {
      JsonNode result = appServer.request("hooks/list", params, Duration.ofMinutes(1));
      result.path("data").forEach(entry -> entry.path("hooks").forEach(hooks::add));
    }
    return hooks;
  }

  /**
   * Trusts every hook that the plugin {@code pluginId} (e.g. {@code release-tools@release-tools}) ships, as a
   * user does in the {@code /hooks} review: one {@code [hooks.state."<key>"]} table with
   * {@code trusted_hash} per hook in {@code config.toml}. The hash is the part of {@code currentHash} before its
   * {@code /}: with the whole value Codex 0.169.0 reports the hook {@code modified} and does not run it. Returns
   * the hooks trusted.
   */
  public List<JsonNode> trustPluginHooks(String pluginId) throws IOException, InterruptedException {
    StringBuilder toml = new StringBuilder();
    List<JsonNode> trusted = new ArrayList<>();
    for (JsonNode hook : hooks()) {
      if (pluginId.equals(hook.path("pluginId").asText())) {
        String hash = hook.path("currentHash").asText();
        int slash = hash.indexOf('/');
        toml.append("\n[hooks.state.").append(JSON.writeValueAsString(hook.path("key").asText())).append("]\n")
            .append("trusted_hash = ").append(JSON.writeValueAsString(slash < 0 ? hash : hash.substring(0, slash)))
            .append('\n');
        trusted.add(hook);
      }
    }
    Files.writeString(codexHome.resolve("config.toml"), toml, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    return trusted;
  }
}
