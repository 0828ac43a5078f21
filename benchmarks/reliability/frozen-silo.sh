#!/usr/bin/env bash
# A silo frozen for 60 s (SIGSTOP, then SIGCONT) mid-harvest: it is declared dead, its work moves to the other silo,
# and once thawed it learns it is dead and ends (or rejoins) without stale or doubled writes. The run must complete
# with the database equal to the simulator's truth in every set, 0 partitions parked and 0 429s.
#
#   benchmarks/reliability/frozen-silo.sh        (SCALE=3000 posts by default; FREEZE=60 seconds)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SCENARIO=frozen-silo
FREEZE=${FREEZE:-60}
build
apphost_start
wait_silos 2
wait_posts 600 200
victim=$(silo_pids | sed -n 1p)
silo_status_of "$victim" >/dev/null
posts_at_freeze=$(sql 'select count(*) from posts')
say "SIGSTOP silo $victim with $posts_at_freeze posts stored"
kill -STOP "$victim"
EXTRA_PIDS=$victim
frozen_at=$SECONDS
dead_after=""
while ((SECONDS - frozen_at < FREEZE)); do
  if [[ -z "$dead_after" ]] && [[ "$(silo_status_of "$victim")" == 6 ]]; then dead_after=$((SECONDS - frozen_at)); fi
  sleep 1
done
say "SIGCONT silo $victim (declared dead after ${dead_after:-never} s)"
kill -CONT "$victim"
thawed_at=$SECONDS
ended_after=""
while ((SECONDS - thawed_at < 60)); do
  if [[ -z "$(alive "$victim")" ]]; then ended_after=$((SECONDS - thawed_at)); break; fi
  sleep 1
done
after_thaw=$( [[ -n "$ended_after" ]] && echo "ended itself ${ended_after} s after SIGCONT" || echo "still running 60 s after SIGCONT (membership status $(silo_status_of "$victim"))")
say "the thawed silo $after_thaw"
if ! wait_completed 1800; then fail "the run did not complete within 30 min of the thaw: $RUN (log $LOG)"; fi
completed_after=$((SECONDS - thawed_at))
read -r requests limited faults <<<"$(sim_counts)"
parked=$(jq -r '.parked' <<<"$RUN")
sets=$(truth)
line="declared dead after ${dead_after:-never} s; thawed silo $after_thaw; run completed ${completed_after} s after the thaw; truth $sets sets equal; $parked parked; $limited 429s; $requests requests"
if [[ -n "$dead_after" && "$parked" == 0 && "$limited" == 0 && "${sets%/*}" == "${sets#*/}" && -n "$sets" ]]; then
  result "$SCENARIO PASS $line"
else
  cat "$WORK/truth.txt" >&2
  fail "$line (log $LOG)"
fi
