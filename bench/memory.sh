#!/usr/bin/env bash
# Resident memory of each component the suite started (goal, issue 21: at most 200 MB each after a load). Needs
# `./suite up`. First a load on each service, direct (LOAD seconds on each of two reads a service, as demo firm A;
# 20 by default, LOAD=0 for none): the services' JIT and pools as after use. The suite's gateway cannot be loaded
# the same way (one client gets 50 requests a second there): `bench/gateway.sh` reports the memory of its own
# gateway — the suite's jar, JVM and options — after its rounds. For the issue's figures, run this after
# bench/gateway.sh and bench/server-import.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
LOAD="${LOAD:-20}"
rss() { echo $(($(ps -o rss= -p "$(cat ".run/$1/pid")") / 1024)); }
names=(gateway contract-registry asset-inventory listing-approval)
declare -A before
for name in "${names[@]}"; do before[$name]=$(rss "$name"); done
if [[ "$LOAD" != 0 ]]; then
  command -v wrk >/dev/null || { echo "installing wrk (Debian package)"; apt-get install -y -q wrk >/dev/null; }
  token=$(curl -sf -d grant_type=client_credentials -d client_id=demo-firm-a -d client_secret=demo-firm-a-secret \
    http://localhost:8180/realms/guoziyun/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  for url in http://localhost:8081/api/v1/contracts?size=50 http://localhost:8081/api/v1/contract-findings?size=50 \
    http://localhost:8082/api/v1/servers?size=50 http://localhost:8082/api/v1/inventory-findings?size=50 \
    http://localhost:8083/api/v1/listing-applications?size=50 "http://localhost:8083/api/v1/calendar/working-days?from=2024-09-27&add=10"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url")
    [[ "$code" == 200 ]] || { echo "$url answered $code" >&2; exit 1; }
    rate=$(wrk -t2 -c16 -d"${LOAD}s" -H "Authorization: Bearer $token" "$url" | awk '/Requests\/sec/ {print $2}')
    echo "load: $url ${LOAD} s, $rate req/s"
  done
fi
printf '%-18s %12s %12s\n' component 'before MB' 'after MB'
for name in "${names[@]}"; do
  printf '%-18s %12d %12d\n' "$name" "${before[$name]}" "$(rss "$name")"
done
