#!/usr/bin/env bash
# `npm stop`: stops the server, the camera and GPS workers and the bus simulator, then the services this project started.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
stop_process bus-simulator
stop_process gps-worker
stop_process camera-worker
stop_process server
bash "$REPO_ROOT/infra/scripts/services.sh" stop
