package dev.codexplugin.processor;

import static dev.codexplugin.processor.ProcessorTesting.png;
import static dev.codexplugin.processor.ProcessorTesting.source;
import static dev.codexplugin.processor.ProcessorTesting.write;

import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;

/** The sources and resource files of the positive tests, shared by the golden and determinism tests. */
final class Fixtures {
  private Fixtures() {}

  // ------------------------------------------------------------------------------------------ the seed

  /** The seed plugin of FORMAT.md: team-workflow-plugin 1.0.0. */
  static final List<JavaFileObject> SEED = List.of(
      source("com.acme.workflow.package-info", """
          @Plugin(
              name = "team-workflow-plugin",
              version = "1.0.0",
              description = "Shared AI workflow for team productivity",
              ui = @PluginInterface(
                  displayName = "Team Workflow Plugin",
                  category = "productivity",
                  capabilities = {"code-review", "testing"},
                  brandColor = "#4F46E5"))
          @McpServer(name = "github", command = "npx", args = {"-y", "@anthropic/github-mcp-server"},
              envVars = "GITHUB_TOKEN")
          @McpServer(name = "slack", command = "npx", args = {"-y", "@anthropic/slack-mcp-server"},
              envVars = {"SLACK_BOT_TOKEN", "SLACK_TEAM_ID"})
          @App(key = "jira", id = "connector_jira", category = "project-management")
          package com.acme.workflow;

          import dev.codexplugin.api.App;
          import dev.codexplugin.api.McpServer;
          import dev.codexplugin.api.Plugin;
          import dev.codexplugin.api.PluginInterface;
          """),
      source("com.acme.workflow.CodeReview", """
          package com.acme.workflow;

          import dev.codexplugin.api.Skill;

          @Skill(
              name = "code-review",
              description = "Review code changes following team standards. Use when asked to review a diff or PR.",
              shortDescription = "Team code review",
              requires = "github",
              instructions = \"""
                  # Code Review Skill
                  Review code changes following team standards:
                  1. Check for test coverage
                  2. Check naming and error handling
                  \""")
          final class CodeReview {}
          """),
      source("com.acme.workflow.Testing", """
          package com.acme.workflow;

          import dev.codexplugin.api.Skill;

          @Skill(
              name = "testing",
              description = "Write and run tests following team conventions. Use when asked to add or fix tests.",
              instructions = \"""
                  # Testing Skill
                  Write the test first, watch it fail, then make it pass.
                  \""")
          final class Testing {}
          """));

  // ------------------------------------------------------------------------------------------ assets and ui

  /** A plugin that uses every attribute of @Plugin, @Author, @PluginInterface, @Skill and @SkillInterface. */
  static final List<JavaFileObject> ASSETS = List.of(
      source("com.acme.brand.package-info", """
          @Plugin(
              name = "brand-kit",
              version = "2.0.0-rc.1+build.5",
              description = "Brand assets and a release skill",
              author = @Author(name = "Acme Platform Team", email = "platform@acme.example",
                  url = "https://acme.example/platform"),
              homepage = "https://acme.example/brand-kit",
              repository = "https://github.com/acme/brand-kit",
              license = "Apache-2.0",
              keywords = {"brand", "release"},
              ui = @PluginInterface(
                  displayName = "Brand Kit",
                  shortDescription = "Acme's brand, everywhere",
                  longDescription = "Logos, colors and a release checklist.",
                  developerName = "Acme",
                  category = "design",
                  capabilities = {"release"},
                  websiteUrl = "https://acme.example",
                  privacyPolicyUrl = "https://acme.example/privacy",
                  termsOfServiceUrl = "https://acme.example/terms",
                  defaultPrompts = {"Prepare the release notes", "Check the brand colors", "Draft the changelog"},
                  brandColor = "#0A0B0C",
                  composerIcon = "icons/composer.png",
                  logo = "/brand/logo.png",
                  logoDark = "/brand/logo-dark.png",
                  screenshots = {"/shots/one.png", "/shots/two.png"}))
          package com.acme.brand;

          import dev.codexplugin.api.Author;
          import dev.codexplugin.api.Plugin;
          import dev.codexplugin.api.PluginInterface;
          """),
      source("com.acme.brand.Release", """
          package com.acme.brand;

          import dev.codexplugin.api.Skill;
          import dev.codexplugin.api.SkillInterface;
          import dev.codexplugin.api.TriState;

          @Skill(
              name = "release",
              description = "Prepare a release: notes, version bump, tag. Use when asked to cut a release.",
              instructionsFile = "release.md",
              license = "Apache-2.0",
              compatibility = "Requires git and Java 17+",
              allowedTools = {"Bash(git:*)", "Read"},
              metadata = {"team=platform", "audience=maintainers"},
              shortDescription = "Cut a release",
              ui = @SkillInterface(
                  displayName = "Release",
                  shortDescription = "Cut a release",
                  defaultPrompt = "Cut release 2.0.0",
                  brandColor = "#0a0b0c",
                  iconSmall = "icons/release-small.png",
                  iconLarge = "/brand/release-large.png"),
              allowImplicitInvocation = TriState.FALSE)
          final class Release {}
          """));

