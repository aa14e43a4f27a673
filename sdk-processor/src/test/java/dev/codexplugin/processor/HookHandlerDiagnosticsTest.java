package dev.codexplugin.processor;

import static dev.codexplugin.processor.ProcessorTesting.assertOnlyError;
import static dev.codexplugin.processor.ProcessorTesting.assertOnlyWarning;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ProcessorTesting.source;

import com.google.testing.compile.Compilation;
import dev.codexplugin.runtime.FindingCode;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Negative tests for {@code @HookHandler}: each check of the hook round, anchored on the method, parameter,
 * record component or annotation value it is about, with the rule, what was found and the fix.
 */
class HookHandlerDiagnosticsTest {
  private static final JavaFileObject PLUGIN = source("com.acme.package-info", """
      @Plugin(name = "team", version = "1.0.0", description = "d")
      package com.acme;

      import dev.codexplugin.api.Plugin;
      """);

  /** {@code com.acme.Policy} with {@code body} inside, everything of sdk-api and sdk-hooks imported. */
  private static JavaFileObject policy(String body) {
    return source("com.acme.Policy", """
        package com.acme;

        import dev.codexplugin.api.HookEvent;
        import dev.codexplugin.api.HookHandler;
        import dev.codexplugin.hooks.*;
        import java.util.List;
        import java.util.Optional;

        %s
        """.formatted(body));
  }

  // ------------------------------------------------------------------------------------------ HookSignature

  @Test
  @Covers(FindingCode.HOOK_SIGNATURE)
  void aHandlerMustBePublic() {
    JavaFileObject file = policy("""
        public class Policy {
          @HookHandler(event = HookEvent.STOP)
          static StopDecision stop(Stop stop) { return StopDecision.proceed(); }
        }
        """);
    assertOnlyError(compile(PLUGIN, file), FindingCode.HOOK_SIGNATURE, file, "static StopDecision stop(",
        "@HookHandler stop " + FindingCode.HOOK_SIGNATURE.rule() + "; found a method that is not public. Make it"
            + " public.");
  }

  @Test
  @Covers(FindingCode.HOOK_SIGNATURE)
  void anInstanceHandlerNeedsAPublicNoArgumentConstructor() {
    JavaFileObject file = policy("""
        public class Policy {
          public Policy(String name) {}

          @HookHandler(event = HookEvent.STOP)
          public StopDecision stop(Stop stop) { return StopDecision.proceed(); }
        }
        """);
    assertOnlyError(compile(PLUGIN, file), FindingCode.HOOK_SIGNATURE, file, "public StopDecision stop(",
        "found an instance method of com.acme.Policy, which has no public constructor without parameters. Add"
            + " one, or make the method static.");
  }

  @Test
  @Covers(FindingCode.HOOK_SIGNATURE)
  void theHandlersClassMustBePublic() {
    JavaFileObject file = policy("""
        final class Policy {
          @HookHandler(event = HookEvent.STOP)
          public static StopDecision stop(Stop stop) { return StopDecision.proceed(); }
        }
        """);
    assertOnlyError(compile(PLUGIN, file), FindingCode.HOOK_SIGNATURE, file, "public static StopDecision stop(",
        "found a method of com.acme.Policy, which is not public. Make the class public.");
  }

  @Test
  @Covers(FindingCode.HOOK_SIGNATURE)
  void aHandlerOfAnInnerClass() {
    JavaFileObject file = policy("""
        public class Policy {
          public class Inner {
            @HookHandler(event = HookEvent.STOP)
            public StopDecision stop(Stop stop) { return StopDecision.proceed(); }
          }
        }
        """);
    assertOnlyError(compile(PLUGIN, file), FindingCode.HOOK_SIGNATURE, file, "public StopDecision stop(",
        "found a method of com.acme.Policy.Inner, an inner class. Make the class static.");
  }

  @Test
  @Covers(FindingCode.HOOK_SIGNATURE)
  void anInstanceHandlerOfAGenericClass() {
    JavaFileObject file = policy("""
        public class Policy<T> {
          @HookHandler(event = HookEvent.STOP)
          public StopDecision stop(Stop stop) { return StopDecision.proceed(); }
        }
        """);
    assertOnlyError(compile(PLUGIN, file), FindingCode.HOOK_SIGNATURE, file, "public StopDecision stop(",
        "found an instance method of com.acme.Policy, a generic class. Make the method static, or move it to a"
            + " class without type parameters.");
  }

