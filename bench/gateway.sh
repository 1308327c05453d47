#!/usr/bin/env bash
# Benchmark: throughput through the gateway (token validated there and again at the service) against calling the
# service directly, same machine, same run, alternated. Goals: at least 80% of direct (issue 6); at least nginx's
# ratio in the same rounds (issue 21).
# Needs `./suite up`. Starts a second gateway on BENCH_PORT from the suite's own jar with the per-client rate limit
# lifted (a benchmark is one client flooding on purpose; the suite's gateway would answer it 429, as it should);
# everything else as the suite runs it, access log included. For reference, nginx as a plain reverse proxy
# (keep-alive to the service, no token check) on NGINX_PORT, measured in the same rounds; NGINX=0 leaves it out.
# Beside the rates, the CPU each proxy and the service spent per request. Then the latency of each at about half
# the direct rate (p50/p99; LATENCY=0 leaves it out).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${ROUNDS:-5}"
DURATION="${DURATION:-15s}"
CONNECTIONS="${CONNECTIONS:-32}"
BENCH_PORT="${BENCH_PORT:-8090}"
PATH_QUERY="${PATH_QUERY:-/api/v1/contracts?size=1}"
DIRECT="${DIRECT:-http://localhost:8081}"

NGINX="${NGINX:-1}"
NGINX_PORT="${NGINX_PORT:-8095}"

for tool in wrk nginx; do
  [[ "$tool" == nginx && "$NGINX" != 1 ]] && continue
  if ! command -v "$tool" >/dev/null && [[ ! -x /usr/sbin/$tool ]]; then
    echo "installing $tool (Debian package)"
    apt-get install -y -q "$tool" >/dev/null
  fi
done

