# Shared shell helpers for the start, stop, smoke and test scripts (sourced, not run).
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export TOC_DATA_DIR="${TOC_DATA_DIR:-$REPO_ROOT/.data}"
export SHARED_DIR="${SHARED_DIR:-$(cd "$REPO_ROOT/.." && pwd)/shared}"
export ONNXRUNTIME_NODE_INSTALL=skip TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
RUN_DIR="$TOC_DATA_DIR/run"
LOG_DIR="$TOC_DATA_DIR/logs"

say() { printf '[toc] %s\n' "$*"; }
die() { printf '[toc] error: %s\n' "$*" >&2; exit 1; }

require_node() {
  command -v node >/dev/null || die "Node.js 20 is required (https://nodejs.org); not found on PATH"
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
    || die "Node.js >= 20.19 is required; found $(node --version)"
}

# Installs npm dependencies when node_modules is missing or older than the lock file.
install_node_modules() {
  if [ ! -d "$REPO_ROOT/node_modules" ] || [ "$REPO_ROOT/package-lock.json" -nt "$REPO_ROOT/node_modules/.package-lock.json" ]; then
    say "installing npm dependencies (npm ci)"
    (cd "$REPO_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

load_service_env() {
  set -a
  # shellcheck disable=SC1091
  . "$TOC_DATA_DIR/env"
  set +a
}

# Demo passwords: taken from TOC_PASSWORD_<USER> when set, otherwise generated once and kept in the data folder.
load_demo_passwords() {
  local file="$TOC_DATA_DIR/demo-passwords.env"
  if [ ! -f "$file" ]; then
    umask 077
    for user in ADMIN OPERATOR POLICE PLANNER VIEWER; do
      echo "TOC_PASSWORD_$user=$(node -e 'console.log(require("crypto").randomBytes(9).toString("base64url"))')"
    done > "$file"
  fi
  # The demo camera trap's key, added to older files too.
  grep -q '^TOC_TRAP_KEY=' "$file" \
    || echo "TOC_TRAP_KEY=$(node -e 'console.log(require("crypto").randomBytes(18).toString("base64url"))')" >> "$file"
  local line name
  while IFS= read -r line; do
    name="${line%%=*}"
    [ -n "${!name:-}" ] || export "$line"
  done < "$file"
}

# start_process NAME COMMAND...: runs COMMAND under the restart-with-backoff supervisor, logging to LOG_DIR.
start_process() {
  local name="$1"; shift
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  if [ -f "$RUN_DIR/$name.pid" ] && kill -0 "$(cat "$RUN_DIR/$name.pid")" 2>/dev/null; then
    say "$name already running (pid $(cat "$RUN_DIR/$name.pid"))"
    return
  fi
  rm -f "$RUN_DIR/$name.pid"
  # setsid may fork, so $! is not the supervisor: it writes its own pid (it leads its own process group).
  (cd "$REPO_ROOT" && SUPERVISE_PIDFILE="$RUN_DIR/$name.pid" setsid nohup bash "$REPO_ROOT/infra/scripts/supervise.sh" "$name" "$@" \
    >>"$LOG_DIR/$name.log" 2>&1 &)
  for _ in $(seq 1 50); do [ -s "$RUN_DIR/$name.pid" ] && break; sleep 0.1; done
  say "$name started (log: $LOG_DIR/$name.log)"
}

stop_process() {
  local name="$1" pidfile="$RUN_DIR/$1.pid"
  [ -f "$pidfile" ] || return 0
  local pid; pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    say "$name stopped"
  fi
  rm -f "$pidfile"
}

wait_for_url() {
  local url="$1" seconds="$2"
  for _ in $(seq 1 "$seconds"); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    sleep 1
  done
  return 1
}
