/**
 * Semantic-version tools for release work, written in Java and served to Codex by the MCP server that the
 * annotation processor bundles with the plugin: nothing to install but the plugin itself and a JDK. Its release
 * policy runs as Java hooks ({@link com.acme.release.ReleasePolicy}): the processor generates their launcher
 * {@code ReleaseToolsHooks} and writes their {@code hooks/hooks.json} entries.
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
package com.acme.release;

import dev.codexplugin.api.Author;
import dev.codexplugin.api.Plugin;
import dev.codexplugin.api.PluginInterface;
