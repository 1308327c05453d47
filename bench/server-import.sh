#!/usr/bin/env bash
# Benchmark: a 100,000-row server import through the API — to the service and through the gateway — against
# `psql \copy` of the same rows into a table with the service's columns and indexes, ids included.
# Goal (issue 21): the import within 1.5x that baseline. Median of RUNS (3) of each, from the same run.
# Needs `./suite up` (the demo world: demo firm A and its data centre JH-DC1).
set -euo pipefail
ROWS="${ROWS:-100000}"
RUNS="${RUNS:-3}"
SERVICE="${SERVICE:-http://localhost:8082}"
GATEWAY="${GATEWAY:-http://localhost:8080}"
KEYCLOAK="${KEYCLOAK:-http://localhost:8180}"
PG="${PG:-postgresql://postgres@127.0.0.1:5432/asset_inventory}"
FIRM=91110108MA01B2C344 # demo firm A
SITE=JH-DC1             # its data centre
export PGOPTIONS="-c client_min_messages=warning" # no NOTICE for the tables dropped before they exist
work="$(mktemp -d)"
trap 'rm -rf "$work"; psql -q "$PG" -c "DROP TABLE IF EXISTS bench_copy, bench_finding" 2>/dev/null || true' EXIT

# The rows, in the mix the issue names: every server at the firm's data centre, two thirds purchases, half acquired
# on or after the directive's effective date (2021-08-12) — so a third of the rows (33,333) make an AI-2 finding.
# $1: the asset-tag prefix; $2: "ids" to put the service's kind of id and the firm first (the baseline's file);
# $3: with ids, a file for the AI-2 findings the import would record for these rows, as the service stores them.
rows() {
  awk -v rows="$ROWS" -v prefix="$1" -v ids="${2:-}" -v found="${3:-/dev/null}" -v firm="$FIRM" -v site="$SITE" \
    -v ms="$(date +%s%3N)" -v now="$(date -u '+%F %T+00')" 'BEGIN {
    srand(42)
    if (ids == "") print "assetTag,serial,hostname,vendor,model,siteCode,acquisition,acquiredOn,status"
    for (i = 0; i < rows; i++) {
      acquisition = (i % 3 == 0) ? "LEASE" : "PURCHASE"
      if (i % 2 == 0) { acquired = sprintf("2019-%02d-%02d", 1 + i % 12, 1 + i % 28) }
      else { acquired = sprintf("%d-%02d-%02d", 2022 + i % 2, 1 + i % 12, 1 + i % 28) }
      line = sprintf("%s-%d,SN%d,host-%d.example.cn,Inspur,NF5280M6,%s,%s,%s,ACTIVE", prefix, i, i, i, site, acquisition, acquired)
      if (ids != "") {
        # Version 7 (RFC 9562), as the service makes them (TimeOrderedIds): milliseconds first, then a counter
        # and random bits, increasing — 100 ids a millisecond, a rate the service exceeds.
        t = sprintf("%012x", ms + int(i / 100))
        id = sprintf("%s-%s-7%03x-%04x-%012x", substr(t, 1, 8), substr(t, 9, 4), i % 100 * 40, 32768 + int(rand() * 16384), int(rand() * 281474976710656))
        line = id "," firm "," line
        if (acquisition == "PURCHASE" && acquired >= "2021-08-12") {
          f = sprintf("%s-%s-7%03x-%04x-%012x", substr(t, 1, 8), substr(t, 9, 4), i % 100 * 40, 32768 + int(rand() * 16384), int(rand() * 281474976710656))
          printf "%s,%s,AI-2,CRITICAL,server,%s,%s,,,\"{\"\"assetTag\"\" : \"\"%s-%d\"\", \"\"acquisition\"\" : \"\"PURCHASE\"\", \"\"acquiredOn\"\" : \"\"%s\"\", \"\"status\"\" : \"\"ACTIVE\"\", \"\"statusOn\"\" : null, \"\"effectiveDate\"\" : \"\"2021-08-12\"\"}\",%s\n", f, firm, id, acquired, prefix, i, acquired, now > found
        }
      }
      print line
    }
  }'
}
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
seconds() { echo "$(date +%s.%N) - $1" | bc; }

