#!/usr/bin/env bash
# Runs a command with real PostGIS, Redis and the RTSP simulator: the ones DATABASE_URL / REDIS_URL point at,
# or local ones on their own ports and data folder, started here and stopped afterwards (benchmarks, evaluation).
set -euo pipefail
export TOC_DATA_DIR="${BENCH_DATA_DIR:-$(cd "$(dirname "$0")/../.." && pwd)/.data-bench}"
export PG_PORT="${BENCH_PG_PORT:-55462}" REDIS_PORT="${BENCH_REDIS_PORT:-56409}" RTSP_PORT="${BENCH_RTSP_PORT:-8584}"
. "$(dirname "$0")/lib.sh"

require_node
install_node_modules
trap 'bash "$REPO_ROOT/infra/scripts/services.sh" stop >/dev/null 2>&1 || true' EXIT
bash "$REPO_ROOT/infra/scripts/services.sh" start >&2
load_service_env
cd "$REPO_ROOT"
"$@"
