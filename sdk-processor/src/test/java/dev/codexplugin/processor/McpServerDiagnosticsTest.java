package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.codexplugin.processor.ProcessorTesting.assertOnlyError;
import static dev.codexplugin.processor.ProcessorTesting.assertOnlyWarning;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ProcessorTesting.source;

import dev.codexplugin.runtime.FindingCode;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Negative tests for {@code @McpServer}, declared in package-info.java next to the {@code @Plugin}. */
class McpServerDiagnosticsTest {
  /** package-info.java with a valid {@code @Plugin} and the given server annotations. */
  private static JavaFileObject servers(String annotations) {
    return source("com.acme.package-info", """
        @Plugin(name = "team", version = "1.0.0", description = "d")
        %s
        package com.acme;

        import dev.codexplugin.api.McpServer;
        import dev.codexplugin.api.Plugin;
        """.formatted(annotations));
  }

  @Test
  @Covers(FindingCode.BAD_KEY)
  void serverNameIsAKey() {
    JavaFileObject file = servers("""
        @McpServer(
            name = "git hub",
            command = "npx")""");
    assertOnlyError(compile(file), FindingCode.BAD_KEY, file, "name = \"git hub\"",
        "@McpServer name " + FindingCode.BAD_KEY.rule() + "; found \"git hub\". Rename it to \"git-hub\".");
  }

  @Test
  @Covers(FindingCode.BAD_KEY)
  void serverNameIsAtMost64Characters() {
    String name = "s".repeat(65);
    JavaFileObject file = servers("""
        @McpServer(
            name = "%s",
            command = "npx")""".formatted(name));
    assertOnlyError(compile(file), FindingCode.BAD_KEY, file, "name = \"sss", FindingCode.BAD_KEY.rule());
  }

  @Test
  @Covers(FindingCode.TRANSPORT)
  void bothCommandAndUrl() {
    JavaFileObject file = servers("""
        @McpServer(name = "both",
            command = "npx",
            url = "https://mcp.acme.example/mcp")""");
    assertOnlyError(compile(file), FindingCode.TRANSPORT, file, "@McpServer(name = \"both\",",
        "@McpServer \"both\" " + FindingCode.TRANSPORT.rule() + "; found (both are set).", "keep one");
  }

  @Test
  @Covers(FindingCode.TRANSPORT)
  void neitherCommandNorUrlOnTheSecondRepeatedServer() {
    JavaFileObject file = servers("""
        @McpServer(name = "github", command = "npx")
        @McpServer(name = "neither",
            description = "nothing to start")""");
    assertOnlyError(compile(file), FindingCode.TRANSPORT, file, "@McpServer(name = \"neither\",",
        "@McpServer \"neither\" " + FindingCode.TRANSPORT.rule() + "; found (neither is set). Set command (stdio)"
            + " or url (HTTP).");
  }

  @Test
  @Covers(FindingCode.NOT_HTTPS)
  void urlMustBeHttpsExceptOnLocalhost() {
    JavaFileObject file = servers("""
        @McpServer(
            name = "local",
            url = "http://localhost:8080/mcp")
        @McpServer(
            name = "remote",
            url = "http://mcp.acme.example/mcp")""");
    assertOnlyError(compile(file), FindingCode.NOT_HTTPS, file, "url = \"http://mcp.acme.example/mcp\"",
        "@McpServer url " + FindingCode.NOT_HTTPS.rule() + "; found \"http://mcp.acme.example/mcp\".",
        "plain http:// is accepted only for localhost");
  }

  @Test
  @Covers(FindingCode.SECRET_LITERAL)
  void theSecondEnvEntryLooksLikeASecret() {
    String secret = "ghp_abcdefghijklmnopqrstuvwxyz012345";
    JavaFileObject file = servers("""
        @McpServer(
            name = "github",
            command = "npx",
            env = {
                "LOG_LEVEL=debug",
                "GITHUB_TOKEN=%s"})""".formatted(secret));
    String message = assertOnlyWarning(compile(file), FindingCode.SECRET_LITERAL, file, "\"GITHUB_TOKEN=",
        "@McpServer env GITHUB_TOKEN " + FindingCode.SECRET_LITERAL.rule() + "; found a literal that looks like a"
            + " secret.", "env_vars (envVars)");
    assertThat(message).doesNotContain(secret);
  }

  @Test
  @Covers(FindingCode.SECRET_LITERAL)
  void aStaticHeaderLooksLikeASecret() {
    JavaFileObject file = servers("""
        @McpServer(
            name = "tracker",
            url = "https://mcp.acme.example/mcp",
            httpHeaders = {
                "X-Team=platform",
                "Authorization=Bearer abcdefghijklmnopqrstuvwxyz"})""");
    String message = assertOnlyWarning(compile(file), FindingCode.SECRET_LITERAL, file, "\"Authorization=",
        "@McpServer httpHeaders Authorization " + FindingCode.SECRET_LITERAL.rule(),
        "env_http_headers (envHttpHeaders) or bearer_token_env_var");
    assertThat(message).doesNotContain("abcdefghijklmnopqrstuvwxyz");
  }

