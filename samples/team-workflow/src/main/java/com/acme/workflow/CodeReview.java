package com.acme.workflow;

import dev.codexplugin.api.Skill;

/** The team's code review playbook; the instructions live in {@code code-review.md} next to this class. */
@Skill(
    name = "code-review",
    description = "Review code changes following team standards. Use when asked to review a diff or a pull request.",
    shortDescription = "Team code review",
    instructionsFile = "code-review.md",
    requires = "github")
final class CodeReview {
  private CodeReview() {}
}
