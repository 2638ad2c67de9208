#!/usr/bin/env bash
# SIP benchmark of Kefu's switch (issue 3), with public tools only (sipp from Debian's sip-tester).
#   bench/sip-load.sh            call rates, then concurrent calls with media
#   RATES="100 500" bench/sip-load.sh rates      only the call-rate part
#   WARM_CALLS=40000 WARM_RATE=500 bench/sip-load.sh rates   the same on a warm server (the JIT's
#                                                 activity before and after the warming is shown)
#   CALLS=1000 bench/sip-load.sh media           only the media part
#   CALLS=2000 RATE=100 bench/sip-load.sh cpu     server CPU time per call (after WARM_CALLS, default 1,000, at RATE) (robust on a busy machine;
#                                                 JFR=1 also records a flight recording of the run;
#                                                 ASPROF=<path to async-profiler's asprof> writes the
#                                                 run's CPU profile as collapsed stacks, cpu.collapsed)
#   FLOOD_RATE=4500 bench/sip-load.sh flood       a storm of FLOOD_SECONDS (10) at FLOOD_RATE calls/s, then
#                                                 ordinary calls (AFTER_RATE 50/s for 10 s): goodput during
#                                                 the storm, 503s, time until the first call is answered
#                                                 again, failures after; STOP_UNDER_LOAD=1 then stops the
#                                                 server with SIGTERM during a second storm and times it
# It starts its own Kefu from the build (embedded H2, port offset 600, SIP 35060), measures, and
# stops it. Part 1: sipp's built-in uac against the hotline 12345 (INVITE, Kefu answers and plays
# its greeting, 1 s later BYE) at rising rates, side by side with sipp uac against sipp uas on the
# same machine in the same run: calls/s reached, failed calls, p95 call setup (INVITE→200).
# KEFU_BENCH_JVM replaces the server JVM's heap and GC options (default: wildfly-config/server-jvm.options,
# what ./mvnw -Pstart runs Kefu with).
# Part 2: CALLS concurrent calls waiting in the hotline queue (one agent logged in, not ready) with RTP both ways; late and lost packets from Kefu's
# media statistics (/kefu/api/health, whose details only an administrator sees: KEFU_ADMIN, default
# the demo administrator 1006:kefu2026). Results go to bench/out/<time>/ and stdout.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
what=${1:-all}
rates=${RATES:-"400 800 1200 1500 2000"}
per_rate=${SECONDS_PER_RATE:-10}
calls=${CALLS:-1000}
hold_ms=${HOLD_MS:-40000}
offset=600 http=8680 sip=35060 uas=35070
admin=${KEFU_ADMIN:-1006:kefu2026}
jboss=$root/wildfly-config/target/wildfly-39.0.1.Final
base=$root/wildfly-config/target/bench-h2
out=$root/bench/out/$(date +%Y%m%d-%H%M%S)
mkdir -p "$out"
bash "$root/tools/ensure-test-tools.sh" sipp
[ -f "$root/ear/target/kefu.ear" ] && [ -d "$jboss" ] || (cd "$root" && ./mvnw -q install -DskipTests)
bash "$root/wildfly-config/configure-server.sh" "$jboss" "$base" h2 "$root/wildfly-config/target/drivers" >/dev/null
rm -rf "$base/data" "$base/deployments"/kefu.ear*
mkdir -p "$base/data/kefu" "$base/deployments"
cp "$root/ear/target/kefu.ear" "$base/deployments/"
ln -sfn /usr/share/sip-tester "$out/pcap"

# A server left over from an earlier run would answer in this run's place: refuse to measure it.
if curl -fs "http://127.0.0.1:$http/kefu/api/health" >/dev/null 2>&1 || ss -ltn 2>/dev/null | grep -q ":$http "; then
  echo "sip-load: something already listens on port $http (a server from an earlier run?); stop it first" >&2
  exit 1
