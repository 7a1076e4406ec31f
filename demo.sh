#!/usr/bin/env bash
# ChargeWatch in one command: real Mosquitto and InfluxDB in a temp directory, the worker (v1 API),
# a publisher of a small community's telemetry; then what was stored and what was rejected.
# Stops everything it started on exit or Ctrl-C. DEMO_SECONDS (default 30) sets the publishing time.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh

DEMO_SECONDS=${DEMO_SECONDS:-30}
SITE=${DEMO_SITE:-dongyuan-1}
DB=chargewatch

ensure_dotnet
ensure_packages mosquitto:mosquitto influxd:influxdb mosquitto_pub:mosquitto-clients curl:curl

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
  step "building the worker"
  dotnet build src/ChargeWatch.Worker --nologo -v quiet -clp:ErrorsOnly
  WORKER_DLL="${CW_ARTIFACTS:-$PWD/artifacts}/bin/ChargeWatch.Worker/debug/ChargeWatch.Worker.dll"
  [ -f "$WORKER_DLL" ] || { echo "worker not found at $WORKER_DLL" >&2; exit 1; }
}

start_mosquitto() {
  MQTT_PORT=$(free_port)
  mkdir -p "$WORK/mosquitto"
  cat > "$WORK/mosquitto/mosquitto.conf" <<CONF
listener $MQTT_PORT 127.0.0.1
allow_anonymous true
persistence true
persistence_location $WORK/mosquitto/
max_queued_messages 1000000
user $(id -un)
log_dest stdout
CONF
  "$(find_binary mosquitto)" -c "$WORK/mosquitto/mosquitto.conf" > "$WORK/mosquitto/mosquitto.log" 2>&1 &
  PIDS+=($!)
  wait_for "mosquitto" 10 bash -c "exec 3<>/dev/tcp/127.0.0.1/$MQTT_PORT"
  echo "mosquitto on 127.0.0.1:$MQTT_PORT"
}

start_influxdb() {
  INFLUX_PORT=$(free_port)
  INFLUX_URL="http://127.0.0.1:$INFLUX_PORT"
  local dir=$WORK/influxdb
  mkdir -p "$dir"
  cat > "$dir/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$(free_port)"
[meta]
  dir = "$dir/meta"
[data]
  dir = "$dir/data"
  wal-dir = "$dir/wal"
  query-log-enabled = false
[monitor]
  store-enabled = false
[http]
  bind-address = "127.0.0.1:$INFLUX_PORT"
  log-enabled = false
[logging]
  level = "warn"
CONF
  "$(find_binary influxd)" run -config "$dir/influxdb.conf" > "$dir/influxd.log" 2>&1 &
  PIDS+=($!)
  wait_for "influxd" 30 curl -sf "$INFLUX_URL/ping"
  curl -sf -XPOST "$INFLUX_URL/query" --data-urlencode "q=CREATE DATABASE $DB" > /dev/null
  echo "influxdb on $INFLUX_URL, database $DB"
}

start_worker() {
  mkdir -p "$WORK/worker"
  (
    cd "$WORK/worker"
    export ChargeWatch__Mqtt__Host=127.0.0.1 ChargeWatch__Mqtt__Port=$MQTT_PORT \
      ChargeWatch__Mqtt__ClientId=chargewatch-demo \
      ChargeWatch__Influx__Url=$INFLUX_URL ChargeWatch__Influx__Api=v1 ChargeWatch__Influx__Bucket=$DB \
      ChargeWatch__DataDirectory=$WORK/worker/data ChargeWatch__Counters__IntervalSeconds=2 \
      ChargeWatch__Http__Urls=http://127.0.0.1:$(free_port) ChargeWatch__Instance=demo
    exec dotnet "$WORKER_DLL"
  ) > "$WORK/worker/worker.log" 2>&1 &
  WORKER_PID=$!
  PIDS+=("$WORKER_PID")
  local deadline=$((SECONDS + 60))
  until grep -q "ChargeWatch ready" "$WORK/worker/worker.log"; do
    if ! kill -0 "$WORKER_PID" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      echo "the worker did not get ready; its log:" >&2
      tail -n 40 "$WORK/worker/worker.log" >&2
      exit 1
    fi
    sleep 0.2
  done
  echo "worker ready (log: $WORK/worker/worker.log)"
}

# Later issues print alerts here: everything on chargewatch/+/alerts/# is collected during the run.
start_alert_listener() {
  "$(find_binary mosquitto_sub)" -h 127.0.0.1 -p "$MQTT_PORT" -q 1 -v -t 'chargewatch/+/alerts/#' > "$WORK/alerts.log" 2>&1 &
  PIDS+=($!)
}

