package dev.codexplugin.hooks;

import dev.codexplugin.api.HookEvent;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the host sends a hook on stdin, common to every event: the session, its folder, the transcript, and the
 * whole input as {@link #json()} for the fields this type does not name (Claude Code's {@code mcp_server} or
 * {@code effort}, a field a newer host adds). Field names are the hosts' own ({@code session_id}, {@code cwd},
 * ...): both send snake_case keys.
 *
 * <p>Each event has its own final subclass ({@link PreToolUse}, {@link UserPromptSubmit}, ...) with the event's
 * fields; the subclass checks, when it is made, that the fields the event needs are there.
 */
public abstract sealed class HookInput
    permits PreToolUse, PostToolUse, PermissionRequest, UserPromptSubmit, SessionStart, SessionEnd, Stop,
        SubagentStart, SubagentStop, PreCompact, PostCompact {
  private final Host host;
  private final JsonObject json;
  private final Map<String, String> env;

  HookInput(Host host, JsonObject json, Map<String, String> env) {
    this.host = host;
    this.json = json;
    this.env = env;
    String name = json.string("hook_event_name");
    if (!name.equals(event().jsonName())) {
      throw new HookInputException("hook_event_name must be " + event().jsonName() + " for this handler; found \""
          + name + "\" (the hooks.json entry names another event's handler)");
    }
  }

  /** The event. */
  public abstract HookEvent event();

  /** The host that runs the hook. */
  public final Host host() {
    return host;
  }

  /** {@code session_id}: the host's session (Codex: the thread id). */
  public final String sessionId() {
    return json.optionalString("session_id").orElse("");
  }

  /** {@code cwd}: the session's working directory (both hosts also start the hook there). */
  public final Path cwd() {
    return Path.of(json.optionalString("cwd").orElse("."));
  }

  /** {@code transcript_path}: the session's transcript file, when the host has one. */
  public final Optional<Path> transcriptPath() {
    Optional<String> path = json.optionalString("transcript_path");
    return path.isPresent() ? Optional.of(Path.of(path.get())) : Optional.empty();
  }

  /** {@code model}: the model of the session (Codex sends it with every event). */
  public final Optional<String> model() {
    return json.optionalString("model");
  }

  /** {@code permission_mode}, e.g. {@code default}, {@code acceptEdits}, {@code bypassPermissions}. */
  public final Optional<String> permissionMode() {
    return json.optionalString("permission_mode");
  }

  /** {@code turn_id} (Codex, in turn-scoped events). */
  public final Optional<String> turnId() {
    return json.optionalString("turn_id");
  }

  /** {@code agent_id}: set when the event happens inside a sub-agent. */
  public final Optional<String> agentId() {
    return json.optionalString("agent_id");
  }

  /** {@code agent_type}: set when the event happens inside a sub-agent. */
  public final Optional<String> agentType() {
    return json.optionalString("agent_type");
  }

  /**
   * The installed plugin folder: {@code CLAUDE_PLUGIN_ROOT}, which both hosts set ({@code PLUGIN_ROOT} in
   * Codex too).
   */
  public final Optional<Path> pluginRoot() {
    return variable("CLAUDE_PLUGIN_ROOT", "PLUGIN_ROOT");
  }

  /** The plugin's data folder, which survives updates: {@code CLAUDE_PLUGIN_DATA} ({@code PLUGIN_DATA}). */
  public final Optional<Path> pluginData() {
    return variable("CLAUDE_PLUGIN_DATA", "PLUGIN_DATA");
  }

  /** The whole input, as the host sent it. */
  public final JsonObject json() {
    return json;
  }

  final JsonObject json(String name) {
    return json.object(name);
  }

  private Optional<Path> variable(String first, String second) {
    String value = env.get(first);
    if (value == null || value.isEmpty()) {
      value = env.get(second);
    }
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value));
  }

  /** The event's name and the session, e.g. {@code PreToolUse[session=..., tool=mcp__release_tools__bump]}. */
  @Override
  public String toString() {
    return event().jsonName() + "[host=" + host.argument() + ", session=" + sessionId() + describe() + "]";
  }

  String describe() {
    return "";
  }
}
