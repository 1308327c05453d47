#!/usr/bin/env bash
# Issue 18's fault run: writers file through the gateway while faults are injected one after another (a service
# killed with kill -9, PostgreSQL restarted, Keycloak stopped, the gateway killed, the document spool full), and
# Faults.java counts acknowledged writes lost (must be 0), 5xx other than 503/504 (must be 0) and the seconds to
# recover from each. Needs the suite running (./suite up) and root (kill, pg_ctlcluster, mount).
#
#   bench/faults.sh              the whole run
#   bench/faults.sh fill-spool   (used by the run) a full 1 MB tmpfs over listing-approval's document spool
#   bench/faults.sh empty-spool  (used by the run) takes it away again
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(cd .. && pwd)"
SPOOL="${SPOOL:-/tmp/guoziyun-documents}"

case "${1:-run}" in
  fill-spool)
    mkdir -p "$SPOOL"
    mount -t tmpfs -o size=1m guoziyun-full-spool "$SPOOL"
    fallocate -l 1m "$SPOOL/filler" 2>/dev/null || dd if=/dev/zero of="$SPOOL/filler" bs=64k status=none || true
    ;;
  empty-spool)
    umount "$SPOOL" 2>/dev/null || true
    ;;
  run)
    [[ "$(id -u)" == 0 ]] || { echo "faults.sh needs root (kill, pg_ctlcluster, mount)" >&2; exit 2; }
    curl -fsS -o /dev/null http://127.0.0.1:9080/q/health/ready || { echo "start the suite first: ./suite up" >&2; exit 2; }
    trap 'umount "$SPOOL" 2>/dev/null || true' EXIT
    echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; load $(cut -d' ' -f1-3 /proc/loadavg)"
    SUITE_ROOT="$ROOT" SUITE_RUN="${SUITE_RUN:-$ROOT/.run}" java Faults.java
    ;;
  *) echo "usage: $0 [run|fill-spool|empty-spool]" >&2; exit 2 ;;
esac