publish() { "$(find_binary mosquitto_pub)" -h 127.0.0.1 -p "$MQTT_PORT" -q 1 -t "chargewatch/$SITE/$1/$2/telemetry" -m "$3"; }

# The publisher: a small community (one shed with 3 ten-port chargers, its feeder and a smoke
# sensor, 4 household meters and a corridor meter), one reading per device every 2 s, with a few
# malformed messages among them. Swap this function for the simulator once it exists.
publish_community() {
  local round=0 seq ts c p ports a w total_a
  PUBLISHED=0
  local until=$((SECONDS + DEMO_SECONDS))
  while [ $SECONDS -lt $until ]; do
    round=$((round + 1)) seq=$round ts=$(date +%s%3N)
    total_a=0
    for c in 1 2 3; do
      ports=""
      for p in 1 2 3 4 5 6 7 8 9 10; do
        if [ $(((p + c) % 3)) -eq 0 ]; then
          a="1.$((RANDOM % 90 + 10))" w=$((220 * ${a%%.*} + RANDOM % 40 + 200))
          ports+="{\"port\":$p,\"state\":\"charging\",\"v\":221.0,\"a\":$a,\"w\":$w,\"wh\":$((round * 2 + p)).0},"
        else
          ports+="{\"port\":$p,\"state\":\"idle\",\"v\":221.0,\"a\":0.0,\"w\":0.0},"
        fi
      done
      publish charger "shed-a-c0$c" "{\"ts\":$ts,\"seq\":$seq,\"shed\":\"shed-a\",\"tempC\":$((30 + RANDOM % 5)).5,\"ports\":[${ports%,}]}"
    done
    publish feeder shed-a-feeder "{\"ts\":$ts,\"seq\":$seq,\"shed\":\"shed-a\",\"v\":230.1,\"a\":$((10 + RANDOM % 4)).2,\"w\":2710.0,\"wh\":$((81234 + round)).0,\"leakMa\":3.5}"
    publish sensor shed-a-smoke "{\"ts\":\"$(date +%Y-%m-%dT%H:%M:%S.%3N%:z)\",\"seq\":$seq,\"shed\":\"shed-a\",\"tempC\":$((28 + RANDOM % 3)).0,\"smoke\":false}"
    for unit in 6-601 6-602 6-603 6-604; do
      publish meter "m-$unit" "{\"ts\":$ts,\"seq\":$seq,\"w\":$((100 + RANDOM % 400)).0,\"v\":229.8,\"a\":1.2,\"pf\":0.9$((RANDOM % 9)),\"wh\":$((5000 + round)).0,\"role\":\"household\",\"building\":\"6\",\"unit\":\"$unit\"}"
    done
    publish meter m-6-corridor "{\"ts\":$ts,\"seq\":$seq,\"w\":$((20 + RANDOM % 10)).0,\"role\":\"corridor\",\"building\":\"6\"}"
    PUBLISHED=$((PUBLISHED + 10))
    # Every fifth round, the kind of input devices get wrong: broken JSON, a negative current, a missing field.
    if [ $((round % 5)) -eq 0 ]; then
      publish feeder shed-a-feeder '{"ts":1783517400000,"a":'
      publish charger shed-a-c01 "{\"ts\":$ts,\"ports\":[{\"port\":1,\"a\":-3.0}]}"
      publish meter m-6-601 "{\"ts\":$ts,\"v\":229.8}"
      MALFORMED=$((${MALFORMED:-0} + 3))
    fi
    if [ $((round % 3)) -eq 0 ]; then
      printf '  %3ds: %d readings published, %s points stored\n' "$((DEMO_SECONDS - until + SECONDS))" "$PUBLISHED" "$(stored_points)"
    fi
    sleep 2
  done
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
  echo "  ($PUBLISHED readings and ${MALFORMED:-0} malformed messages published)"
  local dead
  dead=$(find "$WORK/worker/data" -type f -iname '*dead*' 2>/dev/null | head -n 1)
  if [ -n "$dead" ]; then
    step "last dead letters ($dead)"
    tail -n 3 "$dead" | cut -c1-200 | sed 's/^/  /'
  fi
  step "alerts on chargewatch/+/alerts/#"
  if [ -s "$WORK/alerts.log" ]; then sed 's/^/  /' "$WORK/alerts.log" | cut -c1-200; else echo "  none"; fi
}

build_worker
step "starting services in $WORK"
start_mosquitto
start_influxdb
start_worker
start_alert_listener
step "publishing a small community's telemetry for ${DEMO_SECONDS}s"
publish_community
step "letting the worker flush"
sleep "${DEMO_SETTLE_SECONDS:-4}"
report
