#!/usr/bin/env bash
# Did the inbox get faster? The inbox benchmark (bench/inbox.sh) for the host at one revision and at the working tree,
# on one throwaway durable PostgreSQL cluster, each host on its own database with the same generated tasks, timed in
# turns (base, working tree; then working tree, base; ...), so both sides see the same load on a shared machine
# (bench/README.md, "Comparing two revisions of the inbox").
#
#   bench/inbox-compare.sh REVISION                  e.g. bench/inbox-compare.sh c4c8ad4
#
# Environment: BENCH_TASKS (1000000), BENCH_REQUESTS (155 per path and round), BENCH_ROUNDS (2), BENCH_PAGES (as in
# bench/inbox.sh), BENCH_RESULTS (bench/results/inbox-compare). The benchmark program of the working tree drives both.
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
revision="${1:?usage: bench/inbox-compare.sh REVISION}"
tasks="${BENCH_TASKS:-1000000}"
requests="${BENCH_REQUESTS:-155}"
rounds="${BENCH_ROUNDS:-2}"
search="%E7%94%B3%E8%AF%B7%E4%BC%81%E4%B8%9A%201234" # 申请企业 1234: a part of the generated applicant names
pages="${BENCH_PAGES-/inbox /inbox?tab=group /inbox?tab=all&q=$search}"
results="${BENCH_RESULTS:-$bench/results/inbox-compare}"
pgbench_seconds=0
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# shellcheck source=bench/lib.sh
source "$bench/lib.sh"

begin_comparison "$revision"

echo "== building the host at $base and at the working tree, and the inbox benchmark (Release)"
checkout="$(mktemp -d /tmp/brands-bench-base.XXXXXX)"
git -C "$root" worktree add --detach "$checkout" "$base" >/dev/null 2>&1
for side in base head; do
  source_root="$root"; [ "$side" = base ] && source_root="$checkout"
  dotnet build "$source_root/src/Host/Brands.Host/Brands.Host.csproj" -c Release -nologo -v quiet -o "$results/host-$side" \
    >"$results/build-$side.log" 2>&1 || { cat "$results/build-$side.log"; echo "error: the $side build failed" >&2; exit 1; }
done
dotnet build "$bench/Brands.Bench.Inbox/Brands.Bench.Inbox.csproj" -c Release -nologo -v quiet -o "$results/bin" >"$results/build.log" 2>&1 \
  || { cat "$results/build.log"; echo "error: the build failed" >&2; exit 1; }

start_cluster
declare -A host_pid host_port
for side in base head; do
  psql -d postgres -c "CREATE DATABASE brands_$side"
  host_port[$side]="$(free_port)"
  (cd "$results/host-$side" && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:${host_port[$side]}" \
    Database__Provider=PostgreSql ConnectionStrings__Brands="$(engine_connection "brands_$side")" exec dotnet Brands.Host.dll) \
    >"$results/host-$side.log" 2>&1 &
  host_pid[$side]=$!
done
# The base checkout stays until the end: a host built from it serves its static files from the source folder.
trap 'kill "${host_pid[base]}" "${host_pid[head]}" 2>/dev/null || true; stop_cluster; git -C "$root" worktree remove --force "$checkout"' EXIT INT TERM

page_args=()
for page in $pages; do page_args+=(--page "$page"); done
measure() { # measure SIDE ROUND: provisions and generates on the first call, then only times
  local side="$1" round="$2"
  echo "== $side ($([ "$side" = base ] && echo "$base" || echo "working tree")), round $round, load $(load_average)"
  dotnet "$results/bin/Brands.Bench.Inbox.dll" --url "http://127.0.0.1:${host_port[$side]}" \
    --connection "$(engine_connection "brands_$side")" --tasks "$tasks" --requests "$requests" "${page_args[@]}" \
    >"$results/$side-$round.json"
  sed "s/^{/{\"side\":\"$side\",\"round\":$round,\"load\":\"$(load_average)\",/" "$results/$side-$round.json" >>"$runs"
}

# Round 0 provisions and generates (and is not summarised); then the timed rounds in alternating order.
measure base 0
measure head 0
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then order="base head"; else order="head base"; fi
  for side in $order; do measure "$side" "$round"; done
done

echo "load at end: $(load_average)" | tee -a "$results/machine.txt"
node "$bench/summarize-inbox-compare.mjs" "$runs" "$base" | tee "$results/summary.txt"
