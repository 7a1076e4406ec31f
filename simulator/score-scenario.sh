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
start_worker worker

"${SIM[@]}" record "$WORK/alerts.jsonl" --broker "127.0.0.1:$MQTT_PORT" --topic 'chargewatch/+/alerts/+' > "$WORK/record.log" 2>&1 &
RECORDER=$!
PIDS+=("$RECORDER")
sleep 2
"${SIM[@]}" run "$SCENARIO" --broker "127.0.0.1:$MQTT_PORT" --speed "$SPEED" --truth "$WORK/truth.json" | tail -n 3
# Let the worker drain what it received before the recording stops.
sleep "${DRAIN_SECONDS:-15}"
kill -TERM "$RECORDER"; wait "$RECORDER" || true
echo "alert messages recorded: $(wc -l < "$WORK/alerts.jsonl")"
"${SIM[@]}" score --truth "$WORK/truth.json" --alerts "$WORK/alerts.jsonl"
