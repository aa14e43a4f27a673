#!/usr/bin/env bash
# The experiments behind docs/research/fidelity-2026-12.md, against the real hosts (offline, no login).
#   fidelity-2026-12-lab.sh <hosts-dir> <work-dir>
# <hosts-dir> holds node_modules/.bin/{codex,claude} (npm install --prefix <hosts-dir> @openai/codex@V
# @anthropic-ai/claude-code@V); every command runs with a fresh CODEX_HOME / CLAUDE_CONFIG_DIR under <work-dir>.
set -uo pipefail
HOSTS=$(cd "$1" && pwd); mkdir -p "$2"; WORK=$(cd "$2" && pwd)
CODEX=$HOSTS/node_modules/.bin/codex; CLAUDE=$HOSTS/node_modules/.bin/claude
export RUST_LOG=warn DISABLE_AUTOUPDATER=1 DISABLE_TELEMETRY=1 CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1
unset OPENAI_API_KEY ANTHROPIC_API_KEY
echo "# $($CODEX --version) / $($CLAUDE --version)"

run() { echo "\$ ${*/#$HOSTS\/node_modules\/.bin\//}" | sed "s|$WORK|<work>|g"; "$@" 2>&1 | sed -e "s|$WORK|<work>|g" -e '/^Stack backtrace:/,$d' | grep -v '^WARNING: proceeding' | head -${LINES_MAX:-40}; echo "[exit ${PIPESTATUS[0]}]"; }
codex() { CODEX_HOME=$WORK/home-$CASE run "$CODEX" "$@"; }
claude() { CLAUDE_CONFIG_DIR=$WORK/claude-$CASE run "$CLAUDE" "$@"; }
# the same, printing only the command's stdout (for a filter), the command itself first
codexj() { echo "\$ codex $*" | sed "s|$WORK|<work>|g"; CODEX_HOME=$WORK/home-$CASE "$CODEX" "$@" 2>/dev/null | sed "s|$WORK|<work>|g"; }
claudej() { echo "\$ claude $*" | sed "s|$WORK|<work>|g"; CLAUDE_CONFIG_DIR=$WORK/claude-$CASE "$CLAUDE" "$@" 2>/dev/null | sed "s|$WORK|<work>|g"; }
# a filter over the JSON after the first line
j() { python3 -c "import sys,json; print(sys.stdin.readline().rstrip()); j=json.load(sys.stdin); $1"; }
# app-server: initialize, then each "method json-params" argument; prints each result (or error), one per line
appserver() {
  CODEX_HOME=$WORK/home-$CASE python3 - "$CODEX" "$@" <<'PY'
import json, subprocess, sys, os
p = subprocess.Popen([sys.argv[1], 'app-server'], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.DEVNULL, text=True)
def call(i, method, params):
    p.stdin.write(json.dumps({'id': i, 'method': method, 'params': params}) + '\n'); p.stdin.flush()
    for line in p.stdout:
        m = json.loads(line)
        if m.get('id') == i and ('result' in m or 'error' in m):
            return m.get('result', m.get('error'))
call(0, 'initialize', {'clientInfo': {'name': 'lab', 'version': '1'}})
p.stdin.write('{"method":"initialized"}\n'); p.stdin.flush()
for i, arg in enumerate(sys.argv[2:], 1):
    method, params = arg.split(' ', 1)
    print('>> ' + method + ' ' + params + '\n<< ' + json.dumps(call(i, method, json.loads(params))))
p.stdin.close(); p.wait(timeout=30)
PY
}
plugin() { # plugin <dir> <name> [manifest-json]: a Claude-layout plugin with one skill
  mkdir -p "$1/.claude-plugin" "$1/skills/s"
  [ -n "${3:-}" ] && echo "$3" > "$1/.claude-plugin/plugin.json"
  printf -- '---\nname: s\ndescription: A skill. Use it.\n---\n\nBody.\n' > "$1/skills/s/SKILL.md"
}
market() { # market <root> <name> <entries-json>
  mkdir -p "$1/.claude-plugin"
  echo "{\"name\": \"$2\", \"owner\": {\"name\": \"lab\"}, \"plugins\": $3}" > "$1/.claude-plugin/marketplace.json"
}
mkcase() { CASE=$1; R=$WORK/$1; rm -rf "$R" "$WORK/home-$1" "$WORK/claude-$1"; mkdir -p "$R" "$WORK/home-$1" "$WORK/claude-$1"; echo; echo "## case $1"; }

