#!/usr/bin/env bash
# The benchmark, in one run (see bench/README.md):
#   1. a throwaway PostgreSQL cluster (durable: fsync on, synchronous_commit on), removed at the end;
#   2. per concurrency (1, 4, 16): pgbench's rate for a one-row INSERT transaction (the commit ceiling), then our
#      engine on the EF Core PostgreSQL store, N instances of approval.bpmn, in a fresh database, then pgbench again
#      (the ratio uses the mean of the two pgbench rates), then N message correlations by business key (cases of
#      supplement.bpmn started untimed first) in another fresh database, then pgbench a third time;
#   3. in memory: our engine on InMemoryWorkflowStore (instances and correlations) and bpmn-engine (Node) on the
#      same BPMN file as our instances;
#   4. a table of the figures, with the targets.
#
#   bench/run.sh                         the full run (10,000 instances and 10,000 correlations, pgbench 20 s)
#   BENCH_INSTANCES=1000 BENCH_PGBENCH_SECONDS=5 bench/run.sh    a shorter run while developing
#
# Environment: BENCH_INSTANCES (10000), BENCH_PGBENCH_SECONDS (20), BENCH_CONCURRENCY ("1 4 16"),
# BENCH_MEMORY_CALLERS ("1 16"), BENCH_PEER_CALLERS ("1 16"), BENCH_RESULTS (bench/results/latest).
# Exit code: 0 when every run completed every instance, 1 otherwise. Targets missed do not fail the script;
# the table says so.
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
instances="${BENCH_INSTANCES:-10000}"
pgbench_seconds="${BENCH_PGBENCH_SECONDS:-20}"
concurrency="${BENCH_CONCURRENCY:-1 4 16}"
memory_callers="${BENCH_MEMORY_CALLERS:-1 16}"
peer_callers="${BENCH_PEER_CALLERS:-1 16}"
# bpmn-engine runs on V8, which optimises hot code within a few hundred calls; 2,000 untimed instances first.
peer_warmup="${BENCH_PEER_WARMUP:-2000}"
results="${BENCH_RESULTS:-$bench/results/latest}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ] || [ ! -x "$pg_bin/pgbench" ]; then
  echo "error: PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin); apt-get install -y postgresql" >&2
  exit 1
fi
for tool in dotnet node npm python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "error: $tool is not on PATH" >&2; exit 1; }
done

rm -rf "$results"
mkdir -p "$results"
runs="$results/runs.jsonl"
: >"$runs"

# --- the machine, as the figures are recorded with it -----------------------------------------------------
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(nproc) cores)"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GB total, " $7 " GB available"}')"
  echo "postgresql: $("$pg_bin/postgres" --version)"
  echo "dotnet: $(dotnet --version)"
  echo "node: $(node --version)"
  echo "load at start: $(uptime | sed 's/.*load average: //')"
} | tee "$results/machine.txt"

# --- builds ---------------------------------------------------------------------------------------------
echo "== building bench/Brands.Bench (Release)"
dotnet build "$bench/Brands.Bench/Brands.Bench.csproj" -c Release -nologo -v quiet -o "$results/bin" >"$results/build.log" 2>&1 \
  || { cat "$results/build.log"; echo "error: the build failed" >&2; exit 1; }
if [ ! -d "$bench/peer/node_modules" ]; then
  echo "== npm ci in bench/peer"
  (cd "$bench/peer" && npm ci --no-audit --no-fund)
fi

