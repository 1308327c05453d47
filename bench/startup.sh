#!/usr/bin/env bash
# Start-up of each component against a bare Quarkus REST + Panache app (bench/bare-app: one entity, one resource,
# health; the suite's Quarkus and packaging) started beside it in the same run: from the launch of `java` to
# /q/health/ready answering 200 (database checked in both), polled every 20 ms; ROUNDS rounds (3), each starting the
# bare app and then every component once, one at a time; medians and the ratio to the bare app's median (goal:
# <= 1.0). Needs `./suite up`: each component is started a second time on a spare port with the running suite's
# jar, settings, JVM and options (.run/NAME/java: runtime/jvm.conf, and the AOT cache ./suite trained on JDK 25).
# The bare app gets the same JVM and options, and on JDK 25 its own AOT cache, trained the same way (a start until
# ready) before the first round.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${ROUNDS:-3}"
PORT="${BENCH_PORT:-18100}"
read -r JAVA JAVA_OPTS <<<"$(head -n 1 .run/contract-registry/java)"
COMPONENTS=(${COMPONENTS:-gateway contract-registry asset-inventory listing-approval})
for name in "${COMPONENTS[@]}"; do
  [[ -f ".run/$name/env" && -f ".run/$name/app/quarkus-run.jar" ]] || { echo "run ./suite up first ($name)"; exit 1; }
done
env_of() { grep -E '^QUARKUS_DATASOURCE_(USERNAME|PASSWORD)=' .run/contract-registry/env | sed -n "/^QUARKUS_DATASOURCE_$1=/s/^[^=]*=//p"; }
DB_USER="$(env_of USERNAME)"
DB_PASSWORD="$(env_of PASSWORD)"
DB_URL="$(sed -n 's/^QUARKUS_DATASOURCE_JDBC_URL=\(.*\)\/[^/]*$/\1/p' .run/contract-registry/env)"

# The bare app's database: one table and its sequence, owned by the suite's database user.
psql -h 127.0.0.1 -U postgres -qAt -c "SELECT 1 FROM pg_database WHERE datname = 'bench_bare'" | grep -q 1 ||
  psql -h 127.0.0.1 -U postgres -q -c "CREATE DATABASE bench_bare OWNER \"$DB_USER\""
PGPASSWORD="$DB_PASSWORD" psql -h 127.0.0.1 -U "$DB_USER" -d bench_bare -q -c \
  "CREATE TABLE IF NOT EXISTS item (id bigint PRIMARY KEY, name varchar(255));
   CREATE SEQUENCE IF NOT EXISTS item_seq INCREMENT 50"
(cd bench/bare-app && { mvn -B -q -o package -DskipTests >/dev/null 2>&1 || mvn -B -q package -DskipTests; })
BARE_JAR=bench/bare-app/target/quarkus-app/quarkus-run.jar

log=$(mktemp)
# Milliseconds from launch to ready: ready_ms URL VAR=value…, with $command (java, options, -jar, the jar)
ready_ms() {
  local url=$1 start end pid code
  shift
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  env "$@" setsid $command >"$log" 2>&1 </dev/null &
  pid=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url" || true)
    [[ "$code" == 200 ]] && break
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "it exited before ready: $(tail -5 "$log")" >&2
      exit 1
    fi
    sleep 0.02
  done
  end=$(date +%s%N)
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo $(((end - start) / 1000000))
}

median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }

bare_env=(QUARKUS_HTTP_PORT="$PORT" QUARKUS_DATASOURCE_JDBC_URL="$DB_URL/bench_bare" QUARKUS_DATASOURCE_USERNAME="$DB_USER"
  QUARKUS_DATASOURCE_PASSWORD="$DB_PASSWORD")
bare_command="$JAVA $JAVA_OPTS -jar $BARE_JAR"
if grep -q -- '-XX:AOTCache=' .run/contract-registry/java; then
  aot=bench/bare-app/target/app.aot
  rm -f "$aot"
  command="$JAVA $JAVA_OPTS -XX:AOTCacheOutput=$aot -jar $BARE_JAR"
  ready_ms "http://127.0.0.1:$PORT/q/health/ready" "${bare_env[@]}" >/dev/null # the training run
  [[ -s "$aot" ]] || { echo "the bare app's training run wrote no AOT cache" >&2; exit 1; }
  bare_command="$JAVA $JAVA_OPTS -XX:AOTCache=$aot -jar $BARE_JAR"
fi
declare -A times
echo "launch to /q/health/ready, ms; $("$JAVA" -version 2>&1 | head -1); $JAVA_OPTS$([[ -n "${aot:-}" ]] && echo ', AOT cache'); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %10s' round bare
for name in "${COMPONENTS[@]}"; do printf ' %18s' "$name"; done
echo
for round in $(seq 1 "$ROUNDS"); do
  command=$bare_command
  t=$(ready_ms "http://127.0.0.1:$PORT/q/health/ready" "${bare_env[@]}")
  times[bare]+="$t "
  printf '%-6s %10s' "$round" "$t"
  for name in "${COMPONENTS[@]}"; do
    command="$(sed -n 2p ".run/$name/java")"
    mapfile -t settings < <(grep -v -E '^QUARKUS_(HTTP|MANAGEMENT)_PORT=' ".run/$name/env")
    t=$(ready_ms "http://127.0.0.1:$((PORT + 1000))/q/health/ready" "${settings[@]}" \
      QUARKUS_HTTP_PORT="$PORT" QUARKUS_MANAGEMENT_PORT="$((PORT + 1000))")
    times[$name]+="$t "
    printf ' %18s' "$t"
  done
  echo
done
rm -f "$log"
# shellcheck disable=SC2086
bare=$(median ${times[bare]})
printf '%-6s %10s' median "$bare"
# shellcheck disable=SC2086
for name in "${COMPONENTS[@]}"; do printf ' %18s' "$(median ${times[$name]})"; done
echo
printf '%-6s %10s' ratio 1.00
# shellcheck disable=SC2086
for name in "${COMPONENTS[@]}"; do
  printf ' %18s' "$(awk -v a="$(median ${times[$name]})" -v b="$bare" 'BEGIN { printf "%.2f", a / b }')"
done
echo
