package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.codexplugin.processor.ProcessorTesting.assertError;
import static dev.codexplugin.processor.ProcessorTesting.assertOnlyError;
import static dev.codexplugin.processor.ProcessorTesting.bundleFiles;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ProcessorTesting.source;

import com.google.testing.compile.Compilation;
import dev.codexplugin.runtime.FindingCode;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Which {@code @Plugin} a part belongs to: with one, everything belongs to it; with several, the one of the
 * nearest enclosing package; anything ambiguous is an error on the part.
 */
class MembershipTest {
  private static JavaFileObject pluginIn(String pkg, String name) {
    return source(pkg + ".package-info", """
        @dev.codexplugin.api.Plugin(name = "%s", version = "1.0.0", description = "d")
        package %s;
        """.formatted(name, pkg));
  }

  @Test
  @Covers(FindingCode.MEMBERSHIP)
  void aPartWithoutAnyPlugin() {
    JavaFileObject file = source("com.acme.Review", """
        package com.acme;

        import dev.codexplugin.api.Skill;

        @Skill(name = "review",
            description = "Review code.",
            instructions = "Review it.")
        final class Review {}
        """);
    assertOnlyError(compile(file), FindingCode.MEMBERSHIP, file, "@Skill(name = \"review\",",
        "@Skill \"review\" " + FindingCode.MEMBERSHIP.rule(), "found none in this compilation",
        "Add @Plugin to package-info.java of package \"com.acme\"");
  }

  @Test
  @Covers(FindingCode.MEMBERSHIP)
  void aPartOutsideEveryPluginPackage() {
    JavaFileObject file = source("com.other.Jira", """
        package com.other;

        import dev.codexplugin.api.App;

        @App(key = "jira",
            id = "connector_jira")
        final class Jira {}
        """);
    Compilation compilation = compile(pluginIn("com.acme.a", "alpha"), pluginIn("com.acme.b", "beta"), file);
    assertOnlyError(compilation, FindingCode.MEMBERSHIP, file, "@App(key = \"jira\",",
        "@App \"jira\" must belong to exactly one @Plugin", "found none in package \"com.other\"",
        "(there are 2: \"alpha\", \"beta\")");
  }

  @Test
  @Covers(FindingCode.MEMBERSHIP)
  void twoPluginsOnTypesOfOnePackageMakeItsPartsAmbiguous() {
    JavaFileObject a = source("com.acme.A", """
        package com.acme;

        @dev.codexplugin.api.Plugin(name = "alpha", version = "1.0.0", description = "d")
        final class A {}
        """);
    JavaFileObject b = source("com.acme.B", """
        package com.acme;

        @dev.codexplugin.api.Plugin(name = "beta", version = "1.0.0", description = "d")
        final class B {}
        """);
    JavaFileObject hooks = source("com.acme.Hooks", """
        package com.acme;

        import dev.codexplugin.api.Hook;
        import dev.codexplugin.api.HookEvent;

        @Hook(event = HookEvent.SESSION_START, command = "./start.sh")
        @Hook(event = HookEvent.STOP,
            command = "./stop.sh")
        final class Hooks {}
        """);
    Compilation compilation = compile(a, b, hooks);
    assertThat(compilation.errors()).hasSize(2);
    assertError(compilation, FindingCode.MEMBERSHIP, hooks, "@Hook(event = HookEvent.SESSION_START",
        "@Hook SESSION_START must belong to exactly one @Plugin", "found 2 in package \"com.acme\""
            + " (\"alpha\", \"beta\")", "put the part on the @Plugin's own type");
    assertError(compilation, FindingCode.MEMBERSHIP, hooks, "@Hook(event = HookEvent.STOP,", "@Hook STOP");
  }

  @Test
  void aPartOnThePluginsOwnTypeBelongsToIt() {
    JavaFileObject a = source("com.acme.A", """
        package com.acme;

        @dev.codexplugin.api.Plugin(name = "alpha", version = "1.0.0", description = "d")
        @dev.codexplugin.api.App(key = "jira", id = "connector_jira")
        final class A {}
        """);
    JavaFileObject b = source("com.acme.B", """
        package com.acme;

        @dev.codexplugin.api.Plugin(name = "beta", version = "1.0.0", description = "d")
        final class B {}
        """);
    assertThat(bundleFiles(compile(a, b)).keySet()).containsExactly("index.json",
        "alpha/.codex-plugin/plugin.json", "alpha/.app.json", "beta/.codex-plugin/plugin.json");
  }
}
