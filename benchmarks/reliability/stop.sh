#!/usr/bin/env bash
# Every stop ends: the AppHost with its default silos, one silo killed (kill -9), then a stop. Every process the
# AppHost started (DCP, silos, console, simulator, migrator, PostgreSQL) must be gone within 15 s of it.
#
#   benchmarks/reliability/stop.sh [group-TERM|group-INT|apphost-TERM|apphost-INT ...]   (default: group-TERM
#   apphost-INT apphost-TERM). Prints one result line per case; exits 1 if a case failed.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
BOUND=15
cases=("$@")
if ((${#cases[@]} == 0)); then cases=(group-TERM apphost-INT apphost-TERM); fi
build
status=0
for case in "${cases[@]}"; do
  SCENARIO="stop/$case"
  target=${case%-*}
  signal=${case#*-}
  (
    apphost_start
    wait_silos 2
    victim=$(silo_pids | sed -n 1p)
    if [[ -z "$victim" ]]; then fail "no silo process found"; fi
    say "kill -9 silo $victim"
    kill -KILL "$victim"
    sleep 3
    pids=$(alive $(apphost_pids))
    say "$(echo "$pids" | wc -w) processes: $(for p in $pids; do tr '\0' ' ' <"/proc/$p/cmdline" | awk '{ n = $1; sub(".*/", "", n); printf "%s ", n }'; done)"
    if [[ $target == group ]]; then
      say "kill -$signal -- -$APPHOST_PID (the whole process group)"
      kill "-$signal" -- "-$APPHOST_PID"
    else
      apphost=$(for p in $pids; do if tr '\0' ' ' <"/proc/$p/cmdline" | grep -q 'PHDB.AppHost' && ! tr '\0' ' ' <"/proc/$p/cmdline" | grep -q ' run '; then echo "$p"; fi; done | sed -n 1p)
      say "kill -$signal $apphost (the AppHost alone)"
      kill "-$signal" "$apphost"
    fi
    if took=$(wait_gone "$BOUND" $pids); then
      result "$SCENARIO PASS all $(echo "$pids" | wc -w) processes gone ${took} s after SIG$signal (one silo killed with -9 before)"
    else
      fail "processes left ${BOUND} s after SIG$signal (log $LOG)"
    fi
  ) || status=1
done
exit $status