  static void assetResources(Path dir) {
    write(dir, "com/acme/brand/icons/composer.png", png(1, 40));
    write(dir, "brand/logo.png", png(2, 48));
    write(dir, "brand/logo-dark.png", png(3, 48));
    write(dir, "shots/one.png", png(4, 64));
    write(dir, "shots/two.png", png(5, 64));
    write(dir, "com/acme/brand/icons/release-small.png", png(6, 16));
    write(dir, "brand/release-large.png", png(7, 32));
    write(dir, "com/acme/brand/release.md", """

        # Release

        1. Bump the version.\r
        2. Write the notes.
        3. Tag it.


        """);
  }

  // ------------------------------------------------------------------------------------------ existing files

  /** A plugin that packages a folder of local skills and merges an existing .mcp.json and .app.json. */
  static final List<JavaFileObject> LOCAL = List.of(
      source("com.acme.ops.package-info", """
          @Plugin(
              name = "ops-toolbox",
              version = "0.3.0",
              description = "On-call tooling",
              localSkills = "/ops/skills",
              mcpConfig = "/ops/mcp.json",
              appConfig = "/ops/app.json")
          @McpServer(name = "slack", command = "npx", args = {"-y", "@anthropic/slack-mcp-server"},
              envVars = "SLACK_BOT_TOKEN")
          @App(key = "confluence", id = "connector_confluence", category = "docs")
          package com.acme.ops;

          import dev.codexplugin.api.App;
          import dev.codexplugin.api.McpServer;
          import dev.codexplugin.api.Plugin;
          """),
      source("com.acme.ops.Triage", """
          package com.acme.ops;

          import dev.codexplugin.api.Skill;

          @Skill(name = "triage", description = "Triage an incident. Use when paged.",
              instructions = "Open the tracker, then the runbook.", requires = {"tracker", "slack", "jira"})
          final class Triage {}
          """));

  static void localResources(Path dir) {
    write(dir, "ops/skills/runbook/SKILL.md", """
        ---
        name: runbook
        description: Follow the on-call runbook. Use when an alert fires.
        metadata:
          short-description: On-call runbook
        ---
        # Runbook
        Run `scripts/check.sh`, then read `references/escalation.md`.
        """);
    executable(write(dir, "ops/skills/runbook/scripts/check.sh", "#!/bin/sh\necho checking\n"));
    write(dir, "ops/skills/runbook/references/escalation.md", "# Escalation\nPage the lead.\n");
    write(dir, "ops/skills/runbook/assets/flow.png", png(8, 24));
    write(dir, "ops/skills/runbook/agents/openai.yaml", """
        interface:
          display_name: "Runbook"
        dependencies:
          tools:
            - type: "mcp"
              value: "github"
        """);
    write(dir, "ops/skills/runbook/.DS_Store", "hidden files are not packaged");
    write(dir, "ops/skills/postmortem/SKILL.md", """
        ---
        name: "postmortem"
        description: "Write a blameless postmortem. Use after an incident."
        ---
        Write it within two days.
        """);
    write(dir, "ops/mcp.json", """
        {
          "mcpServers": {
            "tracker": {"url": "https://mcp.tracker.example/mcp", "bearer_token_env_var": "TRACKER_TOKEN"},
            "github": {"command": "npx", "args": ["-y", "@anthropic/github-mcp-server"], "env_vars": ["GITHUB_TOKEN"]}
          }
        }
        """);
    write(dir, "ops/app.json", "{\"apps\": {\"jira\": {\"id\": \"connector_jira\", \"category\": \"tracking\"}}}\n");
  }

  // ------------------------------------------------------------------------------------------ shipped files

  /** A plugin that ships a hook script and a command of its own, executable, from {@code @Plugin(files)}. */
  static final List<JavaFileObject> SHIPPED = List.of(
      source("com.acme.hooks.package-info", """
          @Plugin(
              name = "hook-kit",
              version = "1.0.0",
              description = "Checks shell commands before they run",
              files = "/hook-kit/files")
          @Hook(event = HookEvent.PRE_TOOL_USE, matcher = "Bash", command = "${PLUGIN_ROOT}/hooks/check.sh",
              timeoutSec = 30, statusMessage = "Checking the command")
          @McpServer(name = "kit", description = "The kit's own server", command = "./bin/server", cwd = ".")
          package com.acme.hooks;

          import dev.codexplugin.api.Hook;
          import dev.codexplugin.api.HookEvent;
          import dev.codexplugin.api.McpServer;
          import dev.codexplugin.api.Plugin;
          """));

