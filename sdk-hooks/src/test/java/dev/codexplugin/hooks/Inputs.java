package dev.codexplugin.hooks;

import dev.codexplugin.api.HookEvent;
import java.util.Map;

/**
 * What each host sends each event on stdin, key for key as docs/research/hooks.md §3 records it from real
 * sessions (Codex 0.169.0: exactly the keys of its input schemas, which {@code WireTest} checks; Claude Code
 * 2.1.328: the keys its hooks received). {@code extra} holds the event's own fields as JSON members.
 */
final class Inputs {
  static final String CODEX_BUMP = "mcp__release_tools__bump";
  static final String CLAUDE_BUMP = "mcp__plugin_release-tools_release-tools__bump";
  static final Map<String, String> CODEX_ENV = Map.of("PLUGIN_ROOT", "/home/u/.codex/plugins/cache/m/p/1.0.0",
      "CLAUDE_PLUGIN_ROOT", "/home/u/.codex/plugins/cache/m/p/1.0.0", "PLUGIN_DATA", "/home/u/.codex/plugins/data/p-m");
  static final Map<String, String> CLAUDE_ENV = Map.of("CLAUDE_PLUGIN_ROOT", "/home/u/src/m/plugins/p",
      "CLAUDE_PROJECT_DIR", "/work/repo", "CLAUDECODE", "1", "CLAUDE_PLUGIN_DATA", "/home/u/.claude/plugins/data/p-m");

  private Inputs() {}

  static String codex(HookEvent event, String extra) {
    String common = "\"session_id\":\"019a6f1e-7c2b-7d10-9a51-3d1f0c8e2b44\",\"transcript_path\":"
        + "\"/home/u/.codex/sessions/2026/12/02/rollout-2026-12-02T10-00-00-019a6f1e.jsonl\",\"cwd\":\"/work/repo\","
        + "\"hook_event_name\":\"" + event.jsonName() + "\"";
    switch (event) {
      case SESSION_END:
        return "{" + common + "," + extra + "}";
      case PRE_COMPACT:
      case POST_COMPACT:
        return "{" + common + ",\"model\":\"gpt-5.1-codex\",\"turn_id\":\"019a6f1e-turn\"," + extra + "}";
      case SESSION_START:
        return "{" + common + ",\"model\":\"gpt-5.1-codex\",\"permission_mode\":\"bypassPermissions\"," + extra + "}";
      default:
        return "{" + common + ",\"model\":\"gpt-5.1-codex\",\"permission_mode\":\"bypassPermissions\","
            + "\"turn_id\":\"019a6f1e-turn\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }
  }

  static String claude(HookEvent event, String extra) {
    return "{\"session_id\":\"5e0c1d2a-8f3b-4c6d-9e7f-0a1b2c3d4e5f\",\"transcript_path\":"
        + "\"/home/u/.claude/projects/-work-repo/5e0c1d2a.jsonl\",\"cwd\":\"/work/repo\",\"prompt_id\":\"p-1\","
        + "\"permission_mode\":\"default\",\"effort\":{\"level\":\"medium\"},\"hook_event_name\":\""
        + event.jsonName() + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
  }

  static String codexBump(String arguments) {
    return codex(HookEvent.PRE_TOOL_USE, "\"tool_name\":\"" + CODEX_BUMP + "\",\"tool_input\":" + arguments
        + ",\"tool_use_id\":\"call_8Jq2\"");
  }

  static String claudeBump(String arguments) {
    return claude(HookEvent.PRE_TOOL_USE, "\"tool_name\":\"" + CLAUDE_BUMP + "\",\"tool_input\":" + arguments
        + ",\"tool_use_id\":\"toolu_01A\",\"mcp_server\":{\"name\":\"plugin:release-tools:release-tools\","
        + "\"source\":\"plugin\"}");
  }
}