fi
server_pid=
uas_pid=
stop() {
  [ -n "$uas_pid" ] && kill "$uas_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  # standalone.sh starts the JVM as its child: stop that too, by its base directory.
  pkill -f "jboss.server.base.dir=$base" 2>/dev/null || true
  [ -n "$server_pid" ] && wait "$server_pid" 2>/dev/null || true
}
trap stop EXIT
JAVA_OPTS="${KEFU_BENCH_JVM:-$(cat "$root/wildfly-config/server-jvm.options")} -Djava.net.preferIPv4Stack=true" \
  "$jboss/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$base" \
  -Djboss.socket.binding.port-offset=$offset -Dkefu.sip.port=$sip -Dkefu.demo=true > "$out/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$http/kefu/api/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$http/kefu/api/health" >/dev/null || { echo "Kefu did not come up; see $out/server.out"; exit 1; }
echo "Kefu up (SIP 127.0.0.1:$sip); results in $out"
cd "$out"

# p95 of the INVITE→200 times sipp wrote (-trace_rtt, one line per call: date;ms;rtd).
p95() {
  awk -F';' 'NR>1 && $2 ~ /^[0-9.]+$/ {print $2}' "$@" 2>/dev/null | sort -n |
    awk '{a[NR]=$1} END {if (NR==0) {print "n/a"} else {i=int(NR*0.95); if (i<1) i=1; printf "%.1f", a[i]}}'
}
# calls/s actually completed, from sipp's final statistics line.
stat_of() { # file column-name
  awk -F';' -v col="$2" 'NR==1 {for (i=1;i<=NF;i++) if ($i==col) c=i} END {print $c}' "$1"
}

load() { # label target rate
  local label=$1 target=$2 rate=$3 dir="$out/$1-$3"
  mkdir -p "$dir"
  local m=$((rate * per_rate))
  (cd "$dir" && sipp "$target" -sn uac -s 12345 -r "$rate" -m "$m" -l $((rate * 4)) -d 1000 \
      -i 127.0.0.1 -p $((36000 + RANDOM % 2000)) -nostdin -timeout $((per_rate + 60))s \
      -trace_stat -stf stat.csv -fd 1 -trace_rtt -rtt_freq 1 -trace_err > sipp.out 2>&1) || true
  local ok failed elapsed
  ok=$(stat_of "$dir/stat.csv" "SuccessfulCall(C)")
  failed=$(stat_of "$dir/stat.csv" "FailedCall(C)")
  elapsed=$(stat_of "$dir/stat.csv" "ElapsedTime(C)")
  printf "%-8s rate %5s/s: %6s ok, %5s failed, p95 setup %6s ms, elapsed %s\n" \
    "$label" "$rate" "$ok" "$failed" "$(p95 "$dir"/*_rtt.csv)" "$elapsed" | tee -a "$out/summary.txt"
}

# The JIT compiler's totals in the server JVM: compilations so far and seconds spent compiling.
jit() {
  local jvm
  jvm=$(pgrep -f "java.*jboss.server.base.dir=$base" | head -1)
  jstat -compiler "$jvm" 2>/dev/null | awk 'NR==2 {printf "%d compilations, %.1f s compiling", $1, $4}'
}

if [ "$what" = all ] || [ "$what" = rates ]; then
  # Item 5 of issue 13 measures a *warm* server: WARM_CALLS calls at WARM_RATE/s (default 0: the
  # rates run cold, on top of the server's own 2,000-call warm-up), then the compiler's activity is
  # shown, so one can see whether C2 was still at work when the measured rates began.
  warm_calls=${WARM_CALLS:-0}
  if [ "$warm_calls" -gt 0 ]; then
    warm_rate=${WARM_RATE:-400}
    echo "jit before warming: $(jit)" | tee -a "$out/summary.txt"
    mkdir -p "$out/warm"
    (cd "$out/warm" && sipp "127.0.0.1:$sip" -sn uac -s 12345 -r "$warm_rate" -m "$warm_calls" -l $((warm_rate * 4)) -d 1000 \
        -i 127.0.0.1 -p 37300 -nostdin -timeout $((warm_calls / warm_rate + 90))s \
        -trace_stat -stf stat.csv -fd 1 > sipp.out 2>&1) || true
    jit_after_warm=$(jit)
    sleep 10
    printf "warm     %s calls at %s/s: %s ok, %s failed; jit after warming: %s; 10 s later: %s\n" "$warm_calls" "$warm_rate" \
      "$(stat_of "$out/warm/stat.csv" "SuccessfulCall(C)")" "$(stat_of "$out/warm/stat.csv" "FailedCall(C)")" \
      "$jit_after_warm" "$(jit)" | tee -a "$out/summary.txt"
  fi
  sipp -sn uas -i 127.0.0.1 -p $uas -nostdin -bg > /dev/null 2>&1 || true
  uas_pid=$(pgrep -f "sipp -sn uas -i 127.0.0.1 -p $uas" | head -1 || true)
  for r in $rates; do
    load kefu "127.0.0.1:$sip" "$r"
    load baseline "127.0.0.1:$uas" "$r"
    sleep 3
  done
  kill "$uas_pid" 2>/dev/null || true
  uas_pid=
