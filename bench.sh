#!/usr/bin/env bash
# The pipeline benchmark (issue 7): on one broker, raw Kafka against referrals through the gateway
# to the NGO inbox, at a fixed rate and at saturation; prints a table with the ratios, the targets,
# the whole system's memory and its start-up time. Takes about 5 minutes; not part of ./test.sh.
#   ./bench.sh                       the defaults: 50 referrals/s for 60 s, 32 clients for 30 s
#   ./bench.sh --rate=20 --seconds=30 --saturation-seconds=20 --concurrency=16
# Run it on a quiet machine: anything else running shows in the figures.
set -euo pipefail
cd "$(dirname "$0")"
echo "Building (skipping tests) ..."
mvn -B -q -DskipTests package
exec java -jar bench/target/bench-*-exec.jar "$@"
