#!/usr/bin/env bash
# `npm start`: install what is missing, start PostGIS, Redis and the simulated cameras, migrate, seed the demo,
# build the web app, start the server and the camera worker, and print where to open it.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

require_node
install_node_modules
bash "$REPO_ROOT/infra/scripts/services.sh" start
load_service_env
load_demo_passwords
export PORT="${PORT:-3000}" HOST="${HOST:-127.0.0.1}"
export SNAPSHOT_DIR="${SNAPSHOT_DIR:-$TOC_DATA_DIR/snapshots}" PUBLIC_URL="${PUBLIC_URL:-http://$HOST:$PORT}"
# Recordings: the demo records every camera into a small quota (the cleaner keeps it there). A deployment points
# RECORDINGS_DIR at its mounted volume and prepares it once with the marker file; the processes never create it.
if [ -z "${RECORDINGS_DIR:-}" ]; then
  export RECORDINGS_DIR="$TOC_DATA_DIR/recordings" RECORDINGS_QUOTA_GB="${RECORDINGS_QUOTA_GB:-2}"
  export RECORDINGS_FREE_FLOOR_GB="${RECORDINGS_FREE_FLOOR_GB:-1}" RECORDING_MIN_DAYS="${RECORDING_MIN_DAYS:-0}"
  mkdir -p "$RECORDINGS_DIR" && touch "$RECORDINGS_DIR/.toc-recordings"
fi

# Evidence: packages and scanned forms under the data folder; the demo makes its signing key at the first start (a
# deployment brings its own: EVIDENCE_SIGNING_KEY_FILE) and adds labelled working copies to its packages.
export EVIDENCE_DIR="${EVIDENCE_DIR:-$TOC_DATA_DIR/evidence}"
export EVIDENCE_SIGNING_KEY_CREATE="${EVIDENCE_SIGNING_KEY_CREATE:-true}" EVIDENCE_WORKING_COPY="${EVIDENCE_WORKING_COPY:-true}"

if [ "${SKIP_WEB_BUILD:-}" != "1" ]; then
  say "building the web app"
  (cd "$REPO_ROOT" && npm run build --silent -w @toc/web >"$TOC_DATA_DIR/web-build.log" 2>&1) \
    || die "web build failed; see $TOC_DATA_DIR/web-build.log"
fi

say "migrating and seeding the demo"
# The demo's generated passwords work as they are (a deployment seeding without TOC_DEMO gets temporary ones).
(cd "$REPO_ROOT" && TOC_DEMO=1 node_modules/.bin/tsx server/src/db/seed.cli.ts)

start_process server "$REPO_ROOT/node_modules/.bin/tsx" server/src/main.ts
wait_for_url "http://127.0.0.1:$PORT/readyz" 60 || die "server did not become ready; see $LOG_DIR/server.log"
# START_WORKER=0 brings up everything but the camera worker (e.g. for web work on a busy machine).
if [ "${START_WORKER:-1}" = "1" ]; then
  start_process camera-worker "$REPO_ROOT/node_modules/.bin/tsx" workers/src/main.ts
  # Police: once a camera has recorded 45 s, a demo request is filed and approved (the worker exports it).
  (cd "$REPO_ROOT" && node_modules/.bin/tsx server/src/db/demo-footage-request.cli.ts >"$LOG_DIR/demo-request.log" 2>&1 &)
fi

# Buses: the demo network is generated from the real roads in $SHARED_DIR (never stored in the repository),
# saved as a GTFS folder and imported; a demo fleet gets devices, and the simulator drives it over OsmAnd HTTP.
say "bus network: building the Chachoengsao demo GTFS and importing it"
export DEMO_GTFS_DIR="$TOC_DATA_DIR/gtfs/chachoengsao"
(cd "$REPO_ROOT" && node_modules/.bin/tsx server/src/gtfs/demo-network.cli.ts --out "$DEMO_GTFS_DIR" >"$LOG_DIR/gtfs-demo.log" 2>&1 \
  && node_modules/.bin/tsx server/src/gtfs/gtfs-import.cli.ts "$DEMO_GTFS_DIR" --name chachoengsao >>"$LOG_DIR/gtfs-demo.log" 2>&1) \
  || die "demo bus network failed; see $LOG_DIR/gtfs-demo.log"
start_process gps-worker "$REPO_ROOT/node_modules/.bin/tsx" workers/src/gps/main.ts
if [ "${START_BUS_SIMULATOR:-1}" = "1" ]; then
  (cd "$REPO_ROOT" && node_modules/.bin/tsx workers/src/gps-sim/demo-fleet.cli.ts >>"$LOG_DIR/gtfs-demo.log" 2>&1) \
    || die "demo bus fleet failed; see $LOG_DIR/gtfs-demo.log"
  start_process bus-simulator "$REPO_ROOT/node_modules/.bin/tsx" workers/src/gps-sim/main.ts
fi

cat <<MSG

  Traffic Operations Center is running / ระบบศูนย์ปฏิบัติการจราจรพร้อมใช้งาน
  Open:      http://$HOST:$PORT/        API docs: http://$HOST:$PORT/docs
  Logins (username / password):
    admin     / $TOC_PASSWORD_ADMIN
    operator  / $TOC_PASSWORD_OPERATOR
    police    / $TOC_PASSWORD_POLICE
    planner   / $TOC_PASSWORD_PLANNER
    viewer    / $TOC_PASSWORD_VIEWER
  Camera trap demo (trap 1, Khao Ang Rue Nai) / ทดลองส่งภาพจากกล้องดักถ่าย:
    curl -H 'Content-Type: image/jpeg' -H "X-Trap-Key: $TOC_TRAP_KEY" \\
      --data-binary @$SHARED_DIR/media/cameratrapai_african_elephants.jpg http://$HOST:$PORT/api/traps/1/images
  Buses: 22 simulated demo buses on the map; a smart bus-stop sign (no login) / ป้ายรถเมล์อัจฉริยะ:
    http://$HOST:$PORT/stop/CCS-S001      GTFS-RT: http://$HOST:$PORT/api/gtfs-rt/vehicle-positions?format=json
  Police: a demo footage request is filed and exported within a minute (Footage requests / คำขอภาพ); verify a
    package offline: npm run verify -- <package>.zip --fingerprint <from the letter or /api/evidence/public-key>
  Recordings: $RECORDINGS_DIR (quota ${RECORDINGS_QUOTA_GB:-500} GB); play back on the Playback page / ดูภาพย้อนหลัง
  Logs: $LOG_DIR     Stop everything: npm stop

MSG
