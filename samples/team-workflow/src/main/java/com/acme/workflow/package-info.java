/**
 * The team's shared AI workflow as one Codex plugin: what used to be three JSON files copied between laptops
 * (skills, MCP servers, apps) is now one versioned bundle inside this jar.
 */
@Plugin(
    name = "team-workflow-plugin",
    description = "Shared AI workflow for team productivity",
    author = @Author(name = "Acme Platform Team"),
    ui = @PluginInterface(
        displayName = "Team Workflow Plugin",
        category = "productivity",
        capabilities = {"code-review", "testing"},
        brandColor = "#4F46E5"))
@McpServer(
    name = "github",
    description = "GitHub: pull requests, issues and code search",
    command = "npx",
    args = {"-y", "@modelcontextprotocol/server-github"},
    envVars = "GITHUB_PERSONAL_ACCESS_TOKEN")
@McpServer(
    name = "slack",
    description = "Slack: read and post team messages",
    command = "npx",
    args = {"-y", "@modelcontextprotocol/server-slack"},
    envVars = {"SLACK_BOT_TOKEN", "SLACK_TEAM_ID"})
@App(
    key = "jira",
    id = "connector_jira",
    category = "project-management",
    type = "issue-tracker",
    baseUrl = "https://your-team.atlassian.net")
package com.acme.workflow;

import dev.codexplugin.api.App;
import dev.codexplugin.api.Author;
import dev.codexplugin.api.McpServer;
import dev.codexplugin.api.Plugin;
import dev.codexplugin.api.PluginInterface;
