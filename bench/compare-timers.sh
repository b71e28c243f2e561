#!/usr/bin/env bash
# Did the timer executor get faster? Runs the timer benchmark's firing (bench/README.md, "Timers") at one revision
# and at the working tree, alternately, on one throwaway durable PostgreSQL cluster: per round and side a fresh
# database, BENCH_TIMERS cases waiting on a timer (set up by that side's engine, not timed), two host nodes of that
# side, every timer due in the same second. A shared machine drifts within minutes; comparing within one run is
# what makes the two sides comparable (see "Comparing two revisions").
#
#   bench/compare-timers.sh REVISION                e.g. bench/compare-timers.sh main
#
# Environment: BENCH_TIMERS (20000), BENCH_ROUNDS (2), BENCH_SETUP_CALLERS (16), BENCH_NODE_ENV (extra settings for
# every node of both sides, e.g. "Workflows__JobParallelism=8"), BENCH_PG_STATS (1: pg_stat_statements' top
# statements of each firing into the results), BENCH_TRACE (base or head: dotnet-trace's CPU sampling of that
# side's first node while it fires; DOTNET_TRACE names the tool), BENCH_RESULTS (bench/results/compare-timers),
# BENCH_BUILDS (bench/results/compare-timers-builds: the builds, kept between runs), BENCH_SIDES ("base head"; "head"
# alone for one full-size run of the working tree). Exit code 1 when a run did not
# fire every timer exactly once. Besides the rates it reports the CPU time the two nodes and the PostgreSQL server
# spent per timer, which a busy machine inflates far less than the wall-clock figures.
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
revision="${1:?usage: bench/compare-timers.sh REVISION}"
timers="${BENCH_TIMERS:-20000}"
rounds="${BENCH_ROUNDS:-2}"
setup_callers="${BENCH_SETUP_CALLERS:-16}"
node_env="${BENCH_NODE_ENV:-}"
results="${BENCH_RESULTS:-$bench/results/compare-timers}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# shellcheck source=bench/lib.sh
source "$bench/lib.sh"

begin_comparison "$revision" "timers: $timers, rounds: $rounds, node settings: ${node_env:-defaults}"

# The builds outlive the results folder: the base is rebuilt only when the revision changes.
builds="${BENCH_BUILDS:-$bench/results/compare-timers-builds}"
mkdir -p "$builds"
build_side() { # build_side SIDE SOURCE_ROOT
  { dotnet build "$2/bench/Brands.TimerBench/Brands.TimerBench.csproj" -c Release -nologo -v quiet -o "$builds/$1/bench" \
      && dotnet build "$2/src/Host/Brands.Host/Brands.Host.csproj" -c Release -nologo -v quiet -o "$builds/$1/host"; } \
    >"$results/build-$1.log" 2>&1 || { cat "$results/build-$1.log"; echo "error: the $1 build failed" >&2; exit 1; }
}
if [ "$(cat "$builds/base/revision" 2>/dev/null)" != "$base" ]; then
  echo "== building the timer bench and the host at $base (Release)"
  rm -rf "$builds/base"
  checkout="$(mktemp -d /tmp/brands-bench-base.XXXXXX)"
  git -C "$root" worktree add --detach "$checkout" "$base" >/dev/null 2>&1
  build_side base "$checkout"
  git -C "$root" worktree remove --force "$checkout"
  echo "$base" >"$builds/base/revision"
fi
echo "== building the timer bench and the host of the working tree (Release)"
build_side head "$root"

node_pids=()
stop_nodes() {
  for pid in "${node_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${node_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  node_pids=()
}
pg_options=""
[ "${BENCH_PG_STATS:-0}" = 1 ] && pg_options="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all"
BENCH_PG_MAX_CONNECTIONS=300 BENCH_PG_OPTIONS="$pg_options" start_cluster
trap 'stop_nodes; stop_cluster' EXIT INT TERM
[ "${BENCH_PG_STATS:-0}" = 1 ] && psql -d postgres -c "CREATE EXTENSION pg_stat_statements"