# A token lives five minutes, less than a whole run: each round takes a fresh one.
new_token() {
  token=$(curl -sf -d grant_type=client_credentials -d client_id=demo-firm-a -d client_secret=demo-firm-a-secret \
    http://localhost:8180/realms/guoziyun/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
}
new_token

# The suite's gateway as ./suite started it: its JVM, options and AOT cache (.run/gateway/java), its jar.
read -r -a gateway_java <<<"$(sed -n 2p .run/gateway/java | sed 's/ -jar .*//')"
QUARKUS_OIDC_AUTH_SERVER_URL=http://localhost:8180/realms/guoziyun "${gateway_java[@]}" -Dquarkus.http.port="$BENCH_PORT" \
  -Dquarkus.management.port="$((BENCH_PORT + 1000))" \
  -Dgateway.rate-limit.requests-per-second=100000000 -Dgateway.rate-limit.burst=100000000 ${BENCH_GATEWAY_OPTS:-} \
  -jar "${GATEWAY_JAR:-.run/gateway/app/quarkus-run.jar}" >/tmp/bench-gateway.log 2>&1 &
gateway_pid=$!
nginx_dir=$(mktemp -d)
trap 'kill $gateway_pid 2>/dev/null || true; [[ -f $nginx_dir/nginx.pid ]] && kill "$(cat "$nginx_dir/nginx.pid")" 2>/dev/null; rm -rf "$nginx_dir"' EXIT
if [[ "$NGINX" == 1 ]]; then
  cat >"$nginx_dir/nginx.conf" <<CONF
worker_processes auto;
pid $nginx_dir/nginx.pid;
error_log $nginx_dir/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $nginx_dir; proxy_temp_path $nginx_dir; fastcgi_temp_path $nginx_dir;
  uwsgi_temp_path $nginx_dir; scgi_temp_path $nginx_dir;
  upstream service { server ${DIRECT#http://}; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
CONF
  "$(command -v nginx || echo /usr/sbin/nginx)" -c "$nginx_dir/nginx.conf"
fi
for _ in $(seq 1 60); do
  curl -sf "http://localhost:$((BENCH_PORT + 1000))/q/health/live" >/dev/null && break
  sleep 0.5
done
GATEWAY="http://localhost:$BENCH_PORT"

# CPU per request, beside the rates: on 2 cores the client, the proxy and the service share the CPU, so what a
# proxy spends on each request is what the rate through it loses, and it is steadier than the rate. From
# /proc/PID/stat (user + system clock ticks) of the proxy (the gateway's JVM; nginx's master and workers) and of
# the service (the suite's contract-registry, when DIRECT is the default), over each timed run.
SERVICE_PID="${SERVICE_PID:-$([[ "$DIRECT" == http://localhost:8081 ]] && cat .run/contract-registry/pid 2>/dev/null || true)}"
TICK_US=$((1000000 / $(getconf CLK_TCK)))
ticks() { # pids -> their CPU so far, in clock ticks
  local pid total=0 stat
  for pid in "$@"; do
    read -r -a stat <"/proc/$pid/stat" || continue
    total=$((total + stat[13] + stat[14]))
  done
  echo "$total"
}
proxy_pids() { # target -> the processes that relay its requests
  case "$1" in
    gateway) echo "$gateway_pid" ;;
    nginx) cat "$nginx_dir/nginx.pid"; pgrep -P "$(cat "$nginx_dir/nginx.pid")" ;;
  esac
}
rate() { # url target -> requests per second; any answer but 2xx fails the run (a fast 401 would flatter the numbers)
  local out proxy requests proxy_before service_before
  read -r -a proxy <<<"$(proxy_pids "$2" | tr '\n' ' ')"
  proxy_before=$(ticks "${proxy[@]}")
  service_before=$(ticks $SERVICE_PID)
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H "Authorization: Bearer $token" "$1")
  if grep -q 'Non-2xx' <<<"$out"; then
    echo "$1: $(grep 'Non-2xx' <<<"$out")" >&2
    exit 1
  fi
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  # target, the proxy's and the service's CPU microseconds per request
  echo "$2 $((($(ticks "${proxy[@]}") - proxy_before) * TICK_US / requests))" \
    "$((($(ticks $SERVICE_PID) - service_before) * TICK_US / requests))" >>"$nginx_dir/cpu"
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}
check() { # every request must succeed: a 4xx/5xx-fast path would flatter the numbers
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$1")
  [[ "$code" == 200 ]] || { echo "$1 answered $code" >&2; exit 1; }
}
NGINX_URL="http://127.0.0.1:$NGINX_PORT"
check "$DIRECT$PATH_QUERY"
check "$GATEWAY$PATH_QUERY"
[[ "$NGINX" == 1 ]] && check "$NGINX_URL$PATH_QUERY"
# Warm-up: the JITs of the service and of the gateway (the gateway's takes about a minute of load to settle).
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-20s}" -H "Authorization: Bearer $token" "$DIRECT$PATH_QUERY" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP_GATEWAY:-60s}" -H "Authorization: Bearer $token" "$GATEWAY$PATH_QUERY" >/dev/null
new_token

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "GET $PATH_QUERY, wrk -t2 -c$CONNECTIONS -d$DURATION, $ROUNDS rounds; gateway and service: $(sed -n 1p .run/gateway/java)$(grep -q AOTCache .run/gateway/java && echo ", AOT cache")"
printf '%-6s %10s %10s %10s %8s %8s\n' round direct gateway nginx gateway nginx
ratios=()
nginx_ratios=()
directs=()
for round in $(seq 1 "$ROUNDS"); do
  new_token
  # Rotate which goes first, so none always meets the warmer (or more fragmented) service.
  targets=(direct gateway nginx)
  [[ "$NGINX" == 1 ]] || targets=(direct gateway)
  shift_by=$(((round - 1) % ${#targets[@]}))
  order=("${targets[@]:shift_by}" "${targets[@]:0:shift_by}")
  direct=0 through=0 nginx=0
  for target in "${order[@]}"; do
    case "$target" in
      direct) direct=$(rate "$DIRECT$PATH_QUERY" direct) ;;
      gateway) through=$(rate "$GATEWAY$PATH_QUERY" gateway) ;;
      nginx) nginx=$(rate "$NGINX_URL$PATH_QUERY" nginx) ;;
    esac
  done
  ratio=$(echo "$through / $direct" | bc -l)
  nginx_ratio=$(echo "$nginx / $direct" | bc -l)
  ratios+=("$ratio")
  directs+=("$direct")
  nginx_ratios+=("$nginx_ratio")
  printf '%-6s %10s %10s %10s %8.2f %8.2f\n' "$round" "$direct" "$through" "$nginx" "$ratio" "$nginx_ratio"
