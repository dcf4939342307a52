#!/usr/bin/env bash
# Installs code-server (VS Code 1.100.3 server, from npm) into the project's ignored .vscode-test/ folder,
# contacting only the npm registry. Needs Debian's ripgrep and libkrb5-dev (and build tools for native
# addons); .ci/run installs them, and this script says what to install when they are missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
prefix="${CODE_SERVER_PREFIX:-$root/.vscode-test/code-server}"
version="${CODE_SERVER_VERSION:-4.100.3}"   # the newest code-server whose engines allow Node 20

missing=()
command -v rg >/dev/null || missing+=(ripgrep)
[ -e /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
command -v g++ >/dev/null || missing+=(build-essential)
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-code-server: missing Debian packages: ${missing[*]}" >&2
  echo "  install them with: apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 2
fi

# @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the archive:
# seed the cache with Debian's rg (cache path and asset names from @vscode/ripgrep/lib/postinstall.js).
seed() {
  local dir="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$1" file="ripgrep-$2-x86_64-unknown-linux-musl.tar.gz"
  mkdir -p "$dir"
  if [ ! -s "$dir/$file" ]; then
    local t; t=$(mktemp -d); cp "$(command -v rg)" "$t/rg"; tar -C "$t" -czf "$dir/$file" rg; rm -rf "$t"
  fi
}
seed 1.15.11 v13.0.0-10
seed 1.15.14 v13.0.0-13

mkdir -p "$prefix"
cd "$prefix"
[ -f package.json ] || echo '{ "name": "pizarra-vscode-test", "private": true }' > package.json
export npm_config_unsafe_perm=true   # code-server's postinstall refuses to run as root otherwise
export npm_config_yes=true           # node-pty's postinstall runs `npx node-gyp`
# Build native addons against the local Node headers instead of downloading them.
export npm_config_nodedir="${NODEDIR:-$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")}"
if [ ! -e "$npm_config_nodedir/include/node/node.h" ]; then
  echo "install-code-server: no Node headers in $npm_config_nodedir/include/node (set NODEDIR)" >&2
  exit 2
fi
echo "install-code-server: installing code-server@$version into $prefix (about a minute)" >&2
npm install --no-audit --no-fund --loglevel=error "code-server@$version" >&2
"$prefix/node_modules/.bin/code-server" --version >&2
