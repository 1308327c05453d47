#!/usr/bin/env bash
# Benchmark: every regulator-facing read through the gateway, as regulator1, at the size of the world filed
# (`./suite seed --scale national` for 10,000 firms and 10 million servers; `--scale 1000` for a tenth).
# 50 calls of each after 5 untimed ones; prints p50, p95 and max in ms (curl's time_total; for the CSV exports
# also the time to the first byte) as a Markdown table, with the sizes of the tables. Goal (issue 19): every
# p95 <= 200 ms, the same at a tenth of the size. Needs `./suite up` and a seeded world.
set -euo pipefail
GATEWAY="${GATEWAY:-http://localhost:8080}"
KEYCLOAK="${KEYCLOAK:-http://localhost:8180}"
PG="${PG:-postgresql://postgres@127.0.0.1:5432}"
CALLS="${CALLS:-50}"
AS_OF=2022-10-01

token() {
  curl -s -d grant_type=password -d client_id=suite-cli -d username=regulator1 -d password=demo-regulator1 \
    "$KEYCLOAK/realms/guoziyun/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
count() { psql -qtA "$PG/$1" -c "SELECT count(*) FROM $2"; }

firm=$(psql -qtA "$PG/asset_inventory" -c "SELECT firm_id FROM server ORDER BY asset_tag LIMIT 1")
cursor() {
  curl -s -H "Authorization: Bearer $(token)" "$GATEWAY$1" | grep -o '"nextCursor":"[^"]*"' | cut -d'"' -f4
}
servers_next=$(cursor "/api/v1/servers?size=50")
findings_next=$(cursor "/api/v1/inventory-findings?size=50&asOf=$AS_OF")

reads=(
  "/api/v1/servers?size=50"
  "/api/v1/servers?size=50&cursor=$servers_next"
  "/api/v1/servers?size=50&firmId=$firm"
  "/api/v1/servers?size=50&status=ACTIVE"
  "/api/v1/servers?size=50&acquisition=PURCHASE&sort=-acquiredOn"
  "/api/v1/servers?size=50&firmId=$firm&count=exact"
  "/api/v1/sites?size=50"
  "/api/v1/sites?size=50&status=UNDER_CONSTRUCTION"
  "/api/v1/contracts?size=50"
  "/api/v1/contracts?size=50&provider=alibaba-cloud"
  "/api/v1/contract-findings?size=50"
  "/api/v1/contract-findings?size=50&asOf=$AS_OF&rule=CR-3&status=OPEN"
  "/api/v1/contract-findings?size=50&firmId=$firm"
  "/api/v1/contract-findings/overdue-firms?asOf=$AS_OF"
  "/api/v1/contract-findings/statistics?asOf=$AS_OF"
  "/api/v1/inventory-findings?size=50"
  "/api/v1/inventory-findings?size=50&asOf=$AS_OF"
  "/api/v1/inventory-findings?size=50&asOf=$AS_OF&cursor=$findings_next"
  "/api/v1/inventory-findings?size=50&asOf=$AS_OF&rule=AI-2&status=OPEN"
  "/api/v1/inventory-findings?size=50&rule=AI-1"
  "/api/v1/inventory-findings?size=50&status=RESOLVED"
  "/api/v1/inventory-findings?size=50&firmId=$firm"
  "/api/v1/inventory-findings/statistics?asOf=$AS_OF"
  "/api/v1/inventory-summary?firmId=$firm"
  "/api/v1/inventory-summary?asOf=$AS_OF&size=50"
  "/api/v1/inventory-summary?asOf=$AS_OF"
  "/api/v1/listing-applications?size=50"
  "/api/v1/listing-applications/queue?size=50"
  "/api/v1/listing-applications/statistics"
  "/api/v1/overview?asOf=$AS_OF"
  "/api/v1/contract-audit?limit=100"
  "/api/v1/inventory-audit?limit=100"
  "/api/v1/listing-audit?limit=100"
  "/api/v1/contract-findings/export?asOf=$AS_OF"
  "/api/v1/inventory-findings/export?asOf=$AS_OF&firmId=$firm"
  "/api/v1/listing-applications/export"
)

# p50, p95 and max of the numbers on stdin (seconds), in ms.
stats() { sort -n | awk '{v[NR]=$1} END {printf "%.0f | %.0f | %.0f", v[int(NR*0.5+0.5)]*1000, v[int(NR*0.95+0.5)]*1000, v[NR]*1000}'; }

echo "Sizes: $(count asset_inventory server) servers, $(count asset_inventory site) sites," \
  "$(count asset_inventory inventory_finding) inventory findings, $(count contract_registry contract) contracts," \
  "$(count contract_registry contract_finding) contract findings, $(count asset_inventory filed_firm) firms," \
  "$(count listing_approval listing_application) listing applications"
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| read (as regulator1, through the gateway) | p50 ms | p95 ms | max ms | status |"
echo "|---|---|---|---|---|"
for read in "${reads[@]}"; do
  bearer=$(token)
  for ((i = 0; i < 5; i++)); do curl -s -o /dev/null -H "Authorization: Bearer $bearer" "$GATEWAY$read"; done
  : >/tmp/scale-times
  status=""
  for ((i = 0; i < CALLS; i++)); do
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total} %{time_starttransfer}' \
      -H "Authorization: Bearer $bearer" "$GATEWAY$read")
    echo "$out" >>/tmp/scale-times
    status="${out%% *}"
  done
  label="${read//$firm/FIRM}"
  label="${label//$servers_next/CURSOR}"
  label="${label//$findings_next/CURSOR}"
  if [[ "$read" == */export* ]]; then
    echo "| \`$label\` (first byte) | $(awk '{print $3}' /tmp/scale-times | stats) | $status |"
    echo "| \`$label\` (whole file) | $(awk '{print $2}' /tmp/scale-times | stats) | $status |"
  else
    echo "| \`$label\` | $(awk '{print $2}' /tmp/scale-times | stats) | $status |"
  fi
done