# --- item 2: a hook event Codex does not know -------------------------------------------------------------
mkcase unknown-event
plugin "$R/plugins/unk" unk '{"name": "unk", "version": "1.0.0", "description": "d"}'
mkdir -p "$R/plugins/unk/hooks"
echo '{"hooks": {"UserPromptExpansion": [{"matcher": "^unk:s$", "hooks": [{"type": "command", "command": "echo expansion"}]}],
  "Stop": [{"hooks": [{"type": "command", "command": "echo stop"}]}]}}' > "$R/plugins/unk/hooks/hooks.json"
market "$R" lab-unknown '[{"name": "unk", "source": "./plugins/unk"}]'
codex plugin marketplace add "$R" --json; codex plugin add unk@lab-unknown --json
appserver "skills/list {\"cwds\": [\"$R\"], \"forceReload\": true}" "hooks/list {\"cwds\": [\"$R\"]}" \
  | python3 -c 'import sys,json
for l in sys.stdin:
  if l.startswith("<<"):
    r=json.loads(l[3:]); d=r["data"][0]
    print("skills:", [s["name"] for s in d.get("skills",[]) if s.get("pluginId")], "errors:", d.get("errors"),
          "hooks:", [h["eventName"] for h in d.get("hooks",[])], "warnings:", d.get("warnings"))'
claudej plugin validate --json "$R/plugins/unk" | j '(print("validate success:", j["success"], "errors:", j["manifest"]["errors"], "hooks:", [h["event"] for h in j["provides"]["hooks"]]))'
claude plugin marketplace add "$R"; claude plugin install unk@lab-unknown --json; claude plugin details unk@lab-unknown

# --- items 3, 4: metadata from the marketplace entry ------------------------------------------------------
mkcase entry-metadata
plugin "$R/plugins/nomanifest" x                                         # no manifest at all
plugin "$R/plugins/noversion" x '{"name": "noversion", "description": "manifest description"}'
plugin "$R/plugins/nodescription" x '{"name": "nodescription", "version": "1.0.0"}'
plugin "$R/plugins/both" x '{"name": "both", "version": "1.0.0", "description": "manifest description"}'
mkdir -p "$R/plugins/lsp"; echo "licence text" > "$R/plugins/lsp/LICENSE"   # the LSP entries: only a LICENSE
market "$R" lab-entry '[
 {"name": "nomanifest", "source": "./plugins/nomanifest", "version": "0.1.0", "description": "entry description"},
 {"name": "noversion", "source": "./plugins/noversion", "version": "2.3.4", "description": "entry description"},
 {"name": "nodescription", "source": "./plugins/nodescription", "version": "9.9.9", "description": "entry description"},
 {"name": "both", "source": "./plugins/both", "version": "9.9.9", "description": "entry description"},
 {"name": "lsp", "source": "./plugins/lsp", "version": "1.0.0", "description": "entry description", "strict": false,
  "lspServers": {"clangd": {"command": "clangd", "extensionToLanguage": {".c": "c"}}}}]'
codex plugin marketplace add "$R" --json
for p in nomanifest noversion nodescription both lsp; do LINES_MAX=6 codex plugin add $p@lab-entry --json; done
args=(); for p in nomanifest noversion nodescription both lsp; do args+=("plugin/read {\"pluginName\": \"$p\", \"marketplacePath\": \"$R/.claude-plugin/marketplace.json\"}"); done
appserver "${args[@]}" | python3 -c 'import sys,json
for l in sys.stdin:
  if l.startswith("<<"):
    p=json.loads(l[3:])["plugin"]; print(p["summary"]["name"], "localVersion:", p["summary"]["localVersion"], "description:", p["description"], "skills:", [s["name"] for s in p["skills"]])'
claudej plugin validate --json "$R" | j 'print("validate root success:", j["success"], "errors:", j["manifest"]["errors"])'
LINES_MAX=6 claude plugin validate --json "$R/plugins/lsp"
claude plugin marketplace add "$R"
for p in nomanifest noversion nodescription both lsp; do LINES_MAX=2 claude plugin install $p@lab-entry --json; done
claudej plugin list --json | j '[print(p["id"], "version:", p["version"]) for p in j if "@lab-entry" in p["id"]]'
for p in nomanifest noversion both lsp; do LINES_MAX=9 claude plugin details $p@lab-entry | grep -E "^[a-z]|Description|Skills|LSP"; done

