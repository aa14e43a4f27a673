#!/usr/bin/env python3
"""Copies the files the hosts read out of a marketplace repository snapshot into this corpus folder.

    extract.py <bare-git-dir> <owner>-<repo>

For every local plugin of the marketplace file(s) it keeps what Codex and Claude Code read when they add a
marketplace, install a plugin and list it: the manifests, .mcp.json, .app.json, .lsp.json, hooks (hooks.json and
the small scripts under hooks/ and hooks-handlers/, or named by a hook command), SKILL.md and agents/*.yaml of
every skill, commands/**/*.md, agents/**/*.md and workflows/**/*.md. Nothing else (no references, assets,
binaries or node_modules). Files keep their bytes and their executable bit (git carries it). Skipped files
are listed in SKIPPED.txt with their size, so the corpus says what it leaves out.
"""
import json, os, re, subprocess, sys

MAX_SCRIPT = 64 * 1024     # a hook script larger than this is not "small"
MAX_TEXT = 256 * 1024      # no single text file above this is kept
MARKETPLACES = ['.claude-plugin/marketplace.json', '.agents/plugins/marketplace.json']


def git(gitdir, *args, binary=False):
    out = subprocess.run(['git', '--git-dir', gitdir, *args], check=True, capture_output=True).stdout
    return out if binary else out.decode()


def main(gitdir, name):
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), name)
    commit = git(gitdir, 'rev-parse', 'HEAD').strip()
    tree = {}
    for line in git(gitdir, 'ls-tree', '-r', '-l', 'HEAD').splitlines():
        meta, path = line.split('\t', 1)
        mode, kind, obj, size = meta.split()
        if kind == 'blob':
            tree[path] = (mode, obj, int(size) if size.isdigit() else 0)
    keep, skipped = set(), []
    roots = []
    for m in MARKETPLACES:
        if m in tree:
            keep.add(m)
            market = json.loads(git(gitdir, 'cat-file', 'blob', tree[m][1]))
            for entry in market.get('plugins', []):
                source = entry.get('source')
                path = source if isinstance(source, str) else (source or {}).get('path') \
                    if (source or {}).get('source') == 'local' else None
                if isinstance(path, str) and path.startswith('./'):
                    roots.append(os.path.normpath(path[2:]))
    for m in ('.agents/plugins/api_marketplace.json', 'LICENSE', 'LICENSE.md'):
        if m in tree:
            keep.add(m)
    for root in sorted(set(roots)):
        prefix = '' if root == '.' else root + '/'
        files = {p[len(prefix):]: p for p in tree if p.startswith(prefix)}
        named = set()
        for rel, full in files.items():
            if re.search(r'(^|/)hooks\.json$', rel) and tree[full][2] <= MAX_TEXT:
                text = git(gitdir, 'cat-file', 'blob', tree[full][1])
                for ref in re.findall(r'(?:\$\{CLAUDE_PLUGIN_ROOT\}|\$\{PLUGIN_ROOT\}|\.)/([\w./-]+)', text):
                    named.add(os.path.normpath(ref))
        for rel, full in sorted(files.items()):
            if '/node_modules/' in '/' + rel:
                continue
            size = tree[full][2]
            wanted = (
                re.fullmatch(r'\.(codex|claude|cursor)-plugin/[^/]+\.json', rel)
                or rel in ('plugin.json', '.mcp.json', 'mcp.json', '.app.json', '.lsp.json', 'hooks.json',
                           'LICENSE', 'LICENSE.md', 'LICENSE.txt')
                or re.fullmatch(r'skills/(.+/)?SKILL\.md', rel)
                or re.fullmatch(r'skills/(.+/)?agents/[^/]+\.ya?ml', rel)
                or re.fullmatch(r'(commands|agents|workflows)/(.+/)?[^/]+\.md', rel)
                or re.fullmatch(r'hooks/hooks\.json', rel))
            script = (re.match(r'(hooks|hooks-handlers)/', rel) or rel in named) and not rel.endswith('.json')
            if wanted and size <= MAX_TEXT:
                keep.add(full)
            elif script and size <= MAX_SCRIPT:
                keep.add(full)
            elif wanted or script:
                skipped.append(f'{full}\t{size}')
    for path in sorted(keep):
        mode, obj, size = tree[path]
        if mode == '120000':
            skipped.append(f'{path}\tsymlink')
            continue
        data = git(gitdir, 'cat-file', 'blob', obj, binary=True)
        if b'\0' in data:
            skipped.append(f'{path}\tbinary')
            continue
        out = os.path.join(target, path)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, 'wb') as f:
            f.write(data)
        os.chmod(out, 0o755 if mode == '100755' else 0o644)
    with open(os.path.join(target, 'SKIPPED.txt'), 'w') as f:
        f.write(''.join(s + '\n' for s in sorted(skipped)))
    with open(os.path.join(target, 'SOURCE.txt'), 'w') as f:
        f.write(f'{commit}\n')
    print(name, commit, len(keep), 'files', sum(tree[p][2] for p in keep), 'bytes')


if __name__ == '__main__':
    main(*sys.argv[1:])
