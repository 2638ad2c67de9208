#!/usr/bin/env bash
# Transfers per second with two-phase commit (LedgerDS + KefuDS + a JMS message) against the same
# transfer in one local transaction on a non-XA datasource, same PostgreSQL, same server, same run.
#   bench/xa-transfers.sh [N] [CLIENTS] [ROUNDS]      (defaults 2000 8 3)
# Environment: KEFU_BENCH_OFFSET (port offset, default 700: HTTP 8780, management 10690),
# KEFU_BENCH_DB / KEFU_BENCH_LEDGER_DB (databases, default kefu_bench / kefu_bench_ledger, created
# with psql when missing), KEFU_DB_HOST/KEFU_DB_PORT/KEFU_DB_USER (default 127.0.0.1 5432 postgres;
# password from KEFU_DB_PASSWORD as for the server), SKIP_BUILD=1 to use the existing build.
# WARMUP: transfers per mode before measuring, run twice (default 6000).
# KEFU_BENCH_MODES: the modes to run (default "local xa xa2 service").
# KEFU_BENCH_CLI (extra jboss-cli lines for the server's configuration) and KEFU_BENCH_OPTS (extra
# server arguments, e.g. -Dname=value): for experiments with the configuration, recorded as such.
# PostgreSQL needs max_prepared_transactions > 0 (wildfly-config/postgres/prepare.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-2000} clients=${2:-8} rounds=${3:-3}
offset=${KEFU_BENCH_OFFSET:-700}
db=${KEFU_BENCH_DB:-kefu_bench} ledger_db=${KEFU_BENCH_LEDGER_DB:-kefu_bench_ledger}
host=${KEFU_DB_HOST:-127.0.0.1} port=${KEFU_DB_PORT:-5432} user=${KEFU_DB_USER:-postgres}
http=$((8080 + offset)) mgmt=$((9990 + offset))
modes=${KEFU_BENCH_MODES:-"local xa xa2 service"}

if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "xa-transfers: building (./mvnw install -DskipTests -Ppostgres,bench)"
  (cd "$root" && ./mvnw -q install -DskipTests -Ppostgres && ./mvnw -q package -Pbench -pl bench/xa-transfers)
fi
jboss_home=$(ls -d "$root"/wildfly-config/target/wildfly-*/ | head -1)
ear="$root/ear/target/kefu.ear" war="$root/bench/xa-transfers/target/xa-bench.war"
[ -f "$ear" ] && [ -f "$war" ] || { echo "xa-transfers: build first ($ear, $war)" >&2; exit 2; }

if command -v psql >/dev/null; then
  for d in "$db" "$ledger_db"; do
    if [ -z "$(PGPASSWORD=${KEFU_DB_PASSWORD:-} psql -h "$host" -p "$port" -U "$user" -tAc "SELECT 1 FROM pg_database WHERE datname = '$d'" postgres)" ]; then
      PGPASSWORD=${KEFU_DB_PASSWORD:-} psql -h "$host" -p "$port" -U "$user" -qc "CREATE DATABASE $d" postgres
    fi
  done
else
  echo "xa-transfers: no psql; the databases $db and $ledger_db must exist" >&2
fi

# A server base of its own, configured from scratch each run (fresh JMS journal and transaction log).
base="$root/bench/xa-transfers/target/server"
rm -rf "$base"
bash "$root/wildfly-config/configure-server.sh" "$jboss_home" "$base" postgres "$root/wildfly-config/target/drivers" >/dev/null
cat > "$base/bench.cli" <<CLI
embed-server --server-config=standalone-full.xml --std-out=discard
data-source add --name=BenchLocalDS --jndi-name=java:jboss/datasources/BenchLocalDS --driver-name=postgresql --jta=false --connection-url="jdbc:postgresql://\${kefu.db.host:127.0.0.1}:\${kefu.db.port:5432}/\${kefu.ledger.db.name:kefu_ledger}" --user-name="\${kefu.db.user:postgres}" --password="\${env.KEFU_DB_PASSWORD:postgres}" --min-pool-size=1 --max-pool-size=50
jms-queue add --queue-address=kefu.bench.events --entries=[java:/jms/queue/kefu/bench/events]
${KEFU_BENCH_CLI:-}
stop-embedded-server
CLI
JAVA_OPTS="-Djboss.server.base.dir=$base" "$jboss_home/bin/jboss-cli.sh" --file="$base/bench.cli" >/dev/null

echo "xa-transfers: starting WildFly (port offset $offset, databases $db and $ledger_db)"
LAUNCH_JBOSS_IN_BACKGROUND=1 "$jboss_home/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$base" \
  -Djboss.socket.binding.port-offset="$offset" -Dkefu.sip.port=$((5060 + offset)) -Dkefu.node=kefu-bench \
  -Dkefu.db.host="$host" -Dkefu.db.port="$port" -Dkefu.db.user="$user" -Dkefu.db.name="$db" -Dkefu.ledger.db.name="$ledger_db" \
  -Dkefu.branchSimulator=false -Dkefu.demo=true ${KEFU_BENCH_OPTS:-} >"$base/console.log" 2>&1 &
server=$!
stop() {
  "$jboss_home/bin/jboss-cli.sh" --connect --controller=127.0.0.1:$mgmt --command=:shutdown >/dev/null 2>&1 || kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
}
trap stop EXIT

deploy() { # file
  local name; name=$(basename "$1")
  cp "$1" "$base/deployments/"
  for _ in $(seq 1 300); do
    [ -f "$base/deployments/$name.deployed" ] && return 0
    if [ -f "$base/deployments/$name.failed" ]; then echo "xa-transfers: $name failed to deploy:" >&2; cat "$base/deployments/$name.failed" >&2; exit 1; fi
    kill -0 "$server" 2>/dev/null || { echo "xa-transfers: the server died, see $base/console.log" >&2; exit 1; }
    sleep 1
  done
  echo "xa-transfers: $name not deployed after 300 s" >&2; exit 1
}
deploy "$ear"
deploy "$war"

run() { # mode n
  curl -fsS "http://127.0.0.1:$http/xa-bench/run?mode=$1&n=$2&clients=$clients"
}
# CPU time (clock ticks, user + system) of the server's JVM and of all PostgreSQL processes, so
# that each round also says where a transfer's CPU goes (on 2 saturated cores, the ratio of the
# rates is about the inverse ratio of CPU per transfer).
hz=$(getconf CLK_TCK)
jvm_pid() { pgrep -f "java.*jboss.server.base.dir=$base" | head -1; }
cpu_of() { # pid...
  local t=0 p
  for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "$t"
}
pg_cpu() { cpu_of $(pgrep -x postgres || true); }
measured() { # mode n: runs one round and appends the CPU per transfer (ms) to its line
  local j0 p0 j1 p1 line
  j0=$(cpu_of "$(jvm_pid)"); p0=$(pg_cpu)
  line=$(run "$1" "$2")
  j1=$(cpu_of "$(jvm_pid)"); p1=$(pg_cpu)
  awk -v l="$line" -v j=$((j1 - j0)) -v p=$((p1 - p0)) -v hz="$hz" -v n="$2" \
    'BEGIN { printf "%s cpu_java_ms=%.3f cpu_pg_ms=%.3f\n", l, j * 1000 / hz / n, p * 1000 / hz / n }'
}
# The JIT needs many thousand transfers of each kind before a mode runs compiled code (with 400 the
# C2 compiler still took a third of the JVM's CPU in the XA rounds): WARMUP transfers per mode,
# twice over, before anything is measured.
warmup=${WARMUP:-6000}
echo "xa-transfers: warm-up ($warmup transfers per mode, twice)"
for _ in 1 2; do for mode in $modes; do run "$mode" "$warmup" >/dev/null; done; done
echo "xa-transfers: $rounds round(s) of $n transfers by $clients clients per mode"
results=$(mktemp)
for r in $(seq 1 "$rounds"); do
  for mode in $modes; do
    line=$(measured "$mode" "$n"); echo "  round $r: $line"; echo "$line" >> "$results"
  done
done
awk '
  { split($0, f, " "); for (i in f) { split(f[i], kv, "="); v[kv[1]] = kv[2] }
    sum[v["mode"]] += v["tps"]; cnt[v["mode"]]++; fail += v["failures"]
    cj[v["mode"]] += v["cpu_java_ms"]; cp[v["mode"]] += v["cpu_pg_ms"] }
  END {
    l = cnt["local"] ? sum["local"] / cnt["local"] : 0; x = cnt["xa"] ? sum["xa"] / cnt["xa"] : 0
    x2 = cnt["xa2"] ? sum["xa2"] / cnt["xa2"] : 0; s = cnt["service"] ? sum["service"] / cnt["service"] : 0
    printf "non-XA (one local transaction, BenchLocalDS)          : %8.1f transfers/s\n", l
    printf "XA (LedgerDS + KefuDS + JMS, two-phase commit)        : %8.1f transfers/s (%.0f%% of non-XA; target >= 50%%)\n", x, l ? 100 * x / l : 0
    printf "XA without the JMS message (2 resources), for info   : %8.1f transfers/s\n", x2
    printf "BankingService.transfer (JPA, checks, 2PC), for info  : %8.1f transfers/s\n", s
    for (m in cnt) if (cnt[m]) printf "CPU per transfer, %-8s: server JVM %.3f ms, PostgreSQL %.3f ms\n", m, cj[m] / cnt[m], cp[m] / cnt[m]
    printf "failed transfers: %d\n", fail
  }' "$results"
rm -f "$results"
