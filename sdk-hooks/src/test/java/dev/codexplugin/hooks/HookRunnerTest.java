package dev.codexplugin.hooks;

import static com.google.common.truth.Truth.assertThat;
import static dev.codexplugin.hooks.Inputs.CLAUDE_ENV;
import static dev.codexplugin.hooks.Inputs.CODEX_ENV;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.acme.policy.PolicyPluginHooks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexplugin.api.HookEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runner in this JVM: binding the tool input to the handler's record, every way a run can fail, and the log
 * line. (The fail-safe as real processes, with the deadline and {@code System.exit}: {@code FailSafeProcessTest}.)
 */
class HookRunnerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PolicyPluginHooks HOOKS = new PolicyPluginHooks();

  @Test
  void bindsTheToolInputToTheHandlersRecordOptionalAndDefaultedComponentsIncluded() {
    HookRunner.Result confirmed = HookRunner.run(HOOKS,
        Inputs.codexBump("{\"version\":\"1.4.2\",\"level\":\"MAJOR\",\"confirmed\":true,\"preRelease\":\"rc.1\"}"),
        CODEX_ENV, "PolicyHandlers.checkBump");
    assertThat(confirmed.exitCode()).isEqualTo(0);
    assertThat(confirmed.stdout()).isEmpty(); // allowed: nothing on Codex

    HookRunner.Result unconfirmed = HookRunner.run(HOOKS, Inputs.codexBump("{\"version\":\"1.4.2\",\"level\":\"MAJOR\"}"),
        CODEX_ENV, "PolicyHandlers.checkBump");
    assertThat(unconfirmed.stdout()).contains("\"permissionDecision\":\"deny\"");
  }

  @Test
  void aToolInputThatDoesNotBindDeniesWithTheFieldAndWhatWasFound() {
    HookRunner.Result result = HookRunner.run(HOOKS, Inputs.claudeBump("{\"version\":\"1.4.2\",\"level\":\"HUGE\"}"),
        CLAUDE_ENV, "PolicyHandlers.checkBump");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr()).startsWith("Hook PolicyHandlers.checkBump of plugin policy-plugin failed, so the call"
        + " is denied: tool_input.level must be one of MAJOR, MINOR, PATCH; found \"HUGE\"\n");
    JsonNode log = log(result);
    assertThat(log.path("outcome").asText()).isEqualTo("error");
    assertThat(log.path("failSafe").asText()).isEqualTo("deny");
    assertThat(log.path("errorType").asText()).isEqualTo(HookInputException.class.getName());
  }

  @Test
  void aThrowingPreToolUseHandlerDeniesWithTheErrorAndOtherEventsFailOpen() {
    HookRunner.Result deny = HookRunner.run(HOOKS, Inputs.codexBump("{}"), CODEX_ENV, "PolicyHandlers.throwing");
    assertThat(deny.exitCode()).isEqualTo(2);
    assertThat(deny.stdout()).isEmpty();
    assertThat(deny.stderr()).startsWith("Hook PolicyHandlers.throwing of plugin policy-plugin failed, so the call is"
        + " denied: IllegalStateException: the policy file is missing\n{");
    assertThat(deny.stderr()).doesNotContain("\tat "); // the model reads this stderr: no stack trace

    HookRunner.Result open = HookRunner.run(HOOKS, Inputs.claude(HookEvent.USER_PROMPT_SUBMIT, "\"prompt\":\"hi\""),
        CLAUDE_ENV, "PolicyHandlers.throwingPrompt");
    assertThat(open.exitCode()).isEqualTo(1);
    assertThat(open.stdout()).isEmpty();
    assertThat(open.stderr()).startsWith("Hook PolicyHandlers.throwingPrompt of plugin policy-plugin failed; the host"
        + " goes on without it: IllegalStateException: the ticket service is down\n"
        + "java.lang.IllegalStateException: the ticket service is down\n\tat ");
    JsonNode log = log(open);
    assertThat(log.path("failSafe").asText()).isEqualTo("open");
    assertThat(log.path("decision").asText()).isEqualTo("proceed");
    assertThat(log.path("errorMessage").asText()).isEqualTo("the ticket service is down");
  }

  @Test
  void nullOrAnotherEventsDecisionIsAFailure() {
    HookRunner.Result nothing = HookRunner.run(HOOKS, Inputs.codexBump("{}"), CODEX_ENV, "PolicyHandlers.returnsNull");
    assertThat(nothing.exitCode()).isEqualTo(2);
    assertThat(nothing.stderr()).contains("denied: IllegalStateException: the handler returned null; return a"
        + " PreToolUseDecision (proceed() for no decision)");

    HookDispatcher wrong = dispatcher(HookEvent.SESSION_START, StopDecision.block("keep going"));
    HookRunner.Result mismatch = HookRunner.run(wrong, Inputs.codex(HookEvent.SESSION_START, "\"source\":\"startup\""),
        CODEX_ENV, "h");
    assertThat(mismatch.exitCode()).isEqualTo(1);
    assertThat(mismatch.stderr()).contains("IllegalStateException: a SessionStart handler must return ContextDecision or"
        + " nothing; it returned StopDecision (block)");
  }

  @Test
  void badStdinDeniesAPreToolUseAndFailsOpenElsewhere() {
    HookRunner.Result deny = HookRunner.run(HOOKS, "{\"hook_event_name\":", CODEX_ENV, "PolicyHandlers.checkBump");
    assertThat(deny.exitCode()).isEqualTo(2);
    assertThat(deny.stderr()).startsWith("Hook PolicyHandlers.checkBump of plugin policy-plugin failed, so the call is"
        + " denied: the hook input ends where a value should be (at offset 19)\n");

    HookRunner.Result noTool = HookRunner.run(HOOKS, Inputs.codex(HookEvent.PRE_TOOL_USE, ""), CODEX_ENV,
        "PolicyHandlers.checkBump");
    assertThat(noTool.exitCode()).isEqualTo(2);
    assertThat(noTool.stderr()).contains("denied: tool_name is missing");

    HookRunner.Result open = HookRunner.run(HOOKS, "not json", CODEX_ENV, "PolicyHandlers.stop");
    assertThat(open.exitCode()).isEqualTo(1);
    assertThat(open.stderr()).contains("the host goes on without it: the hook input must be a JSON object");
  }

  @Test
  void anInputOfAnotherEventIsRefused() {
    HookRunner.Result result = HookRunner.run(HOOKS, Inputs.codex(HookEvent.USER_PROMPT_SUBMIT, "\"prompt\":\"x\""),
        CODEX_ENV, "PolicyHandlers.checkBump");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("hook_event_name must be PreToolUse for this handler; found"
        + " \"UserPromptSubmit\" (the hooks.json entry names another event's handler)");
  }

  @Test
  void anUnknownHandlerIdTakesTheFailSafeOfTheEventTheHostNamed() {
    HookRunner.Result deny = HookRunner.run(HOOKS, Inputs.codexBump("{}"), CODEX_ENV, "PolicyHandlers.gone");
    assertThat(deny.exitCode()).isEqualTo(2);
    assertThat(deny.stderr()).contains("denied: there is no handler \"PolicyHandlers.gone\" (hooks/hooks.json and the"
        + " plugin's jar disagree; the launcher has PolicyHandlers.checkBump, PolicyHandlers.proceed,");
    assertThat(log(deny).path("event").asText()).isEqualTo("PreToolUse");

    HookRunner.Result open = HookRunner.run(HOOKS, Inputs.claude(HookEvent.STOP, ""), CLAUDE_ENV);
    assertThat(open.exitCode()).isEqualTo(1);
    assertThat(open.stderr()).contains("Hook (no handler id) of plugin policy-plugin failed; the host goes on without"
        + " it: no handler id was given");
  }

  @Test
  void aBadHostArgumentIsAFailureNotAGuess() {
    HookRunner.Result result = HookRunner.run(HOOKS, Inputs.codexBump("{\"version\":\"1\",\"level\":\"PATCH\"}"),
        CODEX_ENV, "PolicyHandlers.checkBump", "vscode");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("denied: IllegalArgumentException: the host argument must be codex or claude;"
        + " found \"vscode\"");
    assertThrows(IllegalArgumentException.class, () -> Host.detect("Codex", Map.of()));
  }

  @Test
  void detectsTheHostFromTheEnvironmentEachGivesItsHooks() {
    assertThat(Host.detect(null, CODEX_ENV)).isEqualTo(Host.CODEX);
    assertThat(Host.detect(null, CLAUDE_ENV)).isEqualTo(Host.CLAUDE_CODE);
    Map<String, String> codexInsideClaude = new HashMap<>(CODEX_ENV);
    codexInsideClaude.put("CLAUDECODE", "1"); // Codex started from a Claude Code shell
    assertThat(Host.detect(null, codexInsideClaude)).isEqualTo(Host.CODEX);
    assertThat(Host.detect(null, Map.of())).isEqualTo(Host.CODEX);
  }

  @Test
  void theLogLineHasTheOpsFieldsAndNoArgumentValuesUnlessOptedIn() {
    HookRunner.Result result = HookRunner.run(HOOKS, Inputs.codexBump("{\"version\":\"9.9.9\",\"level\":\"MAJOR\"}"),
        CODEX_ENV, "PolicyHandlers.checkBump");
    JsonNode log = log(result);
    assertThat(names(log)).containsExactly("time", "source", "plugin", "event", "handler", "host", "tool", "session",
        "durationMs", "outcome", "decision").inOrder();
    assertThat(log.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(log.path("source").asText()).isEqualTo("codexplugin.hook");
    assertThat(log.path("plugin").asText()).isEqualTo("policy-plugin");
    assertThat(log.path("event").asText()).isEqualTo("PreToolUse");
    assertThat(log.path("tool").asText()).isEqualTo(Inputs.CODEX_BUMP);
    assertThat(log.path("durationMs").isIntegralNumber()).isTrue();
    assertThat(log.path("decision").asText()).isEqualTo("deny");
    assertThat(result.stderr()).doesNotContain("9.9.9");

    Map<String, String> optIn = new HashMap<>(CODEX_ENV);
    optIn.put("CODEXPLUGIN_LOG_ARGUMENTS", "1");
    JsonNode withArguments = log(HookRunner.run(HOOKS, Inputs.codexBump("{\"version\":\"9.9.9\",\"level\":\"MAJOR\"}"),
        optIn, "PolicyHandlers.checkBump"));
    assertThat(withArguments.path("toolInput").path("version").asText()).isEqualTo("9.9.9");
    JsonNode prompt = log(HookRunner.run(HOOKS, Inputs.codex(HookEvent.USER_PROMPT_SUBMIT, "\"prompt\":\"ship it\""),
        optIn, "PolicyHandlers.ticket"));
    assertThat(prompt.path("prompt").asText()).isEqualTo("ship it");
  }

  @Test
  void codexsAskIsLoggedAsTheDenyItWrote() {
    JsonNode log = log(HookRunner.run(HOOKS, Inputs.codexBump("{\"version\":\"1.0.0\",\"level\":\"MINOR\"}"),
        CODEX_ENV, "PolicyHandlers.checkBump"));
    assertThat(log.path("decision").asText()).isEqualTo("deny");
  }

  @Test
  void inputsGiveTheCommonFieldsTheToolsOwnNameAndThePluginFolders() {
    HookInput[] seen = new HookInput[1];
    HookDispatcher capture = new HookDispatcher() {
      @Override
      public String plugin() {
        return "p";
      }

      @Override
      public List<HookMethod> methods() {
        return List.of(new HookMethod(0, "h", HookEvent.PRE_TOOL_USE, 5));
      }

      @Override
      public HookDecision call(int index, HookInput input) {
        seen[0] = input;
        return PreToolUseDecision.proceed();
      }
    };
    HookRunner.run(capture, Inputs.claudeBump("{\"version\":\"1.4.2\"}"), CLAUDE_ENV, "h");
    PreToolUse claude = (PreToolUse) seen[0];
    assertThat(claude.host()).isEqualTo(Host.CLAUDE_CODE);
    assertThat(claude.sessionId()).isEqualTo("5e0c1d2a-8f3b-4c6d-9e7f-0a1b2c3d4e5f");
    assertThat(claude.cwd().toString()).isEqualTo("/work/repo");
    assertThat(claude.transcriptPath().orElseThrow().toString()).endsWith("5e0c1d2a.jsonl");
    assertThat(claude.permissionMode()).hasValue("default");
    assertThat(claude.model()).isEmpty();
    assertThat(claude.toolUseId()).hasValue("toolu_01A");
    assertThat(claude.mcpTool()).hasValue("bump");
    assertThat(claude.mcpServer()).hasValue("plugin_release-tools_release-tools");
    assertThat(claude.toolInputJson()).isEqualTo("{\"version\":\"1.4.2\"}");
    assertThat(claude.json().object("mcp_server").string("source")).isEqualTo("plugin");
    assertThat(claude.pluginRoot().orElseThrow().toString()).isEqualTo("/home/u/src/m/plugins/p");
    assertThat(claude.toString()).isEqualTo("PreToolUse[host=claude, session=5e0c1d2a-8f3b-4c6d-9e7f-0a1b2c3d4e5f,"
        + " tool=mcp__plugin_release-tools_release-tools__bump]");

    HookRunner.Result codexRun = HookRunner.run(capture, Inputs.codexBump("{}"), CODEX_ENV, "h");
    assertThat(codexRun.exitCode()).isEqualTo(0);
    PreToolUse codex = (PreToolUse) seen[0];
    assertThat(codex.model()).hasValue("gpt-5.1-codex");
    assertThat(codex.turnId()).hasValue("019a6f1e-turn");
    assertThat(codex.mcpTool()).hasValue("bump");
    assertThat(codex.mcpServer()).hasValue("release_tools");
    assertThat(codex.pluginData().orElseThrow().toString()).isEqualTo("/home/u/.codex/plugins/data/p-m");
  }

  @Test
  void postToolUseGivesTheResultTextOfBothHosts() {
    String codexResponse = "\"tool_name\":\"mcp__release_tools__compare\",\"tool_input\":{},\"tool_use_id\":\"c\","
        + "\"tool_response\":{\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"image\"},"
        + "{\"type\":\"text\",\"text\":\"b\"}],\"structuredContent\":{\"order\":-1},\"isError\":false}";
    HookRunner.Result codex = HookRunner.run(HOOKS, Inputs.codex(HookEvent.POST_TOOL_USE, codexResponse), CODEX_ENV,
        "PolicyHandlers.afterTool");
    assertThat(codex.stdout()).contains("\"additionalContext\":\"The tool compare said: a\\nb\"");
    HookRunner.Result claude = HookRunner.run(HOOKS, Inputs.claude(HookEvent.POST_TOOL_USE,
        "\"tool_name\":\"Read\",\"tool_input\":{},\"tool_response\":{\"file\":\"x\"}"), CLAUDE_ENV,
        "PolicyHandlers.afterTool");
    assertThat(claude.stdout()).contains("\"additionalContext\":\"The tool Read said: {\\\"file\\\":\\\"x\\\"}\"");
  }

  @Test
  void aHookMethodMustHaveAnIdASharedEventAndATimeoutOf1To600() {
    assertThrows(IllegalArgumentException.class, () -> new HookMethod(0, "", HookEvent.STOP, 5));
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> new HookMethod(0, "h", HookEvent.PRE_MODEL_REQUEST, 5)))
        .hasMessageThat().isEqualTo("hook handler h: event PRE_MODEL_REQUEST is not one both hosts share");
    assertThrows(IllegalArgumentException.class, () -> new HookMethod(0, "h", HookEvent.STOP, 0));
    assertThrows(IllegalArgumentException.class, () -> new HookMethod(0, "h", HookEvent.STOP, 601));
    assertThat(HookRunner.marginMillis(1)).isEqualTo(500);
    assertThat(HookRunner.marginMillis(2)).isEqualTo(500);
    assertThat(HookRunner.marginMillis(4)).isEqualTo(1000);
    assertThat(HookRunner.marginMillis(10)).isEqualTo(1500);
  }

  private static HookDispatcher dispatcher(HookEvent event, HookDecision decision) {
    return new HookDispatcher() {
      @Override
      public String plugin() {
        return "p";
      }

      @Override
      public List<HookMethod> methods() {
        return List.of(new HookMethod(0, "h", event, 5));
      }

      @Override
      public HookDecision call(int index, HookInput input) {
        return decision;
      }
    };
  }

  static JsonNode log(HookRunner.Result result) {
    try {
      return JSON.readTree(result.logLine());
    } catch (Exception e) {
      throw new AssertionError("the last line of stderr is not JSON:\n" + result.stderr(), e);
    }
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