# Baseline: psql \copy of the same rows with their ids into a table like the service's server table (same
# columns, types, primary key, unique key and indexes, in the service's database; not its statement triggers,
# which the service pays on top), created afresh for each run. Beside it, for the reader (not the goal): the same
# rows and the findings the import records for them (33,333 here), each by \copy into a table like the service's
# (inventory_finding: its eight indexes) in one session — the least the import's writes can cost.
baseline() {
  rows "C$1-$(date +%s)" ids "$work/findings.csv" >"$work/baseline.csv"
  psql -q "$PG" -c "DROP TABLE IF EXISTS bench_copy, bench_finding" -c "CREATE TABLE bench_copy (LIKE server INCLUDING ALL)" \
    -c "ALTER TABLE bench_copy ALTER COLUMN created_at SET DEFAULT now(), ALTER COLUMN version SET DEFAULT 0" \
    -c "CREATE TABLE bench_finding (LIKE inventory_finding INCLUDING ALL)"
  local columns="(id, firm_id, asset_tag, serial, hostname, vendor, model, site_code, acquisition, acquired_on, status)"
  local start
  start=$(date +%s.%N)
  psql -q "$PG" -c "\\copy bench_copy $columns FROM '$work/baseline.csv' WITH (FORMAT csv)"
  seconds "$start" >>"$work/copy"
  psql -q "$PG" -c "TRUNCATE bench_copy"
  start=$(date +%s.%N)
  psql -q "$PG" -c "\\copy bench_copy $columns FROM '$work/baseline.csv' WITH (FORMAT csv)" \
    -c "\\copy bench_finding (id, firm_id, rule, severity, subject_type, subject_id, detected_on, resolved_on, resolution, inputs, evaluated_at) FROM '$work/findings.csv' WITH (FORMAT csv)"
  seconds "$start" >>"$work/copy_findings"
  psql -q "$PG" -c "DROP TABLE bench_copy, bench_finding"
}

token() {
  curl -s -d grant_type=client_credentials -d client_id=demo-firm-a -d client_secret=demo-firm-a-secret \
    "$KEYCLOAK/realms/guoziyun/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
import() { # $1: base URL; appends the seconds to $2
  rows "$3" >"$work/servers.csv"
  local bearer start answer
  bearer=$(token)
  start=$(date +%s.%N)
  answer=$(curl -s -H "Authorization: Bearer $bearer" -H 'Content-Type: text/csv' \
    --data-binary @"$work/servers.csv" "$1/api/v1/servers/import")
  seconds "$start" >>"$2"
  echo "$answer" | grep -q "\"inserted\":$ROWS" || { echo "import failed: ${answer:0:300}"; exit 1; }
}
# The servers filed in the service's table: the import's cost grows with it (its indexes), the baseline's does
# not (a fresh table), so the figures mean something only with it. From the tally kept on write: no count(*).
filed() { psql -qtA "$PG" -c "SELECT coalesce(sum(servers), 0) FROM server_tally"; }

# One untimed import of 10,000 rows warms the JVM, as a running service would be.
ROWS=10000 rows "W$(date +%s)" >"$work/warmup.csv"
curl -s -o /dev/null -H "Authorization: Bearer $(token)" -H 'Content-Type: text/csv' \
  --data-binary @"$work/warmup.csv" "$SERVICE/api/v1/servers/import"

echo "servers in the service's table before: $(filed); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# Round by round — the baseline, then the import direct, then through the gateway — so that a machine whose disk
# slows as the writes pile up (this one's does) weighs on each alike, not on whichever ran last.
: >"$work/copy"
: >"$work/copy_findings"
: >"$work/direct"
: >"$work/gateway"
for ((r = 1; r <= RUNS; r++)); do
  baseline "$r"
  prefix="D$r-$(date +%s)"
  [[ $r == 1 ]] && counted=$prefix # the findings of this one import are counted below
  import "$SERVICE" "$work/direct" "$prefix"
  import "$GATEWAY" "$work/gateway" "G$r-$(date +%s)"
done
echo "file: $ROWS rows, $(du -h "$work/baseline.csv" | cut -f1) with ids; servers in the table after: $(filed)"
findings=$(psql -qtA "$PG" -c "SELECT count(*) FROM inventory_finding f JOIN server s ON s.id = f.subject_id
  WHERE f.rule = 'AI-2' AND s.asset_tag LIKE '$counted-%'")

copy=$(median <"$work/copy")
copy_findings=$(median <"$work/copy_findings")
direct=$(median <"$work/direct")
gateway=$(median <"$work/gateway")
printf 'runs (s): \\copy %s | direct %s | gateway %s\n' "$(paste -sd' ' "$work/copy")" \
  "$(paste -sd' ' "$work/direct")" "$(paste -sd' ' "$work/gateway")"
printf 'median of %d: psql \\copy %.2f s   API direct %.2f s (%.2fx)   through the gateway %.2f s (%.2fx)   goal: <= 1.5x\n' \
  "$RUNS" "$copy" "$direct" "$(echo "$direct / $copy" | bc -l)" "$gateway" "$(echo "$gateway / $copy" | bc -l)"
echo "AI-2 findings recorded by one import: $findings"
printf 'for the reader: the rows and the %d findings, each by \\copy, in one session: %.2f s (runs: %s); API direct %.2fx that\n' \
  "$(wc -l <"$work/findings.csv")" "$copy_findings" "$(paste -sd' ' "$work/copy_findings")" "$(echo "$direct / $copy_findings" | bc -l)"
