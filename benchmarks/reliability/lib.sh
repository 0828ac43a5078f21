# Shared by the reliability scenarios: runs the real AppHost (its default silos, its PostgreSQL, the simulator) in a
# process group and data directory of its own, on free ports, and reads its state. Source it; do not run it.
# Runs as root on a machine with the PostgreSQL binaries, like the AppHost itself.

set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CONFIGURATION=${CONFIGURATION:-Debug}
RESULTS=${RESULTS:-}          # a file that result lines are appended to, if set
SCALE=${SCALE:-3000}          # posts in the simulated world
RATE_POINTS=${RATE_POINTS:-6250} # the simulated API's rate budget per 15-minute window (the live API's is 6,250)
WORK=$(mktemp -d /tmp/phdb-reliability.XXXXXX)
chmod 755 "$WORK" # PostgreSQL runs as postgres and must reach its data directory
APPHOST_PID=""
LOG="$WORK/apphost.log"

say() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# One result line on stdout (and in $RESULTS): scenario, outcome, measurements.
result() {
  printf '%s\n' "$*"
  if [[ -n "$RESULTS" ]]; then printf '%s\n' "$*" >>"$RESULTS"; fi
}

fail() {
  result "$SCENARIO FAIL $*"
  exit 1
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Builds what the scenarios run: the AppHost (with every project it starts), the CLI and the truth comparison.
build() {
  if [[ -z "${NO_BUILD:-}" ]]; then
    say "building"
    dotnet build "$REPO/PHDB.AppHost" -c "$CONFIGURATION" -v q -nologo >/dev/null
    dotnet build "$REPO/src/PHDB.Cli" -c "$CONFIGURATION" -v q -nologo >/dev/null
    dotnet build "$REPO/benchmarks/reliability/PHDB.Reliability.Truth" -c "$CONFIGURATION" -v q -nologo >/dev/null
  fi
}

# Starts `dotnet run --project PHDB.AppHost` in a session (and process group) of its own. Extra VAR=value arguments
# are passed to it as environment. Its data directory is $WORK/data. SIGINT and SIGQUIT get their default disposition
# back: a script's background job starts with them ignored, and .NET leaves an ignored SIGINT ignored.
apphost_start() {
  SIM_PORT=$(free_port)
  ADMIN_PORT=$(free_port)
  DATA=$(mktemp -d "$WORK/data.XXXX")
  chmod 755 "$DATA"
  say "starting the AppHost (data $DATA, simulator port $SIM_PORT, log $LOG)"
  (
    cd "$REPO"
    exec env DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development \
      ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
      ASPNETCORE_URLS="http://127.0.0.1:$(free_port)" \
      ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="http://127.0.0.1:$(free_port)" \
      ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://127.0.0.1:$(free_port)" \
      Phdb__DataDirectory="$DATA" Phdb__AdminPort="$ADMIN_PORT" Phdb__SimulatorPort="$SIM_PORT" \
      Parameters__admin-password="reliability-$(date +%s%N)" \
      Simulator__Scale="$SCALE" Simulator__Clock__Speed=0 Simulator__RateLimit__Points="$RATE_POINTS" \
      "$@" \
      env --default-signal=INT,QUIT setsid dotnet run --no-build -c "$CONFIGURATION" --no-launch-profile --project PHDB.AppHost
  ) >"$LOG" 2>&1 &
  APPHOST_PID=$!
  trap cleanup EXIT
}

# Every process of the AppHost's tree: the AppHost, DCP, the silos, console, simulator, migrator and PostgreSQL.
tree_pids() {
  local pids=("$1") i=0
  while ((i < ${#pids[@]})); do
    local children
    children=$(ps -o pid= --ppid "${pids[$i]}" 2>/dev/null || true)
    for c in $children; do pids+=("$c"); done
    i=$((i + 1))
  done
  printf '%s\n' "${pids[@]}"
}

# The pids among $@ still alive.
alive() {
  local p
  for p in "$@"; do
    if [[ -d /proc/$p ]] && [[ "$(awk '{print $3}' "/proc/$p/stat" 2>/dev/null)" != Z ]]; then echo "$p"; fi
  done
}

describe() { local p; for p in "$@"; do ps -o pid=,stat=,args= -p "$p" 2>/dev/null | cut -c1-150; done; }

# Every process of the running AppHost: its own tree, plus DCP, which detaches into sessions of its own (found by the
# AppHost pid it monitors), and everything in DCP's process groups (PostgreSQL, silos, console, simulator, migrator),
# including processes orphaned to init.
apphost_pids() {
  local pids app groups
  pids=$(tree_pids "$APPHOST_PID")
  for app in $pids; do
    for dcp in $(pgrep -f "dcp start-apiserver --monitor $app( |$)" || true); do pids="$pids $(tree_pids "$dcp")"; done
  done
  groups=$(for p in $pids; do ps -o pgid= -p "$p" 2>/dev/null; done | tr -d ' ' | sort -u | paste -sd'|' -)
  { echo $pids | tr ' ' '\n'; ps -eo pid=,pgid= | awk -v g="^($groups)$" '$2 ~ g { print $1 }'; } | sort -un
}

silo_pids() {
  local p
  for p in $(apphost_pids); do
    if [[ "$(readlink "/proc/$p/exe" 2>/dev/null)" == */PHDB.Silo ]]; then echo "$p"; fi
  done
}

runtime_value() { jq -r ".$1" "$DATA/runtime.json"; }

# The database as a psql connection string (from the runtime file's Npgsql connection string).
pg_url() {
  runtime_value connectionString | tr ';' '\n' | awk -F= '
    tolower($1)=="host"{h=$2} tolower($1)=="port"{p=$2} tolower($1)=="username"{u=$2}
    tolower($1)=="password"{w=$2} tolower($1)=="database"{d=$2}
    END { printf "postgresql://%s:%s@%s:%s/%s?connect_timeout=3\n", u, w, h, p, d }'
}

sql() { PGCONNECT_TIMEOUT=3 psql -qtAX "$(pg_url)" -c "$1" 2>/dev/null; }

# Waits (at most $2 seconds) until $1 silos are Active in the membership table.
wait_silos() {
  local want=$1 limit=${2:-900} start=$SECONDS
  until [[ -f "$DATA/runtime.json" ]] && [[ "$(sql 'select count(*) from orleans_membership where status = 3' || echo 0)" == "$want" ]]; do
    if ((SECONDS - start > limit)); then fail "the AppHost did not bring $want silos up within ${limit} s (log $LOG)"; fi
    if [[ -z "$(alive "$APPHOST_PID")" ]]; then fail "the AppHost exited while starting (log $LOG)"; fi
    sleep 2
  done
  say "$want silos Active after $((SECONDS - start)) s"
}

phdb() { PHDB_DATA_DIRECTORY="$DATA" dotnet "$REPO/src/PHDB.Cli/bin/$CONFIGURATION/net10.0/phdb.dll" "$@"; }

sim() { curl -fsS --max-time 10 "http://127.0.0.1:$SIM_PORT/_sim/$1" "${@:2}"; }

# Waits until every pid in $@ is gone, at most $LIMIT seconds; prints the seconds it took, or fails naming those left.
wait_gone() {
  local limit=$1
  shift
  local start left p before=" $* "
  local -A name
  for p in "$@"; do name[$p]=$({ tr '\0\n' '  ' <"/proc/$p/cmdline"; } 2>/dev/null | awk '{ n = $1; sub(".*/", "", n); if (n == "dotnet" || n == "sh") n = n " " $2; print substr(n, 1, 40) }'); done
  start=$(date +%s%N)
  while true; do
    left=$(alive "$@")
    for p in $before; do
      if [[ " $(echo $left) " != *" $p "* ]]; then
        say "  gone after $(awk -v ns=$(($(date +%s%N) - start)) 'BEGIN { printf "%.1f", ns / 1e9 }') s: $p ${name[$p]:-}"
        before=${before/ $p / }
      fi
    done
    if [[ -z "$left" ]]; then
      awk -v ns=$(($(date +%s%N) - start)) 'BEGIN { printf "%.1f\n", ns / 1e9 }'
      return 0
    fi
    if (($(date +%s%N) - start > limit * 1000000000)); then
      say "still running after ${limit} s:"
      describe $left >&2
      return 1
    fi
    sleep 0.2
  done
}

cleanup() {
  local pids
  pids=$(alive $(if [[ -n "$APPHOST_PID" ]]; then apphost_pids; fi) ${EXTRA_PIDS:-} || true)
  if [[ -n "$pids" ]]; then
    kill -CONT $pids 2>/dev/null || true
    kill -KILL $pids 2>/dev/null || true
  fi
  if [[ -z "${KEEP:-}" ]]; then rm -rf "$WORK"; fi
}

status_json() { phdb status --json 2>/dev/null || echo '{}'; }

# Waits (at most $1 seconds) until the harvest has stored at least $2 posts; fails otherwise.
wait_posts() {
  local limit=$1 want=$2 start=$SECONDS
  until (($(sql 'select count(*) from posts' || echo 0) >= want)); do
    if ((SECONDS - start > limit)); then fail "fewer than $want posts stored after ${limit} s (log $LOG)"; fi
    sleep 2
  done
}

# Waits (at most $1 seconds) until the current run has completed; sets RUN to `phdb status --json`'s run.
wait_completed() {
  local limit=$1 start=$SECONDS
  while true; do
    RUN=$(status_json | jq -c '.run // {}')
    if [[ "$(jq -r '.phase // ""' <<<"$RUN")" == completed ]]; then return 0; fi
    if ((SECONDS - start > limit)); then return 1; fi
    sleep 5
  done
}

# Requests, 429s and faults the simulator answered so far, summed over applications: "requests rateLimited faults".
sim_counts() {
  sim stats | jq -r '[.applications[]] | "\(map(.requests) | add // 0) \(map(.rateLimited) | add // 0) \(map(.faults) | add // 0)"'
}

# Membership status of the silo process $1 (found by the ports it listens on): 3 Active, 4-5 stopping, 6 Dead.
silo_status_of() {
  local ports
  ports=$(ss -Hltnp 2>/dev/null | grep "pid=$1," | awk '{ n = split($4, a, ":"); print a[n] }' | paste -sd, - || true)
  if [[ -z "$ports" ]]; then ports=${SILO_PORTS[$1]:-0}; else SILO_PORTS[$1]=$ports; fi
  sql "select status from orleans_membership where port in ($ports) order by generation desc limit 1"
}
declare -A SILO_PORTS

# Compares the database with the simulator's truth; prints "N/M" sets equal; its report goes to $WORK/truth.txt.
truth() {
  local cs
  cs=$(runtime_value connectionString)
  dotnet "$REPO/benchmarks/reliability/PHDB.Reliability.Truth/bin/$CONFIGURATION/net10.0/PHDB.Reliability.Truth.dll" \
    "http://127.0.0.1:$SIM_PORT/" "$cs" >"$WORK/truth.txt" 2>&1 || true
  sed -n 's/^truth: \([0-9]*\) of \([0-9]*\) sets.*/\1\/\2/p' "$WORK/truth.txt"
}
