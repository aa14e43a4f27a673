/**
 * Annotations that declare a Codex plugin: one versioned bundle of skills, apps, MCP servers and hooks.
 *
 * <p>Put {@link dev.codexplugin.api.Plugin @Plugin} on a package ({@code package-info.java}) or a type,
 * and {@link dev.codexplugin.api.Skill @Skill}, {@link dev.codexplugin.api.McpServer @McpServer},
 * {@link dev.codexplugin.api.App @App} and {@link dev.codexplugin.api.Hook @Hook} on the types (or packages)
 * that belong to it. The annotation processor ({@code dev.codexplugin:sdk-processor}) checks every rule at
 * compile time and writes the bundle into the jar under {@code META-INF/codex-plugins/<name>/}, in exactly
 * the layout the Codex CLI installs.
 *
 * <h2>Membership</h2>
 * Every annotated element must belong to exactly one @Plugin. With one {@code @Plugin} in a compilation, every
 * annotated element belongs to it. With several, each
 * element belongs to the {@code @Plugin} of its nearest enclosing package (a {@code @Plugin} on a type counts
 * for that type's package); an element that no {@code @Plugin} encloses, or that two enclose equally, is a
 * compile error.
 *
 * <h2>Resource paths</h2>
 * Attributes that name a file ({@code instructionsFile}, asset paths, {@code localSkills}, ...) are resource
 * paths, resolved like {@link Class#getResource(String)}: relative to the package of the annotated element,
 * or from the root when they start with {@code /}. They are looked up, in this order, in the folders of the
 * processor option {@code -Acodexplugin.resourcePath=dir1:dir2} (for builds that copy resources after compiling),
 * on the source path, and in the class output (where Maven copies {@code src/main/resources} before compiling). A
 * resource must stay within 16 MiB; the text a host reads (instructions, {@code SKILL.md}, {@code agents/openai.yaml},
 * {@code .mcp.json}, {@code .app.json}) must stay within 1 MiB, and a JSON or YAML file must stay within 64 levels
 * of nesting. A folder ({@code localSkills}, {@code files}) is read from the first of these places that has it,
 * so a file's mode (whether it is executable) is the mode of the source file whenever a source folder is on the
 * source path or named by {@code -Acodexplugin.resourcePath}.
 *
 * <p>All annotations have {@link java.lang.annotation.RetentionPolicy#CLASS CLASS} retention: nothing of
 * them is needed at run time.
 */
package dev.codexplugin.api;
