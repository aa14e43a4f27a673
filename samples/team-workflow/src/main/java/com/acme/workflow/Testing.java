package com.acme.workflow;

import dev.codexplugin.api.Skill;

/** How the team writes and runs tests. */
@Skill(
    name = "testing",
    description = "Write and run tests following team conventions. Use when asked to add, fix or review tests.",
    shortDescription = "Team testing",
    instructions = """
        # Testing Skill
        Write tests the way this team does:
        1. Name tests after the behaviour they check (`rejectsExpiredToken`, not `test1`).
        2. One behaviour per test; arrange, act, assert.
        3. Use real components over mocks where it is cheap (a temp folder, an in-memory server).
        4. Run the whole suite before you say a change is done, and report what you ran.
        """)
final class Testing {
  private Testing() {}
}
