#!/usr/bin/env bash
# Did the engine get slower? Runs the benchmark's approval instances at one revision and at the working tree,
# alternately, on one throwaway durable PostgreSQL cluster, with pgbench between the runs (see bench/README.md,
# "Comparing two revisions"). A shared machine drifts by a quarter within minutes; alternating and comparing within
# one run is what makes the figures comparable.
#
#   bench/compare.sh REVISION                       e.g. bench/compare.sh c963165
#
# Environment: BENCH_INSTANCES (10000), BENCH_CALLERS (16), BENCH_ROUNDS (3), BENCH_PGBENCH_SECONDS (20),
# BENCH_RESULTS (bench/results/compare). Exit code 1 when a run did not complete every instance.
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
revision="${1:?usage: bench/compare.sh REVISION}"
instances="${BENCH_INSTANCES:-10000}"
callers="${BENCH_CALLERS:-16}"
rounds="${BENCH_ROUNDS:-3}"
pgbench_seconds="${BENCH_PGBENCH_SECONDS:-20}"
results="${BENCH_RESULTS:-$bench/results/compare}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# shellcheck source=bench/lib.sh
source "$bench/lib.sh"

begin_comparison "$revision"

echo "== building the benchmark at $base and at the working tree (Release)"
checkout="$(mktemp -d /tmp/brands-bench-base.XXXXXX)"
git -C "$root" worktree add --detach "$checkout" "$base" >/dev/null 2>&1
for side in base head; do
  source_root="$root"; [ "$side" = base ] && source_root="$checkout"
  dotnet build "$source_root/bench/Brands.Bench/Brands.Bench.csproj" -c Release -nologo -v quiet -o "$results/$side" \
    >"$results/build-$side.log" 2>&1 || { cat "$results/build-$side.log"; echo "error: the $side build failed" >&2; exit 1; }
done
git -C "$root" worktree remove --force "$checkout"

start_cluster

failed=0
side_run() { # side_run SIDE ROUND
  local side="$1" round="$2" db="brands_${1}_$2"
  echo "== $side ($([ "$side" = base ] && echo "$base" || echo "working tree")), round $round, $callers callers"
  psql -d postgres -c "CREATE DATABASE $db"
  if dotnet "$results/$side/Brands.Bench.dll" postgres --connection "$(engine_connection "$db")" \
      --instances "$instances" --callers "$callers" >"$results/$db.json"; then
    sed "s/^{/{\"side\":\"$side\",\"round\":$round,/" "$results/$db.json" >>"$runs"
  else
    echo "FAILED: $side round $round" >&2
    failed=1
  fi
  psql -d postgres -c "DROP DATABASE $db"
}

# base, head, pgbench; head, base, pgbench; ... so neither side always runs first after pgbench.
pgbench_run "$callers" round0
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then order="base head"; else order="head base"; fi
  for side in $order; do side_run "$side" "$round"; done
  pgbench_run "$callers" "round$round"
done

echo "load at end: $(load_average)" | tee -a "$results/machine.txt"
node "$bench/summarize-compare.mjs" "$runs" "$base" | tee "$results/summary.txt"
exit "$failed"
