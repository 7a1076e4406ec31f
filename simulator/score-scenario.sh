#!/usr/bin/env bash
# A scenario as an end-to-end test: real Mosquitto and InfluxDB (temp directory), the worker, the
# simulator publishing the scenario at full speed while `record` captures the alert topic; then
# `score` prints per-rule precision, recall and detection delay against the scenario's truth.
# Usage: simulator/score-scenario.sh [scenario] (default demo); SPEED=max|N; KEEP=1 keeps the files.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

SCENARIO=${1:-demo}
SPEED=${SPEED:-max}
ART=${CW_ARTIFACTS:-$PWD/artifacts}
ensure_dotnet
ensure_packages mosquitto:mosquitto influxd:influxdb curl:curl

dotnet build -c Release -v q src/ChargeWatch.Worker > /dev/null
dotnet build -c Release -v q simulator/ChargeWatch.Simulator > /dev/null
WORKER_DLL=$ART/bin/ChargeWatch.Worker/release/ChargeWatch.Worker.dll
SIM=(dotnet "$ART/bin/ChargeWatch.Simulator/release/ChargeWatch.Simulator.dll")

use_work_dir score
start_mosquitto
start_influxdb
# A scenario's own worker settings (its site's ratings, say), when it has any.
SETTINGS=()
if [ -f "simulator/scenarios/$SCENARIO.worker.env" ]; then
  mapfile -t SETTINGS < <(grep -v '^\s*\(#\|$\)' "simulator/scenarios/$SCENARIO.worker.env")
fi
start_worker worker "${SETTINGS[@]}"

"${SIM[@]}" record "$WORK/alerts.jsonl" --broker "127.0.0.1:$MQTT_PORT" --topic 'chargewatch/+/alerts/+' > "$WORK/record.log" 2>&1 &
RECORDER=$!
PIDS+=("$RECORDER")
sleep 2
"${SIM[@]}" run "$SCENARIO" --broker "127.0.0.1:$MQTT_PORT" --speed "$SPEED" --truth "$WORK/truth.json" | tail -n 3 | tee "$WORK/run.log"
PUBLISHED=$(sed -n 's/^done: \([0-9,]*\) messages.*/\1/p' "$WORK/run.log" | tr -d ,)
wait_until_received "${PUBLISHED:-0}"
# Let the worker's detectors finish what it received before the recording stops.
sleep "${DRAIN_SECONDS:-5}"
kill -TERM "$RECORDER"; wait "$RECORDER" || true
echo "alert messages recorded: $(wc -l < "$WORK/alerts.jsonl")"
"${SIM[@]}" score --truth "$WORK/truth.json" --alerts "$WORK/alerts.jsonl"
