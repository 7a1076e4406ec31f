# Shared shell helpers of test.sh, demo.sh and the scripts that run the stack (simulator/score-scenario.sh,
# bench/warm-start.sh). Source it; it defines functions only.

# Prints the path of a binary, also looking in sbin (Debian puts mosquitto there, outside a user's PATH).
find_binary() {
  local name=$1 dir
  if command -v "$name" >/dev/null 2>&1; then
    command -v "$name"
    return 0
  fi
  for dir in /usr/local/sbin /usr/sbin /sbin; do
    if [ -x "$dir/$name" ]; then
      echo "$dir/$name"
      return 0
    fi
  done
  return 1
}

# ensure_packages binary:package ... — installs the packages whose binary is missing (as root), or
# prints the exact command and fails.
ensure_packages() {
  local spec missing=()
  for spec in "$@"; do
    if ! find_binary "${spec%%:*}" >/dev/null; then
      missing+=("${spec#*:}")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  if [ "$(id -u)" -eq 0 ]; then
    echo "==> installing ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  else
    echo "Missing packages: ${missing[*]}. Install them with:" >&2
    echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing[*]}" >&2
    return 1
  fi
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is missing: see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
    return 1
  fi
}

# A TCP port on 127.0.0.1 nobody listens on (probed with bash's /dev/tcp).
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
}

# wait_for "what" seconds command... — retries the command every 0.2 s.
wait_for() {
  local what=$1 seconds=$2 deadline
  shift 2
  deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      echo "timed out after ${seconds}s waiting for $what" >&2
      return 1
    fi
    sleep 0.2
  done
}

# The services below run in $WORK (set by the caller), append their pids to the caller's PIDS array
# and set MQTT_PORT / INFLUX_URL. The database $DB (default chargewatch) is created.

# Mosquitto on a free loopback port, persistent sessions, queues large enough for a stopped worker.
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

# InfluxDB 1.x on free loopback ports (its RPC bind-address too), data in $WORK/influxdb.
start_influxdb() {
  local DB=${DB:-chargewatch}
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

# wait_for_worker PID LOG — until the worker logs "ChargeWatch ready"; its log and exit 1 otherwise.
wait_for_worker() {
  local pid=$1 log=$2 deadline=$((SECONDS + 60))
  until grep -qs "ChargeWatch ready" "$log"; do
    if ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      echo "the worker did not get ready; its log:" >&2
      tail -n 40 "$log" >&2
      exit 1
    fi
    sleep 0.2
  done
}

# use_work_dir NAME — WORK, a new temporary directory, and PIDS, what the script starts; on exit the
# started processes are stopped, the last first, and WORK is removed (kept with KEEP=1).
use_work_dir() {
  WORK=$(mktemp -d -t "chargewatch-$1.XXXXXX")
  PIDS=()
  trap stop_started EXIT
}

stop_started() {
  local i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do kill -TERM "${PIDS[$i]}" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "${KEEP:-0}" = 1 ]; then echo "files kept in $WORK"; else rm -rf "$WORK"; fi
}

# start_worker NAME [VARIABLE=VALUE ...] — the worker $WORKER_DLL on the Mosquitto and InfluxDB above
# (API v1, database chargewatch), its data and log in $WORK/NAME, with any further settings; returns
# once it is ready, with its pid in WORKER and its health/metrics URL in WORKER_URL.
start_worker() {
  local name=$1
  shift
  mkdir -p "$WORK/$name"
  WORKER_URL=http://127.0.0.1:$(free_port)
  (
    cd "$WORK/$name"
    export ChargeWatch__Mqtt__Host=127.0.0.1 ChargeWatch__Mqtt__Port=$MQTT_PORT ChargeWatch__Mqtt__ClientId=chargewatch-$name \
      ChargeWatch__Influx__Url=$INFLUX_URL ChargeWatch__Influx__Api=v1 ChargeWatch__Influx__Bucket=chargewatch \
      ChargeWatch__DataDirectory=$WORK/$name/data ChargeWatch__Http__Urls=$WORKER_URL ChargeWatch__Instance=$name
    for setting in "$@"; do export "${setting?}"; done
    exec dotnet "$WORKER_DLL"
  ) > "$WORK/$name/log" 2>&1 &
  WORKER=$!
  PIDS+=("$WORKER")
  wait_for_worker "$WORKER" "$WORK/$name/log"
}

# wait_until_received COUNT [TIMEOUT] — until the worker at WORKER_URL has received COUNT messages
# (its chargewatch_messages_received_total), or its count has not moved for 20 s, or TIMEOUT seconds
# (default 600) have passed: a publisher at full speed can be far ahead of a worker held back by
# InfluxDB, and what is scored before the worker has caught up is a cut-off evening.
wait_until_received() {
  local want=$1 deadline=$((SECONDS + ${2:-600})) got=0 last=-1 still_since=$SECONDS
  while :; do
    got=$(curl -sf "$WORKER_URL/metrics" | awk '/^chargewatch_messages_received_total / {print int($2)}' || true)
    got=${got:-0}
    if [ "$got" -ge "$want" ]; then
      return 0
    fi
    if [ "$got" -ne "$last" ]; then last=$got; still_since=$SECONDS; fi
    if [ $((SECONDS - still_since)) -ge 20 ] || [ $SECONDS -ge "$deadline" ]; then
      echo "warning: the worker received $got of $want messages; scoring what it raised so far" >&2
      return 0
    fi
    sleep 0.5
  done
}
