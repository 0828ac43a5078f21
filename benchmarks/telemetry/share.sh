#!/usr/bin/env bash
# The machine's share of each process during a full harvest of the default world by the AppHost's defaults, for each
# trace sample ratio given (default: 1, every trace exported, then 0.05, the default). For each ratio it starts the
# AppHost afresh, lets the harvest run WARMUP seconds (default 60), then measures SPAN seconds (default 180): CPU
# seconds by process (silos, PostgreSQL, simulator, dashboard, console, AppHost and DCP), rows written and requests
# answered. Prints one result line per ratio; runs as root like the AppHost itself.
#
#   benchmarks/telemetry/share.sh [ratio ...]      e.g. benchmarks/telemetry/share.sh 1 0.05
export SCALE=${SCALE:-50000}
source "$(dirname "${BASH_SOURCE[0]}")/../reliability/lib.sh"
WARMUP=${WARMUP:-60}
SPAN=${SPAN:-180}
ratios=("$@")
if ((${#ratios[@]} == 0)); then ratios=(1 0.05); fi
TICKS=$(getconf CLK_TCK)

# "pid category ticks" for every process of the AppHost; PostgreSQL's postmaster also counts its ended backends.
cpu_ticks() {
  local p exe args
  for p in $(apphost_pids); do
    [[ -r /proc/$p/stat ]] || continue
    exe=$(readlink "/proc/$p/exe" 2>/dev/null || true)
    args=$(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null || true)
    case "$exe $args" in
      *PHDB.Silo*) category=silos ;;
      *Aspire.Dashboard*) category=dashboard ;;
      */postgres*) category=postgres ;;
      *PHDB.Simulator*) category=simulator ;;
      *PHDB.Admin*) category=console ;;
      *) category=apphost ;;
    esac
    # Fields after the command name (which may hold spaces): utime is the 14th field, cutime the 16th.
    sed 's/^.*) //' "/proc/$p/stat" 2>/dev/null | awk -v pid="$p" -v c="$category" \
      '{ t = $12 + $13; if (c == "postgres") t += $14 + $15; print pid, c, t }'
  done
}

rows_written() { sql "select coalesce(sum(n_tup_ins + n_tup_upd), 0) from pg_stat_user_tables"; }

build
status=0
for ratio in "${ratios[@]}"; do
  SCENARIO="telemetry/ratio-$ratio"
  (
    # Each ratio's AppHost has a work directory of its own: the last one's was removed as it ended.
    WORK=$(mktemp -d /tmp/phdb-reliability.XXXXXX)
    chmod 755 "$WORK"
    LOG="$WORK/apphost.log"
    apphost_start Telemetry__Traces__SampleRatio="$ratio"
    wait_silos 2
    wait_posts 600 1
    say "harvest running; warming up ${WARMUP} s"
    sleep "$WARMUP"
    before=$(cpu_ticks)
    rows0=$(rows_written)
    read -r requests0 limited0 _ < <(sim_counts)
    start=$(date +%s%N)
    say "measuring ${SPAN} s"
    sleep "$SPAN"
    after=$(cpu_ticks)
    rows1=$(rows_written)
    read -r requests1 limited1 _ < <(sim_counts)
    seconds=$(awk -v ns=$(($(date +%s%N) - start)) 'BEGIN { printf "%.1f", ns / 1e9 }')
    # CPU seconds per category: each process's ticks at the end less those at the start (0 for a new one).
    shares=$(awk -v hz="$TICKS" -v rows=$((rows1 - rows0)) -v span="$seconds" '
      FNR == NR { start[$1] = $3; next }
      { used[$2] += $3 - ($1 in start ? start[$1] : 0) }
      END {
        for (c in used) total += used[c]
        out = sprintf("cpu %.0f s (%.0f %% of 2 cores)", total / hz, 100 * total / hz / span / 2)
        n = split("silos postgres simulator dashboard console apphost", order, " ")
        for (i = 1; i <= n; i++) {
          c = order[i]
          out = out sprintf(", %s %.1f s %.1f %% %.2f s/1000 rows", c, used[c] / hz, 100 * used[c] / total, used[c] / hz * 1000 / rows)
        }
        print out
      }' <(echo "$before") <(echo "$after"))
    requests=$((requests1 - requests0))
    result "$SCENARIO over ${seconds} s: $((rows1 - rows0)) rows, $requests requests ($(awk -v r=$requests -v s=$seconds 'BEGIN { printf "%.1f", r / s }')/s), $((limited1 - limited0)) 429s; $shares"
  ) || status=1
done
exit $status
