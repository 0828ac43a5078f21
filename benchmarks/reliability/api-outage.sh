#!/usr/bin/env bash
# The API gone for OUTAGE_SECONDS (default 300) mid-harvest, with production timings of the client (retries, circuit
# breaker: 60 s sampling, 30 s break) and of the harvest (parked partitions retried after 1 min, doubling to 15 min):
# runs ApiOutageTests with every API answer failing for that long, and prints how many requests failed, how often
# the circuit opened, and how long after the API came back the run completed (equal to the simulator's truth,
# nothing parked, or the test fails).
#
#   benchmarks/reliability/api-outage.sh               # or OUTAGE_SECONDS=60 benchmarks/reliability/api-outage.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

dotnet build tests/PHDB.Harvest.Tests -v q -nologo >/dev/null
cd tests/PHDB.Harvest.Tests
start=$(date +%s)
PHDB_API_OUTAGE_SECONDS=${OUTAGE_SECONDS:-300} PHDB_API_OUTAGE_PRODUCTION_TIMINGS=1 \
  dotnet run --no-build -- -class "*ApiOutageTests" -showliveoutput 2>&1 |
  grep -a -E "\[OUTPUT\]|\[FAIL\]|Total:" | sed -e 's/\x1b\[[0-9;]*m//g'
echo "wall clock: $(($(date +%s) - start)) s"
