#!/usr/bin/env bash
# The API gone for 5 minutes (every answer a 500 SERVER_ERROR from the simulator) mid-harvest, with one silo frozen
# for 60 s during it: the harvest's circuit opens (few requests reach the API), nothing stays parked, the harvest
# resumes when the API is back and the run completes equal to the simulator's truth, with 0 429s.
#
#   benchmarks/reliability/outage.sh             (SCALE=3000 posts; OUTAGE=300 and FREEZE=60 seconds)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SCENARIO=outage
OUTAGE=${OUTAGE:-300}
FREEZE=${FREEZE:-60}
build
apphost_start
wait_silos 2
wait_posts 600 200
victim=$(silo_pids | sed -n 1p)
silo_status_of "$victim" >/dev/null
read -r requests_before _ _ <<<"$(sim_counts)"
say "API down: every answer a 500 for ${OUTAGE} s ($(sql 'select count(*) from posts') posts stored)"
sim faults -X PUT -H 'Content-Type: application/json' -d '{"serverErrorRate":1}' >/dev/null
down_at=$SECONDS
sleep 30
say "SIGSTOP silo $victim for ${FREEZE} s"
kill -STOP "$victim"
EXTRA_PIDS=$victim
sleep "$FREEZE"
kill -CONT "$victim"
say "SIGCONT silo $victim (membership status $(silo_status_of "$victim"))"
sleep $((OUTAGE - FREEZE - 30))
sim faults -X PUT -H 'Content-Type: application/json' -d '{"serverErrorRate":0}' >/dev/null
up_at=$SECONDS
read -r requests_after _ _ <<<"$(sim_counts)"
during=$((requests_after - requests_before))
say "API back after $((up_at - down_at)) s; $during requests reached it meanwhile; run: $(status_json | jq -c .run)"
thawed=$( [[ -z "$(alive "$victim")" ]] && echo "ended itself" || echo "running (membership status $(silo_status_of "$victim"))")
if ! wait_completed 1800; then fail "the run did not complete within 30 min of the API's return: $RUN (log $LOG)"; fi
completed_after=$((SECONDS - up_at))
read -r requests limited faults <<<"$(sim_counts)"
parked=$(jq -r '.parked' <<<"$RUN")
sets=$(truth)
line="${OUTAGE} s of 500s, one silo frozen ${FREEZE} s in it (then: $thawed); $during requests during the outage; run completed ${completed_after} s after the API came back; truth $sets sets equal; $parked parked; $limited 429s; $faults faults answered"
if [[ "$parked" == 0 && "$limited" == 0 && "${sets%/*}" == "${sets#*/}" && -n "$sets" ]]; then
  result "$SCENARIO PASS $line"
else
  cat "$WORK/truth.txt" >&2
  fail "$line (log $LOG)"
fi
