#!/usr/bin/env bash
# The inbox under a million open tasks (bench/README.md, "The inbox under a million tasks"): a throwaway durable
# PostgreSQL cluster, the host built in Release and started on it, 31 provinces provisioned through the API, the
# tasks generated in SQL, then the API task query and the inbox page timed through HTTP for the provincial
# reviewers; the host's memory read from /proc at the end.
#
#   bench/inbox.sh                                   1,000,000 tasks, 310 timed requests per path
#   BENCH_TASKS=100000 bench/inbox.sh                 a smaller run
#
# Environment: BENCH_TASKS (1000000), BENCH_REQUESTS (310), BENCH_PAGES (pages timed with a sign-in cookie: "/inbox",
# the group tab and a search for a part of an applicant name; empty for the API only), BENCH_RESULTS
# (bench/results/inbox). bench/inbox-compare.sh times a base revision against the working tree in turns.
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
tasks="${BENCH_TASKS:-1000000}"
requests="${BENCH_REQUESTS:-310}"
search="%E7%94%B3%E8%AF%B7%E4%BC%81%E4%B8%9A%201234" # 申请企业 1234: a part of the generated applicant names
pages="${BENCH_PAGES-/inbox /inbox?tab=group /inbox?tab=all&q=$search}"
results="${BENCH_RESULTS:-$bench/results/inbox}"
pgbench_seconds=0
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# shellcheck source=bench/lib.sh
source "$bench/lib.sh"

rm -rf "$results"
mkdir -p "$results"
{
  describe_machine
} | tee "$results/machine.txt"

echo "== building the host and the inbox benchmark (Release)"
dotnet build "$root/src/Host/Brands.Host/Brands.Host.csproj" -c Release -nologo -v quiet -o "$results/host" >"$results/build-host.log" 2>&1 \
  || { cat "$results/build-host.log"; echo "error: the host build failed" >&2; exit 1; }
dotnet build "$bench/Brands.Bench.Inbox/Brands.Bench.Inbox.csproj" -c Release -nologo -v quiet -o "$results/bin" >"$results/build.log" 2>&1 \
  || { cat "$results/build.log"; echo "error: the build failed" >&2; exit 1; }

start_cluster
psql -d postgres -c "CREATE DATABASE brands_inbox"
connection="$(engine_connection brands_inbox)"

host_port="$(free_port)"
echo "== host on 127.0.0.1:$host_port (Development, PostgreSQL)"
(cd "$results/host" && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$host_port" \
  Database__Provider=PostgreSql ConnectionStrings__Brands="$connection" exec dotnet Brands.Host.dll) >"$results/host.log" 2>&1 &
host_pid=$!
trap 'kill "$host_pid" 2>/dev/null || true; stop_cluster' EXIT INT TERM

page_args=()
for page in $pages; do page_args+=(--page "$page"); done
echo "== $tasks open tasks, $requests timed requests per path"
status=0
dotnet "$results/bin/Brands.Bench.Inbox.dll" --url "http://127.0.0.1:$host_port" --connection "$connection" \
  --tasks "$tasks" --requests "$requests" "${page_args[@]}" >"$results/run.json" || status=$?

grep -E '^Vm(HWM|RSS)' "/proc/$host_pid/status" | tr -s ' ' | tee "$results/host-memory.txt" || true
echo "rows: $(psql -d brands_inbox -c "SELECT count(*) FROM wf_tasks WHERE state = 'open' OR state = 'Open'") open tasks" | tee -a "$results/machine.txt"
echo "load at end: $(load_average)" | tee -a "$results/machine.txt"
cat "$results/run.json"
exit "$status"