  static void shippedResources(Path dir) {
    executable(write(dir, "hook-kit/files/hooks/check.sh", "#!/bin/sh\n# Refuse rm -rf /.\nexit 0\n"));
    executable(write(dir, "hook-kit/files/bin/server", "#!/bin/sh\nexec node \"$(dirname \"$0\")/server.js\"\n"));
    write(dir, "hook-kit/files/bin/server.js", "process.stdin.pipe(process.stdout);\n");
    write(dir, "hook-kit/files/docs/usage.md", "# Usage\nThe hook runs before every Bash command.\n");
    write(dir, "hook-kit/files/.env", "hidden files are not shipped");
    write(dir, "hook-kit/files/.git/config", "nor hidden folders");
  }

  /** Makes {@code file} executable ({@code rwxr-xr-x}), as a script in a repository is. */
  static void executable(Path file) {
    try {
      java.nio.file.Files.setPosixFilePermissions(file,
          java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------------------------------ hooks, @Plugin on a type

  /** A @Plugin on a type, its version from the option, an HTTP server with every attribute, and hooks. */
  static final List<JavaFileObject> TYPED = List.of(
      source("com.acme.guard.Guard", """
          package com.acme.guard;

          import dev.codexplugin.api.Hook;
          import dev.codexplugin.api.HookEvent;
          import dev.codexplugin.api.McpServer;
          import dev.codexplugin.api.Plugin;
          import dev.codexplugin.api.TriState;

          @Plugin(name = "guard", description = "Guards tool use")
          @McpServer(name = "policy", description = "The policy service", url = "https://policy.acme.example/mcp",
              bearerTokenEnvVar = "POLICY_TOKEN", httpHeaders = {"X-Team=platform", "Accept=application/json"},
              envHttpHeaders = "X-Tenant=POLICY_TENANT", enabled = TriState.TRUE, required = TriState.FALSE,
              startupTimeoutSec = 20, toolTimeoutSec = 90, enabledTools = {"check", "explain"},
              disabledTools = "delete")
          @McpServer(name = "local", command = "java", args = {"-jar", "lib/local.jar"}, cwd = ".",
              env = {"LOG_LEVEL=info", "MODE=strict"})
          @Hook(event = HookEvent.PRE_TOOL_USE, matcher = "Bash", command = "./hooks/check.sh", timeoutSec = 30,
              statusMessage = "Checking the command")
          @Hook(event = HookEvent.SESSION_START, command = "./hooks/start.sh")
          @Hook(event = HookEvent.PRE_TOOL_USE, matcher = "Bash", command = "./hooks/log.sh")
          @Hook(event = HookEvent.PRE_TOOL_USE, matcher = "Edit|Write", command = "./hooks/diff.sh")
          public final class Guard {}
          """),
      source("com.acme.guard.Policy", """
          package com.acme.guard;

          import dev.codexplugin.api.Skill;
          import dev.codexplugin.api.TriState;

          @Skill(name = "policy", description = "Explain why a tool call was blocked.", requires = "policy",
              instructions = "Ask the policy server.", allowImplicitInvocation = TriState.TRUE)
          final class Policy {}
          """));

  static final List<String> TYPED_OPTIONS = List.of("-Acodexplugin.version=2.1.0");

  // ------------------------------------------------------------------------------------------ several plugins

  /** Two plugins in nested packages; each part belongs to the @Plugin of its nearest enclosing package. */
  static final List<JavaFileObject> NESTED = List.of(
      source("com.acme.package-info", """
          @dev.codexplugin.api.Plugin(name = "acme-tools", version = "1.0.0", description = "Acme's tools")
          package com.acme;
          """),
      source("com.acme.review.package-info", """
          @Plugin(name = "acme-review", version = "1.1.0", description = "Acme's reviews")
          @McpServer(name = "github", command = "npx", args = {"-y", "@anthropic/github-mcp-server"})
          package com.acme.review;

          import dev.codexplugin.api.McpServer;
          import dev.codexplugin.api.Plugin;
          """),
      source("com.acme.review.impl.Diff", """
          package com.acme.review.impl;

          @dev.codexplugin.api.Skill(name = "diff", description = "Review a diff.", instructions = "Read it.",
              requires = "github")
          final class Diff {}
          """),
      source("com.acme.util.Format", """
          package com.acme.util;

          @dev.codexplugin.api.Skill(name = "format", description = "Format code.", instructions = "Run it.")
          final class Format {}
          """),
      source("com.acme.Root", """
          package com.acme;

          @dev.codexplugin.api.App(key = "jira", id = "connector_jira")
          final class Root {}
          """));

  /**
   * Every positive case in one compilation (seven plugins, most of them in packages nested in {@code com.acme}),
   * for the determinism test; compile it with {@link #TYPED_OPTIONS}.
   */
  static List<JavaFileObject> all() {
    List<JavaFileObject> all = new java.util.ArrayList<>();
    all.addAll(SEED);
    all.addAll(ASSETS);
    all.addAll(LOCAL);
    all.addAll(TYPED);
    all.addAll(NESTED);
    all.addAll(SHIPPED);
    return all;
  }

  static void allResources(Path dir) {
    assetResources(dir);
    localResources(dir);
    shippedResources(dir);
  }
}
