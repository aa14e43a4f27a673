package com.acme.release;

import static com.google.common.truth.Truth.assertThat;

import dev.codexplugin.hooks.HookRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release policy hooks through their launcher, with the JSON each host sends, as the host runs them. */
class ReleasePolicyTest {
  private static final Map<String, String> CODEX = Map.of("PLUGIN_ROOT", "/p", "CLAUDE_PLUGIN_ROOT", "/p");
  private static final Map<String, String> CLAUDE = Map.of("CLAUDE_PLUGIN_ROOT", "/p", "CLAUDE_PROJECT_DIR", "/w");

  private static String bump(String tool, String arguments) {
    return "{\"session_id\":\"s\",\"transcript_path\":null,\"cwd\":\"/w\",\"hook_event_name\":\"PreToolUse\","
        + "\"model\":\"m\",\"permission_mode\":\"bypassPermissions\",\"turn_id\":\"t\",\"tool_name\":\"" + tool
        + "\",\"tool_input\":" + arguments + ",\"tool_use_id\":\"call_1\"}";
  }

  @Test
  void anUnconfirmedMajorBumpAsksInClaudeCodeAndIsDeniedInCodex() {
    String arguments = "{\"version\":\"1.4.2\",\"level\":\"MAJOR\"}";
    String reason = "Release policy: bumping 1.4.2 to 2.0.0 is a new MAJOR version and breaks every user. Ask the"
        + " user to confirm, then call bump again with confirmMajor=true.";

    HookRunner.Result claude = HookRunner.run(new ReleaseToolsHooks(),
        bump("mcp__plugin_release-tools_release-tools__bump", arguments), CLAUDE, "ReleasePolicy.checkBump");
    assertThat(claude.stdout().strip()).isEqualTo("{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\","
        + "\"permissionDecision\":\"ask\",\"permissionDecisionReason\":\"" + reason + "\"}}");

    HookRunner.Result codex = HookRunner.run(new ReleaseToolsHooks(), bump("mcp__release_tools__bump", arguments),
        CODEX, "ReleasePolicy.checkBump");
    assertThat(codex.stdout().strip()).isEqualTo("{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\","
        + "\"permissionDecision\":\"deny\",\"permissionDecisionReason\":\"" + reason + "\"}}");
  }

  @Test
  void aConfirmedMajorBumpAndEveryOtherBumpAreAllowed() {
    String confirmed = "{\"version\":\"1.4.2\",\"level\":\"MAJOR\",\"confirmMajor\":true}";
    assertThat(HookRunner.run(new ReleaseToolsHooks(), bump("mcp__plugin_release-tools_release-tools__bump",
        confirmed), CLAUDE, "ReleasePolicy.checkBump").stdout()).contains("\"permissionDecision\":\"allow\"");
    assertThat(HookRunner.run(new ReleaseToolsHooks(), bump("mcp__release_tools__bump",
        "{\"version\":\"1.4.2\",\"level\":\"MINOR\"}"), CODEX, "ReleasePolicy.checkBump").stdout()).isEmpty();
  }

  @Test
  void aBumpWhoseInputDoesNotBindIsDenied() {
    HookRunner.Result result = HookRunner.run(new ReleaseToolsHooks(), bump("mcp__release_tools__bump",
        "{\"version\":\"1.4.2\",\"level\":\"major\"}"), CODEX, "ReleasePolicy.checkBump");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).startsWith("Hook ReleasePolicy.checkBump of plugin release-tools failed, so the call"
        + " is denied: tool_input.level must be one of MAJOR, MINOR, PATCH; found \"major\"");
  }

  @Test
  void aPromptAboutAReleaseGetsThePolicyAndTheProjectsVersion(@TempDir Path project) throws Exception {
    Files.writeString(project.resolve("VERSION"), "1.4.2\n");
    String prompt = "{\"session_id\":\"s\",\"transcript_path\":null,\"cwd\":\"" + project + "\",\"hook_event_name\":"
        + "\"UserPromptSubmit\",\"model\":\"m\",\"permission_mode\":\"default\",\"turn_id\":\"t\",\"prompt\":\"%s\"}";

    HookRunner.Result release = HookRunner.run(new ReleaseToolsHooks(), prompt.formatted("Bump it for a breaking"
        + " change"), CODEX, "ReleasePolicy.releaseContext");
    assertThat(release.stdout().strip()).isEqualTo("{\"hookSpecificOutput\":{\"hookEventName\":\"UserPromptSubmit\","
        + "\"additionalContext\":\"Release policy (release-tools): a bump to a new MAJOR version needs the user's"
        + " confirmation; pass confirmMajor=true to bump only after the user said yes. The project in " + project
        + " is at version 1.4.2.\"}}");

    HookRunner.Result other = HookRunner.run(new ReleaseToolsHooks(), prompt.formatted("Fix the typo"), CLAUDE,
        "ReleasePolicy.releaseContext");
    assertThat(other.exitCode()).isEqualTo(0);
    assertThat(other.stdout()).isEmpty();
  }
}