# cpu_ticks PID...: user + system CPU of the processes so far, in clock ticks.
cpu_ticks() { local total=0 pid; for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done; echo "$total"; }
# postgres_cpu_ticks: the server's CPU so far: the postmaster with its ended children, and the running backends.
postgres_cpu_ticks() {
  local postmaster
  postmaster="$(head -n 1 "$pg_dir/data/postmaster.pid")"
  echo "$(( $(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat") + $(cpu_ticks $(pgrep -P "$postmaster")) ))"
}
cpu_ms_per() { awk -v t="$1" -v n="$timers" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.3f", t * 1000 / hz / n }'; }

failed=0
side_run() { # side_run SIDE ROUND
  local side="$1" round="$2" db="brands_timers_${1}_$2"
  echo "== $side ($([ "$side" = base ] && echo "$base" || echo "working tree")), round $round: $timers timers"
  psql -d postgres -c "CREATE DATABASE $db"
  local connection
  connection="$(engine_connection "$db")"
  dotnet "$builds/$side/bench/Brands.TimerBench.dll" setup --connection "$connection" --timers "$timers" --callers "$setup_callers" \
    >"$results/$db-setup.json"
  local ports=() n node_port
  for n in 1 2; do
    node_port="$(free_port)"
    # shellcheck disable=SC2086 # BENCH_NODE_ENV is a list of NAME=value words
    (cd "$builds/$side/host" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$node_port" \
      Database__Provider=PostgreSql ConnectionStrings__Brands="$connection" Logging__LogLevel__Default=Warning $node_env \
      dotnet Brands.Host.dll >"$results/$db-node$n.log" 2>&1) &
    node_pids+=("$!")
    ports+=("$node_port")
  done
  for node_port in "${ports[@]}"; do
    for _ in $(seq 1 240); do
      curl -fs "http://127.0.0.1:$node_port/health/ready" >/dev/null 2>&1 && break
      sleep 0.5
    done
  done
  [ "${BENCH_PG_STATS:-0}" = 1 ] && psql -d postgres -c "SELECT pg_stat_statements_reset()" >/dev/null
  local load_before nodes_cpu_before pg_cpu_before trace_pid=""
  load_before="$(load_average | cut -d, -f1)"
  nodes_cpu_before="$(cpu_ticks "${node_pids[@]}")"
  pg_cpu_before="$(postgres_cpu_ticks)"
  if [ -n "${BENCH_TRACE:-}" ] && [ "$side" = "$BENCH_TRACE" ]; then
    "${DOTNET_TRACE:-dotnet-trace}" collect -p "${node_pids[0]}" --profile dotnet-sampled-thread-time -o "$results/$db-node1.nettrace" >"$results/$db-trace.log" 2>&1 &
    trace_pid="$!"
  fi
  if dotnet "$builds/$side/bench/Brands.TimerBench.dll" fire --connection "$connection" >"$results/$db.json"; then :; else
    echo "FAILED: $side round $round" >&2
    failed=1
  fi
  [ -n "$trace_pid" ] && { kill -INT "$trace_pid" 2>/dev/null || true; wait "$trace_pid" 2>/dev/null || true; }
  local nodes_cpu pg_cpu
  nodes_cpu="$(( $(cpu_ticks "${node_pids[@]}") - nodes_cpu_before ))"
  pg_cpu="$(( $(postgres_cpu_ticks) - pg_cpu_before ))"
  local hwm=()
  for pid in "${node_pids[@]}"; do hwm+=("$(( $(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0) / 1024 ))"); done
  sed "s/^{/{\"side\":\"$side\",\"round\":$round,\"load\":$load_before,\"peakMemoryMb\":[${hwm[0]:-0},${hwm[1]:-0}],\"nodesCpuMsPerTimer\":$(cpu_ms_per "$nodes_cpu"),\"postgresCpuMsPerTimer\":$(cpu_ms_per "$pg_cpu"),/" "$results/$db.json" \
    | tee -a "$runs"
  if [ "${BENCH_PG_STATS:-0}" = 1 ]; then
    psql -d postgres -F ' | ' -c "SELECT calls, round(total_exec_time::numeric, 0) AS ms, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 160)
      FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$db')
      ORDER BY calls DESC LIMIT 25" >"$results/$db-statements.txt"
  fi
  stop_nodes
  psql -d postgres -c "DROP DATABASE $db"
}

for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then order="base head"; else order="head base"; fi
  for side in $order; do
    case " ${BENCH_SIDES:-base head} " in *" $side "*) side_run "$side" "$round" ;; esac
  done
done

echo "load at end: $(load_average)" | tee -a "$results/machine.txt"
node -e '
  const runs = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
  console.log("| round | side | load | fired | duplicates | all fired after s | lateness p50 / p99 s | fired/s | CPU ms per timer: nodes / postgres | peak MB per node |");
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  for (const r of runs) console.log(`| ${r.round} | ${r.side} | ${r.load} | ${r.fired} | ${r.duplicates} | ${r.allFiredSeconds} | ${r.latenessP50Seconds} / ${r.latenessP99Seconds} | ${r.firedPerSecond} | ${r.nodesCpuMsPerTimer} / ${r.postgresCpuMsPerTimer} | ${r.peakMemoryMb.join(" / ")} |`);
  const rate = side => runs.filter(r => r.side === side).map(r => r.firedPerSecond);
  const mean = xs => xs.reduce((a, b) => a + b, 0) / xs.length;
  const byRound = runs.filter(r => r.side === "head" && runs.some(b => b.side === "base" && b.round === r.round))
    .map(h => h.firedPerSecond / runs.find(b => b.side === "base" && b.round === h.round).firedPerSecond);
  console.log(`\nfired/s: base ${mean(rate("base")).toFixed(1)}, head ${mean(rate("head")).toFixed(1)}; head / base per round: ${byRound.map(x => x.toFixed(2)).join(", ")}`);
' "$runs" | tee "$results/summary.txt"
exit "$failed"