# --- item 5: commands and agents --------------------------------------------------------------------------
mkcase commands
plugin "$R/plugins/cmd" x '{"name": "cmd", "version": "1.0.0", "description": "d"}'
mkdir -p "$R/plugins/cmd/commands/sub" "$R/plugins/cmd/agents" "$R/plugins/cmd/skills/folder-name"
printf -- '---\nname: front-name\ndescription: Named in front matter.\n---\n\nBody.\n' > "$R/plugins/cmd/skills/folder-name/SKILL.md"
C=$R/plugins/cmd/commands
printf -- '---\ndescription: plain\n---\n\nDo the plain thing.\n' > $C/plain.md
printf -- '---\ndescription: args\n---\n\nDo it for $ARGUMENTS.\n' > $C/args.md
printf -- '---\ndescription: positional\n---\n\nDo it for $1.\n' > $C/positional.md
printf -- '---\ndescription: shell\n---\n\nStatus: !`git status`\n' > $C/shell.md
printf -- '---\ndescription: mustache\n---\n\nHello {{name}}.\n' > $C/mustache.md
printf -- '# No front matter\n\nJust text.\n' > $C/nofront.md
printf -- '---\nargument-hint: x\n---\n\nNo description.\n' > $C/nodescription.md
printf -- '---\ndescription: named\nname: other-name\n---\n\nNamed.\n' > $C/named.md
printf -- '---\ndescription: nested\n---\n\nNested.\n' > $C/sub/nested.md
printf -- '---\ndescription: upper\n---\n\nUpper.\n' > $C/Upper_Case.md
python3 -c "print('---\ndescription: long\n---\n\n' + 'x' * 3900)" > $C/long.md
printf -- '---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Grep\n---\n\nYou review.\n' > "$R/plugins/cmd/agents/reviewer.md"
printf -- '---\nname: broken\ndescription: Broken YAML: a colon\nuser: "x"\n<example>\n---\n\nBody.\n' > "$R/plugins/cmd/agents/broken.md"
market "$R" lab-commands '[{"name": "cmd", "source": "./plugins/cmd"}]'
codex plugin marketplace add "$R" --json; LINES_MAX=3 codex plugin add cmd@lab-commands --json
(cd "$WORK/home-$CASE/plugins/cache/lab-commands/cmd/1.0.0" && find . -name SKILL.md | sort && echo "--- .codex-plugin/migrated-command-skills/source-command-plain/SKILL.md:" && cat .codex-plugin/migrated-command-skills/source-command-plain/SKILL.md)
appserver "skills/list {\"cwds\": [\"$R\"], \"forceReload\": true}" | python3 -c 'import sys,json
for l in sys.stdin:
  if l.startswith("<<"): print("skills/list:", sorted(s["name"] for s in json.loads(l[3:])["data"][0]["skills"] if s.get("pluginId")))'
claudej plugin validate --json "$R/plugins/cmd" | j 'print("validate success:", j["success"], "errors:", j["manifest"]["errors"]); print("provides:", {k: v for k, v in (j["provides"] or {}).items() if v and k in ("skills","commands","agents")}); print("contents:", json.dumps(j["contents"])[:2500])'
claude plugin marketplace add "$R"; LINES_MAX=2 claude plugin install cmd@lab-commands --json
LINES_MAX=9 claude plugin details cmd@lab-commands | grep -E "Skills|Agents"

# --- item 6: Claude hook fields, reserved names -----------------------------------------------------------
mkcase hook-fields
plugin "$R/plugins/cond" x '{"name": "cond", "version": "1.0.0", "description": "d"}'
mkdir -p "$R/plugins/cond/hooks"
echo '{"hooks": {"PostToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "echo review", "if": "Bash(git commit:*)",
  "asyncRewake": true, "rewakeMessage": "Review found issues", "rewakeSummary": "issues"}]}]}}' > "$R/plugins/cond/hooks/hooks.json"
market "$R" lab-hooks '[{"name": "cond", "source": "./plugins/cond"}]'
codex plugin marketplace add "$R" --json; LINES_MAX=3 codex plugin add cond@lab-hooks --json
appserver "hooks/list {\"cwds\": [\"$R\"]}" | python3 -c 'import sys,json
for l in sys.stdin:
  if l.startswith("<<"):
    d=json.loads(l[3:])["data"][0]; print("warnings:", d["warnings"], "errors:", d["errors"])
    for h in d["hooks"]: print({k: h[k] for k in ("eventName", "matcher", "command", "async", "timeoutSec")})'
