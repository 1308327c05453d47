#!/usr/bin/env bash
# Benchmark: a 100,000-row server import through the API against `psql \copy` of the same file.
# Goal (issue 4): the import takes at most twice as long as \copy. Needs `./suite up`.
set -euo pipefail
ROWS="${ROWS:-100000}"
SERVICE="${SERVICE:-http://localhost:8082}"
PG="${PG:-postgresql://postgres@127.0.0.1:5432/asset_inventory}"
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

# Baseline: psql \copy of the same file into a table defined like the service's own server table (same columns,
# types, primary key, unique key and index, in the service's database), the work PostgreSQL must do to store
# these rows as the service stores them. The columns the file lacks take defaults: a random id, the firm, now().
psql -q "$PG" -c "DROP TABLE IF EXISTS bench_copy" -c "CREATE TABLE bench_copy (LIKE server INCLUDING ALL)" \
  -c "ALTER TABLE bench_copy ALTER COLUMN id SET DEFAULT gen_random_uuid(),
      ALTER COLUMN firm_id SET DEFAULT '91110108MA01B2C344', ALTER COLUMN created_at SET DEFAULT now(),
      ALTER COLUMN version SET DEFAULT 0"
start=$(date +%s.%N)
psql -q "$PG" -c "\\copy bench_copy (asset_tag, serial, hostname, vendor, model, site_code, acquisition, acquired_on, status) FROM '$work/servers.csv' WITH (FORMAT csv, HEADER true)"
copy=$(echo "$(date +%s.%N) - $start" | bc)
psql -q "$PG" -c "DROP TABLE bench_copy"

token=$(curl -s -d grant_type=client_credentials -d client_id=demo-firm-a -d client_secret=demo-firm-a-secret \
  http://localhost:8180/realms/guoziyun/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
# One untimed import of the first 10,000 rows under other tags warms the JVM, as a running service would be.
head -n 10001 "$work/servers.csv" | sed "2,\$s/^$batch-/W$batch-/" >"$work/warmup.csv"
curl -s -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary @"$work/warmup.csv" \
  "$SERVICE/api/v1/servers/import"
start=$(date +%s.%N)
answer=$(curl -s -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary @"$work/servers.csv" \
  "$SERVICE/api/v1/servers/import")
api=$(echo "$(date +%s.%N) - $start" | bc)
echo "$answer" | grep -q "\"inserted\":$ROWS" || { echo "import failed: ${answer:0:300}"; exit 1; }

ratio=$(echo "scale=2; $api / $copy" | bc)
printf 'psql \\copy: %.2f s   API import: %.2f s   ratio: %s (goal: at most 2)\n' "$copy" "$api" "$ratio"
