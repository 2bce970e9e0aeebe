#!/usr/bin/env bash
# npm run setup: install exactly what the lock file says, build, and install the embedded
# database (FerretDB 1.24.2, see ../shared/DATABASE.md) into .tools/bin. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

FERRETDB_VERSION=v1.24.2
FERRETDB_BIN=.tools/bin/ferretdb
started=$(date +%s)

step() { printf '\n== %s\n' "$*"; }

step "Node $(node --version), npm $(npm --version)"
node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20 || (a===20 && b<19)) { console.error("Node >= 20.19 is needed (mongodb driver 7)."); process.exit(1) }'

step "npm ci (exactly package-lock.json)"
# Some registry mirrors lack other platforms' builds of native optional packages (swc, unrs-resolver);
# npm then leaves them out of the lock file and `npm ci` refuses it as out of sync. `npm install
# --no-save` installs the same locked versions and leaves the lock file untouched.
if ! npm ci --no-audit --no-fund 2>/tmp/utfall-npm-ci.log; then
  if grep -q 'Missing: .* from lock file' /tmp/utfall-npm-ci.log; then
    echo "npm ci refused the lock file for other platforms' optional packages; installing the locked versions with npm install --no-save"
    npm install --no-save --no-audit --no-fund
  else
    cat /tmp/utfall-npm-ci.log >&2
    exit 1
  fi
fi

step "build (tsc)"
npm run build --silent

step "FerretDB ${FERRETDB_VERSION} -> ${FERRETDB_BIN}"
# Read the version into a variable first: piping into `grep -q`/`head` can end in SIGPIPE under pipefail.
installed_version=""
[ -x "$FERRETDB_BIN" ] && installed_version=$("$FERRETDB_BIN" --version 2>/dev/null || true)
if [[ "$installed_version" == *"version: ${FERRETDB_VERSION}"* ]]; then
  echo "already installed: ${FERRETDB_VERSION}"
elif ! command -v go >/dev/null 2>&1; then
  if [ -n "${MONGODB_URI:-}" ]; then
    echo "Go is not installed; skipping the embedded database because MONGODB_URI is set."
  else
    echo "ERROR: Go is needed to build the embedded FerretDB for local runs and tests, and it is not installed." >&2
    echo "Install Go (https://go.dev/dl/), or set MONGODB_URI to a MongoDB-compatible server" >&2
    echo "(MongoDB, Azure Cosmos DB for MongoDB vCore, FerretDB on PostgreSQL) and run this again." >&2
    exit 1
  fi
else
  bash scripts/install-ferretdb.sh "$FERRETDB_VERSION" "$FERRETDB_BIN"
fi

step "Chromium and pdftoppm for the browser tests (Debian's packages)"
# The browser tests drive Debian's Chromium with playwright-core (no browser download) and turn the
# printed report into PNGs with poppler's pdftoppm. When they cannot be installed here, set-up goes on
# and those tests fail saying so, rather than passing blind.
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v pdftoppm >/dev/null 2>&1 || missing="$missing poppler-utils"
if [ -z "$missing" ]; then
  echo "already installed: $(/usr/bin/chromium --version 2>/dev/null || echo chromium), pdftoppm"
else
  as_root=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null && as_root="sudo"
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || [ -n "$as_root" ]; }; then
    export DEBIAN_FRONTEND=noninteractive
    # shellcheck disable=SC2086 # the package list is meant to split
    $as_root apt-get install -y $missing >/tmp/utfall-apt.log 2>&1 \
      || { $as_root apt-get update >>/tmp/utfall-apt.log 2>&1 && $as_root apt-get install -y $missing >>/tmp/utfall-apt.log 2>&1; } \
      || { tail -5 /tmp/utfall-apt.log >&2; echo "WARNING: apt-get could not install$missing; the browser tests will fail until it is installed." >&2; }
    [ -x /usr/bin/chromium ] && echo "installed: $(/usr/bin/chromium --version 2>/dev/null)"
    command -v pdftoppm >/dev/null 2>&1 && echo "installed: pdftoppm"
  else
    echo "WARNING:$missing missing and cannot be installed here (needs apt-get as root); the browser tests will fail until 'apt-get install$missing' is run." >&2
  fi
fi

step "set-up done in $(( $(date +%s) - started )) s"