claudej plugin validate --json "$R/plugins/cond" | j 'print("validate success:", j["success"], "warnings:", j["manifest"]["warnings"], "hooks:", j["provides"]["hooks"])'

mkcase reserved
for n in claude-tools anthropic-helper claude-code; do plugin "$R/plugins/$n" x "{\"name\": \"$n\", \"version\": \"1.0.0\", \"description\": \"d\"}"; done
market "$R" lab-reserved '[{"name": "claude-tools", "source": "./plugins/claude-tools"}, {"name": "anthropic-helper", "source": "./plugins/anthropic-helper"}, {"name": "claude-code", "source": "./plugins/claude-code"}]'
claudej plugin validate --json "$R" | j 'print("validate root:", j["success"], j["manifest"]["errors"], [w for w in j["manifest"]["warnings"] if "name" in w["path"] or "reserved" in w["message"]])'
for n in claude-tools anthropic-helper claude-code; do claudej plugin validate --json "$R/plugins/$n" | j 'print("validate plugin:", j["manifest"]["file"].split("/")[-3], j["success"], j["manifest"]["errors"], [w for w in j["manifest"]["warnings"] if w["path"] != "version"])'; done
claude plugin marketplace add "$R"; for n in claude-tools anthropic-helper claude-code; do LINES_MAX=2 claude plugin install $n@lab-reserved --json; done
codex plugin marketplace add "$R" --json; for n in claude-tools claude-code; do LINES_MAX=6 codex plugin add $n@lab-reserved --json; done
for n in claude-plugins-official claude-code-plugins anthropic-marketplace agent-skills claude-plugins-official-corpus claude-plugins official-claude corpus-claude-plugins-official openai-curated openai-bundled openai-api-curated; do
  mkcase "name-$n"; plugin "$R/plugins/p" x '{"name": "p", "version": "1.0.0", "description": "d"}'; market "$R" "$n" '[{"name": "p", "source": "./plugins/p"}]'
  LINES_MAX=2 claude plugin marketplace add "$R"; LINES_MAX=2 codex plugin marketplace add "$R" --json
done

# --- item 7: one plugin at two versions -------------------------------------------------------------------
mkcase versions
for v in 0.4.0 0.5.0; do plugin "$R/m$v/plugins/x" x "{\"name\": \"x\", \"version\": \"$v\", \"description\": \"d\"}"; market "$R/m$v" "lab-v${v//./}" '[{"name": "x", "source": "./plugins/x"}]'; done
plugin "$R/both/plugins/x4" x '{"name": "x", "version": "0.4.0", "description": "d"}'; plugin "$R/both/plugins/x5" x '{"name": "x", "version": "0.5.0", "description": "d"}'
market "$R/both" lab-twice '[{"name": "x", "source": "./plugins/x4"}, {"name": "x", "source": "./plugins/x5"}]'
for m in m0.4.0 m0.5.0 both; do LINES_MAX=3 codex plugin marketplace add "$R/$m" --json; done
for m in lab-v040 lab-v050 lab-twice; do LINES_MAX=6 codex plugin add x@$m --json; done
codexj plugin list --json | j '[print(p["pluginId"], p["version"], "enabled:", p["enabled"]) for p in j["installed"]]'
appserver "skills/list {\"cwds\": [\"$R\"], \"forceReload\": true}" | python3 -c 'import sys,json
for l in sys.stdin:
  if l.startswith("<<"): print("skills/list:", sorted((s["name"], s["pluginId"]) for s in json.loads(l[3:])["data"][0]["skills"] if s.get("pluginId")))'
claudej plugin validate --json "$R/both" | j 'print("validate lab-twice:", j["success"], j["manifest"]["errors"])'
for m in m0.4.0 m0.5.0 both; do LINES_MAX=2 claude plugin marketplace add "$R/$m"; done
for m in lab-v040 lab-v050 lab-twice; do LINES_MAX=2 claude plugin install x@$m --json; done
claudej plugin list --json | j '[print(p["id"], p["version"], "enabled:", p["enabled"]) for p in j if p["id"].startswith("x@")]'
