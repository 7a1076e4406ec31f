#!/usr/bin/env bash
# ChargeWatch in one command: real Mosquitto, InfluxDB and Alertmanager in a temp directory, the
# worker (v1 API, protective cut-off on), a team webhook receiver, and the simulator playing the
# `demo` scenario (two sheds, 60 households, 6 corridors, one of each incident over an evening).
# Alerts are printed as they are raised and resolved; at the end: what was stored, what was
# rejected, what reached the teams, which ports were cut, and the score against the scenario's truth.
# Stops everything it started on exit or Ctrl-C. DEMO_SPEED (default 720: the 16-hour evening in
# about 80 s) sets the simulator's speed; DEMO_SCENARIO another shipped scenario.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

DEMO_SPEED=${DEMO_SPEED:-720}
DEMO_SCENARIO=${DEMO_SCENARIO:-demo}
SITE=${DEMO_SITE:-dongyuan-1}
DB=chargewatch

ensure_dotnet
ensure_packages mosquitto:mosquitto influxd:influxdb prometheus-alertmanager:prometheus-alertmanager \
  mosquitto_sub:mosquitto-clients curl:curl

WORK=$(mktemp -d -t chargewatch-demo.XXXXXX)
PIDS=()

stop_everything() {
  local pid i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid=${PIDS[$i]}
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ "${DEMO_KEEP:-0}" = 1 ]; then
    echo "logs and data kept in $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap stop_everything EXIT
trap 'echo; echo "interrupted"; exit 130' INT TERM

step() { printf '\n==> %s\n' "$*"; }

build_worker() {
  step "building the worker and the simulator"
  local art=${CW_ARTIFACTS:-$PWD/artifacts}
  local project
  for project in src/ChargeWatch.Worker simulator/ChargeWatch.Simulator; do
    dotnet build -c Release "$project" --nologo -v quiet > "$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
  done
  WORKER_DLL=$art/bin/ChargeWatch.Worker/release/ChargeWatch.Worker.dll
  SIM=(dotnet "$art/bin/ChargeWatch.Simulator/release/ChargeWatch.Simulator.dll")
  [ -f "$WORKER_DLL" ] || { echo "worker not found at $WORKER_DLL" >&2; exit 1; }
}

start_worker() {
  mkdir -p "$WORK/worker"
  (
    cd "$WORK/worker"
    export ChargeWatch__Mqtt__Host=127.0.0.1 ChargeWatch__Mqtt__Port=$MQTT_PORT \
      ChargeWatch__Mqtt__ClientId=chargewatch-demo \
      ChargeWatch__Influx__Url=$INFLUX_URL ChargeWatch__Influx__Api=v1 ChargeWatch__Influx__Bucket=$DB \
      ChargeWatch__DataDirectory=$WORK/worker/data ChargeWatch__Counters__IntervalSeconds=2 \
      ChargeWatch__Http__Urls=http://127.0.0.1:$(free_port) ChargeWatch__Instance=demo \
      ChargeWatch__Alertmanager__Urls__0=$ALERTMANAGER_URL
    # A site name may hold '-', which no shell variable can: env passes it through.
    exec env "ChargeWatch__Sites__${SITE}__Cutoff__Enabled=true" dotnet "$WORKER_DLL"
  ) > "$WORK/worker/worker.log" 2>&1 &
  WORKER_PID=$!
  PIDS+=("$WORKER_PID")
  wait_for_worker "$WORKER_PID" "$WORK/worker/worker.log"
  echo "worker ready (log: $WORK/worker/worker.log)"
}

# The Alertmanager of deploy/alertmanager.yml (routes per team and severity), its webhooks pointed
# at the demo's receiver and its waits shortened from minutes to seconds for an 80-second evening.
start_alertmanager() {
  WEBHOOK_PORT=$(free_port)
  local port dir=$WORK/alertmanager
  port=$(free_port)
  ALERTMANAGER_URL=http://127.0.0.1:$port
  mkdir -p "$dir"
  sed -e "s#127.0.0.1:9099#127.0.0.1:$WEBHOOK_PORT#g" \
      -e 's/group_wait: .*/group_wait: 1s/' -e 's/group_interval: .*/group_interval: 5s/' \
      deploy/alertmanager.yml > "$dir/alertmanager.yml"
  "$(find_binary prometheus-alertmanager)" --config.file="$dir/alertmanager.yml" --storage.path="$dir/data" \
    --web.listen-address="127.0.0.1:$port" --cluster.listen-address= > "$dir/alertmanager.log" 2>&1 &
  PIDS+=($!)
  wait_for "alertmanager" 30 curl -sf "$ALERTMANAGER_URL/-/ready"
  "${SIM[@]}" webhook --listen "127.0.0.1:$WEBHOOK_PORT" --out "$WORK/webhook.jsonl" > "$WORK/webhook.log" 2>&1 &
  PIDS+=($!)
  wait_for "webhook receiver" 30 grep -q "webhook receiver on" "$WORK/webhook.log"
  echo "alertmanager on $ALERTMANAGER_URL, team webhooks on 127.0.0.1:$WEBHOOK_PORT"
}

# One line per alert state change, as it arrives: event time, status, severity, rule, summary.
start_alert_listener() {
  "$(find_binary mosquitto_sub)" -h 127.0.0.1 -p "$MQTT_PORT" -q 1 -F '%p' -t 'chargewatch/+/alerts/#' > "$WORK/alerts.jsonl" 2>&1 &
  PIDS+=($!)
  tail -n +1 -F "$WORK/alerts.jsonl" 2>/dev/null | sed -u -E \
    's/.*"rule":"([^"]*)","status":"([^"]*)","severity":"([^"]*)".*"device":"([^"]*)".*"startsAt":"([^"]*)".*"summary":"([^"]*)".*/  ALERT \2 \3 \1 \4: \6 (since \5)/' &
  PIDS+=($!)
  "$(find_binary mosquitto_sub)" -h 127.0.0.1 -p "$MQTT_PORT" -q 1 -v -t 'chargewatch/+/charger/+/cmd' > "$WORK/commands.log" 2>&1 &
  PIDS+=($!)
}

play_scenario() {
  "${SIM[@]}" run "$DEMO_SCENARIO" --broker "127.0.0.1:$MQTT_PORT" --speed "$DEMO_SPEED" --truth "$WORK/truth.json" \
    | sed -u 's/^/  sim: /'
}

influxql() { curl -sfG "$INFLUX_URL/query" --data-urlencode "db=$DB" --data-urlencode "q=$1"; }

# "column=value" lines of a single-row answer.
pairs() {
  local json=$1 columns values
  columns=$(printf '%s' "$json" | sed -n 's/.*"columns":\[\([^]]*\)\].*/\1/p' | tr -d '"')
  values=$(printf '%s' "$json" | sed -n 's/.*"values":\[\[\([^]]*\)\]\].*/\1/p')
  [ -n "$columns" ] || return 0
  paste -d= <(tr ',' '\n' <<< "$columns") <(tr ',' '\n' <<< "$values")
}

count_of() {
  local n
  n=$(pairs "$(influxql "SELECT count($2) FROM \"$1\"")" | sed -n 's/^count=//p')
  echo "${n:-0}"
}

stored_points() {
  local m total=0 n
  for m in port:a charger:a feeder:a meter:w sensor:tempC; do
    n=$(count_of "${m%%:*}" "${m#*:}")
    total=$((total + ${n:-0}))
  done
  echo "$total"
}

report() {
  step "stored in InfluxDB (database $DB)"
  printf '  %-8s %s\n' port "$(count_of port a)" charger "$(count_of charger a)" feeder "$(count_of feeder a)" \
    meter "$(count_of meter w)" sensor "$(count_of sensor tempC)" alert "$(count_of alert status)"
  step "rejected (worker counters, measurement chargewatch)"
  pairs "$(influxql 'SELECT last(*) FROM chargewatch')" | sed -n 's/^last_//p' \
    | grep -E '^(messages_received|messages_rejected|points_written|write_failures|duplicates|rejected_[a-z_]+)=' \
    | grep -vE '^rejected_[a-z_]+=0$' | sed 's/^/  /'
  local dead
  dead=$(find "$WORK/worker/data" -type f -iname '*dead*' 2>/dev/null | head -n 1)
  if [ -n "$dead" ]; then
    step "last dead letters ($dead)"
    tail -n 3 "$dead" | cut -c1-200 | sed 's/^/  /'
  fi
  step "alert messages on chargewatch/+/alerts/# (by rule and status)"
  if [ -s "$WORK/alerts.jsonl" ]; then
    sed -E 's/.*"rule":"([^"]*)","status":"([^"]*)".*/\1 \2/' "$WORK/alerts.jsonl" | sort | uniq -c | sed 's/^ */  /'
  else
    echo "  none"
  fi
  step "what the teams' webhooks received from Alertmanager"
  grep -E '^\[' "$WORK/webhook.log" | cut -c1-160 | sed 's/^/  /' || echo "  none"
  step "protective cut-off: commands sent to chargers"
  if [ -s "$WORK/commands.log" ]; then sed 's/^/  /' "$WORK/commands.log"; else echo "  none"; fi
  step "score against the scenario's truth (simulator score)"
  "${SIM[@]}" score --truth "$WORK/truth.json" --alerts "$WORK/alerts.jsonl" | sed 's/^/  /'
}

build_worker
step "starting services in $WORK"
start_mosquitto
start_influxdb
start_alertmanager
start_worker
start_alert_listener
step "playing scenario '$DEMO_SCENARIO' at ${DEMO_SPEED}x: alerts appear as they are raised and resolved"
play_scenario
step "letting the worker and Alertmanager catch up"
sleep "${DEMO_SETTLE_SECONDS:-10}"
report