  @Test
  @Covers(FindingCode.PLACEHOLDER)
  void theSecondArgumentReliesOnAPlaceholder() {
    JavaFileObject file = servers("""
        @McpServer(
            name = "tools",
            command = "java",
            args = {
                "-jar",
                "${PLUGIN_ROOT}/lib/tools.jar"},
            cwd = ".")""");
    assertOnlyWarning(compile(file), FindingCode.PLACEHOLDER, file, "\"${PLUGIN_ROOT}/lib/tools.jar\"",
        "@McpServer args " + FindingCode.PLACEHOLDER.rule() + "; found \"${PLUGIN_ROOT}/lib/tools.jar\".",
        "\"cwd\": \".\"");
  }

  @Test
  @Covers(FindingCode.PLACEHOLDER)
  void anEnvValueReliesOnAPlaceholder() {
    JavaFileObject file = servers("""
        @McpServer(
            name = "tools",
            command = "npx",
            env = "HOME_DIR=${HOME}")""");
    assertOnlyWarning(compile(file), FindingCode.PLACEHOLDER, file, "env = \"HOME_DIR=${HOME}\"",
        "@McpServer env HOME_DIR " + FindingCode.PLACEHOLDER.rule() + "; found \"${HOME}\". Forward the variable"
            + " with env_vars (envVars) instead.");
  }

  @ParameterizedTest
  @CsvSource({"env, NOVALUE", "httpHeaders, =value", "envHttpHeaders, X-Token"})
  @Covers(FindingCode.BAD_ENTRY)
  void entriesAreKeyEqualsValue(String attribute, String entry) {
    JavaFileObject file = servers("""
        @McpServer(
            name = "tools",
            command = "npx",
            %s = {
                "GOOD=1",
                "%s"})""".formatted(attribute, entry));
    assertOnlyError(compile(file), FindingCode.BAD_ENTRY, file, "\"" + entry + "\"",
        "@McpServer " + attribute + " " + FindingCode.BAD_ENTRY.rule() + "; found \"" + entry + "\". Write it like"
            + " \"NAME=value\".");
  }

  @Test
  @Covers(FindingCode.DUPLICATE)
  void anEnvKeyTwice() {
    JavaFileObject file = servers("""
        @McpServer(
            name = "tools",
            command = "npx",
            env = {
                "LOG_LEVEL=debug",
                "LOG_LEVEL=info"})""");
    assertOnlyError(compile(file), FindingCode.DUPLICATE, file, "\"LOG_LEVEL=info\"",
        "@McpServer env must be unique; found the key \"LOG_LEVEL\" twice. Keep one entry for it.");
  }

  @Test
  @Covers(FindingCode.DUPLICATE)
  void twoServersOfTheSameName() {
    JavaFileObject file = servers("""
        @McpServer(name = "github", command = "npx")
        @McpServer(
            name = "github",
            url = "https://api.githubcopilot.com/mcp/")""");
    assertOnlyError(compile(file), FindingCode.DUPLICATE, file, "    name = \"github\",",
        "@McpServer name must be unique; found \"github\". This MCP server name is defined twice");
  }

  @ParameterizedTest
  @CsvSource({"startupTimeoutSec, startup", "toolTimeoutSec, tool"})
  @Covers(FindingCode.NEGATIVE)
  void timeoutsAreNotNegative(String attribute, String ignored) {
    JavaFileObject file = servers("""
        @McpServer(
            name = "tools",
            command = "npx",
            %s = -1)""".formatted(attribute));
    assertOnlyError(compile(file), FindingCode.NEGATIVE, file, attribute + " = -1",
        "@McpServer " + attribute + " " + FindingCode.NEGATIVE.rule() + "; found -1.");
  }

  @Test
  @Covers(FindingCode.BAD_CWD)
  void cwdStaysInsideThePlugin() {
    JavaFileObject file = servers("""
        @McpServer(
            name = "tools",
            command = "./bin/server",
            cwd = "../shared")""");
    assertOnlyError(compile(file), FindingCode.BAD_CWD, file, "cwd = \"../shared\"",
        "@McpServer cwd " + FindingCode.BAD_CWD.rule() + "; found \"../shared\". A plugin is installed in a folder"
            + " of its own");
  }

  @Test
  @Covers(FindingCode.MISSING)
  void aBundledCommandNeedsCwd() {
    JavaFileObject file = servers("""
        @McpServer(name = "tools",
            command = "./bin/server")""");
    assertOnlyError(compile(file), FindingCode.MISSING, file, "@McpServer(name = \"tools\",",
        "@McpServer cwd must not be empty", "set \"cwd\": \".\"");
  }
}
