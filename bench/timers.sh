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

pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "error: PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin); apt-get install -y postgresql" >&2
  exit 1
fi
for tool in dotnet python3 curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "error: $tool is not on PATH" >&2; exit 1; }
done

rm -rf "$results"
mkdir -p "$results"
runs="$results/runs.jsonl"
: >"$runs"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(nproc) cores)"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GB total, " $7 " GB available"}')"
  echo "postgresql: $("$pg_bin/postgres" --version)"
  echo "dotnet: $(dotnet --version)"
  echo "load at start: $(uptime | sed 's/.*load average: //')"
  echo "timers: $timers, hangfire jobs: $hangfire_jobs"
} | tee "$results/machine.txt"

echo "== building bench/Brands.TimerBench and src/Host/Brands.Host (Release)"
dotnet build "$bench/Brands.TimerBench/Brands.TimerBench.csproj" -c Release -nologo -v quiet -o "$results/bin" >"$results/build.log" 2>&1 \
  || { cat "$results/build.log"; echo "error: the build failed" >&2; exit 1; }
dotnet build "$root/src/Host/Brands.Host/Brands.Host.csproj" -c Release -nologo -v quiet -o "$results/host" >>"$results/build.log" 2>&1 \
  || { cat "$results/build.log"; echo "error: the host build failed" >&2; exit 1; }

pg_dir="$(mktemp -d /tmp/brands-bench-timers-pg.XXXXXX)"
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$pg_dir"; fi
node_pids=()
cleanup() {
  for pid in "${node_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT INT TERM

port="$(free_port)"
echo "== PostgreSQL in $pg_dir on 127.0.0.1:$port"
as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$results/initdb.log" 2>&1
as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c full_page_writes=on \
      -c shared_buffers=256MB -c max_connections=300 -c max_wal_size=4GB -c checkpoint_timeout=30min \
      -c wal_buffers=16MB" start >/dev/null
psql() { "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql -d postgres -c "CREATE DATABASE brands_timers" -c "CREATE DATABASE brands_hangfire"
timers_db="Host=127.0.0.1;Port=$port;Database=brands_timers;Username=postgres;Maximum Pool Size=64"
hangfire_db="Host=127.0.0.1;Port=$port;Database=brands_hangfire;Username=postgres;Maximum Pool Size=64"

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

echo "load at end: $(uptime | sed 's/.*load average: //')" | tee -a "$results/machine.txt"
exit "$failed"
