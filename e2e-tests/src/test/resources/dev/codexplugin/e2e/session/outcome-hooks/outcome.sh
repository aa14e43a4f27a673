#!/bin/sh
# A PreToolUse hook that answers as SESSION_HOOK_MODE says, to pin how each host treats each answer.
cat > /dev/null
reason='Outcome hook: the bump is refused.'
case "${SESSION_HOOK_MODE:-}" in
  deny-json) printf '%s\n' "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"deny\",\"permissionDecisionReason\":\"$reason\"}}" ;;
  deny-json-extra-field) printf '%s\n' "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"deny\",\"permissionDecisionReason\":\"$reason\"},\"extra\":1}" ;;
  ask-json) printf '%s\n' "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"ask\",\"permissionDecisionReason\":\"$reason\"}}" ;;
  exit2-stderr) printf '%s\n' "$reason" >&2; exit 2 ;;
  exit2-silent) exit 2 ;;
  exit1) printf '%s\n' "$reason" >&2; exit 1 ;;
  invalid-json) printf '%s\n' '{"hookSpecificOutput":' ;;
  timeout) sleep 8 ;;
esac
exit 0
