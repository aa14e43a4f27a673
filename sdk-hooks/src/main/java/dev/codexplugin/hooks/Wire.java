package dev.codexplugin.hooks;

import dev.codexplugin.api.HookEvent;
import java.util.Map;

/**
 * Both hosts' hook wire formats: the input type of each event, and what a decision is on stdout and as exit code.
 * Everything here was checked in real sessions (docs/research/hooks.md §4-5); the Codex output is also checked
 * against the output schemas compiled into Codex 0.169.0 ({@code additionalProperties: false}: one unknown field
 * and Codex ignores the whole answer). Only the fields each decision needs are written.
 */
final class Wire {
  /** Exit code of a written decision (also of "no decision"). */
  static final int OK = 0;
  /** Exit code of a failed run that must not block: both hosts go on (and log stderr). */
  static final int FAIL_OPEN = 1;
  /** Exit code that blocks a PreToolUse call with stderr as the reason, in both hosts. */
  static final int BLOCK = 2;

  /** What to write: the exit code and stdout (empty for no decision). */
  static final class Output {
    final int exitCode;
    final String stdout;
    /** The decision as the host got it, for the log when it differs from the handler's (Codex's ask). */
    final String written;

    Output(int exitCode, String stdout, String written) {
      this.exitCode = exitCode;
      this.stdout = stdout;
      this.written = written;
    }
  }

  private Wire() {}

  /** The input of {@code event} from the host's JSON. */
  static HookInput input(HookEvent event, Host host, JsonObject json, Map<String, String> env) {
    switch (event) {
      case PRE_TOOL_USE:
        return new PreToolUse(host, json, env);
      case POST_TOOL_USE:
        return new PostToolUse(host, json, env);
      case PERMISSION_REQUEST:
        return new PermissionRequest(host, json, env);
      case USER_PROMPT_SUBMIT:
        return new UserPromptSubmit(host, json, env);
      case SESSION_START:
        return new SessionStart(host, json, env);
      case SESSION_END:
        return new SessionEnd(host, json, env);
      case STOP:
        return new Stop(host, json, env);
      case SUBAGENT_START:
        return new SubagentStart(host, json, env);
      case SUBAGENT_STOP:
        return new SubagentStop(host, json, env);
      case PRE_COMPACT:
        return new PreCompact(host, json, env);
      case POST_COMPACT:
        return new PostCompact(host, json, env);
      default:
        throw new IllegalArgumentException("no Java hook input for " + event.jsonName());
    }
  }

  /** The name of the decision type {@code event}'s handlers return, for messages. */
  static String decisionType(HookEvent event) {
    switch (event) {
      case PRE_TOOL_USE:
        return "PreToolUseDecision";
      case POST_TOOL_USE:
      case USER_PROMPT_SUBMIT:
        return "BlockOrContextDecision";
      case PERMISSION_REQUEST:
        return "PermissionDecision";
      case SESSION_START:
      case SUBAGENT_START:
        return "ContextDecision";
      case STOP:
      case SUBAGENT_STOP:
        return "StopDecision";
      default:
        return "void";
    }
  }

  /**
   * {@code decision} of a handler of {@code event}, for {@code host}.
   *
   * @throws IllegalStateException when {@code event} has no decision of that type (the generated launcher and
   *     the handler disagree)
   */
  static Output decision(Host host, HookEvent event, HookDecision decision) {
    if (decision == HookDecision.none()) {
      return nothing("proceed");
    }
    String name = event.jsonName();
    switch (event) {
      case PRE_TOOL_USE:
        if (decision instanceof PreToolUseDecision) {
          return preToolUse(host, (PreToolUseDecision) decision);
        }
        break;
      case PERMISSION_REQUEST:
        if (decision instanceof PermissionDecision) {
          return permission((PermissionDecision) decision);
        }
        break;
      case POST_TOOL_USE:
      case USER_PROMPT_SUBMIT:
        if (decision instanceof BlockOrContextDecision) {
          BlockOrContextDecision d = (BlockOrContextDecision) decision;
          switch (d.kind()) {
            case CONTEXT:
              return context(name, d.text());
            case BLOCK:
              return block(d.text());
            default:
              return nothing("proceed");
          }
        }
        break;
      case SESSION_START:
      case SUBAGENT_START:
        if (decision instanceof ContextDecision) {
          String context = ((ContextDecision) decision).context();
          return context.isEmpty() ? nothing("proceed") : context(name, context);
        }
        break;
      case STOP:
      case SUBAGENT_STOP:
        if (decision instanceof StopDecision) {
          String reason = ((StopDecision) decision).reason();
          return reason.isEmpty() ? nothing("proceed") : block(reason);
        }
        break;
      default:
        break;
    }
    throw new IllegalStateException("a " + name + " handler must return " + decisionType(event) + " or nothing;"
        + " it returned " + decision.getClass().getSimpleName() + " (" + decision.label() + ")");
  }

  private static Output preToolUse(Host host, PreToolUseDecision d) {
    switch (d.kind()) {
      case DENY:
        return permissionDecision("deny", d.reason(), "deny");
      case ASK:
        // Codex has no ask: it would report "unsupported permissionDecision:ask" and run the call.
        return host == Host.CODEX ? permissionDecision("deny", d.reason(), "deny")
            : permissionDecision("ask", d.reason(), "ask");
      case ALLOW:
        // Codex rejects an allow without updatedInput as unsupported (and then runs the call anyway).
        return host == Host.CODEX ? nothing("proceed") : permissionDecision("allow", d.reason(), "allow");
      default:
        return nothing("proceed");
    }
  }

  private static Output permissionDecision(String decision, String reason, String written) {
    StringBuilder out = new StringBuilder(96 + reason.length());
    out.append("{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"")
        .append(decision).append('"');
    if (!reason.isEmpty()) {
      out.append(",\"permissionDecisionReason\":");
      Json.quote(out, reason);
    }
    out.append("}}");
    return new Output(OK, out.toString(), written);
  }

  private static Output permission(PermissionDecision d) {
    if (d.behavior() == PermissionDecision.Behavior.PROCEED) {
      return nothing("proceed");
    }
    StringBuilder out = new StringBuilder(
        "{\"hookSpecificOutput\":{\"hookEventName\":\"PermissionRequest\",\"decision\":{\"behavior\":\"");
    out.append(d.behavior() == PermissionDecision.Behavior.ALLOW ? "allow" : "deny").append('"');
    if (!d.message().isEmpty()) {
      out.append(",\"message\":");
      Json.quote(out, d.message());
    }
    out.append("}}}");
    return new Output(OK, out.toString(), d.label());
  }

  private static Output context(String event, String text) {
    StringBuilder out = new StringBuilder(64 + text.length());
    out.append("{\"hookSpecificOutput\":{\"hookEventName\":\"").append(event).append("\",\"additionalContext\":");
    Json.quote(out, text);
    out.append("}}");
    return new Output(OK, out.toString(), "context");
  }

  private static Output block(String reason) {
    StringBuilder out = new StringBuilder(32 + reason.length());
    out.append("{\"decision\":\"block\",\"reason\":");
    Json.quote(out, reason);
    out.append('}');
    return new Output(OK, out.toString(), "block");
  }

  private static Output nothing(String written) {
    return new Output(OK, "", written);
  }
}
