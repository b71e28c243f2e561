# Shared by bench/run.sh and bench/compare.sh (sourced, not run): a throwaway durable PostgreSQL cluster and
# pgbench's commit rate on it. The caller sets `results` (a folder for logs) and `pgbench_seconds` first.

pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ] || [ ! -x "$pg_bin/pgbench" ]; then
  echo "error: PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin); apt-get install -y postgresql" >&2
  exit 1
fi

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# describe_machine: the lines each run's machine.txt starts with (date, commit, cpu, memory, server, SDK, load).
describe_machine() {
  echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(nproc) cores)"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GB total, " $7 " GB available"}')"
  echo "postgresql: $("$pg_bin/postgres" --version)"
  echo "dotnet: $(dotnet --version)"
  echo "load at start: $(load_average)"
}

# begin_comparison REVISION [LINE]: for the scripts that compare a revision with the working tree — sets base (the
# revision, short) and runs, empties results, and writes machine.txt (the machine, both sides, and LINE if given).
begin_comparison() {
  base="$(git -C "$root" rev-parse --short "$1")"
  rm -rf "$results"
  mkdir -p "$results"
  runs="$results/runs.jsonl"
  : >"$runs"
  {
    describe_machine
    echo "base: $base; working tree: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
    if [ -n "${2:-}" ]; then echo "$2"; fi
  } | tee "$results/machine.txt"
}

# free_port: a loopback port nobody listens on now.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

load_average() { uptime | sed 's/.*load average: //'; }

psql() { "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

# start_cluster: initdb into a temp folder owned by postgres, pg_ctl on a free loopback port (sets pg_dir and
# port), removed again on exit. Durable like production: fsync and synchronous_commit stay on. Room for the run so
# that no checkpoint is forced by WAL volume in the middle of a measurement. Prepares pgbench's table and script.
# BENCH_PG_MAX_CONNECTIONS (200) for runs with several nodes; BENCH_PG_OPTIONS adds server settings (e.g.
# "-c shared_preload_libraries=pg_stat_statements").
start_cluster() {
  pg_dir="$(mktemp -d /tmp/brands-bench-pg.XXXXXX)"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$pg_dir"; fi
  trap stop_cluster EXIT INT TERM
  port="$(free_port)"
  echo "== PostgreSQL in $pg_dir on 127.0.0.1:$port"
  as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$results/initdb.log" 2>&1
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c full_page_writes=on \
        -c shared_buffers=256MB -c max_connections=${BENCH_PG_MAX_CONNECTIONS:-200} -c max_wal_size=4GB -c checkpoint_timeout=30min \
        -c wal_buffers=16MB ${BENCH_PG_OPTIONS:-}" start >/dev/null
  psql -d postgres -c "SHOW fsync" -c "SHOW synchronous_commit" -c "SHOW wal_sync_method" | paste -sd' ' \
    | awk '{print "server: fsync=" $1 ", synchronous_commit=" $2 ", wal_sync_method=" $3}' | tee -a "$results/machine.txt"
  psql -d postgres -c "CREATE DATABASE pgbench_insert"
  psql -d pgbench_insert -c "CREATE TABLE bench_insert (id bigserial PRIMARY KEY, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())"
  printf '%s\n' "INSERT INTO bench_insert (payload) VALUES ('one row, one commit');" >"$results/insert.sql"
}

stop_cluster() {
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}

# engine_connection DATABASE: the connection string the engine runs get.
engine_connection() { echo "Host=127.0.0.1;Port=$port;Database=$1;Username=postgres;Maximum Pool Size=64"; }

# pgbench_run CALLERS TAG: pgbench's rate for a one-row INSERT transaction, appended to $runs as a JSON line.
pgbench_run() {
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
