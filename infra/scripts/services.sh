#!/usr/bin/env bash
# Installs if missing, then starts / stops / reports the real local services used by development and tests: PostgreSQL 15 + PostGIS, Redis, and a simulated RTSP camera.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: infra/scripts/services.sh {start|stop|status}

  start   install missing packages (as root), start PostgreSQL+PostGIS, Redis and the RTSP camera
          simulator on 127.0.0.1, write $TOC_DATA_DIR/env (DATABASE_URL, REDIS_URL, RTSP_BASE, CAMERA_SECRET_KEY)
  stop    stop only what this script started (from its pid files)
  status  one line per service; exit 0 when every local service runs, 3 otherwise

environment (all optional):
  TOC_DATA_DIR  data, logs and pid files       (default <repo>/.data)
  PG_PORT       PostgreSQL port                (default 55432)
  REDIS_PORT    Redis port                     (default 56379)
  RTSP_PORT     RTSP simulator port            (default 8554)
  SHARED_DIR    shared material                (default <repo>/../shared)
  MEDIA_DIR     videos served as cameras       (default $SHARED_DIR/media)
  DATABASE_URL  use this database: no local PostgreSQL is started or stopped
  REDIS_URL     use this Redis: no local Redis is started or stopped
EOF
}

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

absolute() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$PWD/$1" ;; esac; }

TOC_DATA_DIR="$(absolute "${TOC_DATA_DIR:-$REPO_ROOT/.data}")"
PG_PORT="${PG_PORT:-55432}"
REDIS_PORT="${REDIS_PORT:-56379}"
RTSP_PORT="${RTSP_PORT:-8554}"
SHARED_DIR="$(absolute "${SHARED_DIR:-$REPO_ROOT/../shared}")"
MEDIA_DIR="$(absolute "${MEDIA_DIR:-$SHARED_DIR/media}")"

PG_BIN=/usr/lib/postgresql/15/bin
PG_DIR="$TOC_DATA_DIR/pg"
PGDATA="$PG_DIR/data"
PG_RUN="$PG_DIR/run"   # unix socket dir: inside our data dir, so /var/run needs no setup
PG_LOG="$PG_DIR/postgres.log"
REDIS_DIR="$TOC_DATA_DIR/redis"
REDIS_PID="$REDIS_DIR/redis.pid"
RTSP_DIR="$TOC_DATA_DIR/rtsp"
RTSP_PID="$RTSP_DIR/rtsp_sim.pid"
RTSP_LOG="$RTSP_DIR/rtsp_sim.log"
RTSP_SIM="$REPO_ROOT/infra/rtsp/rtsp_sim.py"
RTSP_START_TIMEOUT="${RTSP_START_TIMEOUT:-300}"  # first start transcodes every video

LOCAL_DATABASE_URL="postgres://toc:toc@127.0.0.1:$PG_PORT/toc"
LOCAL_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"

die() { echo "services: error: $*" >&2; exit 1; }
say() { echo "services: $*"; }

for port_var in PG_PORT REDIS_PORT RTSP_PORT; do
  if ! [[ "${!port_var}" =~ ^[0-9]+$ ]] || ((${!port_var} < 1 || ${!port_var} > 65535)); then
    die "$port_var=${!port_var} is not a port number"
  fi
done

