#!/usr/bin/env bash
# Builds the solution once, runs every test project, and ends with one line: "N passed, N failed".
#
#   ./test.sh                 everything
#   ./test.sh Architecture    only test projects whose folder name contains "Architecture"
#
# Each project writes a TRX file to TestResults/; the summary adds up their counters. A project that fails
# without writing one (a crash, a hang killed by its own timeout) counts as at least one failed test.
# The exit code is non-zero when anything failed or did not build.
set -uo pipefail
# One stream, so nothing written to stderr can land after the summary line.
exec 2>&1

cd "$(dirname "${BASH_SOURCE[0]}")"
root="$(pwd)"
results="$root/TestResults"
filter="${1:-}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

summary() {
  echo "$1 passed, $2 failed"
  if [ "$2" -eq 0 ]; then exit 0; else exit 1; fi
}

missing=0
if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK 10 (dotnet) is not on PATH." >&2
  missing=1
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "error: python3 is needed to read the test results: apt-get install -y python3" >&2
  missing=1
fi
if [ -z "${BRANDS_TEST_POSTGRES:-}" ] && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  echo "error: the tests start their own PostgreSQL cluster and need its server binaries" >&2
  echo "       (/usr/lib/postgresql/*/bin/initdb). Install them with:" >&2
  echo "           sudo apt-get install -y postgresql" >&2
  echo "       or set BRANDS_TEST_POSTGRES to a connection string of a server you run." >&2
  missing=1
fi
if [ "$missing" -ne 0 ]; then
  summary 0 1
fi

rm -rf "$results"
mkdir -p "$results"

echo "== Building Brands.Workflow.sln (Release)"
if ! dotnet build Brands.Workflow.sln -c Release -nologo; then
  echo "error: the build failed; no test ran." >&2
  summary 0 1
fi

# Test projects are the ones that reference the test SDK; shared helpers (tests/Brands.Testing) are not.
mapfile -t projects < <(grep -l 'Microsoft.NET.Test.Sdk' tests/*/*.csproj | sort)
crashed=()
for project in "${projects[@]}"; do
  name="$(basename "$project" .csproj)"
  if [ -n "$filter" ] && [[ "$name" != *"$filter"* ]]; then
    continue
  fi
  echo "== Testing $name"
  dotnet test "$project" --no-build -c Release -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    --blame-hang-timeout 15m --blame-hang-dump-type none
  code=$?
  if [ "$code" -ne 0 ]; then
    echo "$name $code" >>"$results/exit-codes.txt"
  fi
  if [ ! -f "$results/$name.trx" ]; then
    crashed+=("$name")
  fi
done

# Sum the counters of every TRX file; a project that exited non-zero yet reports no failure (the test host
# crashed mid-run) or wrote no TRX at all counts as one failed test.
read -r passed failed < <(python3 - "$results" "${crashed[@]}" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET

results, crashed = sys.argv[1], sys.argv[2:]
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
codes = {}
codes_file = os.path.join(results, "exit-codes.txt")
if os.path.exists(codes_file):
    for line in open(codes_file, encoding="utf-8"):
        name, code = line.split()
        codes[name] = int(code)

passed = failed = 0
for path in sorted(glob.glob(os.path.join(results, "*.trx"))):
    name = os.path.basename(path)[:-4]
    try:
        counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    except ET.ParseError:
        counters = None
    if counters is None:
        print(f"{name}: unreadable TRX, counted as 1 failed", file=sys.stderr)
        failed += 1
        continue
    count = lambda key: int(counters.get(key, "0"))
    project_passed = count("passed")
    project_failed = count("failed") + count("error") + count("timeout") + count("aborted")
    if project_failed == 0 and codes.get(name, 0) != 0:
        print(f"{name}: exited with {codes[name]} but reported no failure, counted as 1 failed", file=sys.stderr)
        project_failed = 1
    print(f"{name}: {project_passed} passed, {project_failed} failed", file=sys.stderr)
    passed += project_passed
    failed += project_failed

for name in crashed:
    print(f"{name}: wrote no test results (crashed), counted as 1 failed", file=sys.stderr)
    failed += 1

print(passed, failed)
PY
)

if [ -z "${passed:-}" ] || [ -z "${failed:-}" ]; then
  echo "error: could not read the test results in $results." >&2
  summary 0 1
fi
echo "== Results in $results"
summary "$passed" "$failed"
