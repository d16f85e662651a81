#!/usr/bin/env bash
# Installs a real VS Code host for the extension's host tests: code-server (VS Code server + web
# workbench) from the npm registry, plus Debian's chromium (driven by playwright-core), ripgrep and
# the headers its native modules need. Needs NO other internet access: every download the packages'
# own install scripts would try (ripgrep from GitHub, argon2/kerberos prebuilt binaries) is replaced
# by a Debian package or a local node-gyp build.
#
# Idempotent: a second run only checks and exits (about 1 s).
#
#   scripts/setup-vscode-host.sh [HOST_DIR]      (default: <repo>/.vscode-host, gitignored)
#
# Env: DIPSAMPLE_CODE_SERVER_VERSION (default 4.100.3, the last code-server whose engines field is
#      Node 20 — VS Code API 1.100), DIPSAMPLE_SKIP_APT_UPDATE=1 (skip `apt-get update`).
# See docs/testing.md.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
HOST_DIR="$(realpath -m "${1:-${DIPSAMPLE_VSCODE_HOST:-$REPO/.vscode-host}}")"
CS_VERSION="${DIPSAMPLE_CODE_SERVER_VERSION:-4.100.3}"
t0=$(date +%s)
say() { echo "[setup-vscode-host $(( $(date +%s) - t0 ))s] $*"; }

# --- Debian packages: browser, ripgrep binary, toolchain + headers for the native modules
need=()
command -v chromium >/dev/null || need+=(chromium)
[ -x /usr/bin/rg ] || need+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)            # kerberos module
{ command -v g++ >/dev/null && command -v make >/dev/null; } || need+=(build-essential)
command -v python3 >/dev/null || need+=(python3)                         # node-gyp
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  say "apt: installing ${need[*]}"
  if [ -z "${DIPSAMPLE_SKIP_APT_UPDATE:-}" ]; then $SUDO apt-get update -qq; fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

CS="$HOST_DIR/node_modules/code-server"
if [ -f "$CS/.host-ready" ] && grep -qx "$CS_VERSION" "$CS/.host-ready" && [ -f "$CS/out/node/entry.js" ]; then
  say "code-server $CS_VERSION already set up in $HOST_DIR"
  exit 0
fi

mkdir -p "$HOST_DIR"
cd "$HOST_DIR"
[ -f package.json ] || echo '{ "name": "dipsample-vscode-host", "private": true }' > package.json

# 1. code-server itself, WITHOUT its postinstall: the postinstall refuses root and runs a plain
#    `npm install` in lib/vscode, whose @vscode/ripgrep postinstall downloads from GitHub.
say "npm: code-server@$CS_VERSION"
npm install --ignore-scripts --no-audit --no-fund --save-exact "code-server@$CS_VERSION"
#    its one native dependency, argon2: the prebuilt download fails offline -> node-gyp build
npm rebuild argon2
node -e "require('$HOST_DIR/node_modules/argon2')"   # code-server requires it at start-up

# 2. What code-server's postinstall.sh does, by hand:
cd "$CS/lib/vscode"
say "npm: lib/vscode dependencies"
npm install --omit=dev --ignore-scripts --no-audit --no-fund
#    ripgrep: @vscode/ripgrep's postinstall exits early when bin/ exists, so pre-place Debian's rg
mkdir -p node_modules/@vscode/ripgrep/bin
cp /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
#    native modules (node-gyp against Node's headers): @parcel/watcher, @vscode/spdlog,
#    @vscode/deviceid, native-watchdog, node-pty, kerberos (prebuild-install fails offline).
#    node-pty's postinstall runs `npx node-gyp ...`: npm_config_yes=true lets npx fetch it.
say "npm: rebuilding native modules"
npm_config_yes=true npm rebuild
#    verify every native module loads; rebuild any that does not (node-pty's pty.node has been seen
#    missing after a cold-cache rebuild, fine on the next one)
NATIVE='["node-pty","@vscode/spdlog","native-watchdog","@vscode/deviceid","kerberos","@parcel/watcher"]'
broken() { node -e "const bad=[];for(const m of $NATIVE){try{require(require.resolve(m,{paths:[process.cwd()]}))}catch(e){bad.push(m)}};console.log(bad.join(' '))" 2>/dev/null | tail -n 1; }
bad="$(broken)"
if [ -n "$bad" ]; then
  say "native modules not loading: $bad -> rebuilding them"
  npm_config_yes=true npm rebuild --foreground-scripts $bad
  bad="$(broken)"
  [ -z "$bad" ] || { echo "still broken: $bad" >&2; exit 1; }
fi
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
say "npm: built-in extensions' dependencies"
(cd extensions && npm install --omit=dev --no-audit --no-fund)   # typescript for built-in extensions

# (code-server writes a default config + logs under XDG dirs even for --version: keep them out of $HOME)
XDG_CONFIG_HOME="$HOST_DIR/.xdg-config" XDG_DATA_HOME="$HOST_DIR/.xdg-data" node "$CS/out/node/entry.js" --version
echo "$CS_VERSION" > "$CS/.host-ready"
say "code-server $CS_VERSION ready: $CS/out/node/entry.js"
