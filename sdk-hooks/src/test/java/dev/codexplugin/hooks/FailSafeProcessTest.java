package dev.codexplugin.hooks;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.acme.policy.PolicyPluginHooks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexplugin.api.HookEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The fail-safe as the host sees it: the launcher {@link PolicyPluginHooks} as a real {@code java} process, started
 * the way the generated {@code hooks.json} starts it, with the host's JSON on stdin; exit code, stdout and stderr
 * as the host reads them.
 */
class FailSafeProcessTest {
  /**
   * One thread per blocking read of the hook's output: on JDK 25 with two cores the default executor is the common
   * pool's single worker, so stdout and stderr would be read one after the other.
   */
  private static final java.util.concurrent.Executor READER = task -> {
    Thread t = new Thread(task, "hook-output");
    t.setDaemon(true);
    t.start();
  };

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One finished hook process. */
  record Ran(int exitCode, String stdout, String stderr, long millis) {
    JsonNode log() throws IOException {
      List<String> lines = stderr.strip().lines().toList();
      return JSON.readTree(lines.get(lines.size() - 1));
    }
  }

  @Test
  void aHandlerThatThrowsDeniesThePreToolUseWithExit2AndTheReasonOnStderr() throws Exception {
    Ran ran = hook(Inputs.codexBump("{}"), Inputs.CODEX_ENV, "PolicyHandlers.throwing");

    assertThat(ran.exitCode()).isEqualTo(2);
    assertThat(ran.stdout()).isEmpty();
    assertThat(ran.stderr()).startsWith("Hook PolicyHandlers.throwing of plugin policy-plugin failed, so the call is"
        + " denied: IllegalStateException: the policy file is missing\n");
    assertThat(ran.log().path("failSafe").asText()).isEqualTo("deny");
  }

  @Test
  void aHandlerThatThrowsOnAnotherEventFailsOpenWithExit1() throws Exception {
    Ran ran = hook(Inputs.claude(HookEvent.USER_PROMPT_SUBMIT, "\"prompt\":\"hi\""), Inputs.CLAUDE_ENV,
        "PolicyHandlers.throwingPrompt");

    assertThat(ran.exitCode()).isEqualTo(1);
    assertThat(ran.stdout()).isEmpty();
    assertThat(ran.stderr()).contains("failed; the host goes on without it: IllegalStateException: the ticket service"
        + " is down");
    assertThat(ran.log().path("failSafe").asText()).isEqualTo("open");
  }

  @Test
  void aHandlerStillRunningAtTheDeadlineIsDeniedBeforeTheHostsTimeout() throws Exception {
    Ran ran = hook(Inputs.codexBump("{}"), Inputs.CODEX_ENV, "PolicyHandlers.hanging"); // timeoutSec = 2

    assertThat(ran.exitCode()).isEqualTo(2);
    assertThat(ran.stdout()).isEmpty();
    assertThat(ran.stderr()).startsWith("Hook PolicyHandlers.hanging of plugin policy-plugin did not decide in time, so"
        + " the call is denied: handler PolicyHandlers.hanging was still running 1500 ms after the hook started (its"
        + " timeout is 2 s)\n");
    assertThat(ran.log().path("outcome").asText()).isEqualTo("timeout");
    // decided 1.5 s after main started, before the host's 2 s (the handler sleeps for 60 s); the JVM's own start
    // comes on top of that, which on a loaded machine can take a good part of the remaining 0.5 s
    assertWithMessage("ms the runner took").that(ran.log().path("durationMs").asLong()).isLessThan(1600);
    assertWithMessage("ms from launch to exit").that(ran.millis()).isLessThan(3000);
  }

  @Test
  void aStopHandlerStillRunningAtTheDeadlineFailsOpen() throws Exception {
    Ran ran = hook(Inputs.codex(HookEvent.STOP, "\"stop_hook_active\":false,\"last_assistant_message\":null"),
        Inputs.CODEX_ENV, "PolicyHandlers.hangingStop");

    assertThat(ran.exitCode()).isEqualTo(1);
    assertThat(ran.stdout()).isEmpty();
    assertThat(ran.log().path("outcome").asText()).isEqualTo("timeout");
  }

  @Test
  void whatAHandlerPrintsOnSystemOutGoesToStderrAndStdoutHoldsOnlyTheDecision() throws Exception {
    Ran ran = hook(Inputs.codexBump("{}"), Inputs.CODEX_ENV, "PolicyHandlers.noisy");

    assertThat(ran.exitCode()).isEqualTo(0);
    assertThat(ran.stdout()).isEqualTo("{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\","
        + "\"permissionDecision\":\"deny\",\"permissionDecisionReason\":\"noisy says no\"}}\n");
    assertThat(ran.stderr()).contains("\"permissionDecision\":\"allow\""); // the handler's own print, on stderr
    assertThat(ran.stderr()).contains("debug: looking at " + Inputs.CODEX_BUMP);
  }

