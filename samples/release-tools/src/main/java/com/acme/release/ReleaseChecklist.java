package com.acme.release;

import dev.codexplugin.api.Skill;

/** How to pick the next version with the release-tools server. */
@Skill(
    name = "release-checklist",
    description = "Decide the next version of a release and check it against the declared ranges."
        + " Use when preparing a release, a changelog or a version bump.",
    shortDescription = "Pick and check the next version",
    requires = "release-tools",
    instructions = """
        # Release checklist
        1. List the changes since the last tag and classify each: breaking, feature, fix.
        2. Call `bump` with `major` for any breaking change, else `minor` for features, else `patch`.
        3. Call `satisfies` for every range that downstream projects declare on this artifact, and
           report which ones the new version leaves.
        4. Call `sort` on the existing tags to make sure the new version is the highest.
        Never guess precedence by hand: pre-releases and build metadata have subtle rules.
        """)
final class ReleaseChecklist {
  private ReleaseChecklist() {}
}