fi

if [ "$what" = all ] || [ "$what" = media ]; then
  # Callers who ask for an agent wait in the hotline queue with music only while some agent is
  # logged in (with nobody logged in the ACD says goodbye): log one in, not ready.
  curl -fs -u 1001:kefu2026 -H 'Content-Type: application/json' -d '{"extension":"8001"}' \
    "http://127.0.0.1:$http/kefu/api/agents/1001/login" >/dev/null || echo "warning: agent 1001 login failed"
  dir="$out/media-$calls"
  mkdir -p "$dir"
  ln -sfn /usr/share/sip-tester "$dir/pcap"
  sed "s/\[service\]/12345/g; s/\[hold\]/$hold_ms/g" "$root/bench/sip/uac-hold-rtp.xml" > "$dir/uac-hold-rtp.xml"
  # Warm-up, as for any JVM benchmark: MEDIA_WARMUP calls (default 300) through the same
  # scenario with a 10 s hold, so the measured run does not time the JIT compiling the media
  # and call paths. The figures below are the differences over the measured run alone.
  warm=${MEDIA_WARMUP:-300}
  if [ "$warm" -gt 0 ]; then
    mkdir -p "$dir/warmup" && ln -sfn /usr/share/sip-tester "$dir/warmup/pcap"
    sed "s/\[service\]/12345/g; s/\[hold\]/10000/g" "$root/bench/sip/uac-hold-rtp.xml" > "$dir/warmup/uac-hold-rtp.xml"
    (cd "$dir/warmup" && sipp "127.0.0.1:$sip" -sf uac-hold-rtp.xml -r 50 -m "$warm" -l "$warm" \
        -i 127.0.0.1 -p 38000 -mp 40000 -nostdin -timeout $((warm / 50 + 60))s > sipp.out 2>&1) || true
    for _ in $(seq 1 60); do
      curl -fs -u "$admin" "http://127.0.0.1:$http/kefu/api/health" | grep -q 'media: 0 session' && break
      sleep 1
    done
  fi
  curl -fs -u "$admin" "http://127.0.0.1:$http/kefu/api/health" > "$dir/health-before.json" || true
  (cd "$dir" && sipp "127.0.0.1:$sip" -sf uac-hold-rtp.xml -r 50 -m "$calls" -l "$calls" \
      -i 127.0.0.1 -p 38000 -mp 40000 -nostdin -timeout $((hold_ms / 1000 + calls / 50 + 90))s \
      -trace_stat -stf stat.csv -fd 1 -trace_err > sipp.out 2>&1) &
  sipp_pid=$!
  peak=0
  # Every 2 s: calls in progress, and the media line (in media-timeline.txt, to see when ticks ran late).
  while kill -0 $sipp_pid 2>/dev/null; do
    health=$(curl -fs -u "$admin" "http://127.0.0.1:$http/kefu/api/health" || true)
    echo "$(date +%T) $(echo "$health" | grep -o 'media: [^"]*' || true)" >> "$dir/media-timeline.txt"
    now=$(echo "$health" | grep -o '[0-9]* call(s)' | grep -o '^[0-9]*' || echo 0)
    [ "${now:-0}" -gt "$peak" ] && peak=$now
    sleep 2
  done
  sleep 3
  curl -fs -u "$admin" "http://127.0.0.1:$http/kefu/api/health" > "$dir/health-after.json" || true
  media=$(grep -o 'media: [^"]*' "$dir/health-after.json" || echo "media: n/a")
  # Over the measured run only: the counters after less those before (warm-up left out).
  counts() { grep -o 'media: [^"]*' "$1" | sed -E 's/.* ([0-9]+) packets in.*sent late: ([0-9]+) of ([0-9]+)\), .*ticks late \(([0-9]+) of ([0-9]+)\).*/\1 \2 \3 \4 \5/'; }
  run_media=$(paste -d' ' <(counts "$dir/health-before.json") <(counts "$dir/health-after.json") | awk '{
    printf "measured run: %d packets in, %d of %d packets sent late (%.3f%%), %d of %d ticks late (%.3f%%)",
      $6 - $1, $7 - $2, $8 - $3, ($8 - $3) ? 100 * ($7 - $2) / ($8 - $3) : 0, $9 - $4, $10 - $5, ($10 - $5) ? 100 * ($9 - $4) / ($10 - $5) : 0 }')
  printf "media    %s calls asked, peak %s concurrent on Kefu, %s ok, %s failed; %s; server totals: %s\n" "$calls" "$peak" \
    "$(stat_of "$dir/stat.csv" "SuccessfulCall(C)")" "$(stat_of "$dir/stat.csv" "FailedCall(C)")" "$run_media" "$media" | tee -a "$out/summary.txt"
