#!/usr/bin/env bash
# Browser checks' dependencies: playwright-core (pinned in package-lock.json)
# into tests/browser/node_modules, only when it is missing. No browser is
# downloaded: the checks drive Debian's /usr/bin/chromium (conf/dev/deps.sh).
set -euo pipefail
cd "$(dirname "$0")"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

want=$(node -p "require('./package-lock.json').packages['node_modules/playwright-core'].version")
have=$(node -p "try { require('./node_modules/playwright-core/package.json').version } catch (e) { '' }")
if [ "$have" != "$want" ]; then
  echo "installing playwright-core $want"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "chromium is missing: run conf/dev/deps.sh (Debian package chromium)" >&2
  exit 1
fi
echo "browser checks ready: playwright-core $want, $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
