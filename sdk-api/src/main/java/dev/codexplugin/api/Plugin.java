package dev.codexplugin.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a Codex plugin: one versioned, installable bundle of skills, apps, MCP servers and hooks.
 *
 * <p>The annotation processor writes the bundle into the jar under {@code META-INF/codex-plugins/<name>/}:
 * {@code .codex-plugin/plugin.json}, {@code skills/<skill>/SKILL.md}, {@code .mcp.json}, {@code .app.json},
 * {@code hooks/hooks.json} and {@code assets/}. That folder, copied out, is what {@code codex plugin add}
 * installs.
 *
 * <pre>{@code
 * @Plugin(name = "team-workflow-plugin", description = "Shared AI workflow for team productivity",
 *         ui = @PluginInterface(displayName = "Team Workflow Plugin", category = "productivity"))
 * package com.acme.workflow;
 * }</pre>
 *
 * <p>Existing files are packaged as they are: {@link #localSkills()} names a resource folder of skills written
 * by hand, {@link #mcpConfig()} and {@link #appConfig()} name existing {@code .mcp.json} / {@code .app.json}
 * files. They are checked by the same rules and merged with the annotated parts; a name defined twice is an
 * error. {@link #files()} names a folder of other files the plugin ships, such as hook scripts and commands.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface Plugin {
  /**
   * The plugin name; must be lowercase kebab-case (a-z, 0-9, single hyphens), 1-64 characters, and must be unique
   * among the {@code @Plugin}s of a compilation. It names the bundle folder, the marketplace entry, and prefixes
   * every skill ({@code <plugin>:<skill>}).
   */
  String name();

  /**
   * The plugin version; must be a strict Semantic Version 2.0.0 (MAJOR.MINOR.PATCH with optional -pre-release
   * and +build, e.g. 1.2.0-rc.1). Empty means: take the processor option {@code -Acodexplugin.version}, so a
   * Maven build passes {@code -Acodexplugin.version=${project.version}} and the version has one source of truth;
   * the two together must not be empty. A version set here should equal the project version
   * (-Acodexplugin.version) when the option is given: a literal that differs is a warning.
   */
  String version() default "";

  /** What the plugin is for; must not be empty. */
  String description();

  /** The author; optional (an empty {@link Author#name()} means no author). */
  Author author() default @Author(name = "");

  /** The project's home page; optional; must be an https:// URL. */
  String homepage() default "";

  /** The source repository; optional; must be an https:// URL. */
  String repository() default "";

  /** The license, as an SPDX identifier such as {@code Apache-2.0}; optional. */
  String license() default "";

  /** Keywords for marketplaces and search; optional. */
  String[] keywords() default {};

  /** How hosts present the plugin ({@code interface} in {@code plugin.json}). */
  PluginInterface ui() default @PluginInterface;

  /**
   * A resource folder of skills written by hand, packaged as they are: each {@code <name>/SKILL.md} with its
   * {@code scripts/}, {@code references/} and {@code assets/}; optional; must name an existing file (a folder).
   * Each skill must pass the same rules as an {@link Skill @Skill}, and every file must stay inside the bundle: a
   * symbolic link leading out of the folder is an error. Entries whose name starts with {@code .} are left out. A
   * file that is executable where the processor reads it (a script with mode 755) is executable in the bundle,
   * as with {@link #files()}.
   */
  String localSkills() default "";

  /**
   * An existing {@code .mcp.json} resource whose servers are merged with the {@link McpServer @McpServer}
   * annotations; optional; must name an existing file. A server name defined twice is an error.
   */
  String mcpConfig() default "";

  /**
   * The name of the MCP server that serves the plugin's {@link McpTool @McpTool} methods, in {@code .mcp.json}
   * and {@code mcp-tools.json}; empty means the plugin name. It must be 1-64 characters of letters, digits, _ and
   * -, and it must be unique among the plugin's MCP servers (an {@link McpServer @McpServer} or an
   * {@link #mcpConfig()} server of that name is an error); keep it distinct from the servers of other plugins a
   * user installs, too. Codex shows each tool as {@code mcp__<server>__<tool>}: every tool should keep
   * {@code mcp__<server>__<tool>} within 64 characters, so a long server name makes every tool warn.
   */
  String toolServer() default "";

  /**
   * An existing {@code .app.json} resource whose apps are merged with the {@link App @App} annotations;
   * optional; must name an existing file. An app key defined twice is an error.
   */
  String appConfig() default "";

  /**
   * A resource folder whose files the bundle ships at its root as they are, such as a hook script
   * ({@code hooks/check.sh}, run by {@code @Hook(command = "${PLUGIN_ROOT}/hooks/check.sh")}) or a command
   * ({@code bin/server}, run by {@code @McpServer(command = "./bin/server", cwd = ".")}); optional; must name an
   * existing file (a folder). Entries whose name starts with {@code .} are left out, and every file must stay
   * inside the bundle: a symbolic link leading out of the folder is an error. Each path must be unique: a file at
   * a path the processor writes from the annotations ({@code hooks/hooks.json}, {@code mcp-tools.json}, a
   * skill's {@code SKILL.md} or {@code agents/openai.yaml}, {@code plugin.json}) or packages from another
   * attribute (an asset, a file of {@link #localSkills()}) is an error.
   *
   * <p>A file is executable in the bundle (the bundle index lists it, and an exported plugin has it with mode
   * {@code 0755}) when the owner may execute the file the processor reads. The processor reads a folder from the
   * folders of {@code -Acodexplugin.resourcePath} and the source path before the class output, so the modes are
   * those of the source files whenever it finds them there. When it finds only the copy a build tool made in the
   * class output (Maven copies {@code src/main/resources} there before compiling), the modes are the copy's:
   * maven-resources-plugin 3.x keeps the executable bit, and a copy made without it has no executable file. Name
   * the source folder with {@code -Acodexplugin.resourcePath=${project.basedir}/src/main/resources} to read the
   * modes from the source files whatever the copy does.
   */
  String files() default "";
}
