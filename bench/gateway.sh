#!/usr/bin/env bash
# Benchmark: throughput through the gateway (token validated there and again at the service) against calling the
# service directly, same machine, same run, alternated. Goal (issue 6): at least 80% of direct.
# Needs `./suite up`. Starts a second gateway on BENCH_PORT from the suite's own jar with the per-client rate limit
# lifted (a benchmark is one client flooding on purpose; the suite's gateway would answer it 429, as it should).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-32}"
BENCH_PORT="${BENCH_PORT:-8090}"
PATH_QUERY="${PATH_QUERY:-/api/v1/contracts?size=1}"
DIRECT="${DIRECT:-http://localhost:8081}"

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)"
  apt-get install -y -q wrk >/dev/null
fi

token=$(curl -sf -d grant_type=client_credentials -d client_id=demo-firm-a -d client_secret=demo-firm-a-secret \
  http://localhost:8180/realms/guoziyun/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

QUARKUS_OIDC_AUTH_SERVER_URL=http://localhost:8180/realms/guoziyun java -Xmx192m -XX:+UseSerialGC -Dquarkus.http.port="$BENCH_PORT" -Dquarkus.http.access-log.enabled=false \
  -Dgateway.rate-limit.requests-per-second=100000000 -Dgateway.rate-limit.burst=100000000 ${BENCH_GATEWAY_OPTS:-} \
  -jar "${GATEWAY_JAR:-.run/gateway/app/quarkus-run.jar}" >/tmp/bench-gateway.log 2>&1 &
gateway_pid=$!
trap 'kill $gateway_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://localhost:$BENCH_PORT/q/health/live" >/dev/null && break
  sleep 0.5
done
GATEWAY="http://localhost:$BENCH_PORT"

rate() { # url -> requests per second
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H "Authorization: Bearer $token" "$1" | awk '/Requests\/sec/ {print $2}'
}
check() { # every request must succeed: a 4xx/5xx-fast path would flatter the numbers
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$1")
  [[ "$code" == 200 ]] || { echo "$1 answered $code" >&2; exit 1; }
}
check "$DIRECT$PATH_QUERY"
check "$GATEWAY$PATH_QUERY"
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-20s}" -H "Authorization: Bearer $token" "$DIRECT$PATH_QUERY" >/dev/null   # warm-up: both JITs
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-20s}" -H "Authorization: Bearer $token" "$GATEWAY$PATH_QUERY" >/dev/null

echo "GET $PATH_QUERY, wrk -t2 -c$CONNECTIONS -d$DURATION, $ROUNDS rounds"
printf '%-6s %12s %12s %7s\n' round direct gateway ratio
ratios=()
for round in $(seq 1 "$ROUNDS"); do
  # Alternate which goes first, so neither always meets the warmer (or more fragmented) service.
  if ((round % 2)); then
    direct=$(rate "$DIRECT$PATH_QUERY"); through=$(rate "$GATEWAY$PATH_QUERY")
  else
    through=$(rate "$GATEWAY$PATH_QUERY"); direct=$(rate "$DIRECT$PATH_QUERY")
  fi
  ratio=$(echo "$through / $direct" | bc -l)
  ratios+=("$ratio")
  printf '%-6s %12s %12s %7.2f\n' "$round" "$direct" "$through" "$ratio"
done
printf 'median ratio %.2f (goal: at least 0.80)\n' "$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')"
