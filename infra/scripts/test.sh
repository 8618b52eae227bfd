#!/usr/bin/env bash
# `npm test` (and CI): install what is missing, start real PostGIS, Redis and the RTSP simulator on test ports,
# typecheck and lint, run the small and medium tests, then bring the system up and run the end-to-end tests.
set -euo pipefail
export TOC_DATA_DIR="${TEST_DATA_DIR:-$(cd "$(dirname "$0")/../.." && pwd)/.data-test}"
export PG_PORT="${TEST_PG_PORT:-55452}" REDIS_PORT="${TEST_REDIS_PORT:-56399}" RTSP_PORT="${TEST_RTSP_PORT:-8574}"
export PORT="${TEST_HTTP_PORT:-3020}" HOST=127.0.0.1
. "$(dirname "$0")/lib.sh"

require_node
install_node_modules
cleanup() { bash "$REPO_ROOT/infra/scripts/down.sh" >/dev/null 2>&1 || true; }
trap cleanup EXIT
bash "$REPO_ROOT/infra/scripts/services.sh" start
load_service_env
cd "$REPO_ROOT"

# `npm run test:clock` checks types and style once, not at every instant (they do not depend on the clock).
if [ -z "${SKIP_STATIC_CHECKS:-}" ]; then
  say "typecheck and lint"
  node_modules/.bin/turbo run typecheck --output-logs=errors-only
  node_modules/.bin/eslint .
fi

say "small and medium tests"
node_modules/.bin/vitest run --project small --project medium

say "end-to-end: starting the system on port $PORT"
# The end-to-end webhook receiver listens on 127.0.0.1: allow-listed for this run only (server and workers read it).
export NOTIFY_ALLOWED_HOSTS=127.0.0.1
bash "$REPO_ROOT/infra/scripts/up.sh" >"$TOC_DATA_DIR/up.log" 2>&1 || { cat "$TOC_DATA_DIR/up.log"; exit 1; }
load_demo_passwords
export E2E_URL="http://127.0.0.1:$PORT" TEST_OUTPUT_DIR="$REPO_ROOT/test-output"
node_modules/.bin/vitest run --project e2e
