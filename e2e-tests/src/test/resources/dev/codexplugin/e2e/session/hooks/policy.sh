#!/bin/sh
# Policy hooks of the session tests, in plain POSIX shell (no jq): $1 names the event.
#   PreToolUse: deny a call of a release-tools "bump" tool, allow every other call (no output, exit 0);
#   UserPromptSubmit: add the ticket's context to the prompt.
# The same output works for Codex and Claude Code. When SESSION_HOOK_LOG is set, each run leaves the JSON the
# host sent on stdin there, for the tests to read.
event="$1"
input="$(cat)"
if [ -n "${SESSION_HOOK_LOG:-}" ]; then
  mkdir -p "$SESSION_HOOK_LOG"
  printf '%s' "$input" > "$SESSION_HOOK_LOG/$event-$(date +%s%N)-$$.json"
fi
case "$event" in
  PreToolUse)
    case "$input" in
      *'"tool_name":"'*'__bump"'*)
        printf '%s\n' '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"Release policy: a version bump needs the release manager (ticket REL-42)."}}'
        ;;
    esac
    ;;
  UserPromptSubmit)
    printf '%s\n' '{"hookSpecificOutput":{"hookEventName":"UserPromptSubmit","additionalContext":"Ticket REL-42: the 1.4 line is in release; never bump MAJOR without the release manager."}}'
    ;;
esac
exit 0