  @Test
  void jvmWarningsFromTheUsersJavaOptionsStayOffStdout() throws Exception {
    // -XX:+UseLargePages on a machine without large pages makes the JVM warn, by default on stdout
    Map<String, String> env = new java.util.HashMap<>(Inputs.CODEX_ENV);
    env.put("JAVA_TOOL_OPTIONS", "-XX:+UseLargePages -XX:LargePageSizeInBytes=1g");
    Ran ran = hook(Inputs.codexBump("{\"version\":\"1.4.2\",\"level\":\"MAJOR\"}"), env, "PolicyHandlers.checkBump");

    assertThat(ran.exitCode()).isEqualTo(0);
    assertThat(ran.stdout()).startsWith("{\"hookSpecificOutput\":");
    assertThat(ran.stdout().lines().count()).isEqualTo(1);

    // without -Xlog:disable -Xlog:all=warning:stderr the warning comes first on stdout, and Codex, which reads
    // stdout as one JSON object, would ignore the deny and run the call
    Ran unprotected = hook(List.of(), Inputs.codexBump("{\"version\":\"1.4.2\",\"level\":\"MAJOR\"}"), env,
        "PolicyHandlers.checkBump");
    assertThat(unprotected.stdout()).startsWith("[");
    assertThat(unprotected.stdout()).contains("[warning][pagesize]");
  }

  @Test
  void aHandlerThatCallsSystemExitIsDeniedNotAllowed() throws Exception {
    Ran ran = hook(Inputs.codexBump("{}"), Inputs.CODEX_ENV, "PolicyHandlers.exiting");

    assertThat(ran.exitCode()).isEqualTo(2);
    assertThat(ran.stdout()).isEmpty();
    assertThat(ran.stderr()).contains("Hook PolicyHandlers.exiting of plugin policy-plugin failed, so the call is"
        + " denied: IllegalStateException: the JVM exited before the handler decided (System.exit in the handler?)");
  }

  @Test
  void aHostThatNeverClosesStdinGetsTheFailSafeAtTheDeadline() throws Exception {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), PolicyPluginHooks.class.getName(), "PolicyHandlers.gone");
    Process process = new ProcessBuilder(command).start();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()), READER);
    process.getOutputStream().write("{\"hook_event_name\":".getBytes(StandardCharsets.UTF_8)); // and no more
    process.getOutputStream().flush();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).isEqualTo(1); // the event is unknown: fail open
    assertThat(err.join()).contains("did not decide in time; the host goes on without it: the hook input did not"
        + " arrive within 5000 ms");
    process.getOutputStream().close();
  }

  @Test
  void stdinThatIsNotJsonDeniesThePreToolUse() throws Exception {
    Ran ran = hook("tool_name=bump", Inputs.CODEX_ENV, "PolicyHandlers.checkBump");

    assertThat(ran.exitCode()).isEqualTo(2);
    assertThat(ran.stderr()).startsWith("Hook PolicyHandlers.checkBump of plugin policy-plugin failed, so the call is"
        + " denied: the hook input must be a JSON object (at offset 0)\n");
  }

  @Test
  void aDecisionIsOneLineOnStdoutAndExit0() throws Exception {
    Ran ran = hook(Inputs.claudeBump("{\"version\":\"1.4.2\",\"level\":\"MINOR\"}"), Inputs.CLAUDE_ENV,
        "PolicyHandlers.checkBump");

    assertThat(ran.exitCode()).isEqualTo(0);
    assertThat(ran.stdout()).isEqualTo("{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\","
        + "\"permissionDecision\":\"ask\",\"permissionDecisionReason\":\"Bump 1.4.2 to the next MINOR?\"}}\n");
    JsonNode log = ran.log();
    assertThat(log.path("host").asText()).isEqualTo("claude");
    assertThat(log.path("decision").asText()).isEqualTo("ask");
  }

  /** Runs the launcher as the generated hooks.json command does, with the test class path as its lib/. */
  static Ran hook(String stdin, Map<String, String> env, String... args) throws Exception {
    return hook(List.of("-Xlog:disable", "-Xlog:all=warning:stderr"), stdin, env, args);
  }

  static Ran hook(List<String> jvmFlags, String stdin, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), PolicyPluginHooks.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("CLAUDE") || k.startsWith("PLUGIN_")
        || k.equals("JAVA_TOOL_OPTIONS"));
    builder.environment().putAll(env);
    long started = System.nanoTime();
    Process process = builder.start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()), READER);
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()), READER);
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not exit");
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    return new Ran(process.exitValue(), out.join(), err.join(), millis);
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
