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

WORK=$(mktemp -d -t chargewatch-score.XXXXXX)
PIDS=()
cleanup() {
  local i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do kill -TERM "${PIDS[$i]}" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "${KEEP:-0}" = 1 ]; then echo "files kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

start_mosquitto
start_influxdb

mkdir -p "$WORK/worker"
(
  cd "$WORK/worker"
  export ChargeWatch__Mqtt__Host=127.0.0.1 ChargeWatch__Mqtt__Port=$MQTT_PORT ChargeWatch__Mqtt__ClientId=chargewatch-score \
    ChargeWatch__Influx__Url=$INFLUX_URL ChargeWatch__Influx__Api=v1 ChargeWatch__Influx__Bucket=chargewatch \
    ChargeWatch__DataDirectory=$WORK/worker/data ChargeWatch__Http__Urls=http://127.0.0.1:$(free_port) ChargeWatch__Instance=score
  exec dotnet "$WORKER_DLL"
) > "$WORK/worker/log" 2>&1 &
WORKER=$!
PIDS+=("$WORKER")
wait_for_worker "$WORKER" "$WORK/worker/log"

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