fi
if [ "$what" = cpu ]; then
  # CPU time the server's JVM spends per call (user + system, from /proc), measured over CALLS
  # calls at RATE calls/s after a warm-up: a figure that other load on the machine barely moves,
  # unlike calls/s. 2 cores give 2,000 ms of CPU per second, so 2,000 / (ms per call) bounds the
  # call rate this machine could carry with sipp's own share left out.
  rate=${RATE:-100}
  jvm=$(pgrep -f "java.*jboss.server.base.dir=$base" | head -1)
  ticks() { awk '{print $14 + $15}' "/proc/$jvm/stat"; }
  hz=$(getconf CLK_TCK)
  run_calls() { # label calls
    mkdir -p "$out/$1"
    (cd "$out/$1" && sipp "127.0.0.1:$sip" -sn uac -s 12345 -r "$rate" -m "$2" -l $((rate * 4)) -d 1000 \
        -i 127.0.0.1 -p $((36000 + RANDOM % 2000)) -nostdin -timeout $(($2 / rate + 90))s \
        -trace_stat -stf stat.csv -fd 1 -trace_rtt -rtt_freq 1 > sipp.out 2>&1) || true
  }
  run_calls warmup "${WARM_CALLS:-1000}"
  sleep 5
  [ "${JFR:-}" = 1 ] && jcmd "$jvm" JFR.start name=cpu settings=profile filename="$out/cpu.jfr" >/dev/null
  [ -n "${ASPROF:-}" ] && "$ASPROF" start -e cpu -i 1ms "$jvm" >/dev/null
  before=$(ticks)
  run_calls cpu "$calls"
  sleep 3
  after=$(ticks)
  [ "${JFR:-}" = 1 ] && jcmd "$jvm" JFR.stop name=cpu >/dev/null
  [ -n "${ASPROF:-}" ] && "$ASPROF" stop -o collapsed -f "$out/cpu.collapsed" "$jvm" >/dev/null
  ok=$(stat_of "$out/cpu/stat.csv" "SuccessfulCall(C)")
  failed=$(stat_of "$out/cpu/stat.csv" "FailedCall(C)")
  awk -v t=$((after - before)) -v hz="$hz" -v n="$ok" -v f="$failed" -v r="$rate" -v p95="$(p95 "$out"/cpu/*_rtt.csv)" 'BEGIN {
    ms = t * 1000 / hz / n;
    printf "cpu      %d calls at %d/s (%d failed): server CPU %.2f ms per call; p95 setup %s ms; bound on 2 cores: %.0f calls/s\n", n, r, f, ms, p95, 2000 / ms }' | tee -a "$out/summary.txt"
