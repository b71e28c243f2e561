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
# shellcheck source=bench/lib.sh
source "$bench/lib.sh"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

for tool in dotnet node npm python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "error: $tool is not on PATH" >&2; exit 1; }
done

rm -rf "$results"
mkdir -p "$results"
runs="$results/runs.jsonl"
: >"$runs"

# --- the machine, as the figures are recorded with it -----------------------------------------------------
{
  describe_machine
  echo "node: $(node --version)"
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
start_cluster

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

# pgbench runs right before and right after our engine at each concurrency; the ratio uses the mean of the two,
# so a machine that gets faster or slower during the run moves both sides alike.
# The message-correlation run follows, in a database of its own, with pgbench once more after it: the pgbench run
# between the two serves as "after" for the instances and "before" for the correlations.
for c in $concurrency; do
  pgbench_run "$c" before
  psql -d postgres -c "CREATE DATABASE brands_c$c"
  engine_run "brands postgres $c callers" postgres \
    --connection "$(engine_connection "brands_c$c")" \
    --instances "$instances" --callers "$c" --breakdown
  pgbench_run "$c" between
  psql -d postgres -c "CREATE DATABASE brands_correlation_c$c"
  engine_run "brands postgres correlation $c callers" postgres --scenario correlation \
    --connection "$(engine_connection "brands_correlation_c$c")" \
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

echo "load at end: $(load_average)" | tee -a "$results/machine.txt"
node "$bench/summarize.mjs" "$runs" | tee "$results/summary.txt"
exit "$failed"
