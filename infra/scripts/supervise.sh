#!/usr/bin/env bash
# Keeps one process running: restarts it with exponential backoff when it exits, stops it on TERM.
set -u
name="$1"; shift
[ -n "${SUPERVISE_PIDFILE:-}" ] && echo $$ > "$SUPERVISE_PIDFILE"
delay=1
child=""
trap '[ -n "$child" ] && kill -TERM "$child" 2>/dev/null; wait "$child" 2>/dev/null; exit 0' TERM INT
while true; do
  started=$(date +%s)
  "$@" &
  child=$!
  wait "$child"
  code=$?
  # A process that ran for a while before failing starts again quickly; a crash loop backs off to 60 s.
  if [ $(( $(date +%s) - started )) -gt 60 ]; then delay=1; fi
  echo "[supervise] $name exited with $code; restarting in ${delay}s"
  sleep "$delay"
  delay=$(( delay * 2 > 60 ? 60 : delay * 2 ))
done