fi
if [ "$what" = flood ]; then
  flood_rate=${FLOOD_RATE:-4500} flood_s=${FLOOD_SECONDS:-10} after_rate=${AFTER_RATE:-50}
  dir="$out/flood-$flood_rate"
  mkdir -p "$dir"
  # Warm the call path first (a JIT-cold server is slower, not wedged; this mode is about overload).
  (cd "$dir" && sipp "127.0.0.1:$sip" -sn uac -s 12345 -r 200 -m 4000 -l 800 -d 1000 -i 127.0.0.1 \
      -p 37100 -nostdin -timeout 90s > warmup.out 2>&1) || true
  sleep 3
  (cd "$dir" && sipp "127.0.0.1:$sip" -sn uac -s 12345 -r "$flood_rate" -m $((flood_rate * flood_s)) \
      -l $((flood_rate * 4)) -d 1000 -i 127.0.0.1 -p 37200 -nostdin -timeout $((flood_s + 60))s \
      -max_socket 60000 -trace_stat -stf stat.csv -fd 1 -trace_err > sipp.out 2>&1) || true
  flood_end=$(date +%s%N)
  ok=$(stat_of "$dir/stat.csv" "SuccessfulCall(C)")
  failed=$(stat_of "$dir/stat.csv" "FailedCall(C)")
  refused=$(grep -c 'SIP/2.0 503' "$dir"/*_errors.log 2>/dev/null || echo 0)
  # The first call answered after the storm: one call at a time until one succeeds (at most 60 s).
  first_ok=
  for i in $(seq 1 60); do
    if (cd "$dir" && sipp "127.0.0.1:$sip" -sn uac -s 12345 -m 1 -d 100 -i 127.0.0.1 -p 37300 -nostdin \
        -timeout 10s > probe.out 2>&1); then
      first_ok=$(( ($(date +%s%N) - flood_end) / 1000000 )); break
    fi
    sleep 1
  done
  mkdir -p "$dir/after"
  (cd "$dir/after" && sipp "127.0.0.1:$sip" -sn uac -s 12345 -r "$after_rate" -m $((after_rate * 10)) -l $((after_rate * 4)) \
      -d 1000 -i 127.0.0.1 -p 37400 -nostdin -timeout 60s -trace_stat -stf stat.csv -fd 1 -trace_rtt -rtt_freq 1 > sipp.out 2>&1) || true
  health=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http/kefu/api/health")
  printf "flood    %s/s for %s s: %s answered (goodput %s calls/s), %s failed (%s 503 seen in sipp's error log); first call answered %s ms after; then %s/s for 10 s: %s ok, %s failed, p95 setup %s ms; health %s\n" \
    "$flood_rate" "$flood_s" "$ok" "$((ok / flood_s))" "$failed" "$refused" "${first_ok:-never (60 s)}" "$after_rate" \
    "$(stat_of "$dir/after/stat.csv" "SuccessfulCall(C)")" "$(stat_of "$dir/after/stat.csv" "FailedCall(C)")" \
    "$(p95 "$dir"/after/*_rtt.csv)" "$health" | tee -a "$out/summary.txt"
  if [ "${STOP_UNDER_LOAD:-}" = 1 ]; then
    (cd "$dir" && sipp "127.0.0.1:$sip" -sn uac -s 12345 -r "$flood_rate" -m $((flood_rate * 30)) -l $((flood_rate * 4)) \
        -d 1000 -i 127.0.0.1 -p 37500 -nostdin -timeout 40s -max_socket 60000 > stop-flood.out 2>&1) &
    sleep 5
    jvm=$(pgrep -f "java.*jboss.server.base.dir=$base" | head -1)
    t0=$(date +%s%N)
    kill -TERM "$jvm"
    for _ in $(seq 1 120); do kill -0 "$jvm" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$jvm" 2>/dev/null; then
      echo "stop     SIGTERM under a storm: still running after 30 s" | tee -a "$out/summary.txt"
    else
      echo "stop     SIGTERM under a storm: the server stopped in $(( ($(date +%s%N) - t0) / 1000000 )) ms" | tee -a "$out/summary.txt"
    fi
    pkill -f "sipp 127.0.0.1:$sip" 2>/dev/null || true
  fi
fi
echo "summary: $out/summary.txt"
