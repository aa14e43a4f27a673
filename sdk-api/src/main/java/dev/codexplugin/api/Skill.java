package dev.codexplugin.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a skill: a Markdown playbook the model loads when a task matches its description. It is written to
 * {@code skills/<name>/SKILL.md} (YAML front matter and the instructions), plus {@code agents/openai.yaml}
 * when {@link #ui()}, {@link #requires()} or {@link #allowImplicitInvocation()} say something. Codex shows it
 * to the model as {@code <plugin>:<skill>}.
 *
 * <pre>{@code
 * @Skill(name = "code-review",
 *        description = "Review code changes following team standards. Use when asked to review a diff or PR.",
 *        instructionsFile = "code-review.md", requires = "github")
 * final class CodeReview {}
 * }</pre>
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Skill.List.class)
public @interface Skill {
  /**
   * The skill name; must be lowercase kebab-case (a-z, 0-9, single hyphens), 1-64 characters, and must be unique
   * within the plugin.
   */
  String name();

  /**
   * What the skill does and when to use it; must not be empty, must be at most 1024 characters and must not
   * contain {@code <} or {@code >}.
   */
  String description();

  /**
   * The Markdown instructions, inline (a text block reads well); exactly one of {@code instructions} and
   * {@link #instructionsFile()} must be set.
   */
  String instructions() default "";

  /**
   * A resource path of a Markdown file holding the instructions; must name an existing file, which must be UTF-8
   * text without a byte-order mark; exactly one of {@link #instructions()} and {@code instructionsFile} must be
   * set.
   */
  String instructionsFile() default "";

  /** The license of the skill, e.g. {@code Apache-2.0}; optional. */
  String license() default "";

  /** The environments the skill needs, e.g. {@code "Requires git and Java 17+"}; must be at most 500 characters. */
  String compatibility() default "";

  /** Tools the skill may use without asking, written as the space-separated {@code allowed-tools}. */
  String[] allowedTools() default {};

  /**
   * Extra front-matter metadata as {@code "key=value"} entries; each must be {@code key=value} with a
   * non-empty key, and each key must be unique.
   */
  String[] metadata() default {};

  /**
   * A short description, written as the metadata entry {@code short-description}; optional. That entry must be
   * unique: do not set it in {@link #metadata()} too.
   */
  String shortDescription() default "";

  /**
   * Names of the MCP servers and apps of the same plugin this skill depends on; each must name an MCP server
   * or app of the same plugin. MCP servers are written to {@code dependencies.tools} of
   * {@code agents/openai.yaml}.
   */
  String[] requires() default {};

  /** How Codex presents the skill ({@code interface} of {@code agents/openai.yaml}). */
  SkillInterface ui() default @SkillInterface;

  /**
   * Whether the model may invoke the skill on its own ({@code policy.allow_implicit_invocation} of
   * {@code agents/openai.yaml}); unset leaves the host's default.
   */
  TriState allowImplicitInvocation() default TriState.UNSET;

  /** The container of repeated {@link Skill} annotations. */
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The skills. */
    Skill[] value();
  }
}