# --- a throwaway PostgreSQL cluster, started like the tests start theirs ----------------------------------
pg_dir="$(mktemp -d /tmp/brands-bench-pg.XXXXXX)"
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$pg_dir"; fi
cleanup() {
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT INT TERM

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
echo "== PostgreSQL in $pg_dir on 127.0.0.1:$port"
as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$results/initdb.log" 2>&1
# Durable like production: fsync and synchronous_commit stay on. Room for the run so that no checkpoint is
# forced by WAL volume in the middle of a measurement.
as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c full_page_writes=on \
      -c shared_buffers=256MB -c max_connections=200 -c max_wal_size=4GB -c checkpoint_timeout=30min \
      -c wal_buffers=16MB" start >/dev/null
psql() { "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql -d postgres -c "SHOW fsync" -c "SHOW synchronous_commit" -c "SHOW wal_sync_method" | paste -sd' ' \
  | awk '{print "server: fsync=" $1 ", synchronous_commit=" $2 ", wal_sync_method=" $3}' | tee -a "$results/machine.txt"

psql -d postgres -c "CREATE DATABASE pgbench_insert"
psql -d pgbench_insert -c "CREATE TABLE bench_insert (id bigserial PRIMARY KEY, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())"
printf '%s\n' "INSERT INTO bench_insert (payload) VALUES ('one row, one commit');" >"$results/insert.sql"

failed=0
engine_run() { # engine_run LABEL ARGS... ; appends the run's JSON line to runs.jsonl
  local label="$1"; shift
  echo "== $label"
  local out="$results/$(echo "$label" | tr ' /' '__').json"
  if dotnet "$results/bin/Brands.Bench.dll" "$@" >"$out"; then
    cat "$out" >>"$runs"
  else
    echo "FAILED: $label (exit $?)" >&2
    [ -s "$out" ] && cat "$out" >>"$runs"
    failed=1
  fi
}

pgbench_run() { # pgbench_run CALLERS TAG ; appends pgbench's rate to runs.jsonl
  local c="$1" tag="$2"
  echo "== pgbench ($tag): one-row INSERT per transaction, $c clients, ${pgbench_seconds} s"
  "$pg_bin/pgbench" -h 127.0.0.1 -p "$port" -U postgres -n -f "$results/insert.sql" -c "$c" -j "$c" \
    -T "$pgbench_seconds" pgbench_insert >"$results/pgbench_c${c}_$tag.txt" 2>&1 || { cat "$results/pgbench_c${c}_$tag.txt"; failed=1; }
  local tps latency
  tps="$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$results/pgbench_c${c}_$tag.txt")"
  latency="$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$results/pgbench_c${c}_$tag.txt")"
  echo "   tps $tps, latency average $latency ms"
  printf '{"engine":"pgbench","callers":%s,"when":"%s","tps":%s,"latencyAverageMs":%s}\n' "$c" "$tag" "${tps:-0}" "${latency:-0}" >>"$runs"
}

# pgbench runs right before and right after our engine at each concurrency; the ratio uses the mean of the two,
# so a machine that gets faster or slower during the run moves both sides alike.
# The message-correlation run follows, in a database of its own, with pgbench once more after it: the pgbench run
# between the two serves as "after" for the instances and "before" for the correlations.
for c in $concurrency; do
  pgbench_run "$c" before
  psql -d postgres -c "CREATE DATABASE brands_c$c"
  engine_run "brands postgres $c callers" postgres \
    --connection "Host=127.0.0.1;Port=$port;Database=brands_c$c;Username=postgres;Maximum Pool Size=64" \
    --instances "$instances" --callers "$c" --breakdown
  pgbench_run "$c" between
  psql -d postgres -c "CREATE DATABASE brands_correlation_c$c"
  engine_run "brands postgres correlation $c callers" postgres --scenario correlation \
    --connection "Host=127.0.0.1;Port=$port;Database=brands_correlation_c$c;Username=postgres;Maximum Pool Size=64" \
    --instances "$instances" --callers "$c" --breakdown
  pgbench_run "$c" after
done

for c in $memory_callers; do
  engine_run "brands memory $c callers" memory --instances "$instances" --callers "$c"
  engine_run "brands memory correlation $c callers" memory --scenario correlation --instances "$instances" --callers "$c"
done

for c in $peer_callers; do
  echo "== bpmn-engine memory $c in flight"
  if ! node "$bench/peer/run-bpmn-engine.js" --instances "$instances" --callers "$c" --warmup "$peer_warmup" >>"$runs"; then
    echo "FAILED: bpmn-engine $c in flight" >&2
    failed=1
  fi
done

echo "load at end: $(uptime | sed 's/.*load average: //')" | tee -a "$results/machine.txt"
node "$bench/summarize.mjs" "$runs" | tee "$results/summary.txt"
exit "$failed"
