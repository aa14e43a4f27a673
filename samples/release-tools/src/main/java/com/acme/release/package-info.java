/**
 * Semantic-version tools for release work, written in Java and served to Codex by the MCP server that the
 * annotation processor bundles with the plugin: nothing to install but the plugin itself and a JDK. Its release
 * policy runs as Java hooks ({@link com.acme.release.ReleasePolicy}).
 */
@Plugin(
    name = "release-tools",
    description = "Semantic-version tools for release work: compare versions, check ranges, bump and sort",
    author = @Author(name = "Acme Platform Team"),
    ui = @PluginInterface(
        displayName = "Release Tools",
        shortDescription = "Compare, range-check and bump semantic versions",
        category = "developer-tools",
        capabilities = {"versioning", "release"},
        defaultPrompts = {"Which of these versions satisfy ^2.1?", "Bump 1.4.2 for a breaking change"},
        brandColor = "#0F766E"))
// The hooks.json entries of the Java hooks in ReleasePolicy, as the processor will write them for @HookHandler
// (docs/HOOKS.md); until then they are declared here, and ReleaseToolsHooks is written by hand.
@Hook(event = HookEvent.PRE_TOOL_USE, matcher = "release.tools__bump$", timeoutSec = 10,
    statusMessage = "Checking the release policy",
    command = "java -Xlog:disable -Xlog:all=warning:stderr"
        + " -cp \"${CLAUDE_PLUGIN_ROOT}/lib/*\" com.acme.release.ReleaseToolsHooks ReleasePolicy.checkBump")
@Hook(event = HookEvent.USER_PROMPT_SUBMIT, timeoutSec = 10,
    command = "java -Xlog:disable -Xlog:all=warning:stderr"
        + " -cp \"${CLAUDE_PLUGIN_ROOT}/lib/*\" com.acme.release.ReleaseToolsHooks ReleasePolicy.releaseContext")
package com.acme.release;

import dev.codexplugin.api.Author;
import dev.codexplugin.api.Hook;
import dev.codexplugin.api.HookEvent;
import dev.codexplugin.api.Plugin;
import dev.codexplugin.api.PluginInterface;
