#!/usr/bin/env bash
# The timer benchmark (bench/README.md, "Timers"), in one run:
#   1. a throwaway PostgreSQL cluster, durable (fsync on, synchronous_commit on), removed at the end;
#   2. BENCH_TIMERS cases (100,000) started through the engine, each waiting on its own timer (not timed);
#   3. two host nodes (the built Brands.Host, Production, default executor settings) on that database;
#   4. every timer made due in the same second; the time until all fired, lateness p50/p99, duplicates, from the
#      history; the peak memory of each node (VmHWM);
#   5. beside it, on the same server: Hangfire.PostgreSql firing BENCH_HANGFIRE_JOBS (10,000) scheduled jobs due in
#      one second with two Hangfire servers.
#
#   bench/timers.sh                                          the full run
#   BENCH_TIMERS=10000 BENCH_HANGFIRE_JOBS=2000 bench/timers.sh   a shorter run
#
# Environment: BENCH_TIMERS (100000), BENCH_HANGFIRE_JOBS (10000), BENCH_SETUP_CALLERS (16), BENCH_RESULTS
# (bench/results/timers). Exit code 0 when every timer and job fired exactly once; the targets (all fired within
# 60 s, p99 lateness under 30 s) are reported, not enforced.
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
timers="${BENCH_TIMERS:-100000}"
hangfire_jobs="${BENCH_HANGFIRE_JOBS:-10000}"
setup_callers="${BENCH_SETUP_CALLERS:-16}"
results="${BENCH_RESULTS:-$bench/results/timers}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# shellcheck source=bench/lib.sh
source "$bench/lib.sh"
for tool in dotnet python3 curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "error: $tool is not on PATH" >&2; exit 1; }
done

rm -rf "$results"
mkdir -p "$results"
runs="$results/runs.jsonl"
: >"$runs"

{
  describe_machine
  echo "timers: $timers, hangfire jobs: $hangfire_jobs"
} | tee "$results/machine.txt"

echo "== building bench/Brands.TimerBench and src/Host/Brands.Host (Release)"
dotnet build "$bench/Brands.TimerBench/Brands.TimerBench.csproj" -c Release -nologo -v quiet -o "$results/bin" >"$results/build.log" 2>&1 \
  || { cat "$results/build.log"; echo "error: the build failed" >&2; exit 1; }
dotnet build "$root/src/Host/Brands.Host/Brands.Host.csproj" -c Release -nologo -v quiet -o "$results/host" >>"$results/build.log" 2>&1 \
  || { cat "$results/build.log"; echo "error: the host build failed" >&2; exit 1; }

node_pids=()
BENCH_PG_MAX_CONNECTIONS=300 start_cluster
trap 'for pid in "${node_pids[@]}"; do kill "$pid" 2>/dev/null || true; done; stop_cluster' EXIT INT TERM
psql -d postgres -c "CREATE DATABASE brands_timers" -c "CREATE DATABASE brands_hangfire"
timers_db="$(engine_connection brands_timers)"
hangfire_db="$(engine_connection brands_hangfire)"

failed=0
echo "== setup: $timers cases waiting on a timer ($setup_callers callers, not timed)"
dotnet "$results/bin/Brands.TimerBench.dll" setup --connection "$timers_db" --timers "$timers" --callers "$setup_callers" | tee -a "$runs"

echo "== two host nodes"
node_ports=()
for n in 1 2; do
  node_port="$(free_port)"
  (cd "$results/host" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$node_port" \
    Database__Provider=PostgreSql ConnectionStrings__Brands="$timers_db" Logging__LogLevel__Default=Warning \
    exec dotnet Brands.Host.dll >"$results/node$n.log" 2>&1) &
  node_pids+=("$!")
  node_ports+=("$node_port")
done
for node_port in "${node_ports[@]}"; do
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$node_port/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$node_port/health/ready" >/dev/null || { echo "error: a node did not come up" >&2; exit 1; }
done
# The process the subshell exec'd into is the dotnet host itself: its pid is the node's.
echo "   nodes up on ports ${node_ports[*]} (pids ${node_pids[*]})"

echo "== fire: every timer due in the same second"
if ! dotnet "$results/bin/Brands.TimerBench.dll" fire --connection "$timers_db" >"$results/fire.json"; then failed=1; fi
cat "$results/fire.json" | tee -a "$runs"
for i in 0 1; do
  hwm_kb="$(awk '/^VmHWM:/ {print $2}' "/proc/${node_pids[$i]}/status" 2>/dev/null || echo 0)"
  printf '{"bench":"timers-node","node":%d,"peakMemoryMb":%d}\n' "$((i + 1))" "$((hwm_kb / 1024))" | tee -a "$runs"
done
for pid in "${node_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
node_pids=()

echo "== Hangfire.PostgreSql: $hangfire_jobs scheduled jobs due in the same second, two servers"
if ! dotnet "$results/bin/Brands.TimerBench.dll" hangfire --connection "$hangfire_db" --jobs "$hangfire_jobs" --servers 2 >"$results/hangfire.json"; then failed=1; fi
cat "$results/hangfire.json" | tee -a "$runs"

echo "load at end: $(load_average)" | tee -a "$results/machine.txt"
exit "$failed"
