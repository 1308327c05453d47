#!/usr/bin/env bash
# Resident memory of each component the suite started (goal: under 200 MB each). Needs `./suite up`; run it idle
# and again after a load (e.g. bench/gateway.sh) to see both.
set -euo pipefail
cd "$(dirname "$0")/.."
printf '%-18s %8s\n' component 'RSS MB'
for name in gateway contract-registry asset-inventory listing-approval; do
  pid=$(cat ".run/$name/pid")
  printf '%-18s %8d\n' "$name" "$(( $(ps -o rss= -p "$pid") / 1024 ))"
done
