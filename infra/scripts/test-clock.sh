#!/usr/bin/env bash
# `npm run test:clock`: the whole `npm test` (services, system and browser included) under libfaketime at fixed instants.
#
# Each instant starts the clock there and lets it run; every process the suite starts (PostgreSQL, the server, the
# workers, ffmpeg; not Redis, see services.sh) reads the same moved wall clock, and the browser's pages their Date
# moved alike (web/e2e/shifted-clock.ts), so a test that depends on the hour fails here, not in CI. Each instant's output goes to test-output/clock-<instant>.log; a summary comes last.
#
#   npm run test:clock                                  # the default instants below, in order
#   npm run test:clock -- '2027-01-01 00:30'            # chosen Bangkok wall-clock instants ('YYYY-MM-DD HH:MM')
#
# Default instants (Bangkok time, UTC+7), in the coming weeks:
# 00:30, 23:50, 03:00 and 12:00 on the next Tuesday, 09:00 on the Sunday after it, and 00:30 on the next 1 January.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

if ! command -v faketime >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    say "installing faketime"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends faketime >/dev/null ||
      { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends faketime >/dev/null; }
  else
    die "faketime is missing; install it with: sudo apt-get install -y faketime"
  fi
fi

# Packages, npm modules and the camera simulator's transcoded clips are prepared once at the real time: apt refuses
# package lists "not valid yet" under a clock moved back, and transcoding under every instant would waste minutes.
require_node
install_node_modules
say "typecheck and lint (once, at the real time)"
(cd "$REPO_ROOT" && node_modules/.bin/turbo run typecheck --output-logs=errors-only && node_modules/.bin/eslint .)
export SKIP_STATIC_CHECKS=1

# 'YYYY-MM-DD HH:MM' in Bangkok → seconds since the epoch.
epoch_of_bangkok() { date -d "$1 +0700" +%s; }

default_instants() {
  local tuesday sunday year
  tuesday="$(TZ=Asia/Bangkok date -d 'next tuesday' +%F)"
  sunday="$(TZ=Asia/Bangkok date -d "$tuesday +5 days" +%F)"
  year="$(TZ=Asia/Bangkok date -d "$sunday +1 day" +%Y)"
  # The ones most likely to break first: just after and just before Bangkok midnight.
  printf '%s\n' "$tuesday 00:30" "$tuesday 23:50" "$tuesday 03:00" "$sunday 09:00" "$tuesday 12:00" "$((year + 1))-01-01 00:30"
}

if [ "$#" -gt 0 ]; then instants=("$@"); else mapfile -t instants < <(default_instants); fi

# Its own data folder, emptied before each instant (but for the transcoded clips) so every run starts as CI does and
# no run sees rows a later clock wrote; `npm test`'s own folder never gets rows from a moved clock.
export TEST_DATA_DIR="${TEST_DATA_DIR:-$REPO_ROOT/.data-clock}"
case "$(basename "$TEST_DATA_DIR")" in .data*) ;; *) die "TEST_DATA_DIR must be a .data* folder (it is emptied): $TEST_DATA_DIR" ;; esac
# The camera simulator's clips, transcoded once by `npm test`, are the same here.
if [ ! -d "$TEST_DATA_DIR/rtsp-cache" ] && [ -d "$REPO_ROOT/.data-test/rtsp-cache" ]; then
  mkdir -p "$TEST_DATA_DIR" && cp -r "$REPO_ROOT/.data-test/rtsp-cache" "$TEST_DATA_DIR/"
fi
results=()
for instant in "${instants[@]}"; do
  target="$(epoch_of_bangkok "$instant")" || die "not an instant: '$instant' (want 'YYYY-MM-DD HH:MM', Bangkok time)"
  say "npm test at Bangkok $instant, $(TZ=Asia/Bangkok date -d "$instant +0700" +%A)"
  TOC_DATA_DIR="$TEST_DATA_DIR" bash "$REPO_ROOT/infra/scripts/services.sh" stop >/dev/null 2>&1 || true
  mkdir -p "$TEST_DATA_DIR"
  find "$TEST_DATA_DIR" -mindepth 1 -maxdepth 1 ! -name rtsp-cache -exec rm -rf {} +
  log="$REPO_ROOT/test-output/clock-${instant// /T}.log"
  mkdir -p "$(dirname "$log")"
  # An offset from the real clock, not faketime's '@' (which starts every new process at the instant again, so a
  # worker spawned a minute later would run a minute behind the test). Monotonic clocks stay real: timers and
  # timeouts behave as in CI; only the wall clock moves.
  offset=$((target - $(date +%s)))
  # Chromium runs outside libfaketime (it crawls under it) and moves its pages' Date by this (web/e2e/shifted-clock.ts).
  export TEST_CLOCK_OFFSET_S="$offset"
  if FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f "$(printf '%+d' "$offset")" bash "$REPO_ROOT/infra/scripts/test.sh" 2>&1 | tee "$log"; then
    results+=("pass  Bangkok $instant")
  else
    results+=("FAIL  Bangkok $instant (log: $log)")
  fi
done
printf '[toc] %s\n' "${results[@]}"
if printf '%s\n' "${results[@]}" | grep -q '^FAIL'; then exit 1; fi
say "npm test passed at every instant"
