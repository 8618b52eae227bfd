#!/usr/bin/env bash
# `npm stop`: stops the server and the camera worker, then the services this project started.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
stop_process camera-worker
stop_process server
bash "$REPO_ROOT/infra/scripts/services.sh" stop