  @Test
  @Covers(FindingCode.HOOK_SIGNATURE)
  void aHandlerThatThrowsAThrowable() {
    JavaFileObject file = policy("""
        public class Policy {
          @HookHandler(event = HookEvent.STOP)
          public static StopDecision stop(Stop stop) throws Throwable { return StopDecision.proceed(); }
        }
        """);
    assertOnlyError(compile(PLUGIN, file), FindingCode.HOOK_SIGNATURE, file, "public static StopDecision stop(",
        "found throws java.lang.Throwable, which is neither an Exception nor an Error. Throw an Exception.");
  }

  // ------------------------------------------------------------------------------------------ HookInput

  @Test
  @Covers(FindingCode.HOOK_INPUT)
  void theFirstParameterIsTheEventsInput() {
    JavaFileObject file = policy("""
        public class Policy {
          @HookHandler(event = HookEvent.PRE_TOOL_USE)
          public static PreToolUseDecision check(
              UserPromptSubmit prompt) { return PreToolUseDecision.allow(); }
        }
        """);
    assertOnlyError(compile(PLUGIN, file), FindingCode.HOOK_INPUT, file, "UserPromptSubmit prompt)",
        "@HookHandler check parameter prompt " + FindingCode.HOOK_INPUT.rule() + "; found"
            + " dev.codexplugin.hooks.UserPromptSubmit for PRE_TOOL_USE. Declare PreToolUse prompt first.");
  }

  @Test
  @Covers(FindingCode.HOOK_INPUT)
  void aHandlerWithoutParameters() {
    JavaFileObject file = policy("""
        public class Policy {
          @HookHandler(event = HookEvent.SESSION_START)
          public static ContextDecision start() { return ContextDecision.proceed(); }
        }
        """);
    assertOnlyError(compile(PLUGIN, file), FindingCode.HOOK_INPUT, file, "ContextDecision start()",
        "found no parameter. Declare start(SessionStart) for SESSION_START.");
  }

  @Test
  @Covers(FindingCode.HOOK_INPUT)
  void onlyAToolEventHasASecondParameter() {
    JavaFileObject file = policy("""
        public class Policy {
          public record Args(String text) {}

          @HookHandler(event = HookEvent.USER_PROMPT_SUBMIT)
          public static BlockOrContextDecision prompt(UserPromptSubmit prompt,
              Args args) { return BlockOrContextDecision.proceed(); }
        }
        """);
    assertOnlyError(compile(PLUGIN, file), FindingCode.HOOK_INPUT, file, "Args args)",
        "found a second parameter for USER_PROMPT_SUBMIT, which has no tool input. Remove it.");
  }

  @Test
  @Covers(FindingCode.HOOK_INPUT)
  void theToolInputIsBoundToARecordOnly() {
    JavaFileObject file = policy("""
        public class Policy {
          @HookHandler(event = HookEvent.PRE_TOOL_USE)
          public static PreToolUseDecision check(PreToolUse call,
              String command) { return PreToolUseDecision.allow(); }
        }
        """);
    assertOnlyError(compile(PLUGIN, file), FindingCode.HOOK_INPUT, file, "String command)",
        "found java.lang.String, which is not a record. Declare a record whose components are the members of the"
            + " tool's input you read, or take the JsonObject from call.toolInput().");
  }

  // ------------------------------------------------------------------------------------------ HookDecision

  @Test
  @Covers(FindingCode.HOOK_DECISION)
  void aDecisionTheEventCannotReturn() {
    JavaFileObject file = policy("""
        public class Policy {
          @HookHandler(event = HookEvent.SESSION_START)
          public static StopDecision start(SessionStart start) { return StopDecision.proceed(); }
        }
        """);
    assertOnlyError(compile(PLUGIN, file), FindingCode.HOOK_DECISION, file, "StopDecision start(",
        "@HookHandler start return type " + FindingCode.HOOK_DECISION.rule() + "; found StopDecision for"
            + " SESSION_START. Return ContextDecision (or void for no decision).");
  }

  @Test
  @Covers(FindingCode.HOOK_DECISION)
  void anObservingEventReturnsVoid() {
    JavaFileObject file = policy("""
        public class Policy {
          @HookHandler(event = HookEvent.PRE_COMPACT)
          public static String compact(PreCompact compact) { return "x"; }
        }
        """);
    assertOnlyError(compile(PLUGIN, file), FindingCode.HOOK_DECISION, file, "String compact(",
        "found java.lang.String for PRE_COMPACT. Return void: PreCompact hooks only observe.");
  }

  // ------------------------------------------------------------------------------------------ HookEvent