done
printf 'median ratio through the gateway %.2f (goal, issue 21: at least nginx'"'"'s)\n' "$(printf '%s\n' "${ratios[@]}" | median)"
[[ "$NGINX" == 1 ]] && printf 'median ratio through nginx %.2f (a plain reverse proxy, in the same rounds)\n' \
  "$(printf '%s\n' "${nginx_ratios[@]}" | median)"
cpu_median() { # target, column (2: the proxy, 3: the service) -> the median over the rounds, in microseconds
  awk -v t="$1" -v c="$2" '$1 == t {print $c}' "$nginx_dir/cpu" | median
}
printf 'CPU per request, median over the rounds, in microseconds: the proxy itself: gateway %s' "$(cpu_median gateway 2)"
[[ "$NGINX" == 1 ]] && printf ', nginx %s' "$(cpu_median nginx 2)"
if [[ -n "$SERVICE_PID" ]]; then
  printf '; the service: direct %s, through the gateway %s' "$(cpu_median direct 3)" "$(cpu_median gateway 3)"
  [[ "$NGINX" == 1 ]] && printf ', through nginx %s' "$(cpu_median nginx 3)"
fi
echo
# The gateway's memory after load is this one's (the suite's gateway limits one client to 50 a second, so
# memory.sh cannot load it): the suite's jar, JVM and options, after the warm-up and every round.
printf 'resident memory of the benchmark'"'"'s gateway after the rounds: %d MB (goal: at most 200)\n' \
  "$(($(ps -o rss= -p "$gateway_pid") / 1024))"

# Latency at a moderate, steady rate (issue 21): about half the median direct rate, paced by wrk's Lua delay() —
# each connection pauses between its requests, so the rate is steady — 20 s for each target, wrk's percentiles.
# (Pacing by pauses, not wrk2's schedule: a stall delays the next requests instead of counting against them.)
latency_ms() { # wrk's "50%  1.23ms" -> 1.23 (ms)
  awk -v p="$1" '$1 == p {v = $2; u = v; gsub(/[0-9.]/, "", u); sub(/[a-z]+$/, "", v);
    printf "%.2f", (u == "us") ? v / 1000 : (u == "s") ? v * 1000 : v}'
}
if [[ "${LATENCY:-1}" == 1 ]]; then
  conns=16
  target_rate=$(printf '%.0f' "$(echo "$(printf '%s\n' "${directs[@]}" | median) / 2" | bc -l)")
  printf 'function delay()\n  return %d\nend\n' "$((1000 * conns / target_rate))" >"$nginx_dir/pace.lua"
  new_token
  echo "latency at about $target_rate req/s (half the direct median; $conns connections, each pausing $((1000 * conns / target_rate)) ms between requests), 20 s each:"
  printf '%-8s %8s %8s %8s\n' target 'p50 ms' 'p99 ms' 'req/s'
  targets=(direct gateway nginx)
  [[ "$NGINX" == 1 ]] || targets=(direct gateway)
  for target in "${targets[@]}"; do
    case "$target" in
      direct) url="$DIRECT$PATH_QUERY" ;;
      gateway) url="$GATEWAY$PATH_QUERY" ;;
      nginx) url="$NGINX_URL$PATH_QUERY" ;;
    esac
    out=$(wrk -t2 -c"$conns" -d20s --latency -s "$nginx_dir/pace.lua" -H "Authorization: Bearer $token" "$url")
    grep -q 'Non-2xx' <<<"$out" && { echo "$target: $(grep 'Non-2xx' <<<"$out")" >&2; exit 1; }
    printf '%-8s %8s %8s %8s\n' "$target" "$(latency_ms 50% <<<"$out")" "$(latency_ms 99% <<<"$out")" \
      "$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")"
  done
fi
exit 0
