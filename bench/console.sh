#!/usr/bin/env bash
# The regulator console's pages (issue 22: <= 300 ms server time at the demo size), through the gateway as a browser
# reaches them: a regulator signs in at Keycloak's login form (code flow, PKCE, as the browser does), then each page
# is asked ROUNDS times (20) after WARMUP (5) unmeasured asks; the median and p95 of curl's total time (gateway,
# console and the API calls each page makes, on this machine), beside the page's own server time from the console's
# access log (%D) for the same requests. Needs `./suite up` (the demo world). FIRM and APPLICATION: a firm overdue on
# 2022-10-01 and an application; found through the API when not given.
set -euo pipefail
cd "$(dirname "$0")/.."
GATEWAY="${GATEWAY:-http://localhost:8080}"
KEYCLOAK="${KEYCLOAK:-http://localhost:8180}"
ROUNDS="${ROUNDS:-20}"
WARMUP="${WARMUP:-5}"
jar="$(mktemp)"
trap 'rm -f "$jar"' EXIT

# Sign in as a browser would: the console sends us to Keycloak; its form; back with the code.
login="$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$GATEWAY/console/queue")"
action="$(curl -s -c "$jar" -b "$jar" "$login" | grep -o 'action="[^"]*"' | head -n 1 | sed 's/^action="//; s/"$//; s/&amp;/\&/g')"
back="$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode username=regulator1 \
  --data-urlencode password=demo-regulator1 "$action")"
curl -s -c "$jar" -b "$jar" -o /dev/null "$back"

token="$(curl -s -d grant_type=password -d client_id=suite-cli -d username=regulator1 -d password=demo-regulator1 \
  "$KEYCLOAK/realms/guoziyun/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')"
FIRM="${FIRM:-$(curl -s -H "Authorization: Bearer $token" \
  "$GATEWAY/api/v1/contract-findings/overdue-firms?asOf=2022-10-01&limit=1" | sed -E 's/.*"firmId":"([^"]+)".*/\1/')}"
APPLICATION="${APPLICATION:-$(curl -s -H "Authorization: Bearer $token" \
  "$GATEWAY/api/v1/listing-applications?size=1" | sed -E 's/.*"items":\[\{"id":"([^"]+)".*/\1/')}"

printf '%-52s %10s %10s %14s\n' PAGE "median ms" "p95 ms" "server p95 ms"
for page in "dashboard?asOf=2022-10-01" "overdue?asOf=2022-10-01" "overdue?asOf=2022-10-01&sort=firm&page=1" \
  "firms/$FIRM?asOf=2022-10-01" "queue" "applications/$APPLICATION"; do
  for ((i = 0; i < WARMUP; i++)); do curl -s -o /dev/null -b "$jar" "$GATEWAY/console/$page"; done
  mark="$(wc -l <.run/console/log)"
  times="$(for ((i = 0; i < ROUNDS; i++)); do
    curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}\n' "$GATEWAY/console/$page"
  done)"
  grep -qv '^200 ' <<<"$times" && { echo "$page did not answer 200: $(grep -v '^200 ' <<<"$times" | head -n 1)"; exit 1; }
  server="$(tail -n +"$((mark + 1))" .run/console/log | grep -F "GET /console/${page%%\?*}" |
    sed -nE 's/.* ([0-9]+) ms rid=.*/\1/p' | sort -n)"
  printf '%-52s %10.0f %10.0f %14s\n' "${page:0:52}" \
    "$(awk '{print $2 * 1000}' <<<"$times" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}')" \
    "$(awk '{print $2 * 1000}' <<<"$times" | sort -n | awk '{a[NR]=$1} END {print a[int(NR * 0.95 + 0.5)]}')" \
    "$(awk '{a[NR]=$1} END {print a[int(NR * 0.95 + 0.5)]}' <<<"$server")"
done