  @Test
  @Covers(FindingCode.HOOK_EVENT)
  void anEventOnlyCodexHas() {
    JavaFileObject file = policy("""
        public class Policy {
          @HookHandler(
              event = HookEvent.INTERRUPT)
          public static void interrupted(PreCompact compact) {}
        }
        """);
    assertOnlyError(compile(PLUGIN, file), FindingCode.HOOK_EVENT, file, "event = HookEvent.INTERRUPT",
        "@HookHandler interrupted event " + FindingCode.HOOK_EVENT.rule() + "; found INTERRUPT (Interrupt), which"
            + " only Codex has. Write a shell @Hook(event = HookEvent.INTERRUPT, command = \"...\") for it.");
  }

  // ------------------------------------------------------------------------------------------ HookBinding

  @Test
  @Covers(FindingCode.HOOK_BINDING)
  void aRecordComponentTheLauncherCannotBind() {
    JavaFileObject file = policy("""
        public class Policy {
          public record Call(String name,
              java.time.Instant when) {}

          @HookHandler(event = HookEvent.PRE_TOOL_USE)
          public static PreToolUseDecision check(PreToolUse call, Call args) { return PreToolUseDecision.allow(); }
        }
        """);
    assertOnlyError(compile(PLUGIN, file), FindingCode.HOOK_BINDING, file, "java.time.Instant when",
        "@HookHandler record component Call.when " + FindingCode.HOOK_BINDING.rule() + "; found java.time.Instant,"
            + " which the launcher does not bind. " + ProcessorTesting.fixOf(FindingCode.HOOK_BINDING));
  }

  @Test
  @Covers(FindingCode.HOOK_BINDING)
  void aNestedRecordIsCheckedToo() {
    JavaFileObject file = policy("""
        public class Policy {
          public record Target(List<Integer> ids) {}

          public record Call(Optional<Target> target) {}

          @HookHandler(event = HookEvent.POST_TOOL_USE)
          public static void after(PostToolUse used, Call args) {}
        }
        """);
    assertOnlyError(compile(PLUGIN, file), FindingCode.HOOK_BINDING, file, "public record Target(",
        "@HookHandler record component Target.ids", "found java.util.List<java.lang.Integer>; only List<String> is"
            + " bound.");
  }

  // ------------------------------------------------------------------------------------------ HookTimeout

  @Test
  @Covers(FindingCode.HOOK_TIMEOUT)
  void aTimeoutOutsideOneToSixHundred() {
    for (String timeout : List.of("0", "601")) {
      JavaFileObject file = policy("""
          public class Policy {
            @HookHandler(event = HookEvent.STOP,
                timeoutSec = %s)
            public static void stop(Stop stop) {}
          }
          """.formatted(timeout));
      assertOnlyError(compile(PLUGIN, file), FindingCode.HOOK_TIMEOUT, file, "timeoutSec = " + timeout,
          "@HookHandler stop timeoutSec " + FindingCode.HOOK_TIMEOUT.rule() + "; found " + timeout + ". Use a"
              + " timeout from 1 to 600, e.g. 10.");
    }
  }

  // ------------------------------------------------------------------------------------------ matchers

  @Test
  @Covers(FindingCode.BAD_REGEX)
  void aMatcherThatIsNotARegularExpression() {
    JavaFileObject file = policy("""
        public class Policy {
          @HookHandler(event = HookEvent.PRE_TOOL_USE,
              matcher = "release(")
          public static PreToolUseDecision check(PreToolUse call) { return PreToolUseDecision.allow(); }
        }
        """);
    assertOnlyError(compile(PLUGIN, file), FindingCode.BAD_REGEX, file, "matcher = \"release(\"",
        "@HookHandler check matcher " + FindingCode.BAD_REGEX.rule() + "; found \"release(\". Unclosed group");
  }

  @Test
  @Covers(FindingCode.IGNORED_MATCHER)
  void aMatcherOnAnEventBothHostsAlwaysRun() {
    JavaFileObject file = policy("""
        public class Policy {
          @HookHandler(event = HookEvent.USER_PROMPT_SUBMIT,
              matcher = "release")
          public static BlockOrContextDecision prompt(UserPromptSubmit p) { return BlockOrContextDecision.proceed(); }
        }
        """);
    assertOnlyWarning(compile(PLUGIN, file), FindingCode.IGNORED_MATCHER, file, "matcher = \"release\"",
        "@HookHandler prompt matcher " + FindingCode.IGNORED_MATCHER.rule() + "; found \"release\" on"
            + " USER_PROMPT_SUBMIT. Remove the matcher, and check what the handler needs inside it.");
  }

