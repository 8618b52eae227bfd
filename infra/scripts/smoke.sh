#!/usr/bin/env bash
# `npm run smoke`: start the whole system on its own ports, wait for a live vehicle event as the operator,
# stop everything it started, and print `SMOKE ok` (or the reason it failed) as the last line.
set -uo pipefail
export TOC_DATA_DIR="${SMOKE_DATA_DIR:-$(cd "$(dirname "$0")/../.." && pwd)/.data-smoke}"
export PG_PORT="${SMOKE_PG_PORT:-55442}" REDIS_PORT="${SMOKE_REDIS_PORT:-56389}" RTSP_PORT="${SMOKE_RTSP_PORT:-8564}"
export PORT="${SMOKE_HTTP_PORT:-3010}" HOST=127.0.0.1
. "$(dirname "$0")/lib.sh"

cleanup() { bash "$REPO_ROOT/infra/scripts/down.sh" >/dev/null 2>&1 || true; }
trap cleanup EXIT

if ! bash "$REPO_ROOT/infra/scripts/up.sh"; then
  echo "SMOKE failed: the system did not start (logs in $LOG_DIR)"
  exit 1
fi
load_demo_passwords
if ! SMOKE_URL="http://127.0.0.1:$PORT" "$REPO_ROOT/node_modules/.bin/tsx" "$REPO_ROOT/infra/src/smoke.cli.ts"; then
  echo "SMOKE failed: no live traffic.vehicles event reached the operator (logs in $LOG_DIR)"
  exit 1
fi
cleanup
trap - EXIT
echo "SMOKE ok"
