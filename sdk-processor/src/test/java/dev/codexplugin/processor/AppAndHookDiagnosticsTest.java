package dev.codexplugin.processor;

import static dev.codexplugin.processor.ProcessorTesting.assertOnlyError;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ProcessorTesting.source;

import dev.codexplugin.runtime.FindingCode;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Negative tests for {@code @App} and {@code @Hook}, on a type of the plugin's package. */
class AppAndHookDiagnosticsTest {
  private static final JavaFileObject PLUGIN = source("com.acme.package-info", """
      @Plugin(name = "team", version = "1.0.0", description = "d")
      package com.acme;

      import dev.codexplugin.api.Plugin;
      """);

  private static JavaFileObject parts(String annotations) {
    return source("com.acme.Parts", """
        package com.acme;

        import dev.codexplugin.api.App;
        import dev.codexplugin.api.Hook;
        import dev.codexplugin.api.HookEvent;

        %s
        final class Parts {}
        """.formatted(annotations));
  }

  @Test
  @Covers(FindingCode.BAD_KEY)
  void appKeyIsAKey() {
    JavaFileObject file = parts("""
        @App(
            key = "jira cloud",
            id = "connector_jira")""");
    assertOnlyError(compile(PLUGIN, file), FindingCode.BAD_KEY, file, "key = \"jira cloud\"",
        "@App key " + FindingCode.BAD_KEY.rule() + "; found \"jira cloud\". Rename it to \"jira-cloud\".");
  }

  @Test
  @Covers(FindingCode.MISSING)
  void appIdMustNotBeEmpty() {
    JavaFileObject file = parts("""
        @App(
            key = "jira",
            id = "")""");
    assertOnlyError(compile(PLUGIN, file), FindingCode.MISSING, file, "id = \"\"",
        "@App id must not be empty", "Codex reads only id");
  }

  @Test
  @Covers(FindingCode.NOT_HTTPS)
  void appBaseUrlMustBeHttps() {
    JavaFileObject file = parts("""
        @App(
            key = "jira",
            id = "connector_jira",
            baseUrl = "http://acme.atlassian.net")""");
    assertOnlyError(compile(PLUGIN, file), FindingCode.NOT_HTTPS, file, "baseUrl = ",
        "@App baseUrl " + FindingCode.NOT_HTTPS.rule() + "; found \"http://acme.atlassian.net\". Use"
            + " \"https://acme.atlassian.net\".");
  }

  @Test
  @Covers(FindingCode.DUPLICATE)
  void twoAppsOfTheSameKey() {
    JavaFileObject file = parts("""
        @App(key = "jira", id = "connector_jira")
        @App(
            key = "jira",
            id = "connector_jira_cloud")""");
    assertOnlyError(compile(PLUGIN, file), FindingCode.DUPLICATE, file, "    key = \"jira\",",
        "@App key must be unique; found \"jira\". This app name is defined twice");
  }

  @Test
  @Covers(FindingCode.BAD_REGEX)
  void hookMatcherIsARegex() {
    JavaFileObject file = parts("""
        @Hook(
            event = HookEvent.PRE_TOOL_USE,
            matcher = "Bash(",
            command = "./hooks/check.sh")""");
    assertOnlyError(compile(PLUGIN, file), FindingCode.BAD_REGEX, file, "matcher = \"Bash(\"",
        "@Hook matcher " + FindingCode.BAD_REGEX.rule() + "; found \"Bash(\". Unclosed group");
  }

  @Test
  @Covers(FindingCode.MISSING)
  void hookCommandMustNotBeEmptyOnTheSecondRepeatedHook() {
    JavaFileObject file = parts("""
        @Hook(event = HookEvent.SESSION_START, command = "./hooks/start.sh")
        @Hook(
            event = HookEvent.STOP,
            command = " ")""");
    assertOnlyError(compile(PLUGIN, file), FindingCode.MISSING, file, "command = \" \"",
        "@Hook command must not be empty. Set the shell command to run.");
  }

  @Test
  @Covers(FindingCode.NEGATIVE)
  void hookTimeoutIsNotNegative() {
    JavaFileObject file = parts("""
        @Hook(
            event = HookEvent.POST_TOOL_USE,
            command = "./hooks/after.sh",
            timeoutSec = -30)""");
    assertOnlyError(compile(PLUGIN, file), FindingCode.NEGATIVE, file, "timeoutSec = -30",
        "@Hook timeoutSec " + FindingCode.NEGATIVE.rule() + "; found -30.");
  }
}