  // ------------------------------------------------------------------------------------------ ids and classes

  @Test
  @Covers(FindingCode.DUPLICATE)
  void twoHandlersOfOneId() {
    JavaFileObject first = source("com.acme.a.Policy", """
        package com.acme.a;

        import dev.codexplugin.api.HookEvent;
        import dev.codexplugin.api.HookHandler;
        import dev.codexplugin.hooks.Stop;

        public class Policy {
          @HookHandler(event = HookEvent.STOP)
          public static void stop(Stop stop) {}
        }
        """);
    JavaFileObject second = source("com.acme.b.Policy", """
        package com.acme.b;

        import dev.codexplugin.api.HookEvent;
        import dev.codexplugin.api.HookHandler;
        import dev.codexplugin.hooks.Stop;

        public class Policy {
          @HookHandler(event = HookEvent.STOP)
          public static void stop(Stop stop) {}
        }
        """);
    assertOnlyError(compile(PLUGIN, first, second), FindingCode.DUPLICATE, second, "public static void stop(",
        "@HookHandler stop id " + FindingCode.DUPLICATE.rule() + "; found \"Policy.stop\" twice in plugin \"team\":"
            + " com.acme.a.Policy.stop has it too (the id is the class's simple name and the method's name)."
            + " Rename one of the methods or classes.");
  }

  @Test
  @Covers(FindingCode.DUPLICATE)
  void aClassOfTheLaunchersNameExists() {
    JavaFileObject file = policy("""
        public class Policy {
          @HookHandler(event = HookEvent.STOP)
          public static void stop(Stop stop) {}
        }
        """);
    JavaFileObject existing = source("com.acme.TeamHooks", """
        package com.acme;

        public final class TeamHooks {}
        """);
    JavaFileObject plugin = source("com.acme.package-info", """
        @Plugin(
            name = "team", version = "1.0.0", description = "d")
        package com.acme;

        import dev.codexplugin.api.Plugin;
        """);
    assertOnlyError(compile(plugin, file, existing), FindingCode.DUPLICATE, plugin, "name = \"team\"",
        "the hook launcher com.acme.TeamHooks generated for @Plugin \"team\" " + FindingCode.DUPLICATE.rule()
            + "; found a class of that name. Rename that class (the processor writes the launcher).");
  }

  @Test
  @Covers(FindingCode.MEMBERSHIP)
  void aHandlerOutsideEveryPlugin() {
    JavaFileObject file = source("org.other.Policy", """
        package org.other;

        import dev.codexplugin.api.HookEvent;
        import dev.codexplugin.api.HookHandler;
        import dev.codexplugin.hooks.Stop;

        public class Policy {
          @HookHandler(event = HookEvent.STOP)
          public static void stop(Stop stop) {}
        }
        """);
    JavaFileObject other = source("com.acme.other.package-info", """
        @Plugin(name = "other", version = "1.0.0", description = "d")
        package com.acme.other;

        import dev.codexplugin.api.Plugin;
        """);
    assertOnlyError(compile(PLUGIN, other, file), FindingCode.MEMBERSHIP, file, "@HookHandler(",
        FindingCode.MEMBERSHIP.rule() + "; found none in package \"org.other\" or an enclosing package");
  }

  @Test
  @Covers(FindingCode.MISSING_DEPENDENCY)
  void sdkHooksIsNotOnTheClassPath() throws Exception {
    JavaFileObject file = source("com.acme.Policy", """
        package com.acme;

        import dev.codexplugin.api.HookEvent;
        import dev.codexplugin.api.HookHandler;

        public class Policy {
          @HookHandler(event = HookEvent.STOP)
          public static void stop(Object stop) {}
        }
        """);
    java.io.File api = new java.io.File(dev.codexplugin.api.HookHandler.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    Compilation compilation = com.google.testing.compile.Compiler.javac()
        .withProcessors(new CodexPluginProcessor())
        .withClasspath(List.of(api))
        .compile(PLUGIN, file);
    assertOnlyError(compilation, FindingCode.MISSING_DEPENDENCY, file, "public static void stop(",
        "dev.codexplugin:sdk-hooks, the runtime of the launcher generated for @HookHandler, "
            + FindingCode.MISSING_DEPENDENCY.rule() + "; found no dev.codexplugin.hooks.HookDispatcher. Add"
            + " dev.codexplugin:sdk-hooks to the dependencies (same version as sdk-api) so that the generated"
            + " launcher compiles.");
  }
}