# A URL equal to what this script writes into $TOC_DATA_DIR/env is ours, not external:
# callers that sourced the env file must still be able to stop the local services.
external_pg() { [[ -n "${DATABASE_URL:-}" && "$DATABASE_URL" != "$LOCAL_DATABASE_URL" ]]; }
external_redis() { [[ -n "${REDIS_URL:-}" && "$REDIS_URL" != "$LOCAL_REDIS_URL" ]]; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True when the pid file names a live process whose command line contains the marker,
# so a recycled pid is never mistaken for ours.
pid_alive() {
  local pid_file="$1" marker="$2" pid
  [[ -s "$pid_file" ]] || return 1
  pid="$(tr -dc '0-9' <"$pid_file")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker"
}
pid_of() { tr -dc '0-9' <"$1"; }

# initdb/pg_ctl refuse to run as root; cd / because the caller's cwd may be unreadable to postgres.
as_pg() {
  if ((EUID == 0)); then (cd / && runuser -u postgres -- "$@"); else (cd / && "$@"); fi
}

# ---------------------------------------------------------------- packages

install_missing() {
  local need=() multiarch_glob='/usr/lib/*'
  if ! external_pg; then
    [[ -x "$PG_BIN/initdb" ]] || need+=(postgresql-15)
    [[ -f /usr/share/postgresql/15/extension/postgis.control ]] || need+=(postgresql-15-postgis-3)
  fi
  if ! external_redis; then
    command -v redis-server >/dev/null || need+=(redis-server)
  fi
  { command -v ffmpeg && command -v ffprobe; } >/dev/null || need+=(ffmpeg)
  compgen -G "$multiarch_glob/girepository-1.0/GstRtspServer-1.0.typelib" >/dev/null ||
    need+=(gstreamer1.0-rtsp gir1.2-gst-rtsp-server-1.0)
  [[ -x /usr/bin/python3 && -f /usr/lib/python3/dist-packages/gi/__init__.py ]] || need+=(python3-gi)
  [[ -f /usr/lib/python3/dist-packages/gi/overrides/Gst.py ]] || need+=(python3-gst-1.0)
  local plugin package
  for plugin in app:gstreamer1.0-plugins-base rtp:gstreamer1.0-plugins-good isomp4:gstreamer1.0-plugins-good \
    videoparsersbad:gstreamer1.0-plugins-bad x264:gstreamer1.0-plugins-ugly libav:gstreamer1.0-libav; do
    package="${plugin#*:}"
    compgen -G "$multiarch_glob/gstreamer-1.0/libgst${plugin%%:*}.so" >/dev/null || need+=("$package")
  done
  command -v chromium >/dev/null || need+=(chromium)
  command -v pdftoppm >/dev/null || need+=(poppler-utils)
  # Info-ZIP's unzip: the evidence tests check packages with the tool a receiver is likely to use.
  command -v unzip >/dev/null || need+=(unzip)
  # GDAL's ogrinfo: the OGC API tests read the crash service with the client QGIS is built on.
  command -v ogrinfo >/dev/null || need+=(gdal-bin)
  ((${#need[@]})) || return 0

  mapfile -t need < <(printf '%s\n' "${need[@]}" | awk '!seen[$0]++')
  if ((EUID != 0)); then
    echo "services: missing packages; install them with:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
    exit 1
  fi
  say "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine often has stale or empty package lists: refresh only when the first try fails.
  apt-get install -y --no-install-recommends "${need[@]}" ||
    { apt-get update && apt-get install -y --no-install-recommends "${need[@]}"; } ||
    die "apt-get install ${need[*]} failed"
}

# ---------------------------------------------------------------- PostgreSQL

pg_running() { [[ -f "$PGDATA/PG_VERSION" ]] && as_pg "$PG_BIN/pg_ctl" status -D "$PGDATA" >/dev/null 2>&1; }
pg_running_port() { sed -n 4p "$PGDATA/postmaster.pid" 2>/dev/null || true; }

pg_start() {
  if external_pg; then say "postgres: external (DATABASE_URL), not started"; return; fi
  mkdir -p "$PG_DIR"
  ((EUID == 0)) && chown postgres:postgres "$PG_DIR"
  chmod 700 "$PG_DIR"
  if ! as_pg test -w "$PG_DIR"; then
    local dir="$PG_DIR"
    while [[ "$dir" != / ]] && ! as_pg test -x "$(dirname "$dir")"; do dir="$(dirname "$dir")"; done
    die "the postgres user cannot reach $PG_DIR: $dir is not accessible to it; chmod o+x it or set TOC_DATA_DIR to a path such as /tmp/toc-data"
  fi

  if pg_running; then
    local running_port
    running_port="$(pg_running_port)"
    [[ "$running_port" == "$PG_PORT" ]] ||
      die "PostgreSQL from $PGDATA already runs on port $running_port; stop it (PG_PORT=$running_port $0 stop) or use PG_PORT=$running_port"
    say "postgres: already running on 127.0.0.1:$PG_PORT"
  else
    port_open "$PG_PORT" && die "port $PG_PORT is in use by another process; set PG_PORT to a free port"
    if [[ ! -f "$PGDATA/PG_VERSION" ]]; then
      rm -rf "$PGDATA"  # leftovers of an interrupted initdb
      # Local socket connections are trusted (the socket dir is private to postgres); TCP needs the password.
      as_pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$PG_DIR/initdb.log" 2>&1 ||
        { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
      echo "include_if_exists = 'toc.conf'" >>"$PGDATA/postgresql.conf"
    fi
    as_pg mkdir -p "$PG_RUN"
    as_pg chmod 700 "$PG_RUN"
    # Rewritten on every start so a changed PG_PORT takes effect; a file (not pg_ctl -o) copes with spaces in paths.
    printf "port = %s\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\n" \
      "$PG_PORT" "${PG_RUN//\'/\'\'}" | as_pg tee "$PGDATA/toc.conf" >/dev/null
    # 9>&-: daemons must not inherit the lock fd, or they would hold the lock for their whole life.
    as_pg "$PG_BIN/pg_ctl" start -D "$PGDATA" -l "$PG_LOG" -w -t 60 -s 9>&- ||
      { tail -n 20 "$PG_LOG" >&2; die "PostgreSQL did not start (log: $PG_LOG)"; }
    say "postgres: started on 127.0.0.1:$PG_PORT"
  fi

  # Idempotent, so an interrupted first start is repaired by the next one. PostGIS is created by the
  # superuser (the app role need not be one); in template1 too, so databases that toc creates for
  # isolated tests have it.
  as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_RUN" -p "$PG_PORT" -U postgres -d template1 <<'SQL' >/dev/null
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS postgis;
SELECT 'CREATE ROLE toc LOGIN CREATEDB PASSWORD ''toc'''
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'toc')\gexec
SELECT 'CREATE DATABASE toc OWNER toc'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'toc')\gexec
\connect toc
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS postgis;
SQL
}

pg_stop() {
  if external_pg; then say "postgres: external (DATABASE_URL), not stopped"; return; fi
  if pg_running; then
    as_pg "$PG_BIN/pg_ctl" stop -D "$PGDATA" -m fast -w -t 60 -s
    say "postgres: stopped"
  else
    say "postgres: not running"
  fi
}

pg_status() {
  if external_pg; then echo "postgres  external  DATABASE_URL"; return 0; fi
  if pg_running; then
    echo "postgres  running   127.0.0.1:$(pg_running_port)  pid $(sed -n 1p "$PGDATA/postmaster.pid")"
  else
    echo "postgres  stopped   127.0.0.1:$PG_PORT"; return 1
  fi
}

# ---------------------------------------------------------------- Redis

redis_cli() { timeout 5 env -u LD_PRELOAD redis-cli -h 127.0.0.1 -p "$REDIS_PORT" "$@" 2>/dev/null; }
# "Ours" = the server on that port keeps its files in our redis dir.
redis_is_ours() { [[ "$(redis_cli --raw config get dir | sed -n 2p)" == "$REDIS_DIR" ]]; }

redis_start() {
  if external_redis; then say "redis: external (REDIS_URL), not started"; return; fi
  mkdir -p "$REDIS_DIR"
  if pid_alive "$REDIS_PID" redis-server; then
    redis_is_ours ||
      die "Redis from $REDIS_DIR (pid $(pid_of "$REDIS_PID")) is not serving port $REDIS_PORT; stop it first or set REDIS_PORT"
    say "redis: already running on 127.0.0.1:$REDIS_PORT"
    return
  fi
  if port_open "$REDIS_PORT"; then
    redis_is_ours || die "port $REDIS_PORT is in use by another process; set REDIS_PORT to a free port"
    redis_cli --raw info server | sed -n 's/^process_id:\([0-9]*\).*/\1/p' >"$REDIS_PID"  # ours, pid file was lost
    say "redis: already running on 127.0.0.1:$REDIS_PORT"
    return
  fi
  rm -f "$REDIS_PID"
  # Never under libfaketime (`npm run test:clock`): redis-server (and redis-cli) hang in their allocator's first
  # clock_gettime. Redis's clock only runs key expiry and orders stream ids, which nothing reads as a wall-clock time.
  env -u LD_PRELOAD redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$REDIS_PID" --logfile "$REDIS_DIR/redis.log" --dir "$REDIS_DIR" 9>&- ||
    die "redis-server failed to start (log: $REDIS_DIR/redis.log)"
  local i
  for ((i = 0; i < 100; i++)); do
    [[ "$(redis_cli ping)" == PONG ]] && { say "redis: started on 127.0.0.1:$REDIS_PORT"; return; }
    sleep 0.1
  done
  tail -n 20 "$REDIS_DIR/redis.log" >&2
  die "Redis did not answer on port $REDIS_PORT"
}

# A daemon whose parent is init stays a zombie until init reaps it: exited all the same.
exited() {
  local state
  state="$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)"
  [[ -z "$state" || "$state" == Z ]]
}

# Waits for a pid to exit after a graceful request; SIGKILL if it lingers.
await_exit() {
  local pid="$1" i
  for ((i = 0; i < 100; i++)); do exited "$pid" && return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

# Stops a process we started (by its pid file), gracefully first.
stop_pid_file() {
  local pid_file="$1" marker="$2" name="$3" pid
  if pid_alive "$pid_file" "$marker"; then
    pid="$(pid_of "$pid_file")"
    kill -TERM "$pid" 2>/dev/null || true
    await_exit "$pid"
    say "$name: stopped"
  else
    say "$name: not running"
  fi
  rm -f "$pid_file"
}

redis_stop() {
  if external_redis; then say "redis: external (REDIS_URL), not stopped"; return; fi
  if pid_alive "$REDIS_PID" redis-server; then
    local pid
    pid="$(pid_of "$REDIS_PID")"
    # nosave: dev/test data is disposable; SIGTERM when the port is not answering as ours.
    if redis_is_ours; then redis_cli shutdown nosave >/dev/null || true; else kill -TERM "$pid" 2>/dev/null || true; fi
    await_exit "$pid"
    say "redis: stopped"
  else
    say "redis: not running"
  fi
  rm -f "$REDIS_PID"
}

redis_status() {
  if external_redis; then echo "redis     external  REDIS_URL"; return 0; fi
  if pid_alive "$REDIS_PID" redis-server; then
    echo "redis     running   127.0.0.1:$REDIS_PORT  pid $(pid_of "$REDIS_PID")"
  else
    echo "redis     stopped   127.0.0.1:$REDIS_PORT"; return 1
  fi
}

# ---------------------------------------------------------------- RTSP camera simulator

# The mount the readiness check reads: the street clip when present, else the first video.
probe_mount() {
  local first=""
  first="$(find "$MEDIA_DIR" -maxdepth 1 -type f \( -iname '*.mp4' -o -iname '*.avi' -o -iname '*.mkv' -o -iname '*.mov' \) \
    -printf '%f\n' 2>/dev/null | sort | sed -n 1p)"
  [[ -n "$first" ]] || return 1
  [[ -f "$MEDIA_DIR/odc_street_traffic_640x360_30fps.mp4" ]] && first=odc_street_traffic_640x360_30fps.mp4
  printf '%s\n' "${first%.*}"
}

rtsp_readable() {
  timeout 15 ffprobe -v error -rtsp_transport tcp -i "rtsp://127.0.0.1:$RTSP_PORT/$1" >/dev/null 2>&1
}

rtsp_start() {
  local mount
  [[ -d "$MEDIA_DIR" ]] || die "MEDIA_DIR $MEDIA_DIR does not exist (set MEDIA_DIR or SHARED_DIR)"
  mount="$(probe_mount)" || die "no videos (*.mp4, *.avi, *.mkv, *.mov) in MEDIA_DIR $MEDIA_DIR"
  mkdir -p "$RTSP_DIR"
  if pid_alive "$RTSP_PID" rtsp_sim.py; then
    rtsp_readable "$mount" ||
      die "the RTSP simulator (pid $(pid_of "$RTSP_PID")) does not serve port $RTSP_PORT; stop it first or set RTSP_PORT (log: $RTSP_LOG)"
    say "rtsp: already running on 127.0.0.1:$RTSP_PORT"
    return
  fi
  port_open "$RTSP_PORT" && die "port $RTSP_PORT is in use by another process; set RTSP_PORT to a free port"

  # setsid: the simulator must outlive this script and ignore Ctrl-C sent to the caller's terminal.
  setsid /usr/bin/python3 "$RTSP_SIM" --port "$RTSP_PORT" --media-dir "$MEDIA_DIR" \
    --cache-dir "$TOC_DATA_DIR/rtsp-cache" </dev/null >"$RTSP_LOG" 2>&1 9>&- &
  echo $! >"$RTSP_PID"
  local pid deadline=$((SECONDS + RTSP_START_TIMEOUT))
  pid="$(pid_of "$RTSP_PID")"
  until port_open "$RTSP_PORT" && rtsp_readable "$mount"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$RTSP_PID"
      tail -n 20 "$RTSP_LOG" >&2
      die "the RTSP simulator exited (log: $RTSP_LOG)"
    fi
    if ((SECONDS > deadline)); then
      stop_pid_file "$RTSP_PID" rtsp_sim.py rtsp >/dev/null
      die "the RTSP simulator was not readable within ${RTSP_START_TIMEOUT}s (log: $RTSP_LOG)"
    fi
    sleep 0.3
  done
  say "rtsp: started on 127.0.0.1:$RTSP_PORT ($(grep -c 'serving rtsp://' "$RTSP_LOG") streams)"
}

rtsp_status() {
  if pid_alive "$RTSP_PID" rtsp_sim.py; then
    echo "rtsp      running   127.0.0.1:$RTSP_PORT  pid $(pid_of "$RTSP_PID")"
  else
    echo "rtsp      stopped   127.0.0.1:$RTSP_PORT"; return 1
  fi
}

# ---------------------------------------------------------------- commands

# Plain when the value is shell-safe, else single-quoted: both bash and dotenv readers understand that.
env_line() {
  if [[ "$2" =~ ^[A-Za-z0-9_@%+=:,./-]*$ ]]; then
    printf '%s=%s\n' "$1" "$2"
  else
    printf "%s='%s'\n" "$1" "${2//\'/\'\\\'\'}"
  fi
}

# The key that seals camera credentials at rest: CAMERA_SECRET_KEY when given, else made once for this data folder.
camera_secret_key() {
  local file="$TOC_DATA_DIR/camera-secret.key"
  if [ -n "${CAMERA_SECRET_KEY:-}" ]; then printf '%s' "$CAMERA_SECRET_KEY"; return; fi
  [ -s "$file" ] || (umask 077 && node -e 'console.log(require("crypto").randomBytes(32).toString("base64"))' >"$file")
  tr -d '\n' <"$file"
}

write_env() {
  local tmp="$TOC_DATA_DIR/env.tmp.$$"
  (
    umask 077  # it holds the camera key
    {
      env_line DATABASE_URL "${DATABASE_URL:-$LOCAL_DATABASE_URL}"
      env_line REDIS_URL "${REDIS_URL:-$LOCAL_REDIS_URL}"
      env_line RTSP_BASE "rtsp://127.0.0.1:$RTSP_PORT"
      env_line CAMERA_SECRET_KEY "$(camera_secret_key)"
    } >"$tmp"
  )
  mv -f "$tmp" "$TOC_DATA_DIR/env"  # atomic: a concurrent reader never sees half a file
  grep -v '^CAMERA_SECRET_KEY=' "$TOC_DATA_DIR/env"
}

# Serialises start/stop so two test runs cannot initialise the same cluster at once.
lock() {
  exec 9>"$TOC_DATA_DIR/.services.lock"
  flock -w 600 9 || die "another services.sh holds $TOC_DATA_DIR/.services.lock"
}

# Fails before anything starts when a port belongs to someone else, so a half-started set is never left behind.
check_ports() {
  if ! external_pg && ! pg_running && port_open "$PG_PORT"; then
    die "port $PG_PORT is in use by another process; set PG_PORT to a free port"
  fi
  if ! external_redis && ! pid_alive "$REDIS_PID" redis-server && port_open "$REDIS_PORT" && ! redis_is_ours; then
    die "port $REDIS_PORT is in use by another process; set REDIS_PORT to a free port"
  fi
  if ! pid_alive "$RTSP_PID" rtsp_sim.py && port_open "$RTSP_PORT"; then
    die "port $RTSP_PORT is in use by another process; set RTSP_PORT to a free port"
  fi
}

cmd_start() {
  local created=0
  [[ -d "$TOC_DATA_DIR" ]] || { mkdir -p "$TOC_DATA_DIR"; created=1; }
  ((created)) && chmod 755 "$TOC_DATA_DIR"  # postgres must traverse it when we run as root
  lock
  install_missing
  check_ports
  pg_start
  redis_start
  rtsp_start
  write_env
}

cmd_stop() {
  [[ -d "$TOC_DATA_DIR" ]] || { say "nothing to stop ($TOC_DATA_DIR does not exist)"; return; }
  lock
  stop_pid_file "$RTSP_PID" rtsp_sim.py rtsp
  redis_stop
  pg_stop
}

cmd_status() {
  local rc=0
  pg_status || rc=3
  redis_status || rc=3
  rtsp_status || rc=3
  return "$rc"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac
