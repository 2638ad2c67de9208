#!/usr/bin/env bash
# Crash soak for money (issue 13, item 8): phone-banking transfers and securities orders through
# the real BankingService and SecuritiesService on PostgreSQL while the server is killed with
# kill -9 at random moments; after every restart and recovery the ledger, the journal, the
# idempotency keys, PostgreSQL's prepared transactions, the transaction manager's and the broker's
# in-doubt transactions and the back-office messages are checked. See bench/README.md.
#   bench/crash-soak.sh                      (ITERATIONS=100 kills)
# Environment:
#   ITERATIONS (default 100), CLIENTS (concurrent clients, default 6), ORDER_PERCENT (share of
#   securities orders among the requests, default 25), MIN_SLEEP / MAX_SLEEP (seconds of load
#   before each kill, default 2 and 15, drawn at random to the millisecond), RECOVERY_SECONDS
#   (bound on recovery after a restart, default 180), SEED (default: the clock; printed, replays
#   the same kill times and requests), FRESH=0 (keep the databases and the server's state of the
#   previous run instead of starting from empty ones), SKIP_BUILD=1 (use the existing build),
#   MVN_ARGS (extra Maven arguments, e.g. -Dmaven.repo.local=...).
#   KEFU_SOAK_OFFSET (port offset, default 800: HTTP 8880, management 10790, recovery listener
#   5512, SIP 5860), KEFU_SOAK_DB / KEFU_SOAK_LEDGER_DB (default kefu_soak / kefu_soak_ledger,
#   created with psql), KEFU_DB_HOST/KEFU_DB_PORT/KEFU_DB_USER (default 127.0.0.1 5432 postgres;
#   password from KEFU_DB_PASSWORD). PostgreSQL needs max_prepared_transactions > 0
#   (wildfly-config/postgres/prepare.sh).
# Output: one line per iteration, then one line per check and the totals; everything of the run
# (records of every request, the server's console, each check's output) under
# bench/crash-soak/target/run/. Exit 1 at the first violation, naming the iteration.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
iterations=${ITERATIONS:-100} clients=${CLIENTS:-6} order_percent=${ORDER_PERCENT:-25}
min_sleep=${MIN_SLEEP:-2} max_sleep=${MAX_SLEEP:-15} recovery_limit=${RECOVERY_SECONDS:-180}
seed=${SEED:-$(date +%s)}
offset=${KEFU_SOAK_OFFSET:-800}
db=${KEFU_SOAK_DB:-kefu_soak} ledger_db=${KEFU_SOAK_LEDGER_DB:-kefu_soak_ledger}
host=${KEFU_DB_HOST:-127.0.0.1} port=${KEFU_DB_PORT:-5432} user=${KEFU_DB_USER:-postgres}
http=$((8080 + offset)) mgmt=$((9990 + offset)) recovery_port=$((4712 + offset)) sip=$((5060 + offset))
url="http://127.0.0.1:$http/crash-soak"
RANDOM=$((seed % 32768))
export PGPASSWORD=${KEFU_DB_PASSWORD:-}

say() { echo "crash-soak: $*"; }
die() { echo "crash-soak: $*" >&2; exit 1; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
q() { psql -h "$host" -p "$port" -U "$user" -tAqX -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

command -v psql >/dev/null || die "psql is needed (apt-get install postgresql-client)"
q postgres 'select 1' >/dev/null || die "no PostgreSQL answers at $host:$port as $user"
[ "$(q postgres 'show max_prepared_transactions')" -gt 0 ] \
  || die "max_prepared_transactions is 0 on $host:$port: run wildfly-config/postgres/prepare.sh"
for p in $http $mgmt $recovery_port; do
  if (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then die "port $p is in use (a server of an earlier run?): stop it first"; fi
done

if [ "${SKIP_BUILD:-}" != 1 ]; then
  say "building (./mvnw install -DskipTests -Ppostgres,bench ${MVN_ARGS:-})"
  # shellcheck disable=SC2086
  (cd "$root" && ./mvnw -q install -DskipTests -Ppostgres,bench ${MVN_ARGS:-})
fi
jboss_home=$(ls -d "$root"/wildfly-config/target/wildfly-*/ | head -1)
ear="$root/ear/target/kefu.ear" war="$root/bench/crash-soak/target/crash-soak.war"
classes="$root/bench/crash-soak/target/classes" driver="$root/wildfly-config/target/drivers/postgresql.jar"
[ -f "$ear" ] && [ -f "$war" ] && [ -f "$driver" ] || die "build first ($ear, $war, $driver)"
tool() { java -cp "$classes:$driver" -Dsoak.jdbc="jdbc:postgresql://$host:$port/" -Dsoak.kefuDb="$db" \
  -Dsoak.ledgerDb="$ledger_db" -Dsoak.user="$user" org.kefu.bench.soak.tool.SoakTool "$@"; }

base="$root/bench/crash-soak/target/server" run="$root/bench/crash-soak/target/run"
prepared_sql="SELECT COUNT(*) FROM pg_prepared_xacts WHERE database IN ('$db', '$ledger_db')"
if [ "${FRESH:-1}" = 1 ]; then
  # The databases and the server's transaction log and broker journal go together.
  for d in "$db" "$ledger_db"; do
    for gid in $(q postgres "SELECT gid FROM pg_prepared_xacts WHERE database = '$d'"); do q "$d" "ROLLBACK PREPARED '$gid'"; done
    q postgres "DROP DATABASE IF EXISTS $d WITH (FORCE)"
  done
  rm -rf "$base" "$run"
fi
for d in "$db" "$ledger_db"; do
  [ -n "$(q postgres "SELECT 1 FROM pg_database WHERE datname = '$d'")" ] || q postgres "CREATE DATABASE $d"
done
mkdir -p "$run/records" "$run/checks"
bash "$root/wildfly-config/configure-server.sh" "$jboss_home" "$base" postgres "$root/wildfly-config/target/drivers" >/dev/null
cp "$ear" "$war" "$base/deployments/"

server=""
start_server() {
  JBOSS_PIDFILE="$base/server.pid" LAUNCH_JBOSS_IN_BACKGROUND=1 \
  JAVA_OPTS="$(cat "$root/wildfly-config/server-jvm.options") -Djava.net.preferIPv4Stack=true" \
    "$jboss_home/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$base" \
    -Djboss.socket.binding.port-offset="$offset" -Dkefu.sip.port="$sip" -Dkefu.node=kefu-soak \
    -Dkefu.media.port.min=48000 -Dkefu.media.port.max=48999 \
    -Dkefu.db.host="$host" -Dkefu.db.port="$port" -Dkefu.db.user="$user" -Dkefu.db.name="$db" \
    -Dkefu.ledger.db.name="$ledger_db" -Dkefu.branchSimulator=true -Dkefu.demo=true >>"$run/console.log" 2>&1 &
  server=$!
}
jvm_pid() { cat "$base/server.pid" 2>/dev/null || true; }
stop_server() {
  [ -n "$server" ] || return 0
  "$jboss_home/bin/jboss-cli.sh" --connect --controller=127.0.0.1:$mgmt --command=:shutdown >/dev/null 2>&1 \
    || { p=$(jvm_pid); [ -n "$p" ] && kill "$p" 2>/dev/null; } || true
  wait "$server" 2>/dev/null || true
  server=""
}
load=""
cleanup() {
  [ -n "$load" ] && kill "$load" 2>/dev/null || true
  stop_server
}
trap cleanup EXIT

wait_ready() { # until the harness answers (the EAR and the WAR deployed), at most 300 s
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "$url/queues" 2>/dev/null && return 0
    kill -0 "$server" 2>/dev/null || die "$1: the server died while starting, see $run/console.log"
    for f in "$base"/deployments/*.failed; do [ -e "$f" ] && die "$1: $(basename "$f" .failed) failed to deploy: $(cat "$f")"; done
    sleep 0.5
  done
  die "$1: the server did not come up within 300 s"
}

# Asks Narayana's recovery listener for a full scan (both passes) and waits for its answer.
scan() {
  exec 5<>/dev/tcp/127.0.0.1/$recovery_port || return 0
  echo SCAN >&5
  read -r -t 120 _ <&5 || true
  exec 5<&- 5>&-
}

# In-doubt transactions left in the transaction manager's log and in the broker's journal
# (prints them; nothing when there are none).
leftovers() {
  local out
  out=$("$jboss_home/bin/jboss-cli.sh" --connect --controller=127.0.0.1:$mgmt --commands="/subsystem=transactions/log-store=log-store:probe,/subsystem=transactions/log-store=log-store:read-children-names(child-type=transactions),/subsystem=messaging-activemq/server=default:list-prepared-transactions" 2>&1) \
    || { echo "(management CLI failed: $out)"; return 0; }
  awk '/"result" =>/ { r = $0; sub(/.*"result" => /, "", r); if (r == "[") { inlist = 1; next }
                       if (r != "[]" && r != "undefined") bad = bad " " r; next }
       inlist && /^ *\]/ { inlist = 0; next }
       inlist { bad = bad " " $0 }
       END { gsub(/[ \t]+/, " ", bad); print bad }' <<<"$out"
}

# After a restart: recovery until no prepared transaction, no in-doubt transaction and every
# committed operation's message delivered, within RECOVERY_SECONDS. Prints the seconds it took.
recover() { # iteration
  local t0 deadline n left took log="$run/checks/recovery-$1.txt"
  t0=$(now); deadline=$(( $(date +%s) + recovery_limit ))
  while :; do
    n=$(q postgres "$prepared_sql")
    echo "$(secs "$t0" "$(now)") s: $n prepared transaction(s) in PostgreSQL" >>"$log"
    if [ "$n" = 0 ] && tool check "$run/records" --converge 3 >>"$log" 2>&1; then
      # The time is taken before asking the server (the management CLI takes seconds to start).
      took=$(secs "$t0" "$(now)")
      left=$(leftovers)
      [ -z "$left" ] && break
      echo "$(secs "$t0" "$(now)") s: in doubt in the server:$left" >>"$log"
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "crash-soak: iteration $1: FAIL recovery: not complete $recovery_limit s after the restart ($log)" >&2
      q postgres "SELECT database, gid, prepared FROM pg_prepared_xacts WHERE database IN ('$db', '$ledger_db')" >&2
      tail -3 "$log" >&2
      echo "in doubt in the server: $(leftovers)" >&2
      exit 1
    fi
    scan
    echo "$(secs "$t0" "$(now)") s: recovery scan done" >>"$log"
  done
  echo "$took s: recovered (nothing in doubt in the transaction log or the broker)" >>"$log"
  echo "$took"
}

check() { # iteration
  if ! tool check "$run/records" "$url" >"$run/checks/check-$1.txt" 2>&1; then
    echo "crash-soak: iteration $1: FAIL (server state, records and logs kept under $run):" >&2
    grep -v '^PASS' "$run/checks/check-$1.txt" >&2
    exit 1
  fi
}

say "seed $seed; $iterations kills; $clients clients, $order_percent% orders; load of $min_sleep-$max_sleep s before each kill"
say "starting WildFly (port offset $offset, databases $db and $ledger_db)"
start_server
wait_ready "start"
curl -fsS "$url/setup" >/dev/null || die "setup failed: see $run/console.log"
check 0

boot_times=() resolve_times=() recovery_times=() kills=0 in_doubt_total=0
for i in $(seq 1 "$iterations"); do
  records="$run/records/$(printf '%03d' "$i").tsv"
  # $RANDOM read here, not inside $(...): bash reseeds it in every subshell, and SEED would not replay.
  r1=$RANDOM r2=$RANDOM
  pause=$(awk -v a="$min_sleep" -v b="$max_sleep" -v r="$r1" -v s="$r2" \
    'BEGIN { printf "%.3f", a + (b - a) * ((r * 32768 + s) / 1073741824) }')
  tool load "$url" "$records" "$i" "$clients" "$order_percent" "$((seed + i))" 600 >"$run/checks/load-$i.txt" 2>&1 &
  load=$!
  sleep "$pause"
  victim=$(jvm_pid)
  [ -n "$victim" ] && kill -0 "$victim" 2>/dev/null || die "iteration $i: the server was not running before the kill"
  kill -9 "$victim"
  t_kill=$(now); kills=$((kills + 1))
  wait "$server" 2>/dev/null || true
  wait "$load" || die "iteration $i: the load driver failed: $(cat "$run/checks/load-$i.txt")"
  load=""
  # Branches the dead server left prepared in PostgreSQL: the two-phase commit windows the kill hit.
  in_doubt=$(q postgres "$prepared_sql")
  in_doubt_total=$((in_doubt_total + in_doubt))
  start_server
  wait_ready "iteration $i"
  t_ready=$(now)
  resolve=$(recover "$i")
  total=$(awk -v a="$(secs "$t_kill" "$t_ready")" -v b="$resolve" 'BEGIN { printf "%.1f", a + b }')
  boot_times+=("$(secs "$t_kill" "$t_ready")") resolve_times+=("$resolve") recovery_times+=("$total")
  retried=$(tool retry "$url" "$records" "$run/records/$(printf '%03d' "$i")-retry.tsv")
  # A retried order that runs now waits for its branch's answer, a retried transfer for its
  # message: let them arrive (the check below names whatever did not).
  echo "after the retries:" >>"$run/checks/recovery-$i.txt"
  tool check "$run/records" --converge "$recovery_limit" >>"$run/checks/recovery-$i.txt" 2>&1 || true
  check "$i"
  say "iteration $i/$iterations: load ${pause}s ($(sed 's/^load [0-9]*: //' "$run/checks/load-$i.txt")), kill -9 ($in_doubt prepared in PostgreSQL); up again in $(secs "$t_kill" "$t_ready")s, recovered ${resolve}s later (total ${total}s); $retried; $(sed -n 's/^figures //p' "$run/checks/check-$i.txt")"
done

# Late duplicates would show now: a last scan, a pause, and the checks once more.
scan; sleep 10; scan
check final
stats() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR) printf "min %.1f s, median %.1f s, max %.1f s", v[1], (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[NR] }'; }
echo
say "summary of $kills kill(s) (seed $seed):"
grep -E '^(PASS|FAIL)' "$run/checks/check-final.txt" | sed 's/^/  /'
figures=$(sed -n 's/^figures //p' "$run/checks/check-final.txt")
echo "  totals: kills=$kills $figures"
echo "  PostgreSQL branches left prepared by the kills: $in_doubt_total (all resolved by recovery)"
echo "  kill to server up again : $(stats "${boot_times[@]}")"
echo "  up to recovered         : $(stats "${resolve_times[@]}") (no prepared or in-doubt transaction, every message delivered)"
echo "  kill to recovered       : $(stats "${recovery_times[@]}")"
