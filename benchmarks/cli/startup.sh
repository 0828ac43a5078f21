#!/usr/bin/env bash
# How long `phdb` takes from process start to its output: `--help`, and `status` against a running PHDB (found
# through the AppHost's runtime file, or PHDB_DATABASE). Each is run RUNS times (default 5) after one warm-up; the
# median is reported, with `phdb --version` (the same process start, no work) as the baseline of the same run.
#
#   dotnet run --project PHDB.AppHost &          # in another terminal, and wait until it is up
#   benchmarks/cli/startup.sh                    # or RUNS=9 benchmarks/cli/startup.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

runs=${RUNS:-5}
dotnet build src/PHDB.Cli -c Release -v q -nologo >/dev/null
phdb=(dotnet src/PHDB.Cli/bin/Release/net10.0/phdb.dll)

median_ms() {
  local samples=()
  "${phdb[@]}" "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "${phdb[@]}" "$@" >/dev/null 2>&1 || { echo "phdb $* failed" >&2; exit 1; }
    end=$(date +%s%N)
    samples+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

baseline=$(median_ms --version)
help=$(median_ms --help)
status=$(median_ms status)
printf 'machine: %s cores, %s\n' "$(nproc)" "$(uname -sr)"
printf '%-16s %8s %8s\n' command "median" "x base"
printf '%-16s %6d ms %8s\n' "phdb --version" "$baseline" "1.00"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
printf '%-16s %6d ms %8s\n' "phdb --help" "$help" "$(ratio "$help" "$baseline")"
printf '%-16s %6d ms %8s\n' "phdb status" "$status" "$(ratio "$status" "$baseline")"
