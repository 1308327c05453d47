#!/usr/bin/env bash
# Benchmark: a 100,000-row server import through the API against `psql \copy` of the same file.
# Goal (issue 4): the import takes at most twice as long as \copy. Needs `./suite up`.
set -euo pipefail
ROWS="${ROWS:-100000}"
SERVICE="${SERVICE:-http://localhost:8082}"
PG="${PG:-postgresql://postgres@127.0.0.1:5432/postgres}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

batch="B$(date +%s)"
{
  echo "assetTag,serial,hostname,vendor,model,siteCode,acquisition,acquiredOn,status"
  for ((i = 0; i < ROWS; i++)); do
    printf '%s-%d,SN%d,host-%d.example.cn,Inspur,NF5280M6,,%s,2021-0%d-15,ACTIVE\n' \
      "$batch" "$i" "$i" "$i" "$([[ $((i % 3)) == 0 ]] && echo PURCHASE || echo LEASE)" "$((1 + i % 9))"
  done
} >"$work/servers.csv"
echo "file: $ROWS rows, $(du -h "$work/servers.csv" | cut -f1)"

# The same rows into a table shaped like the service's (same types, the same unique key), as a database must
# store them whatever loads them.
psql -q "$PG" -c "DROP TABLE IF EXISTS bench_copy" -c "CREATE TABLE bench_copy (asset_tag varchar(64) NOT NULL,
  serial varchar(128), hostname varchar(253), vendor varchar(128), model varchar(128), site_code varchar(32),
  acquisition varchar(16) NOT NULL, acquired_on date NOT NULL, status varchar(16) NOT NULL, UNIQUE (asset_tag))"
start=$(date +%s.%N)
psql -q "$PG" -c "\\copy bench_copy FROM '$work/servers.csv' WITH (FORMAT csv, HEADER true)"
copy=$(echo "$(date +%s.%N) - $start" | bc)
psql -q "$PG" -c "DROP TABLE bench_copy"

token=$(curl -s -d grant_type=client_credentials -d client_id=demo-firm-a -d client_secret=demo-firm-a-secret \
  http://localhost:8180/realms/guoziyun/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
start=$(date +%s.%N)
answer=$(curl -s -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary @"$work/servers.csv" \
  "$SERVICE/api/v1/servers/import")
api=$(echo "$(date +%s.%N) - $start" | bc)
echo "$answer" | grep -q "\"inserted\":$ROWS" || { echo "import failed: ${answer:0:300}"; exit 1; }

ratio=$(echo "scale=2; $api / $copy" | bc)
printf 'psql \\copy: %.2f s   API import: %.2f s   ratio: %s (goal: at most 2)\n' "$copy" "$api" "$ratio"
