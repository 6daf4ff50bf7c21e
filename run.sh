#!/usr/bin/env bash
# Runs the whole system on this machine: builds what changed, then starts the MongoDB-wire store,
# the Kafka broker, the four services and the gateway, and prints a READY line with the portal URL.
#   RUN_DEMO_DATA=false ./run.sh   start without the demo catalogue (the demo logins remain)
#   RUN_RESET=true ./run.sh        wipe the data in .run-data/ first
# Ctrl-C stops everything; the data stays in .run-data/ for the next start.
set -euo pipefail
cd "$(dirname "$0")"

stamp=target/.built
needs_build() {
  [ ! -f "$stamp" ] && return 0
  for module in referral-service ngo-service consent-service measurement-service gateway local; do
    ls "$module"/target/"$module"-*-exec.jar >/dev/null 2>&1 || return 0
  done
  [ -n "$(find . -path ./.run-data -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$stamp" -print -quit)" ]
}

if needs_build; then
  echo "Building (the first build downloads dependencies and takes a few minutes) ..."
  mkdir -p target
  touch "$stamp.new"
  if ! mvn -B -DskipTests package 2>&1 | tee target/build.log | grep --line-buffered -E '^\[INFO\] Building |BUILD (SUCCESS|FAILURE)'; then
    echo "The build failed; see target/build.log" >&2
    exit 1
  fi
  grep -q 'BUILD SUCCESS' target/build.log || { echo "The build failed; see target/build.log" >&2; exit 1; }
  mv "$stamp.new" "$stamp"
fi

exec java -jar local/target/local-*-exec.jar
